# unittest.mock: MagicMock's table of magic-method defaults and how each can
# be configured; magic methods set on plain Mocks; which child mocks are
# AsyncMocks; AsyncMock records and side effects; PropertyMock; wraps.
import asyncio
import inspect
import re
from unittest import mock
from unittest.mock import Mock, MagicMock, AsyncMock, NonCallableMagicMock, PropertyMock, call


def strip_ids(text):
    text = re.sub(r" id='\d+'", "", text)
    return re.sub(r" at 0x[0-9a-f]+", "", text)


def show(obj):
    return strip_ids(repr(obj))


def attempt(label, func, *args, **kwargs):
    try:
        result = func(*args, **kwargs)
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {strip_ids(str(e))}")
    else:
        print(f"{label}: {show(result)}")


m = MagicMock()
print(len(m), bool(m), int(m), float(m), complex(m), m.__index__(), list(m), 3 in m)
print(m == m, m != m, m == 1, m != 1, show(m.__enter__()), m.__exit__(None, None, None))
print(type(hash(m)).__name__, str(m) == strip_ids(str(m)) or "has id", strip_ids(str(m)),
      isinstance(m.__sizeof__(), int))
for name in ["__lt__", "__gt__", "__le__", "__ge__"]:
    print(name, getattr(m, name)(1))
print(show(m.__getitem__(0)), show(next(m)), show(m.__round__(2)), show(m.__divmod__(3)))
attempt("not bool configured", lambda: [bool(m), m.__bool__.configure_mock(return_value=False), bool(m)])
m.__iter__.return_value = (1, 2)
print(list(m), list(m))
m.__iter__.side_effect = lambda: iter("zz")
print(list(m))
m.__getitem__.side_effect = KeyError("k")
attempt("getitem raises", lambda: m["x"])
m.__len__.side_effect = [4, 5]
print(len(m), len(m))
m.__contains__.return_value = True
print("anything" in m)
m.__lt__.return_value = "less"
print(m < 0, m > 0 if False else "skip")
m.__eq__.return_value = True
print(m == 0, m != 0)
m.__ne__.return_value = True
print(m != m)
m.__call__ = lambda: "ignored"
print(show(m()))
del m.__len__
attempt("deleted len", len, m)
attempt("deleted len attribute", lambda: m.__len__)
m.__len__ = lambda self: 42
print(len(m))
m.__len__ = MagicMock(return_value=3)
print(len(m), show(m.__len__), m.mock_calls[-1:])

plain = Mock()
attempt("plain len", len, plain)
plain.__len__ = lambda self: 9
plain.__getitem__ = Mock(return_value="item")
plain.__iter__ = lambda self: iter([7])
print(len(plain), plain[0], list(plain), plain.__getitem__.call_args)
del plain.__len__
attempt("plain len deleted", len, plain)
plain.__repr__ = lambda self: "custom repr"
print(repr(plain))
plain.__foo__ = "dunder"
print(plain.__foo__)
attempt("missing dunder", lambda: plain.__bar__)
attempt("unsupported", setattr, plain, "__setattr__", None)

print(type(AsyncMock().child).__name__, type(AsyncMock().__len__).__name__,
      type(AsyncMock().__aenter__).__name__, type(MagicMock().__aiter__).__name__,
      type(MagicMock().__anext__).__name__, type(NonCallableMagicMock().x).__name__)
print(isinstance(AsyncMock(), MagicMock), isinstance(AsyncMock(), Mock), isinstance(MagicMock(), Mock),
      isinstance(NonCallableMagicMock(), mock.NonCallableMock), isinstance(NonCallableMagicMock(), Mock))


class Sub(MagicMock):
    pass


print(type(Sub().x).__name__, type(Sub()()).__name__, type(PropertyMock().x).__name__)


class Custom(Mock):
    def _get_child_mock(self, /, **kw):
        return MagicMock(**kw)


print(type(Custom().x).__name__, show(Custom().x), len(Custom().y))


async def main():
    am = AsyncMock(name="am")
    print(inspect.iscoroutinefunction(am), am.called, am.await_count)
    coroutine = am(1)
    print(am.called, am.call_count, am.await_count, inspect.iscoroutine(coroutine))
    print(show(await coroutine), am.await_count, am.await_args, am.await_args_list)
    am.side_effect = [1, 2]
    print(await am(), await am())
    try:
        await am()
    except StopAsyncIteration:
        print("StopAsyncIteration")
    am.side_effect = KeyError
    try:
        await am()
    except KeyError:
        print("KeyError class raised")

    async def effect(x):
        await asyncio.sleep(0)
        return mock.DEFAULT if x == 0 else x

    am.side_effect = effect
    am.return_value = "rv"
    print(await am(0), await am(5))
    am.side_effect = None
    print(await am())
    am.assert_awaited_with()
    am.assert_has_awaits([call(0), call(5)])
    try:
        am.assert_has_awaits([call(5), call(0)])
    except AssertionError as e:
        print(strip_ids(str(e)))
    try:
        am.assert_awaited_once()
    except AssertionError as e:
        print(e)
    am.reset_mock()
    print(am.await_count, am.await_args_list, am.call_count)

    mm = MagicMock()
    async for item in mm:
        print("never", item)
    mm.__aiter__.return_value = iter("ab")
    print([item async for item in mm])
    async with mm as entered:
        print(show(entered))
    mm.__aenter__.return_value = "resource"
    async with mm as entered:
        print(entered, mm.__aexit__.await_count, mm.__aexit__.await_args)
    am2 = AsyncMock()
    am2.method.return_value = 3
    print(await am2.method(), show(await am2()))


asyncio.run(main())


class Thing:
    def __init__(self):
        self.calls = 0

    def work(self, n):
        self.calls += 1
        return n * 2


thing = Thing()
wrapper = Mock(wraps=thing)
print(wrapper.work(4), thing.calls, wrapper.work.call_args)
wrapper.work.side_effect = lambda n: -n
print(wrapper.work(4), thing.calls)
direct = Mock(wraps=lambda x: x + 1)
print(direct(1), show(direct.return_value))
direct.return_value = 0
print(direct(1))


class Temperature:
    degrees = PropertyMock(return_value=20)


t = Temperature()
print(t.degrees)
t.degrees = 30
print(Temperature.__dict__["degrees"].mock_calls, show(Temperature.__dict__["degrees"]))
prop = PropertyMock(side_effect=[1, ValueError("no more")])
type(t).other = prop
print(t.other)
attempt("property raise", lambda: t.other)
