# TaskGroup: reprs, error messages, abort order, exception groups, and how
# the parent task's cancellation count comes back.
import asyncio


async def boom(n, d=0):
    await asyncio.sleep(d)
    raise ValueError(n)


async def sleeper(n, d=1):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError as e:
        print("sleeper", n, "cancelled", e.args)
        raise
    return n


async def ok():
    return 1


async def lifecycle():
    tg = asyncio.TaskGroup()
    print(repr(tg))
    c = sleeper(0)
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print(e)
    c.close()
    async with tg:
        print(repr(tg))
        t = tg.create_task(sleeper(1, 0.01), name="nm")
        print(repr(tg), t.get_name())
        try:
            async with tg:
                pass
        except RuntimeError as e:
            print(e)
    print(repr(tg), t.result())
    c = sleeper(0)
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print(e)
    c.close()
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(ok())
        b = tg.create_task(ok(), name="B")
    print(a.result(), b.get_name())


async def failures():
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper(1))
            tg.create_task(boom(2))
            tg.create_task(boom(3))
            await asyncio.sleep(0.5)
            print("not reached")
    except* ValueError as eg:
        print(repr(eg.exceptions), eg)
    print("cancelling", me.cancelling())

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper(1))
            tg.create_task(boom(2, 0.01))
            raise KeyError("body")
    except BaseException as eg:
        print(repr(eg), type(eg).__name__)

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper(1))
            await asyncio.sleep(0)
            print(repr(tg))
            tg.create_task(boom(2))
            await asyncio.sleep(0)
            await asyncio.sleep(0)
            print(repr(tg))
            await asyncio.sleep(1)
    except BaseException as eg:
        print(repr(eg), type(eg).__name__)

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(boom(8))
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                c = sleeper(9)
                try:
                    tg.create_task(c)
                except RuntimeError as e:
                    print(e)
                c.close()
                raise
    except BaseException as eg:
        print(repr(eg))

    async def stubborn():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("stubborn ignores")
            await asyncio.sleep(0.01)
            raise KeyError("late")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(stubborn())
            tg.create_task(boom(6))
            raise OSError("body")
    except BaseException as eg:
        print(repr(eg))

    try:
        async with asyncio.TaskGroup() as tg:
            async def inner():
                async with asyncio.TaskGroup() as tg2:
                    tg2.create_task(boom(7))
            tg.create_task(inner())
    except BaseException as eg:
        print(repr(eg))


async def cancellations():
    me = asyncio.current_task()
    for mode in ["swallow", "pass", "raise"]:
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(boom(3))
                if mode != "pass":
                    try:
                        await asyncio.sleep(1)
                    except asyncio.CancelledError:
                        print(mode, "in body", me.cancelling())
                        if mode == "raise":
                            raise
        except* ValueError as eg:
            print(repr(eg.exceptions))
        print(mode, "after", me.cancelling())
    while me.cancelling():
        me.uncancel()

    async def runner(fail):
        async with asyncio.TaskGroup() as tg:
            if fail:
                tg.create_task(boom(4, 0.01))
            tg.create_task(sleeper(5))
            await asyncio.sleep(1)
    for fail in (False, True):
        t = asyncio.create_task(runner(fail))
        await asyncio.sleep(0)
        t.cancel("ext")
        try:
            await t
        except BaseException as e:
            print("runner", repr(e))


async def cancelled_first():
    me = asyncio.current_task()
    me.cancel()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(boom(3))
            await asyncio.sleep(0)
    except BaseException as eg:
        print(repr(eg))
    print("after", me.cancelling())


asyncio.run(lifecycle())
asyncio.run(failures())
asyncio.run(cancellations())
asyncio.run(cancelled_first())
