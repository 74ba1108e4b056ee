# hashlib, hmac and secrets: every guaranteed digest, BLAKE2's parameters,
# PBKDF2, file_digest, HMAC objects and compare_digest, with CPython's errors.
import hashlib, hmac, binascii, base64, secrets
for n in sorted(hashlib.algorithms_guaranteed):
    h = hashlib.new(n, b"The quick brown fox")
    if n.startswith("shake"):
        print(n, h.hexdigest(20), h.digest_size, h.block_size, h.name)
    else:
        print(n, h.hexdigest(), h.digest_size, h.block_size, h.name)
h = hashlib.sha256(); h.update(b"a"); c = h.copy(); c.update(b"b"); print(h.hexdigest(), c.hexdigest())
print(hashlib.md5(b"abc").digest())
print(hashlib.blake2b(b"x", digest_size=20, key=b"k", salt=b"s", person=b"p").hexdigest())
print(hashlib.blake2s(b"x", digest_size=16, key=b"kk", fanout=2, depth=3, leaf_size=5, node_offset=7, node_depth=1, inner_size=16, last_node=True).hexdigest())
print(hashlib.new("blake2b", b"a", digest_size=8).hexdigest(), hashlib.new("SHA256", b"a").hexdigest())
print(hashlib.pbkdf2_hmac("sha256", b"pw", b"salt", 1000).hex(), hashlib.pbkdf2_hmac("sha3_256", b"pw", b"salt", 10, 20).hex())
print(hashlib.pbkdf2_hmac("sha1", b"password", b"salt", 2, dklen=20).hex())
print(type(hashlib.md5()), type(hashlib.shake_128()), type(hashlib.blake2b()), hashlib.md5, hashlib.blake2b)
print(hashlib.blake2b.SALT_SIZE, hashlib.blake2s.MAX_DIGEST_SIZE)
for f in [lambda: hashlib.md5("x"), lambda: hashlib.sha1().update(3), lambda: hashlib.new("nope"),
          lambda: hashlib.blake2b(digest_size=65), lambda: hashlib.blake2s(salt=b"x"*9),
          lambda: hashlib.pbkdf2_hmac("nope", b"", b"", 1), lambda: hashlib.pbkdf2_hmac("md5", b"", b"", 0),
          lambda: hashlib.sha256(data=b""), lambda: hashlib.shake_128().digest(), lambda: type(hashlib.md5())(),
          lambda: hashlib.new("sha256", b"", digest_size=3)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
import io
print(hashlib.file_digest(io.BytesIO(b"data"), "sha1").hexdigest(), hashlib.file_digest(io.BytesIO(b"data"), hashlib.md5).hexdigest())
m = hmac.new(b"key", b"msg", "sha256"); print(m.hexdigest(), m.name, m.digest_size, m.block_size)
m2 = m.copy(); m2.update(b"more"); print(m.hexdigest() != m2.hexdigest(), hmac.new(b"k"*100, digestmod=hashlib.sha512).hexdigest()[:32])
print(hmac.digest(b"key", b"msg", "md5").hex(), hmac.compare_digest(b"a", b"a"), hmac.compare_digest("ab", "ac"))
for f in [lambda: hmac.new(b"k"), lambda: hmac.new("k", digestmod="md5"), lambda: hmac.compare_digest("a", b"a"), lambda: hmac.compare_digest(1, 2)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(len(secrets.token_bytes()), len(secrets.token_hex(8)), len(secrets.token_urlsafe(9)), 0 <= secrets.randbelow(10) < 10, secrets.choice("abc") in "abc", secrets.randbits(3) < 8)
try: secrets.randbelow(0)
except ValueError as e: print(e)
