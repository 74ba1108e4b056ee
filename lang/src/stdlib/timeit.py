"""Tool for measuring execution time of small code snippets.

This module avoids a number of common traps for measuring execution
times.  See also Tim Peters' introduction to the Algorithms chapter in
the Python Cookbook, published by O'Reilly.

Library usage: see the Timer class.

Command line usage:
    python timeit.py [-n N] [-r N] [-s S] [-p] [-h] [--] [statement]

Options:
  -n/--number N: how many times to execute 'statement' (default: see below)
  -r/--repeat N: how many times to repeat the timer (default 5)
  -s/--setup S: statement to be executed once initially (default 'pass').
                Execution time of this setup statement is NOT timed.
  -p/--process: use time.process_time() (default is time.perf_counter())
  -v/--verbose: print raw timing results; repeat for more digits precision
  -u/--unit: set the output time unit (nsec, usec, msec, or sec)
  -h/--help: print this usage message and exit
  --: separate options from statement, use when statement starts with -
  statement: statement to be timed (default 'pass')

A multi-line statement may be given by specifying each line as a
separate argument; indented lines are possible by enclosing an
argument in quotes and using leading spaces.  Multiple -s options are
treated similarly.

If -n is not given, a suitable number of loops is calculated by trying
increasing numbers from the sequence 1, 2, 5, 10, 20, 50, ... until the
total time is at least 0.2 seconds.

Note: there is a certain baseline overhead associated with executing a
pass statement.  It differs between versions.  The code here doesn't try
to hide it, but you should be aware of it.  The baseline overhead can be
measured by invoking the program without arguments.

Classes:

    Timer

Functions:

    timeit(string, string) -> float
    repeat(string, string) -> list
    default_timer() -> float

"""
# (The docstring above is what `towel -m timeit -h` prints, as CPython's
# prints its own.)
#
# Design: a Timer turns its setup and statement into the text of one small
# function, `inner(_it, _timer)`, which runs the setup, reads the clock,
# runs the statement once per item of `_it` and returns the clock's
# difference. Only that loop is timed. A callable
# setup or statement is passed to `inner` as a default argument and called.
# The function's text is kept as `Timer.src` and named "<timeit-src>" in
# tracebacks; its layout (the statement on line 6 when the setup is one
# line) shows in those tracebacks and matches CPython's.

import contextlib
import gc
import getopt
import linecache
import os
import sys
import time
import traceback
import warnings

__all__ = ["Timer", "timeit", "repeat", "default_timer"]

default_timer = time.perf_counter
default_number = 1000000
default_repeat = 5

# The file name the generated function's code carries.
_SOURCE_NAME = "<timeit-src>"

# Code runs in this module's namespace unless `globals=` names another
# (documented: pass `globals=globals()` to see your own names).
_MODULE_NAMESPACE = globals()


def _code_for(role, piece, namespace, extra_params):
    """The text that runs `piece` (setup or statement) inside `inner`.

    Source text is used as it is; a callable is stored in `namespace`,
    bound to an extra parameter of `inner` whose default is that callable,
    and called."""
    if isinstance(piece, str):
        return piece
    if callable(piece):
        binding = "_" + role
        namespace[binding] = piece
        extra_params.append(f"{binding}={binding}")
        return binding + "()"
    raise ValueError(f"{role} is neither a string nor callable")


def _block(code, depth):
    """`code` as the body of a block `depth` spaces deep (every line after
    the first gets the indent; the first follows the caller's)."""
    return code.replace("\n", "\n" + " " * depth)


def _function_text(setup_code, stmt_code, extra_params):
    """The source of `inner`. Its layout is visible (Timer.src, the line
    numbers of tracebacks through the timed code) and is CPython's."""
    signature = ", ".join(["_it", "_timer", *extra_params])
    lines = (
        f"def inner({signature}):",
        f"    {_block(setup_code, 4)}",
        "    _t0 = _timer()",
        "    for _i in _it:",
        f"        {_block(stmt_code, 8)}",
        "        pass",
        "    _t1 = _timer()",
        "    return _t1 - _t0",
    )
    return "\n" + "\n".join(lines) + "\n"


class Timer:
    """Times the execution of a statement (source text or a callable),
    after running a setup that is not timed."""

    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        self.timer = timer
        local_names = {}
        extra_params = []
        # Bad source is rejected before it is indented into `inner`, so
        # that a SyntaxError gives the user's own line numbers: the setup's
        # alone, the statement's as if it followed a textual setup.
        setup_code = _code_for("setup", setup, local_names, extra_params)
        if isinstance(setup, str):
            compile(setup, _SOURCE_NAME, "exec")
        stmt_code = _code_for("stmt", stmt, local_names, extra_params)
        if isinstance(stmt, str):
            preceded = setup + "\n" + stmt if isinstance(setup, str) else stmt
            compile(preceded, _SOURCE_NAME, "exec")
        self.src = _function_text(setup_code, stmt_code, extra_params)
        namespace = _MODULE_NAMESPACE if globals is None else globals
        exec(compile(self.src, _SOURCE_NAME, "exec"), namespace, local_names)
        self.inner = local_names["inner"]

    def print_exc(self, file=None):
        """Print the exception being handled, with the lines of the timed
        code (which has no file) shown in its traceback."""
        linecache.cache[_SOURCE_NAME] = (len(self.src), None, self.src.splitlines(True), _SOURCE_NAME)
        traceback.print_exc(file=file)

    def timeit(self, number=default_number):
        """Seconds taken to run the statement `number` times, with the
        garbage collector paused meanwhile."""
        with _collector_paused():
            return self.inner(range(number), self.timer)

    def repeat(self, repeat=default_repeat, number=default_number):
        """A list of `repeat` results of timeit(number)."""
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        """Find a loop count, from 1, 2, 5, 10, 20, 50, ..., whose run takes
        at least 0.2 seconds; return (count, seconds). `callback(count,
        seconds)` hears of every trial."""
        for number in _one_two_five():
            taken = self.timeit(number)
            if callback:
                callback(number, taken)
            if taken >= 0.2:
                return number, taken


@contextlib.contextmanager
def _collector_paused():
    """Keep the garbage collector from running (and skewing a timing)
    inside the block; it is switched back on after if it was on before."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _one_two_five():
    scale = 1
    while True:
        yield scale
        yield 2 * scale
        yield 5 * scale
        scale *= 10


def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number, globals=None):
    """Timer(stmt, setup, timer, globals).timeit(number)."""
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=default_repeat,
           number=default_number, globals=None):
    """Timer(stmt, setup, timer, globals).repeat(repeat, number)."""
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)


# -- The command line --------------------------------------------------------

# Seconds per unit, largest first: a time is shown in the largest unit it
# reaches (nanoseconds when it reaches none).
_UNITS = (("sec", 1.0), ("msec", 1e-3), ("usec", 1e-6), ("nsec", 1e-9))

_SHORT_OPTIONS = "n:u:s:r:tcpvh"
_LONG_OPTIONS = ["number=", "setup=", "repeat=", "time", "clock", "process",
                 "verbose", "unit=", "help"]


class _Settings:
    """What the command line asked for (the class holds the defaults)."""

    statement = "pass"
    number = 0              # 0: find one with autorange()
    repeat = default_repeat
    unit = None             # None: the best unit for each figure
    verbosity = 0

    def __init__(self):
        self.setup_lines = []
        self.timer = default_timer

    @property
    def digits(self):
        # Each -v after the first shows one more significant digit.
        return 3 + max(self.verbosity - 1, 0)

    def format_time(self, seconds):
        if self.unit is not None:
            name, size = self.unit, dict(_UNITS)[self.unit]
        else:
            name, size = next(((n, s) for n, s in _UNITS if seconds >= s), _UNITS[-1])
        return "%.*g %s" % (self.digits, seconds / size, name)


def _read_command_line(args):
    """The settings, or the exit status when the command line says to stop
    (after printing why)."""
    try:
        options, rest = getopt.getopt(args, _SHORT_OPTIONS, _LONG_OPTIONS)
    except getopt.error as problem:
        print(problem)
        print("use -h/--help for command line help")
        return 2
    settings = _Settings()
    if rest:
        settings.statement = "\n".join(rest)
    for option, value in options:
        if option in ("-n", "--number"):
            settings.number = int(value)
        elif option in ("-s", "--setup"):
            settings.setup_lines.append(value)
        elif option in ("-u", "--unit"):
            if value not in dict(_UNITS):
                print("Unrecognized unit. Please select nsec, usec, msec, or sec.", file=sys.stderr)
                return 2
            settings.unit = value
        elif option in ("-r", "--repeat"):
            settings.repeat = max(int(value), 1)
        elif option in ("-p", "--process"):
            settings.timer = time.process_time
        elif option in ("-v", "--verbose"):
            settings.verbosity += 1
        elif option in ("-h", "--help"):
            print(__doc__, end=" ")
            return 0
        # -t/--time and -c/--clock are accepted and ignored (as in CPython).
    return settings


def main(args=None, *, _wrap_timer=None):
    """Run the command line `args` (default: sys.argv[1:]); the return value
    is the exit status (None for success). `_wrap_timer`, for tests, wraps
    the clock."""
    settings = _read_command_line(sys.argv[1:] if args is None else args)
    if not isinstance(settings, _Settings):
        return settings
    # Let the setup import modules from the current directory.
    sys.path.insert(0, os.curdir)
    clock = settings.timer if _wrap_timer is None else _wrap_timer(settings.timer)
    setup = "\n".join(settings.setup_lines) or "pass"
    timer = Timer(settings.statement, setup, clock)
    try:
        number = settings.number
        if number == 0:
            number = _choose_number(timer, settings)
        raw = timer.repeat(settings.repeat, number)
    except:  # noqa: E722 - the report covers every failure of user code
        timer.print_exc()
        return 1
    _report(settings, number, raw)
    return None


def _choose_number(timer, settings):
    announce = None
    if settings.verbosity:
        def announce(number, seconds):
            plural = "" if number == 1 else "s"
            print(f"{number} loop{plural} -> {seconds:.{settings.digits}g} secs")
    number, _ = timer.autorange(announce)
    if settings.verbosity:
        print()
    return number


def _report(settings, number, raw):
    if settings.verbosity:
        print("raw times: " + ", ".join(settings.format_time(t) for t in raw))
        print()
    per_loop = [t / number for t in raw]
    best, worst = min(per_loop), max(per_loop)
    plural = "" if number == 1 else "s"
    print(f"{number} loop{plural}, best of {settings.repeat}: "
          f"{settings.format_time(best)} per loop")
    if worst >= best * 4:
        warnings.warn_explicit(
            "The test results are likely unreliable. The worst time (%s) was more than "
            "four times slower than the best time (%s)."
            % (settings.format_time(worst), settings.format_time(best)),
            UserWarning, "", 0)


if __name__ == "__main__":
    sys.exit(main())
