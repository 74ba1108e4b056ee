# bytearray's deletion and mutation methods, and the read-only methods it
# shares with bytes (results of the transforming ones are bytearrays).
b = bytearray(b'hello world, hello')
del b[:6]
print(b)
del b[-1]
print(b)
del b[::2]
print(b)
b = bytearray(b'0123456789')
del b[1:8:3]
print(b)
del b[5:2]
print(b)
b.clear()
print(b, len(b))
b = bytearray(b'abcdef')
print(b.pop(), b.pop(0), b)
b.insert(1, 90)
b.insert(-100, 65)
b.insert(100, 66)
print(b)
b.remove(ord('c'))
print(b)
b.reverse()
print(b)
for bad in [lambda: b.remove(0), lambda: bytearray().pop(), lambda: b.pop(50),
            lambda: b.__delitem__(50), lambda: b.insert(0, 300)]:
    try:
        bad()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
b = bytearray(b'line one\nline two\n')
print(b.find(b'\n'), b.find(b'\n', 9), b.rfind(b'line'), b.index(b'two'), b.count(b'line'))
print(b.startswith(b'line'), b.startswith(b'one', 5), b.endswith(b'\n'), b.hex())
print(b.upper(), b.strip(), b.replace(b'line', b'row'), type(b.lower()).__name__)
print(bytearray(b'  x ').lstrip(), bytearray(b'  x ').rstrip(), bytearray(b'42').isdigit())
m = memoryview(b)
try:
    del b[:2]
except BufferError as e:
    print('BufferError', e)
m.release()
del b[:2]
print(b)
