# doctest's parser: how a docstring splits into prose and examples (prompts,
# continuation lines, expected output, blank lines, tabs, common indent),
# exception examples and their messages, option directives and their
# errors, Example and DocTest objects, option flags, script_from_examples.
import doctest

parser = doctest.DocTestParser()


def show(text, name="n"):
    try:
        pieces = parser.parse(text, name)
    except ValueError as e:
        print("ValueError:", e)
        return
    print([p if isinstance(p, str) else
           (p.source, p.want, p.exc_msg, p.lineno, p.indent, sorted(p.options.items()))
           for p in pieces])


show(">>> 1\n1\n")
show("text\n  >>> x = 1\n  >>> x\n  1\n\n  more\n")
show(">>> if 1:\n...     2\n...\n2\nafter")
show(">>> 1\n  1\n")
show("  >>> 1\n 1\n")
show(">>>1\n")
show(">>> if 1:\n...2\n")
show("  >>> if 1:\n ...  2\n")
show("    >>> if 1:\n      ...  2\n")
show("    >>> if 1:\n    ...  2\n   3\n")
show("    >>> if 1:\n    ...  2\n    3\n  4\n")
show("    a\n    >>> 1\n    1\n")
show("    a\n\n    >>> 1\n    1\n  b\n")
show("a\n    >>> 1\n    ...\n")
show(">>> 1\n...\n")
show(">>> 1\n>>> 2\n... x\n")
show("x>>> 1\n")
show(">>> 1\n1\n>>>2\n")
show(">>> 1 # comment only\n")
show(">>> # just a comment\n1\n>>> 2\n")
show(">>> \n1\n")
show(">>>\n")
show(">>> 'a'\n'a'\n>>> 'b'\n'b'")
show(">>> x = '''\n... a\n... '''\n")
show(">>> print('x')\n... \n... ...\nx\n")
show(">>> 1\n1\n   \n>>> 2\n")
show(">>> 1\r\n1\r\n")
show(">>> 1\n\tx\n")
show("\t>>> 1\n\t1\n")
show("")
show("no examples\n")

# Directives.
show(">>> print(1)  # doctest: +ELLIPSIS, -NORMALIZE_WHITESPACE\n1\n")
show(">>> print(1)  # doctest: +ELLIPSIS +SKIP\n1\n")
show("x\n>>> 1 # doctest: +ELLIPSIS\n... # doctest: -ELLIPSIS\n1\n")
show(">>> x = 1  # doctest: +SKIP\n")
show(">>> 'a # doctest: +SKIP'\n")
show(">>> 1  #doctest:+SKIP\n")
show(">>> 1  #   doctest:   +SKIP  ,  +ELLIPSIS  \n")
show(">>> 1  # doctest: +SKIP,\n")
show(">>> 1  # doctest:\n")
show(">>> print(1)  # doctest: +BOGUS\n1\n")
show(">>> print(1)  # doctest: ELLIPSIS\n1\n")
show(">>> 1  # doctest: +SKIP # doctest: +ELLIPSIS\n")
show("text\n\n  >>> # doctest: +ELLIPSIS\n")

# Exceptions.
show(">>> raise X\nTraceback (most recent call last):\n  File x\n    y\nValueError: a\n  b\nc\n\n")
show(">>> raise X\nTraceback (innermost last):\nValueError\n")
show(">>> raise X\nTraceback (most recent call last):\n")
show(">>> raise X\nTraceback (most recent call last):\n...\nValueError: 1\n")
show(">>> raise X\nTraceback (most recent call last):\n  ...\n  ValueError: 1\n")
show(">>> raise X\nTraceback (most recent call last):\n  ...\n1: x\n")
show(">>> raise X\nTraceback (most recent call last):\n  ...\n_x.Y: x\n")
show(">>> raise X\nTraceback (most recent call last):\n  ...\n-x\nY\n")
show(">>> raise X\nTraceback (most recent call last):  \n  ...\nE\n")
show(">>> raise X\n Traceback (most recent call last):\nE\n")
show(">>> raise X\nTraceback (most recent call last)\nE\n")
show(">>> raise X\nTraceback (most recent call last):\nE: a\n\nF\n")

# Example and DocTest objects.
ex = doctest.Example("1", "2")
print(repr(ex.source), repr(ex.want), ex.exc_msg, ex.lineno, ex.indent, ex.options)
ex = doctest.Example("1\n", "", "E: x", lineno=3, indent=2, options={8: True})
print(repr(ex.source), repr(ex.want), repr(ex.exc_msg), ex.lineno, ex.indent, ex.options)
print(ex == doctest.Example("1\n", "", "E: x\n", 3, 2, {8: True}), ex == 3, ex != ex,
      hash(ex) == hash(doctest.Example("1", "", "E: x", 3, 2)))
globs = {"a": 1}
t = parser.get_doctest(">>> 1\n1\n", globs, "nm", "fn.py", 4)
print(t, repr(t), t.name, t.filename, t.lineno, repr(t.docstring), t.globs, t.globs is globs,
      len(t.examples))
print(parser.get_doctest("", {}, "nm", None, None))
print(parser.get_doctest(">>> 1\n>>> 2\n", {}, "nm", "f", 0))
print([(e.source, e.want) for e in parser.get_examples(">>> 1\n1\n>>> 2\n")])
make = lambda name, lineno, filename="f": doctest.DocTest([], {}, name, filename, lineno, "")
print(make("a", 1) < make("b", 1), make("a", 2) < make("a", 1), make("a", None) < make("a", 1),
      make("a", 1, "e") < make("a", 1, "f"))
print(make("a", 1) == make("a", 1), make("a", 1) == make("a", 2), hash(make("a", 1)) == hash(make("a", 1)))
print(sorted(t.name for t in [make("b", 1), make("a", 3), make("c", 0)]))

# Option flags.
print(doctest.OPTIONFLAGS_BY_NAME)
print(doctest.register_optionflag("MINE"), doctest.register_optionflag("MINE"),
      doctest.register_optionflag("OTHER"), doctest.COMPARISON_FLAGS, doctest.REPORTING_FLAGS)
show(">>> 1  # doctest: +MINE, -OTHER\n")
print(doctest.BLANKLINE_MARKER, doctest.ELLIPSIS_MARKER)

# script_from_examples.
print(doctest.script_from_examples(
    "Some text\n  >>> x = 1\n  >>> x\n  1\n\nmore text\n  and more\n\n"
    ">>> raise X\nTraceback (most recent call last):\nE: x\n>>> if 1:\n...   2\n2\n3\n"))
for text in ["", ">>> 1\n", "a\n\n\n>>> 1\n\n\nb\n\n", "\n\n#x\n", "only prose"]:
    print(repr(doctest.script_from_examples(text)))
