# `urllib.parse`: splitting URLs into parts and joining them (RFC 3986, with
# the quirks CPython keeps for compatibility), percent-encoding, and query
# strings. Functions take str or bytes and answer in kind.

from collections import namedtuple

__all__ = ["urlparse", "urlunparse", "urljoin", "urldefrag",
           "urlsplit", "urlunsplit", "urlencode", "parse_qs",
           "parse_qsl", "quote", "quote_plus", "quote_from_bytes",
           "unquote", "unquote_plus", "unquote_to_bytes",
           "DefragResult", "ParseResult", "SplitResult",
           "DefragResultBytes", "ParseResultBytes", "SplitResultBytes"]

# Which schemes take relative references, a network location, and ';' parameters.
uses_relative = ["", "ftp", "http", "gopher", "nntp", "imap",
                 "wais", "file", "https", "shttp", "mms",
                 "prospero", "rtsp", "rtspu", "sftp",
                 "svn", "svn+ssh", "ws", "wss"]
uses_netloc = ["", "ftp", "http", "gopher", "nntp", "telnet",
               "imap", "wais", "file", "mms", "https", "shttp",
               "snews", "prospero", "rtsp", "rtspu", "rsync",
               "svn", "svn+ssh", "sftp", "nfs", "git", "git+ssh",
               "ws", "wss"]
uses_params = ["", "ftp", "hdl", "prospero", "http", "imap",
               "https", "shttp", "rtsp", "rtspu", "sip", "sips",
               "mms", "sftp", "tel"]
non_hierarchical = ["gopher", "hdl", "mailto", "news",
                    "telnet", "wais", "imap", "snews", "sip", "sips"]
uses_query = ["", "http", "wais", "imap", "https", "shttp", "mms",
              "gopher", "rtsp", "rtspu", "sip", "sips"]
uses_fragment = ["", "ftp", "hdl", "http", "gopher", "news",
                 "nntp", "wais", "https", "shttp", "snews",
                 "file", "prospero"]

scheme_chars = ("abcdefghijklmnopqrstuvwxyz"
                "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                "0123456789"
                "+-.")

# WHATWG's URL standard strips C0 controls and spaces around a URL, and tabs
# and line breaks from inside it.
_C0_CONTROL_OR_SPACE = "".join(chr(i) for i in range(33))
_REMOVED_INSIDE = ("\t", "\r", "\n")

MAX_CACHE_SIZE = 20


def clear_cache():
    """Kept for compatibility: nothing is cached."""


# -- str and bytes -----------------------------------------------------------------

def _coerce_args(*args):
    """The arguments as strs, and how to turn a result back into the kind
    the caller gave (bytes in, bytes out)."""
    strs = isinstance(args[0], str)
    for a in args[1:]:
        # Empty values (None, "", b"") go with either kind.
        if a and isinstance(a, str) != strs:
            raise TypeError("Cannot mix str and non-str arguments")
    if strs:
        return args + (_identity,)
    return tuple(bytes(a).decode("ascii") if a else "" for a in args) + (_encode_result,)


def _identity(x):
    return x


def _encode_result(obj, encoding="ascii", errors="strict"):
    return obj.encode(encoding, errors)


# -- result types ------------------------------------------------------------------

class _NetlocParts:
    """username, password, hostname and port, read from `netloc`."""

    __slots__ = ()

    @property
    def username(self):
        return self._userinfo[0]

    @property
    def password(self):
        return self._userinfo[1]

    @property
    def hostname(self):
        host = self._hostinfo[0]
        if not host:
            return None
        # An IPv6 zone (after '%') keeps its case.
        host, percent, zone = host.partition("%" if isinstance(host, str) else b"%")
        return host.lower() + percent + zone

    @property
    def port(self):
        port = self._hostinfo[1]
        if port is None:
            return None
        if port.isdigit() and port.isascii():
            port = int(port)
        else:
            raise ValueError(f"Port could not be cast to integer value as {port!r}")
        if not 0 <= port <= 65535:
            raise ValueError("Port out of range 0-65535")
        return port

    @property
    def _userinfo(self):
        at, colon = ("@", ":") if isinstance(self.netloc, str) else (b"@", b":")
        userinfo, has_userinfo, _ = self.netloc.rpartition(at)
        if not has_userinfo:
            return None, None
        username, has_password, password = userinfo.partition(colon)
        return username, (password if has_password else None)

    @property
    def _hostinfo(self):
        if isinstance(self.netloc, str):
            at, colon, open_br, close_br = "@", ":", "[", "]"
        else:
            at, colon, open_br, close_br = b"@", b":", b"[", b"]"
        hostinfo = self.netloc.rpartition(at)[2]
        _, bracketed, inside = hostinfo.partition(open_br)
        if bracketed:
            host, _, after = inside.partition(close_br)
            port = after.partition(colon)[2]
        else:
            host, _, port = hostinfo.partition(colon)
        return host, (port or None)


class _StrResult:
    __slots__ = ()

    def encode(self, encoding="ascii", errors="strict"):
        return self._encoded(*(x.encode(encoding, errors) for x in self))


class _BytesResult:
    __slots__ = ()

    def decode(self, encoding="ascii", errors="strict"):
        return self._decoded(*(x.decode(encoding, errors) for x in self))


_DefragBase = namedtuple("DefragResult", "url fragment")
_SplitBase = namedtuple("SplitResult", "scheme netloc path query fragment")
_ParseBase = namedtuple("ParseResult", "scheme netloc path params query fragment")


class _DefragGeturl:
    __slots__ = ()

    def geturl(self):
        if self.fragment:
            return self.url + ("#" if isinstance(self.url, str) else b"#") + self.fragment
        return self.url


class _SplitGeturl:
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)


class _ParseGeturl:
    __slots__ = ()

    def geturl(self):
        return urlunparse(self)


class DefragResult(_DefragBase, _DefragGeturl, _StrResult):
    __slots__ = ()


class SplitResult(_SplitBase, _SplitGeturl, _NetlocParts, _StrResult):
    __slots__ = ()


class ParseResult(_ParseBase, _ParseGeturl, _NetlocParts, _StrResult):
    __slots__ = ()


class DefragResultBytes(_DefragBase, _DefragGeturl, _BytesResult):
    __slots__ = ()


class SplitResultBytes(_SplitBase, _SplitGeturl, _NetlocParts, _BytesResult):
    __slots__ = ()


class ParseResultBytes(_ParseBase, _ParseGeturl, _NetlocParts, _BytesResult):
    __slots__ = ()


for _str_type, _bytes_type in ((DefragResult, DefragResultBytes),
                               (SplitResult, SplitResultBytes),
                               (ParseResult, ParseResultBytes)):
    _str_type._encoded = _bytes_type
    _bytes_type._decoded = _str_type
del _str_type, _bytes_type


# -- splitting and joining ---------------------------------------------------------

def _split_netloc(url, start=0):
    """The network location starting at `start`, and what follows it."""
    end = len(url)
    for c in "/?#":
        i = url.find(c, start)
        if i >= 0:
            end = min(end, i)
    return url[start:end], url[end:]


def _split_params(url):
    """The path and its ';' parameters (those of the last segment)."""
    slash = url.rfind("/")
    semicolon = url.find(";", slash if slash >= 0 else 0)
    if semicolon < 0:
        return url, ""
    return url[:semicolon], url[semicolon + 1:]


def _is_scheme(text):
    return bool(text) and text[0].isascii() and text[0].isalpha() and all(c in scheme_chars for c in text)


def urlsplit(url, scheme="", allow_fragments=True):
    """Split a URL into 5 parts: scheme://netloc/path?query#fragment."""
    url, scheme, coerce = _coerce_args(url, scheme)
    url = url.lstrip(_C0_CONTROL_OR_SPACE)
    scheme = scheme.strip(_C0_CONTROL_OR_SPACE)
    for c in _REMOVED_INSIDE:
        url = url.replace(c, "")
        scheme = scheme.replace(c, "")
    netloc = query = fragment = ""
    colon = url.find(":")
    if colon > 0 and _is_scheme(url[:colon]):
        scheme, url = url[:colon].lower(), url[colon + 1:]
    if url[:2] == "//":
        netloc, url = _split_netloc(url, 2)
        if ("[" in netloc) != ("]" in netloc):
            raise ValueError("Invalid IPv6 URL")
    if allow_fragments and "#" in url:
        url, fragment = url.split("#", 1)
    if "?" in url:
        url, query = url.split("?", 1)
    return _result(SplitResult(scheme, netloc, url, query, fragment), coerce)


def urlparse(url, scheme="", allow_fragments=True):
    """Split a URL into 6 parts: scheme://netloc/path;params?query#fragment."""
    url, scheme, coerce = _coerce_args(url, scheme)
    scheme, netloc, url, query, fragment = urlsplit(url, scheme, allow_fragments)
    if scheme in uses_params and ";" in url:
        url, params = _split_params(url)
    else:
        params = ""
    return _result(ParseResult(scheme, netloc, url, params, query, fragment), coerce)


def _result(result, coerce):
    return result if coerce is _identity else result.encode()


def urlunsplit(components):
    """Put the 5 parts of `urlsplit` back together."""
    scheme, netloc, url, query, fragment, coerce = _coerce_args(*components)
    if netloc or (scheme and scheme in uses_netloc and url[:2] != "//"):
        if url and url[:1] != "/":
            url = "/" + url
        url = "//" + (netloc or "") + url
    if scheme:
        url = scheme + ":" + url
    if query:
        url = url + "?" + query
    if fragment:
        url = url + "#" + fragment
    return coerce(url)


def urlunparse(components):
    """Put the 6 parts of `urlparse` back together."""
    scheme, netloc, url, params, query, fragment, coerce = _coerce_args(*components)
    if params:
        url = "%s;%s" % (url, params)
    return coerce(urlunsplit((scheme, netloc, url, query, fragment)))


def urljoin(base, url, allow_fragments=True):
    """Resolve `url` relative to `base` (RFC 3986 section 5.2)."""
    if not base:
        return url
    if not url:
        return base
    base, url, coerce = _coerce_args(base, url)
    bscheme, bnetloc, bpath, bparams, bquery, bfragment = urlparse(base, "", allow_fragments)
    scheme, netloc, path, params, query, fragment = urlparse(url, bscheme, allow_fragments)
    if scheme != bscheme or scheme not in uses_relative:
        return coerce(url)
    if scheme in uses_netloc:
        if netloc:
            return coerce(urlunparse((scheme, netloc, path, params, query, fragment)))
        netloc = bnetloc
    if not path and not params:
        return coerce(urlunparse((scheme, netloc, bpath, bparams, query or bquery, fragment)))
    if path[:1] == "/":
        segments = path.split("/")
    else:
        # The base's directory, then the reference, without empty segments
        # in between.
        base_dir = bpath.split("/")
        if base_dir[-1] != "":
            base_dir.pop()
        segments = base_dir + path.split("/")
        segments[1:-1] = [s for s in segments[1:-1] if s]
    resolved = []
    for segment in segments:
        if segment == "..":
            if resolved:
                resolved.pop()
        elif segment != ".":
            resolved.append(segment)
    if segments[-1] in (".", ".."):
        resolved.append("")
    return coerce(urlunparse((scheme, netloc, "/".join(resolved) or "/", params, query, fragment)))


def urldefrag(url):
    """The URL without its fragment, and the fragment."""
    url, coerce = _coerce_args(url)
    if "#" in url:
        s, n, p, a, q, fragment = urlparse(url)
        defragmented = urlunparse((s, n, p, a, q, ""))
    else:
        fragment = ""
        defragmented = url
    return _result(DefragResult(defragmented, fragment), coerce)


def unwrap(url):
    """'<URL:scheme://host/path>' -> 'scheme://host/path'."""
    url = str(url).strip()
    if url[:1] == "<" and url[-1:] == ">":
        url = url[1:-1].strip()
    if url[:4] == "URL:":
        url = url[4:].strip()
    return url


# -- percent-encoding --------------------------------------------------------------

_ALWAYS_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                         b"abcdefghijklmnopqrstuvwxyz"
                         b"0123456789"
                         b"_.-~")
_HEX_DIGITS = "0123456789ABCDEFabcdef"


def unquote_to_bytes(string):
    """'abc%20def' -> b'abc def'."""
    if not string:
        string.split  # a TypeError for values that are not strings
        return b""
    if isinstance(string, str):
        string = string.encode("utf-8")
    else:
        string = bytes(string)
    pieces = string.split(b"%")
    if len(pieces) == 1:
        return string
    out = [pieces[0]]
    for piece in pieces[1:]:
        code = piece[:2]
        if len(code) == 2 and all(chr(c) in _HEX_DIGITS for c in code):
            out.append(bytes([int(code, 16)]))
            out.append(piece[2:])
        else:
            out.append(b"%")
            out.append(piece)
    return b"".join(out)


def unquote(string, encoding="utf-8", errors="replace"):
    """Replace %xx escapes with the characters they encode."""
    if isinstance(string, bytes):
        return unquote_to_bytes(string).decode(encoding, errors)
    if "%" not in string:
        string.split
        return string
    if encoding is None:
        encoding = "utf-8"
    if errors is None:
        errors = "replace"
    # Decode each run of escapes as a whole: one character may take several.
    out = []
    i = 0
    n = len(string)
    while i < n:
        j = string.find("%", i)
        if j < 0:
            out.append(string[i:])
            break
        out.append(string[i:j])
        run_end = j
        while run_end < n and string[run_end] == "%" and _is_escape(string, run_end):
            run_end += 3
        if run_end == j:
            out.append("%")
            i = j + 1
            continue
        out.append(unquote_to_bytes(string[j:run_end]).decode(encoding, errors))
        i = run_end
    return "".join(out)


def _is_escape(string, i):
    return i + 2 < len(string) and string[i + 1] in _HEX_DIGITS and string[i + 2] in _HEX_DIGITS


def unquote_plus(string, encoding="utf-8", errors="replace"):
    """Like unquote, with '+' for a space (forms)."""
    return unquote(string.replace("+", " "), encoding, errors)


def quote(string, safe="/", encoding=None, errors=None):
    """Percent-encode what is not a letter, digit, one of '_.-~', or in `safe`."""
    if isinstance(string, str):
        if not string:
            return string
        string = string.encode(encoding or "utf-8", errors or "strict")
    else:
        if encoding is not None:
            raise TypeError("quote() doesn't support 'encoding' for bytes")
        if errors is not None:
            raise TypeError("quote() doesn't support 'errors' for bytes")
    return quote_from_bytes(string, safe)


def quote_plus(string, safe="", encoding=None, errors=None):
    """Like quote, with spaces as '+' and '/' quoted too (forms)."""
    if isinstance(string, str):
        if " " not in string:
            return quote(string, safe, encoding, errors)
    elif isinstance(string, bytes) and b" " not in string:
        return quote(string, safe, encoding, errors)
    space = " " if isinstance(safe, str) else b" "
    return quote(string, safe + space, encoding, errors).replace(" ", "+")


def quote_from_bytes(bs, safe="/"):
    """Like quote, for bytes."""
    if not isinstance(bs, (bytes, bytearray)):
        raise TypeError("quote_from_bytes() expected bytes")
    if not bs:
        return ""
    # Only ASCII characters of `safe` count.
    if isinstance(safe, str):
        safe = [ord(c) for c in safe]
    keep = _ALWAYS_SAFE | frozenset(c for c in safe if c < 128)
    return "".join(chr(c) if c in keep else "%%%02X" % c for c in bs)


# -- query strings -----------------------------------------------------------------

def parse_qsl(qs, keep_blank_values=False, strict_parsing=False,
              encoding="utf-8", errors="replace", max_num_fields=None, separator="&"):
    """A query string as a list of (name, value) pairs."""
    qs, coerce = _coerce_args(qs)
    separator, _ = _coerce_args(separator)
    if not separator or not isinstance(separator, (str, bytes)):
        raise ValueError("Separator must be of type string or bytes.")
    if max_num_fields is not None:
        fields = 1 + qs.count(separator) if qs else 0
        if max_num_fields < fields:
            raise ValueError("Max number of fields exceeded")
    pairs = []
    for field in (qs.split(separator) if qs else []):
        if not field and not strict_parsing:
            continue
        name, has_eq, value = field.partition("=")
        if not has_eq:
            if strict_parsing:
                raise ValueError("bad query field: %r" % (field,))
            if not keep_blank_values:
                continue
        if value or keep_blank_values:
            name = coerce(unquote(name.replace("+", " "), encoding=encoding, errors=errors))
            value = coerce(unquote(value.replace("+", " "), encoding=encoding, errors=errors))
            pairs.append((name, value))
    return pairs


def parse_qs(qs, keep_blank_values=False, strict_parsing=False,
             encoding="utf-8", errors="replace", max_num_fields=None, separator="&"):
    """A query string as a dict of lists of values."""
    result = {}
    for name, value in parse_qsl(qs, keep_blank_values, strict_parsing, encoding=encoding,
                                 errors=errors, max_num_fields=max_num_fields, separator=separator):
        if name in result:
            result[name].append(value)
        else:
            result[name] = [value]
    return result


def urlencode(query, doseq=False, safe="", encoding=None, errors=None, quote_via=quote_plus):
    """A mapping or sequence of pairs as a query string ('a=1&b=2')."""
    if hasattr(query, "items"):
        query = query.items()
    else:
        try:
            if len(query) and not isinstance(query[0], tuple):
                raise TypeError
        except TypeError as err:
            raise TypeError("not a valid non-string sequence or mapping object") from err

    def quoted(x):
        if isinstance(x, bytes):
            return quote_via(x, safe)
        return quote_via(str(x), safe, encoding, errors)

    fields = []
    for k, v in query:
        k = quoted(k)
        if not doseq or isinstance(v, (str, bytes)):
            fields.append(k + "=" + quoted(v))
            continue
        try:
            len(v)
        except TypeError:
            fields.append(k + "=" + quoted(v))
        else:
            for item in v:
                fields.append(k + "=" + quoted(item))
    return "&".join(fields)
