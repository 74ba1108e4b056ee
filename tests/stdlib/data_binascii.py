# binascii's codecs and checksums, and base64's encodings, with CPython's errors;
# random sweeps check quoted-printable, uuencode and hex separators.
import binascii, base64
print(binascii.hexlify(b"abcdef", "-", 2), binascii.hexlify(b"abcdef", ":", -4), binascii.b2a_hex(b"\x00\xff"), binascii.unhexlify("00ff"), binascii.a2b_hex(b"ABcd"))
print(binascii.b2a_base64(b"hello"), binascii.b2a_base64(b"hi", newline=False), binascii.a2b_base64("aGVsbG8=\n"))
print(binascii.a2b_base64('YW=Jj'), binascii.a2b_base64('Y=W=J=j'), binascii.a2b_base64('YWJ=j'), binascii.a2b_base64('YW==Jj'), binascii.a2b_base64('YWJjZA==YWJj'))
for s in ['=YWJj', 'YW=Jj', 'YWJjZA==YQ', 'YW Jj', 'YWJjZA=', 'YWJjZ', 'YWJjZA']:
    try: print(binascii.a2b_base64(s, strict_mode=True))
    except Exception as e: print(type(e).__name__, e)
    try: print(binascii.a2b_base64(s))
    except Exception as e: print(type(e).__name__, e)
print(binascii.crc32(b"hello"), binascii.crc32(b"hello", 5), binascii.crc32(b"x", -1), binascii.crc_hqx(b"hello", 0), binascii.crc_hqx(b"hello", 0xffff))
for d in [b"hello", b"", b"\x00\x00\x00", bytes(range(45))]:
    e = binascii.b2a_uu(d); print(e, binascii.b2a_uu(d, backtick=True), binascii.a2b_uu(e))
print(binascii.a2b_uu(b""), binascii.a2b_uu(b" \n"))
for f in [lambda: binascii.unhexlify("abc"), lambda: binascii.unhexlify("zz"), lambda: binascii.a2b_base64("é"), lambda: binascii.hexlify(b"a", "--"), lambda: binascii.crc32("a"), lambda: binascii.b2a_uu(b"x"*46)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
for d in [b"hello = world\t\n", b"a"*100, b"line one \r\nline two\t\r\n", b"caf\xe9 _x_", b".\nabc", b"x" * 75 + b"=", b"tab\tend\t", b" "]:
    print(binascii.b2a_qp(d), binascii.b2a_qp(d, quotetabs=True), binascii.b2a_qp(d, istext=False), binascii.b2a_qp(d, header=True))
print(binascii.a2b_qp(b"a=3Db=\nc=\r\nd=zz_q"), binascii.a2b_qp(b"a_b=", header=True))
print(binascii.Error.__mro__[1], binascii.Incomplete.__mro__[1])
data = bytes(range(256)) * 2
for enc, dec in [(base64.b64encode, base64.b64decode), (base64.urlsafe_b64encode, base64.urlsafe_b64decode), (base64.b32encode, base64.b32decode), (base64.b32hexencode, base64.b32hexdecode), (base64.b16encode, base64.b16decode), (base64.b85encode, base64.b85decode), (base64.a85encode, base64.a85decode), (base64.encodebytes, base64.decodebytes), (base64.standard_b64encode, base64.standard_b64decode)]:
    for d in [b"", b"a", b"ab", b"abc", b"abcd", b"abcde", b"\x00\x00\x00\x00\x00", b"    ", data[:37]]:
        e = enc(d)
        assert dec(e) == d, (enc, d)
        print(enc.__name__, e)
print(base64.b64encode(b"\xfb\xff", altchars=b"-_"), base64.b64decode("-_8=", altchars="-_"), base64.b64decode("YWJj"))
print(base64.a85encode(b"hello world    \x00\x00\x00\x00", foldspaces=True, wrapcol=5, adobe=True), base64.a85encode(b"xyz", pad=True), base64.b85encode(b"xyz", pad=True))
print(base64.a85decode(b"<~BOu!rD]j7BEbo7~>", adobe=True), base64.b32decode(b"mfrgg===", casefold=True), base64.b32decode(b"0I======", map01=b"I"))
print(base64.b16decode(b"ab", casefold=True), base64.encodebytes(data[:100]))
for f in [lambda: base64.b64decode(b"YW Jj", validate=True), lambda: base64.b64decode(b"YWJj", altchars=b"-"), lambda: base64.b64encode("abc"), lambda: base64.b64decode(3),
          lambda: base64.b32decode(b"MFRGG===X"), lambda: base64.b32decode(b"MFRG"), lambda: base64.b32decode(b"MFRGG1=="), lambda: base64.b32decode(b"M======="), lambda: base64.b16decode(b"0g"), lambda: base64.b85decode(b"|||||"), lambda: base64.b85decode(b"ab~ \x01"), lambda: base64.a85decode(b"ab~"), lambda: base64.a85decode(b"abzcd"), lambda: base64.a85decode(b"s8W-\"s8W-\"", adobe=True), lambda: base64.a85decode(b"uuuuu")]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
import binascii as b, random
random.seed(7)
alph = b'ab =\t\r\n._\xe9\x00`!~'
for i in range(300):
    d = bytes(random.choice(alph) for _ in range(random.randint(0, 120)))
    print(b.a2b_qp(d), b.a2b_qp(d, header=True), b.hexlify(d, b"|", random.choice([1, 2, 3, -2, -5])))
    line = bytes(random.choice(b' !"#$%&`abcdefghijklmnopqrstuvwxyz\n') for _ in range(random.randint(0, 70)))
    try:
        print(b.a2b_uu(line))
    except b.Error as e:
        print("Error", e)
    enc = b.b2a_uu(d[:45], backtick=i % 2 == 0)
    print(enc, b.a2b_uu(enc) == d[:45], b.a2b_uu(enc.rstrip()))
