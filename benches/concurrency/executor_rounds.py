# run_in_executor: 8 blocking sleeps of 0.2 s on 4 workers take 2 rounds
# (about 0.4 s), while a task on the loop keeps ticking every 0.05 s.
# Run: towel benches/concurrency/executor_rounds.py
import asyncio
import concurrent.futures
import time


async def ticker(ticks):
    while True:
        ticks.append(time.monotonic())
        await asyncio.sleep(0.05)


async def main():
    loop = asyncio.get_running_loop()
    ticks = []
    tick_task = asyncio.create_task(ticker(ticks))
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        start = time.monotonic()
        await asyncio.gather(*(loop.run_in_executor(pool, time.sleep, 0.2) for _ in range(8)))
        elapsed = time.monotonic() - start
    tick_task.cancel()
    print(f"8 x sleep(0.2) on 4 workers: {elapsed:.3f} s = {elapsed / 0.2:.1f} rounds")
    print(f"loop ticks meanwhile: {len(ticks)} (about {elapsed / 0.05:.0f} expected)")


asyncio.run(main())
