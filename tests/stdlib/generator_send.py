# gen.send(v) called from Python code: values in and out, the return value as
# StopIteration, errors raised inside, re-entry, frames and exception state,
# the checks on a just-started generator, and the same through a
# builtin-type method cache (list.append, dict.get) at one call site.
import sys
import traceback


def echo():
    received = yield "ready"
    while True:
        if received == "stop":
            return "stopped"
        received = yield received * 2


g = echo()
print(g.send(None))
print(g.send(3), g.send("ab"), g.send([1]))
try:
    g.send("stop")
except StopIteration as e:
    print("StopIteration", repr(e.value), e.args)
try:
    g.send(1)
except StopIteration as e:
    print("again", repr(e.value), e.args)

# A value sent to a just-started generator.
g = echo()
try:
    g.send(5)
except TypeError as e:
    print("TypeError:", e)
print(g.send(None))


def raiser():
    x = yield 1
    raise ValueError(f"bad {x}")


g = raiser()
next(g)
try:
    g.send("value")
except ValueError as e:
    print("ValueError:", e)
    tb = traceback.extract_tb(e.__traceback__)
    print([frame.name for frame in tb])
print(g.gi_frame, g.gi_running)


# PEP 479: a StopIteration escaping the generator becomes a RuntimeError.
def leaks():
    yield 1
    raise StopIteration("leaked")


g = leaks()
next(g)
try:
    g.send(None)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))


# Running state and re-entry.
def reenter():
    me = yield
    print("running inside:", me.gi_running)
    try:
        me.send(None)
    except ValueError as e:
        print("ValueError:", e)
    yield "after"


g = reenter()
next(g)
print(g.send(g), g.gi_running)


# The frame chain and the handled exception inside and outside.
def frames():
    while True:
        got = yield sys._getframe(1).f_code.co_name
        print("exc inside:", sys.exc_info()[0], got)


def caller():
    g = frames()
    next(g)
    try:
        raise KeyError("outer")
    except KeyError:
        print("sent:", g.send("in handler"))
        print("exc after:", sys.exc_info()[0])
    print("sent:", g.send("plain"))


caller()


# A generator that handles an exception across a send.
def keeps_handling():
    try:
        raise IndexError("kept")
    except IndexError:
        yield sys.exc_info()[1]
        yield sys.exc_info()[1]


g = keeps_handling()
print(repr(next(g)), repr(sys.exc_info()[1]))
print(repr(g.send(None)), repr(sys.exc_info()[1]))


# Deep chains of sends recurse through Python frames.
def relay(inner):
    value = yield
    while True:
        value = yield inner.send(value)


def square():
    value = yield
    while True:
        value = yield value * value


chain = square()
next(chain)
for _ in range(50):
    chain = relay(chain)
    next(chain)
print([chain.send(i) for i in range(5)])


def countdown(n):
    if n:
        inner = countdown(n - 1)
        yield inner.send(None)
    yield n


deep = countdown(5000)
try:
    next(deep)
except RecursionError:
    print("RecursionError")


# send looked up on something else, and send on a coroutine-like object.
class Sender:
    def send(self, value):
        return ("Sender", value)


for target in (Sender(), echo()):
    print(target.send(None))


# A call site that sees several built-in types and a user class.
class Box:
    def append(self, v):
        return ("Box.append", v)


items = []
for target in ([], items, Box(), bytearray(b"x"), []):
    print(target.append(7), "a Box" if isinstance(target, Box) else target)
for mapping in ({1: "a"}, {}, {1: "b"}):
    print(mapping.get(1, "missing"))
print(items)
