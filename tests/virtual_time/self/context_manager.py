# towel.virtual_time() around asyncio.run; CPython runs the same script in
# real time (it has no towel module), which is what towel must print.
import asyncio
import contextlib
import time

try:
    import towel
    clock = towel.virtual_time
except ImportError:
    clock = contextlib.nullcontext


async def countdown(name, n, delay):
    loop = asyncio.get_running_loop()
    start = loop.time()
    for i in range(n, 0, -1):
        print(f"{name} {i} at {loop.time() - start:.1f}")
        await asyncio.sleep(delay)
    return f"{name} done"


async def main():
    return await asyncio.gather(countdown("A", 3, 1.0), countdown("B", 2, 1.5))


with clock():
    start = time.monotonic()
    print(asyncio.run(main()))
    print(f"took {time.monotonic() - start:.0f}")
    time.sleep(1)
    print(f"then {time.monotonic() - start:.0f}")
