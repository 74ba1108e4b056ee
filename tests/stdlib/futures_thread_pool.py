# ThreadPoolExecutor's rules: a failed initializer breaks the pool, thread names,
# shutdown with cancel_futures, bad arguments, and queued work finishing at exit.
from concurrent.futures import ThreadPoolExecutor, BrokenExecutor
import concurrent.futures.thread as t
import threading, time
def bad_init():
    raise OSError("no")
pool = ThreadPoolExecutor(2, initializer=bad_init)
f = pool.submit(time.sleep, 0.01)
try:
    f.result()
except BrokenExecutor as e:
    print(type(e).__name__, e)
try:
    pool.submit(print, 1)
except BrokenExecutor as e:
    print(type(e).__name__, e)
pool = ThreadPoolExecutor(thread_name_prefix="w")
print(pool.submit(lambda: threading.current_thread().name).result())
pool.shutdown()
try:
    pool.submit(print)
except RuntimeError as e:
    print(e)
for bad in (0, -1):
    try: ThreadPoolExecutor(bad)
    except ValueError as e: print(e)
try: ThreadPoolExecutor(initializer=3)
except TypeError as e: print(e)
p = ThreadPoolExecutor(1)
fs = [p.submit(time.sleep, 0.05) for _ in range(4)]
p.shutdown(wait=True, cancel_futures=True)
print([f.cancelled() for f in fs])
p = ThreadPoolExecutor(1)
p.submit(lambda: (time.sleep(0.05), print("finished before exit")))
print("end of script")
