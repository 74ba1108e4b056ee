# Blocking work beside the loop: run_in_executor (default and given
# executors), to_thread, wrap_future, run_coroutine_threadsafe,
# call_soon_threadsafe, shutdown_default_executor; the loop keeps serving
# other tasks meanwhile.
import asyncio
import concurrent.futures
import threading
import time


def blocking(tag, delay):
    time.sleep(delay)
    return f'{tag} done in {threading.current_thread() is not threading.main_thread() and "a thread" or "main"}'


async def ticker(ticks):
    while True:
        ticks.append(1)
        await asyncio.sleep(0.02)


async def main():
    loop = asyncio.get_running_loop()
    ticks = []
    t = asyncio.create_task(ticker(ticks))

    start = time.monotonic()
    results = await asyncio.gather(*(loop.run_in_executor(None, blocking, i, 0.2) for i in range(4)))
    elapsed = time.monotonic() - start
    print(results)
    print('overlapped', elapsed < 0.5, 'loop ticked', len(ticks) >= 5)

    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        start = time.monotonic()
        await asyncio.gather(*(loop.run_in_executor(pool, time.sleep, 0.1) for _ in range(8)))
        elapsed = time.monotonic() - start
        print('two rounds', 0.18 < elapsed < 0.35)

    print(await asyncio.to_thread(blocking, 'to_thread', 0.01))

    def fails():
        raise KeyError('missing')
    try:
        await loop.run_in_executor(None, fails)
    except KeyError as e:
        print('KeyError', e)

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        cf = pool.submit(blocking, 'wrapped', 0.01)
        af = asyncio.wrap_future(cf)
        print(isinstance(af, asyncio.Future), await af)

    # A thread hands work to the loop and waits for its result.
    async def on_loop(x):
        await asyncio.sleep(0.01)
        return x * 2

    def from_thread():
        fut = asyncio.run_coroutine_threadsafe(on_loop(21), loop)
        return fut.result(timeout=5)
    print('run_coroutine_threadsafe', await asyncio.to_thread(from_thread))

    done = asyncio.Event()
    def notify():
        time.sleep(0.01)
        loop.call_soon_threadsafe(done.set)
    threading.Thread(target=notify).start()
    await done.wait()
    print('call_soon_threadsafe woke the loop')

    t.cancel()
    await loop.shutdown_default_executor()
    print('default executor shut down')

asyncio.run(main())
