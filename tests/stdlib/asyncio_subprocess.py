# asyncio.create_subprocess_exec/_shell: pipes as streams, communicate,
# wait, returncode, kill, and several children at once.
import asyncio
import asyncio.subprocess
import signal
import sys


async def main():
    proc = await asyncio.create_subprocess_exec("echo", "hello", stdout=asyncio.subprocess.PIPE)
    print(type(proc).__name__, proc.stdin, type(proc.stdout).__name__, repr(proc).startswith("<Process "))
    print(await proc.stdout.read())
    print(await proc.wait(), proc.returncode)

    proc = await asyncio.create_subprocess_exec("cat", stdin=asyncio.subprocess.PIPE,
                                                stdout=asyncio.subprocess.PIPE)
    out, err = await proc.communicate(b"x" * 300000)
    print(len(out), err, proc.returncode)

    proc = await asyncio.create_subprocess_shell("echo out; echo err >&2; exit 3",
                                                 stdout=asyncio.subprocess.PIPE,
                                                 stderr=asyncio.subprocess.PIPE)
    print(await proc.communicate(), proc.returncode)

    proc = await asyncio.create_subprocess_shell("for i in 1 2 3; do echo line $i; done",
                                                 stdout=asyncio.subprocess.PIPE)
    async for line in proc.stdout:
        print("got", line)
    print(await proc.wait())

    proc = await asyncio.create_subprocess_exec("sh", "-c", "read x; echo you said $x",
                                                stdin=asyncio.subprocess.PIPE,
                                                stdout=asyncio.subprocess.PIPE)
    proc.stdin.write(b"hi\n")
    await proc.stdin.drain()
    print(await proc.stdout.readline())
    proc.stdin.close()
    print(await proc.wait())

    proc = await asyncio.create_subprocess_exec("sleep", "10")
    proc.kill()
    print(await proc.wait(), proc.returncode == -signal.SIGKILL)
    try:
        proc.terminate()
    except ProcessLookupError as e:
        print(type(e).__name__)

    procs = [await asyncio.create_subprocess_shell(f"sleep 0.{i}; echo {i}", stdout=asyncio.subprocess.PIPE)
             for i in (3, 1, 2)]
    results = await asyncio.gather(*(p.communicate() for p in procs))
    print([r[0] for r in results])

    proc = await asyncio.create_subprocess_exec("true", stdout=asyncio.subprocess.DEVNULL)
    print(await proc.communicate())
    try:
        await asyncio.create_subprocess_exec("/nonexistent/program")
    except FileNotFoundError as e:
        print(type(e).__name__, e)
    print(asyncio.subprocess.PIPE, asyncio.subprocess.STDOUT, asyncio.subprocess.DEVNULL)


asyncio.run(main())
