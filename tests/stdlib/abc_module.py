from abc import ABC, abstractmethod, ABCMeta


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def perimeter(self):
        return 4 * self.side


class Half(Shape):
    def area(self):
        return 1


for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)

s = Square(3)
print(s.describe(), s.perimeter(), isinstance(s, Shape), issubclass(Square, Shape))
print(sorted(Shape.__abstractmethods__), sorted(Half.__abstractmethods__), Square.__abstractmethods__)


class Drawable(ABC):
    pass


class Circle:
    pass


Drawable.register(Circle)
print(isinstance(Circle(), Drawable), issubclass(Circle, Drawable), isinstance(s, Drawable))


class Sized(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if hasattr(C, "__len__"):
            return True
        return NotImplemented


print(isinstance([], Sized), isinstance(3, Sized), issubclass(dict, Sized))


class Base(ABC):
    @property
    @abstractmethod
    def name(self):
        ...


class Named(Base):
    @property
    def name(self):
        return "named"


print(Named().name)
try:
    Base()
except TypeError as e:
    print("TypeError:", e)
