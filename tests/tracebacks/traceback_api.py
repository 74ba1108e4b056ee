import sys
# Everything to stderr, where the recording drops the script's directory
# from the paths tracebacks show.
sys.stdout = sys.stderr
import traceback


def section(title):
    print(f"--- {title}")


section("FrameSummary")
fs = traceback.FrameSummary("a.py", 3, "f", line="  x = 1  ", colno=2, end_colno=5, end_lineno=3)
print(repr(fs), fs.filename, fs.lineno, fs.name, repr(fs.line), repr(fs._line), len(fs))
print(list(fs), fs[0], fs[-1], fs[1:3])
print(fs == ("a.py", 3, "f", "x = 1"), fs == ["a.py", 3, "f", "x = 1"], fs != 3)
print(fs == traceback.FrameSummary("a.py", 3, "f", line="x = 1"))
print(fs == traceback.FrameSummary("a.py", 3, "f", line="x = 1", locals={"a": 1}))
try:
    hash(fs)
except TypeError as e:
    print("TypeError", e)
try:
    fs[4]
except IndexError as e:
    print("IndexError", e)
here = traceback.FrameSummary(__file__, 1, "m")
print(repr(here.line), repr(here._line))
lazy = traceback.FrameSummary(__file__, 1, "m", lookup_line=False)
print(repr(lazy._line), repr(lazy.line), repr(lazy._line))
print(repr(traceback.FrameSummary("missing.py", 1, "m").line))
print(repr(traceback.FrameSummary("a.py", None, "m").line))
print(traceback.FrameSummary("a.py", 1, "m", locals={"n": [1, "2"], "s": "t"}).locals)
print(traceback.FrameSummary("a.py", 1, "m", locals={}).locals)
print(fs.colno, fs.end_colno, fs.end_lineno)


section("walk and extract")
def outer():
    return inner()

def inner():
    names = [f.f_code.co_name for f, _ in traceback.walk_stack(sys._getframe())]
    print(names)
    print([s.name for s in traceback.StackSummary.extract(traceback.walk_stack(None))])
    print([s.name for s in traceback.StackSummary.extract(traceback.walk_stack(None), limit=1)])
    print([s.name for s in traceback.StackSummary.extract(traceback.walk_stack(None), limit=-1)])
    print(traceback.StackSummary.extract(traceback.walk_stack(None), limit=0))
    s = traceback.StackSummary.extract(traceback.walk_stack(sys._getframe()), limit=1,
                                       capture_locals=True)
    print(s[0].locals)
    print("".join(s.format()), end="")
    s = traceback.StackSummary.extract(traceback.walk_stack(sys._getframe()), limit=1,
                                       lookup_lines=False)
    print(repr(s[0]._line), repr(s[0].line))
    print([(s.name, s.lineno) for s in traceback.extract_stack()])
    print([(s.name, s.lineno) for s in traceback.extract_stack(limit=2)])
    print([(s.name, s.lineno) for s in traceback.extract_stack(sys._getframe(1), limit=-1)])
    print(traceback.format_stack(limit=1))
    traceback.print_stack(limit=-1)
    traceback.print_stack(sys._getframe(1), limit=1, file=sys.stdout)
    sys.tracebacklimit = 1
    print([s.name for s in traceback.extract_stack()])
    sys.tracebacklimit = -3
    print(traceback.extract_stack())
    del sys.tracebacklimit
    return 0

outer()


section("StackSummary")
ss = traceback.StackSummary.from_list([fs, ("b.py", 1, "g", "   y = 2   "), ["c.py", 2, "h", None]])
print(ss, [type(x).__name__ for x in ss], type(ss).__name__)
print(ss.format())
print(repr(ss[1].line), repr(ss[1]._line))
rep = [("a.py", 1, "f", "x")] * 6 + [("b.py", 1, "f", "x")]
print(traceback.format_list(rep))
traceback.print_list(rep[:1])
traceback.print_list(rep[:1], file=sys.stdout)
print(ss.format_frame_summary(ss[0]))
print(traceback.StackSummary.from_list([]).format(), traceback.StackSummary().format())
try:
    traceback.StackSummary.from_list([(1, 2)])
except ValueError as e:
    print("ValueError", e)
with_locals = traceback.FrameSummary("x.py", 3, "q", line="y = 2", locals={"a": [1], "b": None})
print(ss.format_frame_summary(with_locals), end="")


class Shouting(traceback.StackSummary):
    def format_frame_summary(self, frame_summary):
        if frame_summary.name == "skip":
            return None
        return f"{frame_summary.name.upper()} at {frame_summary.lineno}\n"


print(type(Shouting.from_list([])).__name__)
print(Shouting(traceback.StackSummary.from_list([("a.py", 1, "f", "x"), ("a.py", 2, "skip", "y"),
                                                 ("a.py", 3, "g", "z")])).format())


section("tracebacks")
def fail(n):
    if n:
        return fail(n - 1)
    return {}["key"]

try:
    fail(3)
except KeyError as e:
    err = e
tb = err.__traceback__
print([(f.f_code.co_name, n) for f, n in traceback.walk_tb(tb)])
print([(s.name, s.lineno, s.line, s.colno, s.end_colno) for s in traceback.extract_tb(tb)])
print(len(traceback.extract_tb(tb, limit=2)), len(traceback.extract_tb(tb, limit=-2)))
print(traceback.format_tb(tb, limit=-1))
traceback.print_tb(tb, limit=1)
traceback.print_tb(tb, 2, sys.stdout)
print(traceback.extract_tb(None), traceback.format_tb(None))
traceback.clear_frames(tb)
print("cleared")


section("TracebackException")
def chained():
    try:
        try:
            1 / 0
        except ZeroDivisionError as e:
            raise KeyError("x") from e
    except KeyError:
        raise ValueError("last")

try:
    chained()
except ValueError as e:
    err = e
te = traceback.TracebackException.from_exception(err)
print(list(vars(te)))
print(te.exc_type, str(te), te._str, te.__suppress_context__, te.__notes__, te.exceptions)
print(type(te.__context__).__name__, te.__context__.exc_type, te.__context__.__cause__.exc_type)
print(te.__context__.__suppress_context__, te.__cause__)
print("".join(te.format()), end="")
print("".join(te.format(chain=False)), end="")
print(list(te.format_exception_only()))
te.print()
te.print(file=sys.stdout, chain=False)
print(te == traceback.TracebackException.from_exception(err), te == 1, te != te.__context__)
print(traceback.TracebackException.from_exception(err, limit=1).stack)
compact = traceback.TracebackException.from_exception(err.__context__, compact=True)
print(compact.__cause__ is not None, compact.__context__)
lazy = traceback.TracebackException.from_exception(err, lookup_lines=False)
print(repr(lazy.stack[0]._line), lazy.stack[0].line)


class Sub(traceback.TracebackException):
    pass


sub = Sub.from_exception(err)
print(type(sub).__name__, type(sub.__context__).__name__, type(sub.stack).__name__)


def with_locals(a, b="two"):
    c = [a, b]
    raise LookupError(c)


try:
    with_locals(1)
except LookupError as x:
    te = traceback.TracebackException.from_exception(x, capture_locals=True)
    print(te.stack[-1].locals, te.stack[0].locals is None)
    print("".join(te.stack.format()[1:]), end="")


class Unprintable(Exception):
    def __str__(self):
        raise RuntimeError("no")


te = traceback.TracebackException(Unprintable, Unprintable(), None)
print(te._str, list(te.format()))
te = traceback.TracebackException(None, None, None)
print(list(vars(te)), list(te.format()))
e = ValueError("noted")
e.add_note("first note")
e.add_note("second\nnote")
te = traceback.TracebackException.from_exception(e)
print(te.__notes__, list(te.format_exception_only()))
try:
    raise TypeError("suppressed") from None
except TypeError as x:
    te = traceback.TracebackException.from_exception(x)
    print(te.__suppress_context__, te.__context__, te.__cause__)

section("SyntaxError")
try:
    compile("x = (1,\n  2 +)", "s.py", "exec")
except SyntaxError as x:
    te = traceback.TracebackException.from_exception(x)
    print({k: getattr(te, k) for k in ("filename", "lineno", "end_lineno", "text", "offset", "end_offset", "msg")})
    print("".join(te.format_exception_only()), end="")
bare = traceback.TracebackException.from_exception(SyntaxError("bare"))
print(bare.filename, bare.lineno, bare.text, bare.msg, list(bare.format_exception_only()))
made = SyntaxError("made", ("m.py", 7, 3, "    foo bar baz\n", 7, 10))
print(traceback.format_exception_only(made))
print(traceback.format_exception_only(IndentationError("ind", ("m.py", 2, 1, "  x\n"))))

section("groups")
def group():
    raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), KeyError(3)]), OSError(4)])

try:
    group()
except ExceptionGroup as g:
    grp = g
te = traceback.TracebackException.from_exception(grp)
print(len(te.exceptions), [t.exc_type.__name__ for t in te.exceptions], te.exceptions[1].exceptions[0].exc_type)
print("".join(te.format()), end="")
narrow = traceback.TracebackException.from_exception(grp, max_group_width=2, max_group_depth=1)
print(narrow.max_group_width, narrow.max_group_depth)
print("".join(narrow.format()), end="")

section("module functions")
try:
    chained()
except ValueError as e:
    print(traceback.format_exc(), end="")
    print(traceback.format_exc(limit=1, chain=False), end="")
    traceback.print_exc()
    traceback.print_exc(limit=-1, file=sys.stdout, chain=False)
    err = e
print(repr(traceback.format_exc()))
traceback.print_exc()
print(traceback.format_exception(err, limit=1, chain=False))
print(traceback.format_exception(type(err), err, err.__traceback__, limit=-1))
print(traceback.format_exception(ValueError, ValueError(3), None))
print(traceback.format_exception(None))
traceback.print_exception(err, limit=0)
traceback.print_exception(None, err, None, file=sys.stdout)
print(traceback.format_exception_only(err))
print(traceback.format_exception_only(ValueError, err))
print(traceback.format_exception_only(None, KeyError("k")))
print(traceback.format_exception_only(None))
for bad in [(ValueError, ValueError(3)), ]:
    try:
        traceback.format_exception(*bad)
    except ValueError as x:
        print("ValueError", x)
try:
    traceback.print_exception(ValueError, tb=None)
except ValueError as x:
    print("ValueError", x)
try:
    traceback.format_exception_only(ValueError, "text")
except AttributeError as x:
    print("AttributeError", x)
try:
    traceback.print_last()
except ValueError as x:
    print("ValueError", x)
sys.last_type, sys.last_value, sys.last_traceback = type(err), err, err.__traceback__
traceback.print_last(limit=1)
traceback.print_last(file=sys.stdout, chain=False)
import inspect
print(inspect.signature(traceback.format_exception), inspect.signature(traceback.print_exception))
print(inspect.signature(traceback.format_exception_only))
