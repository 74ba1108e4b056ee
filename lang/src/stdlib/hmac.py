# `hmac`: keyed hashing (RFC 2104) over any hashlib digest; `compare_digest`
# is native (hmac.rs).

import hashlib as _hashlib

__all__ = ("HMAC", "new", "compare_digest", "digest", "digest_size")

digest_size = None

# The two pads of RFC 2104, XORed into the key block.
_IPAD = 0x36
_OPAD = 0x5C


def _constructor(digestmod):
    """A callable that returns a fresh hash object for `digestmod`: a
    hashlib name, a constructor, or a module with `new`."""
    if callable(digestmod):
        return digestmod
    if isinstance(digestmod, str):
        return lambda d=b"": _hashlib.new(digestmod, d)
    return lambda d=b"": digestmod.new(d)


def _padded_key(key, make, block_size):
    if len(key) > block_size:
        key = make(key).digest()
    return bytes(key) + bytes(block_size - len(key))


class HMAC:
    """RFC 2104 HMAC: `update` with the message, then `digest` or `hexdigest`."""

    blocksize = 64

    __slots__ = ("_inner", "_outer", "_digest_size", "_block_size")

    def __init__(self, key, msg=None, digestmod=""):
        if not isinstance(key, (bytes, bytearray)):
            raise TypeError("key: expected bytes or bytearray, but got %r" % type(key).__name__)
        if not digestmod:
            raise TypeError("Missing required parameter 'digestmod'.")
        make = _constructor(digestmod)
        self._inner = make()
        self._outer = make()
        self._digest_size = self._inner.digest_size
        block_size = getattr(self._inner, "block_size", None)
        if block_size is None or block_size < 16:
            import warnings
            if block_size is None:
                warnings.warn("No block_size attribute on given digest object; Assuming %d." % self.blocksize,
                              RuntimeWarning, 2)
            else:
                warnings.warn("block_size of %d seems too small; using our default of %d." % (block_size, self.blocksize),
                              RuntimeWarning, 2)
            block_size = self.blocksize
        self._block_size = block_size
        key = _padded_key(key, make, block_size)
        self._outer.update(bytes([b ^ _OPAD for b in key]))
        self._inner.update(bytes([b ^ _IPAD for b in key]))
        if msg is not None:
            self.update(msg)

    @property
    def name(self):
        return "hmac-" + self._inner.name

    @property
    def digest_size(self):
        return self._digest_size

    @property
    def block_size(self):
        return self._block_size

    def update(self, msg):
        self._inner.update(msg)

    def copy(self):
        other = self.__class__.__new__(self.__class__)
        other._digest_size = self._digest_size
        other._block_size = self._block_size
        other._inner = self._inner.copy()
        other._outer = self._outer.copy()
        return other

    def _current(self):
        h = self._outer.copy()
        h.update(self._inner.digest())
        return h

    def digest(self):
        return self._current().digest()

    def hexdigest(self):
        return self._current().hexdigest()


def new(key, msg=None, digestmod=""):
    return HMAC(key, msg, digestmod)


def digest(key, msg, digest):
    """The HMAC of `msg` in one call."""
    return HMAC(key, msg, digest).digest()
