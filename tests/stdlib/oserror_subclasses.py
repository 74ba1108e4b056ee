# OSError(errno, strerror) makes the subclass CPython picks for the errno.
import errno

for code in (errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EPIPE, errno.ECONNREFUSED,
             errno.ECONNRESET, errno.ETIMEDOUT, errno.EINTR, errno.ECHILD, errno.ESRCH,
             errno.EAGAIN, errno.EISDIR, errno.ENOTDIR, errno.EINVAL, 99999):
    e = OSError(code, "text")
    print(code, type(e).__name__, e.errno, e.strerror, e, e.args)
e = OSError(errno.ENOENT, "missing", "f.txt")
print(type(e).__name__, e, e.filename, e.args)
print(type(OSError("just text")).__name__, type(OSError()).__name__, type(OSError(2)).__name__)


class Mine(OSError):
    pass


print(type(Mine(errno.ENOENT, "x")).__name__, type(FileNotFoundError(errno.EPIPE, "x")).__name__)
try:
    raise OSError(errno.EPIPE, "pipe")
except BrokenPipeError as e:
    print("caught", type(e).__name__, e)
