# asyncio's submodules hold the same objects as the package.
import asyncio
from asyncio import tasks, events, futures, locks, queues, exceptions, runners
import asyncio.base_events
from asyncio.tasks import Task, gather
from asyncio.exceptions import CancelledError

print(tasks.Task is asyncio.Task, Task is asyncio.Task, gather is asyncio.gather)
print(futures.Future is asyncio.Future, locks.Lock is asyncio.Lock, queues.Queue is asyncio.Queue)
print(CancelledError is asyncio.CancelledError, exceptions.TimeoutError is asyncio.TimeoutError)
print(events.get_event_loop is asyncio.get_event_loop, runners.run is asyncio.run)
print(tasks.__name__, tasks.__package__, asyncio.tasks is tasks, asyncio.base_events.__name__)
import collections.abc, os.path, sys
print(collections.abc.Mapping.__name__, os.path is sys.modules["os.path"], os.path.__name__)

async def main():
    t = tasks.create_task(asyncio.sleep(0, "done"))
    return await t

print(asyncio.run(main()))
