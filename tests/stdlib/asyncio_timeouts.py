# asyncio.timeout / timeout_at / Timeout: states, reprs, reschedule errors,
# and how an expired deadline becomes TimeoutError.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.timeout(None)
    print(repr(t), t.when(), t.expired())
    try:
        t.reschedule(1)
    except RuntimeError as e:
        print("RuntimeError", e)
    async with t as tt:
        print(tt is t, repr(t))
        t.reschedule(loop.time() + 1000)
        print(repr(t).replace(str(round(t.when(), 3)), "W"))
        t.reschedule(None)
        print(repr(t))
    print(repr(t), t.expired())
    try:
        t.reschedule(1)
    except RuntimeError as e:
        print("RuntimeError", e)

    try:
        async with asyncio.timeout(0.01) as t:
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("timeout", repr(e), repr(e.__cause__), e.__suppress_context__,
              repr(t), t.expired())

    async with asyncio.timeout(-1) as t:
        try:
            await asyncio.sleep(0)
        except asyncio.CancelledError as e:
            print("inner cancelled", e.args)
    print(repr(t), t.expired(), asyncio.current_task().cancelling())

    try:
        async with asyncio.timeout(0) as t:
            pass
    except TimeoutError:
        print("timeout 0 raised")
    print(repr(t))

    print(repr(asyncio.timeout_at(None)))
    async with asyncio.timeout_at(loop.time() + 0.01) as t:
        t.reschedule(loop.time() + 5)
        await asyncio.sleep(0.02)
    print("rescheduled later", t.expired())
    try:
        async with asyncio.timeout(5) as t:
            t.reschedule(loop.time() - 1)
            await asyncio.sleep(1)
    except TimeoutError:
        print("rescheduled into the past", t.expired())

    # Nested: the inner deadline fires first, the outer one is untouched.
    try:
        async with asyncio.timeout(5) as outer:
            try:
                async with asyncio.timeout(0.01) as inner:
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner expired", inner.expired(), outer.expired())
            await asyncio.sleep(0)
    except TimeoutError:
        print("not reached")
    print("outer", repr(outer))

    # A Timeout is entered once only.
    t = asyncio.timeout(None)
    async with t:
        try:
            async with t:
                print("nested", repr(t))
        except RuntimeError as e:
            print("RuntimeError", e)
    try:
        async with t:
            pass
    except RuntimeError as e:
        print("RuntimeError", e, repr(t))

    # A cancellation from elsewhere is not turned into TimeoutError.
    async def victim():
        async with asyncio.timeout(5):
            await asyncio.sleep(1)
    task = asyncio.ensure_future(victim())
    await asyncio.sleep(0)
    task.cancel("other")
    try:
        await task
    except asyncio.CancelledError as e:
        print("victim", e.args)

    # An error in the block passes through even after expiry.
    try:
        async with asyncio.timeout(0.01):
            try:
                await asyncio.sleep(1)
            finally:
                raise KeyError("cleanup")
    except KeyError as e:
        print("KeyError", e)


asyncio.run(main())
try:
    asyncio.timeout(1)
except RuntimeError as e:
    print("no loop:", e)
