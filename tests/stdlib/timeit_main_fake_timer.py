# timeit's command line run with a fake clock (main's `_wrap_timer`), so that
# the report's figures are fixed: units and their choice, -u, digits with
# -v, the autorange trials, raw times, the "unreliable" warning, -n/-r/-s,
# long options and their prefixes, and what happens on bad input.
import sys
import timeit

sys.stderr = sys.stdout  # the warning and the unit error, in order


def clock(readings):
    def wrap(real_timer):
        upcoming = iter(readings)
        return lambda: next(upcoming)
    return wrap


def steady(step):
    def wrap(real_timer):
        now = [0.0]

        def tick():
            now[0] += step
            return now[0]
        return tick
    return wrap


def run(args, wrap):
    print("$ timeit", " ".join(args))
    try:
        status = timeit.main(args, _wrap_timer=wrap)
    except BaseException as e:
        print("raised", type(e).__name__, e)
    else:
        print("->", status)


run(["-n", "10", "pass"], steady(0.001))
run(["-n", "10", "-r", "1", "pass"], steady(0.001))
run(["-n", "1", "pass"], steady(0.001))
run(["-n", "3", "-v", "pass"], steady(0.001))
run(["-n", "3", "-vv", "pass"], steady(0.001))
run(["-v", "pass"], steady(0.3))
run(["pass"], steady(0.5))
run(["pass"], steady(3.0))
run(["-n", "5", "pass"], steady(1e-9))
for unit in ["nsec", "usec", "msec", "sec"]:
    run(["-u", unit, "-n", "2", "pass"], steady(0.5))
run(["--unit=usec", "--number=4", "--repeat=2", "--setup=x=1", "--verbose", "x"], steady(0.001))
run(["--nu", "2", "--rep", "2", "pass"], steady(0.3))
run(["-t", "-n", "1", "pass"], steady(0.3))
run(["--clock", "-n", "1", "pass"], steady(0.3))
run(["-r", "0", "-n", "2", "pass"], steady(0.001))
run(["-n", "0", "pass"], steady(0.25))
run(["-n", "-2", "pass"], steady(0.3))
third = [0, 1 / 3] * 10
for v in ["-v", "-vv", "-vvvv"]:
    run(["-n", "1", "-r", "1", v, "pass"], clock(third))
run(["-n", "1", "-r", "2", "pass"], clock([0, 1, 0, 4]))
run(["-n", "1", "-r", "2", "pass"], clock([0, 1, 0, 3.99]))
run(["-n", "1", "-r", "3", "-u", "msec", "pass"], clock([0, 1, 0, 8, 0, 2]))
trials = [0, 0.01, 0, 0.05, 0, 0.1, 0, 0.3] + [0, 0.3] * 5
run(["-v", "pass"], clock(trials))
run(["pass"], clock(trials))
run(["-vv", "pass"], clock([0, 0.01, 0, 0.05, 0, 0.1, 0, 0.2] + [0, 0.3] * 5))
growing = []
for k in range(6):
    growing += [0, 0.001 * 3 ** k]
run(["-v", "pass"], clock(growing + [x for k in range(5) for x in (0, 0.729 * 3 ** k)]))
for seconds in [0, 1234567, 0.999e-6, 0.9999e-6, 1e-6, 1e-3, 9.9996e-4, 1e-9, -1, float("nan")]:
    run(["-n", "1", "-r", "1", "pass"], clock([0, seconds]))
run(["-n", "1", "-r", "1", "-u", "nsec", "pass"], clock([0, 1234567]))
run(["-n", "2", "-s", "a = 1", "-s", "b = 2", "print(a + b)", "print(a)"], steady(0.3))
run(["-n", "1", "--", "-1"], steady(0.3))
run(["-n", "1", "-1"], steady(0.3))
run(["-n", "2", "-p", "pass"], steady(0.3))
run(["-n", "2", "--process", "pass"], steady(0.3))
run(["-u", "min", "pass"], steady(0.3))
run(["-n", "x", "pass"], steady(0.3))
run(["-r", "x", "pass"], steady(0.3))
run(["-n"], steady(0.3))
run(["--bogus=2"], steady(0.3))
run(["--number"], steady(0.3))
run(["--verbose=3"], steady(0.3))
run(["-x"], steady(0.3))
run(["-n", "2", "-s", "1 +", "pass"], steady(0.3))
run(["-n", "2", "1 +"], steady(0.3))
run(["-n", "1", "-r", "1", "-h"], steady(0.3))

# A statement or setup that fails at run time: the traceback goes to stderr
# (its frames name files, so only its last lines are shown) and main gives 1.
import io
for args in (["-n", "2", "1/0"], ["-n", "2", "-s", "{}['k']", "pass"], ["x = 1", "y = undefined"]):
    sys.stderr = io.StringIO()
    status = timeit.main(args, _wrap_timer=steady(0.3))
    shown = [line for line in sys.stderr.getvalue().splitlines() if line.strip(" ~^")]
    sys.stderr = sys.stdout
    print(args, status, shown[-3:])
