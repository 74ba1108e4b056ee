# A Semaphore lets at most 3 of 20 jobs run at the same time.
# Run it with: towel examples/semaphore_jobs.py
#
# Each job holds the semaphore while it "works"; jobs start in the order in
# which slots free up, and we check that no more than 3 were ever inside.
import asyncio

LIMIT = 3
running = 0
peak = 0


async def job(n, sem):
    global running, peak
    async with sem:
        running += 1
        peak = max(peak, running)
        print(f"job {n:2d} starts")
        await asyncio.sleep(0.02)
        running -= 1
    return n * n


async def main():
    sem = asyncio.Semaphore(LIMIT)
    results = await asyncio.gather(*(job(n, sem) for n in range(20)))
    print("results:", results)
    print("most at once:", peak)


asyncio.run(main())
