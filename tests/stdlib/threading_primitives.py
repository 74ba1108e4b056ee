# threading's primitives under contention, made deterministic with events
# and joins: RLock nesting under a Condition, notify counts, wait_for with
# and without timeouts, semaphores handing out permits, Event wake-ups,
# Barrier rounds (indexes, action, timeout, abort, reset), Timer, and the
# errors and reprs of each.
import re
import threading


def show(obj):
    print(re.sub(r'0x[0-9a-f]+', 'ADDR', re.sub(r'owner=\d+', 'owner=ID', repr(obj))))


def attempt(label, call):
    try:
        result = call()
    except Exception as e:
        print(label, 'raises', type(e).__name__, e)
    else:
        print(label, '->', result)


# RLock: nesting, ownership, and a Condition that lets go of every level.
r = threading.RLock()
show(r)
r.acquire(); r.acquire()
show(r)
attempt('rlock nonblocking with timeout', lambda: r.acquire(False, 1))
attempt('rlock negative timeout', lambda: r.acquire(True, -2))
other_result = []
t = threading.Thread(target=lambda: other_result.append(
    (r.acquire(False), r.acquire(timeout=0.01))))
t.start(); t.join()
print('other thread got it:', other_result)
def release_elsewhere():
    try:
        r.release()
    except RuntimeError as e:
        other_result.append(str(e))
t = threading.Thread(target=release_elsewhere); t.start(); t.join()
print(other_result[-1])
r.release(); r.release()
attempt('rlock over-release', r.release)

cond = threading.Condition(r)
state = {'ready': False}
entered = threading.Event()
def waiter_nested():
    with cond:
        with cond:  # two levels: wait must release both
            entered.set()
            print('nested wait_for ->', cond.wait_for(lambda: state['ready']))
t = threading.Thread(target=waiter_nested); t.start()
entered.wait()
with cond:
    state['ready'] = True
    cond.notify()
t.join()
show(cond)

# notify(n) wakes at most n waiters, in arrival order.
c = threading.Condition(threading.Lock())
attempt('wait unowned', c.wait)
attempt('notify unowned', c.notify)
attempt('notify_all unowned', c.notify_all)
with c:
    attempt('wait(0)', lambda: c.wait(0))
    attempt('wait(-1)', lambda: c.wait(-1))
    attempt('wait(0.01)', lambda: c.wait(0.01))
    attempt('wait_for false, timeout', lambda: c.wait_for(lambda: 0, 0.01))
    attempt('wait_for true at once', lambda: c.wait_for(lambda: 'yes'))
    attempt('notify with no waiters', lambda: c.notify(3))
woken = []
arrived = threading.Semaphore(0)
def sleeper(i):
    with c:
        arrived.release()
        c.wait()
        woken.append(i)
threads = []
for i in range(4):
    t = threading.Thread(target=sleeper, args=(i,))
    t.start()
    arrived.acquire()  # each is waiting before the next starts
    threads.append(t)
with c:
    show(c)
    c.notify(2)
for t in threads[:2]:
    t.join()
print('after notify(2):', sorted(woken), [t.is_alive() for t in threads])
with c:
    c.notify_all()
for t in threads:
    t.join()
print('after notify_all:', sorted(woken))

# Semaphores.
attempt('Semaphore(-1)', lambda: threading.Semaphore(-1))
s = threading.Semaphore(2)
show(s)
attempt('nonblocking with timeout', lambda: s.acquire(False, 1))
print(s.acquire(), s.acquire(timeout=0), s.acquire(timeout=0), s.acquire(False), s.acquire(timeout=-1))
attempt('release(0)', lambda: s.release(0))
s.release(3)
show(s)
with s:
    show(s)
show(s)
gate = threading.Semaphore(0)
took = []
def taker(i):
    gate.acquire()
    took.append(i)
threads = [threading.Thread(target=taker, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
gate.release(3)
for t in threads:
    t.join()
print(sorted(took))
b = threading.BoundedSemaphore(2)
show(b)
attempt('bounded over-release', b.release)
b.acquire()
attempt('bounded release(2)', lambda: b.release(2))
b.release()
show(b)

# Event.
e = threading.Event()
show(e)
print(e.is_set(), e.wait(0), e.wait(0.01), e.wait(-1))
seen = []
def event_waiter():
    seen.append(e.wait(30))
ts = [threading.Thread(target=event_waiter) for _ in range(3)]
for t in ts:
    t.start()
e.set()
for t in ts:
    t.join()
show(e)
print(seen, e.wait(), e.is_set())
e.clear()
print(e.is_set(), e.wait(0))

# Barrier: each round hands out the indexes 0..parties-1 once.
actions = []
bar = threading.Barrier(3, action=lambda: actions.append('action'))
show(bar)
indexes = []
def party():
    indexes.append(bar.wait())
for round_number in range(2):
    ts = [threading.Thread(target=party) for _ in range(3)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print('round', round_number, sorted(indexes), actions, bar.n_waiting, bar.broken)
    indexes.clear()
attempt('lonely wait with timeout', lambda: bar.wait(0.01))
show(bar)
print(bar.broken, bar.n_waiting, bar.parties)
attempt('wait on broken', bar.wait)
bar.reset()
print('after reset', bar.broken)

# A waiter blocked on the barrier gets BrokenBarrierError from abort/reset.
for how in ('abort', 'reset'):
    bar = threading.Barrier(2)
    outcome = []
    def blocked():
        try:
            bar.wait()
        except threading.BrokenBarrierError:
            outcome.append('broken')
    t = threading.Thread(target=blocked)
    t.start()
    while bar.n_waiting == 0:
        threading.Event().wait(0.001)
    show(bar)
    getattr(bar, how)()
    t.join()
    print(how, outcome, bar.broken)

# A failing action breaks the barrier for everyone waiting.
bar = threading.Barrier(2, action=lambda: 1 / 0)
outcome = []
def other_party():
    try:
        bar.wait()
    except threading.BrokenBarrierError:
        outcome.append('broken')
t = threading.Thread(target=other_party)
t.start()
while bar.n_waiting == 0:
    threading.Event().wait(0.001)
attempt('action raises', bar.wait)
t.join()
print(outcome, bar.broken)
print(threading.Barrier(1).wait(), issubclass(threading.BrokenBarrierError, RuntimeError))

# Timer: runs once unless cancelled; `finished` is set either way.
fired = []
tm = threading.Timer(0.01, fired.append, args=['fired'])
print(tm.interval, tm.args, tm.kwargs, tm.finished.is_set())
tm.start(); tm.join()
print(fired, tm.finished.is_set())
tm = threading.Timer(30, fired.append, ['never'])
tm.start(); tm.cancel(); tm.join()
print(fired, tm.is_alive(), tm.finished.is_set())
print(threading.Timer(1, print).args, threading.Timer(1, print, kwargs={'a': 1}).kwargs)

# A Timer whose function raises leaves `finished` unset; a barrier of no
# parties never fills, so its waiter times out and breaks it.
reported = []
saved_hook = threading.excepthook
threading.excepthook = lambda args: reported.append(args.exc_type.__name__)
tm = threading.Timer(0, lambda: 1 / 0)
tm.start(); tm.join()
threading.excepthook = saved_hook
print(reported, tm.finished.is_set())
empty = threading.Barrier(0)
attempt('barrier of 0 parties', lambda: empty.wait(0.01))
print(empty.broken)
