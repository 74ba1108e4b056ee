# threading.Thread's life: names (numbered, with the target's name), reprs
# through initial/started/stopped, daemon inheritance, start/join errors,
# subclasses that skip __init__, current_thread/enumerate/active_count seen
# from inside threads, excepthook arguments, _thread threads as dummies,
# and thread-local data.
import re
import threading
import _thread


def show(obj):
    print(re.sub(r'\d{4,}', 'ID', repr(obj)))


def attempt(label, call):
    try:
        result = call()
    except BaseException as e:
        print(label, 'raises', type(e).__name__, e)
    else:
        print(label, '->', result)


def work():
    pass


t = threading.Thread()
show(t)
print(t.name, t.ident, t.native_id, t.daemon, t.is_alive())
t = threading.Thread(target=work)
show(t)
t.start()
t.join()
show(t)
print(t.is_alive(), type(t.ident).__name__, type(t.native_id).__name__)
attempt('start twice', t.start)
attempt('join unstarted', threading.Thread().join)
attempt('join current', threading.current_thread().join)
attempt('join unstarted, timeout', lambda: threading.Thread(target=work).join(-1))
t = threading.Thread(target=work, name='named', daemon=True)
show(t)
t.daemon = False
t.daemon = True
t.start()
attempt('daemon after start', lambda: setattr(t, 'daemon', False))
t.join()
show(t)
attempt('group', lambda: threading.Thread(group=1))
attempt('positional target', lambda: threading.Thread(work))
t = threading.Thread(target=work, name=5)
print(repr(t.name))
t.name = 7
print(repr(t.name))
print(threading.Thread(target=len, args=[1]).name, threading.Thread(target=print).name)

class NoInit(threading.Thread):
    def __init__(self):
        pass
attempt('start without __init__', lambda: NoInit().start())
attempt('join without __init__', lambda: NoInit().join())
attempt('name without __init__', lambda: NoInit().name)
attempt('repr without __init__', lambda: repr(NoInit()))
attempt('is_alive without __init__', lambda: NoInit().is_alive())
attempt('daemon= without __init__', lambda: setattr(NoInit(), 'daemon', True))

main = threading.current_thread()
show(main)
print(main.name, main is threading.main_thread(), main.daemon, main.is_alive())
print(threading.active_count(), threading.enumerate() == [main])

# Seen from inside: the thread itself, and who else is alive.
inside = {}
release = threading.Event()
running = threading.Event()
def look_around():
    me = threading.current_thread()
    inside['me'] = me
    inside['alive'] = me.is_alive()
    inside['ident'] = me.ident == threading.get_ident()
    inside['names'] = sorted(t.name for t in threading.enumerate())
    inside['count'] = threading.active_count()
    running.set()
    release.wait()
worker = threading.Thread(target=look_around, name='looker')
worker.start()
running.wait()
show(worker)
print(inside['me'] is worker, inside['alive'], inside['ident'], inside['names'], inside['count'])
print(worker in threading.enumerate(), threading.active_count())
attempt('join with timeout while running', lambda: worker.join(0.01))
print(worker.is_alive())
release.set()
worker.join()
print(worker.is_alive(), worker in threading.enumerate(), threading.active_count())

# Daemon status is inherited from the creating thread.
flags = []
def spawn_child():
    child = threading.Thread(target=work)
    flags.append(child.daemon)
for daemon in (True, False):
    t = threading.Thread(target=spawn_child, daemon=daemon)
    t.start()
    t.join()
print(flags)

# A subclass's run, with the arguments it was given.
class Adder(threading.Thread):
    def __init__(self, a, b):
        super().__init__(name='adder')
        self.a, self.b, self.total = a, b, None
    def run(self):
        self.total = self.a + self.b
a = Adder(2, 3)
a.start()
a.join()
print(a.total, a.name)
got = []
t = threading.Thread(target=lambda *args, **kw: got.append((args, kw)), args=(1, 2), kwargs={'k': 3})
t.start(); t.join()
print(got)

# An exception that ends a thread goes to threading.excepthook.
reports = []
def hook(args):
    reports.append((args.exc_type.__name__, str(args.exc_value),
                    args.exc_traceback is not None, args.thread.name))
saved = threading.excepthook
threading.excepthook = hook
def fail():
    raise KeyError('boom')
t = threading.Thread(target=fail, name='failing')
t.start()
t.join()
t = threading.Thread(target=lambda: (_ for _ in ()).throw(SystemExit(3)), name='exiting')
t.start()
t.join()
threading.excepthook = saved
print(reports, t.is_alive())

# A thread started with _thread is a dummy thread to threading.
dummy = []
done = threading.Event()
def raw():
    me = threading.current_thread()
    dummy.append((type(me).__name__, me.daemon, me.is_alive(), me.name.startswith('Dummy-')))
    try:
        me.join()
    except AssertionError as e:
        dummy.append(str(e))
    done.set()
_thread.start_new_thread(raw, ())
done.wait()
print(dummy)

# Thread-local data: each thread sees its own attributes.
data = threading.local()
data.x = 'main'
class WithInit(threading.local):
    def __init__(self, tag):
        self.tag = tag
        self.calls = 1
w = WithInit('t')
seen = []
def local_reader():
    seen.append(hasattr(data, 'x'))
    data.x = 'thread'
    seen.append(data.x)
    seen.append((w.tag, w.calls))
    w.calls += 1
t = threading.Thread(target=local_reader)
t.start(); t.join()
print(seen, data.x, w.calls)
attempt('local with arguments', lambda: threading.local(1))
print(type(data).__name__, type(data).__module__)
