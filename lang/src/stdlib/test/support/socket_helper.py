"""Socket helpers for tests: loopback addresses and free ports."""

import contextlib
import socket
import unittest

HOST = "localhost"
HOSTv4 = "127.0.0.1"
HOSTv6 = "::1"


def _ipv6_works():
    if not socket.has_ipv6:
        return False
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as probe:
            probe.bind((HOSTv6, 0))
    except OSError:
        return False
    return True


IPV6_ENABLED = _ipv6_works()


def bind_port(sock, host=HOST):
    """Bind `sock` to a free port on `host` and return the port."""
    sock.bind((host, 0))
    return sock.getsockname()[1]


def find_unused_port(family=socket.AF_INET, socktype=socket.SOCK_STREAM):
    """A port that was free a moment ago (bound then released)."""
    with socket.socket(family, socktype) as probe:
        return bind_port(probe, HOSTv6 if family == socket.AF_INET6 else HOSTv4)


def bind_unix_socket(sock, addr):
    try:
        sock.bind(addr)
    except PermissionError:
        sock.close()
        raise unittest.SkipTest(f"cannot bind AF_UNIX sockets: {addr}")


def skip_unless_bind_unix_socket(test):
    if not hasattr(socket, "AF_UNIX"):
        return unittest.skip("No UNIX Sockets")(test)
    return test


def get_socket_conn_refused_errs():
    import errno
    return [errno.ECONNREFUSED, errno.EADDRNOTAVAIL, errno.ENETUNREACH]


@contextlib.contextmanager
def transient_internet(resource_name, *, timeout=30.0, errnos=()):
    """Network tests are not run here: the block is skipped."""
    raise unittest.SkipTest(f"no network access for {resource_name}")
    yield
