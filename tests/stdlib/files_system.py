# platform, errno, stat and shutil's system queries.
import platform, errno, stat, os, shutil
print(platform.system(), platform.machine(), platform.architecture(), platform.uname().system == platform.system())
print(platform.python_version_tuple()[0], platform.node() == os.uname().nodename, platform.release() == os.uname().release)
print(errno.ENOENT, errno.errorcode[2], errno.EWOULDBLOCK == errno.EAGAIN, errno.errorcode[errno.EAGAIN], len(errno.errorcode), errno.EDEADLOCK, errno.errorcode[35])
print(sorted(name for name in dir(errno) if name.startswith("E"))[:12])
print(stat.filemode(0o100644), stat.filemode(0o40755), stat.filemode(0o104755), stat.filemode(0o120777), stat.filemode(0o1777 | stat.S_IFDIR))
print(stat.S_ISDIR(os.stat(".").st_mode), stat.S_ISREG(os.stat(".").st_mode), stat.S_IMODE(0o100644), stat.S_IFMT(0o100644) == stat.S_IFREG, stat.ST_SIZE)
usage = shutil.disk_usage(".")
print(type(usage).__name__, usage.total >= usage.used >= 0, usage.free <= usage.total, repr(usage).startswith("usage(total="))
os.environ["COLUMNS"] = "100"
os.environ["LINES"] = "40"
print(shutil.get_terminal_size(), tuple(shutil.get_terminal_size()))
