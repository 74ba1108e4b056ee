# Three crows in a TaskGroup: structured concurrency (Python 3.11).
# Run it with: towel examples/crows_taskgroup.py
#
# Leaving the `async with` block waits for every task created in the group.
import asyncio


async def send_crow(name, delay):
    print(f"{name} takes off")
    await asyncio.sleep(delay)
    print(f"{name} arrives")
    return delay


async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(send_crow(name, delay)) for name, delay in [("Corvus", 0.3), ("Hugin", 0.2), ("Munin", 0.1)]]
        print("all three are in the air")
    print("the group waited for all of them:", [t.result() for t in tasks])


asyncio.run(main())
