# struct: every format character, byte orders, alignment, Struct objects,
# pack_into/unpack_from/iter_unpack, and struct.error's messages.
import struct


def show(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)


# sizes and alignment
for fmt in ['', 'x', 'c', 'b', '?', 'h', 'i', 'l', 'q', 'n', 'P', 'e', 'f', 'd',
            'ci', 'bhiq', 'q?', 'c0l', '0l', '3s', '3p', '2xi', '@ci', '=ci', '<ci',
            '>ci', '!ci', ' i ', '\ti\n', '10s2i', 'llh', '<llh', b'ii', '999999999999999999i']:
    show(struct.calcsize, fmt)

# bad formats
for fmt in ['z', '<n', '>P', '=N', '2', 'i 2', '2 i', '3 ', 'i@', 'i\0', 5, None,
            '99999999999999999999i', '9' * 30]:
    show(struct.calcsize, fmt)

# round trips in every byte order
values = (-3, 250, -300, 60000, -70000, 4000000000, -2**40, 2**50, -2**62, 2**63,
          True, 1.5, 2.25, -3.125)
for order in '@=<>!':
    fmt = order + 'bBhHiIlLqQ?efd'
    packed = struct.pack(fmt, *values[:6], -2**31, 2**32 - 1, *values[8:])
    print(order, packed.hex(), struct.unpack(fmt, packed))

for order in '@':
    packed = struct.pack('nNP', -5, 2**64 - 1, 12345)
    print(packed.hex(), struct.unpack('nNP', packed))

# strings, chars, pascal strings, padding
show(struct.pack, '5s', b'abc')
show(struct.pack, '2s', b'abcdef')
show(struct.pack, '0s', b'abc')
show(struct.pack, '3s', bytearray(b'xy'))
show(struct.pack, '5p', b'abcdefg')
show(struct.pack, '300p', b'a' * 300)
show(struct.unpack, '5p', b'\x09abcd')
show(struct.unpack, '4s3x', b'abcdefg')
show(struct.pack, 'c3xc', b'a', b'b')
show(struct.unpack, '2?c3s2xe', b'\x00\x01a123\0\0\x00\x3c')
show(struct.unpack, '?', b'\x02')
show(struct.pack, '?', [])
show(struct.pack, '?', 'x')

# floats, half floats
for x in [0.0, -0.0, 1e-10, 5.9604644775390625e-08, 2.98023223876953125e-08, 65504.0,
          65519.0, 65520.0, 1e300, float('inf'), float('-inf'), float('nan'), 1/3]:
    show(struct.pack, '<e', x)
    show(struct.pack, '>f', x)
    show(struct.pack, 'f', x)
show(struct.unpack, '<e', b'\x00\x7c')
show(struct.unpack, '<e', b'\x01\x00')
show(struct.unpack, '>e', b'\x7b\xff')
show(struct.unpack, '<f', b'\x01\x00\x00\x00')
# an int that overflows a float format is a struct.error, a float an OverflowError
for v in (5, True, 65519, 65520, 70000, 2**63, 2**70, 70000.0):
    show(struct.pack, 'e', v)
show(struct.pack, '<f', 2**200)
show(struct.pack, '<f', 2.0**200)

# integer range errors by code and byte order
for order in '@=<>':
    for c in 'bBhHiIlLqQ':
        out = []
        for v in (-1, 2**16, 2**33, 2**65, -2**65):
            try:
                struct.pack(order + c, v)
                out.append('ok')
            except struct.error as e:
                out.append(str(e))
        print(order + c, ' | '.join(out))
for v in (-1, 2**64 - 1, 2**64, -2**63 - 1):
    show(struct.pack, 'P', v)

# argument conversions
class Index:
    def __index__(self):
        return 7

class Float:
    def __float__(self):
        return 2.5

show(struct.pack, 'i', Index())
show(struct.pack, 'd', Index())
show(struct.pack, 'd', Float())
show(struct.pack, 'i', 1.5)
show(struct.pack, 'i', '1')
show(struct.pack, 'i', None)
show(struct.pack, 'f', 'x')
show(struct.pack, 'd', 10**400)
show(struct.pack, 'c', b'ab')
show(struct.pack, 'c', 1)
show(struct.pack, 'c', bytearray(b'a'))
show(struct.pack, 's', 'ab')
show(struct.pack, 'p', 5)
show(struct.pack, 'i', True)

# counts
show(struct.pack, 'i')
show(struct.pack, 'i', 1, 2)
show(struct.pack, '3i', 1, 2)
show(struct.pack, 'x', 1)
show(struct.pack)
show(struct.pack, 1)
show(struct.unpack, 'i')
show(struct.unpack, 'i', b'abc')
show(struct.unpack, 'i', 'abcd')
show(struct.unpack, 'i', 5)
show(struct.unpack, 'i', memoryview(b'abcd'))
show(struct.unpack, 'i', bytearray(b'abcd'))
show(struct.unpack, '', b'')

# unpack_from, pack_into
data = b'12345678'
show(struct.unpack_from, 'i', data)
show(struct.unpack_from, 'i', data, 2)
show(struct.unpack_from, 'i', data, offset=4)
show(struct.unpack_from, 'i', buffer=data)
for off in (5, 9, -2, -4, -8, -9, -100):
    show(struct.unpack_from, 'i', data, off)
buf = bytearray(8)
struct.pack_into('<h', buf, 2, 0x1234)
struct.pack_into('<h', buf, -2, -1)
print(buf)
for off in (7, 9, -1, -9):
    show(struct.pack_into, 'h', buf, off, 1)
show(struct.pack_into, 'i', b'12345678', 0, 1)
show(struct.pack_into, 'i', bytearray(8), 'x', 1)
show(struct.pack_into, 'i', bytearray(8), 4)
show(struct.pack_into, 'i', bytearray(8))
show(struct.pack_into, 'i')
m = memoryview(bytearray(4))
struct.pack_into('>I', m, 0, 0xdeadbeef)
print(m.tobytes().hex())

# iter_unpack
show(lambda: list(struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')))
it = struct.iter_unpack('<h', b'\x01\x00\x02\x00')
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it))
show(struct.iter_unpack, 'i', b'abcde')
show(struct.iter_unpack, '', b'abcde')
show(struct.iter_unpack, 'i', 5)

# Struct objects
s = struct.Struct('<hhI')
print(s.format, s.size, s.pack(1, 2, 3), s.unpack(b'\x01\x00\x02\x00\x03\x00\x00\x00'))
print(s.unpack_from(b'\x00\x01\x00\x02\x00\x03\x00\x00\x00', 1))
print(list(s.iter_unpack(bytes(16))))
print(struct.Struct(b'>q').format, struct.Struct(format='i').size)
b = bytearray(8)
s.pack_into(b, 0, 7, 8, 9)
print(b)
show(struct.Struct, 5)
show(struct.Struct, 'i\0')
show(struct.Struct, 'z')
show(struct.Struct('i').pack, x=1)
show(struct.Struct('i').pack, 1, 2)
show(struct.Struct('i').unpack, b'ab')
print(type(struct.Struct('i')).__name__, struct.Struct.__module__, struct.error.__module__)
print(issubclass(struct.error, Exception), struct.error.__mro__[1])
print(repr(struct.Struct('i')).startswith('<_struct.Struct object at 0x'))
struct._clearcache()
print(struct.__all__)
