# gather, wait, wait_for, shield and as_completed: results, orders,
# cancellation messages and argument errors.
import asyncio


async def child(n, log):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        log.append(f"child {n} cancelled {e.args}")
        raise


async def other(log):
    log.append("other ran")


async def quick(v):
    return v


async def fail(v):
    await asyncio.sleep(0)
    raise ValueError(v)


async def gather_cases():
    log = []
    loop = asyncio.get_running_loop()
    g = asyncio.gather(child(1, log), child(2, log))
    print(repr(g))
    await asyncio.sleep(0)
    print(g.cancel("why"), g.cancel("again"), g.cancel())
    try:
        await g
    except asyncio.CancelledError as e:
        print("outer", e.args, g.cancelled(), g.done())
    print(log)
    log.clear()

    done = loop.create_future()
    done.set_result(2)
    asyncio.ensure_future(other(log))
    print(await asyncio.gather(done, done, quick(3)), log)

    t = asyncio.ensure_future(quick(5))
    g = asyncio.gather(t, child(3, log), return_exceptions=True)
    await asyncio.sleep(0)
    print(g.cancel())
    try:
        print(await g)
    except asyncio.CancelledError as e:
        print("outer2", repr(e), g.cancelled())

    g = asyncio.gather(child(4, log), quick(6), fail(7), return_exceptions=True)
    await asyncio.sleep(0)
    g._children[0].cancel("m")
    print(await g)

    plain = loop.create_future()
    plain.cancel("plain msg")
    bare = loop.create_future()
    bare.cancel()
    print(await asyncio.gather(plain, bare, return_exceptions=True))

    try:
        await asyncio.gather(fail(8), fail(9), quick(1))
    except ValueError as e:
        print("first error", repr(e))
    await asyncio.sleep(0.01)

    # A cancelled child without return_exceptions: the outer future fails.
    g = asyncio.gather(child(10, log), quick(1))
    await asyncio.sleep(0)
    g._children[0].cancel("child msg")
    try:
        await g
    except asyncio.CancelledError as e:
        print("outer3", e.args, g.cancelled())
    print(g.cancel())
    print(log)

    # A child that ignores the cancellation and returns anyway.
    async def stubborn():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            return "kept going"
    g = asyncio.gather(stubborn(), return_exceptions=True)
    await asyncio.sleep(0)
    print(g.cancel("stop"))
    try:
        print(await g)
    except asyncio.CancelledError as e:
        print("outer4", repr(e))


async def wait_cases():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    cases = [
        ((f,), {}),
        (([],), {}),
        (([f],), {"return_when": "X"}),
        ((set(),), {"return_when": "X"}),
        ((5,), {}),
    ]
    for args, kw in cases:
        try:
            await asyncio.wait(*args, **kw)
        except Exception as e:
            print(type(e).__name__, e)
    c = quick(0)
    for bad in (c, [c]):
        try:
            await asyncio.wait(bad)
        except TypeError as e:
            print(e)
    c.close()

    log = []
    done = loop.create_future()
    done.set_result(1)
    asyncio.ensure_future(other(log))
    d, p = await asyncio.wait([done])
    print("after wait", len(d), len(p), log)

    slow = asyncio.ensure_future(asyncio.sleep(0.05, "slow"))
    fast = asyncio.ensure_future(asyncio.sleep(0, "fast"))
    d, p = await asyncio.wait([slow, fast], return_when=asyncio.FIRST_COMPLETED)
    print([x.result() for x in d], len(p))
    d, p = await asyncio.wait([slow], timeout=0.001)
    print(len(d), len(p), type(d).__name__)
    bad = asyncio.ensure_future(fail(1))
    d, p = await asyncio.wait([slow, bad], return_when=asyncio.FIRST_EXCEPTION)
    print([repr(x.exception()) for x in d], len(p))
    d, p = await asyncio.wait([slow, bad])
    print(sorted(str(x.exception() or x.result()) for x in d), len(p))


async def wait_for_cases():
    print(await asyncio.wait_for(quick(1), None))
    print(await asyncio.wait_for(quick(2), 1))
    try:
        print(await asyncio.wait_for(quick(3), -1))
    except TimeoutError as e:
        print("timeout", repr(e), repr(e.__cause__))

    async def slow(log):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError as e:
            log.append(f"slow cancelled {e.args}")
            return "ignored"
    log = []
    print(await asyncio.wait_for(slow(log), 0.01), log)
    try:
        print(await asyncio.wait_for(slow(log), 0))
    except TimeoutError as e:
        print("timeout", repr(e), repr(e.__cause__), log)
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.01)
    except TimeoutError as e:
        print(repr(e), repr(e.__cause__), e.__suppress_context__)
    try:
        await asyncio.wait_for(fail(4), 1)
    except ValueError as e:
        print("inner error", repr(e))

    # The task running wait_for is cancelled: the inner task is cancelled too.
    async def outer(log):
        try:
            await asyncio.wait_for(child(5, log), 10)
        except asyncio.CancelledError as e:
            log.append(f"outer cancelled {e.args}")
            raise
    log = []
    t = asyncio.ensure_future(outer(log))
    await asyncio.sleep(0.01)
    t.cancel("from main")
    try:
        await t
    except asyncio.CancelledError as e:
        print("t", e.args, log)


async def shield_cases():
    log = []
    inner = asyncio.ensure_future(child(1, log))
    outer = asyncio.shield(inner)
    await asyncio.sleep(0)
    outer.cancel("shielded")
    await asyncio.sleep(0)
    print(outer.cancelled(), inner.cancelled(), inner.done())
    inner.cancel("direct")
    await asyncio.sleep(0)
    print(log)
    done = asyncio.ensure_future(quick(1))
    await done
    print(asyncio.shield(done) is done)
    print(await asyncio.shield(quick(2)))
    inner = asyncio.ensure_future(fail(3))
    try:
        await asyncio.shield(inner)
    except ValueError as e:
        print("shield error", repr(e))
    inner = asyncio.ensure_future(child(4, log))
    outer = asyncio.shield(inner)
    await asyncio.sleep(0)
    inner.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled", outer.cancelled())


async def as_completed_cases():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    c = quick(0)
    for arg in [f, c, 5]:
        try:
            for x in asyncio.as_completed(arg):
                pass
        except Exception as e:
            print(type(e).__name__, e)
    c.close()
    print(list(asyncio.as_completed([])))
    aws = [asyncio.sleep(0.03, "c"), asyncio.sleep(0.01, "a"), asyncio.sleep(0.02, "b")]
    for nxt in asyncio.as_completed(aws):
        print(await nxt)
    slow = asyncio.ensure_future(asyncio.sleep(1, "never"))
    fast = asyncio.ensure_future(asyncio.sleep(0, "fast"))
    it = asyncio.as_completed([slow, fast, fast], timeout=0.02)
    got = []
    try:
        for nxt in it:
            got.append(await nxt)
    except TimeoutError as e:
        print("as_completed timeout", repr(e), got)
    slow.cancel()


async def main():
    await gather_cases()
    await wait_cases()
    await wait_for_cases()
    await shield_cases()
    await as_completed_cases()


asyncio.run(main())
