# Subclasses of str, bytes and bytearray: methods return the base type,
# instances are accepted wherever text is (join, %, format, dict keys, in),
# and overridden dunders are honoured.
import json


class Upper(str):
    def __new__(cls, text):
        return super().__new__(cls, text.upper())

    def shout(self):
        return self + "!"


u = Upper("hi")
print(u, repr(u), len(u), u.shout(), type(u.shout()).__name__, u.lower(), type(u.lower()).__name__, u.strip(), type(u.strip()).__name__)
print("-".join([u, Upper("x"), "y"]), u.join(["a", "b"]), u in "xHIx", "H" in u, Upper("I") in u, u * 2, 2 * u, u[0], type(u[0]).__name__, u[::-1], list(u), u.split("I"))
print(u == "HI", "HI" == u, u < "Z", u + "a", "a" + u, type("a" + u).__name__, f"{u}", f"{u:>5}|", "%s|%r|%5s" % (u, u, u), "{}".format(u), json.dumps(u), json.dumps({u: u}))
print(sorted([Upper("b"), Upper("a")]), {u: 1}, {"HI": 1}[u], {u: 1}["HI"], u.startswith(Upper("H")), "xHI".endswith(u), "aHIb".replace(u, "-"), "aHIb".find(u), "aHIb".split(u), u.encode(), str(u), type(str(u)).__name__, hash(u) == hash("HI"))
print(int(Upper("12")), float(Upper("1.5")), int(Upper("ff"), 16), isinstance(u, str), u.isupper(), u.center(6, "*"), u.zfill(4), u.partition("I"), ord(Upper("a")), u.format(), Upper("{}!").format(1))


class Tagged(str):
    def __str__(self):
        return f"<{str.__str__(self)}>"

    def __repr__(self):
        return f"Tagged({str.__repr__(self)})"

    def __len__(self):
        return 99

    def __getitem__(self, i):
        return "item"

    def __iter__(self):
        return iter("xyz")

    def __contains__(self, x):
        return x == "magic"

    def __eq__(self, other):
        return str.__eq__(self.lower(), str(other).lower())

    __hash__ = str.__hash__


t = Tagged("Ab")
print(t, str(t), repr(t), len(t), t[0], list(t), "magic" in t, "A" in t, t == "AB", f"{t}", "%s" % t, "%r" % t, [t], "".join(t), "-".join([t]), t.upper(), sorted(t), {"x": t})


class Path(str):
    def __truediv__(self, other):
        return Path(f"{self}/{other}")


print(Path("usr") / "lib" / "x", type(Path("a") / "b").__name__)


class B(bytes):
    def first(self):
        return self[0]


b = B(b"abc")
print(b, repr(b), len(b), b.first(), b + b"d", type(b + b"d").__name__, b"x" + b, b[1:], type(b[1:]).__name__, b.upper(), b.decode(), list(b), b == b"abc", bytes(b), type(bytes(b)).__name__, b.hex(), b.split(B(b"b")), b"-".join([b, B(b"z")]), b"b" in b, 98 in b, {b: 1}[b"abc"], b * 2)


class FromBytes:
    def __bytes__(self):
        return b"converted"


class B2(bytes):
    def __new__(cls, n):
        return super().__new__(cls, [n, n + 1])


print(bytes(FromBytes()), B(FromBytes()), B2(65), B(3), B("é", "utf-8"), B([104, 105]), str(b, "ascii"), B(bytearray(b"ba")))


class BA(bytearray):
    def __init__(self, data=b"", tag="t"):
        super().__init__(data)
        self.tag = tag


ba = BA(b"ab")
ba += b"cd"
ba.append(101)
ba.extend(b"f")
ba[0] = 65
print(ba, repr(ba), len(ba), ba[0], ba[1:3], bytes(ba), type(ba).__name__, ba.tag, ba == b"Abcdef", b"Abcdef" == ba, b"bc" in ba, ba + b"!", ba * 2, list(ba)[:2], ba.decode(), b"<" + ba)
x = bytearray(b"x")
x += b"yz"
x += bytearray(b"!")
x *= 2
print(x, x + b"!", bytearray(b"ab") == bytearray(b"ab"), bytearray(3), bytearray([1, 2]), bytearray("hi", "ascii"), bytes(bytearray(b"q")), b"a" + bytearray(b"b"))
try:
    hash(ba)
except TypeError as e:
    print("TypeError:", e)
try:
    ba + "str"
except TypeError as e:
    print("TypeError:", e)
