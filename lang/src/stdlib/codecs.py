# codecs: the codec registry and its helpers, over the native `_codecs`
# (which has the encodings and error handlers). Codec objects here are thin:
# every encode and decode goes through `_codecs.encode_text` and
# `_codecs.decode_data`, the same code `str.encode` and `bytes.decode` run.

import builtins as _builtins
import _codecs
from _codecs import encode, decode, register_error

__all__ = [
    "register", "lookup", "open", "EncodedFile", "BOM", "BOM_BE", "BOM_LE",
    "BOM32_BE", "BOM32_LE", "BOM64_BE", "BOM64_LE", "BOM_UTF8", "BOM_UTF16",
    "BOM_UTF16_LE", "BOM_UTF16_BE", "BOM_UTF32", "BOM_UTF32_LE", "BOM_UTF32_BE",
    "CodecInfo", "Codec", "IncrementalEncoder", "IncrementalDecoder",
    "StreamReader", "StreamWriter", "StreamReaderWriter", "StreamRecoder",
    "getencoder", "getdecoder", "getincrementalencoder", "getincrementaldecoder",
    "getreader", "getwriter", "encode", "decode", "iterencode", "iterdecode",
    "strict_errors", "ignore_errors", "replace_errors", "xmlcharrefreplace_errors",
    "backslashreplace_errors", "namereplace_errors", "register_error", "lookup_error",
]

BOM_UTF8 = b'\xef\xbb\xbf'
BOM_LE = BOM_UTF16_LE = b'\xff\xfe'
BOM_BE = BOM_UTF16_BE = b'\xfe\xff'
BOM_UTF32_LE = b'\xff\xfe\x00\x00'
BOM_UTF32_BE = b'\x00\x00\xfe\xff'
BOM = BOM_UTF16 = BOM_UTF16_LE
BOM_UTF32 = BOM_UTF32_LE
BOM32_LE = BOM_UTF16_LE
BOM32_BE = BOM_UTF16_BE
BOM64_LE = BOM_UTF32_LE
BOM64_BE = BOM_UTF32_BE


class CodecInfo(tuple):
    """Codec details when looking up the codec registry"""

    _is_text_encoding = True

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None,
                incrementalencoder=None, incrementaldecoder=None, name=None,
                *, _is_text_encoding=None):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        self.incrementalencoder = incrementalencoder
        self.incrementaldecoder = incrementaldecoder
        self.streamwriter = streamwriter
        self.streamreader = streamreader
        if _is_text_encoding is not None:
            self._is_text_encoding = _is_text_encoding
        return self

    def __repr__(self):
        return "<%s.%s object for encoding %s at %#x>" % (
            self.__class__.__module__, self.__class__.__qualname__, self.name, id(self))


class Codec:
    """Defines the interface for stateless encoders/decoders."""

    def encode(self, input, errors='strict'):
        raise NotImplementedError

    def decode(self, input, errors='strict'):
        raise NotImplementedError


class IncrementalEncoder:
    """Encodes an input in multiple steps."""

    def __init__(self, errors='strict'):
        self.errors = errors
        self.buffer = ""

    def encode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return 0

    def setstate(self, state):
        pass


class IncrementalDecoder:
    """Decodes an input in multiple steps."""

    def __init__(self, errors='strict'):
        self.errors = errors

    def decode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return (b"", 0)

    def setstate(self, state):
        pass


class BufferedIncrementalDecoder(IncrementalDecoder):
    """An incremental decoder that keeps the bytes of an unfinished character."""

    def __init__(self, errors='strict'):
        IncrementalDecoder.__init__(self, errors)
        self.buffer = b""

    def _buffer_decode(self, input, errors, final):
        raise NotImplementedError

    def decode(self, input, final=False):
        data = self.buffer + input
        (result, consumed) = self._buffer_decode(data, self.errors, final)
        self.buffer = data[consumed:]
        return result

    def reset(self):
        IncrementalDecoder.reset(self)
        self.buffer = b""

    def getstate(self):
        return (self.buffer, 0)

    def setstate(self, state):
        self.buffer = state[0]


def _make_codec(name):
    """The CodecInfo of a native encoding (canonical `name`)."""

    def encode_fn(input, errors='strict'):
        return (_codecs.encode_text(input, name, errors), len(input))

    def decode_fn(input, errors='strict'):
        text, used, _ = _codecs.decode_data(input, name, errors, True)
        return (text, used)

    class _IncrementalEncoder(IncrementalEncoder):
        def __init__(self, errors='strict'):
            IncrementalEncoder.__init__(self, errors)
            self._name = name

        def encode(self, input, final=False):
            data = _codecs.encode_text(input, self._name, self.errors)
            # A byte order mark starts the stream only.
            self._name = _after_bom.get(self._name, self._name)
            return data

        def reset(self):
            self._name = name

        def getstate(self):
            return 0 if self._name == name else 2

        def setstate(self, state):
            self._name = name if state == 0 else _after_bom.get(name, name)

    class _IncrementalDecoder(BufferedIncrementalDecoder):
        def __init__(self, errors='strict'):
            BufferedIncrementalDecoder.__init__(self, errors)
            self._name = name

        def _buffer_decode(self, input, errors, final):
            # Unlike decode(), a UTF-16/32 stream must open with its byte order mark.
            if self._name in _bom_sizes and len(input) >= _bom_sizes[self._name]:
                if not input.startswith(_boms[self._name]):
                    raise UnicodeError("%s stream does not start with BOM" % self._name.upper())
            text, used, self._name = _codecs.decode_data(input, self._name, errors, final)
            return (text, used)

        def reset(self):
            BufferedIncrementalDecoder.reset(self)
            self._name = name

    class _StreamWriter(StreamWriter):
        def encode(self, input, errors='strict'):
            return encode_fn(input, errors)

    class _StreamReader(StreamReader):
        def decode(self, input, errors='strict'):
            return decode_fn(input, errors)

    return CodecInfo(encode_fn, decode_fn, _StreamReader, _StreamWriter,
                     _IncrementalEncoder, _IncrementalDecoder, name)


# What a codec with a byte order mark continues with once the mark is written.
_after_bom = {'utf-16': 'utf-16-le', 'utf-32': 'utf-32-le', 'utf-8-sig': 'utf-8'}

_bom_sizes = {'utf-16': 2, 'utf-32': 4}
_boms = {'utf-16': (BOM_UTF16_LE, BOM_UTF16_BE), 'utf-32': (BOM_UTF32_LE, BOM_UTF32_BE)}

_cache = {}
_search_functions = []


def register(search_function):
    """Register a codec search function."""
    if not callable(search_function):
        raise TypeError("argument must be callable")
    _search_functions.append(search_function)


def unregister(search_function):
    """Unregister a codec search function and clear the registry's cache."""
    try:
        _search_functions.remove(search_function)
    except ValueError:
        pass
    _cache.clear()


def lookup(encoding, /):
    """Looks up a codec tuple in the Python codec registry and returns a CodecInfo object."""
    if not isinstance(encoding, str):
        raise TypeError("lookup() argument must be str, not %s" % type(encoding).__name__)
    try:
        return _cache[encoding]
    except KeyError:
        pass
    try:
        info = _make_codec(_codecs.lookup(encoding))
    except LookupError:
        normalized = encoding.lower().replace(' ', '_')
        for search in _search_functions:
            info = search(normalized)
            if info is not None:
                if not isinstance(info, CodecInfo):
                    if not isinstance(info, tuple) or len(info) != 4:
                        raise TypeError("codec search functions must return 4-tuples")
                    info = CodecInfo(*info)
                break
        else:
            raise
    _cache[encoding] = info
    return info


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode


def getincrementalencoder(encoding):
    encoder = lookup(encoding).incrementalencoder
    if encoder is None:
        raise LookupError(encoding)
    return encoder


def getincrementaldecoder(encoding):
    decoder = lookup(encoding).incrementaldecoder
    if decoder is None:
        raise LookupError(encoding)
    return decoder


def getreader(encoding):
    return lookup(encoding).streamreader


def getwriter(encoding):
    return lookup(encoding).streamwriter


def iterencode(iterator, encoding, errors='strict', **kwargs):
    """Encoding iterator: encodes the strings of `iterator` one by one."""
    encoder = getincrementalencoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = encoder.encode(input)
        if output:
            yield output
    output = encoder.encode("", True)
    if output:
        yield output


def iterdecode(iterator, encoding, errors='strict', **kwargs):
    """Decoding iterator: decodes the bytes of `iterator` one by one."""
    decoder = getincrementaldecoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = decoder.decode(input)
        if output:
            yield output
    output = decoder.decode(b"", True)
    if output:
        yield output


class StreamWriter(Codec):

    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors

    def write(self, object):
        data, consumed = self.encode(object, self.errors)
        self.stream.write(data)

    def writelines(self, list):
        self.write(''.join(list))

    def reset(self):
        pass

    def seek(self, offset, whence=0):
        self.stream.seek(offset, whence)
        if whence == 0 and offset == 0:
            self.reset()

    def __getattr__(self, name):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamReader(Codec):

    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors
        self.bytebuffer = b""
        self.charbuffer = ""

    def read(self, size=-1, chars=-1, firstline=False):
        data = self.bytebuffer + self.stream.read()
        text, consumed = self.decode(data, self.errors)
        self.bytebuffer = data[consumed:]
        text = self.charbuffer + text
        if chars < 0:
            chars = size
        if chars < 0:
            self.charbuffer = ""
            return text
        self.charbuffer = text[chars:]
        return text[:chars]

    def readline(self, size=None, keepends=True):
        text = self.read()
        lines = text.splitlines(keepends=True)
        if not lines:
            return ""
        self.charbuffer = "".join(lines[1:])
        return lines[0] if keepends else lines[0].splitlines()[0]

    def readlines(self, sizehint=None, keepends=True):
        return self.read().splitlines(keepends)

    def reset(self):
        self.bytebuffer = b""
        self.charbuffer = ""

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if line:
            return line
        raise StopIteration

    def __getattr__(self, name):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamReaderWriter:

    encoding = 'unknown'

    def __init__(self, stream, Reader, Writer, errors='strict'):
        self.stream = stream
        self.reader = Reader(stream, errors)
        self.writer = Writer(stream, errors)
        self.errors = errors

    def read(self, size=-1):
        return self.reader.read(size)

    def readline(self, size=None):
        return self.reader.readline(size)

    def readlines(self, sizehint=None):
        return self.reader.readlines(sizehint)

    def __next__(self):
        return next(self.reader)

    def __iter__(self):
        return self

    def write(self, data):
        return self.writer.write(data)

    def writelines(self, list):
        return self.writer.writelines(list)

    def reset(self):
        self.reader.reset()
        self.writer.reset()

    def __getattr__(self, name):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamRecoder:
    def __init__(self, *args, **kwargs):
        raise NotImplementedError("codecs.StreamRecoder")


def EncodedFile(file, data_encoding, file_encoding=None, errors='strict'):
    raise NotImplementedError("codecs.EncodedFile")


def open(filename, mode='r', encoding=None, errors='strict', buffering=-1):
    """Open an encoded file using the given mode and return a wrapped version
    providing transparent encoding/decoding (no newline translation)."""
    if encoding is not None and 'b' not in mode:
        mode = mode + 'b'
    file = _builtins.open(filename, mode, buffering)
    if encoding is None:
        return file
    try:
        info = lookup(encoding)
        srw = StreamReaderWriter(file, info.streamreader, info.streamwriter, errors)
        srw.encoding = encoding
        return srw
    except:
        file.close()
        raise


# -- error handlers -------------------------------------------------------------------

def _wrong(exc):
    if isinstance(exc, BaseException):
        return TypeError("don't know how to handle %s in error callback" % type(exc).__name__)
    return TypeError("codec must pass exception instance")


def strict_errors(exc):
    if isinstance(exc, BaseException):
        raise exc
    raise TypeError("codec must pass exception instance")


def ignore_errors(exc):
    if isinstance(exc, UnicodeError):
        return ('', exc.end)
    raise _wrong(exc)


def replace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ('?' * (exc.end - exc.start), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        return ('\ufffd', exc.end)
    raise _wrong(exc)


def _escape(c):
    n = ord(c)
    if n < 0x100:
        return '\\x%02x' % n
    if n < 0x10000:
        return '\\u%04x' % n
    return '\\U%08x' % n


def backslashreplace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        return (''.join(_escape(c) for c in exc.object[exc.start:exc.end]), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        return (''.join('\\x%02x' % b for b in exc.object[exc.start:exc.end]), exc.end)
    raise _wrong(exc)


def xmlcharrefreplace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        return (''.join('&#%d;' % ord(c) for c in exc.object[exc.start:exc.end]), exc.end)
    raise _wrong(exc)


def namereplace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        out = []
        for c in exc.object[exc.start:exc.end]:
            text = c.encode('ascii', 'namereplace').decode('ascii')
            out.append(text)
        return (''.join(out), exc.end)
    raise _wrong(exc)


_builtin_handlers = {
    'strict': strict_errors,
    'ignore': ignore_errors,
    'replace': replace_errors,
    'backslashreplace': backslashreplace_errors,
    'xmlcharrefreplace': xmlcharrefreplace_errors,
    'namereplace': namereplace_errors,
}


def lookup_error(name):
    """Return the error handler for the specified error handling name."""
    handler = _codecs.lookup_registered(name)
    if handler is not None:
        return handler
    try:
        return _builtin_handlers[name]
    except KeyError:
        raise LookupError("unknown error handler name %r" % name) from None


def _codec_functions(stem, name):
    def enc(str, errors=None):
        return (_codecs.encode_text(str, name, errors), len(str))

    def dec(data, errors=None, final=False):
        text, used, _ = _codecs.decode_data(data, name, errors, final)
        return (text, used)

    enc.__name__ = stem + '_encode'
    dec.__name__ = stem + '_decode'
    return enc, dec


utf_8_encode, utf_8_decode = _codec_functions('utf_8', 'utf-8')
ascii_encode, ascii_decode = _codec_functions('ascii', 'ascii')
latin_1_encode, latin_1_decode = _codec_functions('latin_1', 'latin-1')
utf_16_encode, utf_16_decode = _codec_functions('utf_16', 'utf-16')
utf_16_le_encode, utf_16_le_decode = _codec_functions('utf_16_le', 'utf-16-le')
utf_16_be_encode, utf_16_be_decode = _codec_functions('utf_16_be', 'utf-16-be')
utf_32_encode, utf_32_decode = _codec_functions('utf_32', 'utf-32')
utf_32_le_encode, utf_32_le_decode = _codec_functions('utf_32_le', 'utf-32-le')
utf_32_be_encode, utf_32_be_decode = _codec_functions('utf_32_be', 'utf-32-be')
del _codec_functions
