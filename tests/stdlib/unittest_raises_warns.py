# assertRaises / assertRaisesRegex / assertWarns / assertWarnsRegex, as
# context managers and with a callable: messages, the context's attributes,
# argument checking, and what passes through.
import unittest
import warnings


class T(unittest.TestCase):
    def runTest(self):
        pass


t = T()


def attempt(label, fn):
    try:
        got = fn()
    except t.failureException as e:
        print(f"{label}: fails: {e}")
    except Exception as e:
        print(f"{label}: raised {type(e).__name__}: {e}")
    else:
        print(f"{label}: passed, returned {got!r}")


def boom(kind=ValueError, text="boom"):
    raise kind(text)


def named():
    pass


class Callable:
    def __repr__(self):
        return "<Callable>"

    def __call__(self):
        pass


attempt("callable ok", lambda: t.assertRaises(ValueError, boom))
attempt("callable args", lambda: t.assertRaises(KeyError, boom, KeyError, text="k"))
attempt("callable not raised", lambda: t.assertRaises(ValueError, named))
attempt("lambda not raised", lambda: t.assertRaises(ValueError, lambda: None))
attempt("builtin not raised", lambda: t.assertRaises(ValueError, len, []))
attempt("instance not raised", lambda: t.assertRaises(ValueError, Callable()))
attempt("tuple not raised", lambda: t.assertRaises((ValueError, KeyError), named))
attempt("wrong type passes", lambda: t.assertRaises(KeyError, boom))
attempt("subclass ok", lambda: t.assertRaises(LookupError, boom, KeyError))
attempt("not callable", lambda: t.assertRaises(ValueError, 5))
attempt("not a type", lambda: t.assertRaises(5, named))
attempt("not a type ctx", lambda: t.assertRaises("x").__enter__())
attempt("tuple with non type", lambda: t.assertRaises((ValueError, 5), named))
attempt("empty tuple", lambda: t.assertRaises((), named))
attempt("warns not a type", lambda: t.assertWarns(ValueError, named))
attempt("warns not a type 2", lambda: t.assertWarns(5, named))
attempt("msg kw with callable", lambda: t.assertRaises(ValueError, named, msg="m"))


def ctx_raises(*args, body=None, **kwargs):
    def run():
        with t.assertRaises(*args, **kwargs) as cm:
            if body:
                body()
        return (type(cm).__name__, cm.expected, repr(cm.exception), cm.msg)
    return run


attempt("ctx ok", ctx_raises(ValueError, body=boom))
attempt("ctx not raised", ctx_raises(ValueError))
attempt("ctx msg", ctx_raises(ValueError, msg="custom"))
attempt("ctx bad kw", ctx_raises(ValueError, foo=1))
attempt("ctx two bad kw", ctx_raises(ValueError, foo=1, bar=2))
attempt("ctx tuple", ctx_raises((KeyError, IndexError)))
attempt("ctx wrong", ctx_raises(KeyError, body=boom))
attempt("ctx BaseException", ctx_raises(KeyboardInterrupt, body=lambda: boom(KeyboardInterrupt)))
attempt("ctx SystemExit", ctx_raises(SystemExit, body=lambda: boom(SystemExit, 3)))

with t.assertRaises(ZeroDivisionError) as cm:
    1 / 0
print(cm.exception.__traceback__ is not None, type(cm.exception).__name__)
print(t.assertRaises(ValueError, boom) is None)
t.longMessage = False
attempt("short msg", ctx_raises(ValueError, msg="custom only"))
t.longMessage = True

# assertRaisesRegex
attempt("regex ok", lambda: t.assertRaisesRegex(ValueError, "bo+m", boom))
attempt("regex mismatch", lambda: t.assertRaisesRegex(ValueError, "^x", boom))
attempt("regex search not match", lambda: t.assertRaisesRegex(ValueError, "oo", boom))
attempt("regex compiled", lambda: t.assertRaisesRegex(ValueError, __import__("re").compile("X", 2), boom, ValueError, "x"))
attempt("regex not raised", lambda: t.assertRaisesRegex(ValueError, "x", named))
attempt("regex wrong type", lambda: t.assertRaisesRegex(KeyError, "x", boom))


def ctx_regex(regex, body, **kwargs):
    def run():
        with t.assertRaisesRegex(ValueError, regex, **kwargs) as cm:
            body()
        return cm.expected_regex
    return run


attempt("ctx regex ok", ctx_regex("oo", boom))
attempt("ctx regex mismatch", ctx_regex("zz", boom))
attempt("ctx regex msg", ctx_regex("zz", boom, msg="why"))
attempt("ctx regex not raised", ctx_regex("zz", named))
attempt("ctx regex not raised msg", ctx_regex("zz", named, msg="why"))
attempt("ctx regex bytes", ctx_regex(b"zz", boom))


# assertWarns
def warn(category=UserWarning, text="careful"):
    warnings.warn(text, category)
    return "warned"


attempt("warns ok", lambda: t.assertWarns(UserWarning, warn))
attempt("warns subclass", lambda: t.assertWarns(Warning, warn, DeprecationWarning))
attempt("warns not triggered", lambda: t.assertWarns(UserWarning, named))
attempt("warns tuple", lambda: t.assertWarns((UserWarning, DeprecationWarning), named))
attempt("warns wrong category", lambda: t.assertWarns(DeprecationWarning, warn))
attempt("warns exception passes", lambda: t.assertWarns(UserWarning, boom))
attempt("warns regex ok", lambda: t.assertWarnsRegex(UserWarning, "care", warn))
attempt("warns regex mismatch", lambda: t.assertWarnsRegex(UserWarning, "^x", warn))
attempt("warns regex not triggered", lambda: t.assertWarnsRegex(UserWarning, "x", named))


def several():
    warnings.warn("first", UserWarning)
    warnings.warn("second", DeprecationWarning)
    warnings.warn("third", UserWarning)


with t.assertWarns(UserWarning) as cm:
    several()
print(type(cm).__name__, cm.expected, str(cm.warning), cm.filename == __file__, cm.lineno,
      [str(w.message) for w in cm.warnings])
with t.assertWarnsRegex(UserWarning, "thi") as cm:
    several()
print(str(cm.warning), cm.lineno, cm.expected_regex)

# The same warning twice from one line is caught both times (the
# once-per-location registry is cleared).
for _ in range(2):
    with t.assertWarns(RuntimeWarning):
        warnings.warn("again", RuntimeWarning)
print("caught twice")

# Warnings of other categories go on to the filters as usual.
with warnings.catch_warnings(record=True) as outer:
    warnings.simplefilter("always")
    with t.assertWarns(UserWarning):
        warnings.warn("passes on", DeprecationWarning)
        warnings.warn("caught", UserWarning)
print([(w.category.__name__, str(w.message)) for w in outer])

# Failures in warns with msg and longMessage
attempt("warns msg", lambda: t.assertWarns(UserWarning, named, msg="m"))


def ctx_warns(*args, **kwargs):
    def run():
        with t.assertWarns(*args, **kwargs) as cm:
            pass
    return run


attempt("ctx warns msg", ctx_warns(UserWarning, msg="m"))
attempt("ctx warns bad kw", ctx_warns(UserWarning, bogus=1))
attempt("ctx warns tuple", ctx_warns((UserWarning, DeprecationWarning)))
