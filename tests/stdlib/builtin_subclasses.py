class MyInt(int):
    def double(self):
        return self * 2
m = MyInt(5)
print(m, repr(m), m + 1, m * 2, m.double(), m == 5, m < 6, 5 == m, m > 4.5, hash(m) == hash(5), int(m), float(m), [0,1,2,3,4,5][m], bool(MyInt(0)), f"{m:03d}", m.bit_length(), isinstance(m, int), type(m).__name__, -m, abs(MyInt(-3)), divmod(m, 2), m ** 2, str(m), {m: 1}[5])
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
s = MyStr("hi")
print(s, repr(s), s + "x", s * 2, s.shout(), s == "hi", len(s), list(s), "h" in s, s[0], s.upper(), f"[{s:>5}]", "%s!" % s, hash(s) == hash("hi"), str(s), {s: 1}["hi"], s.split("i"), isinstance(s, str), sorted([MyStr("b"), MyStr("a")]))
class D(dict):
    def __missing__(self, k):
        return k * 2
d = D(a=1)
print(d, d['a'], d['zz'], len(d), 'a' in d, isinstance(d, dict), type(d).__name__)
d['b'] = 3
print(d, list(d), d.get('b'), d == {'a': 1, 'b': 3}, {'a': 1, 'b': 3} == d)
class L(list):
    def total(self):
        return sum(self)
l = L([1, 2, 3])
l.append(4)
print(l, l.total(), l[1:], len(l), l == [1, 2, 3, 4], l + [5])
l += [9]
print(type(l).__name__, l)
class P(tuple):
    def __new__(cls, x, y):
        return tuple.__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    def __repr__(self):
        return f"P(x={self[0]}, y={self[1]})"
p = P(1, 2)
a, b = p
print(p, p.x, a, b, p == (1, 2), hash(p) == hash((1, 2)), p < (1, 3), len(p), list(p), str(p))
print({p: 1})
x = dict(d)
print(x)
def f(**kw): return kw
print(f(**d))
print(sorted(L([3,1,2])))
print(L.__mro__)
try:
    hash(d)
except TypeError as e:
    print(e)
class E(dict):
    def __init__(self, n):
        super().__init__()
        self.n = n
e = E(5)
print(e, e.n)
