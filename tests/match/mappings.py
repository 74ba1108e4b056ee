# Mapping patterns: keys are looked up, other keys are ignored, **rest
# collects the remainder.


def action(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k), **mods}:
            return f"key {k!r} with {mods}"
        case {"type": t}:
            return f"unknown event {t!r}"
        case {}:
            return "an untyped mapping"
        case _:
            return "not a mapping"


for e in [
    {"type": "click", "pos": (3, 4)},
    {"type": "click", "pos": [5, 6], "extra": True},
    {"type": "click", "pos": "xy"},
    {"type": "key", "key": "q", "ctrl": True, "alt": False},
    {"type": "key", "key": 5},
    {"type": "scroll"},
    {},
    {"other": 1},
    [("type", "click")],
    "type",
]:
    print(e, "->", action(e))


class K:
    A = "a"
    ONE = 1


match {"a": 1, 1: "one", None: "nothing", -2: "minus", 1.5: "float", True: "yes"}:
    case {K.A: 1, K.ONE: v1, None: v2, -2: v3, 1.5: v4}:
        print("literal and dotted keys:", v1, v2, v3, v4)

# 1 and True are the same key: the value of the key True was stored under 1.
match {1: "int"}:
    case {True: v}:
        print("True finds the int key:", v)

match {"a": 1, "b": 2, "c": 3}:
    case {"b": _, **rest}:
        print("rest without b:", rest, type(rest).__name__)
match {"a": 1}:
    case {**rest}:
        print("everything:", rest)
match {"a": 1}:
    case {"a": 1, **rest} if not rest:
        print("exactly one key")

# A missing key fails without creating it (no KeyError, no default).


class Keys:
    X = "x"
    Y = "x"


try:
    match {"x": 1}:
        case {Keys.X: 1, Keys.Y: 2}:
            print("duplicate keys matched")
except ValueError as e:
    print("ValueError:", e)

d = {"a": [1, 2]}
match d:
    case {"a": [_, second]}:
        print("nested in a mapping:", second)
