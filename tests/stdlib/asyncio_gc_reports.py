# Tasks and futures report what nobody saw when they are collected.
import asyncio
import gc


async def fails():
    raise ValueError("nobody looked")


async def waits_forever():
    await asyncio.Future()


async def ok():
    return 1


async def main():
    t = asyncio.create_task(fails(), name="failing")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("task done:", t.done())
    del t
    gc.collect()
    print("after dropping the failed task")

    # A retrieved exception is not reported.
    t = asyncio.create_task(fails())
    await asyncio.sleep(0)
    print(type(t.exception()).__name__)
    del t
    gc.collect()

    # gather of one coroutine, many times: nothing accumulates.
    for _ in range(1000):
        await asyncio.gather(ok())
    gc.collect()
    print("gather ok")

    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_exception(RuntimeError("future failed"))
    del fut
    gc.collect()
    print("end of main")


asyncio.run(main())
print("after run")
