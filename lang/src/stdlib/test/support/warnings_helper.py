"""Warning helpers for tests."""

import contextlib
import re
import sys
import warnings


_DETAILS = ("message", "category", "filename", "lineno", "file", "line", "source")


class WarningsRecorder:
    """What check_warnings yields: the warnings caught so far, the last one's
    attributes readable on it directly."""

    def __init__(self, caught):
        self._caught = caught
        self._seen = 0

    def __getattr__(self, attr):
        if len(self._caught) > self._seen:
            return getattr(self._caught[-1], attr)
        if attr in _DETAILS:
            return None
        raise AttributeError(f"{self!r} has no attribute {attr!r}")

    @property
    def warnings(self):
        return self._caught[self._seen:]

    def reset(self):
        self._seen = len(self._caught)


def _check(caught, filters, quiet):
    unmatched = list(caught)
    problems = []
    for text, category in filters:
        pattern = re.compile(text, re.I)
        found = False
        for w in list(unmatched):
            if pattern.match(str(w.message)) and issubclass(w.category, category):
                found = True
                unmatched.remove(w)
        if not found and not quiet:
            problems.append((text, category.__name__))
    if unmatched:
        raise AssertionError(f"unhandled warning {unmatched[0]}")
    if problems:
        raise AssertionError(f"filter ({problems[0][0]!r}, {problems[0][1]}) did not catch any warning")


@contextlib.contextmanager
def check_warnings(*filters, quiet=True):
    """Record every warning in the block; each (message regex, category)
    filter must match one of them (unless quiet), and every warning must be
    matched by a filter. With no filters, any warning is accepted."""
    if not filters:
        filters = (("", Warning),)
        quiet = True
    with warnings.catch_warnings(record=True) as caught:
        for module in list(sys.modules.values()):
            registry = getattr(module, "__warningregistry__", None)
            if isinstance(registry, dict):
                registry.clear()
        warnings.simplefilter("always")
        yield WarningsRecorder(caught)
    _check(caught, filters, quiet)


@contextlib.contextmanager
def check_no_warnings(testcase, message="", category=Warning, force_gc=False):
    with warnings.catch_warnings(record=True) as caught:
        warnings.filterwarnings("always", message=message, category=category)
        yield
        if force_gc:
            import gc
            gc.collect()
    testcase.assertEqual(caught, [])


def check_no_resource_warning(testcase):
    return check_no_warnings(testcase, category=ResourceWarning, force_gc=True)


def check_syntax_warning(testcase, statement, errtext="", *, lineno=1, offset=None):
    """Compiling `statement` gives one SyntaxWarning (matching `errtext`),
    and a SyntaxError when warnings are errors."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", SyntaxWarning)
        compile(statement, "<testcase>", "exec")
    testcase.assertEqual(len(caught), 1, caught)
    warning = caught[0]
    testcase.assertTrue(issubclass(warning.category, SyntaxWarning))
    if errtext:
        testcase.assertRegex(str(warning.message), errtext)
    testcase.assertEqual(warning.filename, "<testcase>")
    if lineno is not None:
        testcase.assertEqual(warning.lineno, lineno)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("error", SyntaxWarning)
        with testcase.assertRaises(SyntaxError):
            compile(statement, "<testcase>", "exec")
    testcase.assertEqual(caught, [])


def ignore_warnings(*, category):
    """Decorator: the test runs with warnings of `category` ignored."""
    def decorator(test):
        import functools

        @functools.wraps(test)
        def wrapper(*args, **kw):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", category=category)
                return test(*args, **kw)
        return wrapper
    return decorator


@contextlib.contextmanager
def save_restore_warnings_filters():
    saved = warnings.filters[:]
    try:
        yield
    finally:
        warnings.filters[:] = saved

