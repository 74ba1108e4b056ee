# `urllib.parse`: URLs split into their parts and put back together
# (RFC 3986, with the compatibility rules CPython keeps), relative
# references resolved, percent-encoding, and query strings.
#
# Every function takes str or bytes. Bytes are handled as ASCII text
# (`_as_text`), and results go back to bytes the same way; the result
# tuples come in a str and a bytes flavour that convert into each other.

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

# WHATWG's URL standard: C0 controls and spaces are stripped from the
# start of a URL (and a scheme), tabs and line breaks from anywhere in it.
_LEADING_JUNK = "".join(chr(i) for i in range(33))
_DROPPED = str.maketrans("", "", "\t\r\n")


# -- str and bytes -------------------------------------------------------------------


def _unchanged(value):
    return value


def _ascii_bytes(value):
    return value.encode("ascii")


def _as_text(*args):
    """The arguments as str, and how to turn a str result back into what
    the caller passed: bytes arguments are ASCII text. Empty arguments fit
    either kind."""
    textual = isinstance(args[0], str)
    if any(arg and isinstance(arg, str) != textual for arg in args[1:]):
        raise TypeError("Cannot mix str and non-str arguments")
    if textual:
        return args, _unchanged
    return tuple(arg.decode("ascii") if arg else "" for arg in args), _ascii_bytes


# -- the result tuples ---------------------------------------------------------------


class _NetlocParts:
    """username, password, hostname and port, read from `netloc` (for the
    bytes flavour, through Latin-1 text and back)."""

    __slots__ = ()

    def _netloc_text(self):
        netloc = self.netloc
        return netloc if isinstance(netloc, str) else netloc.decode("latin-1")

    def _in_kind(self, text):
        if text is None or isinstance(self.netloc, str):
            return text
        return text.encode("latin-1")

    def _credentials(self):
        user_info, at, _ = self._netloc_text().rpartition("@")
        if not at:
            return None, None
        user, colon, password = user_info.partition(":")
        return user, password if colon else None

    def _host_and_port(self):
        host_info = self._netloc_text().rpartition("@")[2]
        if host_info.startswith("["):
            host, _, after = host_info[1:].partition("]")
            port = after.partition(":")[2] if ":" in after else None
        else:
            host, colon, port = host_info.partition(":")
            port = port if colon else None
        return host, port

    @property
    def username(self):
        return self._in_kind(self._credentials()[0])

    @property
    def password(self):
        return self._in_kind(self._credentials()[1])

    @property
    def hostname(self):
        host = self._host_and_port()[0]
        if not host:
            return None
        address, percent, zone = host.partition("%")
        return self._in_kind(address.lower() + percent + zone)

    @property
    def port(self):
        port = self._host_and_port()[1]
        if not port:
            return None
        if not (port.isascii() and port.isdigit()):
            raise ValueError(f"Port could not be cast to integer value as {port!r}")
        number = int(port)
        if number > 65535:
            raise ValueError("Port out of range 0-65535")
        return number


class _Flavour:
    """encode() on the str results, decode() on the bytes ones: the same
    parts as the other flavour's tuple (set as `_other` below)."""

    __slots__ = ()

    def _converted(self, method, encoding, errors):
        return self._other(*(getattr(part, method)(encoding, errors) for part in self))


class _TextFlavour(_Flavour):
    __slots__ = ()

    def encode(self, encoding="ascii", errors="strict"):
        return self._converted("encode", encoding, errors)


class _BytesFlavour(_Flavour):
    __slots__ = ()

    def decode(self, encoding="ascii", errors="strict"):
        return self._converted("decode", encoding, errors)


_DefragFields = namedtuple("DefragResult", "url fragment")
_SplitFields = namedtuple("SplitResult", "scheme netloc path query fragment")
_ParseFields = namedtuple("ParseResult", "scheme netloc path params query fragment")


class _Defrag:
    __slots__ = ()

    def geturl(self):
        if not self.fragment:
            return self.url
        return self.url + ("#" if isinstance(self.url, str) else b"#") + self.fragment


class _SplitUrl:
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)


class _ParseUrl:
    __slots__ = ()

    def geturl(self):
        return urlunparse(self)


class DefragResult(_DefragFields, _Defrag, _TextFlavour):
    __slots__ = ()


class SplitResult(_SplitFields, _SplitUrl, _NetlocParts, _TextFlavour):
    __slots__ = ()


class ParseResult(_ParseFields, _ParseUrl, _NetlocParts, _TextFlavour):
    __slots__ = ()


class DefragResultBytes(_DefragFields, _Defrag, _BytesFlavour):
    __slots__ = ()


class SplitResultBytes(_SplitFields, _SplitUrl, _NetlocParts, _BytesFlavour):
    __slots__ = ()


class ParseResultBytes(_ParseFields, _ParseUrl, _NetlocParts, _BytesFlavour):
    __slots__ = ()


for _text_kind, _bytes_kind in ((DefragResult, DefragResultBytes), (SplitResult, SplitResultBytes),
                                (ParseResult, ParseResultBytes)):
    _text_kind._other = _bytes_kind
    _bytes_kind._other = _text_kind
del _text_kind, _bytes_kind


def _result(kind, back, parts):
    """A result tuple of kind (the str class) in the caller's flavour."""
    if back is _unchanged:
        return kind(*parts)
    return kind._other(*(back(part) for part in parts))


# -- splitting -----------------------------------------------------------------------

_split_memo = {}
_SPLIT_MEMO_LIMIT = 20


def clear_cache():
    """Forgets the URLs urlsplit remembers."""
    _split_memo.clear()


def _scheme_end(url):
    """The index of the ':' that ends a scheme at the start of url, or -1."""
    colon = url.find(":")
    if colon <= 0 or not url[0].isascii() or not url[0].isalpha():
        return -1
    if all(c in scheme_chars for c in url[:colon]):
        return colon
    return -1


def _check_host_brackets(netloc):
    """A netloc's brackets must pair up and hold an IPv6 address or an
    IPvFuture one (RFC 3986 section 3.2.2)."""
    opening, closing = "[" in netloc, "]" in netloc
    if opening != closing:
        raise ValueError("Invalid IPv6 URL")
    if not opening:
        return
    host = netloc.partition("[")[2].partition("]")[0]
    if host.startswith("v"):
        version, dot, rest = host[1:].partition(".")
        if not (version and dot and rest) or any(c not in "0123456789abcdefABCDEF" for c in version):
            raise ValueError("IPvFuture address is invalid")
        return
    address = host.partition("%")[0] if "%" in host and host.partition("%")[2] else host
    if _is_ipv4(address):
        raise ValueError("An IPv4 address cannot be in brackets")
    if not _is_ipv6(address):
        raise ValueError(f"{host!r} does not appear to be an IPv4 or IPv6 address")


def _is_ipv4(text):
    parts = text.split(".")
    return len(parts) == 4 and all(p.isascii() and p.isdigit() and len(p) <= 3 and int(p) < 256
                                   and (p == "0" or not p.startswith("0")) for p in parts)


def _is_ipv6(text):
    """Eight groups of up to four hex digits, "::" standing for one or more
    zero groups once, the last two groups possibly an IPv4 address."""
    if text.count("::") > 1:
        return False
    head, double, tail = text.partition("::")
    groups = [g for side in (head, tail) for g in (side.split(":") if side else [])]
    if groups and "." in groups[-1]:
        if not _is_ipv4(groups[-1]) or ("." in text[:-len(groups[-1])]):
            return False
        groups[-1:] = ["0", "0"]
    if any(not g or len(g) > 4 or any(c not in "0123456789abcdefABCDEF" for c in g) for g in groups):
        return False
    return len(groups) < 8 if double else len(groups) == 8


def _check_normalised_netloc(netloc):
    """A non-ASCII netloc must not turn into URL syntax under NFKC (where
    a host name would end up after IDNA)."""
    if netloc.isascii():
        return
    import unicodedata
    plain = netloc.replace("@", "").replace(":", "").replace("#", "").replace("?", "")
    normal = unicodedata.normalize("NFKC", plain)
    if normal == plain:
        return
    if any(c in normal for c in "/?#@:"):
        raise ValueError(f"netloc '{netloc}' contains invalid characters under NFKC normalization")


def _split_text(url, scheme, allow_fragments):
    """urlsplit on str arguments: (scheme, netloc, path, query, fragment)."""
    url = url.lstrip(_LEADING_JUNK).translate(_DROPPED)
    scheme = scheme.strip(_LEADING_JUNK).translate(_DROPPED)
    colon = _scheme_end(url)
    if colon > 0:
        scheme, url = url[:colon].lower(), url[colon + 1:]
    netloc = ""
    if url.startswith("//"):
        stops = [i for i in (url.find(c, 2) for c in "/?#") if i >= 0]
        end = min(stops) if stops else len(url)
        netloc, url = url[2:end], url[end:]
        _check_host_brackets(netloc)
        _check_normalised_netloc(netloc)
    fragment = query = ""
    if allow_fragments and "#" in url:
        url, _, fragment = url.partition("#")
    if "?" in url:
        url, _, query = url.partition("?")
    return scheme, netloc, url, query, fragment


def urlsplit(url, scheme="", allow_fragments=True):
    """The five parts of a URL: scheme://netloc/path?query#fragment."""
    key = (url, scheme, allow_fragments, type(url), type(scheme))
    found = _split_memo.get(key)
    if found is not None:
        return found
    (url, scheme), back = _as_text(url, scheme)
    result = _result(SplitResult, back, _split_text(url, scheme, allow_fragments))
    if len(_split_memo) >= _SPLIT_MEMO_LIMIT:
        _split_memo.clear()
    _split_memo[key] = result
    return result


def _split_params(path):
    """A path's last segment may carry ';' parameters: (path, params)."""
    last_slash = path.rfind("/")
    semicolon = path.find(";", last_slash + 1)
    if semicolon < 0:
        return path, ""
    return path[:semicolon], path[semicolon + 1:]


def urlparse(url, scheme="", allow_fragments=True):
    """The six parts of a URL: urlsplit's, with the path's ';' parameters
    apart for the schemes that have them."""
    (url, scheme), back = _as_text(url, scheme)
    scheme, netloc, path, query, fragment = _split_text(url, scheme, allow_fragments)
    params = ""
    if scheme in uses_params and ";" in path:
        path, params = _split_params(path)
    return _result(ParseResult, back, (scheme, netloc, path, params, query, fragment))


# -- putting together ----------------------------------------------------------------


def _join_text(scheme, netloc, path, query, fragment):
    pieces = []
    if scheme:
        pieces.append(scheme + ":")
    wants_authority = scheme in uses_netloc and not path.startswith("//")
    if netloc or (scheme and wants_authority):
        pieces.append("//" + netloc)
        if path and not path.startswith("/"):
            pieces.append("/")
    pieces.append(path)
    if query:
        pieces.append("?" + query)
    if fragment:
        pieces.append("#" + fragment)
    return "".join(pieces)


def urlunsplit(components):
    """The URL of urlsplit's five parts (an equivalent one: empty
    delimiters may be dropped)."""
    parts, back = _as_text(*components)
    return back(_join_text(*parts))


def urlunparse(components):
    """The URL of urlparse's six parts."""
    (scheme, netloc, path, params, query, fragment), back = _as_text(*components)
    if params:
        path = f"{path};{params}"
    return back(_join_text(scheme, netloc, path, query, fragment))


def _merged_path(base_path, reference_path):
    """The path of a relative reference resolved against a base path: its
    segments after the base's directory, with "." and ".." applied and
    empty segments inside the path dropped."""
    if reference_path.startswith("/"):
        segments = reference_path.split("/")
    else:
        segments = base_path.split("/")[:-1] + reference_path.split("/")
    last = len(segments) - 1
    resolved = []
    for index, segment in enumerate(segments):
        if segment == "..":
            if resolved:
                resolved.pop()
        elif segment == "." or (segment == "" and 0 < index < last):
            continue
        else:
            resolved.append(segment)
    if segments[-1] in (".", ".."):
        resolved.append("")
    return "/".join(resolved) or "/"


def urljoin(base, url, allow_fragments=True):
    """url resolved against base (RFC 3986 section 5.2, as CPython does it
    for the schemes in uses_relative)."""
    if not base:
        return url
    if not url:
        return base
    (base, url), back = _as_text(base, url)
    b_scheme, b_netloc, b_path, b_params, b_query, _ = urlparse(base, "", allow_fragments)
    scheme, netloc, path, params, query, fragment = urlparse(url, b_scheme, allow_fragments)
    if scheme != b_scheme or scheme not in uses_relative:
        return back(url)
    if scheme in uses_netloc and netloc:
        return back(urlunparse((scheme, netloc, path, params, query, fragment)))
    if scheme in uses_netloc:
        netloc = b_netloc
    if not path and not params:
        path, params, query = b_path, b_params, query or b_query
    else:
        path = _merged_path(b_path, path)
    return back(urlunparse((scheme, netloc, path, params, query, fragment)))


def urldefrag(url):
    """(the URL without its fragment, the fragment)."""
    (url,), back = _as_text(url)
    fragment = ""
    if "#" in url:
        # The rest is given back as urlsplit and urlunsplit rebuild it.
        *rest, fragment = _split_text(url, "", True)
        url = _join_text(*rest, "")
    return _result(DefragResult, back, (url, fragment))


def unwrap(url):
    """'<URL:scheme://host/path>' (angle brackets and "URL:" optional) as
    'scheme://host/path'."""
    url = str(url).strip()
    if url.startswith("<") and url.endswith(">"):
        url = url[1:-1].strip()
    if url.startswith("URL:"):
        url = url[4:].strip()
    return url


# -- percent-encoding ----------------------------------------------------------------

# The bytes never percent-encoded (RFC 3986's unreserved characters).
_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")
_HEX = frozenset("0123456789ABCDEFabcdef")
_escapes = {}


def _escape_table(safe):
    """For each byte value, what quoting turns it into (memoised by the
    set of safe bytes)."""
    table = _escapes.get(safe)
    if table is None:
        kept = _UNRESERVED.union(safe)
        table = [chr(b) if b in kept else f"%{b:02X}" for b in range(256)]
        if len(_escapes) > 64:
            _escapes.clear()
        _escapes[safe] = table
    return table


def quote_from_bytes(bs, safe="/"):
    """bs with every byte but the unreserved ones and those in safe written
    as %XX."""
    if not isinstance(bs, (bytes, bytearray)):
        raise TypeError("quote_from_bytes() expected bytes")
    if not bs:
        return ""
    if isinstance(safe, str):
        safe = safe.encode("ascii", "ignore")
    table = _escape_table(bytes(sorted(set(safe))))
    return "".join([table[b] for b in bs])


def quote(string, safe="/", encoding=None, errors=None):
    """string percent-encoded: text is encoded first (UTF-8, strict, unless
    told otherwise); see quote_from_bytes."""
    if isinstance(string, str):
        return string and quote_from_bytes(string.encode(encoding or "utf-8", errors or "strict"), safe)
    for name, value in (("encoding", encoding), ("errors", errors)):
        if value is not None:
            raise TypeError(f"quote() doesn't support '{name}' for bytes")
    return quote_from_bytes(string, safe)


def quote_plus(string, safe="", encoding=None, errors=None):
    """quote() for HTML form values: spaces become '+'."""
    space = " " if isinstance(string, str) else b" "
    if space not in string:
        return quote(string, safe, encoding, errors)
    extra = " " if isinstance(safe, str) else b" "
    return quote(string, safe + extra, encoding, errors).replace(" ", "+")


def unquote_to_bytes(string):
    """The bytes of string with each %XX replaced by its byte (text is
    encoded as UTF-8 first)."""
    if not isinstance(string, (str, bytes, bytearray)):
        raise AttributeError(f"'{type(string).__name__}' object has no attribute 'split'")
    if not string:
        return b""
    if isinstance(string, str):
        string = string.encode("utf-8")
    pieces = string.split(b"%")
    out = bytearray(pieces[0])
    for piece in pieces[1:]:
        code = piece[:2]
        if len(code) == 2 and all(chr(c) in _HEX for c in code):
            out.append(int(code, 16))
            out += piece[2:]
        else:
            out += b"%"
            out += piece
    return bytes(out)


def unquote(string, encoding="utf-8", errors="replace"):
    """string with its %XX escapes decoded: each run of them is one byte
    sequence in encoding."""
    if isinstance(string, bytes):
        return unquote_to_bytes(string).decode(encoding, errors)
    if "%" not in string:
        return string
    out = []
    run = bytearray()
    index, end = 0, len(string)
    while index < end:
        char = string[index]
        if char == "%" and string[index + 1:index + 3] and len(string[index + 1:index + 3]) == 2 \
                and all(c in _HEX for c in string[index + 1:index + 3]):
            run.append(int(string[index + 1:index + 3], 16))
            index += 3
            continue
        if run:
            out.append(run.decode(encoding, errors))
            run = bytearray()
        next_percent = string.find("%", index + 1)
        stop = end if next_percent < 0 else next_percent
        out.append(string[index:stop])
        index = stop
    if run:
        out.append(run.decode(encoding, errors))
    return "".join(out)


def unquote_plus(string, encoding="utf-8", errors="replace"):
    """unquote() for HTML form values: '+' is a space."""
    return unquote(string.replace("+", " "), encoding, errors)


# -- query strings -------------------------------------------------------------------


def parse_qsl(qs, keep_blank_values=False, strict_parsing=False, encoding="utf-8",
              errors="replace", max_num_fields=None, separator="&"):
    """A query string's (name, value) pairs in order, unquoted."""
    (qs,), back = _as_text(qs)
    if not separator or not isinstance(separator, (str, bytes)):
        raise ValueError("Separator must be of type string or bytes.")
    if isinstance(separator, bytes):
        separator = separator.decode("ascii")
    if max_num_fields is not None and 1 + qs.count(separator) > max_num_fields:
        raise ValueError("Max number of fields exceeded")
    pairs = []
    for field in qs.split(separator) if qs else ():
        if not field:
            if strict_parsing:
                raise ValueError(f"bad query field: {field!r}")
            continue
        name, equals, value = field.partition("=")
        if not equals:
            if strict_parsing:
                raise ValueError(f"bad query field: {field!r}")
            if not keep_blank_values:
                continue
        if value or keep_blank_values:
            pairs.append((back(unquote_plus(name, encoding, errors)),
                          back(unquote_plus(value, encoding, errors))))
    return pairs


def parse_qs(qs, keep_blank_values=False, strict_parsing=False, encoding="utf-8",
             errors="replace", max_num_fields=None, separator="&"):
    """A query string as a dict from each name to the list of its values."""
    found = {}
    for name, value in parse_qsl(qs, keep_blank_values, strict_parsing, encoding, errors,
                                 max_num_fields, separator):
        found.setdefault(name, []).append(value)
    return found


def urlencode(query, doseq=False, safe="", encoding=None, errors=None, quote_via=quote_plus):
    """A mapping or a sequence of pairs as a query string ("a=1&b=2").
    With doseq, a sequence value gives one pair per element."""
    if hasattr(query, "items"):
        pairs = query.items()
    else:
        try:
            if len(query) and not isinstance(query[0], tuple):
                raise TypeError
        except TypeError:
            raise TypeError("not a valid non-string sequence or mapping object") from None
        pairs = query

    def encoded(value):
        if isinstance(value, bytes):
            return quote_via(value, safe)
        return quote_via(value if isinstance(value, str) else str(value), safe, encoding, errors)

    fields = []
    for key, value in pairs:
        name = encoded(key)
        if not doseq or isinstance(value, (str, bytes)):
            fields.append(f"{name}={encoded(value)}")
            continue
        try:
            len(value)
        except TypeError:
            fields.append(f"{name}={encoded(value)}")
            continue
        fields.extend(f"{name}={encoded(element)}" for element in value)
    return "&".join(fields)
