# str.encode / bytes.decode with the common codecs and every error handler,
# UnicodeDecodeError/UnicodeEncodeError and their messages, and the codecs
# module (lookup, encode/decode, incremental codecs, BOMs, register_error).
import codecs


def show(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e, getattr(e, 'start', ''), getattr(e, 'end', ''))


text = 'aé€😀'
for enc in ['utf-8', 'UTF8', 'utf_8', 'latin-1', 'latin1', 'iso-8859-1', 'L1', 'ascii',
            'us-ascii', 'cp1252', 'windows-1252', 'utf-16', 'utf-16-le', 'utf-16-be',
            'utf-32', 'utf-32-le', 'UTF-32BE', 'utf-8-sig', 'u8']:
    for errors in ['strict', 'ignore', 'replace', 'backslashreplace',
                   'xmlcharrefreplace', 'namereplace']:
        show(text.encode, enc, errors)
show(text.encode, 'ascii', 'surrogateescape')
show(text.encode, 'latin-1', 'surrogatepass')
show('abc'.encode, 'ascii', 'nonexistent')
show(text.encode, 'ascii', 'nonexistent')
show('abc'.encode, 'nonexistent')
show('abc'.encode, encoding=5)
show('abc'.encode, 'utf-8', 'strict', 1)
show('abc'.encode, errors='ignore', encoding='ascii')
show('\x00\x7f\x80'.encode, 'ascii', 'namereplace')

samples = [b'abc', b'\xe9t\xe9', b'\xc3\xa9t\xc3\xa9', b'a\x80\x80b', b'\xe2\x82', b'\xe2\x82\x28',
           b'\xe0\x80', b'\xed\xa0\x80', b'\xf4\x90\x80\x80', b'\xff\xfea\x00', b'\xfe\xff\x00a',
           b'a\xff\x00', b'\x00\xd8\x00\x00', b'\x00\xd8', b'\x00\xdc\x00\x00', b'\x81\x80\xff',
           b'\xef\xbb\xbfabc', b'\x00\x00\x11\x00', b'\x00\xd8\x00\x00\x41\x00\x00\x00', b'',
           b'\xd8\x41\x41\xf0\xd8\xbf\xf5', b'\x83\xd8\xf0\x41\xbf\xdb\xf5']
for enc in ['utf-8', 'latin-1', 'ascii', 'cp1252', 'utf-16', 'utf-16-le', 'utf-16-be',
            'utf-32', 'utf-32-le', 'utf-32-be', 'utf-8-sig']:
    for data in samples:
        for errors in ['strict', 'ignore', 'replace', 'backslashreplace']:
            show(data.decode, enc, errors)
show(b'\xff'.decode, 'utf-8', 'xmlcharrefreplace')
show(b'\xff'.decode, 'ascii', 'nonexistent')
show(b'abc'.decode, 'nonexistent')
show(b'abc'.decode, errors='strict')
show(bytearray(b'\xe9').decode, 'latin-1')
show(bytearray(b'\xe9').decode, encoding='latin-1', errors='strict')
show(str, b'\xe9', 'latin-1')
show(str, b'\xe9', 'utf-8')
show(str, b'\xe9', errors='replace')
show(str, bytearray(b'abc'), 'ascii')
show(str, memoryview(b'abc'), 'ascii')
show(str, 'abc', 'ascii')
show(str, 5, 'ascii')
show(bytes, 'é', 'latin-1')
show(bytes, 'é€', 'latin-1', 'replace')
show(bytes, 'é')
show(bytearray, 'é', 'latin-1')
show(bytearray, 'é', encoding='utf-16-le')
show(bytearray, 'é')

# the exceptions
e = UnicodeDecodeError('utf-8', b'ab\xff', 2, 3, 'bad')
print(str(e), repr(e), e.encoding, e.object, e.start, e.end, e.reason, e.args)
e = UnicodeDecodeError('utf-8', b'ab\xff', 0, 3, 'bad')
print(str(e))
e = UnicodeEncodeError('ascii', 'aé', 1, 2, 'bad')
print(str(e), repr(e), e.object)
for s in ['é', '€', '😀']:
    print(str(UnicodeEncodeError('ascii', s, 0, 1, 'no')))
print(str(UnicodeEncodeError('ascii', 'aéé', 1, 3, 'bad')))
show(UnicodeDecodeError, 'x')
show(UnicodeEncodeError, 'ascii', b'x', 0, 1, 'r')
try:
    b'\xff'.decode()
except UnicodeDecodeError as err:
    print(isinstance(err, UnicodeError), isinstance(err, ValueError), err.args)
try:
    'é'.encode('ascii')
except UnicodeError as err:
    print(type(err).__name__, err.object, err.start, err.end, err.reason)

# codecs module
for name in ['UTF8', 'latin1', 'L1', 'windows-1252', 'U8', 'utf_16_be', 'us-ascii',
             'UTF-8-SIG', 'utf32', 'cp65001', 'utf-16']:
    info = codecs.lookup(name)
    print(name, info.name, isinstance(info, tuple), len(info))
show(codecs.lookup, 'nope')
show(codecs.lookup, 5)
print(repr(codecs.lookup('utf-8')).startswith('<codecs.CodecInfo object for encoding utf-8 at 0x'))
print(codecs.encode('é', 'latin-1'), codecs.decode(b'\xe9', 'latin-1'), codecs.encode('é'),
      codecs.decode(b'\xc3\xa9'), codecs.encode('é', 'ascii', 'replace'))
show(codecs.decode, b'\xe9')
show(codecs.encode, b'\xe9', 'latin-1')
show(codecs.decode, 'x', 'latin-1')
show(codecs.encode, 'x', 'nope')
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE,
      codecs.BOM_UTF32_BE, codecs.BOM == codecs.BOM_UTF16_LE)
print(codecs.getencoder('utf-8')('é'), codecs.getdecoder('latin-1')(b'\xe9\xe9'))
print(codecs.utf_8_decode(b'a\xe2\x82', 'strict', False), codecs.utf_8_encode('é'))
show(codecs.utf_8_decode, b'a\xe2\x82', 'strict', True)
print(codecs.latin_1_encode('é'), codecs.utf_16_le_decode(b'a\x00b'))

dec = codecs.getincrementaldecoder('utf-8')()
print([dec.decode(bytes([b])) for b in 'h€😀'.encode()], repr(dec.decode(b'', True)))
dec = codecs.getincrementaldecoder('utf-8')('replace')
print(repr(dec.decode(b'a\xe2')), repr(dec.decode(b'', final=True)))
dec = codecs.getincrementaldecoder('utf-8')()
dec.decode(b'\xe2')
show(dec.decode, b'', True)
dec = codecs.getincrementaldecoder('utf-16')()
print([dec.decode(bytes([b])) for b in 'hé'.encode('utf-16')])
dec = codecs.getincrementaldecoder('utf-16')()
print([dec.decode(bytes([b])) for b in codecs.BOM_BE + 'hé'.encode('utf-16-be')])
dec = codecs.getincrementaldecoder('utf-16')()
show(dec.decode, b'h')
show(dec.decode, b'\x00')
show(codecs.getincrementaldecoder('utf-32')().decode, b'h\x00\x00\x00')
dec.reset()
print(dec.decode(codecs.BOM_BE + 'x'.encode('utf-16-be')))
dec = codecs.getincrementaldecoder('utf-8-sig')()
print([dec.decode(bytes([b])) for b in 'é'.encode('utf-8-sig')])
enc = codecs.getincrementalencoder('utf-16')()
print(enc.encode('a'), enc.encode('b'), enc.encode('', True))
enc.reset()
print(enc.encode('c'))
print(list(codecs.iterencode(['a', 'é', ''], 'utf-8')), list(codecs.iterencode(['a', 'b'], 'utf-16')))
print(list(codecs.iterdecode([b'\xc3', b'\xa9', b'x'], 'utf-8')))

# error handlers
print(codecs.lookup_error('strict').__name__, codecs.lookup_error('replace').__name__)
show(codecs.lookup_error, 'nope')
print(codecs.replace_errors(UnicodeEncodeError('ascii', 'aéé', 1, 3, 'r')),
      codecs.replace_errors(UnicodeDecodeError('ascii', b'a\xff', 1, 2, 'r')),
      codecs.backslashreplace_errors(UnicodeEncodeError('ascii', 'a€', 1, 2, 'r')),
      codecs.backslashreplace_errors(UnicodeDecodeError('ascii', b'a\xff', 1, 2, 'r')),
      codecs.xmlcharrefreplace_errors(UnicodeEncodeError('ascii', 'a€', 1, 2, 'r')),
      codecs.ignore_errors(UnicodeEncodeError('ascii', 'a€', 1, 2, 'r')),
      codecs.namereplace_errors(UnicodeEncodeError('ascii', 'a€', 1, 2, 'r')))
show(codecs.strict_errors, UnicodeEncodeError('ascii', 'a€', 1, 2, 'r'))
show(codecs.xmlcharrefreplace_errors, UnicodeDecodeError('ascii', b'a\xff', 1, 2, 'r'))
show(codecs.replace_errors, ValueError())


def custom(exc):
    print('handler got', type(exc).__name__, exc.start, exc.end, exc.reason)
    if isinstance(exc, UnicodeEncodeError):
        return ('<%s>' % ','.join(hex(ord(c)) for c in exc.object[exc.start:exc.end]), exc.end)
    return ('[%d bytes]' % (exc.end - exc.start), exc.end)


codecs.register_error('custom', custom)
print(codecs.lookup_error('custom') is custom)
print('aé€b'.encode('ascii', 'custom'), b'a\xff\xfeb'.decode('utf-8', 'custom'))
codecs.register_error('tobytes', lambda exc: (b'??', exc.end))
print('aéb'.encode('latin-1', 'tobytes'), 'a€b'.encode('latin-1', 'tobytes'))
codecs.register_error('skipall', lambda exc: ('', -1))
print('a€bc'.encode('ascii', 'skipall'))
codecs.register_error('bad', lambda exc: 'x')
show('é'.encode, 'ascii', 'bad')
show(b'\xff'.decode, 'ascii', 'bad')
codecs.register_error('far', lambda exc: ('', 100))
show('é'.encode, 'ascii', 'far')
codecs.register_error('unencodable', lambda exc: ('€', exc.end))
show('é'.encode, 'ascii', 'unencodable')
show(codecs.register_error, 'x', 5)


def search(name):
    if name == 'my_codec':
        return codecs.CodecInfo(lambda s, errors='strict': (s.upper().encode(), len(s)),
                                lambda b, errors='strict': (b.decode().lower(), len(b)),
                                name='my-codec')
    return None


codecs.register(search)
print(codecs.lookup('My Codec').name, codecs.lookup('my_codec').encode('abc'))
