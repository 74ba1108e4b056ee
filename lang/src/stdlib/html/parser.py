"""A tolerant HTML tokenizer: HTMLParser reads markup fed in pieces and
calls a handler method for each start tag, end tag, text run, comment,
declaration, processing instruction and (unless convert_charrefs)
character reference. Subclasses override the handlers they want.

Text is held back while it might still be the start of a tag or reference
cut by the end of a piece; close() flushes it."""

import re
from html import unescape

__all__ = ['HTMLParser']

# Where the next piece of markup may start: a tag or a reference.
_MARKUP_OR_REFERENCE = re.compile('[&<]')
# A reference that might still be completed by more input.
_PARTIAL_REFERENCE = re.compile('&[a-zA-Z#]')
# A complete named or numeric reference, and the character that ended it.
_NAMED_REFERENCE = re.compile('&([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]')
_NUMERIC_REFERENCE = re.compile('&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]')
_TAG_OPEN = re.compile('<[a-zA-Z]')
# A tag name, and the spaces or stray slashes after it.
_TAG_NAME = re.compile(r'([a-zA-Z][^\t\n\r\f />\x00]*)(?:\s|/(?!>))*')
# One attribute: name, then optionally "=" and a quoted or bare value.
_ATTRIBUTE = re.compile(
    r'((?<=[\'"\s/])[^\s/>][^\s/=>]*)'
    r'(\s*=+\s*(\'[^\']*\'|"[^"]*"|(?![\'"])[^>\s]*))?'
    r'(?:\s|/(?!>))*')
# How far a start tag reaches before its ">" (or where it stops making sense).
_START_TAG_BODY = re.compile(r"""
    <[a-zA-Z][^\t\n\r\f />\x00]*
    (?:[\s/]*
       (?:(?<=['"\s/])[^\s/>][^\s/=>]*
          (?:\s*=+\s*(?:'[^']*'|"[^"]*"|(?!['"])[^>\s]*)\s*)?
          (?:\s|/(?!>))*
       )*
    )?
    \s*
""", re.VERBOSE)
_END_TAG = re.compile(r'</\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>')
_COMMENT_END = re.compile(r'--\s*>')
_MARKED_SECTION_END = re.compile(r']\s*]\s*>')
_CONDITIONAL_SECTION_END = re.compile(r']\s*>')
_MARKED_SECTION_NAME = re.compile(r'[a-zA-Z][-_.a-zA-Z0-9]*\s*')
# A reference cut by the end of the input is finished by a space or ";".
_REFERENCE_TERMINATOR = re.compile(r'[\s;]')


class HTMLParser:
    """Find tags and other markup and call handler methods.

    Usage:
        p = HTMLParser()
        p.feed(data)
        ...
        p.close()

    With convert_charrefs true (the default), character references in
    text and attribute values are replaced by their characters before the
    handlers see them; otherwise handle_entityref and handle_charref are
    called for references in text.
    """

    CDATA_CONTENT_ELEMENTS = ("script", "style")

    def __init__(self, *, convert_charrefs=True):
        self.convert_charrefs = convert_charrefs
        self.reset()

    def reset(self):
        """Reset this instance.  Loses all unprocessed data."""
        self.rawdata = ''
        self.lasttag = '???'
        self.interesting = _MARKUP_OR_REFERENCE
        self.cdata_elem = None
        self.lineno = 1
        self.offset = 0
        self._starttag_text = None

    def feed(self, data):
        """Feed data to the parser: as much of it as forms complete markup
        is handled now, the rest waits for more data or close()."""
        self.rawdata = self.rawdata + data
        self.goahead(0)

    def close(self):
        """Handle any buffered data."""
        self.goahead(1)

    def getpos(self):
        """Return current line number and offset."""
        return self.lineno, self.offset

    def get_starttag_text(self):
        """Return full source of start tag: '<...>'."""
        return self._starttag_text

    def set_cdata_mode(self, elem):
        # Inside <script> and <style> only the matching end tag is markup.
        self.cdata_elem = elem.lower()
        self.interesting = re.compile(r'</\s*%s\s*>' % self.cdata_elem, re.I)

    def clear_cdata_mode(self):
        self.interesting = _MARKUP_OR_REFERENCE
        self.cdata_elem = None

    def updatepos(self, i, j):
        """Advance the line and column past rawdata[i:j]; return j."""
        if i >= j:
            return j
        newlines = self.rawdata.count("\n", i, j)
        if newlines:
            self.lineno = self.lineno + newlines
            self.offset = j - (self.rawdata.rindex("\n", i, j) + 1)
        else:
            self.offset = self.offset + j - i
        return j

    def _text(self, text):
        if self.convert_charrefs and not self.cdata_elem:
            text = unescape(text)
        self.handle_data(text)

    def _next_markup(self, i):
        """Where the text starting at i ends, or None to wait for more."""
        rawdata = self.rawdata
        if self.convert_charrefs and not self.cdata_elem:
            j = rawdata.find('<', i)
            if j >= 0:
                return j
            # A reference near the end may be cut in half: hold the text
            # back until something finishes it.
            n = len(rawdata)
            amp = rawdata.rfind('&', max(i, n - 34))
            if amp >= 0 and not _REFERENCE_TERMINATOR.search(rawdata, amp):
                return None
            return n
        match = self.interesting.search(rawdata, i)
        if match:
            return match.start()
        return None if self.cdata_elem else len(rawdata)

    def goahead(self, end):
        """Handle what rawdata holds; at the end (close), flush the rest."""
        rawdata = self.rawdata
        i = 0
        n = len(rawdata)
        while i < n:
            j = self._next_markup(i)
            if j is None:
                break
            if i < j:
                self._text(rawdata[i:j])
            i = self.updatepos(i, j)
            if i == n:
                break
            if rawdata.startswith('<', i):
                k = self._parse_markup(i)
                if k is None:
                    break
                if k < 0:
                    if not end:
                        break
                    # Unfinished markup at the end is text, up to its ">".
                    k = rawdata.find('>', i + 1)
                    if k < 0:
                        k = rawdata.find('<', i + 1)
                        if k < 0:
                            k = i + 1
                    else:
                        k += 1
                    self._text(rawdata[i:k])
                i = self.updatepos(i, k)
            else:
                k, stop = self._parse_reference(i, end)
                i = self.updatepos(i, k)
                if stop:
                    break
        if end and i < n and not self.cdata_elem:
            self._text(rawdata[i:n])
            i = self.updatepos(i, n)
        self.rawdata = rawdata[i:]

    def _parse_markup(self, i):
        """Handle the markup at rawdata[i] ("<"); return where it ends, -1
        if it is not complete yet, or None to wait for more input."""
        rawdata = self.rawdata
        if _TAG_OPEN.match(rawdata, i):
            return self.parse_starttag(i)
        if rawdata.startswith("</", i):
            return self.parse_endtag(i)
        if rawdata.startswith("<!--", i):
            return self.parse_comment(i)
        if rawdata.startswith("<?", i):
            return self.parse_pi(i)
        if rawdata.startswith("<!", i):
            return self.parse_html_declaration(i)
        if i + 1 < len(rawdata):
            self.handle_data("<")
            return i + 1
        return None

    def _parse_reference(self, i, end):
        """Handle the reference at rawdata[i] ("&", only seen when
        references are not converted); return where parsing goes on, and
        whether to stop there and wait for more input."""
        rawdata = self.rawdata
        if rawdata.startswith("&#", i):
            match = _NUMERIC_REFERENCE.match(rawdata, i)
            if match:
                self.handle_charref(match.group()[2:-1])
                return self._after_reference(match), False
            if ";" in rawdata[i:]:
                # Not a reference after all: "&#" is text.
                self.handle_data(rawdata[i:i + 2])
                return i + 2, True
            return i, True
        match = _NAMED_REFERENCE.match(rawdata, i)
        if match:
            self.handle_entityref(match.group(1))
            return self._after_reference(match), False
        match = _PARTIAL_REFERENCE.match(rawdata, i)
        if match:
            # At the end, the "&" of an unfinished reference is dropped
            # and what follows it is text.
            if end and match.group() == rawdata[i:]:
                return i + 1, True
            return i, True
        if i + 1 < len(rawdata):
            self.handle_data("&")
            return i + 1, False
        return i, True

    def _after_reference(self, match):
        # The character that ended the reference is kept unless it is ";".
        k = match.end()
        if not self.rawdata.startswith(';', k - 1):
            k -= 1
        return k

    def check_for_whole_start_tag(self, i):
        """Where the start tag at i ends, or -1 if more input may be part
        of it."""
        rawdata = self.rawdata
        j = _START_TAG_BODY.match(rawdata, i).end()
        following = rawdata[j:j + 1]
        if following == ">":
            return j + 1
        if following == "/":
            if rawdata.startswith("/>", j):
                return j + 2
            return -1
        if following == "" or following.isascii() and (
                following.isalpha() or following in "=/"):
            # Inside or before an attribute value, or a "/>" still to come.
            return -1
        return j if j > i else i + 1

    def parse_starttag(self, i):
        """Handle the start tag at i; return where it ends, or -1."""
        self._starttag_text = None
        endpos = self.check_for_whole_start_tag(i)
        if endpos < 0:
            return endpos
        rawdata = self.rawdata
        self._starttag_text = rawdata[i:endpos]
        match = _TAG_NAME.match(rawdata, i + 1)
        k = match.end()
        self.lasttag = tag = match.group(1).lower()
        attrs = []
        while k < endpos:
            match = _ATTRIBUTE.match(rawdata, k)
            if not match:
                break
            name, assignment, value = match.group(1, 2, 3)
            if not assignment:
                value = None
            elif value[:1] in ("'", '"') and value[-1:] == value[:1]:
                value = value[1:-1]
            if value:
                value = unescape(value)
            attrs.append((name.lower(), value))
            k = match.end()
        ending = rawdata[k:endpos].strip()
        if ending not in (">", "/>"):
            self.handle_data(rawdata[i:endpos])
            return endpos
        if ending.endswith('/>'):
            self.handle_startendtag(tag, attrs)
        else:
            self.handle_starttag(tag, attrs)
            if tag in self.CDATA_CONTENT_ELEMENTS:
                self.set_cdata_mode(tag)
        return endpos

    def parse_endtag(self, i):
        """Handle the end tag at i; return where it ends, or -1."""
        rawdata = self.rawdata
        gtpos = rawdata.find('>', i + 1)
        if gtpos < 0:
            return -1
        gtpos += 1
        match = _END_TAG.match(rawdata, i)
        if match:
            tag = match.group(1).lower()
            if self.cdata_elem is not None and tag != self.cdata_elem:
                self.handle_data(rawdata[i:gtpos])
                return gtpos
            self.handle_endtag(tag)
            self.clear_cdata_mode()
            return gtpos
        if self.cdata_elem is not None:
            self.handle_data(rawdata[i:gtpos])
            return gtpos
        # A malformed end tag: its name is what follows "</", the rest up
        # to ">" is dropped.
        name = _TAG_NAME.match(rawdata, i + 2)
        if not name:
            if rawdata[i:i + 3] == '</>':
                return i + 3
            return self.parse_bogus_comment(i)
        self.handle_endtag(name.group(1).lower())
        return rawdata.find('>', name.end()) + 1

    def parse_comment(self, i, report=1):
        """Handle the comment "<!--...-->" at i; return where it ends, or -1."""
        rawdata = self.rawdata
        if rawdata[i:i + 4] != '<!--':
            raise AssertionError('unexpected call to parse_comment()')
        match = _COMMENT_END.search(rawdata, i + 4)
        if not match:
            return -1
        if report:
            self.handle_comment(rawdata[i + 4:match.start()])
        return match.end()

    def parse_bogus_comment(self, i, report=1):
        """Handle "<!...>" or "</...>" that is no declaration or tag as a
        comment; return where it ends, or -1."""
        rawdata = self.rawdata
        pos = rawdata.find('>', i + 2)
        if pos == -1:
            return -1
        if report:
            self.handle_comment(rawdata[i + 2:pos])
        return pos + 1

    def parse_html_declaration(self, i):
        """Handle "<!..." at i: a comment, a marked section, a doctype or a
        bogus comment; return where it ends, or -1."""
        rawdata = self.rawdata
        if rawdata[i:i + 4] == '<!--':
            return self.parse_comment(i)
        if rawdata[i:i + 3] == '<![':
            return self.parse_marked_section(i)
        if rawdata[i:i + 9].lower() == '<!doctype':
            gtpos = rawdata.find('>', i + 9)
            if gtpos == -1:
                return -1
            self.handle_decl(rawdata[i + 2:gtpos])
            return gtpos + 1
        return self.parse_bogus_comment(i)

    def parse_marked_section(self, i, report=1):
        """Handle "<![CDATA[...]]>" and the like at i via unknown_decl;
        return where it ends, or -1."""
        rawdata = self.rawdata
        if i + 3 == len(rawdata):
            return -1
        name = _MARKED_SECTION_NAME.match(rawdata, i + 3)
        if not name:
            raise AssertionError('expected name token at %r' % rawdata[i:i + 20])
        if name.end() == len(rawdata):
            return -1
        keyword = name.group().strip().lower()
        if keyword in ("temp", "cdata", "ignore", "include", "rcdata"):
            close = _MARKED_SECTION_END
        elif keyword in ("if", "else", "endif"):
            close = _CONDITIONAL_SECTION_END
        else:
            raise AssertionError(
                'unknown status keyword %r in marked section' % rawdata[i + 3:name.end()])
        match = close.search(rawdata, i + 3)
        if not match:
            return -1
        if report:
            self.unknown_decl(rawdata[i + 3:match.start()])
        return match.end()

    def parse_pi(self, i):
        """Handle the processing instruction "<?...>" at i; return where it
        ends, or -1."""
        rawdata = self.rawdata
        gtpos = rawdata.find('>', i + 2)
        if gtpos < 0:
            return -1
        self.handle_pi(rawdata[i + 2:gtpos])
        return gtpos + 1

    # The handlers: overridden by subclasses.

    def handle_startendtag(self, tag, attrs):
        """An empty-element tag ("<br/>"): a start tag and its end tag."""
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_starttag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        pass

    def handle_charref(self, name):
        pass

    def handle_entityref(self, name):
        pass

    def handle_data(self, data):
        pass

    def handle_comment(self, data):
        pass

    def handle_decl(self, decl):
        pass

    def handle_pi(self, data):
        pass

    def unknown_decl(self, data):
        pass
