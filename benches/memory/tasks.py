# Task churn: asyncio tasks created in batches, half of them failing or
# cancelled. Tasks, their coroutines, futures and callbacks point at each
# other, so finished tasks are reclaimed by the cycle collector.
# Run: towel benches/memory/tasks.py [TASKS]
import asyncio
import sys


async def ok(i):
    await asyncio.sleep(0)
    return i


async def fail(i):
    await asyncio.sleep(0)
    raise ValueError(i)


async def forever():
    await asyncio.sleep(3600)


async def main(total):
    done = 0
    batch = 1000
    for start in range(0, total, batch):
        tasks = []
        for i in range(start, min(total, start + batch)):
            kind = i % 4
            if kind == 0 or kind == 1:
                tasks.append(asyncio.create_task(ok(i)))
            elif kind == 2:
                tasks.append(asyncio.create_task(fail(i)))
            else:
                t = asyncio.create_task(forever())
                tasks.append(t)
        await asyncio.sleep(0)
        for t in tasks[3::4]:
            t.cancel()
        results = await asyncio.gather(*tasks, return_exceptions=True)
        done += len(results)
    return done


n = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
print(asyncio.run(main(n)))
