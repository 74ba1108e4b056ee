import json
from collections import OrderedDict, Counter, namedtuple

print(json.dumps({"a": [1, 2.5, None, True], "b": {"c": "é\n\""}}, indent=2))
print(json.dumps([1, [], {}, [[]], {"x": {}}], indent=4))
print(json.dumps({3: 1, None: 2, 1.5: 3, True: 4}), json.dumps("😀é", ensure_ascii=False), json.dumps("😀é\x7f\x01"))
print(json.dumps(float("nan")), json.dumps([float("inf"), -float("inf")]), json.dumps({"b": 1, "a": 2}, sort_keys=True, separators=(",", ":")))
for s in ["", "[1,]", '{"a":1,}', "{a:1}", '{"a" 1}', "[1 2]", '"abc', '"a\x01"', '"\\x"', "1 2", "nul", '{"a":1', "[", "  \n  x", '"\\u12"']:
    try:
        json.loads(s)
    except json.JSONDecodeError as e:
        print(repr(s), e, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
print(json.loads('{"a": [1, 2.5e3, -0, 1E2, "\\u00e9\\ud83d\\ude00", null, true, false], "b": {}}'), json.loads("123456789012345678901234567890"), json.loads(" NaN "), json.loads("-Infinity"))
for bad in [lambda: json.dumps({(1, 2): 3}), lambda: json.dumps(set())]:
    try:
        bad()
    except TypeError as e:
        print(e)
l = []
l.append(l)
for bad in [lambda: json.dumps(l), lambda: json.dumps(float("nan"), allow_nan=False)]:
    try:
        bad()
    except ValueError as e:
        print(e)
print(json.dumps(set([1]), default=list), json.dumps({"a": 1}, indent="\t"))
P = namedtuple("P", "x y")
print(json.dumps({"od": OrderedDict(b=1, a=2), "c": Counter("aab"), "p": P(1, 2), "t": (1, 2)}))
print(json.dumps({"a": (1, 2)}, separators=(",", ":")), json.dumps({"x": 1, "y": [1, 2]}, indent=0))
print(json.loads('{"a": 1, "a": 2}'), json.loads('[1, 2]', object_hook=None), json.loads('{"x": {"y": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"x": 1.5, "y": 2}', parse_float=str, parse_int=lambda s: int(s) * 10), json.loads('{"b": 1, "a": 2}', object_pairs_hook=OrderedDict))


class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


print(json.dumps({"s": {3, 1, 2}}, cls=SetEncoder), json.JSONEncoder(indent=1).encode([1]))
data = {"name": "towel", "tags": ["a", "b"], "n": 3}
with open("json_test_tmp.json", "w") as f:
    json.dump(data, f, indent=2)
with open("json_test_tmp.json") as f:
    print(json.load(f) == data)
import os
os.remove("json_test_tmp.json")
