# say_hello and say_world gathered: two one-second waits overlap.
# Run it with: towel examples/say_hello_world.py
#
# Both coroutines sleep for a second at the same time, so the program takes
# about one second, not two.
import asyncio
import time


async def say_hello():
    await asyncio.sleep(1)
    print("Hello")


async def say_world():
    await asyncio.sleep(1)
    print("World")


async def main():
    start = time.monotonic()
    await asyncio.gather(say_hello(), say_world())
    elapsed = time.monotonic() - start
    print(f"finished in about {round(elapsed)} second(s)")


asyncio.run(main())
