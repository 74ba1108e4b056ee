# argparse: help and usage layout, every action, nargs, choices, types, and the
# parse errors (stderr, exit status 2) for a parser with many options.
import argparse, sys
def run(parser, args):
    try:
        ns = parser.parse_args(args)
        print("OK", ns)
    except SystemExit as e:
        print("exit", e.code)
p = argparse.ArgumentParser(prog="tool", description="A tool that does things with files and other stuff, described at length so that the description wraps across several lines of the help output.", epilog="See the manual for more.")
p.add_argument("files", nargs="+", help="input files to process")
p.add_argument("-o", "--output", default="out.txt", help="where to write the result (default: %(default)s)")
p.add_argument("-v", "--verbose", action="count", default=0, help="more output")
p.add_argument("-q", "--quiet", action="store_true", help="less output")
p.add_argument("--level", type=int, choices=[1, 2, 3], help="the level, one of %(choices)s")
p.add_argument("--name", metavar="NAME", required=False)
p.add_argument("--pair", nargs=2, metavar=("KEY", "VALUE"), help="a key and a value")
p.add_argument("--tags", nargs="*", help="any number of tags")
p.add_argument("--opt", nargs="?", const="C", default="D")
p.add_argument("--add", action="append", type=float)
p.add_argument("--const", action="append_const", const=7, dest="consts")
p.add_argument("--version", action="version", version="%(prog)s 1.0")
p.add_argument("--secret", help=argparse.SUPPRESS)
p.add_argument("--feature", action=argparse.BooleanOptionalAction, default=True, help="toggle the feature")
p.add_argument("--ext", action="extend", nargs="+")
sys.stdout.write(p.format_help())
sys.stdout.write(p.format_usage())
print(repr(p))
for args in [["a.txt"], ["a", "b", "-vvv", "-o", "x"], ["--level", "2", "f"], ["--level", "5", "f"], ["--level", "x", "f"], [], ["f", "--pair", "k", "v", "--tags", "t1", "t2"],
             ["f", "--opt"], ["f", "--opt", "val"], ["f", "--add", "1.5", "--add", "2"], ["f", "--const", "--const"], ["f", "--no-feature"], ["f", "--ext", "a", "b", "--ext", "c"],
             ["f", "--outp", "y"], ["f", "--unknown"], ["f", "--pair", "k"], ["-o"], ["f", "-qv"], ["f", "-ofile"], ["f", "--output=o2"], ["f", "--", "-x"], ["f", "-q=1"], ["f", "--ver"], ["-", "f"]]:
    print(args); run(p, args)
print(argparse.ArgumentParser().prog)
