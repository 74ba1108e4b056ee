# wrap_future, run_coroutine_threadsafe and to_thread: outcomes and
# cancellations crossing between asyncio and concurrent.futures.
import asyncio
import concurrent.futures as cf
import threading


async def main():
    loop = asyncio.get_running_loop()
    f = cf.Future()
    w = asyncio.wrap_future(f)
    print(type(w).__name__, w.get_loop() is loop, asyncio.wrap_future(w) is w)
    f.set_exception(cf.CancelledError("x"))
    try:
        await w
    except BaseException as e:
        print(type(e).__module__, type(e).__name__, e.args, w.cancelled())

    f = cf.Future()
    w = asyncio.wrap_future(f)
    w.cancel()
    await asyncio.sleep(0)
    print("back:", f.cancelled())
    f = cf.Future()
    w = asyncio.wrap_future(f)
    f.cancel()
    await asyncio.sleep(0)
    print("forward:", w.cancelled())
    f = cf.Future()
    w = asyncio.wrap_future(f)
    f.set_result(7)
    print(await w)
    f = cf.Future()
    w = asyncio.wrap_future(f)
    f.set_exception(KeyError("k"))
    try:
        await w
    except KeyError as e:
        print("KeyError", e)
    try:
        asyncio.wrap_future(5)
    except AssertionError as e:
        print("AssertionError", e)
    try:
        asyncio.run_coroutine_threadsafe(5, loop)
    except TypeError as e:
        print("TypeError", e)

    print(await asyncio.to_thread(lambda a, b=2: a + b, 1, b=5))
    print(await asyncio.to_thread(lambda: threading.current_thread() is threading.main_thread()))
    try:
        await asyncio.to_thread(int, "x")
    except ValueError as e:
        print("ValueError", e)

    async def double(x):
        await asyncio.sleep(0)
        return 2 * x

    async def broken():
        raise OSError("bad")

    def from_thread():
        fut = asyncio.run_coroutine_threadsafe(double(21), loop)
        out = [fut.result(5)]
        fut = asyncio.run_coroutine_threadsafe(broken(), loop)
        try:
            fut.result(5)
        except OSError as e:
            out.append(repr(e))
        fut = asyncio.run_coroutine_threadsafe(asyncio.sleep(10), loop)
        try:
            fut.result(0.01)
        except TimeoutError:
            out.append("timed out")
        fut.cancel()
        out.append(fut.cancelled())
        return out

    print(await loop.run_in_executor(None, from_thread))
    await asyncio.sleep(0.01)
    print(sorted(t.get_coro().__name__ for t in asyncio.all_tasks() if t is not asyncio.current_task()))


asyncio.run(main())
