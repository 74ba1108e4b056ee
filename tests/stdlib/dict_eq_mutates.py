# A key's __eq__ may read or change the dict being searched (and an
# lru_cache'd function may be called again from a key's __eq__): the lookup
# goes on, or starts over, and never trips over the dict it is in.
import functools


class Clearing:
    def __init__(self, d, h=1):
        self.d = d
        self.h = h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        self.d.clear()
        return False


d = {}
d[Clearing(d)] = 1
print(Clearing(d) in d, len(d))

d = {}
d[Clearing(d)] = 1
print(d.get(Clearing(d)), len(d))


class Growing:
    calls = 0

    def __init__(self, d):
        self.d = d

    def __hash__(self):
        return 7

    def __eq__(self, other):
        Growing.calls += 1
        if Growing.calls < 5:
            self.d[Growing.calls] = Growing.calls
        return isinstance(other, Growing)


d = {}
d[Growing(d)] = "first"
d[Growing(d)] = "second"
print(sorted(((k if isinstance(k, int) else "G", v) for k, v in d.items()), key=repr))


class Reader:
    def __init__(self, d):
        self.d = d

    def __hash__(self):
        return 3

    def __eq__(self, other):
        return len(self.d) >= 0 and self is other


d = {}
r = Reader(d)
d[r] = "x"
d[Reader(d)] = "y"
print(d[r], len(d))

# set.difference and friends over a dict whose keys change it.
d = {}
d[Clearing(d, 5)] = 1
s = {Clearing(d, 5)}
print(len(s.difference(d)), len(d))


@functools.lru_cache(maxsize=None)
def f(x):
    return x.value


class Again:
    def __init__(self, value):
        self.value = value

    def __hash__(self):
        return 11

    def __eq__(self, other):
        if self.value == 1 and other.value == 0:
            f(Again(2))
        return self.value == other.value


print(f(Again(0)), f(Again(1)), f(Again(1)))
print(f.cache_info())
