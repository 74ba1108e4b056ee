# Run with PYTHONASYNCIODEBUG=1 or -X dev: loops start in debug mode.
import asyncio
import os

HERE = os.path.abspath(__file__)


async def child():
    await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    print("running loop debug:", loop.get_debug())
    t = loop.create_task(child(), name="t")
    print(repr(t).replace(HERE, "HERE"))
    await t


asyncio.run(main())
asyncio.run(main(), debug=False)
loop = asyncio.new_event_loop()
print("new loop debug:", loop.get_debug())
loop.close()
