# `unittest.util`: reprs that stay readable in failure messages, and the
# element counting behind assertCountEqual.

from collections import namedtuple, Counter
from os.path import commonprefix

__unittest = True

# A failure message shows reprs of at most _MAX_LENGTH characters; longer
# ones lose their middle (a common prefix, then the differing part) to
# "[N chars]" placeholders.
_MAX_LENGTH = 80
_PLACEHOLDER_LEN = 12
_MIN_BEGIN_LEN = 5
_MIN_END_LEN = 5
_MIN_COMMON_LEN = 5
_MIN_DIFF_LEN = _MAX_LENGTH - (_MIN_BEGIN_LEN + _PLACEHOLDER_LEN + _MIN_COMMON_LEN
                               + _PLACEHOLDER_LEN + _MIN_END_LEN)


def _shorten(s, prefixlen, suffixlen):
    skipped = len(s) - prefixlen - suffixlen
    if skipped <= _PLACEHOLDER_LEN:
        return s
    return f"{s[:prefixlen]}[{skipped} chars]{s[len(s) - suffixlen:]}"


def _common_shorten_repr(*args):
    reprs = tuple(safe_repr(arg) for arg in args)
    longest = max(len(r) for r in reprs)
    if longest <= _MAX_LENGTH:
        return reprs
    prefix = commonprefix(reprs)
    cut = len(prefix)
    keep_common = _MAX_LENGTH - (longest - cut + _MIN_BEGIN_LEN + _PLACEHOLDER_LEN)
    if keep_common > _MIN_COMMON_LEN:
        # The differing tails fit: shorten only the shared prefix.
        prefix = _shorten(prefix, _MIN_BEGIN_LEN, keep_common)
        return tuple(prefix + r[cut:] for r in reprs)
    prefix = _shorten(prefix, _MIN_BEGIN_LEN, _MIN_COMMON_LEN)
    return tuple(prefix + _shorten(r[cut:], _MIN_DIFF_LEN, _MIN_END_LEN) for r in reprs)


def safe_repr(obj, short=False):
    try:
        text = repr(obj)
    except Exception:
        text = object.__repr__(obj)
    if short and len(text) >= _MAX_LENGTH:
        return text[:_MAX_LENGTH] + " [truncated]..."
    return text


def strclass(cls):
    return f"{cls.__module__}.{cls.__qualname__}"


def sorted_list_difference(expected, actual):
    """(missing, unexpected): elements of sorted `expected` not in sorted `actual`, and the reverse."""
    missing = []
    unexpected = []
    i = j = 0
    while i < len(expected) and j < len(actual):
        e, a = expected[i], actual[j]
        if e < a:
            missing.append(e)
            while i < len(expected) and expected[i] == e:
                i += 1
        elif e > a:
            unexpected.append(a)
            while j < len(actual) and actual[j] == a:
                j += 1
        else:
            while i < len(expected) and expected[i] == e:
                i += 1
            while j < len(actual) and actual[j] == a:
                j += 1
    missing.extend(expected[i:])
    unexpected.extend(actual[j:])
    return missing, unexpected


def unorderable_list_difference(expected, actual):
    """sorted_list_difference for unorderable items; empties `expected` and trims `actual`."""
    missing = []
    while expected:
        item = expected.pop()
        try:
            actual.remove(item)
        except ValueError:
            missing.append(item)
    return missing, actual


def three_way_cmp(x, y):
    """-1, 0 or 1 as x is less than, equal to or greater than y."""
    return (x > y) - (x < y)


_Mismatch = namedtuple("Mismatch", "actual expected value")


def _count_diff_all_purpose(actual, expected):
    """Mismatch triples (count in actual, count in expected, element) for any elements."""
    left, right = list(actual), list(expected)
    counted = object()
    mismatches = []
    for i, elem in enumerate(left):
        if elem is counted:
            continue
        in_left = in_right = 0
        for j in range(i, len(left)):
            if left[j] == elem:
                in_left += 1
                left[j] = counted
        for j, other in enumerate(right):
            if other == elem:
                in_right += 1
                right[j] = counted
        if in_left != in_right:
            mismatches.append(_Mismatch(in_left, in_right, elem))
    for i, elem in enumerate(right):
        if elem is counted:
            continue
        in_right = 0
        for j in range(i, len(right)):
            if right[j] == elem:
                in_right += 1
                right[j] = counted
        mismatches.append(_Mismatch(0, in_right, elem))
    return mismatches


def _count_diff_hashable(actual, expected):
    """Mismatch triples for hashable elements."""
    left, right = Counter(actual), Counter(expected)
    mismatches = []
    for elem, count in left.items():
        other = right.get(elem, 0)
        if count != other:
            mismatches.append(_Mismatch(count, other, elem))
    for elem, count in right.items():
        if elem not in left:
            mismatches.append(_Mismatch(0, count, elem))
    return mismatches
