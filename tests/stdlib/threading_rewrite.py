# threading's primitives, rewritten: the native reentrant lock and the
# protocol Condition uses with it, Event's "notified counts" promise,
# Barrier reset/abort, Timer, thread lifecycle errors and local's messages.
import re
import threading
import time
import _thread


def show(thunk):
    try:
        result = thunk()
    except BaseException as e:
        print("  ", type(e).__name__, e)
        return
    text = re.sub(r"0x[0-9a-f]+", "0x?", repr(result))
    print("  ", re.sub(r"owner=[1-9][0-9]*", "owner=<me>", text))


print("-- RLock")
r = threading.RLock(1, 2, x=3)
print(type(r) is _thread.RLock, threading._CRLock is _thread.RLock)
show(lambda: r)
show(r.release)
show(lambda: (r.acquire(), r.acquire(), r._recursion_count(), r._is_owned()))
show(lambda: r)
show(lambda: r.acquire(False, 1))
show(lambda: r.acquire(True, -2))
state = r._release_save()
print(state[0], state[1] == threading.get_ident(), r._is_owned(), r._recursion_count())
show(lambda: r)
show(lambda: r._release_save())
r._acquire_restore(state)
show(lambda: (r._is_owned(), r._recursion_count()))
r.release()
r.release()
show(r.release)
show(lambda: r._acquire_restore(5))
show(lambda: r._acquire_restore((1,)))
with r:
    with r:
        show(lambda: r._recursion_count())
show(lambda: r._recursion_count())


class MyRLock(_thread.RLock):
    pass


show(lambda: MyRLock())
seen = []


def contender():
    seen.append(("other thread got it", r.acquire(False)))
    seen.append(("other thread owns it", r._is_owned()))
    seen.append(("other thread cannot release", _safe(r.release)))


def _safe(f):
    try:
        f()
        return "released"
    except RuntimeError as e:
        return str(e)


r.acquire()
t = threading.Thread(target=contender)
t.start()
t.join()
print(seen)
r.release()

print("-- Condition over an RLock (wait lets go of every level)")
cond = threading.Condition()
log = []


def waiter():
    with cond:
        with cond:
            log.append(("waiting", cond._is_owned()))
            got = cond.wait(5)
            log.append(("woken", got, cond._is_owned()))


t = threading.Thread(target=waiter)
t.start()
while not log:
    time.sleep(0.001)
with cond:
    cond.notify()
t.join()
print(log)
show(lambda: threading.Condition(threading.Lock())._is_owned())
plain = threading.Lock()
c2 = threading.Condition(plain)
with c2:
    show(lambda: c2._is_owned())
show(lambda: c2.notify())
show(lambda: c2.wait(0))

print("-- Event, Semaphore")
e = threading.Event()
woke = []


def event_waiter():
    woke.append(e.wait(5))


t = threading.Thread(target=event_waiter)
t.start()
time.sleep(0.01)
e.set()
e.clear()
t.join()
print("set then cleared at once, the waiter got:", woke, e.is_set())
print(e.wait(0), e.wait(-1))
for thunk in (lambda: threading.Semaphore(-1), lambda: threading.Semaphore().release(0),
              lambda: threading.BoundedSemaphore(1).release(),
              lambda: threading.Semaphore().acquire(False, 1)):
    show(thunk)
s = threading.BoundedSemaphore(2)
print(s.acquire(), s.acquire(), s.acquire(False), s.acquire(timeout=0.01))
s.release(2)
print(re.sub(r"0x[0-9a-f]+", "0x?", repr(s)))

print("-- Barrier")
b = threading.Barrier(2)
print(b.parties, b.n_waiting, b.broken)
b.abort()
print(b.broken, b.n_waiting, re.sub(r"0x[0-9a-f]+", "0x?", repr(b)))
show(lambda: b.wait())
b.reset()
print(b.broken)
results = []


def party():
    try:
        results.append(b.wait(5))
    except threading.BrokenBarrierError:
        results.append("broken")


t = threading.Thread(target=party)
t.start()
while b.n_waiting == 0:
    time.sleep(0.001)
b.reset()
t.join()
print(results, b.broken)
print(threading.Barrier(0).parties)

print("-- Timer, threads")
tm = threading.Timer(0.01, print, ["timer fired"])
print(tm.args, tm.kwargs, tm.interval, tm.function is print, tm.daemon)
tm.start()
tm.join()
tm = threading.Timer(5, print, kwargs={"sep": "-"})
tm.cancel()
tm.start()
tm.join()
print(tm.finished.is_set(), tm.kwargs)


class NoInit(threading.Thread):
    def __init__(self):
        pass


x = NoInit()
for thunk in (lambda: repr(x), x.start, x.join, x.is_alive, lambda: x.name,
              lambda: setattr(x, "name", "q"), lambda: x.daemon,
              lambda: setattr(x, "daemon", True), lambda: x.ident):
    show(thunk)
th = threading.Thread(target=lambda: None, name="w")
print(repr(th))
th.daemon = True
print(repr(th))
th.start()
th.join()
print(repr(th).split(" ")[:2], th.is_alive())
for thunk in (th.start, lambda: setattr(th, "daemon", False),
              threading.current_thread().join, threading.Thread().join):
    show(thunk)
th.name = 5
print(th.name, type(th.name).__name__)
print(threading.Thread.run.__doc__ is not None)
show(lambda: threading._register_atexit(print, "atexit-registered hook ran"))

print("-- local")
loc = threading.local()
show(lambda: loc.x)
show(lambda: threading.local(1))
show(lambda: setattr(loc, "__dict__", {}))
show(lambda: delattr(loc, "zz"))


class L(threading.local):
    def __init__(self, a):
        self.a = a


mine = L(3)
show(lambda: mine.b)


def other():
    print("other thread first sees", mine.a)
    mine.a = 9


t = threading.Thread(target=other)
t.start()
t.join()
print(mine.a)
