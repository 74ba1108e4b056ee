# `doctest`: runs the interactive examples found in docstrings and text
# files, and reports those whose output differs, as CPython 3.11 does.
#
# Examples are found by scanning lines (CPython uses regular expressions;
# the rules here are the same): a `>>> ` line and its `... ` lines are the
# source, and the non-blank lines after them, up to a blank line or the
# next `>>>`, are the expected output. Each example is compiled in "single"
# mode, so an expression statement prints its value, and run with
# sys.stdout captured.

import __future__
import difflib
import inspect
import os
import sys
import unittest
from io import StringIO
from collections import namedtuple

__all__ = [
    "register_optionflag", "DONT_ACCEPT_TRUE_FOR_1", "DONT_ACCEPT_BLANKLINE",
    "NORMALIZE_WHITESPACE", "ELLIPSIS", "SKIP", "IGNORE_EXCEPTION_DETAIL",
    "COMPARISON_FLAGS", "REPORT_UDIFF", "REPORT_CDIFF", "REPORT_NDIFF",
    "REPORT_ONLY_FIRST_FAILURE", "REPORTING_FLAGS", "FAIL_FAST",
    "Example", "DocTest", "DocTestParser", "DocTestFinder", "DocTestRunner",
    "OutputChecker", "DocTestFailure", "UnexpectedException", "DebugRunner",
    "testmod", "testfile", "run_docstring_examples",
    "DocTestSuite", "DocFileSuite", "set_unittest_reportflags",
    "script_from_examples", "testsource", "debug_src", "debug",
]

TestResults = namedtuple("TestResults", "failed attempted")

# -- Option flags ------------------------------------------------------------

OPTIONFLAGS_BY_NAME = {}


def register_optionflag(name):
    """The flag for option `name`, made (the next bit) if new."""
    return OPTIONFLAGS_BY_NAME.setdefault(name, 1 << len(OPTIONFLAGS_BY_NAME))


DONT_ACCEPT_TRUE_FOR_1 = register_optionflag("DONT_ACCEPT_TRUE_FOR_1")
DONT_ACCEPT_BLANKLINE = register_optionflag("DONT_ACCEPT_BLANKLINE")
NORMALIZE_WHITESPACE = register_optionflag("NORMALIZE_WHITESPACE")
ELLIPSIS = register_optionflag("ELLIPSIS")
SKIP = register_optionflag("SKIP")
IGNORE_EXCEPTION_DETAIL = register_optionflag("IGNORE_EXCEPTION_DETAIL")

COMPARISON_FLAGS = (DONT_ACCEPT_TRUE_FOR_1 | DONT_ACCEPT_BLANKLINE | NORMALIZE_WHITESPACE
                    | ELLIPSIS | SKIP | IGNORE_EXCEPTION_DETAIL)

REPORT_UDIFF = register_optionflag("REPORT_UDIFF")
REPORT_CDIFF = register_optionflag("REPORT_CDIFF")
REPORT_NDIFF = register_optionflag("REPORT_NDIFF")
REPORT_ONLY_FIRST_FAILURE = register_optionflag("REPORT_ONLY_FIRST_FAILURE")
FAIL_FAST = register_optionflag("FAIL_FAST")

REPORTING_FLAGS = REPORT_UDIFF | REPORT_CDIFF | REPORT_NDIFF | REPORT_ONLY_FIRST_FAILURE | FAIL_FAST

BLANKLINE_MARKER = "<BLANKLINE>"
ELLIPSIS_MARKER = "..."


# -- Utilities ---------------------------------------------------------------

def _extract_future_flags(globs):
    # The compiler flags of the __future__ features imported into globs.
    flags = 0
    for name in __future__.all_feature_names:
        feature = globs.get(name, None)
        if feature is getattr(__future__, name):
            flags |= feature.compiler_flag
    return flags


def _normalize_module(module, depth=2):
    # A module given as itself, by name, or (None) as the calling module.
    if inspect.ismodule(module):
        return module
    elif isinstance(module, str):
        return __import__(module, globals(), locals(), ["*"])
    elif module is None:
        return sys.modules[sys._getframe(depth).f_globals["__name__"]]
    else:
        raise TypeError("Expected a module, string, or None")


def _newline_convert(data):
    return data.replace("\r\n", "\n").replace("\r", "\n")


def _load_testfile(filename, package, module_relative, encoding):
    if module_relative:
        package = _normalize_module(package, 3)
        filename = _module_relative_path(package, filename)
        loader = getattr(package, "__loader__", None)
        if loader is None:
            try:
                loader = package.__spec__.loader
            except AttributeError:
                pass
        if hasattr(loader, "get_data"):
            return _newline_convert(loader.get_data(filename).decode(encoding)), filename
    with open(filename, encoding=encoding) as f:
        return f.read(), filename


def _indent(s, indent=4):
    # Every non-empty line of s, indented.
    prefix = " " * indent
    return "\n".join(prefix + line if line else line for line in s.split("\n"))


def _exception_traceback(exc_info):
    # The traceback text of an exc_info triple.
    import traceback
    out = StringIO()
    exc_type, exc_val, exc_tb = exc_info
    traceback.print_exception(exc_type, exc_val, exc_tb, file=out)
    return out.getvalue()


class _SpoofOut(StringIO):
    # The examples' stdout: what they print always ends with a newline (an
    # expected output cannot say one is missing).
    def getvalue(self):
        result = StringIO.getvalue(self)
        if result and not result.endswith("\n"):
            result += "\n"
        return result

    def truncate(self, size=None):
        self.seek(size)
        StringIO.truncate(self)


def _ellipsis_match(want, got):
    """Whether got matches want, where "..." in want matches any text."""
    if ELLIPSIS_MARKER not in want:
        return want == got
    pieces = want.split(ELLIPSIS_MARKER)
    start, end = 0, len(got)
    # The first and last pieces are anchored at the ends.
    if pieces[0]:
        if not got.startswith(pieces[0]):
            return False
        start = len(pieces[0])
        del pieces[0]
    if pieces[-1]:
        if not got.endswith(pieces[-1]):
            return False
        end -= len(pieces[-1])
        del pieces[-1]
    if start > end:
        return False
    # The others, leftmost first, without overlapping.
    for piece in pieces:
        start = got.find(piece, start, end)
        if start < 0:
            return False
        start += len(piece)
    return True


def _comment_line(line):
    line = line.rstrip()
    return "# " + line if line else "#"


def _strip_exception_details(msg):
    # For IGNORE_EXCEPTION_DETAIL: only the exception's name, without its
    # module path or message ("foo.bar.MyError: la di da" -> "MyError").
    start, end = 0, len(msg)
    i = msg.find("\n")
    if i >= 0:
        end = i
    i = msg.find(":", 0, end)
    if i >= 0:
        end = i
    i = msg.rfind(".", 0, end)
    if i >= 0:
        start = i + 1
    return msg[start:end]


def _module_relative_path(module, test_path):
    if not inspect.ismodule(module):
        raise TypeError("Expected a module: %r" % module)
    if test_path.startswith("/"):
        raise ValueError("Module-relative files may not have absolute paths")
    test_path = os.path.join(*(test_path.split("/")))
    if hasattr(module, "__file__"):
        basedir = os.path.split(module.__file__)[0]
    elif module.__name__ == "__main__":
        if len(sys.argv) > 0 and sys.argv[0] != "":
            basedir = os.path.split(sys.argv[0])[0]
        else:
            basedir = os.curdir
    else:
        if hasattr(module, "__path__"):
            for directory in module.__path__:
                fullpath = os.path.join(directory, test_path)
                if os.path.exists(fullpath):
                    return fullpath
        raise ValueError("Can't resolve paths relative to the module %r (it has no __file__)"
                         % module.__name__)
    return os.path.join(basedir, test_path)


def _to_ascii(s):
    # s with non-ASCII characters as backslash escapes (backslashreplace).
    out = []
    for c in s:
        code = ord(c)
        if code < 0x80:
            out.append(c)
        elif code < 0x100:
            out.append("\\x%02x" % code)
        elif code < 0x10000:
            out.append("\\u%04x" % code)
        else:
            out.append("\\U%08x" % code)
    return "".join(out)


def _is_word_char(c):
    return c.isalnum() or c == "_"


# -- Example and DocTest -------------------------------------------------------

class Example:
    """One example: `source` (a statement, ending with a newline), `want`
    (its expected output), `exc_msg` (the expected exception's message, or
    None), its 0-based `lineno` in the docstring, its `indent`, and the
    `options` its directives set."""

    def __init__(self, source, want, exc_msg=None, lineno=0, indent=0, options=None):
        if not source.endswith("\n"):
            source += "\n"
        if want and not want.endswith("\n"):
            want += "\n"
        if exc_msg is not None and not exc_msg.endswith("\n"):
            exc_msg += "\n"
        self.source = source
        self.want = want
        self.lineno = lineno
        self.indent = indent
        self.options = {} if options is None else options
        self.exc_msg = exc_msg

    def _key(self):
        return (self.source, self.want, self.lineno, self.indent, self.options, self.exc_msg)

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        return hash((self.source, self.want, self.lineno, self.indent, self.exc_msg))


class DocTest:
    """The examples of one docstring, run in one namespace (a copy of
    `globs`): with its `name`, `filename`, 0-based `lineno` and `docstring`."""

    def __init__(self, examples, globs, name, filename, lineno, docstring):
        assert not isinstance(examples, str), "DocTest no longer accepts str; use DocTestParser instead"
        self.examples = examples
        self.docstring = docstring
        self.globs = globs.copy()
        self.name = name
        self.filename = filename
        self.lineno = lineno

    def __repr__(self):
        if len(self.examples) == 0:
            examples = "no examples"
        elif len(self.examples) == 1:
            examples = "1 example"
        else:
            examples = "%d examples" % len(self.examples)
        return "<%s %s from %s:%s (%s)>" % (self.__class__.__name__, self.name, self.filename,
                                            self.lineno, examples)

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return (self.examples == other.examples and self.docstring == other.docstring
                and self.globs == other.globs and self.name == other.name
                and self.filename == other.filename and self.lineno == other.lineno)

    def __hash__(self):
        return hash((self.docstring, self.name, self.filename, self.lineno))

    def __lt__(self, other):
        # Sorted by name (then file, line and identity).
        if not isinstance(other, DocTest):
            return NotImplemented
        self_lineno = self.lineno if self.lineno is not None else -1
        other_lineno = other.lineno if other.lineno is not None else -1
        return ((self.name, self.filename, self_lineno, id(self))
                < (other.name, other.filename, other_lineno, id(other)))


# -- Parsing ---------------------------------------------------------------------

def _leading_spaces(line):
    return len(line) - len(line.lstrip(" "))


def _is_ps1(line):
    return line.lstrip(" ").startswith(">>>")


def _is_ps2(line):
    return line.lstrip(" ").startswith("...")


def _is_blank(line):
    return line.strip(" ") == ""


def _is_blank_or_comment(source):
    # A single line of spaces, optionally followed by a comment.
    if source.endswith("\n"):
        source = source[:-1]
    if "\n" in source:
        return False
    body = source.lstrip(" ")
    return body == "" or body.startswith("#")


def _exception_message(want):
    # The message of an expected traceback: from the first line after the
    # header that starts with a word character to the end; None when want
    # is not a traceback.
    lines = want.split("\n")
    header = lines[0].rstrip()
    if header not in ("Traceback (most recent call last):", "Traceback (innermost last):"):
        return None
    if not lines[0].startswith("Traceback"):
        return None
    offset = len(lines[0]) + 1
    for line in lines[1:]:
        if line and _is_word_char(line[0]):
            return want[offset:]
        offset += len(line) + 1
    return None


def _option_directives(source):
    # The option text of each `# doctest: ...` directive (a comment whose
    # rest of line has no quote).
    found = []
    for line in source.split("\n"):
        start = 0
        while True:
            i = line.find("#", start)
            if i < 0:
                break
            j = i + 1
            while j < len(line) and line[j].isspace():
                j += 1
            if line.startswith("doctest:", j):
                k = j + len("doctest:")
                while k < len(line) and line[k].isspace():
                    k += 1
                rest = line[k:]
                if "'" not in rest and '"' not in rest:
                    found.append(rest)
                    break
            start = i + 1
    return found


class DocTestParser:
    """Finds the examples in a string."""

    def parse(self, string, name="<string>"):
        """The string as a list alternating text and Examples (0-based line numbers)."""
        string = string.expandtabs()
        min_indent = self._min_indent(string)
        if min_indent > 0:
            string = "\n".join([line[min_indent:] for line in string.split("\n")])
        lines = string.split("\n")
        output = []
        text_start = 0  # offset of the text not yet output
        offset = 0      # offset of line i
        i = 0
        while i < len(lines):
            if not _is_ps1(lines[i]):
                offset += len(lines[i]) + 1
                i += 1
                continue
            # The example: its prompt lines, then the non-blank lines up to
            # a blank line or the next prompt, each with its newline.
            first = i
            indent = _leading_spaces(lines[i])
            i += 1
            while i < len(lines) and _is_ps2(lines[i]):
                i += 1
            source_lines = lines[first:i]
            while i < len(lines) and not _is_blank(lines[i]) and not _is_ps1(lines[i]):
                i += 1
            want_lines = lines[first + len(source_lines):i]
            end = min(offset + sum(len(line) + 1 for line in lines[first:i]), len(string))
            output.append(string[text_start:offset])
            source, options, want, exc_msg = self._parse_example(source_lines, want_lines, indent, name, first)
            if not _is_blank_or_comment(source):
                output.append(Example(source, want, exc_msg, lineno=first,
                                      indent=min_indent + indent, options=options))
            text_start = offset = end
        output.append(string[text_start:])
        return output

    def get_doctest(self, string, globs, name, filename, lineno):
        """A DocTest of the examples in string."""
        return DocTest(self.get_examples(string, name), globs, name, filename, lineno, string)

    def get_examples(self, string, name="<string>"):
        """The Examples in string."""
        return [x for x in self.parse(string, name) if isinstance(x, Example)]

    def _parse_example(self, source_lines, want_lines, indent, name, lineno):
        # (source, options, want, exc_msg), prompts and indentation removed,
        # after checking the prompts are followed by a blank and the lines
        # are indented alike.
        self._check_prompt_blank(source_lines, indent, name, lineno)
        self._check_prefix(source_lines[1:], " " * indent + ".", name, lineno)
        source = "\n".join([line[indent + 4:] for line in source_lines])
        self._check_prefix(want_lines, " " * indent, name, lineno + len(source_lines))
        want = "\n".join([line[indent:] for line in want_lines])
        exc_msg = _exception_message(want)
        options = self._find_options(source, name, lineno)
        return source, options, want, exc_msg

    def _find_options(self, source, name, lineno):
        options = {}
        for directive in _option_directives(source):
            for option in directive.replace(",", " ").split():
                if option[0] not in "+-" or option[1:] not in OPTIONFLAGS_BY_NAME:
                    raise ValueError("line %r of the doctest for %s has an invalid option: %r"
                                     % (lineno + 1, name, option))
                options[OPTIONFLAGS_BY_NAME[option[1:]]] = option[0] == "+"
        if options and _is_blank_or_comment(source):
            raise ValueError("line %r of the doctest for %s has an option directive on a line "
                             "with no example: %r" % (lineno, name, source))
        return options

    def _min_indent(self, s):
        "Return the minimum indentation of any non-blank line in `s`"
        indents = []
        for line in s.split("\n"):
            body = line.lstrip(" ")
            if body and not body[0].isspace():
                indents.append(len(line) - len(body))
        return min(indents) if indents else 0

    def _check_prompt_blank(self, lines, indent, name, lineno):
        for i, line in enumerate(lines):
            if len(line) >= indent + 4 and line[indent + 3] != " ":
                raise ValueError("line %r of the docstring for %s lacks blank after %s: %r"
                                 % (lineno + i + 1, name, line[indent:indent + 3], line))

    def _check_prefix(self, lines, prefix, name, lineno):
        for i, line in enumerate(lines):
            if line and not line.startswith(prefix):
                raise ValueError("line %r of the docstring for %s has inconsistent leading whitespace: %r"
                                 % (lineno + i + 1, name, line))


# -- Finding tests ---------------------------------------------------------------

def _source_lines(file, module):
    try:
        import linecache
    except ImportError:
        linecache = None
    if linecache is not None:
        if module is not None:
            return linecache.getlines(file, module.__dict__)
        return linecache.getlines(file)
    # A towel without linecache reads the file itself.
    try:
        with open(file, encoding="utf-8") as f:
            return f.readlines()
    except (OSError, UnicodeDecodeError):
        return []


def _starts_docstring(line):
    # Whether a string literal starts the line, or follows a colon on it.
    starts = [0] + [i + 1 for i, c in enumerate(line) if c == ":"]
    for start in starts:
        j = start
        while j < len(line) and line[j].isspace():
            j += 1
        while j < len(line) and _is_word_char(line[j]):
            j += 1
        if j < len(line) and line[j] in "\"'":
            return True
    return False


def _is_class_line(line, name):
    body = line.lstrip()
    if not body.startswith("class"):
        return False
    body = body[5:].lstrip()
    if not body.startswith(name):
        return False
    after = body[len(name):]
    return not after or not _is_word_char(after[0])


def _is_method_wrapper(obj):
    check = getattr(inspect, "ismethodwrapper", None)
    return check(obj) if check is not None else False


class DocTestFinder:
    """Finds the DocTests of an object's docstring and, recursively, of the
    functions, classes, methods and properties it contains (and a module's
    __test__ dict)."""

    def __init__(self, verbose=False, parser=DocTestParser(), recurse=True, exclude_empty=True):
        self._parser = parser
        self._verbose = verbose
        self._recurse = recurse
        self._exclude_empty = exclude_empty

    def find(self, obj, name=None, module=None, globs=None, extraglobs=None):
        """The DocTests of obj and what it contains, sorted by name. Objects
        defined outside `module` (found if not given; False: none) are
        skipped; each test's globals are a copy of globs (by default the
        module's), updated with extraglobs."""
        if name is None:
            name = getattr(obj, "__name__", None)
            if name is None:
                raise ValueError("DocTestFinder.find: name must be given when obj.__name__ doesn't exist: %r"
                                 % (type(obj),))
        if module is False:
            module = None
        elif module is None:
            module = inspect.getmodule(obj)
        try:
            file = inspect.getsourcefile(obj)
        except TypeError:
            source_lines = None
        else:
            if not file:
                file = inspect.getfile(obj)
                if not file[0] + file[-2:] == "<]>":
                    file = None
            if file is None:
                source_lines = None
            else:
                source_lines = _source_lines(file, module) or None
        if globs is None:
            globs = {} if module is None else module.__dict__.copy()
        else:
            globs = globs.copy()
        if extraglobs is not None:
            globs.update(extraglobs)
        if "__name__" not in globs:
            globs["__name__"] = "__main__"
        tests = []
        self._find(tests, obj, name, module, source_lines, globs, {})
        tests.sort()
        return tests

    def _from_module(self, module, object):
        """Whether object is defined in module."""
        if module is None:
            return True
        elif inspect.getmodule(object) is not None:
            return module is inspect.getmodule(object)
        elif inspect.isfunction(object):
            return module.__dict__ is object.__globals__
        elif inspect.ismethoddescriptor(object) or _is_method_wrapper(object):
            if hasattr(object, "__objclass__"):
                obj_mod = object.__objclass__.__module__
            elif hasattr(object, "__module__"):
                obj_mod = object.__module__
            else:
                return True
            return module.__name__ == obj_mod
        elif inspect.isclass(object):
            return module.__name__ == object.__module__
        elif hasattr(object, "__module__"):
            return module.__name__ == object.__module__
        elif isinstance(object, property):
            return True
        else:
            raise ValueError("object must be a class or function")

    def _is_routine(self, obj):
        maybe_routine = obj
        try:
            maybe_routine = inspect.unwrap(maybe_routine)
        except ValueError:
            pass
        return inspect.isroutine(maybe_routine)

    def _find(self, tests, obj, name, module, source_lines, globs, seen):
        if self._verbose:
            print("Finding tests in %s" % name)
        if id(obj) in seen:
            return
        seen[id(obj)] = 1
        test = self._get_test(obj, name, module, globs, source_lines)
        if test is not None:
            tests.append(test)
        if not self._recurse:
            return
        if inspect.ismodule(obj):
            for valname, val in obj.__dict__.items():
                valname = "%s.%s" % (name, valname)
                if (self._is_routine(val) or inspect.isclass(val)) and self._from_module(module, val):
                    self._find(tests, val, valname, module, source_lines, globs, seen)
            for valname, val in getattr(obj, "__test__", {}).items():
                if not isinstance(valname, str):
                    raise ValueError("DocTestFinder.find: __test__ keys must be strings: %r" % (type(valname),))
                if not (inspect.isroutine(val) or inspect.isclass(val) or inspect.ismodule(val)
                        or isinstance(val, str)):
                    raise ValueError("DocTestFinder.find: __test__ values must be strings, functions, "
                                     "methods, classes, or modules: %r" % (type(val),))
                valname = "%s.__test__.%s" % (name, valname)
                self._find(tests, val, valname, module, source_lines, globs, seen)
        if inspect.isclass(obj):
            for valname, val in obj.__dict__.items():
                if isinstance(val, (staticmethod, classmethod)):
                    val = val.__func__
                if ((inspect.isroutine(val) or inspect.isclass(val) or isinstance(val, property))
                        and self._from_module(module, val)):
                    valname = "%s.%s" % (name, valname)
                    self._find(tests, val, valname, module, source_lines, globs, seen)

    def _get_test(self, obj, name, module, globs, source_lines):
        # The DocTest of obj's docstring, or None when it has none.
        if isinstance(obj, str):
            docstring = obj
        else:
            try:
                docstring = obj.__doc__
                if docstring is None:
                    docstring = ""
                elif not isinstance(docstring, str):
                    docstring = str(docstring)
            except (TypeError, AttributeError):
                docstring = ""
        lineno = self._find_lineno(obj, source_lines)
        if self._exclude_empty and not docstring:
            return None
        if module is None:
            filename = None
        else:
            filename = getattr(module, "__file__", None) or module.__name__
            if filename[-4:] == ".pyc":
                filename = filename[:-1]
        return self._parser.get_doctest(docstring, globs, name, filename, lineno)

    def _find_lineno(self, obj, source_lines):
        # The 0-based line of obj's docstring in its file, or None.
        lineno = None
        docstring = getattr(obj, "__doc__", None)
        if inspect.ismodule(obj) and docstring is not None:
            lineno = 0
        if inspect.isclass(obj) and docstring is not None:
            if source_lines is None:
                return None
            class_name = getattr(obj, "__name__", "-")
            for i, line in enumerate(source_lines):
                if _is_class_line(line, class_name):
                    lineno = i
                    break
        if inspect.ismethod(obj):
            obj = obj.__func__
        if inspect.isfunction(obj) and getattr(obj, "__doc__", None):
            obj = obj.__code__
        if inspect.istraceback(obj):
            obj = obj.tb_frame
        if inspect.isframe(obj):
            obj = obj.f_code
        if inspect.iscode(obj):
            lineno = obj.co_firstlineno - 1
        if lineno is not None:
            if source_lines is None:
                return lineno + 1
            for lineno in range(lineno, len(source_lines)):
                if _starts_docstring(source_lines[lineno]):
                    return lineno
        return None


# -- Running ---------------------------------------------------------------------

class DocTestRunner:
    """Runs DocTests, reports failures (everything, when verbose) through
    `out`, and keeps counts per test name for `summarize`."""

    DIVIDER = "*" * 70

    def __init__(self, checker=None, verbose=None, optionflags=0):
        self._checker = checker or OutputChecker()
        if verbose is None:
            verbose = "-v" in sys.argv
        self._verbose = verbose
        self.optionflags = optionflags
        self.original_optionflags = optionflags
        self.tries = 0
        self.failures = 0
        self._name2ft = {}
        self._fakeout = _SpoofOut()

    def report_start(self, out, test, example):
        """Shows the example about to run (when verbose)."""
        if self._verbose:
            if example.want:
                out("Trying:\n" + _indent(example.source) + "Expecting:\n" + _indent(example.want))
            else:
                out("Trying:\n" + _indent(example.source) + "Expecting nothing\n")

    def report_success(self, out, test, example, got):
        """Shows that the example passed (when verbose)."""
        if self._verbose:
            out("ok\n")

    def report_failure(self, out, test, example, got):
        """Shows an example whose output differed."""
        out(self._failure_header(test, example)
            + self._checker.output_difference(example, got, self.optionflags))

    def report_unexpected_exception(self, out, test, example, exc_info):
        """Shows an example that raised unexpectedly."""
        out(self._failure_header(test, example) + "Exception raised:\n"
            + _indent(_exception_traceback(exc_info)))

    def _failure_header(self, test, example):
        lines = [self.DIVIDER]
        if test.filename:
            if test.lineno is not None and example.lineno is not None:
                lineno = test.lineno + example.lineno + 1
            else:
                lineno = "?"
            lines.append('File "%s", line %s, in %s' % (test.filename, lineno, test.name))
        else:
            lines.append("Line %s, in %s" % (example.lineno + 1, test.name))
        lines.append("Failed example:")
        lines.append(_indent(example.source))
        return "\n".join(lines)

    def __run(self, test, compileflags, out):
        # Runs the examples in test.globs; returns TestResults.
        failures = tries = 0
        original_optionflags = self.optionflags
        check = self._checker.check_output
        for examplenum, example in enumerate(test.examples):
            quiet = self.optionflags & REPORT_ONLY_FIRST_FAILURE and failures > 0
            self.optionflags = original_optionflags
            for flag, on in example.options.items():
                if on:
                    self.optionflags |= flag
                else:
                    self.optionflags &= ~flag
            if self.optionflags & SKIP:
                continue
            tries += 1
            if not quiet:
                self.report_start(out, test, example)
            # A name that linecache (patched below) answers with the source.
            filename = "<doctest %s[%d]>" % (test.name, examplenum)
            try:
                exec(compile(example.source, filename, "single", compileflags, True), test.globs)
                exception = None
            except KeyboardInterrupt:
                raise
            except:
                exception = sys.exc_info()
            got = self._fakeout.getvalue()
            self._fakeout.truncate(0)
            if exception is None:
                passed = check(example.want, got, self.optionflags)
                outcome = "success" if passed else "failure"
            else:
                exc_msg = self._exception_only(exception)
                if not quiet:
                    got += _exception_traceback(exception)
                if example.exc_msg is None:
                    outcome = "boom"
                elif check(example.exc_msg, exc_msg, self.optionflags):
                    outcome = "success"
                elif (self.optionflags & IGNORE_EXCEPTION_DETAIL
                      and check(_strip_exception_details(example.exc_msg),
                                _strip_exception_details(exc_msg), self.optionflags)):
                    outcome = "success"
                else:
                    outcome = "failure"
            if outcome == "success":
                if not quiet:
                    self.report_success(out, test, example, got)
            elif outcome == "failure":
                if not quiet:
                    self.report_failure(out, test, example, got)
                failures += 1
            else:
                if not quiet:
                    self.report_unexpected_exception(out, test, example, exception)
                failures += 1
            if failures and self.optionflags & FAIL_FAST:
                break
        self.optionflags = original_optionflags
        self.__record_outcome(test, failures, tries)
        return TestResults(failures, tries)

    def _exception_only(self, exception):
        # The exception's last lines as traceback.format_exception_only
        # gives them; for a SyntaxError, from its "Name:" line on (the
        # source line and carets are not compared).
        import traceback
        formatted = traceback.format_exception_only(*exception[:2])
        if issubclass(exception[0], SyntaxError):
            prefixes = (f"{exception[0].__qualname__}:",
                        f"{exception[0].__module__}.{exception[0].__qualname__}:")
            first = next(index for index, line in enumerate(formatted) if line.startswith(prefixes))
            formatted = formatted[first:]
        return "".join(formatted)

    def __record_outcome(self, test, f, t):
        f2, t2 = self._name2ft.get(test.name, (0, 0))
        self._name2ft[test.name] = (f + f2, t + t2)
        self.failures += f
        self.tries += t

    def __patched_linecache_getlines(self, filename, module_globals=None):
        # The source of this test's examples, by their <doctest ...> names.
        prefix = "<doctest %s[" % self.test.name
        if filename.startswith(prefix) and filename.endswith("]>"):
            number = filename[len(prefix):-2]
            if number.isdigit():
                return self.test.examples[int(number)].source.splitlines(keepends=True)
        return self.save_linecache_getlines(filename, module_globals)

    def run(self, test, compileflags=None, out=None, clear_globs=True):
        """Runs test's examples in test.globs (cleared afterwards unless
        clear_globs is false), writing reports with `out` (sys.stdout.write
        by default); returns TestResults(failed, attempted)."""
        self.test = test
        if compileflags is None:
            compileflags = _extract_future_flags(test.globs)
        save_stdout = sys.stdout
        if out is None:
            encoding = getattr(save_stdout, "encoding", None)
            if encoding is None or encoding.lower() == "utf-8":
                out = save_stdout.write
            else:
                def out(s):
                    save_stdout.write(str(s.encode(encoding, "backslashreplace"), encoding))
        sys.stdout = self._fakeout
        try:
            import linecache
        except ImportError:
            linecache = None
        if linecache is not None:
            self.save_linecache_getlines = linecache.getlines
            linecache.getlines = self.__patched_linecache_getlines
        # Expression results print through the default display hook.
        save_displayhook = getattr(sys, "displayhook", None)
        if save_displayhook is not None:
            sys.displayhook = sys.__displayhook__
        try:
            return self.__run(test, compileflags, out)
        finally:
            sys.stdout = save_stdout
            if linecache is not None:
                linecache.getlines = self.save_linecache_getlines
            if save_displayhook is not None:
                sys.displayhook = save_displayhook
            if clear_globs:
                test.globs.clear()
                try:
                    import builtins
                except ImportError:
                    pass
                else:
                    builtins._ = None

    def summarize(self, verbose=None):
        """Prints a summary of the tests run (brief unless verbose) and
        returns TestResults(failed, attempted)."""
        if verbose is None:
            verbose = self._verbose
        notests = []
        passed = []
        failed = []
        totalt = totalf = 0
        for name, (f, t) in self._name2ft.items():
            assert f <= t
            totalt += t
            totalf += f
            if t == 0:
                notests.append(name)
            elif f == 0:
                passed.append((name, t))
            else:
                failed.append((name, (f, t)))
        if verbose:
            if notests:
                print(len(notests), "items had no tests:")
                notests.sort()
                for thing in notests:
                    print("   ", thing)
            if passed:
                print(len(passed), "items passed all tests:")
                passed.sort()
                for thing, count in passed:
                    print(" %3d tests in %s" % (count, thing))
        if failed:
            print(self.DIVIDER)
            print(len(failed), "items had failures:")
            failed.sort()
            for thing, (f, t) in failed:
                print(" %3d of %3d in %s" % (f, t, thing))
        if verbose:
            print(totalt, "tests in", len(self._name2ft), "items.")
            print(totalt - totalf, "passed and", totalf, "failed.")
        if totalf:
            print("***Test Failed***", totalf, "failures.")
        elif verbose:
            print("Test passed.")
        return TestResults(totalf, totalt)

    def merge(self, other):
        d = self._name2ft
        for name, (f, t) in other._name2ft.items():
            if name in d:
                f2, t2 = d[name]
                f, t = f + f2, t + t2
            d[name] = f, t


def _blank_whitespace_lines(text):
    # Lines of only spaces and tabs (not newlines) become empty.
    return "\n".join("" if line and not line.strip(" \t\x0b\x0c\r") else line
                     for line in text.split("\n"))


def _drop_blankline_markers(text):
    # A line that is <BLANKLINE> (and whitespace) becomes empty.
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith(BLANKLINE_MARKER) and line[len(BLANKLINE_MARKER):].strip() == "":
            lines[i] = ""
    return "\n".join(lines)


def _mark_blank_lines(text):
    # Lines of spaces that a newline ends show as <BLANKLINE>.
    lines = text.split("\n")
    for i in range(len(lines) - 1):
        if lines[i].strip(" ") == "":
            lines[i] = BLANKLINE_MARKER
    return "\n".join(lines)


class OutputChecker:
    """Decides whether an example's output matches what was expected
    (check_output), and describes how it differs (output_difference)."""

    def _toAscii(self, s):
        return _to_ascii(s)

    def check_output(self, want, got, optionflags):
        """Whether got matches want under the option flags."""
        got = self._toAscii(got)
        want = self._toAscii(want)
        if got == want:
            return True
        if not optionflags & DONT_ACCEPT_TRUE_FOR_1:
            if (got, want) == ("True\n", "1\n") or (got, want) == ("False\n", "0\n"):
                return True
        if not optionflags & DONT_ACCEPT_BLANKLINE:
            want = _drop_blankline_markers(want)
            got = _blank_whitespace_lines(got)
            if got == want:
                return True
        if optionflags & NORMALIZE_WHITESPACE:
            got = " ".join(got.split())
            want = " ".join(want.split())
            if got == want:
                return True
        if optionflags & ELLIPSIS:
            if _ellipsis_match(want, got):
                return True
        return False

    def _do_a_fancy_diff(self, want, got, optionflags):
        if not optionflags & (REPORT_UDIFF | REPORT_CDIFF | REPORT_NDIFF):
            return False
        if optionflags & REPORT_NDIFF:
            return True
        # The other diffs need a few lines to help.
        return want.count("\n") > 2 and got.count("\n") > 2

    def output_difference(self, example, got, optionflags):
        """The expected and actual output, or a diff of them when a
        REPORT_*DIFF flag asks for one."""
        want = example.want
        if not optionflags & DONT_ACCEPT_BLANKLINE:
            got = _mark_blank_lines(got)
        if self._do_a_fancy_diff(want, got, optionflags):
            want_lines = want.splitlines(keepends=True)
            got_lines = got.splitlines(keepends=True)
            if optionflags & REPORT_UDIFF:
                diff = list(difflib.unified_diff(want_lines, got_lines, n=2))[2:]
                kind = "unified diff with -expected +actual"
            elif optionflags & REPORT_CDIFF:
                diff = list(difflib.context_diff(want_lines, got_lines, n=2))[2:]
                kind = "context diff with expected followed by actual"
            else:
                engine = difflib.Differ(charjunk=difflib.IS_CHARACTER_JUNK)
                diff = list(engine.compare(want_lines, got_lines))
                kind = "ndiff with -expected +actual"
            return "Differences (%s):\n" % kind + _indent("".join(diff))
        if want and got:
            return "Expected:\n%sGot:\n%s" % (_indent(want), _indent(got))
        elif want:
            return "Expected:\n%sGot nothing\n" % _indent(want)
        elif got:
            return "Expected nothing\nGot:\n%s" % _indent(got)
        return "Expected nothing\nGot nothing\n"


class DocTestFailure(Exception):
    """An example failed under DebugRunner: `test`, `example`, `got`."""

    def __init__(self, test, example, got):
        self.test = test
        self.example = example
        self.got = got

    def __str__(self):
        return str(self.test)


class UnexpectedException(Exception):
    """An example raised under DebugRunner: `test`, `example`, `exc_info`."""

    def __init__(self, test, example, exc_info):
        self.test = test
        self.example = example
        self.exc_info = exc_info

    def __str__(self):
        return str(self.test)


class DebugRunner(DocTestRunner):
    """A runner that raises at the first failure: UnexpectedException for
    an exception, DocTestFailure for output that differs."""

    def run(self, test, compileflags=None, out=None, clear_globs=True):
        r = DocTestRunner.run(self, test, compileflags, out, False)
        if clear_globs:
            test.globs.clear()
        return r

    def report_unexpected_exception(self, out, test, example, exc_info):
        raise UnexpectedException(test, example, exc_info)

    def report_failure(self, out, test, example, got):
        raise DocTestFailure(test, example, got)


# -- The test functions ------------------------------------------------------------

master = None


def testmod(m=None, name=None, globs=None, verbose=None, report=True, optionflags=0,
            extraglobs=None, raise_on_error=False, exclude_empty=False):
    """Runs the examples in the docstrings of module m (__main__ by
    default) and of what it defines, and in its __test__ dict; prints a
    summary if report; returns TestResults(failed, attempted)."""
    global master
    if m is None:
        m = sys.modules.get("__main__")
    if not inspect.ismodule(m):
        raise TypeError("testmod: module required; %r" % (m,))
    if name is None:
        name = m.__name__
    finder = DocTestFinder(exclude_empty=exclude_empty)
    if raise_on_error:
        runner = DebugRunner(verbose=verbose, optionflags=optionflags)
    else:
        runner = DocTestRunner(verbose=verbose, optionflags=optionflags)
    for test in finder.find(m, name, globs=globs, extraglobs=extraglobs):
        runner.run(test)
    if report:
        runner.summarize()
    if master is None:
        master = runner
    else:
        master.merge(runner)
    return TestResults(runner.failures, runner.tries)


def testfile(filename, module_relative=True, name=None, package=None, globs=None, verbose=None,
             report=True, optionflags=0, extraglobs=None, raise_on_error=False, parser=DocTestParser(),
             encoding=None):
    """Runs the examples in a text file (relative to the calling module,
    or to package, unless module_relative is false); returns
    TestResults(failed, attempted)."""
    global master
    if package and not module_relative:
        raise ValueError("Package may only be specified for module-relative paths.")
    text, filename = _load_testfile(filename, package, module_relative, encoding or "utf-8")
    if name is None:
        name = os.path.basename(filename)
    globs = {} if globs is None else globs.copy()
    if extraglobs is not None:
        globs.update(extraglobs)
    if "__name__" not in globs:
        globs["__name__"] = "__main__"
    if raise_on_error:
        runner = DebugRunner(verbose=verbose, optionflags=optionflags)
    else:
        runner = DocTestRunner(verbose=verbose, optionflags=optionflags)
    runner.run(parser.get_doctest(text, globs, name, filename, 0))
    if report:
        runner.summarize()
    if master is None:
        master = runner
    else:
        master.merge(runner)
    return TestResults(runner.failures, runner.tries)


def run_docstring_examples(f, globs, verbose=False, name="NoName", compileflags=None, optionflags=0):
    """Runs the examples in f's docstring (only), with globals globs."""
    finder = DocTestFinder(verbose=verbose, recurse=False)
    runner = DocTestRunner(verbose=verbose, optionflags=optionflags)
    for test in finder.find(f, name, globs=globs):
        runner.run(test, compileflags=compileflags)


# -- unittest support --------------------------------------------------------------

_unittest_reportflags = 0


def set_unittest_reportflags(flags):
    """Sets the reporting flags DocTestCases use when given none; returns the old ones."""
    global _unittest_reportflags
    if (flags & REPORTING_FLAGS) != flags:
        raise ValueError("Only reporting flags allowed", flags)
    old = _unittest_reportflags
    _unittest_reportflags = flags
    return old


class DocTestCase(unittest.TestCase):
    """A unittest test case that runs one DocTest."""

    def __init__(self, test, optionflags=0, setUp=None, tearDown=None, checker=None):
        unittest.TestCase.__init__(self)
        self._dt_optionflags = optionflags
        self._dt_checker = checker
        self._dt_globs = test.globs.copy()
        self._dt_test = test
        self._dt_setUp = setUp
        self._dt_tearDown = tearDown

    def setUp(self):
        if self._dt_setUp is not None:
            self._dt_setUp(self._dt_test)

    def tearDown(self):
        test = self._dt_test
        if self._dt_tearDown is not None:
            self._dt_tearDown(test)
        test.globs.clear()
        test.globs.update(self._dt_globs)

    def runTest(self):
        test = self._dt_test
        old = sys.stdout
        new = StringIO()
        optionflags = self._dt_optionflags
        if not optionflags & REPORTING_FLAGS:
            optionflags |= _unittest_reportflags
        runner = DocTestRunner(optionflags=optionflags, checker=self._dt_checker, verbose=False)
        try:
            runner.DIVIDER = "-" * 70
            failures, tries = runner.run(test, out=new.write, clear_globs=False)
        finally:
            sys.stdout = old
        if failures:
            raise self.failureException(self.format_failure(new.getvalue()))

    def format_failure(self, err):
        test = self._dt_test
        lineno = "unknown line number" if test.lineno is None else "%s" % test.lineno
        lname = ".".join(test.name.split(".")[-1:])
        return ("Failed doctest test for %s\n"
                '  File "%s", line %s, in %s\n\n%s' % (test.name, test.filename, lineno, lname, err))

    def debug(self):
        """Runs the test with a DebugRunner, letting failures out as exceptions."""
        self.setUp()
        runner = DebugRunner(optionflags=self._dt_optionflags, checker=self._dt_checker, verbose=False)
        runner.run(self._dt_test, clear_globs=False)
        self.tearDown()

    def id(self):
        return self._dt_test.name

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return (self._dt_test == other._dt_test and self._dt_optionflags == other._dt_optionflags
                and self._dt_setUp == other._dt_setUp and self._dt_tearDown == other._dt_tearDown
                and self._dt_checker == other._dt_checker)

    def __hash__(self):
        return hash((self._dt_optionflags, self._dt_setUp, self._dt_tearDown, self._dt_checker))

    def __repr__(self):
        name = self._dt_test.name.split(".")
        return "%s (%s)" % (name[-1], ".".join(name[:-1]))

    __str__ = object.__str__

    def shortDescription(self):
        return "Doctest: " + self._dt_test.name


class SkipDocTestCase(DocTestCase):
    def __init__(self, module):
        self.module = module
        DocTestCase.__init__(self, None)

    def setUp(self):
        self.skipTest("DocTestSuite will not work with -O2 and above")

    def test_skip(self):
        pass

    def shortDescription(self):
        return "Skipping tests from %s" % self.module.__name__

    __str__ = shortDescription


class _DocTestSuite(unittest.TestSuite):
    # Keeps its tests after running them.
    def _removeTestAtIndex(self, index):
        pass


def DocTestSuite(module=None, globs=None, extraglobs=None, test_finder=None, **options):
    """A unittest suite with a DocTestCase for each docstring of module
    (the calling module by default) that has examples. `options` go to the
    test cases: setUp, tearDown, optionflags, checker."""
    if test_finder is None:
        test_finder = DocTestFinder()
    module = _normalize_module(module)
    tests = test_finder.find(module, globs=globs, extraglobs=extraglobs)
    if not tests and sys.flags.optimize >= 2:
        suite = _DocTestSuite()
        suite.addTest(SkipDocTestCase(module))
        return suite
    tests.sort()
    suite = _DocTestSuite()
    for test in tests:
        if len(test.examples) == 0:
            continue
        if not test.filename:
            filename = module.__file__
            if filename[-4:] == ".pyc":
                filename = filename[:-1]
            test.filename = filename
        suite.addTest(DocTestCase(test, **options))
    return suite


class DocFileCase(DocTestCase):

    def id(self):
        return "_".join(self._dt_test.name.split("."))

    def __repr__(self):
        return self._dt_test.filename

    def format_failure(self, err):
        return 'Failed doctest test for %s\n  File "%s", line 0\n\n%s' % (
            self._dt_test.name, self._dt_test.filename, err)


def DocFileTest(path, module_relative=True, package=None, globs=None, parser=DocTestParser(),
                encoding=None, **options):
    globs = {} if globs is None else globs.copy()
    if package and not module_relative:
        raise ValueError("Package may only be specified for module-relative paths.")
    doc, path = _load_testfile(path, package, module_relative, encoding or "utf-8")
    if "__file__" not in globs:
        globs["__file__"] = path
    name = os.path.basename(path)
    return DocFileCase(parser.get_doctest(doc, globs, name, path, 0), **options)


def DocFileSuite(*paths, **kw):
    """A unittest suite of DocFileCases for text files (paths relative to
    the calling module, or to `package`, unless module_relative=False)."""
    suite = _DocTestSuite()
    if kw.get("module_relative", True):
        kw["package"] = _normalize_module(kw.get("package"))
    for path in paths:
        suite.addTest(DocFileTest(path, **kw))
    return suite


# -- Scripts from examples ---------------------------------------------------------

def script_from_examples(s):
    """s as a Python script: examples become code, the rest comments."""
    output = []
    for piece in DocTestParser().parse(s):
        if isinstance(piece, Example):
            output.append(piece.source[:-1])
            want = piece.want
            if want:
                output.append("# Expected:")
                output += ["## " + line for line in want.split("\n")[:-1]]
        else:
            output += [_comment_line(line) for line in piece.split("\n")[:-1]]
    while output and output[-1] == "#":
        output.pop()
    while output and output[0] == "#":
        output.pop(0)
    return "\n".join(output) + "\n"


def testsource(module, name):
    """The script made from the examples of the docstring of `name` in module."""
    module = _normalize_module(module)
    tests = DocTestFinder().find(module)
    test = [t for t in tests if t.name == name]
    if not test:
        raise ValueError(name, "not found in tests")
    return script_from_examples(test[0].docstring)


def debug_src(src, pm=False, globs=None):
    """Debug a single doctest docstring, in argument `src`'"""
    debug_script(script_from_examples(src), pm, globs)


def debug_script(src, pm=False, globs=None):
    raise NotImplementedError("doctest.debug_script: towel has no pdb")


def debug(module, name, pm=False):
    raise NotImplementedError("doctest.debug: towel has no pdb")


# -- Command line --------------------------------------------------------------------

def _test():
    import argparse
    parser = argparse.ArgumentParser(description="doctest runner")
    parser.add_argument("-v", "--verbose", action="store_true", default=False,
                        help="print very verbose output for all tests")
    parser.add_argument("-o", "--option", action="append", choices=OPTIONFLAGS_BY_NAME.keys(), default=[],
                        help=("specify a doctest option flag to apply to the test run; may be "
                              "specified more than once to apply multiple options"))
    parser.add_argument("-f", "--fail-fast", action="store_true",
                        help=("stop running tests after first failure (this is a shorthand for "
                              "-o FAIL_FAST, and is in addition to any other -o options)"))
    parser.add_argument("file", nargs="+", help="file containing the tests to run")
    args = parser.parse_args()
    options = 0
    for option in args.option:
        options |= OPTIONFLAGS_BY_NAME[option]
    if args.fail_fast:
        options |= FAIL_FAST
    for filename in args.file:
        if filename.endswith(".py"):
            # A module: imported from its directory.
            dirname, filename = os.path.split(filename)
            sys.path.insert(0, dirname)
            m = __import__(filename[:-3])
            del sys.path[0]
            failures, _ = testmod(m, verbose=args.verbose, optionflags=options)
        else:
            failures, _ = testfile(filename, module_relative=False, verbose=args.verbose, optionflags=options)
        if failures:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(_test())
