# concurrent.futures with threads: submit, map, wait, as_completed, errors,
# cancellation, shutdown; sleeps in a pool overlap.
import concurrent.futures as cf
from concurrent.futures import ThreadPoolExecutor
import threading
import time

def square(x):
    return x * x

with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(square, i) for i in range(6)]
    print([f.result() for f in futures])
    print(list(pool.map(square, range(5))))
    print(list(pool.map(pow, [2, 3], [5, 2])))

# Four sleeps of 0.2 s on four workers take about 0.2 s, not 0.8 s.
start = time.monotonic()
with ThreadPoolExecutor(4) as pool:
    list(pool.map(time.sleep, [0.2] * 4))
elapsed = time.monotonic() - start
print('overlapped', 0.18 < elapsed < 0.5)

# Eight sleeps of 0.1 s on four workers take two rounds.
start = time.monotonic()
with ThreadPoolExecutor(4) as pool:
    list(pool.map(time.sleep, [0.1] * 8))
elapsed = time.monotonic() - start
print('two rounds', 0.18 < elapsed < 0.35)

def fail(msg):
    raise ValueError(msg)

with ThreadPoolExecutor(2) as pool:
    f = pool.submit(fail, 'bad')
    try:
        f.result()
    except ValueError as e:
        print('ValueError', e)
    print(type(f.exception()).__name__, f.done(), f.cancelled())
    print(repr(f).split(' state=')[1])
    ok = pool.submit(square, 3)
    ok.result()
    print(repr(ok).split(' state=')[1])

# wait and as_completed.
def sleep_then(value, delay):
    time.sleep(delay)
    return value

with ThreadPoolExecutor(3) as pool:
    fs = [pool.submit(sleep_then, v, d) for v, d in [('slow', 0.15), ('fast', 0.01), ('mid', 0.07)]]
    print([f.result() for f in cf.as_completed(fs)])
    fs = [pool.submit(sleep_then, v, d) for v, d in [('slow', 0.2), ('fast', 0.01)]]
    done, not_done = cf.wait(fs, return_when=cf.FIRST_COMPLETED)
    print([f.result() for f in done], len(not_done))
    done, not_done = cf.wait(fs)
    print(len(done), len(not_done))
    f = pool.submit(sleep_then, 'late', 0.2)
    try:
        f.result(timeout=0.01)
    except cf.TimeoutError:
        print('TimeoutError', cf.TimeoutError is TimeoutError)
    try:
        list(cf.as_completed([pool.submit(sleep_then, 1, 0.2)], timeout=0.01))
    except TimeoutError as e:
        print('TimeoutError', e)
    done, not_done = cf.wait([f], timeout=0.01)
    print(len(done), len(not_done))

# Cancelling work that has not started.
gate = threading.Event()
with ThreadPoolExecutor(1) as pool:
    blocker = pool.submit(gate.wait)
    queued = pool.submit(square, 2)
    print(queued.cancel(), queued.cancelled(), blocker.cancel())
    gate.set()
try:
    queued.result()
except cf.CancelledError:
    print('CancelledError')

# Callbacks, names of worker threads, shutdown.
pool = ThreadPoolExecutor(2, thread_name_prefix='worker')
names = set()
f = pool.submit(lambda: threading.current_thread().name)
f.add_done_callback(lambda fut: names.add(fut.result()))
f.result()
pool.shutdown()
print(sorted(names))
try:
    pool.submit(square, 1)
except RuntimeError as e:
    print('RuntimeError', e)
try:
    ThreadPoolExecutor(0)
except ValueError as e:
    print('ValueError', e)

fut = cf.Future()
print(fut.running(), fut.done(), repr(fut).split(' state=')[1])
fut.set_result(5)
print(fut.result(), fut.done())
try:
    fut.set_result(6)
except cf.InvalidStateError:
    print('InvalidStateError')
print(issubclass(cf.BrokenExecutor, RuntimeError), cf.ALL_COMPLETED, cf.FIRST_EXCEPTION)

def init(tag):
    threading.current_thread().tag = tag
with ThreadPoolExecutor(1, initializer=init, initargs=('ready',)) as pool:
    print(pool.submit(lambda: threading.current_thread().tag).result())
