# threading: threads run their targets, join, names, idents, current_thread,
# enumerate, daemon flags, thread-local data, Timer, excepthook.
import threading

results = []

def worker(n, scale=1):
    results.append(n * scale)

threads = [threading.Thread(target=worker, args=(i,), kwargs={'scale': 10}) for i in range(5)]
print(threads[0].name.startswith('Thread-'), '(worker)' in threads[0].name)
print(threads[0].is_alive(), threads[0].ident)
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))
print(all(not t.is_alive() for t in threads))
print(all(isinstance(t.ident, int) for t in threads))
print(threading.current_thread() is threading.main_thread(), threading.main_thread().name)
print(threading.active_count(), len(threading.enumerate()))
print(threading.get_ident() == threading.main_thread().ident)

named = threading.Thread(target=lambda: None, name='helper', daemon=True)
print(named.name, named.daemon)
named.start(); named.join()
try:
    named.start()
except RuntimeError as e:
    print('RuntimeError', e)
try:
    threading.Thread().join()
except RuntimeError as e:
    print('RuntimeError', e)

class Counter(threading.Thread):
    def __init__(self):
        super().__init__(name='counter')
        self.total = 0
    def run(self):
        for i in range(1000):
            self.total += i
        self.me = threading.current_thread()

c = Counter(); c.start(); c.join()
print(c.total, c.me is c, c.name)

# Threads interleave at their waits: each hands the turn to the other
# (semaphores, not sleeps, so the order holds however loaded the machine).
log = []
turns = {'a': threading.Semaphore(1), 'b': threading.Semaphore(0)}
def alternate(name, other):
    for i in range(3):
        turns[name].acquire()
        log.append((name, i))
        turns[other].release()

b = threading.Thread(target=alternate, args=('b', 'a'))
a = threading.Thread(target=alternate, args=('a', 'b'))
b.start(); a.start()
a.join(); b.join()
print(log)

# join with a timeout returns while the thread still runs.
stop = threading.Event()
slow = threading.Thread(target=stop.wait)
slow.start()
slow.join(0.05)
print(slow.is_alive())
stop.set(); slow.join()
print(slow.is_alive())

# Thread-local data.
data = threading.local()
data.x = 'main'
seen = []
def show():
    seen.append(hasattr(data, 'x'))
    data.x = threading.current_thread().name
    seen.append(data.x)
t = threading.Thread(target=show, name='local-user'); t.start(); t.join()
print(seen, data.x)

class MyLocal(threading.local):
    def __init__(self, start):
        self.value = start
loc = MyLocal(5)
out = []
def bump():
    out.append(loc.value)
    loc.value += 1
    out.append(loc.value)
t = threading.Thread(target=bump); t.start(); t.join()
print(out, loc.value)

# Timer, and cancelling one.
fired = []
timer = threading.Timer(0.05, fired.append, args=['fired'])
timer.start(); timer.join()
cancelled = threading.Timer(10, fired.append, args=['never'])
cancelled.start(); cancelled.cancel(); cancelled.join()
print(fired)

# An exception in a thread goes to threading.excepthook.
def hook(args):
    print('hook:', args.exc_type.__name__, args.exc_value, args.thread.name)
threading.excepthook = hook
def boom():
    raise ValueError('boom')
t = threading.Thread(target=boom, name='boomer'); t.start(); t.join()
print('after boom')
print(threading.TIMEOUT_MAX > 0, threading.get_native_id() > 0)
