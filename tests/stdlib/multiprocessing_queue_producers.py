# Several processes putting on one multiprocessing.Queue: each message
# arrives whole (length and bytes are written together), in any order.
import multiprocessing as mp


def worker(q, n):
    q.put((n, sum(range(n)), 'x' * (n % 300)))


def square(x):
    return x * x


if __name__ == '__main__':
    q = mp.Queue()
    procs = [mp.Process(target=worker, args=(q, n)) for n in (10, 100, 1000, 250, 7, 64)]
    for p in procs:
        p.start()
    results = sorted(q.get() for _ in procs)
    for p in procs:
        p.join()
    print([(n, total, len(pad)) for n, total, pad in results])
    print([p.exitcode for p in procs])
    with mp.Pool(2) as pool:
        print(pool.map(square, range(10)))
        print(sorted(pool.imap_unordered(square, range(5))))
        print(pool.apply_async(square, (7,)).get(timeout=30))
    a, b = mp.Pipe()
    a.send({'x': 1})
    print(b.recv())
