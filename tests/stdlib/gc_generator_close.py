# A generator dropped mid-iteration runs its finally (GeneratorExit).
import gc


def gen(name):
    try:
        yield 1
        yield 2
    finally:
        print("finally", name)


g = gen("dropped")
next(g)
del g
print("after del")

for v in gen("break"):
    break
print("after break")

g = gen("exhausted")
print(list(g))
del g


def catcher():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise


c = catcher()
next(c)
c = None
print("after rebinding")


def with_cycle():
    try:
        yield 1
    finally:
        print("finally in cycle")


class Holder:
    pass


h = Holder()
h.g = with_cycle()
h.g.gi_frame  # noqa
next(h.g)
h.self = h
del h
print("before collect")
gc.collect()
print("after collect")


def never_started():
    try:
        yield 1
    finally:
        print("never printed")


ns = never_started()
del ns


def ignores():
    try:
        yield 1
    finally:
        yield 2


import sys


def hook(u):
    print("unraisable:", u.exc_type.__name__, u.exc_value)


sys.unraisablehook = hook
i = ignores()
next(i)
del i
sys.unraisablehook = sys.__unraisablehook__

left = gen("at exit")
next(left)
print("end of script")
