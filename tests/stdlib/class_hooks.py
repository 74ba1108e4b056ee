class Base:
    registry = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Base.registry.append(cls.__name__)
class A(Base, tag="a"): pass
class B(A): pass
print(Base.registry, A.tag, B.tag)
class G:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item}]"
print(G[int])
class M(Base):
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(tag="m", **kw)
class N(M): pass
print(N.tag, Base.registry)
class A:
    def __init__(self): print("A init")
    def __repr__(self): return "A-repr"
class B(A):
    def __init__(self):
        super().__init__()
        s = super()
        s.__init__()
        print(super().__repr__())
B()
