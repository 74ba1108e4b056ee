# Generators consumed by for loops and comprehensions, whose frames the
# dispatch loop runs in line: yields, returns, exceptions (PEP 479),
# sys.exc_info inside and outside, re-entry, early exits and close().
import sys
def g(n):
    for i in range(n):
        yield i
print([x * 2 for x in g(5)])
def inner():
    try:
        yield 1
        raise KeyError("k")
    finally:
        print("fin")
try:
    for x in inner():
        print("got", x)
except KeyError as e:
    print("caught", repr(e))
def leak():
    yield 1
    raise StopIteration
try:
    for x in leak():
        pass
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))
def exc_info_gen():
    try:
        raise ValueError("in gen")
    except ValueError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]
try:
    raise TypeError("outer")
except TypeError:
    for name in exc_info_gen():
        print(name, sys.exc_info()[0].__name__)
def yf():
    yield from g(3)
    yield from [10, 11]
    return 5
print(list(yf()), [y for y in yf()])
gen = g(10)
for x in gen:
    if x == 3:
        break
print(next(gen), list(gen))
def selfref():
    yield next(me)
me = selfref()
try:
    for x in me:
        pass
except ValueError as e:
    print("VE", e)
def deep(n):
    if n == 0:
        yield 0
        return
    for x in deep(n - 1):
        yield x + 1
print(list(deep(50)))
def closer():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("closing")
        raise
c = closer()
for x in c:
    break
c.close()
print(sum(x for x in (y * y for y in range(10)) if x % 2))
