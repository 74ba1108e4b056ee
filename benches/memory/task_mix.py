# Task churn without batching by the caller: each task is awaited alone;
# 70% return, 20% raise, 10% are cancelled.
# Run: towel benches/memory/task_mix.py [TASKS]
import asyncio
import sys


async def work(i):
    await asyncio.sleep(0)
    if i % 10 < 2:
        raise KeyError(i)
    if i % 10 == 2:
        await asyncio.sleep(3600)
    return i


async def main(total):
    outcomes = [0, 0, 0]
    for i in range(total):
        t = asyncio.create_task(work(i))
        if i % 10 == 2:
            await asyncio.sleep(0)
            t.cancel()
        try:
            await t
            outcomes[0] += 1
        except KeyError:
            outcomes[1] += 1
        except asyncio.CancelledError:
            outcomes[2] += 1
    return outcomes


n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
print(asyncio.run(main(n)))
