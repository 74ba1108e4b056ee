# Processes with the spawn start method: a process pool maps a function over
# a list; Process, Pipe and Queue; exceptions and exit codes travel back.
import concurrent.futures
import multiprocessing
import os
import sys


def square(x):
    return x * x


def add(a, b):
    return a + b


def whoami(_):
    return multiprocessing.current_process().name != 'MainProcess', os.getpid() != PARENT


# Set in each process when it loads this module: under spawn, a child loads
# it afresh, so it is the child's own pid there.


def fail(x):
    raise ValueError(f'bad {x}')


def child(conn, q, n):
    conn.send(('hello from child', n))
    q.put([i * n for i in range(3)])
    conn.close()


def exits(code):
    sys.exit(code)


def raises():
    raise KeyError('in child')


class Shape:
    def __init__(self, sides):
        self.sides = sides

    def area_hint(self):
        return self.sides * 10


def describe(shape):
    return type(shape).__name__, shape.area_hint()


PARENT = os.getpid()

if __name__ == '__main__':
    multiprocessing.set_start_method('spawn')
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        print(list(pool.map(square, range(10))))
        print(list(pool.map(square, range(10), chunksize=3)))
        print(pool.submit(add, 2, 3).result())
        print(set(pool.map(whoami, range(4))))
        print(pool.submit(describe, Shape(4)).result())
        f = pool.submit(fail, 7)
        try:
            f.result()
        except ValueError as e:
            print('ValueError', e)
        fs = [pool.submit(square, i) for i in range(5)]
        print(sorted(f.result() for f in concurrent.futures.as_completed(fs)))

    with multiprocessing.Pool(2) as p:
        print(p.map(square, [1, 2, 3, 4]))
        print(p.starmap(add, [(1, 2), (3, 4)]))
        print(list(p.imap(square, range(5))))
        print(sorted(p.imap_unordered(square, range(5))))
        r = p.apply_async(add, (10, 20))
        print(r.get(timeout=10), r.ready(), r.successful())
        print(p.apply(square, (9,)))
        try:
            p.apply(fail, (1,))
        except ValueError as e:
            print('ValueError', e)

    parent_conn, child_conn = multiprocessing.Pipe()
    q = multiprocessing.Queue()
    proc = multiprocessing.Process(target=child, args=(child_conn, q, 5), name='worker-1')
    print(proc.name, proc.is_alive(), proc.exitcode)
    proc.start()
    print(parent_conn.recv())
    print(q.get())
    proc.join()
    print(proc.exitcode, proc.is_alive())

    p = multiprocessing.Process(target=exits, args=(3,))
    p.start(); p.join()
    print('exit code', p.exitcode)
    print(multiprocessing.current_process().name, multiprocessing.cpu_count() >= 1)
