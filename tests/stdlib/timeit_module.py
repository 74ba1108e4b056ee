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
print(timeit.reindent("a\nb", 4))
