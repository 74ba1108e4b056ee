# DocTestRunner's reports byte for byte (failures, unexpected exceptions,
# verbose Trying/Expecting/ok, the summaries, merge), OutputChecker's
# comparisons under each flag and its diffs, exception examples with
# IGNORE_EXCEPTION_DETAIL, SKIP, REPORT_ONLY_FIRST_FAILURE, FAIL_FAST,
# __future__ flags, DebugRunner and its exceptions.
# (Tracebacks are shown without the runner's own frame, which names
# doctest's file, and without caret lines.)
import doctest
import sys


def clean(text):
    kept = []
    skipping_source = False
    for line in text.splitlines():
        if 'doctest.py"' in line or "<frozen doctest>" in line:
            skipping_source = True
            continue
        if skipping_source and line.strip().startswith("exec(compile("):
            skipping_source = False
            continue
        skipping_source = False
        if line.strip() and not line.strip(" ~^"):
            continue
        kept.append(line)
    return "\n".join(kept)


def run(src, flags=0, verbose=False, name="N", globs=None, runner=None):
    test = doctest.DocTestParser().get_doctest(src, globs or {}, name, "F.py", 10)
    runner = runner or doctest.DocTestRunner(verbose=verbose, optionflags=flags)
    report = []
    results = runner.run(test, out=report.append)
    if report:
        print(clean("".join(report)))
    print("=>", results, runner.tries, runner.failures, test.globs)
    return runner


run(">>> 1\n2\n>>> print('a\\nb')\na\nc\n>>> x = 1\n>>> x\n")
run(">>> raise ValueError('v')\n>>> 1/0\nTraceback (most recent call last):\n"
    "ZeroDivisionError: division by zero\n>>> 1/0\nTraceback (most recent call last):\n"
    "ValueError: x\n>>> 1/0  # doctest: +IGNORE_EXCEPTION_DETAIL\n"
    "Traceback (most recent call last):\nZeroDivisionError: other\n"
    ">>> 1/0  # doctest: +IGNORE_EXCEPTION_DETAIL\nTraceback (most recent call last):\n"
    "foo.ZeroDivisionError\n>>> 1\nTraceback (most recent call last):\nValueError\n")
run(">>> def f():\n...     raise KeyError('k')\n>>> f()\n")
run(">>> print('')\n\n>>> print('')\n<BLANKLINE>\n", doctest.DONT_ACCEPT_BLANKLINE)
run(">>> print('a\\n\\nb')\na\n<BLANKLINE>\nb\n>>> print('a\\n  \\nb')\na\n<BLANKLINE>\nb\n"
    ">>> print('a\\n\\nb')\na\nb\n>>> print('')\n")
run(">>> True\n1\n>>> False\n0\n", doctest.DONT_ACCEPT_TRUE_FOR_1)
run(">>> True\n1\n>>> False\n0\n>>> 'True'\n1\n>>> 1\nTrue\n")
run(">>> print('a  b')\na b\n>>> print('a\\n b')\n  a b\n", doctest.NORMALIZE_WHITESPACE)
run(">>> print(list(range(10)))\n[0, ..., 9]\n>>> print('abc')\n...\n>>> print('abc')\na...c...\n"
    ">>> print('aXbXc')\na...b...c\n>>> print('aXc')\na...X...X...c\n>>> print('ab')\nab...b\n",
    doctest.ELLIPSIS)
run(">>> print(list(range(10)))  # doctest: +ELLIPSIS, +NORMALIZE_WHITESPACE\n[0,   1, ...,\n  9]\n")
run(">>> print(1)\n1\n>>> print(2)\n3\n>>> x = 3\n", verbose=True)
run(">>> print(1)\n>>> print(2)  # doctest: +SKIP\n3\n", verbose=True)
run(">>> print(2)\n3\n", flags=doctest.SKIP)
run(">>> print(2)  # doctest: -SKIP\n2\n", flags=doctest.SKIP)

want = "a\nb\nc\nd\ne\nf\ng\n"
src = ">>> print('a\\nB\\nc\\nd\\ne\\nF\\ng')\n" + want
for flag in (doctest.REPORT_UDIFF, doctest.REPORT_CDIFF, doctest.REPORT_NDIFF,
             doctest.REPORT_UDIFF | doctest.REPORT_NDIFF):
    run(src, flag)
run(">>> print('a')\nb\n", doctest.REPORT_UDIFF)
run(">>> print('a\\nb')\na\nb\nc\n", doctest.REPORT_UDIFF)
run(">>> print('a\\nb\\nc')\na\nb\nc\nd\n", doctest.REPORT_CDIFF)
run(">>> print('a b')\na  b\n", doctest.REPORT_NDIFF | doctest.NORMALIZE_WHITESPACE)
run(">>> print('abcdefgh')\nabcdxfgh\n", doctest.REPORT_NDIFF)
run(">>> print('')\nx\n", doctest.REPORT_NDIFF)
run(">>> print(1)\n2\n>>> print(3)\n4\n>>> print(5)\n5\n", doctest.REPORT_ONLY_FIRST_FAILURE)
run(">>> print(1)\n2\n>>> print(3)\n4\n>>> print(5)\n5\n", doctest.FAIL_FAST)
run(">>> print(1)\n2\n>>> print(3)\n4\n", doctest.REPORT_ONLY_FIRST_FAILURE, verbose=True)
run(">>> raise ValueError('multi\\nline')\nTraceback (most recent call last):\nValueError: multi\nline\n"
    ">>> raise ValueError('multi\\nline')\nTraceback (most recent call last):\nValueError: multi\nlin\n")
run(">>> print(__name__)\nmain\n", globs={"__name__": "main"})
run(">>> from __future__ import annotations\n>>> def f(a: undefined): pass\n>>> f.__annotations__\n"
    "{'a': 'undefined'}\n")
# (__future__ imports in globs set the compiler flags; towel's compile() does
# not honour the annotations flag yet, so that is not shown here.)
run(">>> x = 1\n>>> del x\n>>> x\n")
run(">>> print(1, end='')\n1\n")
run(">>> class E(Exception): pass\n>>> raise E\nTraceback (most recent call last):\nE\n"
    ">>> raise E('x')\nTraceback (most recent call last):\nE: x\n>>> raise E('x')\n"
    "Traceback (most recent call last):\n__main__.E: x\n>>> raise E('x')  # doctest: +IGNORE_EXCEPTION_DETAIL\n"
    "Traceback (most recent call last):\n__main__.E: y\n")
run(">>> raise SyntaxError('x')\nTraceback (most recent call last):\nSyntaxError: x\n")
run(">>> 1 +\n")
run(">>> print('out')\n>>> raise KeyError(1)\n")
run(">>> print('printed first')\n>>> raise KeyError(1)\nTraceback (most recent call last):\nKeyError: 2\n")
run(">>> import sys\n>>> sys.displayhook = None\n>>> 5\n5\n")

# Summaries.
quiet = lambda s: None
r = doctest.DocTestRunner(verbose=False)
r.run(doctest.DocTestParser().get_doctest(">>> 1\n2\n", {}, "A", "a", 1), out=quiet)
r.run(doctest.DocTestParser().get_doctest(">>> 1\n1\n", {}, "B", "a", 1), out=quiet)
r.run(doctest.DocTestParser().get_doctest("", {}, "C", "a", 1), out=quiet)
print(r.summarize())
print(r.summarize(verbose=True))
r2 = doctest.DocTestRunner(verbose=False)
r2.run(doctest.DocTestParser().get_doctest(">>> 1\n1\n", {}, "B", "a", 1), out=quiet)
print(r2.summarize())
print(r2.summarize(True))
r2.merge(r)
print(r2.summarize(True), r2.tries, r2.failures)
print(doctest.DocTestRunner(verbose=False).summarize(True))
big = doctest.DocTestRunner(verbose=True)
for n in range(12):
    big.run(doctest.DocTestParser().get_doctest(">>> 1\n2\n" * n, {}, f"t{n:02d}", "a", 1), out=quiet)
print(big.summarize(False))
# verbose=None means verbose when "-v" is on the command line.
sys.argv.append("-v")
run(">>> 1\n1\n", runner=doctest.DocTestRunner())
sys.argv.pop()
run(">>> 1\n1\n", runner=doctest.DocTestRunner())

# OutputChecker directly.
checker = doctest.OutputChecker()
for want, got, flags in [("1\n", "1\n", 0), ("1\n", "True\n", 0), ("0\n", "False\n", 0),
                         ("1\n", "True\n", doctest.DONT_ACCEPT_TRUE_FOR_1),
                         ("<BLANKLINE>\n", "\n", 0), ("<BLANKLINE>  \n", "   \n", 0),
                         ("<BLANKLINE>\n", "\n", doctest.DONT_ACCEPT_BLANKLINE),
                         (" <BLANKLINE>\n", "\n", 0),
                         ("a b\n", "a\tb\n", doctest.NORMALIZE_WHITESPACE),
                         ("a...\n", "abc\n", doctest.ELLIPSIS), ("...", "", doctest.ELLIPSIS),
                         ("a...a", "a", doctest.ELLIPSIS), ("a...a", "aa", doctest.ELLIPSIS),
                         ("a ... c", "a  b  c", doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)]:
    print(repr(want), repr(got), flags, checker.check_output(want, got, flags))
example = doctest.Example("f()", "a\nb\n")
print(checker.output_difference(example, "", 0), end="")
print(checker.output_difference(doctest.Example("f()", ""), "x\n\ny\n", 0), end="")
print(checker.output_difference(doctest.Example("f()", ""), "x\n\ny\n", doctest.DONT_ACCEPT_BLANKLINE), end="")

# DebugRunner stops at the first problem.
dr = doctest.DebugRunner(verbose=False)
test = doctest.DocTestParser().get_doctest(">>> x = 2\n>>> x\n3\n", {}, "q", "f.py", 3)
try:
    dr.run(test)
except doctest.DocTestFailure as e:
    print("DocTestFailure", e.test.name, repr(e.example.source), repr(e.got), str(e), e.args == (), sorted(test.globs))
test = doctest.DocTestParser().get_doctest(">>> raise KeyError(1)\n", {}, "q", "f.py", 3)
try:
    dr.run(test)
except doctest.UnexpectedException as e:
    print("UnexpectedException", e.test.name, repr(e.example.source), e.exc_info[0].__name__, str(e))
print(issubclass(doctest.DebugRunner, doctest.DocTestRunner),
      doctest.DebugRunner(verbose=False).run(doctest.DocTestParser().get_doctest(">>> 1\n1\n", {}, "q", "f", 0)))
