# `doctest`: runs the interactive examples found in docstrings and text
# files, and reports those whose output differs, as CPython 3.11 does.
#
# The parts, in the order a run uses them:
#   * _ExampleScanner walks a docstring line by line (a small state machine:
#     prose, an example's source, its expected output) and DocTestParser
#     turns what it finds into Example objects and the prose between them.
#   * DocTestFinder walks a module, class or function for docstrings (and a
#     module's __test__ dict) and makes a DocTest of each.
#   * DocTestRunner compiles each example in "single" mode (so expression
#     statements print their values), runs it with sys.stdout captured, asks
#     an OutputChecker whether the output (or the exception) is the one
#     expected, and reports and tallies the outcome.
#   * testmod/testfile/run_docstring_examples drive the above; DocTestSuite
#     and DocFileSuite wrap tests as unittest cases; `towel -m doctest`
#     runs files from the command line.

import __future__
import argparse
import difflib
import importlib
import inspect
import linecache
import os
import re
import sys
import traceback
import unittest
from collections import namedtuple
from io import StringIO

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

# Every flag by name, in registration order; a flag's value is the next bit.
OPTIONFLAGS_BY_NAME = {}


def register_optionflag(name):
    """The flag called `name`, registered (as the next free bit) if new."""
    if name not in OPTIONFLAGS_BY_NAME:
        OPTIONFLAGS_BY_NAME[name] = 1 << len(OPTIONFLAGS_BY_NAME)
    return OPTIONFLAGS_BY_NAME[name]


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

# The divider above each failure report (unittest's reports use dashes).
_STARS = "*" * 70
_DASHES = "-" * 70


def _indented(text, prefix="    "):
    """`text` with `prefix` before each non-empty line."""
    return "".join(prefix + line if line.strip("\n") else line
                   for line in text.splitlines(True))


def _ensure_newline(text):
    return text if not text or text.endswith("\n") else text + "\n"


# -- Examples and tests ------------------------------------------------------

class _EqualByValue:
    """Equal to an object of the same type with the same `_identity()`;
    hashed by `_hash_key()` (the identity less what cannot be hashed)."""

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return self._identity() == other._identity()

    def __hash__(self):
        return hash(self._hash_key())


class Example(_EqualByValue):
    """One interactive example: its source, the output it should print (or
    the exception message it should raise), where it is, and the option
    flags its directives set or clear."""

    def __init__(self, source, want, exc_msg=None, lineno=0, indent=0, options=None):
        self.source = _ensure_newline(source) if source else "\n"
        self.want = _ensure_newline(want)
        self.exc_msg = None if exc_msg is None else _ensure_newline(exc_msg)
        self.lineno = lineno
        self.indent = indent
        self.options = {} if options is None else options

    def _identity(self):
        return (self.source, self.want, self.lineno, self.indent, self.options, self.exc_msg)

    def _hash_key(self):
        return (self.source, self.want, self.lineno, self.indent, self.exc_msg)


class DocTest(_EqualByValue):
    """The examples of one docstring (or file), with the namespace they run
    in and where they came from."""

    def __init__(self, examples, globs, name, filename, lineno, docstring):
        self.examples = examples
        self.globs = globs.copy()  # the caller's dict stays as it was
        self.name = name
        self.filename = filename
        self.lineno = lineno
        self.docstring = docstring

    def __repr__(self):
        count = len(self.examples)
        counted = {0: "no examples", 1: "1 example"}.get(count, f"{count} examples")
        return f"<DocTest {self.name} from {self.filename}:{self.lineno} ({counted})>"

    def _identity(self):
        return (self.examples, self.docstring, self.globs, self.name, self.filename, self.lineno)

    def _hash_key(self):
        return (self.docstring, self.name, self.filename, self.lineno)

    def _order(self):
        return (self.name, self.filename, -1 if self.lineno is None else self.lineno, id(self))

    def __lt__(self, other):
        if not isinstance(other, DocTest):
            return NotImplemented
        return self._order() < other._order()


# -- Parsing -----------------------------------------------------------------

def _leading_spaces(line):
    return len(line) - len(line.lstrip(" "))


def _is_prompt(line, prompt):
    return line.lstrip(" ").startswith(prompt)


def _is_blank(line):
    return not line.strip()


def _is_traceback_header(line):
    head = line.rstrip()
    return head in ("Traceback (most recent call last):", "Traceback (innermost last):")


def _exception_message(want):
    """The exception part of an expected traceback: from its first line that
    starts with a word character to the end; None when `want` is not a
    traceback."""
    lines = want.split("\n")
    if not _is_traceback_header(lines[0]):
        return None
    for number, line in enumerate(lines[1:], 1):
        if line[:1].isalnum() or line[:1] == "_":
            return "\n".join(lines[number:])
    return None


def _directive_text(line):
    """The options after `# doctest:` in a source line, or None. (The
    directive must end the line and hold no quote, so a string that
    mentions one is not taken for one.)"""
    start = 0
    while True:
        at = line.find("#", start)
        if at < 0:
            return None
        rest = line[at + 1:].lstrip()
        if rest.startswith("doctest:"):
            options = rest[len("doctest:"):].lstrip()
            if "'" not in options and '"' not in options:
                return options
        start = at + 1


# An example as the scanner found it, before checks: the line of its prompt
# (0-based), the prompt's indentation, and its raw source and output lines.
_Found = namedtuple("_Found", "lineno indent source_lines want_lines")


class _ExampleScanner:
    """Finds examples in text: a `>>>` line starts one, `...` lines continue
    its source, and the lines after, up to a blank line or the next `>>>`,
    are its expected output. Everything else is prose."""

    def __init__(self, lines):
        self.lines = lines

    def examples(self):
        number = 0
        lines = self.lines
        while number < len(lines):
            line = lines[number]
            if not _is_prompt(line, ">>>"):
                number += 1
                continue
            start = number
            number += 1
            while number < len(lines) and _is_prompt(lines[number], "..."):
                number += 1
            source_end = number
            while (number < len(lines) and not _is_blank(lines[number])
                   and not _is_prompt(lines[number], ">>>")):
                number += 1
            yield _Found(start, _leading_spaces(line), lines[start:source_end],
                         lines[source_end:number])


class DocTestParser:
    """Splits a docstring into examples and the prose around them."""

    def parse(self, string, name="<string>"):
        """A list alternating prose (str) and Example, starting and ending
        with prose. Prose is shown without the docstring's common indent."""
        # (A text ending with a newline splits into lines ending with "".)
        lines = string.expandtabs().split("\n")
        margin = min((_leading_spaces(l) for l in lines if l.strip()), default=0)
        pieces = []
        prose_from = 0
        for found in _ExampleScanner(lines).examples():
            pieces.append(self._prose(lines, prose_from, found.lineno, margin))
            example = self._make_example(found, name)
            if example is not None:
                pieces.append(example)
            prose_from = found.lineno + len(found.source_lines) + len(found.want_lines)
        pieces.append(self._prose(lines, prose_from, len(lines), margin))
        return pieces

    @staticmethod
    def _prose(lines, start, stop, margin):
        """Lines start..stop as prose, without the common indent; every line
        but the text's last ends with a newline."""
        text = "\n".join(l[margin:] if l[:margin] == " " * margin else l for l in lines[start:stop])
        return text + "\n" if start < stop < len(lines) else text

    def get_doctest(self, string, globs, name, filename, lineno):
        """A DocTest of the examples in `string`."""
        return DocTest(self.get_examples(string, name), globs, name, filename, lineno, string)

    def get_examples(self, string, name="<string>"):
        """Only the Example objects of parse()."""
        return [piece for piece in self.parse(string, name) if isinstance(piece, Example)]

    def _make_example(self, found, name):
        indent = found.indent
        pad = " " * indent
        for offset, line in enumerate(found.source_lines):
            # A prompt is followed by a space or ends the line.
            if line[indent + 3:indent + 4] not in ("", " "):
                shown = line[indent:] if line.startswith(pad) else line.lstrip()
                raise ValueError(f"line {found.lineno + offset + 1} of the docstring for {name} "
                                 f"lacks blank after {line[indent:indent + 3]}: {shown!r}")
        for offset, line in enumerate(found.source_lines[1:]):
            if not line.startswith(pad):
                raise ValueError(f"line {found.lineno + offset + 1} of the docstring for {name} "
                                 f"has inconsistent leading whitespace: {line.lstrip()!r}")
        first_want_line = found.lineno + len(found.source_lines) + 1
        for offset, line in enumerate(found.want_lines):
            if not line.startswith(pad):
                raise ValueError(f"line {first_want_line + offset} of the docstring for {name} "
                                 f"has inconsistent leading whitespace: {line.lstrip()!r}")
        code_lines = [line[indent + 4:] for line in found.source_lines]
        while len(code_lines) > 1 and code_lines[-1] == "":
            code_lines.pop()
        source = "\n".join(code_lines)
        want = "".join(line[indent:] + "\n" for line in found.want_lines)
        options = self._options(code_lines, name, found.lineno)
        if all(not l.strip() or l.lstrip().startswith("#") for l in code_lines):
            if options:
                raise ValueError(f"line {found.lineno} of the doctest for {name} has an option "
                                 f"directive on a line with no example: {source!r}")
            return None
        return Example(source + "\n", want, _exception_message(want), lineno=found.lineno,
                       indent=indent, options=options)

    @staticmethod
    def _options(code_lines, name, lineno):
        options = {}
        for line in code_lines:
            text = _directive_text(line)
            if text is None:
                continue
            for word in text.replace(",", " ").split():
                flag = OPTIONFLAGS_BY_NAME.get(word[1:])
                if word[:1] not in ("+", "-") or flag is None:
                    raise ValueError(f"line {lineno + 1} of the doctest for {name} "
                                     f"has an invalid option: {word!r}")
                options[flag] = word[0] == "+"
        return options


# -- Finding tests -----------------------------------------------------------

# A line that opens a string literal as its statement or after a colon
# (`def f(): "doc"`, `x = {"k": "v"}` too): where a docstring may begin.
_DOCSTRING_START = re.compile(r"""(^|.*:)\s*\w*("|')""")


def _class_line(line, name):
    words = line.lstrip()
    if not words.startswith("class"):
        return False
    rest = words[len("class"):].lstrip()
    if not rest.startswith(name):
        return False
    after = rest[len(name):len(name) + 1]
    return not (after.isalnum() or after == "_")


class DocTestFinder:
    """Collects the DocTests of an object and (with `recurse`) of what it
    contains: a module's functions and classes and __test__ entries, a
    class's methods, nested classes and properties."""

    def __init__(self, verbose=False, parser=DocTestParser(), recurse=True, exclude_empty=True):
        self._verbose = verbose
        self._parser = parser
        self._recurse = recurse
        self._exclude_empty = exclude_empty

    def find(self, obj, name=None, module=None, globs=None, extraglobs=None):
        """The DocTests of `obj` (and what it contains), sorted by name."""
        if name is None:
            name = getattr(obj, "__name__", None)
            if name is None:
                raise ValueError("DocTestFinder.find: name must be given when obj.__name__ "
                                 f"doesn't exist: {type(obj)!r}")
        if module is False:
            module = None
        elif module is None:
            module = inspect.getmodule(obj)
        source_lines = self._module_source(obj, module)
        if globs is None:
            globs = {} if module is None else module.__dict__
        globs = dict(globs)
        if extraglobs is not None:
            globs.update(extraglobs)
        globs.setdefault("__name__", "__main__")
        tests = []
        self._collect(tests, obj, name, module, source_lines, globs, set())
        tests.sort()
        return tests

    @staticmethod
    def _module_source(obj, module):
        """The lines of the file `obj` is defined in (None when unknown):
        where docstrings' line numbers are looked up."""
        try:
            path = inspect.getsourcefile(obj) or inspect.getfile(obj)
        except TypeError:
            return None
        namespace = None if module is None else module.__dict__
        return linecache.getlines(path, namespace) or None

    @staticmethod
    def _belongs(module, obj):
        """Whether `obj` was defined in `module` (imported names are left to
        the module that defines them)."""
        if module is None:
            return True
        if isinstance(obj, property):
            obj = obj.fget
        if inspect.isfunction(obj):
            return obj.__globals__ is module.__dict__
        owner = getattr(obj, "__objclass__", obj)
        return getattr(owner, "__module__", None) == module.__name__

    def _collect(self, tests, obj, name, module, source_lines, globs, seen):
        if id(obj) in seen:
            return
        seen.add(id(obj))
        if self._verbose:
            print(f"Finding tests in {name}")
        test = self._test_for(obj, name, module, globs, source_lines)
        if test is not None:
            tests.append(test)
        if not self._recurse:
            return
        for child_name, child in self._children(obj, name, module):
            self._collect(tests, child, child_name, module, source_lines, globs, seen)

    def _children(self, obj, name, module):
        """(name, object) of what a module or class holds that is tested."""
        if inspect.ismodule(obj):
            for key, value in obj.__dict__.items():
                tested = inspect.isroutine(inspect.unwrap(value)) or inspect.isclass(value)
                if tested and self._belongs(module, value):
                    yield f"{name}.{key}", value
            for key, value in getattr(obj, "__test__", {}).items():
                if not isinstance(key, str):
                    raise ValueError(f"DocTestFinder.find: __test__ keys must be strings: {type(key)!r}")
                if not (inspect.isroutine(value) or inspect.isclass(value)
                        or inspect.ismodule(value) or isinstance(value, str)):
                    raise ValueError("DocTestFinder.find: __test__ values must be strings, "
                                     f"functions, methods, classes, or modules: {type(value)!r}")
                yield f"{name}.__test__.{key}", value
        elif inspect.isclass(obj):
            for key, value in obj.__dict__.items():
                if isinstance(value, (staticmethod, classmethod)):
                    value = value.__func__
                if ((inspect.isroutine(value) or inspect.isclass(value) or isinstance(value, property))
                        and self._belongs(module, value)):
                    yield f"{name}.{key}", value

    def _test_for(self, obj, name, module, globs, source_lines):
        docstring = obj if isinstance(obj, str) else getattr(obj, "__doc__", None)
        if not isinstance(docstring, str):
            docstring = ""
        if self._exclude_empty and not docstring:
            return None
        lineno = self._line_of(obj, source_lines) if docstring else None
        filename = None
        if module is not None:
            filename = _source_path(getattr(module, "__file__", None) or module.__name__)
        return self._parser.get_doctest(docstring, globs, name, filename, lineno)

    @staticmethod
    def _line_of(obj, source_lines):
        """The 0-based line of `obj`'s docstring in its file, or None."""
        if inspect.ismodule(obj):
            return 0
        if source_lines is None:
            return None
        start = None
        if inspect.isclass(obj):
            for number, line in enumerate(source_lines):
                if _class_line(line, obj.__name__):
                    start = number
                    break
        else:
            target = obj
            if inspect.ismethod(target):
                target = target.__func__
            code = getattr(target, "__code__", None)
            if code is not None:
                start = code.co_firstlineno - 1
        if start is None:
            return None
        for number in range(start, len(source_lines)):
            if _DOCSTRING_START.match(source_lines[number]):
                return number
        return start


# -- Checking output ---------------------------------------------------------

def _matches_with_ellipsis(pattern, text):
    """Whether `text` is `pattern` with each `...` standing for any text."""
    parts = pattern.split(ELLIPSIS_MARKER)
    if len(parts) == 1:
        return pattern == text
    first, *middle, last = parts
    if not text.startswith(first) or not text.endswith(last):
        return False
    if len(first) + len(last) > len(text):
        return False
    position = len(first)
    limit = len(text) - len(last)
    for part in middle:
        found = text.find(part, position, limit)
        if found < 0:
            return False
        position = found + len(part)
    return True


def _with_blankline_markers(text):
    """Blank lines of actual output shown as <BLANKLINE>."""
    return "".join(BLANKLINE_MARKER + "\n" if line.strip() == "" and line.endswith("\n") else line
                   for line in text.splitlines(True))


def _bool_printed_for_int(want, got, optionflags):
    """True/False printed where 1/0 is expected (accepted unless
    DONT_ACCEPT_TRUE_FOR_1: doctests written before bool existed)."""
    if optionflags & DONT_ACCEPT_TRUE_FOR_1:
        return False
    return {"True\n": "1\n", "False\n": "0\n"}.get(got) == want


def _blank_lines_as_empty(text):
    """<BLANKLINE> markers and whitespace-only lines as empty lines."""
    return "".join("\n" if line.rstrip() in ("", BLANKLINE_MARKER) else line
                   for line in text.splitlines(True))


# The normalisations applied to both outputs before comparing them, in
# order, each with the test of the flags that enables it.
_LENIENCIES = (
    (lambda flags: not flags & DONT_ACCEPT_BLANKLINE, _blank_lines_as_empty),
    (lambda flags: flags & NORMALIZE_WHITESPACE, lambda text: " ".join(text.split())),
)


class OutputChecker:
    """Decides whether actual output matches the expected output under the
    option flags, and describes the difference when it does not."""

    def check_output(self, want, got, optionflags):
        """Whether `got` is an acceptable output for an example expecting
        `want`: equal, or equal once the flags' leniencies are applied."""
        if got == want or _bool_printed_for_int(want, got, optionflags):
            return True
        for applies, normalise in _LENIENCIES:
            if applies(optionflags):
                want, got = normalise(want), normalise(got)
        if got == want:
            return True
        return bool(optionflags & ELLIPSIS) and _matches_with_ellipsis(want, got)

    def _diff_kind(self, want, got, optionflags):
        """The kind of diff to show ("unified", "context", "ndiff"), or None
        for the plain Expected/Got report. Unified and context diffs are
        only used for outputs of more than two lines."""
        long_enough = want.count("\n") > 2 and got.count("\n") > 2
        if not (optionflags & REPORT_NDIFF or long_enough):
            return None
        for flag, kind in ((REPORT_UDIFF, "unified"), (REPORT_CDIFF, "context"),
                           (REPORT_NDIFF, "ndiff")):
            if optionflags & flag:
                return kind
        return None

    def output_difference(self, example, got, optionflags):
        """What to show for a failed example: expected and actual output,
        or their diff when a REPORT_*DIFF flag asks for it."""
        want = example.want
        if not optionflags & DONT_ACCEPT_BLANKLINE:
            got = _with_blankline_markers(got)
        kind = self._diff_kind(want, got, optionflags)
        if kind is not None:
            want_lines = want.splitlines(True)
            got_lines = got.splitlines(True)
            if kind == "unified":
                lines = list(difflib.unified_diff(want_lines, got_lines, n=2))[2:]
                title = "unified diff with -expected +actual"
            elif kind == "context":
                lines = list(difflib.context_diff(want_lines, got_lines, n=2))[2:]
                title = "context diff with expected followed by actual"
            else:
                if optionflags & NORMALIZE_WHITESPACE:
                    want_lines = [" ".join(l.split()) + "\n" for l in want_lines]
                    got_lines = [" ".join(l.split()) + "\n" for l in got_lines]
                lines = list(difflib.Differ(charjunk=difflib.IS_CHARACTER_JUNK).compare(want_lines, got_lines))
                title = "ndiff with -expected +actual"
            return f"Differences ({title}):\n" + _indented("".join(_ensure_newline(l) for l in lines))
        expected = f"Expected:\n{_indented(want)}" if want else "Expected nothing\n"
        actual = f"Got:\n{_indented(got)}" if got else "Got nothing\n"
        return expected + actual


# -- Running -----------------------------------------------------------------

class _CapturedOutput(StringIO):
    """sys.stdout while an example runs; its text always ends a line."""

    def getvalue(self):
        return _ensure_newline(super().getvalue())

    def reset(self):
        self.seek(0)
        self.truncate(0)


def _future_flags(globs):
    """The compiler flags of the __future__ features imported into globs."""
    flags = 0
    for feature_name in __future__.all_feature_names:
        feature = globs.get(feature_name)
        if feature is getattr(__future__, feature_name):
            flags |= feature.compiler_flag
    return flags


def _exception_name_only(message):
    """For IGNORE_EXCEPTION_DETAIL: the exception's class name, without its
    module and detail."""
    head = message.split("\n", 1)[0].split(":", 1)[0].strip()
    return head.rsplit(".", 1)[-1]


class DocTestRunner:
    """Runs DocTests, reports each failure (and, when verbose, each example)
    through `out`, and tallies tries and failures per test name."""

    DIVIDER = _STARS

    def __init__(self, checker=None, verbose=None, optionflags=0):
        self._checker = checker or OutputChecker()
        self._verbose = "-v" in sys.argv if verbose is None else verbose
        self.optionflags = self.original_optionflags = optionflags
        self._tally = _Tally()
        self._fakeout = _CapturedOutput()

    @property
    def tries(self):
        return self._tally.tries

    @property
    def failures(self):
        return self._tally.failures

    # The four report hooks (subclasses may override them).

    def report_start(self, out, test, example):
        if self._verbose:
            expecting = (f"Expecting:\n{_indented(example.want)}" if example.want
                         else "Expecting nothing\n")
            out(f"Trying:\n{_indented(example.source)}{expecting}")

    def report_success(self, out, test, example, got):
        if self._verbose:
            out("ok\n")

    def report_failure(self, out, test, example, got):
        out(self._failure_header(test, example)
            + self._checker.output_difference(example, got, self.optionflags))

    def report_unexpected_exception(self, out, test, example, exc_info):
        out(self._failure_header(test, example)
            + "Exception raised:\n" + _indented(_traceback_text(exc_info)))

    def _failure_header(self, test, example):
        if test.filename is None:
            where = f"Line {example.lineno + 1}, in {test.name}"
        else:
            line = "?" if test.lineno is None or example.lineno is None \
                else test.lineno + example.lineno + 1
            where = f'File "{test.filename}", line {line}, in {test.name}'
        return f"{self.DIVIDER}\n{where}\nFailed example:\n{_indented(example.source)}"

    def run(self, test, compileflags=None, out=None, clear_globs=True):
        """Run the examples of `test`, reporting through `out` (default:
        the real stdout's write); return TestResults(failed, attempted)."""
        self.test = test
        if compileflags is None:
            compileflags = _future_flags(test.globs)
        real_stdout = sys.stdout
        if out is None:
            out = real_stdout.write
        real_displayhook = sys.displayhook
        sys.stdout = self._fakeout
        sys.displayhook = sys.__displayhook__
        try:
            return self._run_examples(test, compileflags, out)
        finally:
            sys.stdout = real_stdout
            sys.displayhook = real_displayhook
            if clear_globs:
                test.globs.clear()

    def _run_examples(self, test, compileflags, out):
        failed = tried = 0
        flags_before = self.optionflags
        for number, example in enumerate(test.examples):
            quiet = self.optionflags & REPORT_ONLY_FIRST_FAILURE and failed > 0
            self.optionflags = flags_before
            for flag, on in example.options.items():
                if on:
                    self.optionflags |= flag
                else:
                    self.optionflags &= ~flag
            if self.optionflags & SKIP:
                continue
            tried += 1
            if not quiet:
                self.report_start(out, test, example)
            outcome = self._run_one(test, number, example, compileflags)
            verdict, got, exc_info = outcome
            if verdict == "ok":
                if not quiet:
                    self.report_success(out, test, example, got)
            else:
                failed += 1
                if not quiet:
                    if verdict == "failed":
                        self.report_failure(out, test, example, got)
                    else:
                        self.report_unexpected_exception(out, test, example, exc_info)
                if self.optionflags & FAIL_FAST:
                    break
        self.optionflags = flags_before
        self._tally.add(test.name, failed, tried)
        return TestResults(failed, tried)

    def _run_one(self, test, number, example, compileflags):
        """("ok" | "failed" | "raised", output, exc_info) for one example."""
        filename = f"<doctest {test.name}[{number}]>"
        linecache.cache[filename] = (len(example.source), None,
                                     example.source.splitlines(True), filename)
        self._fakeout.reset()
        exc_info = None
        try:
            code = compile(example.source, filename, "single", compileflags, True)
            exec(code, test.globs)
        except KeyboardInterrupt:
            raise
        except BaseException:
            exc_info = sys.exc_info()
        got = self._fakeout.getvalue()
        self._fakeout.reset()
        check = self._checker.check_output
        if exc_info is None:
            return ("ok" if check(example.want, got, self.optionflags) else "failed", got, None)
        message = traceback.format_exception_only(*exc_info[:2])[-1]
        if example.exc_msg is None:
            return ("raised", got, exc_info)
        got += _traceback_text(exc_info)
        if check(example.exc_msg, message, self.optionflags):
            return ("ok", got, None)
        if self.optionflags & IGNORE_EXCEPTION_DETAIL:
            if _exception_name_only(example.exc_msg) == _exception_name_only(message):
                return ("ok", got, None)
        return ("failed", got, None)

    def summarize(self, verbose=None):
        """Print what all the runs so far gave (everything when verbose,
        only failures otherwise) and return TestResults(failed, attempted)."""
        for line in self._tally.report(self._verbose if verbose is None else verbose, self.DIVIDER):
            print(line)
        return self._tally.totals()

    def merge(self, other):
        """Add another runner's tallies to this one's."""
        self._tally.absorb(other._tally)


class _Tally:
    """Failures and tries per test name (merged runners' included), and
    those of the runner's own runs."""

    def __init__(self):
        self.by_name = {}  # name -> [failures, tries]
        self.failures = self.tries = 0

    def add(self, name, failed, tried):
        self._count(name, failed, tried)
        self.failures += failed
        self.tries += tried

    def _count(self, name, failed, tried):
        counts = self.by_name.setdefault(name, [0, 0])
        counts[0] += failed
        counts[1] += tried

    def absorb(self, other):
        for name, (failed, tried) in other.by_name.items():
            self._count(name, failed, tried)

    def totals(self):
        """TestResults over every name."""
        return TestResults(sum(f for f, _ in self.by_name.values()),
                           sum(t for _, t in self.by_name.values()))

    def report(self, verbose, divider):
        """The summary's lines."""
        ordered = sorted(self.by_name.items())
        failures, tries = self.totals()
        failing = [f" {f:3d} of {t:3d} in {name}" for name, (f, t) in ordered if f]
        lines = []
        if verbose:
            lines += _section([f"    {name}" for name, (f, t) in ordered if not t],
                              "items had no tests:")
            lines += _section([f" {t:3d} tests in {name}" for name, (f, t) in ordered if t and not f],
                              "items passed all tests:")
        if failing:
            lines.append(divider)
            lines += _section(failing, "items had failures:")
        if verbose:
            lines.append(f"{tries} tests in {len(self.by_name)} items.")
            lines.append(f"{tries - failures} passed and {failures} failed.")
        if failures:
            lines.append(f"***Test Failed*** {failures} failures.")
        elif verbose:
            lines.append("Test passed.")
        return lines


def _section(entries, title):
    """A titled list of the summary (nothing when empty)."""
    return [f"{len(entries)} {title}", *entries] if entries else []


def _traceback_text(exc_info):
    return "".join(traceback.format_exception(*exc_info))


class _ExampleProblem(Exception):
    """What DebugRunner raises about an example: the test, the example and
    one more fact, stored under the subclass's `_detail` name."""

    _detail = None

    def __init__(self, test, example, detail):
        self.test = test
        self.example = example
        setattr(self, self._detail, detail)

    def __str__(self):
        return str(self.test)


class DocTestFailure(_ExampleProblem):
    """Raised by DebugRunner when an example's output is wrong (`got`)."""

    _detail = "got"


class UnexpectedException(_ExampleProblem):
    """Raised by DebugRunner when an example raises unexpectedly
    (`exc_info`)."""

    _detail = "exc_info"


class DebugRunner(DocTestRunner):
    """A runner that stops at the first problem by raising it (DocTestFailure
    or UnexpectedException), for post-mortem debugging."""

    def run(self, test, compileflags=None, out=None, clear_globs=True):
        results = super().run(test, compileflags, out, False)
        if clear_globs:
            test.globs.clear()
        return results

    def report_unexpected_exception(self, out, test, example, exc_info):
        raise UnexpectedException(test, example, exc_info)

    def report_failure(self, out, test, example, got):
        raise DocTestFailure(test, example, got)


# -- Entry points ------------------------------------------------------------

# The runner whose tallies testmod and testfile add up across calls.
master = None


def _run_all(tests, verbose, optionflags, raise_on_error, report):
    """Run `tests` with a new runner (one that raises at the first problem
    when `raise_on_error`), summarise if asked, add the tallies to
    `master`, and return the TestResults."""
    global master
    runner = (DebugRunner if raise_on_error else DocTestRunner)(verbose=verbose,
                                                                 optionflags=optionflags)
    for test in tests:
        runner.run(test)
    if report:
        runner.summarize()
    if master is None:
        master = runner
    else:
        master.merge(runner)
    return TestResults(runner.failures, runner.tries)


def testmod(m=None, name=None, globs=None, verbose=None, report=True, optionflags=0,
            extraglobs=None, raise_on_error=False, exclude_empty=False):
    """Test the examples in the docstrings of module `m` (default __main__),
    and of what it defines; return TestResults(failed, attempted)."""
    module = sys.modules.get("__main__") if m is None else m
    if not inspect.ismodule(module):
        raise TypeError(f"testmod: module required; {module!r}")
    finder = DocTestFinder(exclude_empty=exclude_empty)
    tests = finder.find(module, module.__name__ if name is None else name, globs=globs,
                        extraglobs=extraglobs)
    return _run_all(tests, verbose, optionflags, raise_on_error, report)


def _caller_directory(depth):
    """The directory of the module `depth` frames up the stack (the current
    directory when it has no file)."""
    module_name = sys._getframe(depth).f_globals.get("__name__")
    module = sys.modules.get(module_name)
    path = getattr(module, "__file__", None)
    if path:
        return os.path.dirname(path)
    return os.getcwd()


def _resolve_file(filename, module_relative, package, depth):
    if not module_relative:
        if package:
            raise ValueError("Package may only be specified for module-relative paths.")
        return filename
    if os.path.isabs(filename):
        raise ValueError("Module-relative files may not have absolute paths")
    parts = filename.split("/")
    if package is not None:
        if isinstance(package, str):
            package = __import__(package, {}, {}, "*")
        base = os.path.dirname(package.__file__)
    else:
        base = _caller_directory(depth + 1)
    return os.path.join(base, *parts)


def _read_text(path, encoding):
    with open(path, encoding=encoding or "utf-8") as handle:
        return handle.read()


def testfile(filename, module_relative=True, name=None, package=None, globs=None, verbose=None,
             report=True, optionflags=0, extraglobs=None, raise_on_error=False,
             parser=DocTestParser(), encoding=None):
    """Test the examples in a text file; return TestResults(failed,
    attempted)."""
    path = _resolve_file(filename, module_relative, package, 2)
    text = _read_text(path, encoding)
    if name is None:
        name = os.path.basename(path)
    namespace = {} if globs is None else dict(globs)
    if extraglobs is not None:
        namespace.update(extraglobs)
    namespace.setdefault("__name__", "__main__")
    test = parser.get_doctest(text, namespace, name, path, 0)
    return _run_all([test], verbose, optionflags, raise_on_error, report)


def run_docstring_examples(f, globs, verbose=False, name="NoName", compileflags=None, optionflags=0):
    """Test the examples in `f`'s docstring only (not what it contains)."""
    runner = DocTestRunner(verbose=verbose, optionflags=optionflags)
    for test in DocTestFinder(verbose=verbose, recurse=False).find(f, name, globs=globs):
        runner.run(test, compileflags=compileflags)


# -- unittest integration ----------------------------------------------------

_unittest_reportflags = 0


def set_unittest_reportflags(flags):
    """Set the reporting flags doctest's unittest cases use when they were
    given none of their own; return the previous ones."""
    global _unittest_reportflags
    if flags & REPORTING_FLAGS != flags:
        raise ValueError("Only reporting flags allowed", flags)
    previous, _unittest_reportflags = _unittest_reportflags, flags
    return previous


class _DashedRunner(DocTestRunner):
    DIVIDER = _DASHES


# What a DocTestCase runs, and how (two cases are equal when these are).
_CaseParts = namedtuple("_CaseParts", "test optionflags setUp tearDown checker")


class DocTestCase(_EqualByValue, unittest.TestCase):
    """A DocTest as a unittest case: it fails with the doctest report."""

    def __init__(self, test, optionflags=0, setUp=None, tearDown=None, checker=None):
        super().__init__()
        self._parts = _CaseParts(test, optionflags, setUp, tearDown, checker)
        # The namespace as given, put back after each run so that the case
        # can run again.
        self._initial_globs = None if test is None else dict(test.globs)

    @property
    def _dt_test(self):
        return self._parts.test

    def setUp(self):
        if self._parts.setUp is not None:
            self._parts.setUp(self._dt_test)

    def tearDown(self):
        if self._parts.tearDown is not None:
            self._parts.tearDown(self._dt_test)
        self._dt_test.globs.clear()
        self._dt_test.globs.update(self._initial_globs)

    def _runner(self, kind):
        flags = self._parts.optionflags
        if not flags & REPORTING_FLAGS:
            # Cases given no reporting flags take the module-wide ones.
            flags |= _unittest_reportflags
        return kind(optionflags=flags, checker=self._parts.checker, verbose=False)

    def runTest(self):
        report = StringIO()
        failed, _ = self._runner(_DashedRunner).run(self._dt_test, out=report.write, clear_globs=False)
        if failed:
            raise self.failureException(self.format_failure(report.getvalue()))

    def format_failure(self, err):
        test = self._dt_test
        line = "unknown line number" if test.lineno is None else test.lineno
        short = test.name.rsplit(".", 1)[-1]
        return (f"Failed doctest test for {test.name}\n"
                f'  File "{test.filename}", line {line}, in {short}\n\n{err}')

    def debug(self):
        """Run the test without catching its problems: a DocTestFailure or
        UnexpectedException propagates."""
        self.setUp()
        self._runner(DebugRunner).run(self._dt_test, clear_globs=False)
        self.tearDown()

    def id(self):
        return self._dt_test.name

    def _identity(self):
        return self._parts

    def _hash_key(self):
        return self._parts[1:]

    def __repr__(self):
        module, _, short = self._dt_test.name.rpartition(".")
        return f"{short} ({module})"

    __str__ = object.__str__

    def shortDescription(self):
        return "Doctest: " + self._dt_test.name


class SkipDocTestCase(DocTestCase):
    """Stands for a module whose docstrings were stripped (python -OO)."""

    def __init__(self, module):
        self.module = module
        super().__init__(None)

    def setUp(self):
        self.skipTest("DocTestSuite will not work with -O2 and above")

    def test_skip(self):
        pass

    def shortDescription(self):
        return f"Skipping tests from {self.module.__name__}"

    __str__ = shortDescription


class _DocTestSuite(unittest.TestSuite):
    # Keep the cases after a run, so that the suite can be run again.
    def _removeTestAtIndex(self, index):
        pass


def _module_of(module, depth):
    if inspect.ismodule(module):
        return module
    if isinstance(module, str):
        return importlib.import_module(module)
    if module is None:
        return sys.modules[sys._getframe(depth + 1).f_globals["__name__"]]
    raise TypeError("Expected a module, string, or None")


def DocTestSuite(module=None, globs=None, extraglobs=None, test_finder=None, **options):
    """A unittest suite of the doctests in `module` (default: the caller's),
    one case per docstring with examples."""
    module = _module_of(module, 1)
    tests = (test_finder or DocTestFinder()).find(module, globs=globs, extraglobs=extraglobs)
    if not tests and sys.flags.optimize >= 2:
        return _DocTestSuite([SkipDocTestCase(module)])
    suite = _DocTestSuite()
    for test in sorted(tests):
        if test.examples:
            test.filename = test.filename or _source_path(module.__file__)
            suite.addTest(DocTestCase(test, **options))
    return suite


def _source_path(path):
    """A module's file as its source's path (x.pyc -> x.py)."""
    return path[:-1] if path[-4:] == ".pyc" else path


class DocFileCase(DocTestCase):
    """A text file's doctest as a unittest case."""

    def id(self):
        return "_".join(self._dt_test.name.split("."))

    def __repr__(self):
        return self._dt_test.filename

    def format_failure(self, err):
        test = self._dt_test
        return f'Failed doctest test for {test.name}\n  File "{test.filename}", line 0\n\n{err}'


def DocFileTest(path, module_relative=True, package=None, globs=None, parser=DocTestParser(),
                encoding=None, **options):
    """A DocFileCase for the text file at `path` (by default relative to the
    calling module's directory)."""
    full_path = _resolve_file(path, module_relative, package, 2)
    return _file_case(path, full_path, globs, parser, encoding, options)


def DocFileSuite(*paths, module_relative=True, package=None, globs=None, parser=DocTestParser(),
                 encoding=None, **options):
    """A unittest suite with a DocFileCase for each path."""
    suite = _DocTestSuite()
    for path in paths:
        full_path = _resolve_file(path, module_relative, package, 2)
        suite.addTest(_file_case(path, full_path, globs, parser, encoding, options))
    return suite


def _file_case(path, full_path, globs, parser, encoding, options):
    namespace = {} if globs is None else dict(globs)
    namespace.setdefault("__file__", full_path)
    test = parser.get_doctest(_read_text(full_path, encoding), namespace,
                              os.path.basename(path), full_path, 0)
    return DocFileCase(test, **options)


# -- Scripts and debugging ---------------------------------------------------

def script_from_examples(s):
    """The examples of `s` as a Python script: their sources as code, their
    expected output and the prose as comments."""
    lines = []
    for piece in DocTestParser().parse(s):
        lines.extend(_script_lines(piece))
    # Comment lines that stood for blank prose are dropped at both ends.
    first = next((n for n, line in enumerate(lines) if line != "#"), len(lines))
    last = max((n for n, line in enumerate(lines) if line != "#"), default=-1)
    return "".join(line + "\n" for line in lines[first:last + 1]) or "\n"


def _script_lines(piece):
    if isinstance(piece, str):
        # (Only whole lines: prose after the last newline is left out.)
        return ["# " + line if line.strip() else "#" for line in piece.split("\n")[:-1]]
    expected = ["# Expected:", *("## " + line for line in piece.want.splitlines())] if piece.want else []
    return [piece.source[:-1], *expected]


def testsource(module, name):
    """The script (see script_from_examples) of the docstring called `name`
    among `module`'s doctests."""
    module = _module_of(module, 1)
    for test in DocTestFinder().find(module):
        if test.name == name:
            return script_from_examples(test.docstring)
    raise ValueError(name, "not found in tests")


def debug_src(src, pm=False, globs=None):
    """Debug the examples in the text `src` with pdb (which towel lacks)."""
    debug_script(script_from_examples(src), pm, globs)


def debug_script(src, pm=False, globs=None):
    """Run a script under pdb (which towel lacks)."""
    raise NotImplementedError("doctest.debug_script: towel has no pdb")


def debug(module, name, pm=False):
    """Debug a module's doctest under pdb (which towel lacks)."""
    raise NotImplementedError("doctest.debug: towel has no pdb")


# -- Command line ------------------------------------------------------------

# The command line's options: (flags, add_argument keywords).
_COMMAND_LINE = (
    (("-v", "--verbose"), dict(action="store_true", default=False,
                               help="print very verbose output for all tests")),
    (("-o", "--option"), dict(action="append", choices=OPTIONFLAGS_BY_NAME.keys(), default=[],
                              help="specify a doctest option flag to apply to the test run; "
                                   "may be specified more than once to apply multiple options")),
    (("-f", "--fail-fast"), dict(action="store_true",
                                 help="stop running tests after first failure (this is a "
                                      "shorthand for -o FAIL_FAST, and is in addition to any "
                                      "other -o options)")),
    (("file",), dict(nargs="+", help="file containing the tests to run")),
)


def _test():
    """`towel -m doctest`: test each file (a module's docstrings for .py,
    else the text); the exit status is 1 after the first file that fails."""
    parser = argparse.ArgumentParser(prog="doctest.py", description="doctest runner")
    for flags, settings in _COMMAND_LINE:
        parser.add_argument(*flags, **settings)
    arguments = parser.parse_args()
    optionflags = FAIL_FAST if arguments.fail_fast else 0
    for name in arguments.option:
        optionflags |= OPTIONFLAGS_BY_NAME[name]
    for filename in arguments.file:
        if _test_one_file(filename, arguments.verbose, optionflags):
            return 1
    return 0


def _test_one_file(filename, verbose, optionflags):
    """The number of failures of the doctests in one file."""
    if not filename.endswith(".py"):
        return testfile(filename, module_relative=False, verbose=verbose,
                        optionflags=optionflags).failed
    directory, base = os.path.split(filename)
    sys.path.insert(0, directory)
    try:
        module = __import__(base[:-3])
    finally:
        del sys.path[0]
    return testmod(module, verbose=verbose, optionflags=optionflags).failed


if __name__ == "__main__":
    sys.exit(_test())
