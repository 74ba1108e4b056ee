# Methods of bytes, bytearray, int and float that follow CPython's rules:
# fromhex/maketrans/translate, the ASCII-only character classes, the
# bytearray methods that return bytearrays, int.bit_count, float.fromhex.


def show(text):
    try:
        print(text, "->", repr(eval(text)))
    except Exception as e:
        print(text, "->", type(e).__name__, e)


class B(bytes):
    pass


class BA(bytearray):
    pass


class F(float):
    pass


for text in """
bytes.fromhex('de ad  be ef')
bytes.fromhex(' 0a0B ')
bytes.fromhex('')
bytes.fromhex('0')
bytes.fromhex('0g')
bytes.fromhex('a b')
bytes.fromhex(1)
type(B.fromhex('00'))
bytearray.fromhex('00 ff')
type(BA.fromhex('01'))
bytes.maketrans(b'ab', b'xy')[97:99]
bytes.maketrans(b'a', b'bc')
bytes.maketrans('a', 'b')
bytearray.maketrans(b'a', bytearray(b'b'))[97]
b'hello'.translate(None, b'l')
b'hello'.translate(bytes.maketrans(b'el', b'ip'))
b'abc'.translate(b'x')
b'abc'.translate(None, delete=b'a')
bytearray(b'hello').translate(None, b'h')
b'\\xe9'.isalpha()
b'\\xe9'.isalnum()
b'\\xb2'.isdigit()
b'abc1'.isalnum()
b''.isalpha()
b'\\x7f'.isascii()
b'\\x80'.isascii()
b''.isascii()
b'Ab Cd'.istitle()
b'AB'.istitle()
b'aB'.istitle()
b'1A'.istitle()
b''.istitle()
bytearray(b'Ab').istitle()
bytearray(b'a').isascii()
bytearray(b'a b').split()
bytearray(b'a,b').rsplit(b',', 1)
bytearray(b'a\\nb').splitlines()
bytearray(b'a b').partition(b' ')
bytearray(b'a b').rpartition(b'x')
bytearray(b'ab').center(6, b'*')
bytearray(b'-5').zfill(4)
bytearray(b'a\\tb').expandtabs(4)
bytearray(b',').join([b'a', bytearray(b'b')])
bytearray(b'hello').capitalize()
bytearray(b'Hi').swapcase()
bytearray(b'hi there').title()
bytearray(b'prefix').removeprefix(b'pre')
bytearray(b'ab').ljust(4)
bytearray(b'ab').rjust(4, b'.')
(0).bit_count()
(255).bit_count()
(-255).bit_count()
(2**100 - 1).bit_count()
(-(2**70)).bit_count()
float.fromhex('0x1.8p1')
float.fromhex('-0x1p-1074')
float.fromhex('0x1p-1075')
float.fromhex('0x3p-1076')
float.fromhex('0x1.fffffffffffff8p1023')
float.fromhex('0x1.fffffffffffff7p1023')
float.fromhex('0x1p1024')
float.fromhex('  1e  ')
float.fromhex('-inf')
float.fromhex('NaN')
float.fromhex('0x.8')
float.fromhex('1.')
float.fromhex('0x1.000000000000080000001p0')
float.fromhex('0x1.00000000000008p0')
float.fromhex('0x1.00000000000018p0')
float.fromhex('-0x0p0')
float.fromhex('0x')
float.fromhex('1p')
float.fromhex('zz')
float.fromhex(1)
float.fromhex((1.5).hex())
float.fromhex((5e-324).hex())
type(F.fromhex('1'))
float.fromhex('0x1p-99999999999999999999')
""".strip().splitlines():
    show(text)
# An encoding or errors argument needs a str source (and a str needs an encoding).
for args, kw in [((b"x", "utf-8"), {}), ((5, "utf-8"), {}), ((b"x",), {"errors": "strict"}), ((), {"encoding": "utf-8"}),
                 (("x",), {"errors": "strict"}), (("x", "ascii"), {}), (([1, 2],), {}), ((type("S", (str,), {})("s"), "ascii"), {})]:
    for kind in (bytes, bytearray):
        try: print(kind(*args, **kw))
        except TypeError as e: print(kind.__name__, e)
