# zlib (one-shot and streaming, wbits containers, checksums, errors) and gzip
# (compress/decompress, GzipFile and open in binary and text modes), with
# CPython's compressed bytes.
import gzip
import io
import os
import tempfile
import zlib


def show(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)


data = b'hello world ' * 20 + bytes(range(256))
for level in (-1, 0, 1, 6, 9):
    c = zlib.compress(data, level)
    print(level, len(c), c[:12].hex(), zlib.decompress(c) == data)
for wbits in (9, 12, 15, -9, -15, 25, 31):
    c = zlib.compress(data, 6, wbits)
    print(wbits, len(c), c[:4].hex(), zlib.decompress(c, wbits) == data)
print(zlib.decompress(zlib.compress(data, wbits=31), 47) == data,
      zlib.decompress(zlib.compress(data), 47) == data,
      zlib.decompress(zlib.compress(data), 0) == data)
print(zlib.compress(b''), zlib.compress(b'x', wbits=-15), zlib.compress(bytearray(b'ab')),
      zlib.compress(memoryview(b'ab')))
print(zlib.crc32(b''), zlib.crc32(b'hello'), zlib.crc32(b' world', zlib.crc32(b'hello')),
      zlib.crc32(b'hello world'), zlib.adler32(b''), zlib.adler32(b'hello'),
      zlib.adler32(b' world', zlib.adler32(b'hello')), zlib.adler32(data * 100))

c = zlib.compress(b'hello world' * 10)
show(zlib.decompress, c[:-3])
show(zlib.decompress, b'garbage')
show(zlib.decompress, c + b'extra')
show(zlib.compress, b'x', 10)
show(zlib.compress, b'x', -2)
show(zlib.compress, b'x', wbits=16)
show(zlib.decompress, zlib.compress(b'x', wbits=31), 15)
show(zlib.decompress, c, 99)
show(zlib.decompressobj, 99)
show(zlib.compressobj, 10)
show(zlib.compressobj, wbits=99)
show(zlib.compress, 'str')
show(zlib.crc32, 'str')

co = zlib.compressobj(9)
parts = [co.compress(data[:100]), co.compress(data[100:]), co.flush()]
print([len(p) for p in parts], b''.join(parts) == zlib.compress(data, 9))
show(co.flush)
show(co.compress, b'x')
co = zlib.compressobj()
print(co.compress(b'abc'), co.flush(zlib.Z_SYNC_FLUSH), co.flush(zlib.Z_FULL_FLUSH), co.flush())
co = zlib.compressobj(wbits=-15)
raw = co.compress(data) + co.flush()
print(len(raw), zlib.decompress(raw, -15) == data)

d = zlib.decompressobj()
print(d.decompress(c + b'extra'), d.unused_data, d.eof, d.unconsumed_tail)
print(d.decompress(b'more'), d.unused_data)
d = zlib.decompressobj()
print(d.decompress(c, 5), len(d.unconsumed_tail), d.eof)
print(d.flush(), d.eof)
show(d.decompress, b'', -1)
d = zlib.decompressobj()
out = b''.join(d.decompress(c[i:i + 7]) for i in range(0, len(c), 7))
print(out == b'hello world' * 10, d.eof)
d = zlib.decompressobj()
print(d.decompress(c[:10]), d.eof)
zd = b'hello world'
co = zlib.compressobj(zdict=zd)
withdict = co.compress(b'hello world hello') + co.flush()
print(withdict.hex(), zlib.decompressobj(zdict=zd).decompress(withdict))
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL, zlib.DEF_BUF_SIZE, zlib.Z_FINISH,
      zlib.Z_BEST_COMPRESSION, zlib.ZLIB_VERSION, issubclass(zlib.error, Exception))

# gzip
print(gzip.compress(b'x', mtime=0), gzip.compress(b'x', 1, mtime=0), gzip.compress(b'x', mtime=5))
print(gzip.compress(data, mtime=7)[:10], len(gzip.compress(data)), gzip.decompress(gzip.compress(data)) == data)
print(gzip.decompress(gzip.compress(b'abc') + gzip.compress(b'def')), gzip.decompress(gzip.compress(b'abc') + b'\0\0'))
show(gzip.decompress, b'xx')
show(gzip.decompress, gzip.compress(b'abc')[:-3])
show(gzip.decompress, gzip.compress(b'abc')[:-8] + b'\0' * 8)
show(gzip.decompress, b'')
print(gzip.BadGzipFile.__mro__[1])

buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode='wb', mtime=0, filename='a.txt') as f:
    print(f.write(b'hello '), f.write(bytearray(b'world\nline two\n')), f.writable(), f.readable())
print(buf.getvalue())
buf.seek(0)
with gzip.GzipFile(fileobj=buf, mode='rb') as f:
    print(f.read(5), f.readline(), f.readline(), f.readline(), f.tell())
buf.seek(0)
print(list(gzip.GzipFile(fileobj=buf)))

folder = tempfile.mkdtemp()
path = os.path.join(folder, 'data.txt.gz')
with gzip.open(path, 'wb') as f:
    f.write(b'binary line\n' * 3)
with gzip.open(path) as f:
    print(f.read())
with open(path, 'rb') as f:
    head = f.read()
print(head[:4], head[3], head[9], head[10:18])
with gzip.open(path, 'wt', encoding='utf-8') as f:
    f.write('text é\nsecond\n')
with gzip.open(path, 'rt', encoding='utf-8') as f:
    print(f.readlines())
show(gzip.open, path, 'rbt')
show(gzip.open, path, 'rb', encoding='utf-8')
show(gzip.open, 5)
os.remove(path)
os.rmdir(folder)
