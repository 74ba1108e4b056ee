# `uuid`: RFC 4122 UUID objects and the uuid1/uuid3/uuid4/uuid5 generators.
# Written for towel from the library documentation and CPython 3.11's
# observed behaviour (reprs and error messages included).

import os
import operator
from enum import Enum

__all__ = ["UUID", "SafeUUID", "getnode", "uuid1", "uuid3", "uuid4", "uuid5",
           "NAMESPACE_DNS", "NAMESPACE_URL", "NAMESPACE_OID", "NAMESPACE_X500",
           "RESERVED_NCS", "RFC_4122", "RESERVED_MICROSOFT", "RESERVED_FUTURE"]

RESERVED_NCS = "reserved for NCS compatibility"
RFC_4122 = "specified in RFC 4122"
RESERVED_MICROSOFT = "reserved for Microsoft compatibility"
RESERVED_FUTURE = "reserved for future definition"


class SafeUUID(Enum):
    safe = 0
    unsafe = -1
    unknown = None


# The six RFC 4122 fields of the 128-bit number, most significant first:
# (name, bit offset from the least significant end, width in bits).
_FIELDS = (
    ("time_low", 96, 32),
    ("time_mid", 80, 16),
    ("time_hi_version", 64, 16),
    ("clock_seq_hi_variant", 56, 8),
    ("clock_seq_low", 48, 8),
    ("node", 0, 48),
)

# The variant is told by the top bits of clock_seq_hi_variant (bits 61-63):
# the first clear bit, looked for from the top, decides.
_VARIANT_BITS = ((63, RESERVED_NCS), (62, RFC_4122), (61, RESERVED_MICROSOFT))

_ALL_BITS = (1 << 128) - 1


def _number_from_hex(text):
    # "urn:" and "uuid:" go wherever they are, then the outer braces, then
    # every dash (the order decides what is accepted).
    for noise in ("urn:", "uuid:"):
        text = text.replace(noise, "")
    digits = text.strip("{}").replace("-", "")
    if len(digits) != 32:
        raise ValueError("badly formed hexadecimal UUID string")
    return int(digits, 16)


def _flip_time_fields(raw):
    """16 bytes with the byte order of the first three fields (4, 2 and 2
    bytes) reversed: big-endian <-> the little-endian `bytes_le` layout."""
    return raw[3::-1] + raw[5:3:-1] + raw[7:5:-1] + raw[8:]


def _number_from_bytes(raw):
    if len(raw) != 16:
        raise ValueError("bytes is not a 16-char string")
    assert isinstance(raw, bytes), repr(raw)
    return int.from_bytes(raw, "big")


def _number_from_fields(values):
    if len(values) != 6:
        raise ValueError("fields is not a 6-tuple")
    number = 0
    for position, ((_name, shift, width), value) in enumerate(zip(_FIELDS, values), 1):
        if not 0 <= value < 1 << width:
            article = "an" if width == 8 else "a"
            raise ValueError("field %d out of range (need %s %d-bit value)"
                             % (position, article, width))
        number |= value << shift
    return number


def _with_version(number, version):
    """Set the RFC 4122 variant and the version number into a UUID number."""
    if not 1 <= version <= 5:
        raise ValueError("illegal version number")
    number = (number & ~(0b11 << 62)) | (0b10 << 62)
    return (number & ~(0xF << 76)) | (version << 76)


class UUID:
    """A UUID, made from exactly one of: a hex string (braces, dashes and a
    'urn:uuid:' prefix allowed), 16 big-endian bytes, 16 bytes with the
    first three fields little-endian, the six fields, or a 128-bit int."""

    __slots__ = ("int", "is_safe", "__weakref__")

    def __init__(self, hex=None, bytes=None, bytes_le=None, fields=None,
                 int=None, version=None, *, is_safe=SafeUUID.unknown):
        given = [form for form in (hex, bytes, bytes_le, fields, int) if form is not None]
        if len(given) != 1:
            raise TypeError("one of the hex, bytes, bytes_le, fields, "
                            "or int arguments must be given")
        if hex is not None:
            int = _number_from_hex(hex)
        if bytes_le is not None:
            if len(bytes_le) != 16:
                raise ValueError("bytes_le is not a 16-char string")
            bytes = _flip_time_fields(bytes_le)
        if bytes is not None:
            int = _number_from_bytes(bytes)
        if fields is not None:
            int = _number_from_fields(fields)
        if not 0 <= int <= _ALL_BITS:
            raise ValueError("int is out of range (need a 128-bit value)")
        if version is not None:
            int = _with_version(int, version)
        object.__setattr__(self, "int", int)
        object.__setattr__(self, "is_safe", is_safe)

    def __setattr__(self, name, value):
        raise TypeError("UUID objects are immutable")

    # -- pickling --

    def __getstate__(self):
        state = {"int": self.int}
        if self.is_safe != SafeUUID.unknown:
            # The enum's value, so that pickles load where SafeUUID differs.
            state["is_safe"] = self.is_safe.value
        return state

    def __setstate__(self, state):
        object.__setattr__(self, "int", state["int"])
        object.__setattr__(self, "is_safe", SafeUUID(state.get("is_safe")))

    # -- numbers and text --

    def __hash__(self):
        return hash(self.int)

    def __int__(self):
        return self.int

    def __str__(self):
        digits = "%032x" % self.int
        cuts = (0, 8, 12, 16, 20, 32)
        return "-".join(digits[a:b] for a, b in zip(cuts, cuts[1:]))

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, str(self))

    @property
    def hex(self):
        return "%032x" % self.int

    @property
    def urn(self):
        return "urn:uuid:" + str(self)

    @property
    def bytes(self):
        return self.int.to_bytes(16, "big")

    @property
    def bytes_le(self):
        return _flip_time_fields(self.bytes)

    @property
    def fields(self):
        return tuple(getattr(self, name) for name, _shift, _width in _FIELDS)

    @property
    def time(self):
        # 60 bits: time_low, time_mid and the low 12 bits of time_hi_version.
        number = self.int
        return (number >> 64 & 0x0FFF) << 48 | (number >> 80 & 0xFFFF) << 32 | number >> 96

    @property
    def clock_seq(self):
        # 14 bits below the variant bits.
        return self.int >> 48 & 0x3FFF

    @property
    def variant(self):
        for bit, name in _VARIANT_BITS:
            if not self.int >> bit & 1:
                return name
        return RESERVED_FUTURE

    @property
    def version(self):
        # Only RFC 4122 UUIDs carry a version.
        return self.int >> 76 & 0xF if self.variant == RFC_4122 else None


def _field_property(shift, width):
    mask = (1 << width) - 1
    return property(lambda self: self.int >> shift & mask)


def _ordering(compare):
    def method(self, other):
        if isinstance(other, UUID):
            return compare(self.int, other.int)
        return NotImplemented
    method.__name__ = "__%s__" % compare.__name__
    return method


for _name, _shift, _width in _FIELDS:
    setattr(UUID, _name, _field_property(_shift, _width))
for _compare in (operator.eq, operator.lt, operator.gt, operator.le, operator.ge):
    setattr(UUID, "__%s__" % _compare.__name__, _ordering(_compare))
del _name, _shift, _width, _compare


# == the node: this machine's hardware address ===================================

_node = None


def _hardware_address():
    """The first non-zero MAC address of a network interface, or None."""
    root = "/sys/class/net"
    try:
        interfaces = sorted(os.listdir(root))
    except OSError:
        return None
    for interface in interfaces:
        try:
            with open(os.path.join(root, interface, "address")) as source:
                text = source.read().strip()
        except OSError:
            continue
        value = int(text.replace(":", ""), 16) if len(text) == 17 else 0
        # Skip empty addresses and locally administered or multicast ones.
        if value and not value & (0b11 << 40):
            return value
    return None


def getnode():
    """This machine's 48-bit hardware address, or (when none is found) a
    random number with the multicast bit set, as RFC 4122 asks; fixed for
    the life of the process."""
    global _node
    if _node is None:
        found = _hardware_address()
        if found is None:
            import random
            found = random.getrandbits(48) | (1 << 40)
        _node = found
    return _node


# == generators ==================================================================

# 100-ns intervals from the Gregorian reform (1582-10-15) to the Unix epoch.
_GREGORIAN_TO_UNIX = 0x01B21DD213814000
_last_timestamp = None


def uuid1(node=None, clock_seq=None):
    """A UUID from the time, a clock sequence and the host's node; each
    call gets a later timestamp than the one before."""
    global _last_timestamp
    import time
    stamp = time.time_ns() // 100 + _GREGORIAN_TO_UNIX
    if _last_timestamp is not None and stamp <= _last_timestamp:
        stamp = _last_timestamp + 1
    _last_timestamp = stamp
    if clock_seq is None:
        import random
        clock_seq = random.getrandbits(14)
    if node is None:
        node = getnode()
    number = (stamp & 0xFFFFFFFF) << 96
    number |= (stamp >> 32 & 0xFFFF) << 80
    number |= (stamp >> 48 & 0x0FFF) << 64
    number |= (clock_seq & 0x3FFF) << 48
    return UUID(int=number | node, version=1)


def _named_uuid(algorithm, version, namespace, name):
    import hashlib
    digest = hashlib.new(algorithm, namespace.bytes + bytes(name, "utf-8"),
                         usedforsecurity=False).digest()
    return UUID(bytes=digest[:16], version=version)


def uuid3(namespace, name):
    """A UUID from the MD5 hash of a namespace UUID and a name."""
    return _named_uuid("md5", 3, namespace, name)


def uuid4():
    """A random UUID."""
    return UUID(bytes=os.urandom(16), version=4)


def uuid5(namespace, name):
    """A UUID from the SHA-1 hash of a namespace UUID and a name."""
    return _named_uuid("sha1", 5, namespace, name)


NAMESPACE_DNS = UUID("6ba7b810-9dad-11d1-80b4-00c04fd430c8")
NAMESPACE_URL = UUID("6ba7b811-9dad-11d1-80b4-00c04fd430c8")
NAMESPACE_OID = UUID("6ba7b812-9dad-11d1-80b4-00c04fd430c8")
NAMESPACE_X500 = UUID("6ba7b814-9dad-11d1-80b4-00c04fd430c8")
