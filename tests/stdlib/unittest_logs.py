# assertLogs / assertNoLogs: what the watcher records, the logger's state
# during and after the block, and the failure messages.
import logging
import unittest


class T(unittest.TestCase):
    def runTest(self):
        pass


t = T()
lg = logging.getLogger("foo")
lg.addHandler(logging.NullHandler())
print(lg.level, lg.propagate, len(lg.handlers))
with t.assertLogs("foo", "DEBUG") as cm:
    print(lg.level, lg.propagate, [(type(h).__name__, h.level, h.formatter._fmt) for h in lg.handlers])
    lg.debug("hi %s", 1)
    logging.getLogger("foo.bar").warning("w")
    logging.getLogger("other").error("not watched")
print(lg.level, lg.propagate, len(lg.handlers))
print(type(cm).__name__, cm.output, [r.getMessage() for r in cm.records])
print(cm._fields, isinstance(cm, tuple))
print(repr(cm).startswith("_LoggingWatcher(records=[<LogRecord: foo, 10,"))

with t.assertLogs(level=logging.WARNING) as cm:
    logging.info("below")
    logging.warning("root %d", 2)
print(cm.output)
with t.assertLogs(lg, logging.ERROR) as cm:
    lg.critical("c")
print(cm.output)

for args in [(), ("foo",), (lg, logging.ERROR), (None, "WARNING"), ("x", 5), ("x", 25)]:
    try:
        with t.assertLogs(*args):
            logging.getLogger("elsewhere").critical("no")
    except AssertionError as e:
        print(repr(e))

try:
    with t.assertNoLogs("foo"):
        lg.info("a")
        lg.error("b")
except AssertionError as e:
    print(repr(e))
with t.assertNoLogs("foo") as cm2:
    lg.debug("below INFO")
print(cm2)
with t.assertNoLogs("foo", "ERROR"):
    lg.warning("below ERROR")
print(lg.level, lg.propagate, len(lg.handlers))

try:
    with t.assertLogs("foo"):
        raise KeyError(1)
except KeyError as e:
    print("KeyError passes through", e)
try:
    with t.assertNoLogs("foo"):
        lg.error("x")
        raise KeyError(2)
except KeyError as e:
    print("KeyError passes through", e)
try:
    with t.assertLogs("foo", "BOGUS"):
        pass
except Exception as e:
    print(repr(e))
print(lg.level, lg.propagate, len(lg.handlers))
t.longMessage = False
try:
    with t.assertLogs("foo"):
        pass
except AssertionError as e:
    print(repr(e))
cm3 = t.assertLogs()
print(type(cm3).__name__, cm3.logger_name, cm3.level, cm3.no_logs, cm3.msg)
print(t.assertLogs("a", "DEBUG").level, t.assertNoLogs(None, 7).level)


class Custom(unittest.TestCase):
    failureException = RuntimeError

    def runTest(self):
        pass


try:
    with Custom().assertLogs():
        pass
except RuntimeError as e:
    print("custom failureException:", e)
