# Deeply nested and self-referential structures: what CPython answers (a
# RecursionError with its message, or a result) and never a crash.
import json


def nest(n, make):
    x = None
    for _ in range(n):
        x = make(x)
    return x


def attempt(label, f):
    try:
        r = f()
        print(label, "ok", type(r).__name__)
    except RecursionError as e:
        print(label, "RecursionError", e)
    except Exception as e:
        print(label, type(e).__name__, e)


makers = {
    "list": lambda x: [x],
    "tuple": lambda x: (x,),
    "dict": lambda x: {"a": x},
    "frozenset": lambda x: frozenset([x]) if x is not None else frozenset(),
}
for depth in (100, 3000, 100000):
    for name, make in makers.items():
        a, b = nest(depth, make), nest(depth, make)
        attempt(f"{name} {depth} repr", lambda: repr(a))
        attempt(f"{name} {depth} str", lambda: str(a))
        attempt(f"{name} {depth} hash", lambda: hash(a))
        attempt(f"{name} {depth} ==", lambda: a == b)
        attempt(f"{name} {depth} <", lambda: a < b)
        attempt(f"{name} {depth} json", lambda: json.dumps(a))
        attempt(f"{name} {depth} bool len", lambda: (bool(a), len(a)))

attempt("json loads arrays", lambda: json.loads("[" * 100000 + "]" * 100000))
attempt("json loads objects", lambda: json.loads('{"a":' * 100000 + "1" + "}" * 100000))
attempt("json loads 500", lambda: json.loads("[" * 500 + "]" * 500))

a = []
a.append(a)
b = []
b.append(b)
print(repr(a), str(b))
attempt("self list ==", lambda: a == b)
attempt("self list <", lambda: a < b)
attempt("self list is-equal", lambda: a == a)
d = {}
d["d"] = d
e = {}
e["d"] = e
print(repr(d))
attempt("self dict ==", lambda: d == e)
attempt("json self", lambda: json.dumps(a))
t = ([],)
t[0].append(t)
print(repr(t))
attempt("tuple via list ==", lambda: t == ([t],))


class Node:
    def __init__(self, child):
        self.child = child

    def __eq__(self, other):
        return self.child == other.child

    def __repr__(self):
        return f"Node({self.child!r})"


n1, n2 = nest(5000, Node), nest(5000, Node)
try:
    n1 == n2
except RecursionError:
    print("user __eq__ RecursionError")
try:
    repr(n1)
except RecursionError:
    print("user __repr__ RecursionError")
print(repr(nest(5, Node)), nest(50, Node) == nest(50, Node))
