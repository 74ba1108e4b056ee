# What asyncio's debug mode adds to its error reports, seen through logging
# (the reports go to the 'asyncio' logger, as CPython's do): the task's
# creation site in its repr ("created at FILE:LINE": the user's line, also
# for a task a TaskGroup made) and a source_traceback of where it was made.
# Frames inside asyncio's own implementation differ between interpreters, so
# only this file's frames are printed, and the creation site is masked
# (CPython names its own asyncio/tasks.py line there, towel the user's).
import asyncio
import gc
import logging
import os
import re
import sys

HERE = os.path.basename(__file__)


def masked(text):
    return re.sub(r" created at \S+>", " created at SITE>", text.replace(__file__, HERE))


class OwnFrames(logging.Formatter):
    def format(self, record):
        text = super().format(record)
        out, keep = [], True
        for line in text.splitlines():
            if line.startswith('  File "'):
                keep = HERE in line
            elif not line.startswith("    "):
                keep = True
            if keep:
                out.append(masked(line))
        return "\n".join(out)


handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(OwnFrames("[%(levelname)s %(name)s] %(message)s"))
logging.getLogger("asyncio").addHandler(handler)
logging.getLogger("asyncio").propagate = False


async def fail(n):
    await asyncio.sleep(0.001 * n)
    raise ValueError(f"task {n} failed")


async def main():
    t = asyncio.create_task(fail(1))
    await asyncio.sleep(0.02)
    print(masked(repr(t)))
    del t
    gc.collect()
    await asyncio.sleep(0)
    try:
        async with asyncio.TaskGroup() as tg:
            a = tg.create_task(fail(1))
            b = tg.create_task(fail(50))
    except* ValueError as eg:
        print("group:", eg.exceptions)
    print(masked(repr(a)))
    print(masked(repr(b)))
    fut = asyncio.get_running_loop().create_future()
    fut.set_exception(KeyError("lost"))
    del fut
    gc.collect()
    await asyncio.sleep(0)


asyncio.run(main(), debug=True)
print("without debug:")
asyncio.run(main())
