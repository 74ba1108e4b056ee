# array.array: typecodes, construction, conversions and their OverflowErrors,
# sequence methods, bytes and unicode, byteswap, comparisons and repr.
import array


def show(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)


print(array.typecodes, array.ArrayType is array.array, type(array.array('i')))
for c in array.typecodes:
    a = array.array(c)
    print(c, a.typecode, a.itemsize, repr(a))

for c in 'bBhHiIlLqQ':
    out = []
    for v in (-1, -129, 128, 256, -32769, 32768, 65536, 2**31, 2**32, -2**31 - 1,
              2**63, 2**64, -2**63 - 1, 2**70, -2**70):
        try:
            array.array(c, [v])
            out.append('ok')
        except OverflowError as e:
            out.append(str(e))
    print(c, ' | '.join(out))
for c in 'bIqfd':
    for v in (1.5, 'x', None):
        show(array.array, c, [v])
for v in (1, 'x', 'ab', 1.5):
    show(array.array, 'u', [v])
show(array.array, 'd', [10**400])

class Index:
    def __index__(self):
        return 5

print(array.array('i', [Index()]), array.array('d', [Index()]))

show(array.array, 'z')
show(array.array, 'bb')
show(array.array, 1)
show(array.array)
show(array.array, 'i', 5)
show(array.array, 'i', [], 1)
show(array.array, 'i', b'abcd')
show(array.array, 'i', b'abc')
show(array.array, 'u', 'abc')
show(array.array, 'i', 'abc')
show(array.array, 'i', array.array('b', [1, 2]))
show(array.array, 'f', array.array('b', [1, 2]))
show(array.array, 'b', array.array('f', [1, 2]))
show(array.array, 'i', array.array('u', 'ab'))
show(array.array, 'i', range(3))
show(array.array, 'h', (x * x for x in range(4)))
show(array.array, 'i', bytearray(b'\x01\x00\x00\x00'))
print(repr(array.array('f', [1.5, 0.1])), repr(array.array('u', 'hi')), str(array.array('d', [1])))

a = array.array('i', [1, 2, 3])
show(a.__getitem__, 5)
show(a.__getitem__, 'x')
print(a[-1], a[::-1], a[1:], a[5:], a[::2])
show(a.index, 9)
show(a.remove, 9)
show(a.pop, 9)
show(array.array('i').pop)
show(a.frombytes, b'abc')
print(a.tobytes(), type(a.buffer_info()), a.buffer_info()[1])
show(a.__add__, array.array('b'))
show(a.__add__, [1])
show(a.extend, array.array('b'))
show(a.__iadd__, [1])
show(a.__setitem__, 0, 'x')
show(a.__setitem__, 5, 1)
show(a.__setitem__, slice(0, 1), [1])
show(a.__setitem__, slice(0, 1), array.array('b', [1]))
a[0:1] = array.array('i', [7, 8])
print(a)
a[::2] = array.array('i', [0, 0])
print(a)
show(a.__setitem__, slice(None, None, 2), array.array('i', [1]))
a[1:] = array.array('i')
print(a)
a.extend([5, 6, 7])
a.extend(array.array('i', [8]))
a += array.array('i', [9])
a.append(10)
a.insert(0, -1)
a.insert(100, 11)
a.insert(-100, -2)
print(a, len(a))
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(5)
print(a, a.index(7), a.index(8, 1, 10), a.count(0), 6 in a, 60 in a)
del a[0]
del a[1:3]
del a[::2]
print(a)
show(a.__delitem__, 10)
a.reverse()
print(a, a.tolist(), list(a), a * 2, 2 * a, a * -1)
a *= 2
print(a)
a.fromlist([1, 2])
show(a.fromlist, (1,))
show(a.fromlist, [1, 'x'])
print(a)

print(a == array.array('i', a.tolist()), a == array.array('b', a.tolist()), a == a.tolist())
print(array.array('i', [1, 2]) < array.array('i', [1, 3]), array.array('i', [2]) >= array.array('d', [1.5]))

b = array.array('h', [1, 256, -2])
b.byteswap()
print(b)
d = array.array('d', [1.0])
d.byteswap()
print(d.tobytes())
u = array.array('u', 'héllo')
u.fromunicode(' wörld')
print(u, u.tounicode(), u[1], u.itemsize, len(u))
show(a.tounicode)
show(a.fromunicode, 'x')
show(u.fromunicode, 5)
show(u.append, 'ab')

x = array.array('H')
x.frombytes(b'\x01\x00\x02\x00')
print(x, bytes(x), bytearray(x))
import copy
print(copy.copy(x), copy.deepcopy(x), copy.copy(x) is x)
print(array.array('q', [2**63 - 1]).tolist(), array.array('Q', [2**64 - 1]).tolist())
print(array.array('f', [1.1])[0], array.array('d', [1.1])[0])
