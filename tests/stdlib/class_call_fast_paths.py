# Class calls the dispatch loop makes itself (object.__new__ with a Python or no __init__), and the
# changes to a class that must send them back to the general path.
class E: pass
e = E(); print(type(e).__name__)
try:
    E(1)
except TypeError as x: print(x)
class I:
    def __init__(self, a): self.a = a
print(I(3).a)
for i in range(3):
    if i == 1:
        I.__init__ = lambda self, a: setattr(self, 'a', a * 10)
    print(I(i).a)
E.__init__ = lambda self: print("late init")
E()
del E.__init__
print(type(E()).__name__)
class N:
    def __new__(cls): print("new"); return 42
print(N())
class M(type):
    def __call__(cls, *a): print("meta call"); return 7
class W(metaclass=M): pass
print(W())
class X(Exception): pass
print(repr(X()))
def f():
    return [E() for _ in range(3)]
print(len(f()))
class Ret:
    def __init__(self): return 1
try: Ret()
except TypeError as x: print(x)
