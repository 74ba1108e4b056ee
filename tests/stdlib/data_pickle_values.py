# pickle of built-in values under every protocol: CPython's exact bytes,
# and the values loaded back; shared and recursive structures; pickles
# written by CPython and Python 2 loaded.
import math
import pickle
import sys

values = [None, True, False, 0, 1, -1, 255, 256, 65535, 65536, -2**31, 2**31 - 1, 2**31, 2**64, -2**100, 10**40,
          1.5, -0.0, 1e300, float("inf"), float("-inf"), "", "abc", "é\u1234\U0001f600", "back\\slash\nnew\r\x1a\0",
          "x" * 300, b"", b"abc", b"\x00\xff" * 150, bytearray(b"xy"), bytearray(), (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4),
          [], [1, [2]], {}, {"a": 1, "b": [1, 2]}, set(), {1, 2, 3}, frozenset(), frozenset({1, 2}),
          list(range(2000)), {i: str(i) for i in range(1002)}, set(range(1500)), int, len, max, sys.exit, math.sqrt, Ellipsis, NotImplemented,
          type(None), type(Ellipsis), range(1, 10, 2), range(5), slice(1, 2, 3), slice(None), ValueError, KeyError("k")]

for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print("== protocol", proto)
    for value in values:
        data = pickle.dumps(value, proto)
        back = pickle.loads(data)
        same = back == value if not isinstance(value, BaseException) else back.args == value.args
        print(repr(value)[:50], data if len(data) < 160 else (len(data), data[:40], data[-40:]), same, type(back).__name__)

# Shared and recursive structures keep their shape.
for proto in range(6):
    inner = [1]
    t = (inner, inner)
    outer = [t, t, "s", "s"]
    data = pickle.dumps(outer, proto)
    print(data)
    back = pickle.loads(data)
    print(back, back[0] is back[1], back[0][0] is back[0][1])
    rec = []
    rec.append(rec)
    d = {}
    d["me"] = d
    rt = ([],)
    rt[0].append(rt)
    for value in (rec, d, rt):
        data = pickle.dumps(value, proto)
        print(data)
        back = pickle.loads(data)
        print(type(back).__name__, len(back))
    back = pickle.loads(pickle.dumps(rec, proto))
    print(back[0] is back)
    back = pickle.loads(pickle.dumps(rt, proto))
    print(back[0][0] is back)

# Pickles made by CPython and by Python 2.
made_elsewhere = [
    b"\x80\x04\x95\x18\x00\x00\x00\x00\x00\x00\x00]\x94(K\x01\x8c\x01a\x94G?\xf8\x00\x00\x00\x00\x00\x00C\x01b\x94e.",
    b"(lp0\nI1\naS'py2 str'\np1\naF2.5\naL12345678901234567890L\na(dp2\nS'k'\np3\nNsa.",
    b"\x80\x02c__builtin__\nset\nq\x00]q\x01(K\x01K\x02e\x85q\x02Rq\x03.",
    b"\x80\x02c__builtin__\nxrange\nq\x00K\x00K\x05K\x01\x87q\x01Rq\x02.",
    b"\x80\x02cexceptions\nValueError\nq\x00U\x03badq\x01\x85q\x02Rq\x03.",
    b"\x80\x03C\x03abcq\x00.",
    b"\x80\x05\x96\x03\x00\x00\x00\x00\x00\x00\x00xyz\x94.",
    b"\x80\x02}q\x00(U\x01aq\x01K\x01U\x01bq\x02K\x02u.",
    b"I01\n.",
    b"\x80\x02\x89.",
    b"Vcaf\\u00e9\n.",
    b"\x80\x02\x8a\x05\x00\x00\x00\x00\x80.",
    b"\x80\x02\x8b\x01\x00\x00\x00\xff.",
]
for data in made_elsewhere:
    print(repr(pickle.loads(data)))
print(pickle.loads(b"\x80\x02U\x03abc.", encoding="bytes"))
print(pickle.loads(b"\x80\x02U\x04caf\xe9.", encoding="latin1"))
