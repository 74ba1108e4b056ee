# String annotations everywhere (PEP 563): dataclasses and typing resolve
# them in the defining module, ClassVar/Final included.
from __future__ import annotations

import inspect
from dataclasses import InitVar, dataclass, field, fields
from typing import ClassVar, Final, List, Optional, get_type_hints


@dataclass
class Item:
    name: str
    tags: List[str] = field(default_factory=list)
    parent: Optional[Item] = None
    count: ClassVar[int] = 0
    scale: InitVar[int] = 1

    def __post_init__(self, scale):
        self.weight = scale * 2


item = Item("a", scale=4)
print(item, item.weight, [f.name for f in fields(Item)], [f.type for f in fields(Item)])
print(get_type_hints(Item))
print(get_type_hints(Item.__init__))
print(inspect.signature(Item), Item.__init__.__globals__ is globals(), Item.__doc__)


class Later:
    ref: Optional[Later]
    constant: Final[int] = 1
    shared: ClassVar[List[int]] = []


print(get_type_hints(Later))


def constant(value: Final[int]) -> None:
    pass


try:
    get_type_hints(constant)
except TypeError as e:
    print(e)
