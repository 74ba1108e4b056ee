# __del__: when the last reference goes, and on cycles (PEP 442).
import gc


class Loud:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


a = Loud("a")
del a
print("after del a")

b = Loud("b")
b = None
print("after rebinding b")


def scope():
    c = Loud("c")
    print("leaving scope")


scope()
print("after scope")

# A cycle: finalizers run at collection, once each.
x, y = Loud("x"), Loud("y")
x.peer, y.peer = y, x
del x, y
print("before collect")
n = gc.collect()
print("collected", n)
print("second collect", gc.collect())

# Resurrection: __del__ stores self; it is not finalized again.
saved = []


class Phoenix:
    def __del__(self):
        print("phoenix __del__")
        saved.append(self)


p = Phoenix()
p.me = p
del p
gc.collect()
print("saved", len(saved), gc.is_finalized(saved[0]))
saved[0].me = None
saved.clear()
gc.collect()
print("after second drop")

# Resurrection without a cycle.
class Zombie:
    count = 0

    def __del__(self):
        Zombie.count += 1
        global zombie
        zombie = self


z = Zombie()
del z
print("zombie alive", type(zombie).__name__, Zombie.count)
del zombie
print("zombie finalized once", Zombie.count)

# An exception in __del__ is reported and ignored.
class Bad:
    def __del__(self):
        raise ValueError("oops")


import sys


def hook(unraisable):
    print("hook:", unraisable.exc_type.__name__, unraisable.exc_value)


sys.unraisablehook = hook
bad = Bad()
del bad
bad = Bad()
bad.me = bad
del bad
gc.collect()
sys.unraisablehook = sys.__unraisablehook__

# Items of a list are released last first.
l = [Loud("l1"), Loud("l2"), Loud("l3")]
del l
t = (Loud("t1"), Loud("t2"))
del t
print("done")
