# difflib: comparing sequences (SequenceMatcher) and the line-oriented deltas
# built on it (Differ / ndiff, unified_diff, context_diff).
#
# SequenceMatcher follows the documented Ratcliff/Obershelp idea: the longest
# matching block of the two ranges (earliest in a, then in b, among the
# longest), then the same on either side of it, recursively. Elements of b
# that isjunk() accepts, and (with autojunk) elements filling more than 1% of
# a b of 200 or more items, never start a match; a block found without them
# is then extended over neighbouring equal popular elements, then over equal
# junk. Everything else (opcodes, groups, ratios, deltas) derives from the
# matching blocks.

import re as _re
from collections import Counter as _Counter, namedtuple as _namedtuple
from types import GenericAlias as _GenericAlias

__all__ = ["get_close_matches", "ndiff", "restore", "SequenceMatcher",
           "Differ", "IS_CHARACTER_JUNK", "IS_LINE_JUNK", "context_diff",
           "unified_diff", "diff_bytes", "HtmlDiff", "Match"]

Match = _namedtuple("Match", "a b size")


def _similarity(matched, total):
    """Twice the matched count over the total length (1.0 for two empty sequences)."""
    return 2.0 * matched / total if total else 1.0


# The opcode for the stretch between two matching blocks, by (a has items, b has items).
_GAP_TAGS = {(True, True): "replace", (True, False): "delete", (False, True): "insert"}


def _context_split(code, n):
    """An equal opcode's first n items (context after a change) and its last n
    (context before the next one)."""
    tag, i1, i2, j1, j2 = code
    return (tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)), (tag, max(i1, i2 - n), i2, max(j1, j2 - n), j2)


class SequenceMatcher:
    """Compare two sequences of hashable elements: their matching blocks, the
    edit operations turning a into b, and similarity ratios. Comparing one b
    with many a's is cheap: b's index is built once (set_seq2)."""

    def __init__(self, isjunk=None, a="", b="", autojunk=True):
        self.isjunk, self.autojunk = isjunk, autojunk
        self.a = self.b = None
        self._take("a", a)
        self._take("b", b)

    def set_seqs(self, a, b):
        """Set both sequences to compare."""
        for side, sequence in (("a", a), ("b", b)):
            self._take(side, sequence)

    def set_seq1(self, a):
        """Set the first sequence (cheap: nothing about b is recomputed)."""
        self._take("a", a)

    def set_seq2(self, b):
        """Set the second sequence and index it."""
        self._take("b", b)

    def _take(self, side, sequence):
        """Install a new sequence on one side, dropping what was computed from the old one."""
        if getattr(self, side) is sequence:
            return
        setattr(self, side, sequence)
        self.matching_blocks = self.opcodes = None
        if side == "b":
            self.fullbcount = None
            self._index_b()

    def _index_b(self):
        """b2j: each element of b that may start a match -> its positions in b, ascending;
        bjunk and bpopular: the elements left out, and why."""
        b = self.b
        positions = {}
        for j, element in enumerate(b):
            positions.setdefault(element, []).append(j)
        self.bjunk = set()
        if self.isjunk:
            self.bjunk = {element for element in positions if self.isjunk(element)}
            for element in self.bjunk:
                del positions[element]
        self.bpopular = set()
        if self.autojunk and len(b) >= 200:
            limit = len(b) // 100 + 1
            self.bpopular = {element for element, where in positions.items() if len(where) > limit}
            for element in self.bpopular:
                del positions[element]
        self.b2j = positions

    def find_longest_match(self, alo=0, ahi=None, blo=0, bhi=None):
        """The longest matching block of a[alo:ahi] and b[blo:bhi] as Match(i, j, k),
        earliest in a and then in b among the longest; junk and popular elements of b
        only ever extend a block found without them. Match(alo, blo, 0) if none."""
        a, b = self.a, self.b
        ahi = len(a) if ahi is None else ahi
        bhi = len(b) if bhi is None else bhi
        start_i, start_j, size = alo, blo, 0
        # run_at[j]: length of the indexed-element match ending at a[i - 1], b[j].
        run_at = {}
        for i in range(alo, ahi):
            runs_here = {}
            for j in self.b2j.get(a[i], ()):
                if j < blo:
                    continue
                if j >= bhi:
                    break
                length = runs_here[j] = run_at.get(j - 1, 0) + 1
                if length > size:
                    start_i, start_j, size = i - length + 1, j - length + 1, length
            run_at = runs_here
        for extendable in (lambda element: element not in self.bjunk, lambda element: element in self.bjunk):
            while start_i > alo and start_j > blo and extendable(b[start_j - 1]) and a[start_i - 1] == b[start_j - 1]:
                start_i, start_j, size = start_i - 1, start_j - 1, size + 1
            while (
                start_i + size < ahi
                and start_j + size < bhi
                and extendable(b[start_j + size])
                and a[start_i + size] == b[start_j + size]
            ):
                size += 1
        return Match(start_i, start_j, size)

    def get_matching_blocks(self):
        """The matching blocks as Match(i, j, n) triples ascending in i and j; adjacent
        blocks are merged, and a final Match(len(a), len(b), 0) closes the list."""
        if self.matching_blocks is not None:
            return self.matching_blocks
        found = []
        pending = [(0, len(self.a), 0, len(self.b))]
        while pending:
            alo, ahi, blo, bhi = pending.pop()
            i, j, size = match = self.find_longest_match(alo, ahi, blo, bhi)
            if not size:
                continue
            found.append(match)
            if alo < i and blo < j:
                pending.append((alo, i, blo, j))
            if i + size < ahi and j + size < bhi:
                pending.append((i + size, ahi, j + size, bhi))
        merged = []
        for i, j, size in sorted(found):
            if merged and merged[-1][0] + merged[-1][2] == i and merged[-1][1] + merged[-1][2] == j:
                merged[-1][2] += size
            else:
                merged.append([i, j, size])
        merged.append([len(self.a), len(self.b), 0])
        self.matching_blocks = [Match(*block) for block in merged]
        return self.matching_blocks

    def get_opcodes(self):
        """The edits turning a into b: (tag, i1, i2, j1, j2) tuples, tag one of
        'replace', 'delete', 'insert', 'equal', covering both sequences in order."""
        if self.opcodes is not None:
            return self.opcodes
        codes = []
        a_end = b_end = 0  # where the previous matching block ended
        for block in self.get_matching_blocks():
            gap = _GAP_TAGS.get((a_end < block.a, b_end < block.b))
            if gap:
                codes.append((gap, a_end, block.a, b_end, block.b))
            a_end, b_end = block.a + block.size, block.b + block.size
            if block.size:
                codes.append(("equal", block.a, a_end, block.b, b_end))
        self.opcodes = codes
        return codes

    def get_grouped_opcodes(self, n=3):
        """Yield the opcodes in groups of changes with up to n items of context around
        them (equal stretches longer than 2n split groups)."""
        # The trimming below edits the cached opcodes in place, as CPython's does
        # (get_opcodes() afterwards shows the trimmed ends).
        codes = self.get_opcodes() or [("equal", 0, 1, 0, 1)]
        if codes[0][0] == "equal":
            codes[0] = _context_split(codes[0], n)[1]
        if codes[-1][0] == "equal":
            codes[-1] = _context_split(codes[-1], n)[0]
        group = []
        for code in codes:
            if code[0] == "equal" and code[2] - code[1] > 2 * n:
                closing, opening = _context_split(code, n)
                yield group + [closing]
                group = [opening]
            else:
                group.append(code)
        if any(code[0] != "equal" for code in group):
            yield group

    def ratio(self):
        """Similarity in [0, 1]: 2*M/T for M matched elements in T elements of both."""
        matched = sum(block.size for block in self.get_matching_blocks())
        return _similarity(matched, len(self.a) + len(self.b))

    def quick_ratio(self):
        """An upper bound on ratio() from the elements the sequences share, counted
        with multiplicity and ignoring order."""
        if self.fullbcount is None:
            self.fullbcount = _Counter(self.b)
        shared = _Counter(self.a) & self.fullbcount
        return _similarity(sum(shared.values()), len(self.a) + len(self.b))

    def real_quick_ratio(self):
        """An upper bound on ratio() from the lengths alone."""
        la, lb = len(self.a), len(self.b)
        return _similarity(min(la, lb), la + lb)

    __class_getitem__ = classmethod(_GenericAlias)


def get_close_matches(word, possibilities, n=3, cutoff=0.6):
    """The (at most n) possibilities whose ratio() with word is at least cutoff, best first."""
    if not n > 0:
        raise ValueError(f"n must be > 0: {n!r}")
    if not 0.0 <= cutoff <= 1.0:
        raise ValueError(f"cutoff must be in [0.0, 1.0]: {cutoff!r}")
    matcher = SequenceMatcher(b=word)

    def score(candidate):
        # The cheap upper bounds rule most candidates out before ratio() is computed.
        matcher.set_seq1(candidate)
        for estimate in (matcher.real_quick_ratio, matcher.quick_ratio, matcher.ratio):
            if estimate() < cutoff:
                return None
        return matcher.ratio()

    scored = [(value, candidate) for candidate in possibilities if (value := score(candidate)) is not None]
    # Best score first; equal scores in descending order of the candidates themselves.
    return [candidate for _, candidate in sorted(scored, reverse=True)[:n]]


# -- Differ --------------------------------------------------------------------------

# The "?" guide line under a changed line marks each character by the opcode that covers it.
_GUIDE_MARKS = {"replace": ("^", "^"), "delete": ("-", ""), "insert": ("", "+"), "equal": (" ", " ")}


def _guide(line, marks):
    """The guide for line: its marks, keeping the line's own whitespace (tabs) under blank marks."""
    return "".join(char if mark == " " and char.isspace() else mark for char, mark in zip(line, marks)).rstrip()


class Differ:
    """Compare sequences of lines into a human-readable delta: lines prefixed
    '- ' (only in a), '+ ' (only in b), '  ' (in both), and '? ' guides that
    point at the changed characters of two similar lines."""

    def __init__(self, linejunk=None, charjunk=None):
        self.linejunk = linejunk
        self.charjunk = charjunk

    def compare(self, a, b):
        """Yield the delta of the sequences of lines a and b (lines ending in newlines)."""
        for tag, alo, ahi, blo, bhi in SequenceMatcher(self.linejunk, a, b).get_opcodes():
            if tag == "replace":
                yield from self._replace(a, alo, ahi, b, blo, bhi)
                continue
            # Deleted and kept lines come from a, inserted ones from b.
            prefix, lines, lo, hi = {
                "delete": ("-", a, alo, ahi),
                "insert": ("+", b, blo, bhi),
                "equal": (" ", a, alo, ahi),
            }[tag]
            yield from self._lines(prefix, lines, lo, hi)

    def _lines(self, prefix, lines, lo, hi):
        for index in range(lo, hi):
            yield f"{prefix} {lines[index]}"

    def _block_replace(self, a, alo, ahi, b, blo, bhi):
        """The two sides of a replacement as plain blocks, the shorter one first ('-' on a tie)."""
        deleted, inserted = self._lines("-", a, alo, ahi), self._lines("+", b, blo, bhi)
        for block in (inserted, deleted) if bhi - blo < ahi - alo else (deleted, inserted):
            yield from block

    def _closest_pair(self, a, alo, ahi, b, blo, bhi):
        """(ratio, i, j) of the most similar pair of differing lines (first found of the best,
        scanning b's lines in the outer loop), or (None, i, j) for the first identical pair
        when no pair reaches 0.75, or None when neither exists."""
        best, best_i, best_j = 0.74, None, None
        identical = None
        matcher = SequenceMatcher(self.charjunk)
        for j in range(blo, bhi):
            matcher.set_seq2(b[j])
            for i in range(alo, ahi):
                if a[i] == b[j]:
                    if identical is None:
                        identical = (i, j)
                    continue
                matcher.set_seq1(a[i])
                if matcher.real_quick_ratio() > best and matcher.quick_ratio() > best and matcher.ratio() > best:
                    best, best_i, best_j = matcher.ratio(), i, j
        if best >= 0.75:
            return best, best_i, best_j
        if identical is not None:
            return (None, *identical)
        return None

    def _replace(self, a, alo, ahi, b, blo, bhi):
        """A replaced block: synchronise on the most similar pair of lines (shown with
        guides), and treat what lies before and after it the same way, recursively."""
        pair = self._closest_pair(a, alo, ahi, b, blo, bhi)
        if pair is None:
            yield from self._block_replace(a, alo, ahi, b, blo, bhi)
            return
        ratio, i, j = pair
        yield from self._around(a, alo, i, b, blo, j)
        if ratio is None:
            yield "  " + a[i]
        else:
            yield from self._guided(a[i], b[j])
        yield from self._around(a, i + 1, ahi, b, j + 1, bhi)

    def _around(self, a, alo, ahi, b, blo, bhi):
        if alo < ahi and blo < bhi:
            yield from self._replace(a, alo, ahi, b, blo, bhi)
        elif alo < ahi:
            yield from self._lines("-", a, alo, ahi)
        elif blo < bhi:
            yield from self._lines("+", b, blo, bhi)

    def _guided(self, old, new):
        """Two similar lines, each followed by a '? ' guide when it has changes to show."""
        old_marks, new_marks = [], []
        for tag, i1, i2, j1, j2 in SequenceMatcher(self.charjunk, old, new).get_opcodes():
            old_mark, new_mark = _GUIDE_MARKS[tag]
            old_marks.append(old_mark * (i2 - i1))
            new_marks.append(new_mark * (j2 - j1))
        for prefix, line, marks in (("- ", old, old_marks), ("+ ", new, new_marks)):
            yield prefix + line
            guide = _guide(line, "".join(marks))
            if guide:
                yield f"? {guide}\n"


def IS_LINE_JUNK(line, pat=_re.compile(r"\s*(?:#\s*)?$").match):
    """True for a blank line or one holding only a '#' (and whitespace)."""
    return pat(line) is not None


def IS_CHARACTER_JUNK(ch, ws=" \t"):
    """True for a space or a tab."""
    return ch in ws


def ndiff(a, b, linejunk=None, charjunk=IS_CHARACTER_JUNK):
    """The Differ delta of the line sequences a and b (spaces and tabs are character junk)."""
    return Differ(linejunk, charjunk).compare(a, b)


def restore(delta, which):
    """Yield the lines of sequence 1 or 2 (which) that produced an ndiff/Differ delta."""
    kept_prefixes = {1: ("  ", "- "), 2: ("  ", "+ ")}.get(int(which))
    if kept_prefixes is None:
        raise ValueError(f"unknown delta choice (must be 1 or 2): {which!r}")
    yield from (line[2:] for line in delta if line[:2] in kept_prefixes)


# -- unified and context diffs -------------------------------------------------------


def _check_types(a, b, *args):
    for lines in (a, b):
        if lines and not isinstance(lines[0], str):
            raise TypeError(f"lines to compare must be str, not {type(lines[0]).__name__} ({lines[0]!r})")
    for arg in args:
        if not isinstance(arg, str):
            raise TypeError(f"all arguments must be str, not: {arg!r}")


def _hunk_range(start, stop, style):
    """A hunk's line range: 'start,length' (unified) or 'first,last' (context), 1-based;
    a single line is just its number, an empty range counts from the line before it."""
    length = stop - start
    first = start + 1 if length else start
    if style == "unified":
        return f"{first}" if length == 1 else f"{first},{length}"
    return f"{first}" if length <= 1 else f"{first},{first + length - 1}"


def _headers(marks, fromfile, tofile, fromfiledate, tofiledate, lineterm):
    for mark, name, date in zip(marks, (fromfile, tofile), (fromfiledate, tofiledate)):
        yield f"{mark} {name}{chr(9) + date if date else ''}{lineterm}"


def unified_diff(a, b, fromfile="", tofile="", fromfiledate="", tofiledate="", n=3, lineterm="\n"):
    """The unified-format diff of the line sequences a and b, with n lines of context."""
    _check_types(a, b, fromfile, tofile, fromfiledate, tofiledate, lineterm)
    for index, group in enumerate(SequenceMatcher(None, a, b).get_grouped_opcodes(n)):
        if not index:
            yield from _headers(("---", "+++"), fromfile, tofile, fromfiledate, tofiledate, lineterm)
        old = _hunk_range(group[0][1], group[-1][2], "unified")
        new = _hunk_range(group[0][3], group[-1][4], "unified")
        yield f"@@ -{old} +{new} @@{lineterm}"
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                yield from (" " + line for line in a[i1:i2])
                continue
            yield from ("-" + line for line in a[i1:i2])
            yield from ("+" + line for line in b[j1:j2])


_CONTEXT_PREFIX = {"insert": "+ ", "delete": "- ", "replace": "! ", "equal": "  "}


def context_diff(a, b, fromfile="", tofile="", fromfiledate="", tofiledate="", n=3, lineterm="\n"):
    """The context-format diff of the line sequences a and b, with n lines of context."""
    _check_types(a, b, fromfile, tofile, fromfiledate, tofiledate, lineterm)
    for index, group in enumerate(SequenceMatcher(None, a, b).get_grouped_opcodes(n)):
        if not index:
            yield from _headers(("***", "---"), fromfile, tofile, fromfiledate, tofiledate, lineterm)
        yield "***************" + lineterm
        tags = {code[0] for code in group}
        for mark, lines, lo, hi, skipped, shown in (
            ("***", a, 1, 2, "insert", {"replace", "delete"}),
            ("---", b, 3, 4, "delete", {"replace", "insert"}),
        ):
            yield f"{mark} {_hunk_range(group[0][lo], group[-1][hi], 'context')} {mark[0] * 4}{lineterm}"
            if tags & shown:
                for code in group:
                    if code[0] != skipped:
                        yield from (_CONTEXT_PREFIX[code[0]] + line for line in lines[code[lo] : code[hi]])


def diff_bytes(dfunc, a, b, fromfile=b"", tofile=b"", fromfiledate=b"", tofiledate=b"", n=3, lineterm=b"\n"):
    """Run the str diff function dfunc on bytes, decoded losslessly as ASCII with
    surrogate escapes, and yield its lines encoded back."""

    def decode(value):
        try:
            return value.decode("ascii", "surrogateescape")
        except AttributeError as err:
            raise TypeError(f"all arguments must be bytes, not {type(value).__name__} ({value!r})") from err

    a, b = [decode(line) for line in a], [decode(line) for line in b]
    names = [decode(arg) for arg in (fromfile, tofile, fromfiledate, tofiledate)]
    for line in dfunc(a, b, *names, n, decode(lineterm)):
        yield line.encode("ascii", "surrogateescape")


class HtmlDiff:
    """Side-by-side HTML tables of differences: not available in towel yet."""

    def __init__(self, *args, **kwargs):
        raise NotImplementedError("difflib.HtmlDiff is not implemented in towel")
