# uuid: UUID objects from each form, their fields and errors, uuid1/3/4/5.
import uuid, copy
u = uuid.UUID("{12345678-1234-5678-1234-567812345678}")
print(u, repr(u), u.hex, u.int, u.urn, u.bytes, u.bytes_le, u.fields, u.version, u.variant, u.time, u.clock_seq, u.node)
print(u.time_low, u.time_mid, u.time_hi_version, u.clock_seq_hi_variant, u.clock_seq_low, u.is_safe, int(u))
for kw in [dict(hex="urn:uuid:12345678123456781234567812345678"), dict(bytes=b"\x12" * 16), dict(bytes_le=bytes(range(16))),
           dict(fields=(1, 2, 3, 4, 5, 6)), dict(int=2**127 + 5), dict(int=7, version=4), dict(hex="0" * 32, version=1)]:
    v = uuid.UUID(**kw); print(v, v.version, v.variant)
for kw in [dict(), dict(hex="abc"), dict(bytes=b"x"), dict(bytes_le=b"x"), dict(fields=(1,)), dict(fields=(2**32, 0, 0, 0, 0, 0)),
           dict(fields=(0, 0, 0, 0, 256, 0)), dict(int=-1), dict(int=2**128), dict(int=0, version=6), dict(hex="x" * 32), dict(hex="a"*32, int=3)]:
    try: print(uuid.UUID(**kw))
    except Exception as e: print(type(e).__name__, e)
print(uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_URL, "http://x/"), uuid.uuid5(uuid.NAMESPACE_OID, "1.2"), uuid.uuid3(uuid.NAMESPACE_X500, "cn=x"))
a, b = uuid.uuid4(), uuid.uuid4(); print(a != b, a.version, a.variant, len(str(a)), isinstance(a.int, int))
t = uuid.uuid1(); print(t.version, t.variant, uuid.uuid1(node=0x123456789abc, clock_seq=5).node == 0x123456789abc, uuid.uuid1(clock_seq=7).clock_seq)
t1, t2 = uuid.uuid1(), uuid.uuid1(); print(t1.time < t2.time, 0 <= uuid.getnode() < 2**48)
print(sorted([uuid.UUID(int=5), uuid.UUID(int=2)]), uuid.UUID(int=1) == uuid.UUID(int=1), uuid.UUID(int=1) == 1, hash(uuid.UUID(int=9)) == hash(9))
try: u.x = 1
except TypeError as e: print(e)
try: uuid.UUID(int=1) < 3
except TypeError as e: print(e)
print({uuid.UUID(int=3): 1}, copy.copy(u) == u, uuid.SafeUUID.safe, uuid.SafeUUID(None), uuid.RFC_4122, uuid.UUID(int=0).variant, uuid.UUID(int=(0xe000 << 48)).variant)
print(u.__getstate__(), uuid.UUID(int=1, is_safe=uuid.SafeUUID.safe).__getstate__())
