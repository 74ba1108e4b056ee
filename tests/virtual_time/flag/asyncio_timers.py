# asyncio's timers, timeouts and elapsed times, as a real run prints them.
import asyncio
import time


async def worker(name, delay, log):
    await asyncio.sleep(delay)
    log.append(name)
    return name


async def main():
    loop = asyncio.get_running_loop()
    wall = time.perf_counter()
    # Each step is timed from the end of the previous one (a real run's
    # delays would otherwise add up past the printed precision).
    lap_start = loop.time()

    def since_lap():
        return f"{loop.time() - lap_start:.1f}"

    def elapsed():
        nonlocal lap_start
        text = since_lap()
        lap_start = loop.time()
        return text

    log = []
    results = await asyncio.gather(
        worker("c", 0.3, log), worker("a", 0.1, log), worker("b", 0.2, log)
    )
    print(results, log, elapsed())

    try:
        await asyncio.wait_for(asyncio.sleep(5), timeout=0.5)
    except TimeoutError:
        print("wait_for timed out at", elapsed())

    try:
        async with asyncio.timeout(0.3):
            await asyncio.sleep(10)
    except TimeoutError:
        print("timeout() expired at", elapsed())

    order = []
    loop.call_later(0.2, order.append, "later 0.2")
    loop.call_later(0.1, order.append, "later 0.1")
    loop.call_at(loop.time() + 0.1, order.append, "at +0.1")
    loop.call_soon(order.append, "soon")
    await asyncio.sleep(0.3)
    print(order, elapsed())

    async with asyncio.TaskGroup() as tg:
        for i in range(3):
            tg.create_task(worker(f"tg{i}", 0.1 * (3 - i), log))
    print(log[-3:], elapsed())

    done, pending = await asyncio.wait(
        [asyncio.create_task(asyncio.sleep(d, d)) for d in (0.1, 1.0)],
        timeout=0.5,
    )
    print(sorted(t.result() for t in done), len(pending), elapsed())
    for t in pending:
        t.cancel()

    # A blocking time.sleep holds the whole loop, and its time passes.
    ticks = []

    async def ticker():
        for _ in range(3):
            ticks.append(since_lap())
            await asyncio.sleep(0.1)

    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    time.sleep(0.5)
    await t
    print(ticks, elapsed())

    # Work on a thread: the clock waits for it rather than jumping.
    def blocking():
        time.sleep(0.2)
        return "thread done"

    print(await loop.run_in_executor(None, blocking), elapsed())
    print(f"perf_counter agrees: {time.perf_counter() - wall:.0f}")


asyncio.run(main())
