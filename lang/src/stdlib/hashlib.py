# `hashlib`: the part written in towel beside the native digests (hashlib.rs).

__all__ = ("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "blake2b", "blake2s",
           "sha3_224", "sha3_256", "sha3_384", "sha3_512", "shake_128", "shake_256",
           "new", "algorithms_guaranteed", "algorithms_available", "pbkdf2_hmac", "file_digest")

_CHUNK = 2 ** 18


def file_digest(fileobj, digest, /):
    """Hash the contents of a file object opened in binary mode with `digest`
    (a name for `new`, or a constructor)."""
    h = new(digest) if isinstance(digest, str) else digest()
    if hasattr(fileobj, "getbuffer"):
        h.update(fileobj.getbuffer())
        return h
    # Binary files are the ones that can read into a buffer.
    if not (hasattr(fileobj, "readinto") and hasattr(fileobj, "readable") and fileobj.readable()):
        raise ValueError(f"'{fileobj!r}' is not a file-like object in binary mode.")
    while True:
        chunk = fileobj.read(_CHUNK)
        if not chunk:
            return h
        h.update(chunk)
