# CPU-bound work on 4 threads takes about as long as on 1 (one thread runs at
# a time, switched at sys.getswitchinterval()), and the threads interleave.
# Run: towel benches/concurrency/cpu_threads.py
import sys
import threading
import time


def spin(n, log, name):
    total = 0
    for i in range(n):
        total += i
        if i % (n // 4) == 0:
            log.append(name)
    return total


N = 2_000_000
log = []
start = time.monotonic()
spin(4 * N, log, 'main')
alone = time.monotonic() - start

log = []
start = time.monotonic()
threads = [threading.Thread(target=spin, args=(N, log, i)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
together = time.monotonic() - start
switches = sum(1 for a, b in zip(log, log[1:]) if a != b)
print(f"switch interval {sys.getswitchinterval()} s")
print(f"one thread: {alone:.3f} s; four threads: {together:.3f} s ({together / alone:.2f}x)")
print(f"progress marks switched thread {switches} times out of {len(log) - 1}")
