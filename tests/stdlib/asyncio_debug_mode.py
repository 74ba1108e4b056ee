# asyncio's debug mode: creation sites in reprs, slow callback reports.
import asyncio
import logging
import os
import time

HERE = os.path.abspath(__file__)


def normalise(text):
    """Keeps creation sites in this file; names others '<library>' (CPython
    names its own asyncio files there)."""
    out = []
    for i, piece in enumerate(text.split(" created at ")):
        if i:
            site, sep, rest = piece.partition(">")
            if not site.startswith(HERE + ":"):
                site = "<library>"
            piece = site + sep + rest
        out.append(piece)
    text = " created at ".join(out)
    if " took " in text:
        head, _, tail = text.rpartition(" took ")
        seconds = float(tail.split()[0])
        text = f"{head} took {seconds:.1f} seconds"
    words = [
        "when=T" if w.startswith("when=") else w for w in text.split(" ")
    ]
    return " ".join(words).replace(HERE, "HERE")


class Show(logging.Handler):
    def emit(self, record):
        print(record.levelname, record.name, normalise(record.getMessage()))


logger = logging.getLogger("asyncio")
logger.addHandler(Show())
logger.propagate = False


async def child():
    await asyncio.sleep(0.01)
    return 1


async def blocks(seconds):
    time.sleep(seconds)
    return seconds


def slow_callback(seconds):
    time.sleep(seconds)


async def main():
    loop = asyncio.get_running_loop()
    print("debug:", loop.get_debug(), loop.slow_callback_duration)
    t = loop.create_task(child(), name="direct")
    print(normalise(repr(t)))
    # CPython names its own base_events.py here, towel the caller's line.
    f = loop.create_future()
    print(repr(f).startswith("<Future pending created at "))
    f.set_result(3)
    print(repr(f).startswith("<Future finished result=3 created at "))
    print(await t, normalise(repr(t)))
    h = loop.call_later(10, print)
    print(normalise(repr(h)))
    h.cancel()
    print(normalise(repr(h)))

    # A step that blocks the loop for longer than slow_callback_duration.
    await loop.create_task(blocks(0.3), name="blocker")
    # A callback that does the same.
    loop.call_soon(slow_callback, 0.3)
    await asyncio.sleep(0.01)
    # Below the threshold: nothing to report.
    await loop.create_task(blocks(0.01), name="quick")
    loop.slow_callback_duration = 0.5
    print("slow_callback_duration:", loop.slow_callback_duration)
    await loop.create_task(blocks(0.3), name="under new threshold")


asyncio.run(main(), debug=True)

# Without debug mode there are no creation sites and no reports.
async def plain():
    loop = asyncio.get_running_loop()
    print("debug:", loop.get_debug())
    t = loop.create_task(child(), name="plain")
    print(normalise(repr(t)))
    await loop.create_task(blocks(0.3))
    await t

asyncio.run(plain())

# set_debug on a loop of one's own.
loop = asyncio.new_event_loop()
loop.set_debug(True)
fut = loop.create_future()
print(repr(fut).startswith("<Future pending created at "))
loop.close()
