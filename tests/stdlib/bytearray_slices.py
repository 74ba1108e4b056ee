# bytearray slice assignment: simple slices that grow or shrink, extended
# slices of exactly their size, iterables of ints, CPython's errors, and
# exports that forbid resizing; del with slices.
def show(f):
    try: r = f(); print('ok', r)
    except Exception as e: print(type(e).__name__, e)
def setter(b, k, v):
    def go():
        b[k] = v; return b
    return go
b = bytearray(b'0123456789')
show(setter(b, slice(2, 4), b'ab'))
show(setter(b, slice(2, 4), b'XYZW'))
show(setter(b, slice(2, 6), b''))
show(setter(b, slice(0, 0), [65, 66]))
show(setter(b, slice(None), bytearray(b'new')))
show(setter(b, slice(10, 20), b'tail'))
show(setter(b, slice(-2, None), memoryview(b'MV')))
b = bytearray(b'0123456789')
show(setter(b, slice(None, None, 2), b'abcde'))
show(setter(b, slice(None, None, 2), b'abc'))
show(setter(b, slice(None, None, -3), b'WXYZ'))
show(setter(b, slice(1, 1, 2), b''))
show(setter(b, slice(0, 3), 'str'))
show(setter(b, slice(0, 3), 5))
show(setter(b, slice(0, 3), [1, 256]))
show(setter(b, slice(0, 3), [1, 'a']))
show(setter(b, slice(0, 3), None))
show(setter(b, slice(0, 3), range(3)))
show(setter(b, slice(0, 3), (x for x in b'gen')))
show(setter(b, slice(None), b))
show(setter(b, slice(None, None, 3), [1, 2, 3, 4]))
show(setter(b, slice(None, None, 0), b''))
show(setter(b, 0, 300))
show(setter(b, 0, b'a'))
b = bytearray(b'abcdef'); m = memoryview(b)
show(setter(b, slice(0, 2), b'xyz'))
show(setter(b, slice(0, 2), b'XY'))
m.release()
b = bytearray(b'0123456789'); del b[::3]; print(b); del b[1:3]; print(b); del b[::-1]; print(b)
b = bytearray(b'hello'); b[1:3] = b'EL'; b[5:] = b'!'; b[:0] = b'>'; print(b, len(b))
