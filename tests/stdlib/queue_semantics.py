# queue: timeouts and their validation, full/empty on bounded and unbounded
# queues, task_done/join with a worker, subclass hooks, SimpleQueue, the
# attributes user code reaches for (mutex, conditions, unfinished_tasks).
import queue
import threading


def attempt(label, call):
    try:
        print(label, '->', repr(call()))
    except Exception as e:
        print(label, 'raises', type(e).__name__, repr(e.args))


q = queue.Queue(2)
print(sorted(vars(q)))
print(q.maxsize, q.empty(), q.full(), q.qsize(), q.unfinished_tasks)
attempt('put negative timeout, bounded', lambda: q.put('x', timeout=-1))
attempt('get negative timeout, empty', lambda: q.get(timeout=-1))
attempt('get nonblocking, negative timeout', lambda: q.get(False, -1))
attempt('get timeout 0', lambda: q.get(timeout=0))
attempt('get timeout short', lambda: q.get(timeout=0.01))
attempt('get_nowait', q.get_nowait)
q.put(1)
q.put_nowait(2)
print(q.full(), q.qsize(), q.unfinished_tasks)
attempt('put nonblocking when full', lambda: q.put(3, False))
attempt('put timeout 0 when full', lambda: q.put(3, timeout=0))
attempt('put_nowait when full', lambda: q.put_nowait(3))
attempt('get negative timeout, not empty', lambda: q.get(timeout=-0.5))
print(q.get(), q.get(timeout=5), q.empty())
attempt('task_done', q.task_done)
attempt('task_done', q.task_done)
attempt('task_done too many', q.task_done)
q.join()  # nothing unfinished: returns at once
print('joined empty')

unbounded = queue.Queue()
unbounded.put('a', timeout=-1)  # never waits, so the timeout is not looked at
for size in (0, -3):
    u = queue.Queue(size)
    for i in range(50):
        u.put_nowait(i)
    print(size, u.full(), u.qsize())

# task_done/join: the joiner is released only after the last task_done.
work = queue.Queue()
done_order = []
go = threading.Event()
def worker():
    while True:
        item = work.get()
        if item is None:
            work.task_done()
            return
        go.wait()
        done_order.append(item)
        work.task_done()
t = threading.Thread(target=worker)
t.start()
for i in range(5):
    work.put(i)
work.put(None)
print('unfinished before', work.unfinished_tasks)
go.set()
work.join()
print('after join', done_order, work.unfinished_tasks)
t.join()

# A getter blocked on an empty queue is woken by put.
handoff = queue.Queue()
got = []
ready = threading.Event()
def getter():
    ready.set()
    got.append(handoff.get(timeout=30))
g = threading.Thread(target=getter)
g.start()
ready.wait()
handoff.put('woken')
g.join()
print(got)

# A putter blocked on a full queue is woken by get.
tight = queue.Queue(1)
tight.put('first')
def putter():
    tight.put('second', timeout=30)
p = threading.Thread(target=putter)
p.start()
print(tight.get())
p.join()
print(tight.get(), tight.empty())

lifo = queue.LifoQueue()
prio = queue.PriorityQueue(maxsize=3)
for x in (3, 1, 2):
    lifo.put(x)
    prio.put(x)
print([lifo.get() for _ in range(3)], [prio.get() for _ in range(3)])
prio.put((2, 'b')); prio.put((1, 'a')); prio.put((2, 'a'))
print(prio.full(), [prio.get_nowait() for _ in range(3)])
attempt('priority empty', prio.get_nowait)
print(type(lifo.queue).__name__, type(prio.queue).__name__, type(q.queue).__name__)

class Sorted(queue.Queue):
    def _init(self, maxsize):
        self.queue = []
    def _qsize(self):
        return len(self.queue)
    def _put(self, item):
        self.queue.append(item)
        self.queue.sort(reverse=True)
    def _get(self):
        return self.queue.pop()
s = Sorted(4)
for x in 'dbca':
    s.put(x)
print(s.full(), ''.join(s.get() for _ in range(4)))

# The conditions share the queue's mutex.
print(q.not_empty._lock is q.mutex, q.not_full._lock is q.mutex,
      q.all_tasks_done._lock is q.mutex)
with q.mutex:
    q.queue.append('direct')
print(q.get_nowait())

sq = queue.SimpleQueue()
print(sq.empty(), sq.qsize())
sq.put(1)
sq.put(2, block=False)
sq.put(3, True, 0)
sq.put_nowait(4)
print(sq.qsize(), sq.empty(), sq.get(), sq.get(False), sq.get(timeout=1), sq.get_nowait())
attempt('simple get_nowait', sq.get_nowait)
attempt('simple get timeout 0', lambda: sq.get(timeout=0))
attempt('simple get short timeout', lambda: sq.get(True, 0.01))
attempt('simple get negative timeout', lambda: sq.get(timeout=-1))
attempt('simple nonblocking negative timeout', lambda: sq.get(False, -1))
waiter_got = []
started = threading.Event()
def simple_waiter():
    started.set()
    waiter_got.append(sq.get())
w = threading.Thread(target=simple_waiter)
w.start()
started.wait()
sq.put('late')
w.join()
print(waiter_got)
print(queue.Queue[int], queue.LifoQueue[str])
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
