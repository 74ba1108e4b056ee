# collections.abc written afresh: the mixins' results, orders and errors,
# the abstract methods' neutral bodies and names, the structural hooks and
# the registrations of built-in types.
import asyncio
import collections.abc as A
import types


def show(thunk):
    try:
        print("  ", repr(thunk()))
    except Exception as e:
        print("  ", type(e).__name__, repr(e), e.__suppress_context__)


class S(A.MutableSet):
    def __init__(self, it=()):
        self.items = list(dict.fromkeys(it))
    def __len__(self):
        return len(self.items)
    def __iter__(self):
        return iter(list(self.items))
    def __contains__(self, x):
        return x in self.items
    def add(self, x):
        if x not in self.items:
            self.items.append(x)
    def discard(self, x):
        if x in self.items:
            self.items.remove(x)
    def __repr__(self):
        return f"S{self.items}"


print("-- Set algebra and comparisons")
x = S([1, 2, 3])
for thunk in (lambda: x & [3, 2, 9], lambda: [3, 2, 9] & x, lambda: x | [5, 1, 4],
              lambda: [5, 1, 4] | x, lambda: x - [2], lambda: [2, 7, 1] - x,
              lambda: x ^ [4, 2, 5], lambda: [4, 2, 5] ^ x, lambda: x & 5,
              lambda: x - 5, lambda: x ^ 5, lambda: x | 5, lambda: 5 - x,
              lambda: x < [1], lambda: x == {1, 2, 3}, lambda: x <= {1, 2, 3, 4},
              lambda: x.__eq__([1, 2, 3]), lambda: x > S([1]), lambda: x >= S([1, 9]),
              lambda: x < S([1, 2, 3]), lambda: x != S([3, 2, 1]),
              lambda: x.isdisjoint([4]), lambda: x.isdisjoint([3]),
              lambda: x.isdisjoint(5), lambda: x.__rsub__(5), lambda: x.__rxor__(5),
              lambda: x._hash() == hash(frozenset([1, 2, 3])), lambda: S._from_iterable("ab")):
    show(thunk)
print(A.Set.__hash__, A.Set.__le__.__qualname__, A.Set.__and__.__qualname__)

print("-- MutableSet")
show(lambda: S().pop())
show(lambda: S([1]).remove(2))
for op, arg in (("__ixor__", "self"), ("__isub__", "self"), ("__iand__", [2, 5]),
                ("__ixor__", [2, 3, 3]), ("__ior__", [7]), ("__iand__", "self"),
                ("__ior__", 5), ("__iand__", 5), ("__ixor__", 5), ("__isub__", 5),
                ("__isub__", [1, 9])):
    y = S([1, 2])
    show(lambda: (getattr(y, op)(y if arg == "self" else arg) is y, y))
y = S([1, 2, 3])
print(y.pop(), y)
y.clear()
print(y, A.MutableSet.__ior__.__qualname__)


class M(A.MutableMapping):
    def __init__(self, *a, **k):
        self.d = {}
        self.update(*a, **k)
    def __getitem__(self, k):
        return self.d[k]
    def __setitem__(self, k, v):
        self.d[k] = v
    def __delitem__(self, k):
        del self.d[k]
    def __iter__(self):
        return iter(list(self.d))
    def __len__(self):
        return len(self.d)


print("-- Mapping and MutableMapping")
m = M({"a": 1}, b=2)
print(m.d, m.get("a"), m.get("z"), m.get("z", 5), "a" in m, "z" in m,
      m == {"a": 1, "b": 2}, m.__eq__(3), m != {"a": 1})
show(lambda: m.pop("z"))
print(m.pop("z", 9), m.pop("a"), m.d, m.setdefault("c", 3), m.setdefault("c", 4),
      m.popitem(), m.d)
show(lambda: M().popitem())
show(lambda: M(5))
show(lambda: M([(1, 2, 3)]))
show(lambda: M([1]))


class KeysOnly:
    def keys(self):
        return ["p", "q"]
    def __getitem__(self, k):
        return k * 2


print(M(KeysOnly()).d, M([("x", 1)], x=2).d, M(M(r=1)).d)
show(lambda: m.update({}, {}))
m.update(self=1, other=2)
print(sorted(m.d.items()))
mm = M(a=1, b=2)
mm.clear()
print(mm.d)
items = M(a=1, b=[2]).items()
print(("b", [2]) in items, ("b", 3) in items, ("z", 1) in items, list(items),
      [2] in M(a=1, b=[2]).values(), 9 in M(a=1).values(), list(M(a=1).values()),
      list(M(a=1, b=2).keys()), "a" in M(a=1).keys(), len(items))
print(M(a=1).keys() & ["a", "c"], M(a=1).items() | [(1, 2)],
      type(M(a=1).keys() - []).__name__, type(M(a=1).items() ^ []).__name__)
print(repr(M().keys())[:23], A.Mapping.__reversed__, A.Mapping.__hash__,
      A.Mapping.keys.__qualname__, A.MutableMapping.pop.__qualname__)
show(lambda: 5 in items)

print("-- Sequence and MutableSequence")


class Q(A.MutableSequence):
    def __init__(self, it=()):
        self.l = list(it)
    def __getitem__(self, i):
        return self.l[i]
    def __setitem__(self, i, v):
        self.l[i] = v
    def __delitem__(self, i):
        del self.l[i]
    def __len__(self):
        return len(self.l)
    def insert(self, i, v):
        self.l.insert(i, v)
    def __repr__(self):
        return f"Q{self.l}"


q = Q([1, 2, 3, 2, float("nan")])
print(list(q), list(reversed(q)), 2 in q, 9 in q, q.count(2), q.index(2),
      q.index(2, 2), q.index(2, -2), q.index(1, -100))
nan = q[4]
print(nan in q, q.count(nan), q.index(nan))
for args in ((9,), (2, 0, 1), (2, 4), (3, 0, -2), (3, 0, -3), (2, 1.0), (3, 1, 100)):
    show(lambda: q.index(*args))
print(q.pop(), q.pop(0), q)
q.append(7)
q.extend([8, 9])
q.extend(q)
print(q)
q.reverse()
print(q)
q.remove(2)
print(q)
show(lambda: q.remove(99))
q += [5]
print(q)
q.clear()
print(q)
show(lambda: q.pop())
for n in range(6):
    z = Q(range(n))
    z.reverse()
    print(z, end=" ")
print()
print(type(iter(q)).__name__, type(reversed(q)).__name__)


class Bad(A.Sequence):
    def __getitem__(self, i):
        if i < 3:
            return i
        raise IndexError(i)
    def __len__(self):
        return 10


print(list(Bad()), 2 in Bad(), Bad().index(2), Bad().count(1))
show(lambda: Bad().index(7))
show(lambda: list(reversed(Bad())))

print("-- protocol ABCs: neutral bodies, names, hooks")
print(A.Hashable.__hash__(1), A.Sized.__len__(1), A.Container.__contains__(1, 2),
      A.Callable.__call__(1), list(A.Iterable.__iter__(1)),
      list(A.Reversible.__reversed__(1)), list(A.Awaitable.__await__(1)))
for f in (A.Hashable.__hash__, A.Iterator.__iter__, A.Iterator.__next__,
          A.Generator.send, A.Generator.throw, A.Generator.close,
          A.Coroutine.throw, A.AsyncIterator.__aiter__, A.AsyncGenerator.aclose,
          A.Sequence.__getitem__, A.MutableSequence.insert, A.MutableSet.add):
    print(f.__qualname__, f.__name__, getattr(f, "__isabstractmethod__", False))
show(lambda: A.Iterator.__next__(1))
show(lambda: A.Generator.send(1, 2))
for args in [(ValueError,), (ValueError, None), (ValueError("x"),), (ValueError, "y"),
             (ValueError, ValueError("z"))]:
    show(lambda: A.Generator.throw(1, *args))
show(lambda: A.Sequence.__getitem__(1, 0))
show(lambda: A.Mapping.__getitem__(1, 0))
show(lambda: A.MutableSet.add(1, 0))
show(lambda: A.AsyncIterable.__aiter__(1))


class Gen(A.Generator):
    def __init__(self, mode):
        self.mode = mode
    def send(self, value):
        return ("sent", value)
    def throw(self, typ, val=None, tb=None):
        if self.mode == "ignore":
            return "ignored"
        if self.mode == "stop":
            raise StopIteration
        raise typ


class Co(A.Coroutine):
    def __await__(self):
        yield
    def send(self, value):
        return value
    def throw(self, typ, val=None, tb=None):
        return "ignored"


print(next(Gen("x")), iter(Gen("x")).mode)
for mode in ("ignore", "stop", "raise"):
    show(lambda: Gen(mode).close())
show(lambda: Co().close())


class AGen(A.AsyncGenerator):
    def __init__(self, mode):
        self.mode = mode
    async def asend(self, value):
        return ("asent", value)
    async def athrow(self, typ, val=None, tb=None):
        if self.mode == "ignore":
            return "ignored"
        raise typ


async def main():
    print(await AGen("x").__anext__(), AGen("x").__aiter__().mode)
    for mode in ("ignore", "raise"):
        try:
            print(await AGen(mode).aclose())
        except RuntimeError as e:
            print("RuntimeError", e)
    for thunk in (lambda: A.AsyncIterator.__anext__(1), lambda: A.AsyncGenerator.asend(1, 2),
                  lambda: A.AsyncGenerator.athrow(1, KeyError, "k")):
        try:
            await thunk()
        except BaseException as e:
            print(type(e).__name__, e.args)

asyncio.run(main())


class OptOut:
    __iter__ = None
    def __len__(self):
        return 0
    def __contains__(self, x):
        return False


class Full(OptOut):
    def __iter__(self):
        return iter(())


class MyIterable(A.Iterable):
    pass


class Plain:
    def __iter__(self):
        return iter(())


print(issubclass(OptOut, A.Iterable), issubclass(OptOut, A.Sized),
      issubclass(OptOut, A.Collection), issubclass(Full, A.Collection),
      issubclass(Plain, A.Iterable), issubclass(Plain, MyIterable),
      issubclass(Plain, A.Reversible), issubclass(list, A.Reversible))
print(A.Iterable[int], A.Callable[[int], str], A.Awaitable[int], A.KeysView[str])
try:
    A.Sized[int]
except TypeError as e:
    print("TypeError", e)

print("-- registrations")
# (dict views and mappingproxy are left to the line after: towel's are not
# yet reversible, and their types do not say __hash__ = None.)
print([isinstance(v, c) for v, c in (
    ({}.keys(), A.KeysView), ({}.items(), A.ItemsView), ({}.values(), A.ValuesView),
    (types.MappingProxyType({}), A.Mapping), ({}.keys(), A.Set), ({}.values(), A.Set),
    (types.MappingProxyType({}), A.MutableMapping))])
for value in (memoryview(b""), {}, [], (), "", b"", bytearray(), range(3), set(),
              frozenset(), len, print, type, lambda: 0, iter([]), (i for i in ()), 1):
    print(type(value).__name__,
          [name for name in sorted(A.__all__) if isinstance(value, getattr(A, name))])
