import asyncio
import gc


async def waits(fut):
    await fut


async def main():
    loop = asyncio.get_running_loop()
    t = loop.create_task(waits(loop.create_future()), name="orphan")
    await asyncio.sleep(0)
    print("pending:", not t.done())
    del t
    gc.collect()
    print("after collect")


asyncio.run(main())
print("after run")
