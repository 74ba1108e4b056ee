# `secrets`: random numbers for security, from the system's source (os.urandom).

import base64 as _base64
from hmac import compare_digest
from os import urandom as _urandom
from random import SystemRandom

__all__ = ["choice", "randbelow", "randbits", "SystemRandom", "token_bytes",
           "token_hex", "token_urlsafe", "compare_digest"]

_sysrand = SystemRandom()

randbits = _sysrand.getrandbits
choice = _sysrand.choice

DEFAULT_ENTROPY = 32


def randbelow(exclusive_upper_bound):
    """A random int in [0, exclusive_upper_bound): draws as many random bits
    as the bound has and tries again until the draw falls below it."""
    if exclusive_upper_bound <= 0:
        raise ValueError("Upper bound must be positive.")
    width = exclusive_upper_bound.bit_length()
    while (draw := randbits(width)) >= exclusive_upper_bound:
        pass
    return draw


def token_bytes(nbytes=None):
    """`nbytes` random bytes (DEFAULT_ENTROPY when None)."""
    return _urandom(DEFAULT_ENTROPY if nbytes is None else nbytes)


def token_hex(nbytes=None):
    """`nbytes` random bytes as hexadecimal text, two digits a byte."""
    return token_bytes(nbytes).hex()


def token_urlsafe(nbytes=None):
    """`nbytes` random bytes as URL-safe base64 text without the padding."""
    text = _base64.urlsafe_b64encode(token_bytes(nbytes)).decode('ascii')
    return text.rstrip('=')
