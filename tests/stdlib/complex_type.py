# complex: literals, arithmetic with int/float, repr/str/format, parsing,
# hashing, comparisons and CPython's errors.

def show(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))

nan = float('nan')
inf = float('inf')

# Literals and constant folding.
print(1j, 2.5j, 1+2j, 1-2j, -1j, -(1j), 0j, -0j, 1e300j, 1J)
print(repr(complex(-0.0, 1)), repr(complex(0.0, -0.0)), repr(complex(-0.0, -0.0)))
print(complex(1, nan), complex(1, -nan), complex(inf, -inf), complex(nan, inf))
print(complex(1e16, 1e-5), complex(123456789012345678, 0.1), complex(1.5, 2.25))
print(str(3+4j), repr(3+4j), ascii(3+4j), f"{3+4j}")

# Attributes and methods.
z = 3 + 4j
print(z.real, z.imag, z.conjugate(), abs(z), type(z).__name__, type(z.real).__name__)
print((1).real, (1).imag, (2.5).real, (2.5).imag, True.imag, (7).conjugate())
print(z.__getnewargs__(), complex.__complex__(z), z.__complex__())
print(isinstance(z, complex), type(1j) is complex, bool(0j), bool(1j), bool(complex(0, -0.0)))

# Arithmetic.
print(z + 1, 1 + z, z + 1.5, z - 1, 1 - z, z * 2, 2 * z, z * z, z / 2, 2 / z, z / z)
print(z ** 2, 2 ** z, z ** 0.5, z ** -1, z ** 1j, 1j ** 1j, 0j ** 0, 0j ** 0j, (-1) ** 0.5)
print((-8) ** (1 / 3), (-2.0) ** 1.5, 2j ** 2, (1 + 1j) ** -2, (1 + 2j) ** 0.5)
print((1e200 + 1e200j) ** 2, 1j * inf, (1 + 2j) / (3 + 4j), (1 + 2j) / (3e300 + 4e300j))
print(-z, +z, z == 3 + 4j, z != 3 + 4j, complex(3) == 3, complex(3) == 3.0, 1j == 1)
print(complex(2**53) == 2**53, complex(2**53) == 2**53 + 1, 1j in [1j], 1j == 'x')
w = 1j
w += 1
w *= 2
w -= 0.5
w /= 2
print(w)

# hash equals the hash of an equal int or float.
print(hash(1 + 2j), hash(complex(3, 0)) == hash(3), hash(complex(2.5, 0)) == hash(2.5))
print(hash(1.5j), hash(complex(-1, -1)), hash(complex(inf, 1)), len({1j, complex(0, 1), 1, 1 + 0j}))
print({1: 'a', 1 + 0j: 'b'})

# Construction.
for args in [(), (1,), (1, 2), (1.5, -2.5), (1j, 1j), (1j, 2), (2, 1j), (True, False),
             (2**60, 1), (' 1+2j ',), ('(1+2j)',), ('1',), ('j',), ('-j',), ('+1.5e3-2.5J',),
             ('1_0j',), ('infinityj',), ('-nanj',), ('nan+infinityJ',), ('１+２j',),
             ('\u20031+1j\u2003',), ('( 1j )',), ('1+j',), ('1.j',), ('.5j',), ('1e5_0j',)]:
    show(lambda: complex(*args))
show(lambda: complex(real=1, imag=2))
show(lambda: complex(imag=2))

class WithComplex:
    def __complex__(self):
        return 1 + 2j

class WithFloat:
    def __float__(self):
        return 2.5

class WithIndex:
    def __index__(self):
        return 7

class BadComplex:
    def __complex__(self):
        return 1

class MyComplex(complex):
    pass

for x in [WithComplex(), WithFloat(), WithIndex(), MyComplex(1, 2)]:
    show(lambda: complex(x))
m = MyComplex(1, 2)
print(repr(m), type(m + 1).__name__, m.real, m.imag, m.conjugate(), type(MyComplex.__mro__[1]))
print(MyComplex.__mro__, m == 1 + 2j, hash(m) == hash(1 + 2j), abs(MyComplex(3, 4)))

# Formatting.
for spec in ['', '.2f', '10', 'g', '<20', '^20.3e', '>12.1f', '+.2f', ' g', 'e', 'E', 'F',
             'n', '.3', '.0f', '#g', ',.2f', '_.1f', '*^30g']:
    print(repr(format(1.5 + 2j, spec)), repr(format(3j, spec)), repr(format(-1e20 - 0.25j, spec)))
print(f"{1+2j:>15}|{-0.0+1j}|{complex(0,-0.0):.1f}|{complex(nan, inf):g}")

# Errors.
show(lambda: complex('1__0j'))
show(lambda: complex('_1j'))
show(lambda: complex('1_j'))
for s in ['', ' ', '1\x00', '1e', '((1j))', '1+2', '2j+1', '-.e1j', '1+2jj', 'jj', '(1',
          '1)', '1 + 2j', 'abc', '+', '1+', 'nan+', '--1j', 'i']:
    show(lambda: complex(s))
show(lambda: complex(1, 'a'))
show(lambda: complex('a', 1))
show(lambda: complex([]))
show(lambda: complex(None))
show(lambda: complex(b'1'))
show(lambda: complex(1, []))
show(lambda: complex(1, 2, 3))
show(lambda: complex(bogus=1))
show(lambda: complex('1', imag=2))
show(lambda: complex(imag='1'))
show(lambda: complex(BadComplex()))
show(lambda: (1j).conjugate(1))
show(lambda: complex.conjugate(1))
show(lambda: 1j / 0)
show(lambda: 1j / 0j)
show(lambda: 1 / 0j)
show(lambda: 0j ** -1)
show(lambda: 0j ** 1j)
show(lambda: 0j ** (-1 + 0j))
show(lambda: 0.0 ** 1j)
show(lambda: (1e200 + 1e200j) ** 2.5)
show(lambda: 10j ** 400)
show(lambda: abs(complex(1e308, 1e308)))
show(lambda: complex(1e308) * 10)
show(lambda: 1j < 2j)
show(lambda: 1j >= 1)
show(lambda: 1j // 2)
show(lambda: 1j % 2)
show(lambda: divmod(1j, 2))
show(lambda: pow(1j, 2, 3))
show(lambda: int(1j))
show(lambda: float(1j))
show(lambda: round(1j))
show(lambda: 1j & 1)
show(lambda: ~1j)
show(lambda: format(1j, '=10'))
show(lambda: format(1j, '010'))
show(lambda: format(1j, '0<10'))
show(lambda: format(1j, 'd'))
show(lambda: format(1j, '%'))
index = 1j
show(lambda: [1, 2][index])
show(lambda: 'ab' * 1j)
show(lambda: complex.__add__(1, 1j))
show(lambda: complex.__add__(1j, 'a'))
show(lambda: complex.__radd__(1j, 2))
show(lambda: complex.__pow__(2j, 2))
show(lambda: complex.__truediv__(1j, 0))

# Copying and pickling.
import copy
import pickle
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    data = pickle.dumps(1 + 2j, proto)
    print(proto, data, pickle.loads(data))
print(pickle.loads(pickle.dumps([MyComplex(3, -4), -0j])), copy.copy(2j), copy.deepcopy([1j]))
