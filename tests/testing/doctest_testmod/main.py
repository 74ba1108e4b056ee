"""A module whose docstrings are doctests: passing and failing examples,
expected exceptions, option directives, and the reports doctest prints.

>>> 1 + 1
2
>>> print("module level")
module level
"""
import doctest


def add(a, b):
    """Adds.

    >>> add(1, 2)
    3
    >>> add("a", "b")
    'ab'
    >>> add(1, 1)
    3
    """
    return a + b


def raises():
    """
    >>> raises()
    Traceback (most recent call last):
      ...
    ValueError: bad value
    >>> raises()  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ValueError: something else
    >>> {}.get("missing", 41)
    42
    """
    raise ValueError("bad value")


class Shapes:
    """A class.

    >>> Shapes().area()
    12
    >>> list(range(20))  # doctest: +ELLIPSIS
    [0, 1, ..., 19]
    >>> print("a   b\\n c")  # doctest: +NORMALIZE_WHITESPACE
    a b c
    >>> print("")
    <BLANKLINE>
    >>> print("skipped")  # doctest: +SKIP
    never
    >>> True
    1
    """

    def area(self):
        """
        >>> Shapes().area() * 2
        24
        >>> for i in range(3):
        ...     print(i)
        0
        1
        2
        >>> x = 5
        >>> x
        6
        """
        return 12

    @property
    def kind(self):
        """>>> Shapes().kind
        'shape'
        """
        return "shape"


def nothing():
    "No examples here."


__test__ = {"extra": """
>>> print("from __test__")
from __test__
>>> nothing() is None
True
"""}

if __name__ == "__main__":
    print(doctest.testmod())
    print(doctest.testmod(verbose=True))
    print(doctest.testmod(optionflags=doctest.REPORT_ONLY_FIRST_FAILURE))
    doctest.run_docstring_examples(add, {"add": add}, name="add_only")
    doctest.run_docstring_examples(add, {"add": add}, verbose=True)
    print(doctest.testmod(optionflags=doctest.REPORT_NDIFF | doctest.FAIL_FAST))
