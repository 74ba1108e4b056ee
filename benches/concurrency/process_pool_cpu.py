# A CPU-bound ProcessPoolExecutor.map on 2 processes against 1: with two
# cores free, 2 processes should be at least 1.6x faster.
# Run: towel benches/concurrency/process_pool_cpu.py
import concurrent.futures
import time


def burn(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def timed(workers, jobs):
    start = time.monotonic()
    with concurrent.futures.ProcessPoolExecutor(workers) as pool:
        results = list(pool.map(burn, jobs))
    return time.monotonic() - start, results


if __name__ == '__main__':
    jobs = [1_500_000] * 8
    one, r1 = timed(1, jobs)
    two, r2 = timed(2, jobs)
    assert r1 == r2
    print(f"1 process: {one:.3f} s; 2 processes: {two:.3f} s; speed-up {one / two:.2f}x")
