# The time module's clocks and time.sleep, as a real run sees them.
import time

t0, m0, p0 = time.time(), time.monotonic(), time.perf_counter()
n0 = time.monotonic_ns()
time.sleep(1.5)
print(f"time: {time.time() - t0:.1f}")
print(f"monotonic: {time.monotonic() - m0:.1f}")
print(f"perf_counter: {time.perf_counter() - p0:.1f}")
print(f"monotonic_ns: {(time.monotonic_ns() - n0) / 1e9:.1f}")
for delay in (0.2, 0.4, 0.7):
    start = time.perf_counter()
    time.sleep(delay)
    print(f"slept {delay}: {time.perf_counter() - start:.1f}")
print(time.monotonic() >= m0, time.time() > t0)
