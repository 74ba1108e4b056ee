# `base64`: Base16, Base32, Base64 (RFC 4648), Base85 and Ascii85, over the
# native codecs of binascii (hex and base64); Base32 and the 85s are here.

import binascii

__all__ = [
    "encode", "decode", "encodebytes", "decodebytes",
    "b64encode", "b64decode", "b32encode", "b32decode",
    "b32hexencode", "b32hexdecode", "b16encode", "b16decode",
    "b85encode", "b85decode", "a85encode", "a85decode",
    "standard_b64encode", "standard_b64decode",
    "urlsafe_b64encode", "urlsafe_b64decode",
]

bytes_types = (bytes, bytearray)

MAXLINESIZE = 76
MAXBINSIZE = (MAXLINESIZE // 4) * 3


def _input_bytes(s):
    """What the decoders accept: bytes-like objects and ASCII strs."""
    if isinstance(s, str):
        if not s.isascii():
            raise ValueError("string argument should contain only ASCII characters")
        return s.encode("ascii")
    if isinstance(s, bytes_types):
        return bytes(s)
    raise TypeError("argument should be a bytes-like object or ASCII string, not %r" % s.__class__.__name__)


def _binary(s):
    """What the encoders accept: bytes-like objects."""
    if isinstance(s, bytes_types):
        return bytes(s)
    raise TypeError("a bytes-like object is required, not '%s'" % type(s).__name__)


def _swap_chars(s, frm, to):
    """`s` with each byte of `frm` replaced by the byte of `to` at the same place."""
    if frm == to:
        return s
    table = {frm[i]: to[i] for i in range(len(frm))}
    return bytes([table.get(c, c) for c in s])


# -- Base64 ------------------------------------------------------------------------

def b64encode(s, altchars=None):
    encoded = binascii.b2a_base64(s, newline=False)
    if altchars is not None:
        assert len(altchars) == 2, repr(altchars)
        return _swap_chars(encoded, b"+/", bytes(altchars))
    return encoded


def b64decode(s, altchars=None, validate=False):
    s = _input_bytes(s)
    if altchars is not None:
        altchars = _input_bytes(altchars)
        assert len(altchars) == 2, repr(altchars)
        s = _swap_chars(s, altchars, b"+/")
    return binascii.a2b_base64(s, strict_mode=validate)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


def urlsafe_b64encode(s):
    return _swap_chars(b64encode(s), b"+/", b"-_")


def urlsafe_b64decode(s):
    return b64decode(_swap_chars(_input_bytes(s), b"-_", b"+/"))


# -- Base32 ------------------------------------------------------------------------

_B32_ALPHABET = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_B32HEX_ALPHABET = b"0123456789ABCDEFGHIJKLMNOPQRSTUV"

# How many '=' end the last quantum, by how many bytes it holds (RFC 4648).
_B32_PADDING = {0: 0, 1: 6, 2: 4, 3: 3, 4: 1}
# How many bytes a last quantum holds, by how many '=' end it.
_B32_TAIL = {0: 5, 1: 4, 3: 3, 4: 2, 6: 1}


def _b32encode(alphabet, s):
    s = _binary(s)
    out = []
    for start in range(0, len(s), 5):
        chunk = s[start:start + 5]
        n = int.from_bytes(chunk + bytes(5 - len(chunk)), "big")
        out.extend(alphabet[(n >> shift) & 31] for shift in range(35, -1, -5))
        pad = _B32_PADDING[len(chunk) % 5] if len(chunk) < 5 else 0
        if pad:
            out[-pad:] = b"=" * pad
    return bytes(out)


def _b32decode(alphabet, s, casefold=False, map01=None):
    s = _input_bytes(s)
    if len(s) % 8:
        raise binascii.Error("Incorrect padding")
    if map01 is not None:
        map01 = _input_bytes(map01)
        assert len(map01) == 1, repr(map01)
        s = _swap_chars(s, b"01", b"O" + map01)
    if casefold:
        s = s.upper()
    stripped = s.rstrip(b"=")
    padding = len(s) - len(stripped)
    values = {c: i for i, c in enumerate(alphabet)}
    out = []
    for start in range(0, len(stripped), 8):
        n = 0
        for c in stripped[start:start + 8]:
            v = values.get(c)
            if v is None:
                raise binascii.Error("Non-base32 digit found")
            n = (n << 5) | v
        n <<= 5 * (8 - len(stripped[start:start + 8]))
        out.append(n.to_bytes(5, "big"))
    decoded = b"".join(out)
    if padding and s:
        if padding not in _B32_TAIL:
            raise binascii.Error("Incorrect padding")
        decoded = decoded[:len(decoded) - 5 + _B32_TAIL[padding]]
    return decoded


def b32encode(s):
    return _b32encode(_B32_ALPHABET, s)


def b32decode(s, casefold=False, map01=None):
    return _b32decode(_B32_ALPHABET, s, casefold, map01)


def b32hexencode(s):
    return _b32encode(_B32HEX_ALPHABET, s)


def b32hexdecode(s, casefold=False):
    return _b32decode(_B32HEX_ALPHABET, s, casefold)


# -- Base16 ------------------------------------------------------------------------

def b16encode(s):
    return binascii.hexlify(s).upper()


def b16decode(s, casefold=False):
    s = _input_bytes(s)
    if casefold:
        s = s.upper()
    for c in s:
        if c not in b"0123456789ABCDEF":
            raise binascii.Error("Non-base16 digit found")
    return binascii.unhexlify(s)


# -- Ascii85 and Base85 ------------------------------------------------------------

_A85_START = b"<~"
_A85_END = b"~>"
_B85_ALPHABET = (b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                 b"abcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~")


def _85encode(b, chars, pad=False, foldnuls=False, foldspaces=False):
    b = _binary(b)
    padding = -len(b) % 4
    if padding:
        b = b + bytes(padding)
    out = []
    for start in range(0, len(b), 4):
        word = int.from_bytes(b[start:start + 4], "big")
        if foldnuls and not word:
            out.append(b"z")
        elif foldspaces and word == 0x20202020:
            out.append(b"y")
        else:
            digits = [0] * 5
            for i in range(4, -1, -1):
                word, digits[i] = divmod(word, 85)
            out.append(bytes([chars[d] for d in digits]))
    if padding and not pad:
        if out[-1] == b"z":
            out[-1] = bytes([chars[0]]) * 5
        out[-1] = out[-1][:-padding]
    return b"".join(out)


def a85encode(b, *, foldspaces=False, wrapcol=0, pad=False, adobe=False):
    result = _85encode(b, bytes(range(33, 118)), pad, True, foldspaces)
    if adobe:
        result = _A85_START + result
    if wrapcol:
        wrapcol = max(2 if adobe else 1, wrapcol)
        chunks = [result[i:i + wrapcol] for i in range(0, len(result), wrapcol)]
        if adobe and len(chunks[-1]) + 2 > wrapcol:
            chunks.append(b"")
        result = b"\n".join(chunks)
    if adobe:
        result += _A85_END
    return result


def a85decode(b, *, foldspaces=False, adobe=False, ignorechars=b" \t\n\r\v"):
    b = _input_bytes(b)
    if adobe:
        if not b.endswith(_A85_END):
            raise ValueError("Ascii85 encoded byte sequences must end with {!r}".format(_A85_END))
        if b.startswith(_A85_START):
            b = b[2:-2]
        else:
            b = b[:-2]
    decoded = []
    group = []
    for c in b + b"u" * 4:
        if 33 <= c <= 117:
            group.append(c - 33)
            if len(group) == 5:
                word = 0
                for d in group:
                    word = word * 85 + d
                if word > 0xFFFFFFFF:
                    raise ValueError("Ascii85 overflow")
                decoded.append(word.to_bytes(4, "big"))
                group = []
        elif c == 122:  # 'z'
            if group:
                raise ValueError("z inside Ascii85 5-tuple")
            decoded.append(b"\0\0\0\0")
        elif foldspaces and c == 121:  # 'y'
            if group:
                raise ValueError("y inside Ascii85 5-tuple")
            decoded.append(b"    ")
        elif c in ignorechars:
            continue
        else:
            raise ValueError("Non-Ascii85 digit found: %c" % c)
    result = b"".join(decoded)
    padding = 4 - len(group)
    if padding:
        result = result[:-padding]
    return result


def b85encode(b, pad=False):
    return _85encode(b, _B85_ALPHABET, pad)


def b85decode(b):
    b = _input_bytes(b)
    values = {c: i for i, c in enumerate(_B85_ALPHABET)}
    padding = -len(b) % 5
    b = b + b"~" * padding
    out = []
    for start in range(0, len(b), 5):
        word = 0
        for j, c in enumerate(b[start:start + 5]):
            v = values.get(c)
            if v is None:
                raise ValueError("bad base85 character at position %d" % (start + j))
            word = word * 85 + v
        if word > 0xFFFFFFFF:
            raise ValueError("base85 overflow in hunk starting at byte %d" % start)
        out.append(word.to_bytes(4, "big"))
    result = b"".join(out)
    if padding:
        result = result[:-padding]
    return result


# -- MIME-style line-wrapped base64 and file helpers -------------------------------

def encodebytes(s):
    """Base64 in lines of at most 76 characters, each ending in a newline."""
    s = _binary(s)
    return b"".join(binascii.b2a_base64(s[i:i + MAXBINSIZE]) for i in range(0, len(s), MAXBINSIZE))


def decodebytes(s):
    return binascii.a2b_base64(_binary(s))


def encode(input, output):
    """Base64-encode the binary file `input` into the binary file `output`."""
    while True:
        s = input.read(MAXBINSIZE)
        if not s:
            break
        while len(s) < MAXBINSIZE:
            more = input.read(MAXBINSIZE - len(s))
            if not more:
                break
            s += more
        output.write(binascii.b2a_base64(s))


def decode(input, output):
    """Decode the base64 lines of the binary file `input` into `output`."""
    while True:
        line = input.readline()
        if not line:
            break
        output.write(binascii.a2b_base64(line))
