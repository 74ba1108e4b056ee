# `textwrap`: wrap, fill, shorten, dedent and indent. Text is cut into
# chunks (runs of whitespace, words, and the pieces of hyphenated words;
# split by hand, as towel has no `re`), then lines are filled greedily.

__all__ = ["TextWrapper", "wrap", "fill", "dedent", "indent", "shorten"]

_whitespace = "\t\n\x0b\x0c\r "

# replace_whitespace: every whitespace character becomes one space.
_TO_SPACES = {ord(c): " " for c in _whitespace}


def _letter(c):
    return c.isalpha() or c == "_"


def _word_punct(c):
    return c.isalnum() or c in "_!\"'&.,?"


def _split_word(word):
    # A word splits after a hyphen with two letters on each side (or
    # letter-hyphen-letter patterns), and around em-dashes (runs of two or
    # more hyphens between word characters).
    chunks = []
    start = 0
    i = 0
    n = len(word)
    while i < n:
        if word[i] != "-":
            i += 1
            continue
        j = i
        while j < n and word[j] == "-":
            j += 1
        if j - i >= 2:
            if i > 0 and _word_punct(word[i - 1]) and j < n and (word[j].isalnum() or word[j] == "_"):
                if start < i:
                    chunks.append(word[start:i])
                chunks.append(word[i:j])
                start = j
        elif i > 0:
            before = (i >= 2 and _letter(word[i - 2]) and _letter(word[i - 1])) or (
                i >= 3 and _letter(word[i - 3]) and word[i - 2] == "-" and _letter(word[i - 1]))
            after = i + 1 < n and _letter(word[i + 1]) and (
                (i + 2 < n and _letter(word[i + 2])) or (i + 3 < n and word[i + 2] == "-" and _letter(word[i + 3])))
            if before and after:
                chunks.append(word[start:i + 1])
                start = i + 1
        i = j
    if start < n:
        chunks.append(word[start:])
    return chunks


def _ends_sentence(chunk):
    """A lowercase letter, then ".", "!" or "?", then maybe a quote."""
    if chunk.endswith(('"', "'")):
        chunk = chunk[:-1]
    return len(chunk) >= 2 and chunk[-1] in ".!?" and "a" <= chunk[-2] <= "z"


def _is_space(chunk):
    return not chunk.strip()


class _Line:
    """The chunks of the line being filled."""

    def __init__(self, prefix, room):
        self.prefix = prefix
        self.room = room  # the width left after the prefix
        self.parts = []
        self.length = 0

    def add(self, chunk):
        self.parts.append(chunk)
        self.length += len(chunk)

    def drop_last(self):
        self.length -= len(self.parts.pop())

    def text(self):
        return self.prefix + "".join(self.parts)


class TextWrapper:
    """Wraps paragraphs into lines of at most `width` characters; the
    attributes (the constructor's arguments) say how."""

    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=" [...]"):
        self.width = width
        self.initial_indent, self.subsequent_indent = initial_indent, subsequent_indent
        self.expand_tabs, self.tabsize = expand_tabs, tabsize
        self.replace_whitespace, self.drop_whitespace = replace_whitespace, drop_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words, self.break_on_hyphens = break_long_words, break_on_hyphens
        self.max_lines, self.placeholder = max_lines, placeholder

    # -- text to chunks ---------------------------------------------------------

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        return text.translate(_TO_SPACES) if self.replace_whitespace else text

    def _split(self, text):
        # Alternating runs of whitespace and words (CPython's wordsep_re).
        chunks = []
        i = 0
        n = len(text)
        while i < n:
            j = i
            if text[i] in _whitespace:
                while j < n and text[j] in _whitespace:
                    j += 1
                chunks.append(text[i:j])
            else:
                while j < n and text[j] not in _whitespace:
                    j += 1
                if self.break_on_hyphens:
                    chunks.extend(_split_word(text[i:j]))
                else:
                    chunks.append(text[i:j])
            i = j
        return chunks

    def _fix_sentence_endings(self, chunks):
        """Two spaces after the end of a sentence (in place)."""
        for i in range(len(chunks) - 1):
            if chunks[i + 1] == " " and _ends_sentence(chunks[i]):
                chunks[i + 1] = "  "

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    # -- chunks to lines --------------------------------------------------------

    def _check_widths(self):
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is None:
            return
        last_indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
        if len(last_indent) + len(self.placeholder.lstrip()) > self.width:
            raise ValueError("placeholder too large for max width")

    def _wrap_chunks(self, chunks):
        """Fills lines greedily with `chunks`, in order."""
        self._check_widths()
        pending = list(chunks)
        position = 0
        lines = []
        while position < len(pending):
            prefix = self.subsequent_indent if lines else self.initial_indent
            line = _Line(prefix, self.width - len(prefix))
            # Whitespace starting a line goes, except the paragraph's own.
            if lines and self.drop_whitespace and _is_space(pending[position]):
                position += 1
            while position < len(pending) and line.length + len(pending[position]) <= line.room:
                line.add(pending[position])
                position += 1
            if position < len(pending) and len(pending[position]) > line.room:
                position = self._break_long_chunk(pending, position, line)
            if self.drop_whitespace and line.parts and _is_space(line.parts[-1]):
                line.drop_last()
            if not line.parts:
                continue
            if self._may_end_freely(lines, pending[position:], line):
                lines.append(line.text())
            else:
                self._end_with_placeholder(lines, line)
                break
        return lines

    def _break_long_chunk(self, pending, position, line):
        """A chunk longer than a whole line: its head ends this line (cut
        after a hyphen when it can be), or, when long words are not
        broken, it takes a line of its own. Returns the new position."""
        chunk = pending[position]
        if self.break_long_words:
            room = max(line.room - line.length, 0) if line.room >= 1 else 1
            cut = room
            if self.break_on_hyphens and len(chunk) > room:
                hyphen = chunk.rfind("-", 0, room)
                if hyphen > 0 and chunk[:hyphen].strip("-"):
                    cut = hyphen + 1
            line.add(chunk[:cut])
            pending[position] = chunk[cut:]
            return position
        if not line.parts:
            line.add(chunk)
            return position + 1
        return position

    def _may_end_freely(self, lines, rest, line):
        """Whether `line` can be added as it is under max_lines: it is not
        the last line allowed, or nothing (but dropped whitespace) follows
        and it fits."""
        if self.max_lines is None or len(lines) + 1 < self.max_lines:
            return True
        nothing_left = not rest or (self.drop_whitespace and len(rest) == 1 and _is_space(rest[0]))
        return nothing_left and line.length <= line.room

    def _end_with_placeholder(self, lines, line):
        """The last line allowed: the placeholder goes after as many of its
        chunks as leave room for it, or after the line before."""
        while line.parts:
            if not _is_space(line.parts[-1]) and line.length + len(self.placeholder) <= line.room:
                line.add(self.placeholder)
                lines.append(line.text())
                return
            line.drop_last()
        if lines:
            previous = lines[-1].rstrip()
            if len(previous) + len(self.placeholder) <= self.width:
                lines[-1] = previous + self.placeholder
                return
        lines.append(line.prefix + self.placeholder.lstrip())

    # -- the public methods -------------------------------------------------------

    def wrap(self, text):
        """The lines of the wrapped text, without final newlines."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """The wrapped text as one string."""
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """The lines of `text` wrapped at `width`; TextWrapper's keywords."""
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    """`text` wrapped at `width` as one string; TextWrapper's keywords."""
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """`text` with its whitespace collapsed, cut to fit on one line of
    `width` with the placeholder (" [...]") marking the cut."""
    collapsed = " ".join(text.split())
    return TextWrapper(width=width, max_lines=1, **kwargs).fill(collapsed)


def _common_start(strings):
    """The longest string every one of `strings` starts with."""
    if not strings:
        return ""
    shortest, longest = min(strings), max(strings)
    for i, (a, b) in enumerate(zip(shortest, longest)):
        if a != b:
            return shortest[:i]
    return shortest


def dedent(text):
    """`text` without the leading spaces and tabs all its lines share.
    Lines of only spaces and tabs become empty and do not count."""
    lines = [line if line.strip(" \t") else "" for line in text.split("\n")]
    margin = _common_start([line[:len(line) - len(line.lstrip(" \t"))] for line in lines if line])
    if margin:
        lines = [line[len(margin):] for line in lines]
    return "\n".join(lines)


def indent(text, prefix, predicate=None):
    """`text` with `prefix` before each line for which `predicate` is true
    (by default: lines that are not only whitespace)."""
    if predicate is None:
        predicate = str.strip
    return "".join(prefix + line if predicate(line) else line
                   for line in text.splitlines(keepends=True))
