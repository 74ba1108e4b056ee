# typing at run time: subscription rules and their errors, substitution,
# equality, Protocol/NamedTuple/TypedDict classes, get_type_hints,
# get_origin/get_args and the decorator helpers.
import sys
import typing
from typing import *


def show(thunk):
    try:
        print(thunk())
    except Exception as e:
        print(type(e).__name__, e)


T = TypeVar("T")
S = TypeVar("S", bound=str)
P = ParamSpec("P")
Ts = TypeVarTuple("Ts")
for thunk in (lambda: TypeVar("X", int), lambda: TypeVar("X", int, str, bound=int), lambda: TypeVar("X", covariant=True, contravariant=True),
              lambda: (T.__name__, T.__module__, T.__bound__, T.__constraints__, T.__covariant__, S.__bound__, AnyStr.__constraints__),
              lambda: List[3], lambda: Union[3], lambda: Optional[int, str], lambda: ClassVar[int, str], lambda: Sized[int],
              lambda: Callable[int, str], lambda: Callable[[int]], lambda: Callable[[int], str, int], lambda: Tuple[int, ...][int],
              lambda: Dict[T, int][str], lambda: Dict[T, int][str, int], lambda: List[int][int], lambda: Generic[T, T],
              lambda: Generic[()], lambda: Generic[int], lambda: Annotated[int], lambda: Literal[1][2], lambda: List(),
              lambda: Dict[str, int](), lambda: Tuple(), lambda: Type[int](), lambda: Union[int, str](), lambda: Any(),
              lambda: isinstance(1, Union[int, str]), lambda: issubclass(bool, Union[int, str]), lambda: isinstance([], List[int]),
              lambda: issubclass(list, List), lambda: isinstance(1, Union[int, List[int]]), lambda: isinstance(1, Any), lambda: Any[int],
              lambda: Literal[1, 2] == Literal[2, 1], lambda: Literal[1, 1, 2], lambda: Literal[True] == Literal[1],
              lambda: Literal[Literal[1, 2], 3], lambda: Annotated[Annotated[int, 1], 2], lambda: Annotated[int, 1] == Annotated[int, 2],
              lambda: Optional[Annotated[int, 1]], lambda: get_args(Annotated[int, 1, 2]), lambda: get_origin(Annotated[int, 1]),
              lambda: (get_origin(List), get_origin(Generic), get_origin(Generic[T]), get_origin(P.args), get_origin(int | str), get_origin(3)),
              lambda: (get_args(Callable[..., int]), get_args(Tuple[()]), get_args(Tuple[int, ...]), get_args(Callable[P, int]), get_args(3)),
              lambda: (List[int].__args__, Callable[[int, str], None].__args__, Union[int, str].__parameters__),
              lambda: (Dict[T, List[T]].__parameters__, Dict[T, List[T]][int], Callable[[T], T][int], Union[T, int][str], Optional[T][int]),
              lambda: (Callable[P, T][[int, str], bool], Callable[Concatenate[int, P], T]),
              lambda: (List[int].__name__, List.__name__, Union.__name__, List[int] == list[int], List == list, List[int].__origin__),
              lambda: (Union[int, str] == (int | str), Union[int, str] | None, T | int, int | List[int], hash(Union[int, str]) == hash(Union[str, int])),
              lambda: ClassVar | int, lambda: List[ClassVar[int]], lambda: Union[int, Union], lambda: Union[()],
              lambda: (repr(ForwardRef("x")), ForwardRef("x") == ForwardRef("x"), ForwardRef("x", module="m")), lambda: ForwardRef(3), lambda: ForwardRef("x y"),
              lambda: assert_never(1), lambda: assert_never("x" * 200),
              lambda: (P, P.args, P.kwargs, P.__name__, P.args == P.args, Callable[P, int], Concatenate[int, P]), lambda: Concatenate[int, int],
              lambda: (Ts, list(Ts)), lambda: (Never, NoReturn, Self, LiteralString, TypeAlias, TypeGuard[int], Required[int], NotRequired[int], Unpack[Ts]),
              lambda: NoReturn[int], lambda: Self(), lambda: isinstance(1, Self), lambda: issubclass(int, Final),
              lambda: (typing.Sized, typing.Hashable, typing.ByteString, typing.Pattern, typing.Match[str], Text, TYPE_CHECKING),
              lambda: (List[int]([1, 2]) if False else Deque[int]([1]), Counter[str]("aab"), DefaultDict[str, int](int)),
              lambda: (Stack[int]().__orig_class__, type(Stack[int]())), lambda: Stack[int, str], lambda: Plain[int],
              lambda: (List[int].append is list.append, Mapping.get is typing.Mapping.__origin__.get)):
    show(thunk)


class Stack(Generic[T]):
    pass


class Plain(Stack[int]):
    pass


show(lambda: (Stack[int]().__orig_class__, type(Stack[int]()), Plain.__parameters__, Stack.__parameters__, Plain.__mro__))
show(lambda: Stack[int, str])
show(lambda: Plain[int])


class Pair(Dict[str, T]):
    pass


print(Pair.__mro__, Pair.__parameters__, Pair[int], Pair[int]())
for body in ("class Bad(Generic[T], List[S]): pass", "class Bad(Generic): pass", "class Bad(Generic[T], Generic[S]): pass",
             "class Bad(Union[int, str]): pass", "class Bad(NewId): pass", "class Bad(ClassVar): pass",
             "class Bad(Protocol, int): pass", "class Bad(NamedTuple, int): pass", "class Bad(TypedDict, int): pass"):
    NewId = NewType("NewId", int)
    try:
        exec(body)
        print("ok")
    except TypeError as e:
        print(e)


@runtime_checkable
class Closable(Protocol):
    def close(self): ...


@runtime_checkable
class Named(Protocol):
    name: str

    def label(self): ...


class Door:
    def close(self):
        pass


class Tag:
    name = "t"

    def label(self):
        pass


class NoClose:
    close = None


class Impl(Closable):
    def __init__(self, value):
        self.value = value


print(isinstance(Door(), Closable), isinstance(1, Closable), issubclass(Door, Closable), issubclass(int, Closable), isinstance(NoClose(), Closable))
print(isinstance(Tag(), Named), isinstance(Door(), Named), Impl(3).value, isinstance(Impl(1), Closable), Closable._is_protocol, Impl._is_protocol)
show(lambda: issubclass(Tag, Named))
show(lambda: Closable())
show(lambda: runtime_checkable(Door))
show(lambda: issubclass(1, Closable))
print(isinstance(3, SupportsInt), isinstance("3", SupportsInt), isinstance(3.5, SupportsRound), issubclass(float, SupportsFloat), isinstance(b"", SupportsBytes), SupportsAbs)


class Point(NamedTuple):
    """A point."""
    x: int
    y: "int" = 0
    tag: str = "p"

    def norm(self):
        return abs(self.x) + abs(self.y)

    @property
    def swapped(self):
        return Point(self.y, self.x)


pt = Point(3, -4)
print(pt, pt.norm(), pt.swapped, Point.__doc__, Point._fields, Point._field_defaults, Point.__annotations__, Point.__bases__, type(pt).__mro__)
print(NamedTuple("Q", [("a", int), ("b", str)])(1, "x"), NamedTuple("R", a=int)._fields, NamedTuple("Q", [])())
show(lambda: NamedTuple("Q", [("a", int)], b=int))
for body in ("class Bad(NamedTuple):\n    x: int = 1\n    y: int", "class Bad(NamedTuple):\n    x: int = 1\n    z: int = 2\n    y: int",
             "class Bad(NamedTuple):\n    x: int\n    def _asdict(self): pass", "class Bad(NamedTuple):\n    x: int\n    _fields = 1"):
    try:
        exec(body)
        print("ok")
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)


class Movie(TypedDict):
    title: str
    year: int


class Extended(Movie, total=False):
    rating: float
    studio: Required[str]


class Mixed(TypedDict):
    a: int
    b: NotRequired[int]


m = Movie(title="x", year=1)
print(type(m), m, sorted(Movie.__required_keys__), sorted(Extended.__required_keys__), sorted(Extended.__optional_keys__), Extended.__total__)
print(Extended.__annotations__, sorted(Mixed.__optional_keys__), is_typeddict(Movie), is_typeddict(dict), is_typeddict(Movie(title="", year=0)))
Functional = TypedDict("Functional", {"a": int, "b": "str"}, total=False)
print(Functional.__annotations__, sorted(Functional.__optional_keys__), Functional.__module__, Functional(a=1), TypedDict("K", x=int).__annotations__)
show(lambda: isinstance({}, Movie))
show(lambda: issubclass(dict, Movie))


class Node:
    value: int
    next: "Optional[Node]" = None
    weight: Annotated[float, "kg"] = 0.0
    items: "List[Node]"
    kind: ClassVar[str] = "node"


def func(a: "int", b: "List[Node]" = None, *c: Annotated[str, 1], **d: None) -> "Dict[str, Node]":
    pass


print(get_type_hints(Node))
print(get_type_hints(Node, include_extras=True)["weight"], get_type_hints(func), get_type_hints(func, include_extras=True)["c"])
print(get_type_hints(Extended), get_type_hints(Extended, include_extras=True)["studio"], get_type_hints(Point), get_type_hints(len), get_type_hints(sys))
show(lambda: get_type_hints(3))


def later(x: "Missing") -> None:
    pass


show(lambda: get_type_hints(later))
print(get_type_hints(later, localns={"Missing": int}), get_type_hints(later, {"Missing": str}))


@overload
def area(x: int) -> int: ...


@overload
def area(x: str) -> str: ...


def area(x):
    return x


print(area(3), [f.__annotations__["x"] for f in get_overloads(area)], get_overloads(len))
clear_overloads()
print(get_overloads(area))
show(lambda: overload(lambda: 0)())


@final
class Sealed:
    @final
    def method(self):
        pass


@no_type_check
class Unchecked:
    def method(self, x: "undefined") -> None:
        pass


@dataclass_transform(kw_only_default=True, frozen=True)
def model(cls):
    return cls


print(Sealed.__final__, Sealed.method.__final__, Unchecked.method.__no_type_check__, get_type_hints(Unchecked.method), model.__dataclass_transform__)
print(cast(List[int], "x"), cast("int", 3), assert_type(5, int), reveal_type([1]))
UserId = NewType("UserId", int)
print(UserId, UserId(5), UserId.__supertype__, UserId.__name__, UserId.__qualname__, NewType("a.b.Name", str).__name__, UserId | None, List[UserId])
print(Generic, Protocol, Protocol[T], IO[str], TextIO, BinaryIO.__mro__[1:3], Any, type(Any), issubclass(type("X", (Any,), {}), Any))
