"""str methods, formatting and conversions whose fast paths (ASCII, short strings,
one-byte separators, small ints) must agree with the general paths."""

samples = ["", "a", "abc", "  pad  ", "héllo wörld", "日本語 テキスト", "x" * 40,
           "é" * 20, "tab\there", "a\x1cb\x1dc\x1ed\x1fe", "\u2003em\u2003", "mixé" + "z" * 30]

for s in samples:
    print(repr(s), len(s), s.upper(), s.lower(), repr(s.strip()), repr(s.lstrip()),
          repr(s.rstrip()), s.split(), s.split(None, 1), s.rsplit(None, 1), s.isdigit())

# Whitespace as str.isspace() sees it, including \x1c-\x1f and non-ASCII spaces.
print("a\x1cb c\x1fd".split(), "\x1c x \x1f".strip(), "\x85a\u3000".strip())
print(" a  b  c ".split(None, 1), " a  b  c ".split(None, 0), "   ".split(None, 0))
print(" a  b  c ".rsplit(None, 1), "a\u2003b".split(), "a\u2003b\u2003".rsplit(None, 1))

# Separators of one and several bytes, limits, non-ASCII text.
for t in ["a,b,,c", ",", "", "é,ü,,日", "a::b::c", "::"]:
    print(t.split(","), t.split(",", 1), t.rsplit(",", 1), t.split("::"), t.split("::", 1),
          t.partition(","), t.rpartition(","), t.partition("::"), t.count(","),
          t.count("::"), t.count(""), t.find(","), t.rfind(","), t.find("::"))

# find/count/startswith with start and end, negative indices, non-ASCII offsets.
u = "héllo wörld héllo"
print(u.find("llo"), u.find("llo", 3), u.rfind("llo"), u.find("ö", -8), u.find("l", 2, 4),
      u.count("l"), u.count("l", 3), u.count("l", -5, -1), u.startswith("hé"),
      u.startswith("llo", 2), u.endswith("llo", 0, 5), u.startswith(("x", "wö"), 6),
      u.find(""), u.find("", 30), u.rfind(""), u.index("w"), u.rindex("é"))
print("abc".find("c", -1), "abc".find("a", 5), "abc".count("", 1), "abc".endswith(""))

# splitlines: every line break, with and without keepends.
lines = "a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l\n\nend"
print(lines.splitlines(), lines.splitlines(True), "x\n".splitlines(), "".splitlines())
print("\r\n".splitlines(True), "a\r".splitlines(True), "é\nü".splitlines())

# join of lists, tuples and other iterables; errors.
print("-".join(["a", "b", "c"]), "".join(("x", "y")), ", ".join(str(i) for i in range(4)),
      "é".join("abc"), "-".join([]), "sep".join(["only"]), len("ü".join(["é" * 20] * 3)))
try:
    "-".join(["a", 1])
except TypeError as e:
    print("TypeError", e)

# replace, zfill, strip with characters.
print("aXbXc".replace("X", "--"), "aXbXc".replace("X", "", 1), "abc".replace("z", "y"),
      "ééé".replace("é", "e", 2), "abab".replace("ab", "ba"), "abc".replace("", "-"))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(1), "é".zfill(3), "".zfill(2), "-".zfill(3))
print("xxhixx".strip("x"), "<é>".strip("<>"), "éaé".strip("é"), "abc".lstrip("ab"),
      "abc".rstrip("bc"), "  x  ".strip(None))

# f-strings, format() and str.format with specs.
for i in [0, 7, -7, 255, -255, 10**6, 2**63 - 1, -2**63, 2**70, True, False]:
    print(f"{i}|{i:x}|{i:>6}|{i:<6}|{i:^7}|{i:05d}|{i:+d}|{i: d}|{i:,}|{i:_x}|{i:#o}|{i:#X}"
          f"|{i:=+8}|{i:*^9}|{i:b}|{i:e}|{i:.2f}|{i:%}")
print(f"{'ab':>5}|{'ab':<5}|{'ab':^5}|{'é':*^4}|{'abcdef':.3}|{'x'!r}|{3!s:>3}|{'é'!a}")
print("{}/{:05d}".format("a", 42), "{0}{1}{0}".format("x", "y"), "{:{}}".format("z", 4),
      "{a}-{b!r}".format(a=1, b="q"), "{{}}{}".format(5), "{0[1]}{1.real}".format([7, 8], 9),
      "é{}ü{:>3}".format("日", "x"))
for bad in ["{", "}", "{0}{}", "{:d}", "{!x}"]:
    try:
        print(bad.format("s"))
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
try:
    format(5, "q")
except ValueError as e:
    print(e)
try:
    format(True, "s")
except ValueError as e:
    print(e)

# % formatting.
print("%s=%d" % ("k", 5), "%s" % 12, "%d%%" % 3, "%i|%u" % (1, 2), "%5s|%-5s|" % ("a", "b"),
      "%05d|%x|%#o|%.2f|%r|%c" % (42, 255, 8, 3.14159, "q", 65), "%(a)s-%(b)d" % {"a": "x", "b": 2},
      "é%sü" % "日", "%s" % True, "%d" % True, "%s %s" % (1.5, None), "%d" % 3.9, "%3d|" % -4)
for bad in [("%d", "x"), ("%s %s", ("a",)), ("%s", ("a", "b")), ("é%y", 1), ("%", 1)]:
    try:
        print(bad[0] % bad[1])
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# str() and int() round trips.
for n in [0, 9, 10, -1, 99, 100, -100, 12345678901234, 2**63 - 1, -2**63]:
    print(str(n), int(str(n)), len(str(n)), repr(n), f"{n}")
print(int(" 42 "), int("-0"), int("1_000"), int("ff", 16), int("\u0663"), str("x"), str(), str(2.5))

# Concatenation and += on short and long strings keep lengths and indexing right.
acc = ""
for k in range(12):
    acc += "é" if k % 3 == 0 else "ab"
print(acc, len(acc), acc[5], acc[-1], acc[3:9], "日本" + "語", len("x" * 20 + "é" * 20))
print("abc".upper() == "ABC", "ÀÉ".lower(), "straße".upper(), "ΣΑΣ".lower(), hash("ab") == hash("a" + "b"))

# One-argument str() and int() (a fast path in class instantiation) and their errors.
class S(str):
    pass

class I(int):
    pass

print(str(b"ab"), str([1, "x"]), str(None), str(S("q")), type(str(S("q"))).__name__,
      type(S(5)).__name__, S(5), type(I("7")).__name__, I("7") + 1)
print(int("+5"), int("-9223372036854775808"), int("9" * 19), int("٣٤"), int(" 1 "), int(7.9),
      int(-7.9), int(True), int("0012"), int("10", 0) if False else 0, str(-0), str(10**20))
for bad in ["", "12a", "1__0", " ", "0x10", "1.5", "-", "+"]:
    try:
        int(bad)
    except ValueError as e:
        print(e)
try:
    int([])
except TypeError as e:
    print(e)
# A mapping right operand (a dict, a dict subclass, any object with
# __getitem__) may go unused; a non-mapping one may not.
class _Fields(dict):
    pass
class _Lookup:
    def __getitem__(self, key): return key.upper()
print("no fields" % {}, "no fields" % _Fields(a=1), "no fields" % _Lookup(), "%(k)s" % _Lookup())
for operand in [5, (1,), "s"]:
    try:
        print("no fields" % operand)
    except TypeError as e:
        print(e)
