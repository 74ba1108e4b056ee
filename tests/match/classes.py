# Class patterns: isinstance, then positional sub-patterns through
# __match_args__ and keyword sub-patterns through attributes.


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on the y axis at {y}"
        case Point(x, 0):
            return f"on the x axis at {x}"
        case Point3(x, y, z) if z:
            return f"in space at {x},{y},{z}"
        case Point(x, y) as pt if x == y:
            return f"on the diagonal: {pt}"
        case Point():
            return "somewhere else"
        case _:
            return "not a point"


for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point3(1, 2, 3), Point3(2, 2, 0),
          Point(7, 8), (0, 0), None]:
    print(p, "->", where(p))


# Built-in types match the subject itself with one positional sub-pattern.
def kind(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i) if i < 0:
            return f"negative int {i}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s) | bytes(s):
            return f"text {s!r}"
        case bytearray(b):
            return f"bytearray of {len(b)}"
        case list([first, *_]):
            return f"list starting with {first}"
        case tuple(t):
            return f"tuple of {len(t)}"
        case dict({"k": v}):
            return f"dict with k={v}"
        case set(s) | frozenset(s):
            return f"set of {len(s)}"
        case _:
            return "other"


for v in [True, -3, 4, 2.5, "s", b"b", bytearray(b"xyz"), [9, 8], [], (1, 2),
          {"k": 1}, {"j": 1}, {1, 2}, frozenset(), None]:
    print(repr(v), "->", kind(v))

# Keyword sub-patterns use any attribute, including methods and properties.
class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius

    @property
    def fahrenheit(self):
        return self.celsius * 9 / 5 + 32


match Temperature(100):
    case Temperature(fahrenheit=212.0, celsius=c):
        print("boiling at", c)

# A missing attribute is simply no match.
match Temperature(5):
    case Temperature(kelvin=k):
        print("kelvin", k)
    case Temperature(celsius=c):
        print("celsius", c)

match "text":
    case str(upper=u):
        print("bound method:", u())


# A dataclass-like class with __match_args__ written out.
class Order:
    __match_args__ = ("item", "qty")

    def __init__(self, item, qty=1, rush=False):
        self.item, self.qty, self.rush = item, qty, rush


for order in [Order("tea"), Order("cake", 3), Order("tea", 2, rush=True)]:
    match order:
        case Order("tea", 1):
            print("a cup of tea")
        case Order(item, qty, rush=True):
            print("rush:", qty, item)
        case Order(item, qty) if qty > 1:
            print(qty, item + "s")

# Dotted class names and nested classes.
class Shapes:
    class Circle:
        __match_args__ = ("r",)

        def __init__(self, r):
            self.r = r


match Shapes.Circle(2):
    case Shapes.Circle(r):
        print("circle of radius", r)

# Errors raised while matching.
def attempt(label, subject, f):
    try:
        f(subject)
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


class NoArgs:
    pass


class BadArgs:
    __match_args__ = ["a"]


class BadNames:
    __match_args__ = ("a", 1)
    a = 0


class Twice:
    __match_args__ = ("a",)
    a = 1


def m1(s):
    match s:
        case NoArgs(1):
            pass


def m2(s):
    match s:
        case BadArgs(1):
            pass


def m3(s):
    match s:
        case BadNames(0, 1):
            pass


def m4(s):
    match s:
        case Twice(1, a=1):
            pass


class Holder:
    value = 3


def m5(s):
    match s:
        case Holder.value():
            pass


def m6(s):
    match s:
        case int(1, 2):
            pass


def m7(s):
    match s:
        case Point(1, 2, 3):
            pass


attempt("no __match_args__", NoArgs(), m1)
attempt("__match_args__ a list", BadArgs(), m2)
attempt("__match_args__ not strings", BadNames(), m3)
attempt("the same attribute twice", Twice(), m4)
attempt("not a class", 1, m5)
attempt("int with two", 1, m6)
attempt("too many positional", Point(1, 2), m7)
attempt("no isinstance, no error", "x", m1)

# A __match_args__ naming a missing attribute is no match, not an error.
class Partial:
    __match_args__ = ("present", "absent")
    present = 1


match Partial():
    case Partial(1, 2):
        print("matched both")
    case Partial(1):
        print("only the present one was asked for")
