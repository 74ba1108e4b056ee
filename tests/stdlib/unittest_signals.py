# unittest's Control-C handling: installHandler, registerResult,
# removeResult, removeHandler (as a call and as a decorator).
import os
import signal
import unittest
import unittest.signals as signals


def custom(signum, frame):
    print("custom handler got", signum)


class Stoppable:
    def __init__(self, name):
        self.name = name

    def stop(self):
        print("stop", self.name)


result = unittest.TestResult()
print("remove unregistered:", unittest.removeResult(result))
unittest.registerResult(result)
print("remove registered:", unittest.removeResult(result), unittest.removeResult(result))

signal.signal(signal.SIGINT, custom)
unittest.installHandler()
handler = signal.getsignal(signal.SIGINT)
print(type(handler).__name__, handler.called, handler.original_handler is custom,
      handler.default_handler is custom)
unittest.installHandler()
print("second install keeps it:", signal.getsignal(signal.SIGINT) is handler)

unittest.registerResult(result)
os.kill(os.getpid(), signal.SIGINT)
print("first Control-C stops:", result.shouldStop, handler.called)
os.kill(os.getpid(), signal.SIGINT)
print("second Control-C went to the old handler")


@unittest.removeHandler
def without(x):
    print("inside: handler installed?", signal.getsignal(signal.SIGINT) is handler)
    return x * 2


print(without(21), without.__name__, signal.getsignal(signal.SIGINT) is handler)
unittest.removeHandler()
print("removed:", signal.getsignal(signal.SIGINT) is custom)
signal.signal(signal.SIGINT, signal.SIG_IGN)
unittest.installHandler()
print("installs only once:", signal.getsignal(signal.SIGINT) is signal.SIG_IGN)

# The handler called directly: when not installed, or called before, it
# passes the signal on; it stops every registered result each time.
h = signals._InterruptHandler(custom)
one, two = Stoppable("one"), Stoppable("two")
unittest.registerResult(one)
print("-- not installed")
h(2, None)
signal.signal(signal.SIGINT, h)
print("-- called before")
h(2, None)
h.called = False
print("-- first call")
h(2, None)
unittest.removeResult(one)
unittest.registerResult(two)
print("-- after removeResult")
h.called = False
h(2, None)
signal.signal(signal.SIGINT, signal.SIG_DFL)

for default in (signal.SIG_DFL, signal.SIG_IGN, custom, None):
    h = signals._InterruptHandler(default)
    print(getattr(default, "__name__", default), h.original_handler is default, h.default_handler is signal.default_int_handler,
          callable(h.default_handler))
h = signals._InterruptHandler(signal.SIG_IGN)
print("ignored:", h.default_handler(2, None))
try:
    signals._InterruptHandler(5)
except TypeError as e:
    print("TypeError:", e)
h = signals._InterruptHandler(signal.SIG_DFL)
try:
    h(2, None)
except KeyboardInterrupt:
    print("KeyboardInterrupt from the default handler; called:", h.called)
