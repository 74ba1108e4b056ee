# uuid: every constructor form and its errors (in CPython's order), hex spellings,
# version stamping, variants, pickling state, immutability, comparisons,
# uuid3/uuid5 name types, uuid1's clock_seq mask.
import uuid, pickle, copy
def t(f, *a, **k):
    try: r = f(*a, **k); print("ok", repr(r))
    except BaseException as e: print(type(e).__name__, e)
for kw in [dict(), dict(hex="abc"), dict(bytes=b"x"), dict(bytes_le=b"x"), dict(fields=(1,)),
           dict(fields=(2**32, 0, 0, 0, 0, 0)), dict(fields=(0, 2**16, 0, 0, 0, 0)), dict(fields=(0, 0, 2**16, 0, 0, 0)),
           dict(fields=(0, 0, 0, 256, 0, 0)), dict(fields=(0, 0, 0, 0, 256, 0)), dict(fields=(0, 0, 0, 0, 0, 2**48)), dict(fields=(-1, 0, 0, 0, 0, 0)),
           dict(int=-1), dict(int=2**128), dict(int=0, version=6), dict(int=0, version=0), dict(hex="x" * 32), dict(hex="a"*32, int=3),
           dict(hex=" {urn:uuid:12345678-1234-5678-1234-567812345678} "), dict(hex="URN:UUID:12345678123456781234567812345678"),
           dict(hex="{{12345678123456781234567812345678}}"), dict(hex="1234-5678123456781234567812345678"), dict(hex=b"12345678123456781234567812345678"),
           dict(bytes="x"*16), dict(bytes=bytearray(16)), dict(bytes_le=bytearray(16)), dict(int=1.0), dict(int=True), dict(fields=[1,2,3,4,5,6]), dict(hex=None, int=None, bytes=None),
           dict(int=5, is_safe=uuid.SafeUUID.unsafe), dict(int=5, is_safe=3)]:
    print(kw, end=" "); t(uuid.UUID, **kw)
t(uuid.UUID, "12345678123456781234567812345678", None, None, None, None, 4)
t(uuid.UUID, "a"*32, int=1)
u = uuid.UUID(int=0x123456789abcdef0123456789abcdef0)
print(pickle.loads(pickle.dumps(u)) == u, u.__reduce_ex__(2) if False else "", u.__getstate__(), copy.deepcopy(u) == u)
v = uuid.UUID(int=3); v.__setstate__({"int": 9}); print(v.int, v.is_safe)
v.__setstate__({"int": 9, "is_safe": 0}); print(v.is_safe)
for op in ["<", ">", "<=", ">=", "=="]:
    t(eval, "u %s 3" % op, {"u": u})
print(u != uuid.UUID(int=1), u == u, hash(u) == hash(u.int), str(uuid.UUID(int=0)), uuid.UUID(int=(1 << 128) - 1))
for i in [0, 0x8000 << 48, 0xc000 << 48, 0xe000 << 48, 0x4000 << 48]:
    w = uuid.UUID(int=i); print(w.variant, w.version)
print(uuid.UUID(int=0x000000000000f000_8000000000000000).version, uuid.UUID(int=0x0000000000001000_8000000000000000).time)
t(uuid.uuid3, "notuuid", "x"); t(uuid.uuid5, uuid.NAMESPACE_DNS, b"bytes ok"); t(uuid.uuid3, uuid.NAMESPACE_DNS, 5)
print(uuid.uuid1(node=1, clock_seq=0x3fff).clock_seq, uuid.uuid1(node=1, clock_seq=0x4000).clock_seq)
print(uuid.UUID.__slots__)
print(uuid.NAMESPACE_X500, uuid.SafeUUID.unknown, list(uuid.SafeUUID), repr(uuid.SafeUUID.safe))
class Sub(uuid.UUID): pass
s = Sub(int=3); print(repr(s), s == uuid.UUID(int=3))
print(format(u), f"{u!r}", "%s" % u)
t(format, u, "x")
print(uuid.getnode() == uuid.getnode())
for h in ["{urn:uuid:12345678-1234-5678-1234-567812345678}", "1234urn:5678123456781234567812345678", "uuid:urn:12345678123456781234567812345678", "-{12345678123456781234567812345678}-", "1234_678123456781234567812345678", " 2345678123456781234567812345678"]:
    try: print(uuid.UUID(h))
    except ValueError as e: print(e)
import hashlib; print(hashlib.new("md5", b"x", usedforsecurity=False).hexdigest())
