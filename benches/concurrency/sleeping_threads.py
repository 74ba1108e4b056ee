# N threads each sleep 0.2 s: they sleep together, so the whole takes about
# 0.2 s. Run: towel benches/concurrency/sleeping_threads.py
import threading
import time

for n in (1, 10, 100):
    start = time.monotonic()
    threads = [threading.Thread(target=time.sleep, args=(0.2,)) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    print(f"{n:4d} threads x sleep(0.2): {elapsed:.3f} s")
