# bytearray slice assignment and indexing, and bytes find/rfind/index/rindex
# with every kind of argument and bound.
b=bytearray(b'abcdef')
for v in ['x', 5, [1,2], (300,), memoryview(b'zz')]:
    try: b[1:3]=v; print(b)
    except Exception as e: print(type(e).__name__, e)
try: b[::2]=b'x'
except Exception as e: print(type(e).__name__, e)
b[::2]=b'XYZ'[:len(b[::2])]; print(b)
b[4:1]=b'QQ'; print(b)
m = memoryview(b)
try: b[0:2] = b'xyz'
except Exception as e: print(type(e).__name__, e)
b[0:2] = b'xy'; print(b)
b = b"abcabc\nxyz"
print(b.find(b"c"), b.find(b"c", 3), b.find(b"c", -4), b.find(99), b.rfind(b"abc"), b.find(b"", 20), b.find(b"", 10), b.rfind(b""), b.find(b"z", 0, -1))
print(b.index(b"x"), b.rindex(b"a"), b.find(b"bc", 1, 3), b.find(bytearray(b"y")), b.find(memoryview(b"x")))
for bad in [lambda: b.index(b"q"), lambda: b.find("c"), lambda: b.find(300), lambda: b.find(b"a", "x"), lambda: b.rindex(b"q", 2)]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
print(bytearray(b"hello").find(b"l"), bytearray(b"hello").rfind(b"l"), bytearray(b"hello").index(b"e"))
