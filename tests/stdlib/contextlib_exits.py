# contextlib, written afresh: one-shot generator managers, docstrings,
# what the exit stacks hand their callbacks and return, mixed sync and
# async callbacks, and the small managers.
import asyncio
import contextlib
import io
import sys


def report(thunk):
    try:
        print("  ->", repr(thunk()))
    except BaseException as e:
        print("  ->", type(e).__name__, e, "| suppressed context:", e.__suppress_context__)


@contextlib.contextmanager
def tagged(tag):
    print("enter", tag)
    try:
        yield tag
    finally:
        print("exit", tag)


@contextlib.contextmanager
def undocumented():
    yield


@contextlib.contextmanager
def empty_doc():
    ""
    yield


print("-- generator managers")
cm = tagged("a")
print(cm.func.__name__, cm.args, cm.kwds, type(cm.gen).__name__)
with cm as got:
    print("got", got)
report(lambda: cm.__enter__())
print(repr(undocumented().__doc__), repr(empty_doc().__doc__), tagged.__name__, tagged.__wrapped__.__name__)


@tagged("decorating")
def decorated(x):
    print("decorated body", x)
    return x * 2


print(decorated(2), decorated(3))
report(lambda: tagged())

print("-- ExitStack callbacks")
seen = []


def record(*details):
    seen.append(tuple(d if d is None or isinstance(d, type) else type(d).__name__
                      for d in details))
    return False


with contextlib.ExitStack() as stack:
    stack.push(record)
    result = stack.callback(print, "callback ran", sep=": ")
    print(result is print)
print(seen)
seen.clear()
stack = contextlib.ExitStack()
stack.push(record)
print(stack.__exit__(KeyError, None, None), seen)
seen.clear()
stack = contextlib.ExitStack()
stack.push(lambda *d: True)
stack.push(record)
print(stack.__exit__(ValueError, ValueError("v"), None), seen)


class Manager:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self.name

    def __exit__(self, *details):
        print("exit", self.name, details[0])


stack = contextlib.ExitStack()
m = Manager("pushed")
print(stack.push(m) is m)
print(stack.enter_context(Manager("entered")))
stack.close()
report(lambda: contextlib.ExitStack().enter_context(Manager))
report(lambda: contextlib.ExitStack().enter_context(3.5))


class MyStack(contextlib.ExitStack):
    pass


s = MyStack()
s.callback(print, "moved")
moved = s.pop_all()
print(type(moved).__name__)
s.close()
moved.close()

try:
    with contextlib.ExitStack() as stack:
        stack.callback(print, "unwound despite the error")
        raise KeyError("k")
except KeyError as e:
    print("KeyError", e, e.__context__)

print("-- AsyncExitStack")


class AsyncManager:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("aenter", self.name)
        return self.name

    async def __aexit__(self, *details):
        print("aexit", self.name, details[0])
        return self.name == "suppressor"


async def async_callback(word):
    print("async callback", word)


async def main():
    async with contextlib.AsyncExitStack() as stack:
        print(await stack.enter_async_context(AsyncManager("first")))
        stack.callback(print, "sync callback")
        stack.push_async_callback(async_callback, "later")
        stack.enter_context(Manager("sync manager"))
        stack.push_async_exit(AsyncManager("pushed"))
    try:
        await contextlib.AsyncExitStack().enter_async_context(Manager("wrong"))
    except TypeError as e:
        print("TypeError", e, e.__suppress_context__)
    async with contextlib.AsyncExitStack() as stack:
        await stack.enter_async_context(AsyncManager("suppressor"))
        raise ValueError("swallowed")
    print("after suppressed")
    async with contextlib.nullcontext("async null") as value:
        print(value)

    class Closer:
        async def aclose(self):
            print("aclosed")

    async with contextlib.aclosing(Closer()) as thing:
        print(type(thing).__name__)
    stack = contextlib.AsyncExitStack()
    stack.push_async_callback(async_callback, "aclose")
    await stack.aclose()

asyncio.run(main())

print("-- small managers")
try:
    with contextlib.suppress(ValueError):
        raise ExceptionGroup("group", [ValueError("inside")])
except ExceptionGroup as e:
    print("ExceptionGroup not suppressed in 3.11:", e)
with contextlib.suppress(LookupError):
    {}["missing"]
print(contextlib.suppress().__enter__(), contextlib.chdir(".").__enter__() is None)
outer, inner = io.StringIO(), io.StringIO()
with contextlib.redirect_stderr(outer) as target:
    print("to outer", file=sys.stderr)
    with contextlib.redirect_stderr(inner):
        print("to inner", file=sys.stderr)
    print("outer again", file=sys.stderr, end="")
print(target is outer, repr(outer.getvalue()), repr(inner.getvalue()))


class Closeable:
    def close(self):
        print("closed")


with contextlib.closing(Closeable()) as c:
    print(type(c).__name__)
print(contextlib.nullcontext().__enter__(), contextlib.nullcontext(7).__exit__(None, None, None))
