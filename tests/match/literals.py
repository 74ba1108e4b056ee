# Literal, singleton and value patterns: == for literals and dotted names,
# `is` for None/True/False.


class Color:
    RED = "red"
    GREEN = "green"

    class Shade:
        DARK = 0.25


def describe(v):
    match v:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1.5 | -2.5:
            return "a float"
        case 10_000 | 0x10 | 0o7 | 0b11:
            return "a fancy int"
        case "hello" | "wor" "ld":
            return "a greeting"
        case b"bytes":
            return "some bytes"
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case Color.RED:
            return "the red colour"
        case Color.Shade.DARK:
            return "a dark shade"
        case _:
            return "something else"


for value in [0, 0.0, -1, -1.0, 1.5, -2.5, 10000, 16, 7, 3, "hello", "world",
              b"bytes", "bytes", None, True, False, 1, "red", 0.25, [], 42]:
    print(repr(value), "->", describe(value))

# `case 1:` compares with ==, so True (== 1) matches; `case True:` needs identity.
for v in [True, 1, 1.0]:
    match v:
        case 1:
            print(repr(v), "matches 1")
match 1:
    case True:
        print("1 is True?")
    case _:
        print("1 is not True")


# __eq__ is used for value patterns (with the literal on the right).
class Anything:
    def __eq__(self, other):
        print("  __eq__ called with", repr(other))
        return other == "x"


match Anything():
    case "y":
        print("matched y")
    case "x":
        print("matched x")

# A value pattern is looked up each time the case is tried.
class Config:
    LIMIT = 3


for n in range(5):
    match n:
        case Config.LIMIT:
            print(n, "hits the limit")
            Config.LIMIT = 4
        case _:
            print(n)
