# The natives of binascii, zlib, hashlib, struct, unicodedata, csv, cmath,
# codecs, hmac, array and math have docstrings and show their signatures to
# inspect as CPython's do; a sample of wrong calls gets CPython's TypeError.
import array
import binascii
import cmath
import codecs
import csv
import hashlib
import hmac
import inspect
import math
import struct
import unicodedata
import zlib

MODULES = {
    binascii: "a2b_base64 a2b_hex a2b_qp a2b_uu b2a_base64 b2a_hex b2a_qp b2a_uu crc32 crc_hqx hexlify unhexlify",
    zlib: "adler32 compress compressobj crc32 decompress decompressobj",
    hashlib: "md5 new pbkdf2_hmac scrypt sha1 sha224 sha256 sha384 sha3_224 sha3_256 sha3_384 sha3_512 sha512 shake_128 shake_256",
    struct: "calcsize iter_unpack pack pack_into unpack unpack_from",
    unicodedata: "bidirectional category combining decimal decomposition digit east_asian_width is_normalized lookup mirrored name normalize numeric",
    csv: "field_size_limit get_dialect list_dialects reader register_dialect unregister_dialect writer",
    cmath: "acos acosh asin asinh atan atanh cos cosh exp isclose isfinite isinf isnan log log10 phase polar rect sin sinh sqrt tan tanh",
    codecs: "decode encode lookup register_error",
    hmac: "compare_digest",
}


# Natives CPython 3.11 gives no docstring (towel's may have one).
UNDOCUMENTED = {"array.extend", "compressobj.compress", "compressobj.flush",
                "decompressobj.decompress", "decompressobj.flush"}


def describe(label, f):
    try:
        sig = str(inspect.signature(f))
    except ValueError:
        sig = "none"
    missing = not f.__doc__ and label not in UNDOCUMENTED
    print(label, "signature", sig, "(no docstring)" if missing else "")


for module, names in MODULES.items():
    for name in names.split():
        describe(module.__name__ + "." + name, getattr(module, name))

a = array.array("i", [1, 2, 3])
for name in """append buffer_info byteswap count extend frombytes fromlist index insert pop
remove reverse tobytes tolist __copy__ __deepcopy__""".split():
    describe("array." + name, getattr(a, name))
h = hashlib.sha256(b"x")
for name in "update copy digest hexdigest".split():
    describe("sha256." + name, getattr(h, name))
c, d = zlib.compressobj(), zlib.decompressobj()
for label, f in [("compressobj.compress", c.compress), ("compressobj.flush", c.flush),
                 ("decompressobj.decompress", d.decompress), ("decompressobj.flush", d.flush)]:
    describe(label, f)
s = struct.Struct("<i")
for name in "pack pack_into unpack unpack_from iter_unpack".split():
    describe("Struct." + name, getattr(s, name))

for call in [
    "binascii.hexlify()", "binascii.crc32(b'', 0, 1)", "binascii.b2a_base64(b'', bogus=1)",
    "zlib.compress()", "zlib.crc32(b'', value=1)", "hashlib.sha256(bogus=1)", "hashlib.new()",
    "struct.pack()", "struct.calcsize('i', 1)", "unicodedata.name()", "unicodedata.category('a', 'b')",
    "cmath.sqrt()", "cmath.rect(1)", "cmath.isclose(1, bogus=2)", "hmac.compare_digest(b'a')",
    "a.append()", "a.pop(1, 2)", "a.index()", "h.update()", "s.unpack()", "math.sqrt.__text_signature__",
    "cmath.sqrt.__text_signature__", "math.log.__text_signature__",
]:
    try:
        print(call, "->", eval(call))
    except Exception as e:
        print(call, "->", type(e).__name__, e)

# Functions written in Python have docstrings too.
import collections
import functools
import heapq
import json
import random

PYTHON_FUNCTIONS = {
    random: """betavariate choice choices expovariate gammavariate gauss getrandbits getstate
        lognormvariate normalvariate paretovariate randbytes randint random randrange sample seed
        setstate shuffle triangular uniform vonmisesvariate weibullvariate""",
    heapq: "merge nlargest nsmallest",
    json: "dump dumps load loads",
    functools: "cache cmp_to_key lru_cache reduce singledispatch total_ordering update_wrapper wraps",
    collections: "namedtuple",
}
for module, names in PYTHON_FUNCTIONS.items():
    for name in names.split():
        if not getattr(module, name).__doc__:
            print(module.__name__ + "." + name, "has no docstring")
