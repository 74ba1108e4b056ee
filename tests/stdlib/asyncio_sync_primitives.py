# Condition, Semaphore, BoundedSemaphore and Barrier: reprs, wake-up order,
# cancellation while waiting, and their errors.
import asyncio
import re


def show(obj):
    print(re.sub(r" at 0x[0-9a-f]+", "", repr(obj)))


async def condition():
    c = asyncio.Condition()
    show(c)
    try:
        await c.wait()
    except RuntimeError as e:
        print(e)
    try:
        c.notify()
    except RuntimeError as e:
        print(e)
    try:
        asyncio.Condition(5)
    except AttributeError as e:
        print("AttributeError", e)

    async def waiter(n):
        async with c:
            try:
                r = await c.wait()
                print("waiter", n, "woke", r)
            except asyncio.CancelledError as e:
                print("waiter", n, "cancelled", e.args, c.locked())
                raise
    ts = [asyncio.create_task(waiter(i)) for i in range(4)]
    await asyncio.sleep(0)
    show(c)
    async with c:
        c.notify(1)
        ts[2].cancel("msg")
        show(c)
    await asyncio.sleep(0.01)
    async with c:
        c.notify(2)
    await asyncio.sleep(0.01)
    show(c)

    state = {"n": 0}

    async def until(k):
        async with c:
            got = await c.wait_for(lambda: state["n"] >= k and state["n"])
            print("until", k, "got", got)
    ts = [asyncio.create_task(until(k)) for k in (2, 1, 3)]
    for _ in range(3):
        await asyncio.sleep(0)
        async with c:
            state["n"] += 1
            c.notify_all()
    await asyncio.gather(*ts)

    # Cancelled while taking the lock back after a notify.
    async def holder():
        async with c:
            c.notify_all()
            await asyncio.sleep(0.01)

    async def rewaiter():
        async with c:
            try:
                await c.wait()
            except asyncio.CancelledError as e:
                print("rewaiter cancelled", e.args, c.locked())
                raise
    t = asyncio.create_task(rewaiter())
    await asyncio.sleep(0)
    h = asyncio.create_task(holder())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    t.cancel("late")
    await asyncio.gather(t, h, return_exceptions=True)
    print(t.cancelled(), c.locked())


async def semaphore():
    for bad in (-1,):
        try:
            asyncio.Semaphore(bad)
        except ValueError as e:
            print(e)
    s = asyncio.Semaphore(2)
    show(s)
    print(s.locked())
    await s.acquire()
    await s.acquire()
    show(s)
    print(s.locked())

    async def sw(n):
        try:
            await s.acquire()
            print("sem got", n)
        except asyncio.CancelledError as e:
            print("sem cancelled", n, e.args)
            raise
    ts = [asyncio.create_task(sw(i)) for i in range(4)]
    await asyncio.sleep(0)
    show(s)
    s.release()
    ts[0].cancel()
    s.release()
    ts[3].cancel("three")
    await asyncio.sleep(0.01)
    show(s)
    print([t.cancelled() for t in ts])
    s.release()
    s.release()
    show(s)

    async def worker(n, active, peak):
        async with s:
            active.append(n)
            peak[0] = max(peak[0], len(active))
            await asyncio.sleep(0.001 * (n % 3))
            active.remove(n)
        return n
    s = asyncio.Semaphore(3)
    peak = [0]
    active = []
    print(await asyncio.gather(*(worker(i, active, peak) for i in range(8))), peak)

    b = asyncio.BoundedSemaphore(1)
    try:
        b.release()
    except ValueError as e:
        print(e)
    show(b)
    async with b:
        show(b)
    s = asyncio.Semaphore(0)
    s.release()
    show(s)


async def barrier():
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print(e)
    bar = asyncio.Barrier(2)
    show(bar)
    print(bar.parties, bar.n_waiting, bar.broken)

    async def bw(n):
        try:
            i = await bar.wait()
            print("bar", n, i)
        except asyncio.BrokenBarrierError as e:
            print("broken", n, repr(e))
    ts = [asyncio.create_task(bw(i)) for i in range(3)]
    await asyncio.sleep(0.01)
    show(bar)
    await bar.reset()
    show(bar)
    await asyncio.sleep(0.01)
    show(bar)
    ts = [asyncio.create_task(bw(i)) for i in range(3, 8)]
    await asyncio.sleep(0.01)
    show(bar)
    t = asyncio.create_task(bw(9))
    await asyncio.sleep(0)
    await bar.abort()
    await asyncio.sleep(0.01)
    show(bar)
    print(bar.n_waiting, bar.broken)
    await asyncio.create_task(bw(10))
    await bar.reset()
    show(bar)

    bar = asyncio.Barrier(3)

    async def ctx(n):
        async with bar as i:
            print("ctx", n, i)
    await asyncio.gather(*(ctx(n) for n in range(3)))
    show(bar)


asyncio.run(condition())
asyncio.run(semaphore())
asyncio.run(barrier())
