# `platform`: what the machine and the interpreter are, from os.uname() and sys.

import os as _os
import sys as _sys


class uname_result(tuple):
    _fields = ("system", "node", "release", "version", "machine")

    def __new__(cls, system, node, release, version, machine):
        return tuple.__new__(cls, (system, node, release, version, machine))

    system = property(lambda self: self[0])
    node = property(lambda self: self[1])
    release = property(lambda self: self[2])
    version = property(lambda self: self[3])
    machine = property(lambda self: self[4])

    @property
    def processor(self):
        return processor()

    def __repr__(self):
        fields = ", ".join(f"{n}={v!r}" for n, v in zip(self._fields + ("processor",), tuple(self) + (self.processor,)))
        return f"uname_result({fields})"


_uname_cache = None


def uname():
    global _uname_cache
    if _uname_cache is None:
        u = _os.uname()
        _uname_cache = uname_result(u.sysname, u.nodename, u.release, u.version, u.machine)
    return _uname_cache


def system():
    return uname().system


def node():
    return uname().node


def release():
    return uname().release


def version():
    return uname().version


def machine():
    return uname().machine


def processor():
    return ""


def python_implementation():
    # towel names itself, as PyPy and IronPython do.
    name = getattr(_sys.implementation, "name", _sys.implementation)
    return "CPython" if name == "cpython" else str(name)


def python_version():
    return "%d.%d.%d" % tuple(_sys.version_info[:3])


def python_version_tuple():
    return tuple(str(part) for part in _sys.version_info[:3])


def python_compiler():
    return "rustc"


def python_build():
    return ("towel", "")


def architecture(executable=None, bits="", linkage=""):
    return (bits or "64bit", linkage or "ELF")


def libc_ver(executable=None, lib="", version="", chunksize=16384):
    return ("glibc", version) if not lib else (lib, version)


def freedesktop_os_release():
    for candidate in ("/etc/os-release", "/usr/lib/os-release"):
        try:
            with open(candidate) as f:
                text = f.read()
        except OSError:
            continue
        info = {"NAME": "Linux", "ID": "linux", "PRETTY_NAME": "Linux"}
        for line in text.splitlines():
            if "=" in line and not line.startswith("#"):
                key, _, value = line.partition("=")
                info[key.strip()] = value.strip().strip('"').strip("'")
        return info
    raise OSError("Unable to read files /etc/os-release, /usr/lib/os-release")


def platform(aliased=False, terse=False):
    u = uname()
    if terse:
        return f"{u.system}-{u.release}"
    return f"{u.system}-{u.release}-{u.machine}-with-glibc"
