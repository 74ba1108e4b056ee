from typing import *
import typing
T = TypeVar('T'); K = TypeVar('K', bound=int); V = TypeVar('V', int, str)
print(Optional[int], Union[int, str], Union[int, None], Union[int, str, None], Optional[Union[int, str]])
print(List, List[int], Dict[str, int], Set[int], Tuple[int, ...], Tuple[int, str], Tuple[()], FrozenSet[int])
print(Callable[[int], str], Callable[..., int], Callable, Callable[[], None])
print(Generator[int, None, str], Iterator[int], Iterable[str], AsyncIterator[int], AsyncGenerator[int, None], Awaitable[int], Coroutine[Any, Any, int])
print(Any, T, K, V, TypeVar('Q', covariant=True), TypeVar('R', contravariant=True))
print(Optional[List[int]], List[Optional[int]], Type[int], Type, Sequence[int], Mapping[str, int], MutableMapping, Deque[int], DefaultDict[str, int], Counter[str], OrderedDict[str, int], ChainMap)
print(Literal[1, 'a'], Final[int], ClassVar[int], Annotated[int, 'meta'], NoReturn, Union[int], Optional[None])
print(typing.get_origin(List[int]), typing.get_args(Dict[str, int]), typing.get_origin(Union[int, str]), get_args(Callable[[int], str]))
print(List[int] == List[int], Union[int, str] == Union[str, int], hash(List[int]) == hash(List[int]))
print(TYPE_CHECKING, cast(int, 'x'))
print(Generic, Protocol, Generic[T])
class Stack(Generic[T]):
    def __init__(self): self.items = []
    def push(self, x: T) -> None: self.items.append(x)
s = Stack[int]()
s.push(3)
print(Stack[int], s.items, Stack.__parameters__)
print(Dict[str, T][int])
print(int | List[int], List[int] | None)
print(isinstance([], List), isinstance({}, Dict), issubclass(list, Sequence), isinstance([], Iterable), isinstance(1, Union[int, str]))
print(repr(Union), repr(Optional), Literal, Final)
NewId = NewType('NewId', int)
print(NewId, NewId(5))
class Movie(TypedDict):
    title: str
    year: int
m = Movie(title='x', year=1)
print(type(m), m, Movie.__required_keys__ == {'title', 'year'})
class P(NamedTuple):
    x: int
    y: str = 'a'
    def hi(self): return self.x
p = P(1)
print(p, p.hi(), P._fields, P._field_defaults, P(2, 'b'), p._replace(y='z'), p == (1, 'a'))
print(NamedTuple('Q', [('a', int)])(5))
@runtime_checkable
class Closable(Protocol):
    def close(self): ...
class F:
    def close(self): pass
print(isinstance(F(), Closable), isinstance(1, Closable))
class NotRT(Protocol):
    def x(self): ...
tests = [lambda: isinstance(1, NotRT), lambda: List[int, str], lambda: Generic[int], lambda: isinstance(1, List[int]), lambda: Union[()], lambda: Any(), lambda: isinstance(1, Any), lambda: List()]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
def first(xs: List[T]) -> T: return xs[0]
print(get_type_hints(first), first.__annotations__)
@overload
def f(x: int) -> int: ...
try: f(1)
except NotImplementedError as e: print(e)
print(Optional['Foo'], List['int'])
print(Union[int, List[int]] , Union[int, Union[str, float]], Union[int, int])
print(get_args(Optional[int]), get_origin(Optional[int]), get_origin(int), get_args(int), get_origin(list[int]), get_origin(int|str))
print(Protocol[T], SupportsInt, isinstance(3, SupportsInt), isinstance('a', SupportsInt))
print(typing.Sequence[int].__origin__, typing.Mapping.__origin__, IO, TextIO)
print(Sequence[int], Deque[int]([1]))
print(Literal['a'] == Literal['a'], Annotated[int, 'x'].__metadata__)
def g(a: int, b: Optional[str] = None) -> Dict[str, List[int]]:
    return {}
print(g.__annotations__)
class Node(Generic[K, V]):
    pass
print(Node[int, str], Node.__parameters__)
