# memoryview over bytes, bytearray and array: items, slices, writes through,
# casts, release and the context manager, exports that block resizing.
import array


def show(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)


show(memoryview, 5)
show(memoryview, 'abc')
show(memoryview)
m = memoryview(b'abcdef')
print(m.format, m.itemsize, m.nbytes, m.readonly, m.ndim, m.shape, m.strides,
      m.suboffsets, m.c_contiguous, m.f_contiguous, m.contiguous, m.obj)
print(m[0], m[-1], m[1:3].tobytes(), m[::2].tobytes(), m[::2].contiguous, m[::-1].tobytes())
print(m[1:][::-1].tobytes(), m[4:1:-1].tolist(), m[10:].tobytes(), len(m[10:]))
show(lambda: m[10])
show(lambda: m[1.5])
show(lambda: m['a'])
show(m.__setitem__, 0, 1)
print(m.tolist(), m.hex(), m.hex(':'), m.hex('-', 2), m.tobytes(order='C'))
show(m.tobytes, order='X')
print(hash(m) == hash(b'abcdef'), m == b'abcdef', m == bytearray(b'abcdef'), m == 'abc',
      m != b'abc', m == memoryview(b'abcdef'))
print(bytes(m[1:4]), len(m), list(m[:2]), b'x' + m, bytearray(m[2:]))
print(repr(m).startswith('<memory at 0x'), str(m).startswith('<memory at 0x'))

ba = bytearray(b'hello')
mv = memoryview(ba)
mv[0] = 74
mv[1:3] = b'EL'
mv[3:5] = memoryview(b'LO')
print(ba, mv.readonly)
show(mv.__setitem__, 0, 256)
show(mv.__setitem__, 0, -1)
show(mv.__setitem__, 0, 'x')
show(mv.__setitem__, 0, 1.0)
show(mv.__setitem__, slice(0, 2), b'abc')
show(mv.__setitem__, slice(0, 2), 5)
show(ba.append, 1)
show(ba.extend, b'x')
show(ba.__iadd__, b'x')
ba[0] = 106
print(mv[0])
mv.release()
mv.release()
show(lambda: mv[0])
show(len, mv)
show(lambda: mv.format)
show(mv.tobytes)
print(repr(mv).startswith('<released memory at 0x'))
ba.append(33)
print(ba)
show(hash, memoryview(bytearray(b'x')))

with memoryview(bytearray(b'xy')) as q:
    print(q.tobytes())
show(q.tobytes)

# a view of a view, and views outliving their parent
base = bytearray(b'0123456789')
outer = memoryview(base)
inner = outer[2:8]
outer.release()
print(inner.tobytes(), inner[::2].tobytes())
show(base.append, 1)
inner.release()
base.append(ord('!'))
print(base)

# casts
c = memoryview(bytearray(b'\x01\x00\x02\x00')).cast('h')
print(c.format, c.itemsize, len(c), c.tolist(), c.nbytes, c.shape, c.strides)
c[1] = 500
print(c.obj, c.tolist())
show(c.cast, 'q')
show(c.cast, 'z')
show(lambda: type(c.cast('B')).__name__)
print(c.cast('B').tolist())
show(c.__setitem__, 0, 1.5)
show(c.__setitem__, 0, 2**20)
show(lambda: memoryview(b'abcd').cast('i', [1]).tolist())
show(lambda: memoryview(b'abcd').cast('i', [2]))
show(lambda: memoryview(b'abc').cast('h'))
show(lambda: memoryview(b'abcd').cast('<i'))
show(lambda: memoryview(b'abcd').cast('@I').tolist())
print(memoryview(b'abcd').cast('c').tolist(), memoryview(b'abcd').cast('c')[0])
print(memoryview(b'\x00\x00\xc0?').cast('f').tolist(), memoryview(b'\x01\x00').cast('?').tolist())
print(memoryview(b'abcd').toreadonly().readonly, memoryview(bytearray(2)).toreadonly().readonly)
show(memoryview(bytearray(2)).toreadonly().__setitem__, 0, 1)
f = memoryview(bytearray(8)).cast('d')
f[0] = 2.5
print(f.tolist(), f.obj)

# arrays
a = array.array('i', [1, 2, 3])
ma = memoryview(a)
print(ma.format, ma.itemsize, ma.nbytes, ma.tolist(), ma[1], ma[::-1].tolist(), ma.readonly)
ma[0] = -5
print(a)
show(a.append, 4)
show(a.pop)
ma.release()
a.append(4)
print(a)
print(memoryview(array.array('i', [1])) == memoryview(array.array('b', [1])),
      memoryview(array.array('d', [1.5])) == memoryview(array.array('f', [1.5])))
show(hash, memoryview(array.array('i', [1])).toreadonly())
print(memoryview(array.array('B', [1, 2])).tobytes())
