"""Edge cases of the fast paths in sum(), subscripting and list/dict methods."""


def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)


# sum: ints and bools as i64, overflow into big ints, floats, mixtures.
big = 2**63 - 1
show(lambda: sum([True, True]))
show(lambda: sum([True, False], True))
show(lambda: sum([], True))
show(lambda: sum([], 0.0))
show(lambda: sum([big, 1]))
show(lambda: sum([big, 1, -1]))
show(lambda: sum([-big, -1, -1]))
show(lambda: sum([big, True]))
show(lambda: sum([1, 2.5, 3]))
show(lambda: sum([0.1] * 10))
show(lambda: sum([0.1, 0.2, 1e16, -1e16]))
show(lambda: sum([1.5, True, 2]))
show(lambda: sum([1, 2], 2**70))
show(lambda: sum([2**70, -(2**70), 5]))
show(lambda: sum(x for x in range(10)))
show(lambda: sum(range(5), 10))
show(lambda: sum([[1], [2]], []))
show(lambda: sum([1, "a"]))
show(lambda: sum(["a"], ""))
show(lambda: sum([1], start=5))


class MyInt(int):
    def __radd__(self, other):
        return "radd"

    def __add__(self, other):
        return "add"


show(lambda: sum([1, MyInt(2)]))
show(lambda: sum([MyInt(2), 1]))

# A list that grows while sum() reads it.
grow = [1, 2, 3]


def items():
    for x in grow:
        if len(grow) < 6:
            grow.append(10)
        yield x


show(lambda: sum(items()))

# Subscripting lists, tuples, strs, dicts.
lst = [10, 20, 30]
tup = (1, 2, 3)
show(lambda: lst[-1])
show(lambda: lst[-3])
show(lambda: lst[3])
show(lambda: lst[-4])
show(lambda: lst[True])
show(lambda: lst[2**64])
show(lambda: lst["a"])
show(lambda: lst[1.0])
show(lambda: tup[-1])
show(lambda: tup[3])
show(lambda: tup[-4])
show(lambda: tup[None])
show(lambda: "abc"[-1])
show(lambda: "abc"[5])
show(lambda: {"a": 1}["a"])
show(lambda: {"a": 1}["b"])
show(lambda: {1: "x"}[True])
show(lambda: {1: "x"}[1.0])
show(lambda: {(1, 2): "t"}[(1, 2)])
show(lambda: {}[[1]])


class BigIdx:
    def __index__(self):
        return 2**64


class Idx:
    def __index__(self):
        return -2


show(lambda: lst[Idx()])
show(lambda: lst[MyInt(1)])
show(lambda: lst[BigIdx()])
show(lambda: store([1, 2], BigIdx(), 0))
show(lambda: tup[Idx()])


def store(obj, key, value):
    obj[key] = value
    return obj


show(lambda: store([1, 2, 3], -1, "x"))
show(lambda: store([1, 2, 3], 3, "x"))
show(lambda: store([1, 2, 3], -4, "x"))
show(lambda: store([1, 2, 3], Idx(), "x"))
show(lambda: store([1, 2, 3], "a", "x"))
show(lambda: store([1, 2, 3], 2**64, "x"))
show(lambda: store((1, 2), 0, "x"))
show(lambda: store({}, "k", 1))
show(lambda: store({}, [], 1))


def delete(obj, key):
    del obj[key]
    return obj


show(lambda: delete([1, 2, 3], -1))
show(lambda: delete([1, 2, 3], 3))
show(lambda: delete([1, 2, 3], "a"))
show(lambda: delete([1, 2, 3], 2**64))
show(lambda: delete([1, 2, 3], Idx()))
show(lambda: delete({"a": 1, "b": 2}, "a"))
show(lambda: delete({"a": 1}, "b"))


class L(list):
    def __getitem__(self, i):
        return ("L.getitem", i)

    def __setitem__(self, i, v):
        print("L.setitem", i, v)

    def __delitem__(self, i):
        print("L.delitem", i)


class D(dict):
    def __getitem__(self, k):
        return ("D.getitem", k)

    def __setitem__(self, k, v):
        print("D.setitem", k, v)

    def __missing__(self, k):
        return "missing"


class M(dict):
    def __missing__(self, k):
        return ("missing", k)


sub = L([1, 2, 3])
show(lambda: sub[0])
sub[0] = 5
del sub[1]
print(list(sub))
d = D(a=1)
show(lambda: d["a"])
d["b"] = 2
print(list(d.keys()))
m = M(a=1)
show(lambda: m["a"])
show(lambda: m["zz"])
show(lambda: sum(L([1, 2])))
show(lambda: sum(D(a=1)))

# Repetition of lists and tuples.
show(lambda: [True] * 3)
show(lambda: 2 * [1, "a"])
show(lambda: [] * 10**9)
show(lambda: [1, 2] * -1)
show(lambda: (1,) * 4)
show(lambda: 3 * (1, 2))
show(lambda: [[0] * 2] * 2)
rep = [1, 2]
alias = rep
rep *= 2
print(rep, alias is rep)
rep *= 0
print(rep, alias is rep)
