"""An HTTP client with httpx's API, built into towel.

The requests go through towel's runtime (towel_runtime::http: hyper's
HTTP/1.1 with a keep-alive connection pool per client, TLS on rustls), so
no package needs installing. The API follows httpx 0.29: AsyncClient and
Client (context managers, base_url, headers, params, timeout, limits,
follow_redirects, verify, auth), get/post/put/patch/delete/head/options/
request/send/build_request/stream, URL, Headers, QueryParams, Request,
Response, Timeout, Limits, codes and httpx's exception classes.

Where towel differs from httpx:
- HTTP/1.1 only (no http2=True), no proxies, no cookies jar, no files=
  (multipart) uploads, no custom transports or event hooks: these raise
  NotImplementedError when asked for.
- A response's body is read whole before the response is handed over,
  streamed or not: stream() and the iter_*/aiter_* methods walk a body
  that is already there.
- verify= takes True, False, a CA file's path or an ssl.SSLContext;
  trust by default is Mozilla's roots built into towel, not certifi's.
- A per-request timeout= different from the client's uses a pool of its
  own for that timeout.
"""

import _http
import asyncio as _asyncio
import datetime as _datetime
import enum as _enum
import json as _json
import time as _time
from urllib import parse as _parse

__version__ = '0.29.0'

__all__ = [
    'AsyncClient', 'Client', 'URL', 'Headers', 'QueryParams', 'Request', 'Response',
    'Timeout', 'Limits', 'codes', 'get', 'post', 'put', 'patch', 'delete', 'head',
    'options', 'request', 'stream',
    'HTTPError', 'RequestError', 'TransportError', 'TimeoutException', 'ConnectTimeout',
    'ReadTimeout', 'WriteTimeout', 'PoolTimeout', 'NetworkError', 'ConnectError',
    'ReadError', 'WriteError', 'CloseError', 'ProtocolError', 'LocalProtocolError',
    'RemoteProtocolError', 'ProxyError', 'UnsupportedProtocol', 'DecodingError',
    'TooManyRedirects', 'HTTPStatusError', 'InvalidURL', 'CookieConflict', 'StreamError',
    'StreamConsumed', 'ResponseNotRead', 'RequestNotRead', 'StreamClosed',
]

_USER_AGENT = f'python-httpx/{__version__}'


# -- exceptions -------------------------------------------------------------------------

class HTTPError(Exception):
    """Every error a request can end in."""

    def __init__(self, message):
        super().__init__(message)
        self._request = None

    @property
    def request(self):
        if self._request is None:
            raise RuntimeError('The .request property has not been set.')
        return self._request

    @request.setter
    def request(self, request):
        self._request = request


class RequestError(HTTPError):
    """A failure while sending a request or receiving its response."""

    def __init__(self, message, *, request=None):
        super().__init__(message)
        self._request = request


class TransportError(RequestError):
    pass


class TimeoutException(TransportError):
    pass


class ConnectTimeout(TimeoutException):
    pass


class ReadTimeout(TimeoutException):
    pass


class WriteTimeout(TimeoutException):
    pass


class PoolTimeout(TimeoutException):
    pass


class NetworkError(TransportError):
    pass


class ConnectError(NetworkError):
    pass


class ReadError(NetworkError):
    pass


class WriteError(NetworkError):
    pass


class CloseError(NetworkError):
    pass


class ProtocolError(TransportError):
    pass


class LocalProtocolError(ProtocolError):
    pass


class RemoteProtocolError(ProtocolError):
    pass


class ProxyError(TransportError):
    pass


class UnsupportedProtocol(TransportError):
    pass


class DecodingError(RequestError):
    pass


class TooManyRedirects(RequestError):
    pass


class HTTPStatusError(HTTPError):
    """raise_for_status() on a 4xx or 5xx response."""

    def __init__(self, message, *, request, response):
        super().__init__(message)
        self.request = request
        self.response = response


class InvalidURL(Exception):
    pass


class CookieConflict(Exception):
    pass


class StreamError(RuntimeError):
    pass


class StreamConsumed(StreamError):
    pass


class ResponseNotRead(StreamError):
    pass


class RequestNotRead(StreamError):
    pass


class StreamClosed(StreamError):
    pass


# -- status codes -----------------------------------------------------------------------

_STATUS_PHRASES = {
    100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints',
    200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information',
    204: 'No Content', 205: 'Reset Content', 206: 'Partial Content', 207: 'Multi-Status',
    208: 'Already Reported', 226: 'IM Used',
    300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other',
    304: 'Not Modified', 305: 'Use Proxy', 307: 'Temporary Redirect',
    308: 'Permanent Redirect',
    400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden',
    404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable',
    407: 'Proxy Authentication Required', 408: 'Request Timeout', 409: 'Conflict',
    410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed',
    413: 'Request Entity Too Large', 414: 'Request-URI Too Long',
    415: 'Unsupported Media Type', 416: 'Requested Range Not Satisfiable',
    417: 'Expectation Failed', 418: "I'm a teapot", 421: 'Misdirected Request',
    422: 'Unprocessable Entity', 423: 'Locked', 424: 'Failed Dependency',
    425: 'Too Early', 426: 'Upgrade Required', 428: 'Precondition Required',
    429: 'Too Many Requests', 431: 'Request Header Fields Too Large',
    451: 'Unavailable For Legal Reasons',
    500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
    503: 'Service Unavailable', 504: 'Gateway Timeout', 505: 'HTTP Version Not Supported',
    506: 'Variant Also Negotiates', 507: 'Insufficient Storage', 508: 'Loop Detected',
    510: 'Not Extended', 511: 'Network Authentication Required',
}


def _code_name(phrase):
    return phrase.upper().replace("'", '').replace('-', '_').replace(' ', '_')


codes = _enum.IntEnum('codes', [(_code_name(p), c) for c, p in _STATUS_PHRASES.items()])
codes.__module__ = __name__
codes.__str__ = lambda self: str(self.value)
codes.get_reason_phrase = classmethod(lambda cls, value: _STATUS_PHRASES.get(value, ''))
codes.is_informational = classmethod(lambda cls, value: 100 <= value <= 199)
codes.is_success = classmethod(lambda cls, value: 200 <= value <= 299)
codes.is_redirect = classmethod(lambda cls, value: 300 <= value <= 399)
codes.is_client_error = classmethod(lambda cls, value: 400 <= value <= 499)
codes.is_server_error = classmethod(lambda cls, value: 500 <= value <= 599)
codes.is_error = classmethod(lambda cls, value: 400 <= value <= 599)


# -- URLs and query strings ------------------------------------------------------------------

def _primitive(value):
    """A query or form value as text: True is 'true', None is ''."""
    if value is True:
        return 'true'
    if value is False:
        return 'false'
    if value is None:
        return ''
    return str(value)


class QueryParams:
    """An ordered multi-dict of query parameters, immutable."""

    def __init__(self, *args, **kwargs):
        params = args[0] if args else kwargs
        items = []
        if params is None:
            pass
        elif isinstance(params, QueryParams):
            items = list(params._items)
        elif isinstance(params, (str, bytes)):
            text = params.decode('ascii') if isinstance(params, bytes) else params
            items = _parse.parse_qsl(text, keep_blank_values=True)
        elif isinstance(params, dict):
            for key, value in params.items():
                values = value if isinstance(value, (list, tuple)) else [value]
                items.extend((str(key), _primitive(v)) for v in values)
        else:
            items = [(str(k), _primitive(v)) for k, v in params]
        self._items = items

    def keys(self):
        return list(dict.fromkeys(k for k, _ in self._items))

    def values(self):
        return [self[k] for k in self.keys()]

    def items(self):
        return [(k, self[k]) for k in self.keys()]

    def multi_items(self):
        return list(self._items)

    def get(self, key, default=None):
        for k, v in self._items:
            if k == key:
                return v
        return default

    def get_list(self, key):
        return [v for k, v in self._items if k == key]

    def set(self, key, value):
        kept = [(k, v) for k, v in self._items if k != key]
        return QueryParams(kept + [(key, _primitive(value))])

    def add(self, key, value):
        return QueryParams(self._items + [(key, _primitive(value))])

    def remove(self, key):
        return QueryParams([(k, v) for k, v in self._items if k != key])

    def merge(self, params=None):
        other = QueryParams(params)
        keys = set(other.keys())
        return QueryParams([(k, v) for k, v in self._items if k not in keys] + other._items)

    def __getitem__(self, key):
        for k, v in self._items:
            if k == key:
                return v
        raise KeyError(key)

    def __contains__(self, key):
        return any(k == key for k, _ in self._items)

    def __iter__(self):
        return iter(self.keys())

    def __len__(self):
        return len(self.keys())

    def __bool__(self):
        return bool(self._items)

    def __eq__(self, other):
        if not isinstance(other, QueryParams):
            return NotImplemented
        return sorted(self._items) == sorted(other._items)

    def __hash__(self):
        return hash(str(self))

    def __str__(self):
        return _parse.urlencode(self._items)

    def __repr__(self):
        return f'{type(self).__name__}({str(self)!r})'


class URL:
    """A parsed URL; str() gives it back, normalised as httpx does."""

    def __init__(self, url='', *, params=None, **parts):
        if isinstance(url, URL):
            url = str(url)
        if not isinstance(url, str):
            raise TypeError(f'Invalid type for url.  Expected str or httpx.URL, '
                            f'got {type(url)}: {url!r}')
        split = _parse.urlsplit(url)
        self._scheme = split.scheme.lower()
        self._userinfo = ''
        netloc = split.netloc
        if '@' in netloc:
            self._userinfo, netloc = netloc.rsplit('@', 1)
        try:
            self._host = (split.hostname or '').lower()
            self._port = split.port
        except ValueError as exc:
            raise InvalidURL(str(exc)) from None
        if self._port is not None and self._port == _DEFAULT_PORTS.get(self._scheme):
            self._port = None
        self._path = split.path or ('/' if self._host else '')
        self._query = split.query
        self._fragment = split.fragment
        for key, value in parts.items():
            if key not in ('scheme', 'host', 'port', 'path', 'query', 'fragment'):
                raise TypeError(f'{key!r} is an invalid keyword argument for URL()')
            if key == 'query' and isinstance(value, bytes):
                value = value.decode('ascii')
            setattr(self, '_' + key, value)
        if params is not None:
            merged = QueryParams(self._query).merge(params) if self._query else QueryParams(params)
            self._query = str(merged)

    scheme = property(lambda self: self._scheme)
    host = property(lambda self: self._host)
    port = property(lambda self: self._port)
    path = property(lambda self: _parse.unquote(self._path))
    fragment = property(lambda self: self._fragment)
    query = property(lambda self: self._query.encode('ascii'))
    params = property(lambda self: QueryParams(self._query))
    userinfo = property(lambda self: self._userinfo.encode('ascii'))
    username = property(lambda self: _parse.unquote(self._userinfo.partition(':')[0]))
    password = property(lambda self: _parse.unquote(self._userinfo.partition(':')[2]))
    is_absolute_url = property(lambda self: bool(self._scheme and self._host))
    is_relative_url = property(lambda self: not self.is_absolute_url)

    @property
    def raw_path(self):
        text = self._path or '/'
        if self._query:
            text += '?' + self._query
        return text.encode('ascii')

    @property
    def netloc(self):
        host = f'[{self._host}]' if ':' in self._host else self._host
        return (host if self._port is None else f'{host}:{self._port}').encode('ascii')

    def copy_with(self, **parts):
        return URL(str(self), **parts)

    def copy_merge_params(self, params):
        return URL(str(self), params=params)

    def join(self, url):
        return URL(_parse.urljoin(str(self), str(url)))

    def __str__(self):
        text = ''
        if self._scheme:
            text += self._scheme + ':'
        if self._host:
            text += '//'
            if self._userinfo:
                text += self._userinfo + '@'
            text += self.netloc.decode('ascii')
        text += self._path
        if self._query:
            text += '?' + self._query
        if self._fragment:
            text += '#' + self._fragment
        return text

    def __repr__(self):
        return f'{type(self).__name__}({str(self)!r})'

    def __eq__(self, other):
        return isinstance(other, (URL, str)) and str(self) == str(URL(other))

    def __hash__(self):
        return hash(str(self))


_DEFAULT_PORTS = {'http': 80, 'https': 443}


# -- headers --------------------------------------------------------------------------------

class Headers:
    """Case-insensitive, ordered, multi-valued HTTP headers."""

    def __init__(self, headers=None, encoding=None):
        self._list = []
        if headers is None:
            return
        if isinstance(headers, Headers):
            self._list = list(headers._list)
            return
        pairs = headers.items() if isinstance(headers, dict) else headers
        for key, value in pairs:
            self._list.append((_text(key), _text(value)))

    @property
    def raw(self):
        return [(k.encode('latin-1'), v.encode('latin-1')) for k, v in self._list]

    def keys(self):
        return list(dict.fromkeys(k.lower() for k, _ in self._list))

    def values(self):
        return [self[k] for k in self.keys()]

    def items(self):
        return [(k, self[k]) for k in self.keys()]

    def multi_items(self):
        return [(k.lower(), v) for k, v in self._list]

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def get_list(self, key, split_commas=False):
        values = [v for k, v in self._list if k.lower() == key.lower()]
        if not split_commas:
            return values
        return [part.strip() for value in values for part in value.split(',')]

    def update(self, headers=None):
        for key, value in Headers(headers)._list:
            self[key] = value

    def copy(self):
        return Headers(self)

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def __getitem__(self, key):
        values = [v for k, v in self._list if k.lower() == key.lower()]
        if not values:
            raise KeyError(key)
        return ', '.join(values)

    def __setitem__(self, key, value):
        key, value = _text(key), _text(value)
        at = [i for i, (k, _) in enumerate(self._list) if k.lower() == key.lower()]
        if not at:
            self._list.append((key, value))
            return
        self._list[at[0]] = (key, value)
        for i in reversed(at[1:]):
            del self._list[i]

    def __delitem__(self, key):
        kept = [(k, v) for k, v in self._list if k.lower() != key.lower()]
        if len(kept) == len(self._list):
            raise KeyError(key)
        self._list = kept

    def __contains__(self, key):
        return any(k.lower() == key.lower() for k, _ in self._list)

    def __iter__(self):
        return iter(self.keys())

    def __len__(self):
        return len(self.keys())

    def __eq__(self, other):
        try:
            other = Headers(other)
        except (TypeError, ValueError):
            return False
        return sorted(self.multi_items()) == sorted(other.multi_items())

    def __repr__(self):
        items = self.multi_items()
        if len(dict(items)) == len(items):
            return f'{type(self).__name__}({dict(items)!r})'
        return f'{type(self).__name__}({items!r})'


def _text(value):
    return value.decode('latin-1') if isinstance(value, bytes) else str(value)


# -- requests and responses --------------------------------------------------------------------

class Request:
    def __init__(self, method, url, *, params=None, headers=None, content=None, data=None,
                 files=None, json=None, extensions=None):
        self.method = method.upper() if isinstance(method, str) else method.decode().upper()
        self.url = URL(url) if params is None else URL(url, params=params)
        self.headers = Headers(headers)
        self.extensions = extensions or {}
        if files is not None:
            raise NotImplementedError('httpx in towel: files= (multipart uploads) is not available')
        body, body_headers = _encode_body(content, data, json)
        if 'Host' not in self.headers and self.url.host:
            self.headers._list.insert(0, ('Host', self.url.netloc.decode('ascii')))
        for key, value in body_headers:
            if key not in self.headers:
                self.headers[key] = value
        self.content = body

    def read(self):
        return self.content

    async def aread(self):
        return self.content

    def __repr__(self):
        return f'<{type(self).__name__}({self.method!r}, {str(self.url)!r})>'


def _encode_body(content, data, json):
    """The body's bytes and the headers it brings (length first, then type)."""
    if content is not None:
        body = content.encode('utf-8') if isinstance(content, str) else bytes(content)
        return body, [('Content-Length', str(len(body)))] if body else []
    if data is not None:
        if isinstance(data, (bytes, str)):
            return _encode_body(data, None, None)
        items = []
        for key, value in data.items():
            values = value if isinstance(value, (list, tuple)) else [value]
            items.extend((key, _primitive(v)) for v in values)
        body = _parse.urlencode(items).encode('ascii')
        return body, [('Content-Length', str(len(body))),
                      ('Content-Type', 'application/x-www-form-urlencoded')]
    if json is not None:
        body = _json.dumps(json, ensure_ascii=False, separators=(',', ':'),
                           allow_nan=False).encode('utf-8')
        return body, [('Content-Length', str(len(body))),
                      ('Content-Type', 'application/json')]
    return b'', []


class Response:
    def __init__(self, status_code, *, headers=None, content=None, text=None, html=None,
                 json=None, request=None, extensions=None, history=None):
        self.status_code = status_code
        self.headers = Headers(headers)
        self._request = request
        self.extensions = extensions or {}
        self.history = list(history or [])
        self.next_request = None
        self._elapsed = None
        self._http_version = 'HTTP/1.1'
        self._reason_phrase = None
        if content is None and text is None and html is None and json is None:
            self._content = b''
        else:
            body, body_headers = _encode_body(
                content if text is None and html is None else (text if text is not None else html),
                None, json)
            self._content = body
            for key, value in body_headers:
                if key not in self.headers:
                    self.headers[key] = value
            if text is not None and 'Content-Type' not in self.headers:
                self.headers['Content-Type'] = 'text/plain; charset=utf-8'
        self.is_closed = True
        self.is_stream_consumed = True

    @classmethod
    def _received(cls, request, outcome, started):
        status, reason, version, headers, body = outcome
        response = cls(status, headers=[(k, v) for k, v in headers], request=request)
        response._content = _decode_content(response.headers, body)
        response._reason_phrase = reason
        response._http_version = version
        response._elapsed = _datetime.timedelta(seconds=_time.perf_counter() - started)
        return response

    @property
    def request(self):
        if self._request is None:
            raise RuntimeError('The request instance has not been set on this response.')
        return self._request

    @request.setter
    def request(self, request):
        self._request = request

    @property
    def url(self):
        return self.request.url

    @property
    def http_version(self):
        return self._http_version

    @property
    def reason_phrase(self):
        if self._reason_phrase is not None:
            return self._reason_phrase
        return codes.get_reason_phrase(self.status_code)

    @property
    def elapsed(self):
        if self._elapsed is None:
            raise RuntimeError("'.elapsed' may only be accessed after the response "
                               "has been read or closed.")
        return self._elapsed

    @property
    def content(self):
        return self._content

    @property
    def encoding(self):
        content_type = self.headers.get('Content-Type', '')
        for part in content_type.split(';')[1:]:
            key, _, value = part.strip().partition('=')
            if key.lower() == 'charset' and value:
                return value.strip('"\'')
        return 'utf-8'

    @property
    def charset_encoding(self):
        content_type = self.headers.get('Content-Type', '')
        for part in content_type.split(';')[1:]:
            key, _, value = part.strip().partition('=')
            if key.lower() == 'charset' and value:
                return value.strip('"\'')
        return None

    @property
    def text(self):
        return self._content.decode(self.encoding, errors='replace')

    def json(self, **kwargs):
        return _json.loads(self._content, **kwargs)

    num_bytes_downloaded = property(lambda self: len(self._content))
    is_informational = property(lambda self: codes.is_informational(self.status_code))
    is_success = property(lambda self: codes.is_success(self.status_code))
    is_redirect = property(lambda self: self.status_code in _REDIRECTS
                           and 'Location' in self.headers)
    is_client_error = property(lambda self: codes.is_client_error(self.status_code))
    is_server_error = property(lambda self: codes.is_server_error(self.status_code))
    is_error = property(lambda self: codes.is_error(self.status_code))

    @property
    def links(self):
        return {}

    def raise_for_status(self):
        if self._request is None:
            raise RuntimeError('Cannot call `raise_for_status` as the request instance '
                               'has not been set on this response.')
        if self.is_success:
            return self
        if self.has_redirect_location:
            message = ("{error_type} '{0.status_code} {0.reason_phrase}' for url '{0.url}'\n"
                       "Redirect location: '{0.headers[location]}'\n"
                       "For more information check: "
                       "https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/{0.status_code}")
        else:
            message = ("{error_type} '{0.status_code} {0.reason_phrase}' for url '{0.url}'\n"
                       "For more information check: "
                       "https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/{0.status_code}")
        kinds = {1: 'Informational response', 3: 'Redirect response',
                 4: 'Client error', 5: 'Server error'}
        error_type = kinds.get(self.status_code // 100, 'Invalid status code')
        raise HTTPStatusError(message.format(self, error_type=error_type),
                              request=self.request, response=self)

    @property
    def has_redirect_location(self):
        return self.status_code in _REDIRECTS and 'Location' in self.headers

    def read(self):
        return self._content

    async def aread(self):
        return self._content

    def iter_bytes(self, chunk_size=None):
        yield from _chunks(self._content, chunk_size)

    async def aiter_bytes(self, chunk_size=None):
        for chunk in _chunks(self._content, chunk_size):
            yield chunk

    iter_raw = iter_bytes
    aiter_raw = aiter_bytes

    def iter_text(self, chunk_size=None):
        text = self.text
        size = chunk_size or len(text) or 1
        for i in range(0, len(text), size):
            yield text[i:i + size]

    async def aiter_text(self, chunk_size=None):
        for piece in self.iter_text(chunk_size):
            yield piece

    def iter_lines(self):
        yield from self.text.splitlines()

    async def aiter_lines(self):
        for line in self.text.splitlines():
            yield line

    def close(self):
        pass

    async def aclose(self):
        pass

    def __repr__(self):
        return f'<Response [{self.status_code} {self.reason_phrase}]>'


def _chunks(content, size):
    if not content:
        return
    size = size or len(content)
    for i in range(0, len(content), size):
        yield content[i:i + size]


def _decode_content(headers, body):
    """The body without its Content-Encoding (gzip, deflate)."""
    import zlib
    for coding in reversed([c.strip().lower() for c in headers.get_list('Content-Encoding', True)]):
        try:
            if coding in ('gzip', 'x-gzip'):
                body = zlib.decompress(body, 16 + zlib.MAX_WBITS)
            elif coding == 'deflate':
                try:
                    body = zlib.decompress(body)
                except zlib.error:
                    body = zlib.decompress(body, -zlib.MAX_WBITS)
            elif coding not in ('identity', ''):
                continue
        except zlib.error as exc:
            raise DecodingError(str(exc)) from None
    return body


_REDIRECTS = (301, 302, 303, 307, 308)


# -- timeouts and limits -----------------------------------------------------------------------

_UNSET = object()


class Timeout:
    """Seconds each wait may take (None: for ever): connect, read, write, pool."""

    def __init__(self, timeout=_UNSET, *, connect=_UNSET, read=_UNSET, write=_UNSET,
                 pool=_UNSET):
        if isinstance(timeout, Timeout):
            connect, read, write, pool = timeout.connect, timeout.read, timeout.write, timeout.pool
        elif isinstance(timeout, tuple):
            connect, read, write, pool = (tuple(timeout) + (None,) * 4)[:4]
        elif timeout is _UNSET:
            if _UNSET in (connect, read, write, pool):
                raise ValueError('httpx.Timeout must either include a default, or set all '
                                 'four parameters explicitly.')
        else:
            connect = timeout if connect is _UNSET else connect
            read = timeout if read is _UNSET else read
            write = timeout if write is _UNSET else write
            pool = timeout if pool is _UNSET else pool
        self.connect, self.read, self.write, self.pool = connect, read, write, pool

    def as_tuple(self):
        return (self.connect, self.read, self.write, self.pool)

    def __eq__(self, other):
        return isinstance(other, Timeout) and self.as_tuple() == other.as_tuple()

    def __hash__(self):
        return hash(self.as_tuple())

    def __repr__(self):
        if len(set(self.as_tuple())) == 1:
            return f'{type(self).__name__}(timeout={self.connect})'
        return (f'{type(self).__name__}(connect={self.connect}, read={self.read}, '
                f'write={self.write}, pool={self.pool})')


class Limits:
    """How many connections a client opens and keeps idle, and for how long."""

    def __init__(self, *, max_connections=None, max_keepalive_connections=None,
                 keepalive_expiry=5.0):
        self.max_connections = max_connections
        self.max_keepalive_connections = max_keepalive_connections
        self.keepalive_expiry = keepalive_expiry

    def __eq__(self, other):
        return isinstance(other, Limits) and vars(self) == vars(other)

    def __repr__(self):
        return (f'{type(self).__name__}(max_connections={self.max_connections}, '
                f'max_keepalive_connections={self.max_keepalive_connections}, '
                f'keepalive_expiry={self.keepalive_expiry})')


DEFAULT_TIMEOUT_CONFIG = Timeout(timeout=5.0)
DEFAULT_LIMITS = Limits(max_connections=100, max_keepalive_connections=20)
DEFAULT_MAX_REDIRECTS = 20


# -- clients -------------------------------------------------------------------------------------

class _BaseClient:
    _blocking = False

    def __init__(self, *, auth=None, params=None, headers=None, cookies=None, verify=True,
                 cert=None, http1=True, http2=False, proxy=None, mounts=None,
                 timeout=DEFAULT_TIMEOUT_CONFIG, follow_redirects=False,
                 limits=DEFAULT_LIMITS, max_redirects=DEFAULT_MAX_REDIRECTS,
                 event_hooks=None, base_url='', transport=None, trust_env=True,
                 default_encoding='utf-8'):
        for name, value in (('http2', http2), ('proxy', proxy), ('mounts', mounts),
                            ('transport', transport), ('cookies', cookies),
                            ('event_hooks', event_hooks)):
            if value:
                raise NotImplementedError(f'httpx in towel: {name}= is not available')
        self.auth = auth
        self.params = QueryParams(params)
        self.headers = Headers([('Accept', '*/*'), ('Accept-Encoding', 'gzip, deflate'),
                                ('Connection', 'keep-alive'), ('User-Agent', _USER_AGENT)])
        self.headers.update(headers)
        self.timeout = Timeout(timeout)
        self.follow_redirects = follow_redirects
        self.max_redirects = max_redirects
        self.base_url = self._base(base_url)
        self._limits = limits
        self._tls = _tls_config(verify, cert)
        self._pools = {}
        self._closed = False
        self._opened = False

    @staticmethod
    def _base(base_url):
        url = URL(base_url)
        if url._path and not url._path.endswith('/'):
            url = url.copy_with(path=url._path + '/')
        return url

    @property
    def is_closed(self):
        return self._closed

    def _merge_url(self, url):
        url = URL(url)
        if url.is_relative_url and str(self.base_url):
            relative = str(url)
            base = str(self.base_url)
            return URL(base + relative.lstrip('/'))
        return url

    def build_request(self, method, url, *, content=None, data=None, files=None, json=None,
                      params=None, headers=None, cookies=None, timeout=_UNSET,
                      extensions=None):
        url = self._merge_url(url)
        merged_params = self.params.merge(params) if (self.params or params) else None
        if merged_params is not None and url._query:
            merged_params = QueryParams(url._query).merge(merged_params)
        merged = Headers(self.headers)
        merged.update(headers)
        extensions = dict(extensions or {})
        if timeout is not _UNSET:
            extensions['timeout'] = Timeout(timeout).as_tuple()
        request = Request(method, url, params=merged_params, headers=merged, content=content,
                          data=data, files=files, json=json, extensions=extensions)
        if self.auth is not None and 'Authorization' not in request.headers:
            request.headers['Authorization'] = _basic_auth(self.auth)
        return request

    def _pool(self, request):
        """The native pool for the request's timeouts (one per distinct timeout)."""
        if self._closed:
            raise RuntimeError('Cannot send a request, as the client has been closed.')
        timeouts = request.extensions.get('timeout', self.timeout.as_tuple())
        pool = self._pools.get(timeouts)
        if pool is None:
            limits = self._limits
            pool = _http.Client(self._tls, timeouts, limits.max_connections,
                                limits.max_keepalive_connections, limits.keepalive_expiry,
                                self._blocking)
            self._pools[timeouts] = pool
        return pool

    def _check_url(self, request):
        url = request.url
        if not url.scheme:
            raise UnsupportedProtocol(
                "Request URL is missing an 'http://' or 'https://' protocol.", request=request)
        if url.scheme not in ('http', 'https'):
            raise UnsupportedProtocol(
                f"Request URL has an unsupported protocol '{url.scheme}://'.", request=request)
        if not url.host:
            raise LocalProtocolError('Missing host in URL.', request=request)

    def _wire_headers(self, request):
        return [(k, v.encode('latin-1')) for k, v in request.headers._list]

    def _failure(self, request, error):
        kind, message = error
        if kind == 'connect' and not self._blocking and not message.startswith('[Errno -'):
            # anyio's word for a refused or unreachable address.
            message = 'All connection attempts failed'
        cls = _ERROR_KINDS.get(kind, RemoteProtocolError)
        return cls(message, request=request)

    def _redirect(self, request, response):
        """The request a redirect response asks for."""
        location = URL(response.headers['Location'])
        url = request.url.join(location) if location.is_relative_url else location
        method = request.method
        if response.status_code == 303 and method != 'HEAD':
            method = 'GET'
        if response.status_code in (301, 302) and method == 'POST':
            method = 'GET'
        headers = Headers(request.headers)
        if url.host != request.url.host or url.scheme != request.url.scheme:
            if 'Authorization' in headers:
                del headers['Authorization']
        del_keys = ['Host']
        content = request.content
        if method != request.method:
            content = b''
            del_keys += ['Content-Length', 'Content-Type', 'Transfer-Encoding']
        for key in del_keys:
            if key in headers:
                del headers[key]
        return Request(method, url, headers=headers, content=content or None,
                       extensions=request.extensions)


_ERROR_KINDS = {
    'invalid_url': UnsupportedProtocol,
    'connect': ConnectError,
    'tls': ConnectError,
    'timeout:connect': ConnectTimeout,
    'timeout:read': ReadTimeout,
    'timeout:write': WriteTimeout,
    'timeout:pool': PoolTimeout,
    'protocol': RemoteProtocolError,
}


def _basic_auth(auth):
    import base64
    if not isinstance(auth, tuple):
        raise NotImplementedError('httpx in towel: auth= takes a (username, password) tuple')
    username, password = (p.encode('latin-1') if isinstance(p, str) else p for p in auth)
    return 'Basic ' + base64.b64encode(username + b':' + password).decode('ascii')


def _tls_config(verify, cert):
    """The runtime's TLS client configuration for verify= and cert=."""
    import ssl
    if isinstance(verify, ssl.SSLContext):
        context = verify
    elif verify is True:
        context = ssl.create_default_context()
    elif verify is False:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    else:
        context = ssl.create_default_context(cafile=verify)
    if cert is not None:
        if isinstance(cert, tuple):
            context.load_cert_chain(*cert)
        else:
            context.load_cert_chain(cert)
    return context._config(False)


class AsyncClient(_BaseClient):
    """An asynchronous HTTP client with a connection pool."""

    async def request(self, method, url, *, content=None, data=None, files=None, json=None,
                      params=None, headers=None, cookies=None, auth=None,
                      follow_redirects=_UNSET, timeout=_UNSET, extensions=None):
        request = self.build_request(method, url, content=content, data=data, files=files,
                                     json=json, params=params, headers=headers,
                                     timeout=timeout, extensions=extensions)
        if auth is not None:
            request.headers['Authorization'] = _basic_auth(auth)
        return await self.send(request, follow_redirects=follow_redirects)

    async def send(self, request, *, stream=False, auth=None, follow_redirects=_UNSET):
        if follow_redirects is _UNSET:
            follow_redirects = self.follow_redirects
        history = []
        while True:
            response = await self._send_one(request)
            response.history = list(history)
            if not response.has_redirect_location:
                return response
            next_request = self._redirect(request, response)
            if not follow_redirects:
                response.next_request = next_request
                return response
            if len(history) >= self.max_redirects:
                raise TooManyRedirects('Exceeded maximum allowed redirects.', request=request)
            history.append(response)
            request = next_request

    async def _send_one(self, request):
        self._check_url(request)
        pool = self._pool(request)
        loop = _asyncio.get_running_loop()
        done = loop.create_future()

        def arrived(response, error):
            if not done.done():
                done.set_result((response, error))

        started = _time.perf_counter()
        handle = pool.send(request.method, str(request.url), self._wire_headers(request),
                           request.content, arrived)
        try:
            response, error = await done
        except BaseException:
            handle.cancel()
            raise
        if error is not None:
            raise self._failure(request, error)
        return Response._received(request, response, started)

    async def get(self, url, **kwargs):
        return await self.request('GET', url, **kwargs)

    async def options(self, url, **kwargs):
        return await self.request('OPTIONS', url, **kwargs)

    async def head(self, url, **kwargs):
        return await self.request('HEAD', url, **kwargs)

    async def post(self, url, **kwargs):
        return await self.request('POST', url, **kwargs)

    async def put(self, url, **kwargs):
        return await self.request('PUT', url, **kwargs)

    async def patch(self, url, **kwargs):
        return await self.request('PATCH', url, **kwargs)

    async def delete(self, url, **kwargs):
        return await self.request('DELETE', url, **kwargs)

    def stream(self, method, url, **kwargs):
        return _AsyncStream(self, method, url, kwargs)

    async def aclose(self):
        if self._closed:
            return
        self._closed = True
        for pool in self._pools.values():
            pool.close()
        self._pools.clear()

    async def __aenter__(self):
        if self._closed:
            raise RuntimeError('Cannot reopen a client instance, once it has been closed.')
        if self._opened:
            raise RuntimeError('Cannot open a client instance more than once.')
        self._opened = True
        return self

    async def __aexit__(self, *exc):
        await self.aclose()


class _AsyncStream:
    def __init__(self, client, method, url, kwargs):
        self._call = (client, method, url, kwargs)

    async def __aenter__(self):
        client, method, url, kwargs = self._call
        self._response = await client.request(method, url, **kwargs)
        return self._response

    async def __aexit__(self, *exc):
        await self._response.aclose()


class Client(_BaseClient):
    """A blocking HTTP client with a connection pool (on a thread of its own)."""

    _blocking = True

    def request(self, method, url, *, content=None, data=None, files=None, json=None,
                params=None, headers=None, cookies=None, auth=None,
                follow_redirects=_UNSET, timeout=_UNSET, extensions=None):
        request = self.build_request(method, url, content=content, data=data, files=files,
                                     json=json, params=params, headers=headers,
                                     timeout=timeout, extensions=extensions)
        if auth is not None:
            request.headers['Authorization'] = _basic_auth(auth)
        return self.send(request, follow_redirects=follow_redirects)

    def send(self, request, *, stream=False, auth=None, follow_redirects=_UNSET):
        if follow_redirects is _UNSET:
            follow_redirects = self.follow_redirects
        history = []
        while True:
            response = self._send_one(request)
            response.history = list(history)
            if not response.has_redirect_location:
                return response
            next_request = self._redirect(request, response)
            if not follow_redirects:
                response.next_request = next_request
                return response
            if len(history) >= self.max_redirects:
                raise TooManyRedirects('Exceeded maximum allowed redirects.', request=request)
            history.append(response)
            request = next_request

    def _send_one(self, request):
        self._check_url(request)
        pool = self._pool(request)
        started = _time.perf_counter()
        response, error = pool.send_blocking(request.method, str(request.url),
                                             self._wire_headers(request), request.content)
        if error is not None:
            raise self._failure(request, error)
        return Response._received(request, response, started)

    def get(self, url, **kwargs):
        return self.request('GET', url, **kwargs)

    def options(self, url, **kwargs):
        return self.request('OPTIONS', url, **kwargs)

    def head(self, url, **kwargs):
        return self.request('HEAD', url, **kwargs)

    def post(self, url, **kwargs):
        return self.request('POST', url, **kwargs)

    def put(self, url, **kwargs):
        return self.request('PUT', url, **kwargs)

    def patch(self, url, **kwargs):
        return self.request('PATCH', url, **kwargs)

    def delete(self, url, **kwargs):
        return self.request('DELETE', url, **kwargs)

    def stream(self, method, url, **kwargs):
        return _SyncStream(self, method, url, kwargs)

    def close(self):
        if self._closed:
            return
        self._closed = True
        for pool in self._pools.values():
            pool.close()
        self._pools.clear()

    def __enter__(self):
        if self._closed:
            raise RuntimeError('Cannot reopen a client instance, once it has been closed.')
        if self._opened:
            raise RuntimeError('Cannot open a client instance more than once.')
        self._opened = True
        return self

    def __exit__(self, *exc):
        self.close()


class _SyncStream:
    def __init__(self, client, method, url, kwargs):
        self._call = (client, method, url, kwargs)

    def __enter__(self):
        client, method, url, kwargs = self._call
        self._response = client.request(method, url, **kwargs)
        return self._response

    def __exit__(self, *exc):
        self._response.close()


# -- one-off requests ---------------------------------------------------------------------------

def request(method, url, *, params=None, content=None, data=None, files=None, json=None,
            headers=None, cookies=None, auth=None, proxy=None, timeout=DEFAULT_TIMEOUT_CONFIG,
            follow_redirects=False, verify=True, cert=None, trust_env=True):
    """One request on a client of its own."""
    with Client(cookies=cookies, proxy=proxy, cert=cert, verify=verify, timeout=timeout,
                trust_env=trust_env) as client:
        return client.request(method, url, content=content, data=data, files=files,
                              json=json, params=params, headers=headers, auth=auth,
                              follow_redirects=follow_redirects)


def get(url, **kwargs):
    return request('GET', url, **kwargs)


def options(url, **kwargs):
    return request('OPTIONS', url, **kwargs)


def head(url, **kwargs):
    return request('HEAD', url, **kwargs)


def post(url, **kwargs):
    return request('POST', url, **kwargs)


def put(url, **kwargs):
    return request('PUT', url, **kwargs)


def patch(url, **kwargs):
    return request('PATCH', url, **kwargs)


def delete(url, **kwargs):
    return request('DELETE', url, **kwargs)


class stream:
    """with httpx.stream(method, url) as response: a one-off streamed request."""

    def __init__(self, method, url, **kwargs):
        client_keys = ('cookies', 'proxy', 'cert', 'verify', 'timeout', 'trust_env')
        self._client = Client(**{k: kwargs.pop(k) for k in client_keys if k in kwargs})
        self._call = (method, url, kwargs)

    def __enter__(self):
        method, url, kwargs = self._call
        self._response = self._client.request(method, url, **kwargs)
        return self._response

    def __exit__(self, *exc):
        self._client.close()
