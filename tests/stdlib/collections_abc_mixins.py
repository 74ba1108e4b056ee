# collections.abc: structural subclass hooks, the mixin methods each ABC
# builds from its abstract ones (Set algebra and comparisons, Mapping and
# MutableMapping, Sequence and MutableSequence, the generator protocols),
# and registrations of the built-in types.
import collections.abc as abc
from collections.abc import (
    AsyncGenerator, AsyncIterable, AsyncIterator, Awaitable, ByteString, Callable,
    Collection, Container, Coroutine, Generator, Hashable, ItemsView, Iterable, Iterator,
    KeysView, Mapping, MappingView, MutableMapping, MutableSequence, MutableSet,
    Reversible, Sequence, Set, Sized, ValuesView,
)

print(sorted(abc.__all__))
for name in sorted(abc.__all__):
    cls = getattr(abc, name)
    print(name, [b.__name__ for b in cls.__bases__], sorted(cls.__abstractmethods__))

# structural hooks
class OnlyLen:
    def __len__(self): return 3
class OnlyIter:
    def __iter__(self): return iter(())
class Both(OnlyLen, OnlyIter):
    def __contains__(self, x): return False
class NoIter(OnlyIter):
    __iter__ = None
class Rev(OnlyIter):
    def __reversed__(self): return iter(())
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
class Gen(It):
    def send(self, v): raise StopIteration
    def throw(self, *a): raise StopIteration
    def close(self): pass
class Aw:
    def __await__(self): yield
class Co(Aw):
    def send(self, v): pass
    def throw(self, *a): pass
    def close(self): pass
class AIt:
    def __aiter__(self): return self
    async def __anext__(self): raise StopAsyncIteration
class AGen(AIt):
    async def asend(self, v): pass
    async def athrow(self, *a): pass
    async def aclose(self): pass
class Unhashable:
    __hash__ = None
class Calls:
    def __call__(self): pass
candidates = [OnlyLen, OnlyIter, Both, NoIter, Rev, It, Gen, Aw, Co, AIt, AGen, Unhashable, Calls, int, str, list, dict, tuple, frozenset, range, bytes, type, type(len), type(lambda: 0)]
one_trick = [Hashable, Sized, Container, Callable, Iterable, Iterator, Reversible, Generator, Collection, Awaitable, Coroutine, AsyncIterable, AsyncIterator, AsyncGenerator]
for cand in candidates:
    print(cand.__name__, [a.__name__ for a in one_trick if issubclass(cand, a)])
class SubSized(Sized):
    def __len__(self): return 0
print("hook not inherited:", issubclass(OnlyLen, SubSized), issubclass(SubSized, Sized))
def g(): yield 1
async def c(): pass
async def ag(): yield 1
co = c()
print(isinstance(g(), Generator), isinstance(co, Coroutine), isinstance(co, Awaitable), isinstance(ag(), AsyncGenerator))
co.close()
print(Iterable[int], Callable[[int], str] is not None, MappingView[int], Container[str])
for bad in (Sized, Hashable):
    try:
        bad[int]
    except TypeError as e:
        print("TypeError:", e)

# a Set built from the mixins
class ListSet(Set):
    def __init__(self, items=()):
        self.items = []
        for x in items:
            if x not in self.items:
                self.items.append(x)
    def __contains__(self, x): return x in self.items
    def __iter__(self): return iter(self.items)
    def __len__(self): return len(self.items)
    def __repr__(self): return f"ListSet({self.items})"
    __hash__ = Set._hash
a, b = ListSet([1, 2, 3]), ListSet([3, 4])
print(a & b, a | b, a - b, a ^ b, b - a)
print(a & [2, 9], a | (7,), a - [1], a ^ [1, 9], [1, 9, 2] - a, {3: 0} & a, [5] | a, (1, 5) ^ a)
print(a <= ListSet([1, 2, 3, 4]), a < a, a <= a, a >= ListSet([1]), a > ListSet([1]), a == ListSet([3, 2, 1]), a != b)
print(a == {1, 2, 3}, a <= {1, 2, 3, 4}, a.isdisjoint([7, 8]), a.isdisjoint(b))
print(hash(ListSet([1, 2, 3])) == hash(frozenset({1, 2, 3})), hash(ListSet()) == hash(frozenset()))
for op in ("__and__", "__or__", "__sub__", "__xor__", "__le__", "__lt__", "__eq__", "__rsub__"):
    print(op, getattr(a, op)(5))
try:
    a < [1, 2, 3, 4]
except TypeError as e:
    print("TypeError:", e)

class ListMutableSet(ListSet, MutableSet):
    def add(self, x):
        if x not in self.items:
            self.items.append(x)
    def discard(self, x):
        if x in self.items:
            self.items.remove(x)
m = ListMutableSet([1, 2, 3])
m |= [4, 5]; print(m)
m &= [1, 2, 4, 9]; print(m)
m ^= [2, 10]; print(m)
m -= [1]; print(m)
m.remove(4); print(m)
try:
    m.remove(99)
except KeyError as e:
    print("KeyError:", e)
print(m.pop(), m)
m.clear(); print(m)
try:
    m.pop()
except KeyError as e:
    print("KeyError:", repr(e))
m = ListMutableSet([1, 2]); m ^= m; print(m)
m = ListMutableSet([1, 2]); m -= m; print(m)

# Mapping and MutableMapping
class Store(MutableMapping):
    def __init__(self, *args, **kw):
        self.data = {}
        self.update(*args, **kw)
    def __getitem__(self, k):
        return self.data[k]
    def __setitem__(self, k, v):
        self.data[k] = v
    def __delitem__(self, k):
        del self.data[k]
    def __iter__(self): return iter(self.data)
    def __len__(self): return len(self.data)
s = Store({"a": 1}, b=2)
s.update([("c", 3)])
class KeysOnly:
    def keys(self): return ["x"]
    def __getitem__(self, k): return k * 2
s.update(KeysOnly(), d=4)
print(s.data, len(s), "a" in s, "z" in s, s.get("a"), s.get("z"), s.get("z", 0))
print(list(s.keys()), list(s.items()), list(s.values()))
print(repr(s.keys())[:9], repr(s.values())[:12], ("a", 1) in s.items(), ("a", 2) in s.items(), ("q", 1) in s.items(), 4 in s.values(), 99 in s.values())
print(s.keys() & {"a", "zz"}, s.keys() | {"n"} >= {"a"}, s.items() - {("a", 1)} == {("b", 2), ("c", 3), ("x", "xx"), ("d", 4)})
print(type(s.keys() & {"a"}).__name__, type(s.items() | set()).__name__)
print(s == {"a": 1, "b": 2, "c": 3, "x": "xx", "d": 4}, s == Store(), s == 5, s != {})
print(s.pop("a"), s.pop("a", "gone"), s.setdefault("b", 9), s.setdefault("n", 7), s.data)
try:
    s.pop("a")
except KeyError as e:
    print("KeyError:", e)
print(s.popitem(), s.data)
s.clear(); print(s.data)
try:
    s.popitem()
except KeyError as e:
    print("KeyError:", repr(e))
print(Mapping.__reversed__, Mapping.__hash__, Set.__hash__)
try:
    reversed(s)
except TypeError as e:
    print("TypeError:", e)
v = s.values()
print(isinstance(v, ValuesView), isinstance({}.keys(), KeysView), isinstance({}.items(), ItemsView), isinstance({}.values(), ValuesView), isinstance({}.keys(), Set))

# Sequence and MutableSequence
class Seq(Sequence):
    def __init__(self, *items): self.items = list(items)
    def __getitem__(self, i): return self.items[i]
    def __len__(self): return len(self.items)
q = Seq(1, 2, 3, 2, float("nan"))
nan = q[4]
print(list(q), list(reversed(q)), 2 in q, 9 in q, nan in q, q.count(2), q.count(nan), q.index(2), q.index(2, 2), q.index(2, -3))
for args in ((9,), (2, 0, 1), (1, 1)):
    try:
        q.index(*args)
    except ValueError as e:
        print("ValueError:", repr(e))
class MSeq(Seq, MutableSequence):
    def __setitem__(self, i, v): self.items[i] = v
    def __delitem__(self, i): del self.items[i]
    def insert(self, i, v): self.items.insert(i, v)
ms = MSeq(1, 2, 3)
ms.append(4); ms.extend([5, 6]); ms += (7,); print(ms.items)
ms.extend(ms); print(ms.items)
ms.reverse(); print(ms.items)
print(ms.pop(), ms.pop(0), ms.items)
ms.remove(5); print(ms.items)
try:
    ms.remove(99)
except ValueError as e:
    print("ValueError:", repr(e))
ms.clear(); print(ms.items)
try:
    ms.pop()
except IndexError as e:
    print("IndexError:", e)
print(issubclass(list, MutableSequence), issubclass(tuple, Sequence), issubclass(str, Sequence), issubclass(range, Sequence), issubclass(bytes, ByteString), issubclass(bytearray, MutableSequence), issubclass(bytearray, ByteString), issubclass(dict, MutableMapping), issubclass(set, MutableSet), issubclass(frozenset, Set), issubclass(list, Reversible))

# generator protocol mixins
class Countdown(Generator):
    def __init__(self, n): self.n = n
    def send(self, value):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n
    def throw(self, typ, val=None, tb=None):
        return super().throw(typ, val, tb)
cd = Countdown(3)
print(list(cd), iter(cd) is cd)
cd = Countdown(3)
cd.close()
class Stubborn(Countdown):
    def throw(self, *a): return 1
try:
    Stubborn(1).close()
except RuntimeError as e:
    print("RuntimeError:", e)
for args in ((ValueError,), (ValueError, ValueError("v")), (ValueError, None, None)):
    try:
        Countdown(1).throw(*args)
    except ValueError as e:
        print("ValueError:", repr(e))
class Coro(Coroutine):
    def send(self, v): raise StopIteration(v)
    def throw(self, typ, val=None, tb=None): return super().throw(typ, val, tb)
    def __await__(self): return iter(())
Coro().close()
class StubbornCoro(Coro):
    def throw(self, *a): return 1
try:
    StubbornCoro().close()
except RuntimeError as e:
    print("RuntimeError:", e)

import asyncio
class Ticker(AsyncGenerator):
    def __init__(self): self.n = 0
    async def asend(self, v):
        self.n += 1
        if self.n > 3:
            raise StopAsyncIteration
        return self.n
    async def athrow(self, typ, val=None, tb=None):
        return await super().athrow(typ, val, tb)
class StubbornTicker(Ticker):
    async def athrow(self, *a): return 1
async def main():
    t = Ticker()
    print([x async for x in t], t.__aiter__() is t)
    await Ticker().aclose()
    try:
        await StubbornTicker().aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)
asyncio.run(main())

try:
    Sequence()
except TypeError as e:
    print("TypeError:", e)
print(Sized.__len__(None), Container.__contains__(None, 1), Hashable.__hash__(None), list(Iterable.__iter__(None)), Callable.__call__(None))
