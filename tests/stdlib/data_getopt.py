# getopt and gnu_getopt: short and long options, prefixes, and every error.
import getopt
cases = [
    (["-a", "-b", "val", "-cval2", "file1", "-d"], "ab:c:d", []),
    (["-abfoo", "x"], "ab:", []),
    (["--help", "--out=f", "--ver", "--", "-a"], "a", ["help", "output=", "verbose"]),
    (["--out", "f", "rest"], "", ["output="]),
    (["-x"], "a", []), (["-b"], "b:", []), (["--nope"], "", ["help"]),
    (["--help=3"], "", ["help"]), (["--o"], "", ["output=", "other"]),
    (["--out"], "", ["output="]), (["-"], "a", []), (["--he"], "", "help"),
]
for args, s, l in cases:
    for f in (getopt.getopt, getopt.gnu_getopt):
        try:
            print(f.__name__, f(args, s, l))
        except getopt.GetoptError as e:
            print(f.__name__, "error:", e, repr(e.opt), repr(e.msg), e.args)
print(getopt.gnu_getopt(["a", "-x", "b", "--", "-y"], "xy"), getopt.gnu_getopt(["a", "-x"], "+x"))
print(getopt.error is getopt.GetoptError, issubclass(getopt.GetoptError, Exception))
