# Generators drained by native consumers (sum, min, max, any, all, list,
# tuple, sorted, set, dict, str.join, in, enumerate/zip/map/filter):
# exceptions from inside the generator, PEP 479, early exits that leave the
# generator suspended, re-entry, sys.exc_info, and the order in which the
# generator and the consumer's own calls run.
import sys


def gen(n, log=None):
    for i in range(n):
        if log is not None:
            log.append(i)
        yield i


def failing(n, exc):
    yield from range(n)
    raise exc


for consumer in (sum, min, max, list, tuple, sorted, set, any, all, "".join):
    try:
        consumer(failing(2, KeyError("boom")))
    except KeyError as e:
        print(getattr(consumer, "__name__", consumer), "KeyError", e)


def leaks():
    yield 1
    raise StopIteration("leaked")


for consumer in (sum, list, max, any, set, sorted):
    try:
        consumer(leaks())
    except RuntimeError as e:
        print(consumer.__name__, type(e).__name__, e, repr(e.__cause__),
              e.__suppress_context__)

# any/all stop at the first deciding item and leave the generator suspended
# (not closed): it goes on where it stopped.
log = []
g = gen(10, log)
print(any(x > 2 for x in g), log, next(g), g.gi_running, g.gi_frame is not None)
log = []
g = gen(10, log)
print(all(x < 4 for x in g), log, list(g))


def noisy():
    try:
        yield 0
        yield 1
        yield 2
    finally:
        print("noisy finalized")


g = noisy()
print("any", any(g))
print("still suspended", g.gi_frame is not None, next(g))
g.close()
print("after close")

# 'in' stops early too.
g = gen(10)
print(3 in g, next(g))

# The consumer's own calls interleave with the generator's steps.
def loud(n):
    for i in range(n):
        print("yield", i)
        yield i


print(max(loud(3), key=lambda x: print("key", x) or -x))
print(min(loud(2), key=lambda x: print("key", x) or x))
print(sorted(loud(3), key=lambda x: -x))

# A generator that is already running, consumed by a native.
def reenter():
    yield 1
    yield sum(me)


me = reenter()
try:
    list(me)
except ValueError as e:
    print("ValueError", e)
print(me.gi_running, me.gi_frame is None)


def reenter_any():
    yield any(me2)


me2 = reenter_any()
try:
    next(me2)
except ValueError as e:
    print("ValueError", e)

# The consumer's work may resume the generator it is draining.
class Stepper:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        skipped = next(it, None)
        print("add", self.v, "skips", skipped and skipped.v)
        return other + self.v

    def __radd__(self, other):
        return self.__add__(other)


def steppers():
    for i in range(6):
        yield Stepper(i)


it = steppers()
print(sum(it))

# sys.exc_info inside a generator drained by a native, and after.
def exc_gen():
    yield sys.exc_info()[0]
    try:
        raise ValueError
    except ValueError:
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]


try:
    raise TypeError
except TypeError:
    print([c.__name__ for c in exc_gen()], sys.exc_info()[0].__name__)
print(list(exc_gen()), sys.exc_info())

# Returned values are dropped; an exhausted generator yields nothing more.
def returns():
    yield 1
    return 99


g = returns()
print(list(g), list(g), sum(g), any(g), all(g), max(g, default="empty"))

# Natives over natives over generators.
print(list(enumerate(gen(3))), list(zip(gen(3), gen(4))), list(map(str, gen(3))))
print(list(filter(None, gen(4))), dict((i, i * i) for i in gen(3)), set(gen(3)))
print(",".join(str(i) for i in gen(4)), tuple(x for x in gen(0)))
print(sum(gen(5), 10), sum((x / 2 for x in gen(4)), 0.5), sum(2 ** 62 for _ in gen(3)))
print(max(gen(1)), min(x - 3 for x in gen(5)), sorted(gen(3), reverse=True))
try:
    max(gen(0))
except ValueError as e:
    print("ValueError", e)
try:
    sum(x if x < 2 else "s" for x in gen(3))
except TypeError as e:
    print("TypeError", e)

# Deep recursion through natives draining generators ends in RecursionError.
def nest(n):
    yield sum(nest(n + 1))


try:
    sum(nest(0))
except RecursionError as e:
    print("RecursionError")

# A generator that catches GeneratorExit and yields again, closed on drop.
def stubborn():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("exit seen")


g = stubborn()
print(any(g))
g.close()
print("closed", g.gi_frame)
