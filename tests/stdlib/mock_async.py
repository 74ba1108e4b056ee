# AsyncMock: awaiting records, side effects (values, exceptions, iterables,
# coroutine functions), the assert_awaited* messages, async magic methods of
# MagicMock, and patch on coroutine functions.
import asyncio
import inspect
from unittest import mock
from unittest.mock import AsyncMock, MagicMock, call, patch


def show(obj):
    text = repr(obj)
    while " id='" in text:
        start = text.index(" id='")
        end = text.index("'", start + 5)
        text = text[:start] + text[end + 1:]
    return text


def attempt(label, func, *args, **kwargs):
    try:
        result = func(*args, **kwargs)
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: {show(result)}")


async def fetch(url, timeout=10):
    return "real"


async def main():
    m = AsyncMock(return_value=5)
    print(inspect.iscoroutinefunction(m), inspect.isawaitable(m(1)))
    print(await m(2, key="v"), m.call_count, m.await_count, m.await_args, m.await_args_list)
    m.assert_awaited()
    m.assert_awaited_with(2, key="v")
    m.assert_any_await(2, key="v")
    m.assert_has_awaits([call(2, key="v")])
    attempt("assert_awaited_once", m.assert_awaited_once)
    attempt("assert_awaited_with", m.assert_awaited_with, 3)
    attempt("assert_awaited_once_with", m.assert_awaited_once_with, 2, key="v")
    attempt("assert_any_await", m.assert_any_await, 9)
    attempt("assert_has_awaits", m.assert_has_awaits, [call(1), call(2)])
    attempt("assert_has_awaits any_order", m.assert_has_awaits, [call(7)], any_order=True)
    attempt("assert_not_awaited", m.assert_not_awaited)
    fresh = AsyncMock(name="fresh")
    attempt("not awaited", fresh.assert_awaited)
    attempt("not awaited with", fresh.assert_awaited_with, 1)
    attempt("once not awaited", fresh.assert_awaited_once)
    fresh.assert_not_awaited()

    effects = AsyncMock(side_effect=[1, ValueError("second")])
    print(await effects())
    try:
        await effects()
    except ValueError as e:
        print("raised", e)
    try:
        await effects()
    except StopAsyncIteration:
        print("exhausted: StopAsyncIteration")

    async def double(x):
        return x * 2
    print(await AsyncMock(side_effect=double)(21), await AsyncMock(side_effect=lambda x: -x)(3))
    try:
        await AsyncMock(side_effect=KeyError("k"))()
    except KeyError as e:
        print("KeyError", e)
    wrapped = AsyncMock(wraps=fetch)
    print(await wrapped("u"), wrapped.await_args)
    m.reset_mock()
    print(m.await_count, m.await_args, m.await_args_list, m.call_count)

    mm = MagicMock()
    async with mm as value:
        print("aenter:", value is mm.__aenter__.return_value)
    mm.__aiter__.return_value = [1, 2, 3]
    print([x async for x in mm])
    print(type(mm.__aenter__).__name__, type(mm.__aexit__).__name__, mm.__aexit__.await_count)

    with patch("__main__.fetch") as patched:
        patched.return_value = "fake"
        print(type(patched).__name__, await fetch("x"))
        patched.assert_awaited_once_with("x")

    @patch("__main__.fetch", return_value="decorated")
    async def decorated(patched):
        return await fetch("y"), patched.await_args

    print(await decorated())
    auto = mock.create_autospec(fetch)
    print(show(await auto("z")), type(auto.mock).__name__)
    try:
        await auto()
    except TypeError as e:
        print("autospec:", e)
    spec_mock = MagicMock(spec=fetch)
    print(type(spec_mock).__name__ == "AsyncMock", isinstance(spec_mock, AsyncMock))

    class Client:
        async def get(self):
            return 1

        def close(self):
            pass

    client = MagicMock(spec=Client)
    print(type(client.get).__name__, type(client.close).__name__)
    print(show(await client.get()))


asyncio.run(main())
