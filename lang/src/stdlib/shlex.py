"""A lexical analyzer for shell-like syntax: split(), quote(), join() and
the shlex class, with CPython's behaviour in POSIX and compatibility modes."""

# The tokenizer is a small state machine over characters (read_token and
# the _step helpers); get_token adds what sits around it: pushed-back
# tokens, source inclusion and the stack of input streams.

import os
import sys
from collections import deque
from io import StringIO

__all__ = ["shlex", "split", "quote", "join"]

# Word characters. The ASCII ones are in CPython's order (f before e),
# which the attribute shows; POSIX mode adds the Latin-1 letters.
_ASCII_WORDCHARS = "abcdfeghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"
_LATIN1_LETTERS = ("\xdf" + "".join(chr(c) for c in range(0xE0, 0x100) if c != 0xF7)
                   + "".join(chr(c) for c in range(0xC0, 0xDF) if c != 0xD7))
# With punctuation_chars, these join the word characters (less the
# punctuation itself), so that paths and options stay whole.
_PUNCTUATION_WORDCHARS = "~-./*?="
_DEFAULT_PUNCTUATION = "();<>|&"


class shlex:
    """A lexical analyzer class for simple shell-like syntaxes."""

    def __init__(self, instream=None, infile=None, posix=False, punctuation_chars=False):
        if isinstance(instream, str):
            instream = StringIO(instream)
        if instream is None:
            instream, infile = sys.stdin, None
        self.instream, self.infile = instream, infile
        self.posix = posix
        self.eof = None if posix else ""
        self.commenters = "#"
        self.wordchars = _ASCII_WORDCHARS + (_LATIN1_LETTERS if posix else "")
        self.whitespace = " \t\r\n"
        self.whitespace_split = False
        self.quotes = "'\""
        self.escape = "\\"
        self.escapedquotes = '"'
        # The tokenizer's state: " " between tokens, "a" in a word, "c" in
        # punctuation, a quote or escape character inside one; None at EOF.
        self.state = " "
        self.pushback = deque()  # tokens (or characters) to give back first
        self.lineno = 1
        self.debug = 0
        self.token = ""
        self.filestack = deque()  # (infile, instream, lineno) of outer sources
        self.source = None  # the keyword that includes a file, if any
        if punctuation_chars is True:
            punctuation_chars = _DEFAULT_PUNCTUATION
        self._punctuation_chars = punctuation_chars or ""
        if self._punctuation_chars:
            self._pushback_chars = deque()
            self.wordchars = "".join(c for c in self.wordchars + _PUNCTUATION_WORDCHARS
                                     if c not in self._punctuation_chars)

    @property
    def punctuation_chars(self):
        return self._punctuation_chars

    def _say(self, level, message):
        if self.debug >= level:
            print(message)

    # -- tokens and sources -------------------------------------------------------

    def push_token(self, tok):
        """Makes `tok` the next token get_token returns."""
        self._say(1, "shlex: pushing token " + repr(tok))
        self.pushback.appendleft(tok)

    def push_source(self, newstream, newfile=None):
        """Reads from `newstream` (a stream or a string) until it ends,
        then goes back to the current source."""
        if isinstance(newstream, str):
            newstream = StringIO(newstream)
        self.filestack.appendleft((self.infile, self.instream, self.lineno))
        self.infile, self.instream, self.lineno = newfile, newstream, 1
        if self.debug:
            where = "file" if newfile is not None else "stream"
            print("shlex: pushing to %s %s" % (where, newfile if newfile is not None else newstream))

    def pop_source(self):
        """Closes the current source and goes back to the one before."""
        self.instream.close()
        self.infile, self.instream, self.lineno = self.filestack.popleft()
        if self.debug:
            print("shlex: popping to %s, line %d" % (self.instream, self.lineno))
        self.state = " "

    def get_token(self):
        """The next token: a pushed-back one, else one read (following
        source inclusions, and back to outer sources at their ends);
        `eof` at the end of everything."""
        if self.pushback:
            token = self.pushback.popleft()
            self._say(1, "shlex: popping token " + repr(token))
            return token
        token = self.read_token()
        while self.source is not None and token == self.source:
            included = self.sourcehook(self.read_token())
            if included:
                self.push_source(included[1], included[0])
            token = self.get_token()
        while token == self.eof:
            if not self.filestack:
                return self.eof
            self.pop_source()
            token = self.get_token()
        self._say(1, "shlex: token=" + repr(token) if token != self.eof else "shlex: token=EOF")
        return token

    def _next_char(self):
        if self._punctuation_chars and self._pushback_chars:
            return self._pushback_chars.pop()
        c = self.instream.read(1)
        if c == "\n":
            self.lineno += 1
        return c

    def read_token(self):
        """Read one raw token: run the character states until one completes it."""
        self._quoted = False
        self._escape_return = " "
        while True:
            c = self._next_char()
            if self.debug >= 3:
                print("shlex: in state %r I see character: %r" % (self.state, c))
            if self.state is None:
                # At the end already: the character read is dropped.
                self.token = ""
                break
            if self._step(c):
                break
        result = self.token
        self.token = ""
        if self.posix and not self._quoted and result == "":
            result = None
        if self.debug > 1:
            print("shlex: raw token=" + repr(result) if result else "shlex: raw token=EOF")
        return result

    def _done(self):
        """Whether what was read so far makes a token (an empty quoted one counts in POSIX)."""
        return bool(self.token) or (self.posix and self._quoted)

    def _step(self, c):
        """Feeds one character to the current state; True when a token is complete."""
        state = self.state
        if state == " ":
            return self._between_tokens(c)
        if state in self.quotes:
            return self._in_quotes(c, state)
        if state in self.escape:
            return self._after_escape(c, state)
        return self._in_word(c, state)

    def _skip_comment(self):
        self.instream.readline()
        self.lineno += 1

    def _between_tokens(self, c):
        if not c:
            self.state = None
            return True
        if c in self.whitespace:
            self._say(2, "shlex: I see whitespace in whitespace state")
            return self._done()
        if c in self.commenters:
            self._skip_comment()
            return False
        if self.posix and c in self.escape:
            self._escape_return = "a"
            self.state = c
        elif c in self.wordchars:
            self.token, self.state = c, "a"
        elif c in self._punctuation_chars:
            self.token, self.state = c, "c"
        elif c in self.quotes:
            if not self.posix:
                self.token = c
            self.state = c
        elif self.whitespace_split:
            self.token, self.state = c, "a"
        else:
            # A lone special character is a token by itself.
            self.token = c
            return self._done()
        return False

    def _in_quotes(self, c, quote):
        self._quoted = True
        if not c:
            self._say(2, "shlex: I see EOF in quotes state")
            raise ValueError("No closing quotation")
        if c == quote:
            if self.posix:
                self.state = "a"
                return False
            self.token += c
            self.state = " "
            return True
        if self.posix and c in self.escape and quote in self.escapedquotes:
            self._escape_return = quote
            self.state = c
        else:
            self.token += c
        return False

    def _after_escape(self, c, escape):
        if not c:
            self._say(2, "shlex: I see EOF in escape state")
            raise ValueError("No escaped character")
        # In quotes that allow escapes only the quote and the escape
        # character itself are escaped; elsewhere the escape stays.
        back = self._escape_return
        if back in self.quotes and c != escape and c != back:
            self.token += escape
        self.token += c
        self.state = back
        return False

    def _in_word(self, c, state):
        if not c:
            self.state = None
            return True
        if c in self.whitespace:
            self._say(2, "shlex: I see whitespace in word state")
            self.state = " "
            return self._done()
        if c in self.commenters:
            self._skip_comment()
            if self.posix:
                self.state = " "
                return self._done()
            return False
        if state == "c":
            if c in self._punctuation_chars:
                self.token += c
                return False
            if c not in self.whitespace:
                self._pushback_chars.append(c)
            self.state = " "
            return True
        if self.posix and c in self.quotes:
            self.state = c
        elif self.posix and c in self.escape:
            self._escape_return = "a"
            self.state = c
        elif (c in self.wordchars or c in self.quotes
              or (self.whitespace_split and c not in self._punctuation_chars)):
            self.token += c
        else:
            if self._punctuation_chars:
                self._pushback_chars.append(c)
            else:
                self.pushback.appendleft(c)
            self._say(2, "shlex: I see punctuation in word state")
            self.state = " "
            return self._done()
        return False

    def sourcehook(self, newfile):
        """(name, open file) for a source inclusion: the name without
        surrounding double quotes, relative to the including file."""
        if newfile[0] == '"':
            newfile = newfile[1:-1]
        if isinstance(self.infile, str) and not os.path.isabs(newfile):
            newfile = os.path.join(os.path.dirname(self.infile), newfile)
        return newfile, open(newfile, "r")

    def error_leader(self, infile=None, lineno=None):
        """'"file", line N: ', for messages in the style of C compilers."""
        return '"%s", line %d: ' % (self.infile if infile is None else infile,
                                    self.lineno if lineno is None else lineno)

    def __iter__(self):
        return self

    def __next__(self):
        token = self.get_token()
        if token == self.eof:
            raise StopIteration
        return token


def split(s, comments=False, posix=True):
    """The words of `s` as a POSIX shell splits them (comments kept as
    words unless `comments`)."""
    if s is None:
        import warnings
        warnings.warn("Passing None for 's' to shlex.split() is deprecated.",
                      DeprecationWarning, stacklevel=2)
    lexer = shlex(s, posix=posix)
    lexer.whitespace_split = True
    if not comments:
        lexer.commenters = ""
    return list(lexer)


def join(split_command):
    """Return a shell-escaped string from *split_command*."""
    return " ".join(quote(arg) for arg in split_command)


_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_@%+=:,./-")


def quote(s):
    """`s` as one word for a POSIX shell: as it is when only safe
    characters make it up, else in single quotes."""
    if not s:
        return "''"
    if not isinstance(s, str):
        if isinstance(s, (bytes, bytearray, memoryview)):
            raise TypeError("cannot use a string pattern on a bytes-like object")
        raise TypeError("expected string or bytes-like object, got %r" % type(s).__name__)
    if all(c in _SAFE for c in s):
        return s
    # A single quote ends the quoting, is itself quoted, and quoting resumes.
    return "'" + s.replace("'", "'\"'\"'") + "'"
