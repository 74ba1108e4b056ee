# Locks, conditions, semaphores, events and barriers between threads.
import threading
import time

lock = threading.Lock()
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.01))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print('RuntimeError', e)
try:
    lock.acquire(False, 1)
except ValueError as e:
    print('ValueError', e)
try:
    lock.acquire(timeout=-5)
except ValueError as e:
    print('ValueError', e)

# A counter incremented by many threads under a lock.
total = 0
def add(n):
    global total
    for _ in range(n):
        with lock:
            value = total
            total = value + 1
threads = [threading.Thread(target=add, args=(2000,)) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(total)

# A lock held by another thread blocks until it is released.
held = threading.Lock()
order = []
holder_has_it = threading.Event()
def holder():
    with held:
        order.append('holder has it')
        holder_has_it.set()
        time.sleep(0.05)
        order.append('holder releases')
t = threading.Thread(target=holder); t.start()
holder_has_it.wait()
with held:
    order.append('main has it')
t.join()
print(order)

rlock = threading.RLock()
with rlock:
    with rlock:
        print('reentered')
try:
    rlock.release()
except RuntimeError as e:
    print('RuntimeError', e)

# Condition: a consumer waits for items.
cond = threading.Condition()
items = []
got = []
def consumer():
    with cond:
        while len(got) < 3:
            cond.wait_for(lambda: items)
            got.append(items.pop(0))
c = threading.Thread(target=consumer); c.start()
for i in range(3):
    time.sleep(0.01)
    with cond:
        items.append(i)
        cond.notify()
c.join()
print(got)
with cond:
    print(cond.wait(0.01))
try:
    cond.wait()
except RuntimeError as e:
    print('RuntimeError', e)

# Semaphore: at most two at a time. The holders meet in pairs at a
# barrier, so two are inside together however the threads are scheduled.
sem = threading.Semaphore(2)
pair = threading.Barrier(2)
running = 0
peak = 0
def limited():
    global running, peak
    with sem:
        running += 1
        peak = max(peak, running)
        pair.wait()
        running -= 1
ts = [threading.Thread(target=limited) for _ in range(6)]
for t in ts: t.start()
for t in ts: t.join()
print('peak', peak)
print(sem.acquire(blocking=False), sem.acquire(blocking=False), sem.acquire(blocking=False))
bs = threading.BoundedSemaphore(1)
try:
    bs.release()
except ValueError as e:
    print('ValueError', e)
try:
    threading.Semaphore(-1)
except ValueError as e:
    print('ValueError', e)

# Event.
ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
def setter():
    time.sleep(0.02)
    ev.set()
threading.Thread(target=setter).start()
print(ev.wait(), ev.is_set())
ev.clear(); print(ev.is_set())

# Barrier: everybody leaves together; the action runs once. The parties
# arrive in order, each letting the next one go.
arrived = []
barrier = threading.Barrier(3, action=lambda: arrived.append('all here'))
turns = [threading.Event() for _ in range(4)]
turns[0].set()
def party(n):
    turns[n].wait()
    arrived.append(n)
    turns[n + 1].set()
    barrier.wait()
    arrived.append('left')
ps = [threading.Thread(target=party, args=(n,)) for n in range(3)]
for p in ps: p.start()
for p in ps: p.join()
print(arrived[:4], arrived.count('left'))
print(barrier.parties, barrier.n_waiting, barrier.broken)
b2 = threading.Barrier(2, timeout=0.02)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print('broken', b2.broken)
