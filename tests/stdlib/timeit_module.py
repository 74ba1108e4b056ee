# timeit's API: Timer with source and callables, setup, globals, repeat,
# autorange, the module functions and the generated source (timings are
# printed only as facts that do not depend on the machine).
import timeit

calls = []


def work():
    calls.append(1)


t = timeit.Timer(work)
elapsed = t.timeit(number=25)
print(type(elapsed).__name__, elapsed >= 0, len(calls))
print(len(t.repeat(repeat=3, number=10)), len(calls))
number, taken = timeit.Timer("pass").autorange()
print(number in (1, 2, 5) or str(number)[0] in "125", taken >= 0.2)
seen = []
timeit.Timer("x + 1", setup="x = 41").autorange(lambda n, t: seen.append(n))
print(seen[:3])
print(timeit.timeit("y * 2", setup="y = 3", number=5) >= 0)
print(len(timeit.repeat("z = [1] * 10", repeat=4, number=2)))
print(timeit.timeit("total", globals={"total": 1}, number=3) >= 0)
print(timeit.Timer("for i in range(3):\n    pass", "a = 1\nb = 2").src)
print(timeit.Timer(work, work).src)
print(timeit.default_timer is __import__("time").perf_counter, timeit.default_number, timeit.default_repeat)
for stmt, setup in [("1 +", "pass"), ("pass", "return"), (42, "pass"), ("pass", 42)]:
    try:
        timeit.Timer(stmt, setup)
    except (SyntaxError, ValueError) as e:
        print(type(e).__name__, e.args[0])
counts = []
fake = iter(range(100))
print(timeit.Timer("pass", timer=lambda: next(fake)).timeit(number=10))

# The garbage collector is paused while the statement runs, and restored.
import gc
states = []
timeit.timeit("states.append(gc.isenabled())", globals={"states": states, "gc": gc}, number=2)
print(states, gc.isenabled())
gc.disable()
timeit.timeit("pass", number=1)
print(gc.isenabled())
gc.enable()

# Syntax errors carry the user's line numbers: the setup's own, the
# statement's counted after a textual setup.
for stmt, setup in [("return", "a = 1\nb = 2"), ("1 +", "pass"), ("pass", "1 +"),
                    ("return", lambda: 0), ("break", "pass"), ("  x = 1", "pass"),
                    ("1 +", "return"), (42, "return"), ("return", 42)]:
    try:
        timeit.Timer(stmt, setup)
    except (SyntaxError, ValueError) as e:
        print(type(e).__name__, e.args)

# Multi-line statements and setups, brackets across lines, callables mixed
# with source.
t = timeit.Timer("x = (1,\n 2)\ny = 3\ndef f():\n  return 1\nf()", "z = 0")
print(t.timeit(2) >= 0, sorted(vars(t)))
print(timeit.Timer("pass", lambda: None).src)
print(timeit.Timer(work, "k = 1").src)
print(timeit.Timer().repeat(0, 1), timeit.Timer("pass", timer=iter([1, 2.5]).__next__).timeit(5))
print(timeit.Timer(timer=iter(range(10)).__next__).repeat(3, 5))
print(timeit.Timer(timer=iter(range(1000)).__next__).autorange())

# autorange tries 1, 2, 5, 10, 20, 50, ... until a run takes 0.2 seconds.
ticks = iter([0, 0.01, 0, 0.05, 0, 0.1, 0, 0.15, 0, 0.19, 0, 0.2, 0, 5])
heard = []
print(timeit.Timer(timer=lambda: next(ticks)).autorange(lambda n, s: heard.append((n, s))), heard)

# print_exc shows the timed code's lines in the traceback.
import io
for stmt in ("x = 1\n1 / 0", "{}['key']"):
    t = timeit.Timer(stmt, "y = 2")
    try:
        t.timeit(3)
    except Exception:
        out = io.StringIO()
        t.print_exc(file=out)
        # (The caret lines under the source are left out.)
        print([line for line in out.getvalue().splitlines() if line.strip(" ~^")][-3:])
