# `pickle`: serializing Python objects to bytes and back, with CPython's
# formats (protocols 0 to 5). The encoder and decoder are native
# (`_pickle`, lang/src/stdlib/pickle/); the classes and functions here are
# the API around them.

import sys
import io
import copyreg
from copyreg import dispatch_table
from _pickle import PickleError, PicklingError, UnpicklingError
import _pickle

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler",
           "Unpickler", "dump", "dumps", "load", "loads", "PickleBuffer",
           "ADDITEMS", "APPEND", "APPENDS", "BINBYTES", "BINBYTES8", "BINFLOAT",
           "BINGET", "BININT", "BININT1", "BININT2", "BINPERSID", "BINPUT",
           "BINSTRING", "BINUNICODE", "BINUNICODE8", "BUILD", "BYTEARRAY8",
           "DEFAULT_PROTOCOL", "DICT", "DUP", "EMPTY_DICT", "EMPTY_LIST",
           "EMPTY_SET", "EMPTY_TUPLE", "EXT1", "EXT2", "EXT4", "FALSE", "FLOAT",
           "FRAME", "FROZENSET", "GET", "GLOBAL", "HIGHEST_PROTOCOL", "INST",
           "INT", "LIST", "LONG", "LONG1", "LONG4", "LONG_BINGET", "LONG_BINPUT",
           "MARK", "MEMOIZE", "NEWFALSE", "NEWOBJ", "NEWOBJ_EX", "NEWTRUE",
           "NEXT_BUFFER", "NONE", "OBJ", "PERSID", "POP", "POP_MARK", "PROTO",
           "PUT", "READONLY_BUFFER", "REDUCE", "SETITEM", "SETITEMS",
           "SHORT_BINBYTES", "SHORT_BINSTRING", "SHORT_BINUNICODE",
           "STACK_GLOBAL", "STOP", "STRING", "TRUE", "TUPLE", "TUPLE1", "TUPLE2",
           "TUPLE3", "UNICODE"]

bytes_types = (bytes, bytearray)

format_version = "4.0"
compatible_formats = ["1.0", "1.1", "1.2", "1.3", "2.0", "3.0", "4.0", "5.0"]

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4


class PickleBuffer:
    """A wrapper for a buffer given to pickle's out-of-band buffer protocol."""

    def __init__(self, buffer):
        raise NotImplementedError("pickle.PickleBuffer is not implemented in towel (no memoryview)")


# The opcodes, as bytes.
MARK = b"("
STOP = b"."
POP = b"0"
POP_MARK = b"1"
DUP = b"2"
FLOAT = b"F"
INT = b"I"
BININT = b"J"
BININT1 = b"K"
LONG = b"L"
BININT2 = b"M"
NONE = b"N"
PERSID = b"P"
BINPERSID = b"Q"
REDUCE = b"R"
STRING = b"S"
BINSTRING = b"T"
SHORT_BINSTRING = b"U"
UNICODE = b"V"
BINUNICODE = b"X"
APPEND = b"a"
BUILD = b"b"
GLOBAL = b"c"
DICT = b"d"
EMPTY_DICT = b"}"
APPENDS = b"e"
GET = b"g"
BINGET = b"h"
INST = b"i"
LONG_BINGET = b"j"
LIST = b"l"
EMPTY_LIST = b"]"
OBJ = b"o"
PUT = b"p"
BINPUT = b"q"
LONG_BINPUT = b"r"
SETITEM = b"s"
TUPLE = b"t"
EMPTY_TUPLE = b")"
SETITEMS = b"u"
BINFLOAT = b"G"
TRUE = b"I01\n"
FALSE = b"I00\n"
PROTO = b"\x80"
NEWOBJ = b"\x81"
EXT1 = b"\x82"
EXT2 = b"\x83"
EXT4 = b"\x84"
TUPLE1 = b"\x85"
TUPLE2 = b"\x86"
TUPLE3 = b"\x87"
NEWTRUE = b"\x88"
NEWFALSE = b"\x89"
LONG1 = b"\x8a"
LONG4 = b"\x8b"
BINBYTES = b"B"
SHORT_BINBYTES = b"C"
SHORT_BINUNICODE = b"\x8c"
BINUNICODE8 = b"\x8d"
BINBYTES8 = b"\x8e"
EMPTY_SET = b"\x8f"
ADDITEMS = b"\x90"
FROZENSET = b"\x91"
NEWOBJ_EX = b"\x92"
STACK_GLOBAL = b"\x93"
MEMOIZE = b"\x94"
FRAME = b"\x95"
BYTEARRAY8 = b"\x96"
NEXT_BUFFER = b"\x97"
READONLY_BUFFER = b"\x98"


def _check_protocol(protocol):
    if protocol is None:
        return DEFAULT_PROTOCOL
    if protocol < 0:
        return HIGHEST_PROTOCOL
    if protocol > HIGHEST_PROTOCOL:
        raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
    return protocol


class Pickler:
    """Writes pickles of objects to a binary file. Subclasses may define
    persistent_id(obj), reducer_override(obj) and a dispatch_table."""

    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        self._proto = _check_protocol(protocol)
        if buffer_callback is not None:
            if self._proto < 5:
                raise ValueError("buffer_callback needs protocol >= 5")
            raise NotImplementedError("pickle buffer_callback is not implemented in towel (no PickleBuffer)")
        try:
            self._file_write = file.write
        except AttributeError:
            raise TypeError("file must have a 'write' attribute")
        self._memo = _pickle._new_memo()
        self.fix_imports = fix_imports
        self.bin = self._proto >= 1
        self.fast = 0

    @property
    def memo(self):
        return self._memo

    def clear_memo(self):
        """Forgets the objects pickled so far: later dumps repeat them."""
        self._memo.clear()

    def dump(self, obj):
        """Writes a pickle of obj to the file."""
        if not hasattr(self, "_file_write"):
            raise PicklingError("Pickler.__init__() was not called by %s.__init__()" % type(self).__name__)
        data = _pickle._dump(obj, self._proto, self.fix_imports, self._memo,
                             getattr(self, "persistent_id", None),
                             getattr(self, "dispatch_table", None),
                             getattr(self, "reducer_override", None),
                             self.fast)
        self._file_write(data)


class Unpickler:
    """Reads pickles from a binary file. Subclasses may override
    find_class(module, name) and define persistent_load(pid)."""

    def __init__(self, file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
        try:
            file.read
            file.readline
        except AttributeError:
            raise TypeError("file must have 'read' and 'readline' attributes")
        self._file = file
        self.fix_imports = fix_imports
        self.encoding = encoding
        self.errors = errors
        self._buffers = iter(buffers) if buffers is not None else None
        self.memo = {}
        self.proto = 0

    def load(self):
        """Reads one pickle from the file and returns the object."""
        if not hasattr(self, "_file"):
            raise UnpicklingError("Unpickler.__init__() was not called by %s.__init__()" % type(self).__name__)
        find_class = None if type(self).find_class is Unpickler.find_class else self.find_class
        return _pickle._load(self._file, self.fix_imports, self.encoding, self.errors, find_class,
                             getattr(self, "persistent_load", None), self.memo, self._buffers, self)

    def find_class(self, module, name):
        """The object `module.name` of a pickle (imported as needed)."""
        return _pickle._find_class(module, name, self.proto, self.fix_imports)


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Writes a pickle of obj to the binary file."""
    Pickler(file, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback).dump(obj)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    """The pickle of obj, as bytes."""
    if buffer_callback is not None:
        Pickler(io.BytesIO(), protocol, buffer_callback=buffer_callback)
    return _pickle._dump(obj, _check_protocol(protocol), fix_imports, None, None, None, None, False)


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    """Reads one pickle from the binary file."""
    return Unpickler(file, fix_imports=fix_imports, buffers=buffers,
                     encoding=encoding, errors=errors).load()


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    """The object of a pickle given as bytes."""
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)
    return _pickle._load(data, fix_imports, encoding, errors, None, None, None,
                         iter(buffers) if buffers is not None else None, None)


def encode_long(x):
    """An int as two's complement little-endian bytes (b'' for 0)."""
    if x == 0:
        return b""
    nbytes = (x.bit_length() >> 3) + 1
    result = x.to_bytes(nbytes, byteorder="little", signed=True)
    if x < 0 and nbytes > 1:
        if result[-1] == 0xff and (result[-2] & 0x80) != 0:
            result = result[:-1]
    return result


def decode_long(data):
    """The int of two's complement little-endian bytes."""
    return int.from_bytes(data, byteorder="little", signed=True)


def whichmodule(obj, name):
    """The module an object belongs to."""
    module_name = getattr(obj, "__module__", None)
    if module_name is not None:
        return module_name
    for module_name, module in sys.modules.copy().items():
        if module_name == "__main__" or module_name == "__mp_main__" or module is None:
            continue
        try:
            found = module
            for part in name.split("."):
                found = getattr(found, part)
            if found is obj:
                return module_name
        except AttributeError:
            pass
    return "__main__"
