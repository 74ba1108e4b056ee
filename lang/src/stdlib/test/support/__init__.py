"""Helpers for regression tests, as documented for CPython's test.support.

towel implements the parts that CPython's test files use most; a helper that
depends on CPython's internals reports itself as unavailable by skipping the
test (cpython_only, check_impl_detail), as it would on any other
implementation.
"""

import contextlib
import functools
import gc
import io
import os
import sys
import time
import unittest

__all__ = [
    "Error", "TestFailed", "ResourceDenied",
    "verbose", "use_resources", "max_memuse", "real_max_memuse",
    "is_jython", "is_android", "is_emscripten", "is_wasi", "is_apple_mobile",
    "has_subprocess_support", "has_fork_support", "has_socket_support",
    "MS_WINDOWS", "Py_DEBUG", "MISSING_C_DOCSTRINGS", "HAVE_DOCSTRINGS",
    "LOOPBACK_TIMEOUT", "INTERNET_TIMEOUT", "SHORT_TIMEOUT", "LONG_TIMEOUT",
    "PIPE_MAX_SIZE", "SOCK_MAX_SIZE", "MAX_Py_ssize_t", "TEST_HTTP_URL",
    "TEST_SUPPORT_DIR", "TEST_HOME_DIR", "TEST_DATA_DIR",
    "ALWAYS_EQ", "NEVER_EQ", "LARGEST", "SMALLEST",
    "requires", "is_resource_enabled", "requires_resource",
    "cpython_only", "impl_detail", "check_impl_detail",
    "requires_IEEE_754", "requires_zlib", "requires_gzip", "requires_bz2",
    "requires_lzma", "requires_docstrings", "requires_subprocess",
    "requires_fork", "requires_working_socket", "requires_linux_version",
    "requires_mac_ver", "requires_freebsd_version", "requires_limited_api",
    "bigmemtest", "bigaddrspacetest", "no_tracing", "refcount_test",
    "anticipate_failure", "skip_if_buggy_ucrt_strfptime",
    "captured_output", "captured_stdout", "captured_stderr", "captured_stdin",
    "swap_attr", "swap_item", "gc_collect", "disable_gc",
    "findfile", "sortdict", "get_attribute", "check_syntax_error",
    "check__all__", "check_disallow_instantiation", "check_free_after_iterating",
    "run_unittest", "run_doctest", "reap_children", "wait_process",
    "catch_unraisable_exception", "infinite_recursion", "sleeping_retry",
    "busy_retry", "flush_std_streams", "print_warning", "calcobjsize",
    "calcvobjsize", "check_sizeof", "SuppressCrashReport", "patch",
    "adjust_int_max_str_digits", "setswitchinterval", "python_is_optimized",
    "load_package_tests", "detect_api_mismatch", "Matcher", "get_pagesize",
    "args_from_interpreter_flags", "optim_args_from_interpreter_flags",
    "record_original_stdout", "get_original_stdout", "open_urlresource",
    "skip_if_pgo_task", "missing_compiler_executable", "thread_unsafe",
    "run_with_locale", "requires_debug_ranges", "has_no_debug_ranges",
]


class Error(Exception):
    """Base class for errors raised by these helpers."""


class TestFailed(Error):
    """A test failed."""


class ResourceDenied(unittest.SkipTest):
    """A test needs a resource (network, a large amount of memory, ...) that
    was not enabled (python -m test -u RESOURCE)."""


# --- the environment -------------------------------------------------------

verbose = 1
use_resources = None          # None: every resource counts as enabled when run directly
max_memuse = 0
real_max_memuse = 0
junit_xml_list = None
failfast = False
match_tests = None

is_jython = sys.platform.startswith("java")
is_android = hasattr(sys, "getandroidapilevel")
is_emscripten = sys.platform == "emscripten"
is_wasi = sys.platform == "wasi"
is_apple_mobile = sys.platform in ("ios", "tvos", "watchos")
MS_WINDOWS = sys.platform == "win32"
has_fork_support = hasattr(os, "fork") and not (is_emscripten or is_wasi)
has_subprocess_support = not (is_emscripten or is_wasi)
has_socket_support = not is_wasi
Py_DEBUG = hasattr(sys, "gettotalrefcount")

# Sizes for bigmem tests.
_1M = 1024 * 1024
_1G = 1024 * _1M
_2G = 2 * _1G
_4G = 4 * _1G

LOOPBACK_TIMEOUT = 10.0
INTERNET_TIMEOUT = 60.0
SHORT_TIMEOUT = 30.0
LONG_TIMEOUT = 5 * 60.0
PIPE_MAX_SIZE = 4 * 1024 * 1024 + 1
SOCK_MAX_SIZE = 16 * 1024 * 1024 + 1
MAX_Py_ssize_t = sys.maxsize
TEST_HTTP_URL = "http://www.pythontest.net"

# towel's test package is built into the interpreter, so the tests' home
# (where findfile looks first) is the folder of the script being run.
TEST_HOME_DIR = os.path.dirname(os.path.abspath(sys.argv[0] if sys.argv and sys.argv[0] else "."))
TEST_SUPPORT_DIR = os.path.join(TEST_HOME_DIR, "support")
TEST_DATA_DIR = os.path.join(TEST_HOME_DIR, "data")


def _sample():
    """x"""


# -OO strips docstrings.
HAVE_DOCSTRINGS = _sample.__doc__ is not None and sys.flags.optimize < 2
MISSING_C_DOCSTRINGS = False


class _AlwaysEqual:
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    def __repr__(self):
        return "ALWAYS_EQ"


class _NeverEqual:
    def __eq__(self, other):
        return False

    def __ne__(self, other):
        return True

    def __hash__(self):
        return 1

    def __repr__(self):
        return "NEVER_EQ"


@functools.total_ordering
class _Largest:
    def __eq__(self, other):
        return isinstance(other, _Largest)

    def __lt__(self, other):
        return False

    def __repr__(self):
        return "LARGEST"


@functools.total_ordering
class _Smallest:
    def __eq__(self, other):
        return isinstance(other, _Smallest)

    def __gt__(self, other):
        return False

    def __repr__(self):
        return "SMALLEST"


ALWAYS_EQ = _AlwaysEqual()
NEVER_EQ = _NeverEqual()
LARGEST = _Largest()
SMALLEST = _Smallest()


# --- resources and implementation details ---------------------------------

def is_resource_enabled(resource):
    """Whether the test resource `resource` may be used. Run directly (not
    under the regrtest driver), every resource is."""
    return use_resources is None or resource in use_resources


def requires(resource, msg=None):
    """Raise ResourceDenied unless `resource` is enabled."""
    if not is_resource_enabled(resource):
        raise ResourceDenied(msg or f"Use of the {resource!r} resource not enabled")


def requires_resource(resource):
    if is_resource_enabled(resource):
        return lambda test: test
    return unittest.skip(f"resource {resource!r} is not enabled")


def _implementation_matches(guards, default):
    name = sys.implementation.name
    if name in guards:
        return guards[name]
    return default


def check_impl_detail(**guards):
    """Whether this implementation is one the guards name: check_impl_detail()
    asks "is this CPython?", check_impl_detail(cpython=False) the opposite."""
    if not guards:
        guards = {"cpython": True}
    default = not any(guards.values())
    return _implementation_matches(guards, default)


def impl_detail(msg=None, **guards):
    if check_impl_detail(**guards):
        return lambda test: test
    if msg is None:
        names = ", ".join(sorted(name for name, on in guards.items() if on)) or "cpython"
        msg = f"implementation detail specific to {names}"
    return unittest.skip(msg)


def cpython_only(test):
    """Skip `test` (a function or a TestCase class) except on CPython."""
    return impl_detail(cpython=True)(test)


def _skip_unless(condition, reason):
    return (lambda test: test) if condition else unittest.skip(reason)


def _has_module(name):
    try:
        __import__(name)
    except ImportError:
        return False
    return True


# towel's float is Rust's f64, an IEEE 754 binary64.
requires_IEEE_754 = _skip_unless(True, "test requires IEEE 754 doubles")
requires_zlib = lambda reason="requires zlib": _skip_unless(_has_module("zlib"), reason)
requires_gzip = lambda reason="requires gzip": _skip_unless(_has_module("gzip"), reason)
requires_bz2 = lambda reason="requires bz2": _skip_unless(_has_module("bz2"), reason)
requires_lzma = lambda reason="requires lzma": _skip_unless(_has_module("lzma"), reason)
requires_docstrings = _skip_unless(HAVE_DOCSTRINGS, "test requires docstrings")
requires_limited_api = unittest.skip("needs the C API (_testcapi)")


def requires_subprocess():
    return _skip_unless(has_subprocess_support, "requires subprocess support")


def requires_fork():
    return _skip_unless(has_fork_support, "requires working os.fork()")


def requires_working_socket(*, module=False):
    if module:
        if not has_socket_support:
            raise unittest.SkipTest("requires socket support")
        return None
    return _skip_unless(has_socket_support, "requires socket support")


def _platform_version_at_least(system, wanted, what):
    def decorator(test):
        @functools.wraps(test)
        def wrapper(*args, **kw):
            if sys.platform.startswith(system):
                release = os.uname().release.split("-")[0]
                have = []
                for part in release.split("."):
                    digits = "".join(ch for ch in part if ch.isdigit())
                    if not digits:
                        break
                    have.append(int(digits))
                if tuple(have) < tuple(wanted):
                    need = ".".join(map(str, wanted))
                    raise unittest.SkipTest(
                        f"{what} version {need} or higher required, not {release}")
            return test(*args, **kw)
        return wrapper
    return decorator


def requires_linux_version(*min_version):
    return _platform_version_at_least("linux", min_version, "Linux kernel")


def requires_freebsd_version(*min_version):
    return _platform_version_at_least("freebsd", min_version, "FreeBSD")


def requires_mac_ver(*min_version):
    return _platform_version_at_least("darwin", min_version, "Mac OS X")


def bigmemtest(size, memuse, dry_run=True):
    """Run the test with a small size unless a memory limit was set
    (set_memlimit), as CPython's regression driver does by default."""
    def decorator(test):
        @functools.wraps(test)
        def wrapper(self):
            if not max_memuse:
                if not dry_run:
                    raise unittest.SkipTest("not enough memory: use the -M option")
                return test(self, 5147)
            return test(self, size)
        wrapper.size = size
        wrapper.memuse = memuse
        return wrapper
    return decorator


def bigaddrspacetest(test):
    @functools.wraps(test)
    def wrapper(self):
        raise unittest.SkipTest("not enough memory: use the -M option")
    return wrapper


def no_tracing(test):
    """Run `test` with sys.settrace's function removed."""
    @functools.wraps(test)
    def wrapper(*args, **kw):
        saved = sys.gettrace()
        try:
            sys.settrace(None)
            return test(*args, **kw)
        finally:
            sys.settrace(saved)
    return wrapper


def refcount_test(test):
    return no_tracing(cpython_only(test))


def anticipate_failure(condition):
    return unittest.expectedFailure if condition else (lambda test: test)


def skip_if_buggy_ucrt_strfptime(test):
    return test


def skip_if_pgo_task(test):
    return test


def thread_unsafe(reason=None):
    if callable(reason):
        return reason
    return lambda test: test


def has_no_debug_ranges():
    """Whether code objects lack column positions (-X no_debug_ranges)."""
    return "no_debug_ranges" in sys._xoptions


def requires_debug_ranges(reason="requires co_positions / debug_ranges"):
    return _skip_unless(not has_no_debug_ranges(), reason)


def run_with_locale(catstr, *locales):
    """Decorator: run the test with the locale category `catstr` set to the
    first of `locales` that this system accepts (as it is if none is)."""
    def decorator(test):
        @functools.wraps(test)
        def wrapper(*args, **kw):
            try:
                import locale
                category = getattr(locale, catstr)
                saved = locale.setlocale(category)
            except Exception:
                return test(*args, **kw)
            try:
                for name in locales:
                    try:
                        locale.setlocale(category, name)
                        break
                    except Exception:
                        continue
                return test(*args, **kw)
            finally:
                try:
                    locale.setlocale(category, saved)
                except Exception:
                    pass
        return wrapper
    return decorator


def python_is_optimized():
    return True


def missing_compiler_executable(cmd_names=()):
    return "a C compiler (towel builds no extension modules)"


# --- captured streams and temporary changes --------------------------------

@contextlib.contextmanager
def captured_output(stream_name):
    """Replace sys.<stream_name> by a StringIO for the block; yield it."""
    saved = getattr(sys, stream_name)
    replacement = io.StringIO()
    setattr(sys, stream_name, replacement)
    try:
        yield replacement
    finally:
        setattr(sys, stream_name, saved)


def captured_stdout():
    return captured_output("stdout")


def captured_stderr():
    return captured_output("stderr")


def captured_stdin():
    return captured_output("stdin")


_original_stdout = None


def record_original_stdout(stdout):
    global _original_stdout
    _original_stdout = stdout


def get_original_stdout():
    return _original_stdout or sys.stdout


_absent = object()


@contextlib.contextmanager
def swap_attr(obj, attr, new_val):
    """Set obj.attr to new_val for the block; restore (or delete) it after.
    Yields the old value (None if there was none)."""
    old = getattr(obj, attr, _absent)
    setattr(obj, attr, new_val)
    try:
        yield None if old is _absent else old
    finally:
        if old is _absent:
            if hasattr(obj, attr):
                delattr(obj, attr)
        else:
            setattr(obj, attr, old)


@contextlib.contextmanager
def swap_item(obj, item, new_val):
    """swap_attr for obj[item]."""
    old = obj.get(item, _absent) if hasattr(obj, "get") else _absent
    obj[item] = new_val
    try:
        yield None if old is _absent else old
    finally:
        if old is _absent:
            obj.pop(item, None)
        else:
            obj[item] = old


def patch(test_instance, object_to_patch, attr_name, new_value):
    """Set an attribute for the rest of a test; a cleanup puts back the
    object's own value, or removes the attribute if it had none of its own."""
    own = getattr(object_to_patch, "__dict__", {})
    had_own = attr_name in own
    old = own.get(attr_name)

    def restore():
        if had_own:
            setattr(object_to_patch, attr_name, old)
        else:
            delattr(object_to_patch, attr_name)

    test_instance.addCleanup(restore)
    setattr(object_to_patch, attr_name, new_value)


def gc_collect():
    """Collect garbage thoroughly: several passes, for finalizers that free more."""
    for _ in range(3):
        gc.collect()


@contextlib.contextmanager
def disable_gc():
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@contextlib.contextmanager
def adjust_int_max_str_digits(max_digits):
    saved = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(max_digits)
    try:
        yield
    finally:
        sys.set_int_max_str_digits(saved)


def setswitchinterval(interval):
    sys.setswitchinterval(interval)


@contextlib.contextmanager
def infinite_recursion(max_depth=75):
    """Lower the recursion limit to `max_depth` for the block, so that a
    test of runaway recursion stops early."""
    saved = sys.getrecursionlimit()
    sys.setrecursionlimit(max_depth)
    try:
        yield
    finally:
        sys.setrecursionlimit(saved)


class catch_unraisable_exception:
    """Context manager: while it is active, sys.unraisablehook stores what it
    receives in .unraisable instead of printing it."""

    def __init__(self):
        self.unraisable = None
        self._saved_hook = None

    def _hook(self, unraisable):
        self.unraisable = unraisable

    def __enter__(self):
        self._saved_hook = sys.unraisablehook
        sys.unraisablehook = self._hook
        return self

    def __exit__(self, *exc_info):
        sys.unraisablehook = self._saved_hook
        self.unraisable = None


class SuppressCrashReport:
    """No crash reporter to silence on this platform: a no-op context manager."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        return None


def flush_std_streams():
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()


def print_warning(msg):
    flush_std_streams()
    for line in msg.splitlines():
        print(f"Warning -- {line}", file=sys.__stderr__, flush=True)


# --- waiting ---------------------------------------------------------------

def busy_retry(timeout, err_msg=None, /, *, error=True):
    """Yield until the caller breaks out, at most `timeout` seconds; then
    raise AssertionError (or just stop, with error=False)."""
    deadline = time.monotonic() + timeout
    while True:
        yield
        if time.monotonic() >= deadline:
            break
    if error:
        message = f"timeout ({timeout:.1f} seconds)"
        if err_msg:
            message = f"{message}: {err_msg}"
        raise AssertionError(message)


def sleeping_retry(timeout, err_msg=None, /, *, init_delay=0.010, max_delay=1.0,
                   error=True):
    """busy_retry with a sleep between tries, doubling up to max_delay."""
    delay = init_delay
    for _ in busy_retry(timeout, err_msg, error=error):
        yield
        time.sleep(delay)
        delay = min(delay * 2, max_delay)


def wait_process(pid, *, exitcode, timeout=None):
    """Wait for child `pid` to end and check its exit code."""
    if timeout is None:
        timeout = SHORT_TIMEOUT
    for _ in sleeping_retry(timeout, f"process {pid} is still running"):
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
    code = os.waitstatus_to_exitcode(status)
    if code != exitcode:
        raise AssertionError(f"process {pid} exited with code {code}, "
                             f"but exit code {exitcode} is expected")


def reap_children():
    """Reap child processes a test left behind, so that they are not zombies."""
    if not hasattr(os, "waitpid"):
        return
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except OSError:
            return
        if pid == 0:
            return


# --- files and names -------------------------------------------------------

def findfile(filename, subdir=None):
    """The path of a test data file: looked up beside the tests, then on
    sys.path; `filename` itself when not found."""
    if os.path.isabs(filename):
        return filename
    if subdir is not None:
        filename = os.path.join(subdir, filename)
    for folder in [TEST_HOME_DIR, *sys.path]:
        candidate = os.path.join(folder, filename)
        if os.path.exists(candidate):
            return candidate
    return filename


def sortdict(d):
    """A repr of dict `d` with its items sorted by key."""
    return "{" + ", ".join(f"{k!r}: {v!r}" for k, v in sorted(d.items())) + "}"


def get_attribute(obj, name):
    """getattr, or skip the test when `obj` has no attribute `name`."""
    try:
        return getattr(obj, name)
    except AttributeError:
        raise unittest.SkipTest(f"object {obj!r} has no attribute {name!r}")


def get_pagesize():
    try:
        return os.sysconf("SC_PAGESIZE")
    except (ValueError, AttributeError, OSError):
        return 4096


def open_urlresource(url, *args, **kw):
    raise ResourceDenied(f"no network access in this test run: {url}")


def check_syntax_error(testcase, statement, errtext="", *, lineno=None, offset=None):
    """Assert that compiling `statement` raises SyntaxError (matching the
    regular expression `errtext`, at lineno/offset when given)."""
    with testcase.assertRaisesRegex(SyntaxError, errtext) as caught:
        compile(statement, "<test string>", "exec")
    err = caught.exception
    testcase.assertIsNotNone(err.lineno)
    if lineno is not None:
        testcase.assertEqual(err.lineno, lineno)
    testcase.assertIsNotNone(err.offset)
    if offset is not None:
        testcase.assertEqual(err.offset, offset)


def check__all__(test_case, module, name_of_module=None, extra=(),
                 not_exported=()):
    """Assert that module.__all__ lists exactly the public names the module
    defines (names of functions and classes whose __module__ is one of
    `name_of_module`, plus `extra`, minus `not_exported`)."""
    if name_of_module is None:
        homes = {module.__name__}
    elif isinstance(name_of_module, str):
        homes = {name_of_module}
    else:
        homes = set(name_of_module)
    public = set(extra)
    for name, value in vars(module).items():
        if name.startswith("_") or name in not_exported:
            continue
        if getattr(value, "__module__", None) in homes:
            public.add(name)
    test_case.assertCountEqual(module.__all__, public)


def check_disallow_instantiation(testcase, tp, *args, **kwds):
    """Assert that calling type `tp` raises TypeError("cannot create '...'
    instances")."""
    qualname = f"{tp.__module__}.{tp.__name__}" if tp.__module__ != "builtins" else tp.__name__
    msg = f"cannot create '{__import__('re').escape(qualname)}' instances"
    testcase.assertRaisesRegex(TypeError, msg, tp, *args, **kwds)


def check_free_after_iterating(test, iter_factory, cls, args=()):
    """Assert that an iterator drops the object it iterates once exhausted."""
    freed = []

    class Tracked(cls):
        def __del__(self):
            freed.append(True)

    for _ in iter_factory(Tracked(*args)):
        pass
    gc_collect()
    test.assertTrue(freed)


def calcobjsize(fmt):
    raise unittest.SkipTest("object sizes are CPython's layout (sys.getsizeof)")


def calcvobjsize(fmt):
    raise unittest.SkipTest("object sizes are CPython's layout (sys.getsizeof)")


def check_sizeof(test, o, size):
    raise unittest.SkipTest("object sizes are CPython's layout (sys.getsizeof)")


def args_from_interpreter_flags():
    """Command-line options that reproduce this interpreter's sys.flags and
    warning options."""
    flags = sys.flags
    args = []
    for option, name in (("-d", "debug"), ("-E", "ignore_environment"),
                         ("-I", "isolated"), ("-s", "no_user_site"),
                         ("-S", "no_site"), ("-B", "dont_write_bytecode"),
                         ("-q", "quiet"), ("-b", "bytes_warning")):
        if getattr(flags, name, 0):
            args.append(option)
    args.extend(optim_args_from_interpreter_flags())
    for option in sys.warnoptions:
        args.append("-W" + option)
    for key, value in sys._xoptions.items():
        args.append("-X" + (key if value is True else f"{key}={value}"))
    return args


def optim_args_from_interpreter_flags():
    return ["-" + "O" * sys.flags.optimize] if sys.flags.optimize else []


class Matcher:
    """Matches a dict (such as a log record's __dict__) against the keyword
    values given: strings match as substrings, other values by equality."""

    def matches(self, d, **kwargs):
        return all(self.match_value(key, d.get(key), value)
                   for key, value in kwargs.items())

    def match_value(self, key, dv, v):
        if type(v) is not type(dv):
            return False
        if isinstance(v, str) and key != "message":
            return v in dv
        return v == dv


def detect_api_mismatch(ref_api, other_api, *, ignore=()):
    """Public names of `ref_api` that `other_api` lacks."""
    missing = set()
    for name in dir(ref_api):
        if name.startswith("_") and not (name.startswith("__") and name.endswith("__")):
            continue
        if name not in ignore and not hasattr(other_api, name):
            missing.add(name)
    return missing


# --- running tests ---------------------------------------------------------

def _suite_of(*classes_or_modules):
    loader = unittest.defaultTestLoader
    suite = unittest.TestSuite()
    for item in classes_or_modules:
        if isinstance(item, str):
            item = sys.modules[item]
        if isinstance(item, unittest.TestSuite) or isinstance(item, unittest.TestCase):
            suite.addTest(item)
        elif isinstance(item, type) and issubclass(item, unittest.TestCase):
            suite.addTest(loader.loadTestsFromTestCase(item))
        else:
            suite.addTest(loader.loadTestsFromModule(item))
    return suite


def run_unittest(*classes):
    """Run the tests of the given TestCase classes, modules (or module
    names) and suites; raise TestFailed if any fails."""
    runner = unittest.TextTestRunner(sys.stdout, verbosity=2 if verbose else 1)
    result = runner.run(_suite_of(*classes))
    if not result.wasSuccessful():
        if len(result.errors) == 1 and not result.failures:
            detail = result.errors[0][1]
        elif len(result.failures) == 1 and not result.errors:
            detail = result.failures[0][1]
        else:
            detail = "multiple errors occurred"
        raise TestFailed(detail)
    return result


def run_doctest(module, verbosity=None, optionflags=0):
    import doctest
    failed, attempted = doctest.testmod(module, verbose=verbosity or None,
                                        optionflags=optionflags)
    if failed:
        raise TestFailed(f"{failed} of {attempted} doctests failed")
    return failed, attempted


def load_package_tests(pkg_dir, loader, standard_tests, pattern):
    """The load_tests protocol for a test package: discover its test_*.py."""
    if pattern is None:
        pattern = "test*"
    top_dir = os.path.dirname(os.path.dirname(pkg_dir))
    standard_tests.addTests(loader.discover(start_dir=pkg_dir, top_level_dir=top_dir,
                                            pattern=pattern))
    return standard_tests
