# Three crows with asyncio.wait(..., return_when=FIRST_COMPLETED, timeout=...).
# Run it with: towel examples/crows_wait.py
#
# wait() returns two sets, done and pending, as soon as one task finishes (or
# the timeout passes). Sets of tasks have no stable order, so we print each
# task's name and state sorted by name; the pending crows are cancelled.
import asyncio


async def send_crow(name, delay):
    await asyncio.sleep(delay)
    return f"{name} arrived"


def describe(tasks):
    return sorted((t.get_name(), "done" if t.done() else "flying") for t in tasks)


async def main():
    tasks = [
        asyncio.create_task(send_crow("Corvus", 0.3), name="Corvus"),
        asyncio.create_task(send_crow("Hugin", 0.2), name="Hugin"),
        asyncio.create_task(send_crow("Munin", 0.1), name="Munin"),
    ]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED, timeout=1)
    print("done:", describe(done))
    print("pending:", describe(pending))
    print("first result:", [t.result() for t in done])

    done, pending = await asyncio.wait(pending, timeout=0.15)
    print("after 0.15s more, done:", describe(done))
    print("still pending:", describe(pending))
    for t in pending:
        t.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    print("cancelled:", sorted(t.get_name() for t in pending if t.cancelled()))


asyncio.run(main())
