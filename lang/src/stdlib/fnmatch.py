# `fnmatch`: shell-style wildcards (`*`, `?`, `[seq]`, `[!seq]`).
#
# Patterns are matched directly (a pattern is parsed once into tokens and
# cached); `translate` gives the regular expression CPython's would, for
# code that builds regexes from patterns.

import os

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]


def fnmatch(name, pat):
    """Whether name matches pat, after os.path.normcase of both."""
    return fnmatchcase(os.path.normcase(name), os.path.normcase(pat))


def filter(names, pat):
    """The names that match pat."""
    pat = os.path.normcase(pat)
    tokens = _compile(pat)
    return [name for name in names if _match(tokens, os.path.normcase(name))]


def fnmatchcase(name, pat):
    """Whether name matches pat, case-sensitively."""
    return _match(_compile(pat), name)


# -- Parsing -----------------------------------------------------------------
#
# Tokens: _STAR, _ANY, a one-character string (itself), or a _Class.

_STAR = object()
_ANY = object()


class _Class:
    """A bracket expression: characters and ranges, maybe negated."""

    __slots__ = ("negated", "ranges")

    def __init__(self, negated, ranges):
        self.negated = negated
        self.ranges = ranges

    def matches(self, c):
        inside = False
        for lo, hi in self.ranges:
            if lo <= c <= hi:
                inside = True
                break
        return inside != self.negated


def _class_end(pat, i):
    # The index of the ']' closing a bracket expression whose body starts at
    # i (a leading '!' and a first ']' belong to the body), or None.
    j = i
    if j < len(pat) and pat[j] == "!":
        j += 1
    if j < len(pat) and pat[j] == "]":
        j += 1
    while j < len(pat) and pat[j] != "]":
        j += 1
    return j if j < len(pat) else None


def _class_chunks(pat, i, j):
    # The body pat[i:j] cut at the hyphens that make ranges: consecutive
    # chunks form a range from the last character of one to the first of
    # the next. A range running backwards is dropped.
    if "-" not in pat[i:j]:
        return [pat[i:j]]
    chunks = []
    k = i + 2 if pat[i] == "!" else i + 1
    while True:
        k = pat.find("-", k, j)
        if k < 0:
            break
        chunks.append(pat[i:k])
        i = k + 1
        k = k + 3
    tail = pat[i:j]
    if tail:
        chunks.append(tail)
    else:
        chunks[-1] += "-"
    for k in range(len(chunks) - 1, 0, -1):
        if chunks[k - 1][-1] > chunks[k][0]:
            chunks[k - 1] = chunks[k - 1][:-1] + chunks[k][1:]
            del chunks[k]
    return chunks


def _class_token(chunks):
    text = "-".join(chunks)
    if not text:
        return _Class(False, [])  # never matches
    if text == "!":
        return _ANY
    negated = chunks[0].startswith("!")
    if negated:
        chunks = [chunks[0][1:]] + chunks[1:]
    ranges = []
    for index, chunk in enumerate(chunks):
        first = 1 if index > 0 else 0
        last = len(chunk) - 1 if index < len(chunks) - 1 else len(chunk)
        for c in chunk[first:last]:
            ranges.append((c, c))
        if index > 0:
            ranges.append((chunks[index - 1][-1], chunk[0]))
    return _Class(negated, ranges)


def _tokens(pat):
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == "*":
            yield _STAR
        elif c == "?":
            yield _ANY
        elif c == "[":
            j = _class_end(pat, i)
            if j is None:
                yield "["
            else:
                yield (i, j)
                i = j + 1
        else:
            yield c


_cache = {}


def _compile(pat):
    tokens = _cache.get(pat)
    if tokens is None:
        if isinstance(pat, bytes):
            raise NotImplementedError("fnmatch: bytes patterns are not supported in towel yet")
        tokens = []
        for token in _tokens(pat):
            if isinstance(token, tuple):
                token = _class_token(_class_chunks(pat, token[0], token[1]))
            if token is _STAR and tokens and tokens[-1] is _STAR:
                continue
            tokens.append(token)
        if len(_cache) >= 32768:
            _cache.clear()
        _cache[pat] = tokens
    return tokens


def _match_one(token, c):
    if token is _ANY:
        return True
    if isinstance(token, str):
        return token == c
    return token.matches(c)


def _match(tokens, name):
    # Wildcard matching with one backtracking point: the latest star.
    t = n = 0
    star_t = -1
    star_n = 0
    while n < len(name):
        if t < len(tokens) and tokens[t] is _STAR:
            star_t, star_n = t, n
            t += 1
        elif t < len(tokens) and _match_one(tokens[t], name[n]):
            t += 1
            n += 1
        elif star_t >= 0:
            star_n += 1
            t, n = star_t + 1, star_n
        else:
            return False
    while t < len(tokens) and tokens[t] is _STAR:
        t += 1
    return t == len(tokens)


# -- translate ---------------------------------------------------------------

_REGEX_SPECIAL = frozenset("()[]{}?*+-|^$\\.&~# \t\n\r\x0b\x0c")


def _escape(text):
    return "".join("\\" + c if c in _REGEX_SPECIAL else c for c in text)


def translate(pat):
    """The regular expression (as a string) that matches what pat matches."""
    pieces = []
    for token in _tokens(pat):
        if token is _STAR:
            if not pieces or pieces[-1] is not _STAR:
                pieces.append(_STAR)
        elif token is _ANY:
            pieces.append(".")
        elif isinstance(token, tuple):
            pieces.append(_class_regex(pat, token[0], token[1]))
        else:
            pieces.append(_escape(token))
    # Between two stars, the fixed part is found by a lazy match in an
    # atomic group (nothing to backtrack into); the last star is greedy.
    out = []
    i = 0
    while i < len(pieces) and pieces[i] is not _STAR:
        out.append(pieces[i])
        i += 1
    while i < len(pieces):
        i += 1
        fixed = []
        while i < len(pieces) and pieces[i] is not _STAR:
            fixed.append(pieces[i])
            i += 1
        fixed = "".join(fixed)
        if i == len(pieces):
            out.append(".*" + fixed)
        else:
            out.append(f"(?>.*?{fixed})")
    return "(?s:%s)\\Z" % "".join(out)


def _class_regex(pat, i, j):
    if "-" not in pat[i:j]:
        body = pat[i:j].replace("\\", "\\\\")
    else:
        body = "-".join(s.replace("\\", "\\\\").replace("-", "\\-") for s in _class_chunks(pat, i, j))
    body = "".join("\\" + c if c in "&~|" else c for c in body)
    if not body:
        return "(?!)"
    if body == "!":
        return "."
    if body[0] == "!":
        body = "^" + body[1:]
    elif body[0] in ("^", "["):
        body = "\\" + body
    return f"[{body}]"
