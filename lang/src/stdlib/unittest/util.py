# `unittest.util`: reprs that stay readable in failure messages, and the
# element counting behind assertCountEqual.

import os.path
from collections import Counter, namedtuple

# Frames of this module are left out of the tracebacks unittest reports
# (result.py looks for this name in a frame's globals).
__unittest = True

# How long a repr may grow before "first != second" messages shorten it,
# and the pieces a shortened repr keeps: its first characters, the end of
# the part the values share, and the last characters of where they differ.
_MAX_LENGTH = 80
_PLACEHOLDER_LEN = 12
_MIN_BEGIN_LEN = 5
_MIN_END_LEN = 5
_MIN_COMMON_LEN = 5
# What is left for the differing part when the shared part is cut down to
# "head[N chars]tail" and the differing part to "...[N chars]tail".
_MIN_DIFF_LEN = _MAX_LENGTH - (_MIN_BEGIN_LEN + _PLACEHOLDER_LEN + _MIN_COMMON_LEN
                               + _PLACEHOLDER_LEN + _MIN_END_LEN)


def _shorten(s, prefixlen, suffixlen):
    """`s` with its middle replaced by "[N chars]", when that saves room."""
    cut = len(s) - prefixlen - suffixlen
    if cut <= _PLACEHOLDER_LEN:
        return s
    return f"{s[:prefixlen]}[{cut:d} chars]{s[len(s) - suffixlen:]}"


def _common_shorten_repr(*args):
    """The reprs of `args`, shortened alike so that where they differ shows."""
    reprs = tuple(safe_repr(value) for value in args)
    longest = max(len(text) for text in reprs)
    if longest <= _MAX_LENGTH:
        return reprs
    shared = len(os.path.commonprefix(reprs))
    # Cutting the shared part alone may be enough to fit; if not, it keeps
    # only its ends and each differing part is cut too.
    room_for_shared = _MAX_LENGTH - (longest - shared + _MIN_BEGIN_LEN + _PLACEHOLDER_LEN)
    cut_differing = room_for_shared <= _MIN_COMMON_LEN
    head = _shorten(reprs[0][:shared], _MIN_BEGIN_LEN,
                    _MIN_COMMON_LEN if cut_differing else room_for_shared)
    return tuple(head + (_shorten(text[shared:], _MIN_DIFF_LEN, _MIN_END_LEN) if cut_differing
                         else text[shared:])
                 for text in reprs)


def safe_repr(obj, short=False):
    """repr(obj), falling back to object's repr when obj's own one fails;
    `short` cuts it to _MAX_LENGTH characters."""
    try:
        text = repr(obj)
    except Exception:
        text = object.__repr__(obj)
    too_long = short and len(text) >= _MAX_LENGTH
    return text[:_MAX_LENGTH] + " [truncated]..." if too_long else text


def strclass(cls):
    """"module.QualifiedName" of a class, as test ids spell it."""
    return f"{cls.__module__}.{cls.__qualname__}"


def sorted_list_difference(expected, actual):
    """(missing, unexpected) for two sorted lists: the values of `expected`
    that `actual` lacks and the reverse, each repeated value once until one
    list runs out, then the rest of the other as it is."""
    missing, unexpected = [], []
    e = a = 0
    while e < len(expected) and a < len(actual):
        want, got = expected[e], actual[a]
        if want < got:
            missing.append(want)
        elif got < want:
            unexpected.append(got)
        if not got < want:
            e = _past_run(expected, e)
        if not want < got:
            a = _past_run(actual, a)
    missing.extend(expected[e:])
    unexpected.extend(actual[a:])
    return missing, unexpected


def _past_run(items, start):
    """Index of the first item after the run of items equal to items[start]."""
    value = items[start]
    end = start + 1
    while end < len(items) and items[end] == value:
        end += 1
    return end


def unorderable_list_difference(expected, actual):
    """(missing, unexpected) for lists whose items need not be hashable nor
    orderable. Like CPython's, it consumes its arguments: `expected` ends
    empty and `actual` holds the unexpected items, and is returned."""
    missing = []
    for _ in range(len(expected)):
        value = expected.pop()
        if value in actual:
            actual.remove(value)
        else:
            missing.append(value)
    return missing, actual


def three_way_cmp(x, y):
    """-1, 0 or 1 as x sorts before, with or after y."""
    if x < y:
        return -1
    return 1 if x > y else 0


_Mismatch = namedtuple("Mismatch", "actual expected value", module=__name__)


def _count_diff_all_purpose(actual, expected):
    """Mismatch(actual count, expected count, value) for each value the two
    iterables hold a different number of times, compared with == only: the
    values of `actual` in first-seen order, then those only `expected` has."""
    tallies = []  # [value, count in actual, count in expected]
    for value, column in _tagged(actual, expected):
        for tally in tallies:
            if tally[0] is value or tally[0] == value:
                tally[column] += 1
                break
        else:
            tally = [value, 0, 0]
            tally[column] = 1
            tallies.append(tally)
    return [_Mismatch(mine, theirs, value) for value, mine, theirs in tallies if mine != theirs]


def _tagged(actual, expected):
    for value in actual:
        yield value, 1
    for value in expected:
        yield value, 2


def _count_diff_hashable(actual, expected):
    """_count_diff_all_purpose for hashable values, counted in dicts."""
    mine, theirs = Counter(actual), Counter(expected)
    order = list(mine) + [value for value in theirs if value not in mine]
    return [_Mismatch(mine[value], theirs[value], value) for value in order
            if mine[value] != theirs[value]]
