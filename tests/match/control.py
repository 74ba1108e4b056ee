# How a match statement runs: the subject is evaluated once, cases are tried
# in order, a guard runs only after its pattern matched (and the names it
# bound stay bound when the guard fails), and nothing happens when no case
# matches.


def subject():
    print("evaluating the subject")
    return [1, 2]


def check(label, result):
    print("  guard", label, "->", result)
    return result


match subject():
    case [a, b] if check("first", a > b):
        print("first case")
    case [a, b] if check("second", a < b):
        print("second case", a, b)
    case _:
        print("default")

# Captures made before a failed guard keep their values.
match (10, 20):
    case (x, y) if x > y:
        print("unreachable")
    case _:
        print("after the failed guard, x and y are", x, y)

# No case matches: no error, no binding.
match 5:
    case 1 | 2:
        print("small")
print("fell through without a match")

# Or-patterns bind the same names in any order.
for v in [(1, "a"), ("b", 2), [3, "c"]]:
    match v:
        case (int(n), str(s)) | (str(s), int(n)):
            print("number", n, "string", s)

# as-patterns capture the whole of a sub-pattern.
match [1, [2, 3]]:
    case [1, [2, _] as inner] as whole:
        print("inner", inner, "whole", whole)


# break, continue and return from case bodies.
def first_negative(items):
    for i in items:
        match i:
            case int(n) if n < 0:
                return n
            case str():
                continue
            case None:
                break
        print("  looked at", i)
    return None


print(first_negative([3, "x", 4, -2, 5]))
print(first_negative([3, None, -1]))


# Generators and nested matches.
def tokens(stream):
    for item in stream:
        match item:
            case ("num", value):
                yield value
            case ("pair", left, right):
                match left, right:
                    case (int(), int()):
                        yield left + right
                    case _:
                        yield f"{left}{right}"
            case _:
                yield "?"


print(list(tokens([("num", 1), ("pair", 2, 3), ("pair", "a", 4), ("junk",)])))

# The walrus operator in a guard, and a capture used after the statement.
match [4, 5, 6]:
    case [*items] if (total := sum(items)) > 10:
        print("total", total, "of", items)
print("items still bound:", items)


# match in a class body and in a closure.
class Settings:
    match {"debug": True}:
        case {"debug": flag}:
            DEBUG = flag


print("Settings.DEBUG =", Settings.DEBUG)


def make():
    match "captured":
        case str(word):
            return lambda: word


print(make()())

# A long chain of cases (dispatch on command lines).
for line in ["go north", "go", "look", "take lamp key", "drop", "quit now", ""]:
    match line.split():
        case ["go", direction]:
            print("going", direction)
        case ["go"]:
            print("go where?")
        case ["look"]:
            print("looking around")
        case ["take", *objects] if objects:
            print("taking", ", ".join(objects))
        case ["quit" | "exit", *_]:
            print("bye")
        case []:
            print("(nothing)")
        case [verb, *_]:
            print("unknown verb", repr(verb))


# Suspending inside a match: a yield in the subject and in a guard, and an
# await in a coroutine driven by hand (the subject copies stay on the stack).
def conversation():
    match (yield "subject?"):
        case [x, *_] if (yield f"accept {x}?"):
            yield f"accepted {x}"
        case [x, *_]:
            yield f"rejected {x}"
        case _:
            yield "not a list"


for answers in ([[1, 2], True], [[1, 2], False], ["text"]):
    gen = conversation()
    said = [next(gen)]
    try:
        for a in answers:
            said.append(gen.send(a))
    except StopIteration:
        pass
    print(said)


class Ready:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        yield "suspended"
        return self.value


async def classify(v):
    match await Ready(v):
        case {"n": n} if await Ready(n > 0):
            return "positive"
        case {"n": _}:
            return "not positive"
    return "no n"


for v in [{"n": 3}, {"n": -3}, {}]:
    coro = classify(v)
    steps = []
    try:
        while True:
            steps.append(coro.send(None))
    except StopIteration as stop:
        print(v, "->", stop.value, "after", len(steps), "suspensions")
