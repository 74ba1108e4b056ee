"""A tolerant HTML tokenizer that reports what it reads to handler methods.

Written for towel from the documentation of CPython's html.parser, the
HTML5 tokenizer's rules for tags and attributes, and CPython's observed
behaviour. `feed` appends text to `rawdata`; `_step` reads one construct
from its front: the character data before the next '<', or the markup a
'<' opens, read by the `_MARKUP` row that the characters after the '<'
select. Each reader reports what it read through the `handle_*` methods
and returns where it stopped, or `_WAIT` when the text ends inside the
construct; the rest then waits for more text, or for `close()`, which
reads it as character data.
"""

import re
from html import unescape

__all__ = ['HTMLParser']

# What a reader returns when the text so far ends inside its construct.
_WAIT = -1

_SPACE = ' \t\n\r\f'


def _skip(text, pos, chars):
    """The first index at or after pos whose character is not in chars."""
    while pos < len(text) and text[pos] in chars:
        pos += 1
    return pos


def _find_any(text, pos, chars):
    """The first index at or after pos whose character is in chars."""
    while pos < len(text) and text[pos] not in chars:
        pos += 1
    return pos


def _start_tag(text, pos):
    """Read the start tag at text[pos] ('<' and a letter).

    Returns (name, attributes, self_closing, end), or None when the text
    ends before the tag does. Attributes follow HTML5: a name runs to a
    space, '/', '>' or '=' (a leading '=' belongs to it); after '=' a value
    is quoted, or runs to a space or '>'; a '/' outside a value closes the
    tag itself when a '>' follows it at once, and is skipped otherwise.
    """
    at = _find_any(text, pos + 1, _SPACE + '/>')
    name = text[pos + 1:at].lower()
    attrs = []
    while True:
        at = _skip(text, at, _SPACE)
        if at + 1 >= len(text) and text[at:] != '>':
            return None
        if text[at] == '>':
            return name, attrs, False, at + 1
        if text[at] == '/':
            if text[at + 1] == '>':
                return name, attrs, True, at + 2
            at += 1
            continue
        name_end = _find_any(text, at + 1, _SPACE + '/>=')
        attribute = text[at:name_end].lower()
        at = _skip(text, name_end, _SPACE)
        if at >= len(text):
            return None
        if text[at] != '=':
            attrs.append((attribute, None))
            continue
        at = _skip(text, at + 1, _SPACE)
        if at >= len(text):
            return None
        if text[at] in '"\'':
            closing = text.find(text[at], at + 1)
            if closing < 0:
                return None
            value, at = text[at + 1:closing], closing + 1
        else:
            value_end = _find_any(text, at, _SPACE + '>')
            value, at = text[at:value_end], value_end
        attrs.append((attribute, unescape(value)))


# Character references as convert_charrefs=False reports them.
_REFERENCE = re.compile(
    r"&(?:#(?P<number>[xX][0-9a-fA-F]+|[0-9]+)|(?P<name>[a-zA-Z][-.a-zA-Z0-9]*))"
    r"(?P<semicolon>;?)")
_REFERENCE_START = re.compile(r"&(?:#[xX]?)?")


class HTMLParser:
    """Feed it HTML text (`feed`, in pieces if you like, then `close`);
    it calls `handle_starttag`, `handle_endtag`, `handle_data` and the
    other handlers, which subclasses override, as it reads.

    With convert_charrefs (the default) character references in text are
    decoded into the data; without it they are reported to
    `handle_entityref` and `handle_charref`. The text inside the elements
    of CDATA_CONTENT_ELEMENTS is data up to their end tag, markup or not.
    """

    CDATA_CONTENT_ELEMENTS = ("script", "style")

    def __init__(self, *, convert_charrefs=True):
        self.convert_charrefs = convert_charrefs
        self.reset()

    def reset(self):
        """Forget everything read and everything waiting."""
        self.rawdata = ''
        self.lasttag = '???'
        self.cdata_elem = None
        self.lineno = 1
        self.offset = 0
        self.__starttag_text = None

    def feed(self, data):
        """Read more text: whatever it completes is reported."""
        self.rawdata = self.rawdata + data
        self._run(final=False)

    def close(self):
        """Read what is left, incomplete constructs as character data."""
        self._run(final=True)

    def getpos(self):
        """(line, column) where the construct being reported starts."""
        return self.lineno, self.offset

    def get_starttag_text(self):
        """The text of the start tag read last, as written."""
        return self.__starttag_text

    # -- Reading --

    def _run(self, final):
        text = self.rawdata
        pos = 0
        while pos < len(text):
            end = self._step(text, pos, final)
            if end == _WAIT:
                break
            self._move(text, pos, end)
            pos = end
        self.rawdata = text[pos:]

    def _move(self, text, start, end):
        """Advance the reported position over text[start:end]."""
        lines = text.count('\n', start, end)
        if lines:
            self.lineno += lines
            self.offset = end - (text.rindex('\n', start, end) + 1)
        else:
            self.offset += end - start

    def _step(self, text, pos, final):
        """Read one construct at pos; where it ends, or _WAIT."""
        if self.cdata_elem is not None:
            return self._raw_text(text, pos, final)
        if text[pos] != '<':
            return self._text(text, pos, final)
        for opens, reader in _MARKUP:
            if opens(text, pos):
                end = reader(self, text, pos)
                break
        else:
            opened = text[pos:].lower()
            could_open = any(o.startswith(opened) for o in _OPENERS)
            end = _WAIT if could_open else None
        if end == _WAIT and not final:
            return _WAIT
        if end is None or end == _WAIT:
            # A '<' that opens nothing (or, at the close, nothing finished)
            # is text.
            self.handle_data('<')
            return pos + 1
        return end

    def _text(self, text, pos, final):
        """Character data up to the next '<'."""
        end = text.find('<', pos)
        if end < 0:
            if not final and self.convert_charrefs and self._reference_pending(text, pos):
                return _WAIT
            end = len(text)
        if self.convert_charrefs:
            self.handle_data(unescape(text[pos:end]))
            return end
        return self._text_with_references(text, pos, end, final)

    @staticmethod
    def _reference_pending(text, pos):
        """Whether the text may end inside a character reference."""
        amp = text.rfind('&', max(pos, len(text) - 34))
        return amp >= 0 and not any(c in _SPACE + ';' for c in text[amp:])

    def _text_with_references(self, text, pos, end, final):
        """Data and references (convert_charrefs=False) up to `end`: the
        data before the first reference, or the reference itself."""
        amp = text.find('&', pos, end)
        if amp != pos:
            stop = end if amp < 0 else amp
            self.handle_data(text[pos:stop])
            return stop
        found = _REFERENCE.match(text, pos, end)
        at_the_end = not final and end == len(text)
        if found is None:
            if at_the_end and _REFERENCE_START.fullmatch(text, pos, end):
                return _WAIT  # '&', '&#' or '&#x' may become a reference
            # A '&' (or '&#') that starts no reference is text.
            taken = 2 if text.startswith('&#', pos) else 1
            self.handle_data(text[pos:pos + taken])
            return pos + taken
        if at_the_end and found.end() == end and not found.group('semicolon'):
            return _WAIT  # The name may go on.
        if found.group('number'):
            self.handle_charref(found.group('number'))
        else:
            self.handle_entityref(found.group('name'))
        return found.end()

    def _raw_text(self, text, pos, final):
        """Inside script or style: data up to the element's end tag."""
        closing = re.compile(r'</\s*%s\s*>' % re.escape(self.cdata_elem),
                             re.IGNORECASE).search(text, pos)
        if closing is None:
            if not final:
                return _WAIT
            self.handle_data(text[pos:])
            return len(text)
        if closing.start() > pos:
            self.handle_data(text[pos:closing.start()])
            return closing.start()
        self.handle_endtag(self.cdata_elem)
        self.cdata_elem = None
        return closing.end()

    def _read_start_tag(self, text, pos):
        read = _start_tag(text, pos)
        if read is None:
            return _WAIT
        name, attrs, self_closing, end = read
        self.__starttag_text = text[pos:end]
        self.lasttag = name
        if self_closing:
            self.handle_startendtag(name, attrs)
        else:
            self.handle_starttag(name, attrs)
            if name in self.CDATA_CONTENT_ELEMENTS:
                self.cdata_elem = name
        return end

    def _read_end_tag(self, text, pos):
        close = text.find('>', pos + 2)
        if close < 0:
            return _WAIT
        name_end = _find_any(text, pos + 2, _SPACE + '/>')
        self.handle_endtag(text[pos + 2:name_end].lower())
        return close + 1

    def _read_between(self, text, pos, opening, closing, handler):
        """A construct from `opening` to `closing`: the text between goes
        to `handler`."""
        end = text.find(closing, pos + len(opening))
        if end < 0:
            return _WAIT
        handler(text[pos + len(opening):end])
        return end + len(closing)

    def _read_comment(self, text, pos):
        return self._read_between(text, pos, '<!--', '-->', self.handle_comment)

    def _read_marked_section(self, text, pos):
        return self._read_between(text, pos, '<![', ']]>', self.unknown_decl)

    def _read_doctype(self, text, pos):
        return self._read_between(text, pos, '<!', '>', self.handle_decl)

    def _read_pi(self, text, pos):
        return self._read_between(text, pos, '<?', '>', self.handle_pi)

    def _read_bogus_comment(self, text, pos):
        """'<!' or '</' followed by something no tag starts with: a comment
        up to the next '>'."""
        return self._read_between(text, pos, text[pos:pos + 2], '>',
                                  self.handle_comment)

    def _skip_empty_end_tag(self, text, pos):
        return pos + 3

    # -- What subclasses override --

    def handle_startendtag(self, tag, attrs):
        """A tag written `<tag/>`: by default a start tag and an end tag."""
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_starttag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        pass

    def handle_data(self, data):
        pass

    def handle_charref(self, name):
        pass

    def handle_entityref(self, name):
        pass

    def handle_comment(self, data):
        pass

    def handle_decl(self, decl):
        pass

    def handle_pi(self, data):
        pass

    def unknown_decl(self, data):
        pass


def _starts(prefix, then=None):
    """A test: the text at pos starts with prefix (case-insensitively when
    it has letters), and the character after it passes `then`."""
    def test(text, pos):
        if text[pos:pos + len(prefix)].lower() != prefix:
            return False
        following = text[pos + len(prefix):pos + len(prefix) + 1]
        return then is None or (following != '' and then(following))
    return test


# What text starting with '<' may turn into once more of it comes.
_OPENERS = ('<!--', '<![', '<!doctype', '</', '<?')

# The markup a '<' can open, tried in order: (test, reader).
_MARKUP = (
    (_starts('<!--'), HTMLParser._read_comment),
    (_starts('<!['), HTMLParser._read_marked_section),
    (_starts('<!doctype'), HTMLParser._read_doctype),
    (_starts('<!'), HTMLParser._read_bogus_comment),
    (_starts('<?'), HTMLParser._read_pi),
    (_starts('</>'), HTMLParser._skip_empty_end_tag),
    (_starts('</', str.isalpha), HTMLParser._read_end_tag),
    (_starts('</', lambda c: c != '>'), HTMLParser._read_bogus_comment),
    (_starts('<', str.isalpha), HTMLParser._read_start_tag),
)
