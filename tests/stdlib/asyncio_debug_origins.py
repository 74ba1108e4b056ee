# In debug mode a running loop records where each coroutine was created
# (sys.set_coroutine_origin_tracking_depth), so the "never awaited" warning
# says where; the depth is restored when the loop stops. The frames inside
# asyncio's own implementation differ between interpreters, so only this
# file's frames are printed.
import asyncio
import gc
import os
import sys
import warnings

HERE = os.path.basename(__file__)


def own_frames(message):
    lines = str(message).splitlines()
    out = []
    keep = True
    for line in lines:
        if line.startswith('  File "'):
            keep = HERE in line
            if keep:
                out.append(line.split('"')[0] + HERE + '"' + line.split('"', 2)[2])
        elif line.startswith("    "):
            if keep:
                out.append(line)
        else:
            out.append(line)
    return "\n".join(out)


async def work():
    await asyncio.sleep(0)


async def forget():
    work()
    await asyncio.sleep(0)


async def main():
    print("depth while running:", sys.get_coroutine_origin_tracking_depth())
    await forget()
    asyncio.get_running_loop().set_debug(False)
    print("after set_debug(False):", sys.get_coroutine_origin_tracking_depth())
    asyncio.get_running_loop().set_debug(True)
    print("after set_debug(True):", sys.get_coroutine_origin_tracking_depth())


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print("depth before:", sys.get_coroutine_origin_tracking_depth())
    asyncio.run(main(), debug=True)
    gc.collect()
    print("depth after:", sys.get_coroutine_origin_tracking_depth())
    coro = work()
    del coro
    gc.collect()

for w in caught:
    print(w.category.__name__, own_frames(w.message))
    print("---")

sys.set_coroutine_origin_tracking_depth(2)
asyncio.run(main(), debug=True)
print("kept:", sys.get_coroutine_origin_tracking_depth())
asyncio.run(main(), debug=False)
