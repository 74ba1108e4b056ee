# Hello world with asyncio.run: the simplest way to run a coroutine.
# Run it with: towel examples/hello_run.py
#
# asyncio.run creates an event loop, runs main() as its first task until it
# finishes, then cancels leftovers and closes the loop.
import asyncio


async def main():
    print("Hello ...")
    await asyncio.sleep(0.1)
    print("... World!")
    return "done"


print(asyncio.run(main()))
