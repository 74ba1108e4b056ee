# Wrong arguments to the methods of the built-in types (list, tuple, range,
# slice, str, bytes, bytearray, dict, set, frozenset, int, float) get
# CPython's TypeError messages, whichever argument parser CPython uses.

samples = {
    "list": lambda: [3, 1, 2], "tuple": lambda: (1, 2), "range": lambda: range(5),
    "slice": lambda: slice(1, 5), "str": lambda: "a b", "bytes": lambda: b"a b",
    "bytearray": lambda: bytearray(b"ab"), "dict": lambda: {"k": 1},
    "set": lambda: {1, 2}, "frozenset": lambda: frozenset({1}), "int": lambda: 5,
    "float": lambda: 2.5,
}
methods = {
    "list": "append extend insert pop remove index count clear copy reverse sort",
    "tuple": "index count",
    "range": "index count",
    "slice": "indices",
    "str": "upper lower casefold capitalize title swapcase strip lstrip rstrip split rsplit "
           "splitlines join replace startswith endswith find rfind index rindex count "
           "format_map isdigit isdecimal isnumeric isalpha isalnum isspace isupper islower "
           "istitle isidentifier isascii isprintable center ljust rjust zfill partition "
           "rpartition encode expandtabs removeprefix removesuffix translate",
    "bytes": "decode hex find rfind index rindex count replace startswith endswith partition "
             "rpartition center ljust rjust zfill expandtabs removeprefix removesuffix isdigit "
             "isalnum isalpha split rsplit splitlines join strip lstrip rstrip upper lower "
             "swapcase capitalize title isspace isupper islower",
    "bytearray": "append extend decode copy",
    "dict": "get keys values items pop popitem setdefault update clear copy",
    "set": "union intersection difference symmetric_difference issubset issuperset "
           "isdisjoint copy add remove discard pop clear update difference_update "
           "intersection_update symmetric_difference_update",
    "frozenset": "union intersection difference symmetric_difference issubset issuperset "
                 "isdisjoint copy",
    "int": "bit_length conjugate to_bytes as_integer_ratio",
    "float": "is_integer as_integer_ratio conjugate hex",
}


def attempt(call):
    try:
        call()
        return "ok"
    except TypeError as e:
        return f"TypeError: {e}"
    except Exception as e:
        return type(e).__name__


for kind, names in methods.items():
    for name in names.split():
        # Called as `value.method(...)`, the way programs call methods (CPython
        # words some errors differently for a bound method object called later).
        def call(arguments):
            return lambda: eval(f"value.{name}({arguments})", {"value": samples[kind]()})
        print(f"{kind}.{name}",
              "| none:", attempt(call("")),
              "| seven:", attempt(call("1, 1, 1, 1, 1, 1, 1")),
              "| bogus:", attempt(call("bogus=1")),
              "| unbound:", attempt(getattr(type(samples[kind]()), name)))

# Keywords that name parameters still work.
print("a,b,c".split(sep=",", maxsplit=1), "a b".rsplit(maxsplit=0), "x\ny".splitlines(keepends=True))
print("a\tb".expandtabs(tabsize=4), "é".encode(encoding="latin-1"), b"\xe9".decode(errors="replace"))
print(b"a,b".split(sep=b","), b"a b c".rsplit(maxsplit=1), b"x\ny".splitlines(keepends=True))
print(b"\x01\x02\x03".hex(":"), b"\x01\x02\x03".hex(sep="-", bytes_per_sep=2), b"abcdef".hex(" ", -4))
print((1024).to_bytes(length=2, byteorder="little", signed=True), int.from_bytes(bytes=b"\x01\x00", byteorder="little"))
print(int.from_bytes(b"\xff", signed=True), dict.fromkeys("ab"), dict.fromkeys("ab", 0))
for bad in ["(5).to_bytes(2, 'big', True)", "int.from_bytes()", "int.from_bytes(b'', 'big', 1)",
            "dict.fromkeys()", "dict.fromkeys('a', 1, 2)", "dict.fromkeys('a', value=1)",
            "str.maketrans()", "str.maketrans('a', 'b', 'c', 'd')", "str.maketrans(x={})",
            "(1).is_integer()", "{}.update({}, {})", "{}.update(1, a=2)"]:
    try:
        print(bad, "->", eval(bad))
    except (TypeError, AttributeError) as e:
        print(bad, "->", type(e).__name__, e)
print({}.update(a=1), sorted(dict(a=1).items()))

# The declared signatures are what __text_signature__ shows.
for f in (list.append, list.index, str.split, str.center, str.find, bytes.hex, dict.get,
          dict.fromkeys, int.to_bytes, int.from_bytes, float.hex, set.union):
    print(f.__qualname__, f.__text_signature__)
