import contextlib
import sys
from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack, redirect_stdout


@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")


with tag("p") as t:
    print("inside", t)


@contextmanager
def catching():
    try:
        yield
    except ValueError as e:
        print("caught", e)


with catching():
    raise ValueError("boom")
print("after catching")

try:
    with tag("div"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))


@contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)


@contextmanager
def two_yields():
    yield 1
    yield 2


try:
    with two_yields():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)


@tag("decorated")
def work(x):
    print("working", x)
    return x * 2


print(work(21))

with suppress(ZeroDivisionError):
    1 / 0
print("suppressed")

try:
    with suppress(KeyError):
        [][1]
except IndexError as e:
    print("not suppressed:", e)


class Resource:
    def close(self):
        print("closed")


with closing(Resource()) as r:
    print("using", type(r).__name__)

with nullcontext(5) as v:
    print("nullcontext", v)

with ExitStack() as stack:
    for name in ("a", "b"):
        stack.enter_context(tag(name))
    stack.callback(print, "callback ran")
    print("body")


class Buffer:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


buf = Buffer()
with redirect_stdout(buf):
    print("captured line")
print("captured:", repr("".join(buf.parts)))


def cleanup_error():
    with ExitStack() as stack:
        stack.callback(print, "cleanup")
        raise ValueError("in body")


try:
    cleanup_error()
except ValueError as e:
    print("ExitStack propagated", e)

print(isinstance(tag("x"), contextlib.AbstractContextManager), issubclass(Resource, contextlib.AbstractContextManager))
