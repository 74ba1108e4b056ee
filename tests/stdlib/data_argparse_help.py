# argparse: the help layout at several widths: usage wrapping (short and long
# prog names, optionals then positionals), mutually exclusive groups in the
# usage, long invocations, help position, argument groups with descriptions,
# sub-commands with aliases, every formatter class, %-expansion in help.
import argparse, os, sys

def show(p):
    sys.stdout.write(p.format_usage())
    print("----")
    sys.stdout.write(p.format_help())
    print("====")

def big(prog):
    p = argparse.ArgumentParser(prog=prog, description="Frobnicate the widgets. " * 6, epilog="Report bugs to nobody; " * 4)
    p.add_argument("-v", "--verbose", action="count", default=0, help="increase verbosity (repeatable)")
    p.add_argument("--output-directory", "-O", metavar="DIR", help="where the results go, created when missing")
    p.add_argument("--mode", choices=["fast", "careful", "paranoid"], default="fast", help="how hard to try: %(choices)s; default %(default)s")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--color", action="store_true", help="force colour")
    g.add_argument("--no-color", action="store_true", help="never colour")
    p.add_argument("--pair", nargs=2, metavar=("KEY", "VALUE"))
    p.add_argument("--maybe", nargs="?", const=1, type=int)
    p.add_argument("--many", nargs="*", metavar=("M", "MORE"))
    p.add_argument("--some", nargs="+")
    p.add_argument("--required-thing", required=True, help="you must say this")
    p.add_argument("source", help="the input")
    p.add_argument("targets", nargs="+", metavar="TARGET", help="outputs")
    p.add_argument("extra", nargs="*")
    p.add_argument("last", nargs="?", default="end")
    return p

for cols in ["80", "120", "50", "30", "10"]:
    os.environ["COLUMNS"] = cols
    print("COLUMNS", cols)
    show(big("prog"))
    show(big("a-quite-long-program-name-that-takes-most-of-the-line"))
os.environ["COLUMNS"] = "80"

# groups in usage
p = argparse.ArgumentParser(prog="grp")
g = p.add_mutually_exclusive_group(required=True)
g.add_argument("--one", action="store_true"); g.add_argument("--two", metavar="T"); g.add_argument("--hidden", help=argparse.SUPPRESS)
p.add_argument("--solo-in-middle")
k = p.add_mutually_exclusive_group()
k.add_argument("--k1", action="store_const", const=1); k.add_argument("pos", nargs="?")
r = p.add_mutually_exclusive_group(required=True); r.add_argument("--only", nargs="*")
show(p)
p = argparse.ArgumentParser(prog="hid")
h = p.add_mutually_exclusive_group()
h.add_argument("--x", help=argparse.SUPPRESS); h.add_argument("--y", help=argparse.SUPPRESS)
p.add_argument("z")
show(p)
apart = argparse.ArgumentParser(prog="apart")
m = apart.add_mutually_exclusive_group(); m.add_argument("--a"); apart.add_argument("--between"); m.add_argument("--b")
show(apart)
empty = argparse.ArgumentParser(prog="empty"); empty.add_mutually_exclusive_group(); empty.add_argument("x")
try:
    empty.format_usage()
except ValueError as e:
    print("ValueError", str(e).split(" <")[0])

# argument groups, descriptions, long invocations, custom formatter settings
p = argparse.ArgumentParser(prog="groups", description="%(prog)s does grouped things", add_help=False,
                            formatter_class=lambda prog: argparse.HelpFormatter(prog, max_help_position=40, width=70))
a = p.add_argument_group("input options", "Options that control where the input comes from and how it is read.")
a.add_argument("--input-file-with-a-long-name", metavar="PATH", help="the file")
a.add_argument("-i", help="short")
b = p.add_argument_group("output")
b.add_argument("--out", help="the output; " * 8)
p.add_argument_group("empty group", "has only a description")
p.add_argument_group("nothing at all")
p.add_argument("--suppressed", help=argparse.SUPPRESS)
p.add_argument("--percent", default=10, type=int, help="%(default)s%% of %(type)s, dest %(dest)s, metavar %(metavar)s, in %(prog)s")
p.add_argument("--no-help")
p.add_argument("--blank-help", help="")
show(p)
p = argparse.ArgumentParser(prog="title", usage=argparse.SUPPRESS, epilog="")
p._optionals.title = "Options"
p.add_argument("--x", help="x")
show(p)
p = argparse.ArgumentParser(prog="custom", usage="%(prog)s [stuff] -- see below")
show(p)
p = argparse.ArgumentParser(prog="noargs", add_help=False)
show(p)

# sub-commands
p = argparse.ArgumentParser(prog="tool")
p.add_argument("--debug", action="store_true")
sp = p.add_subparsers(dest="cmd", help="the sub-command", metavar="COMMAND")
sp.add_parser("build", help="build things", aliases=["b", "mk"])
sp.add_parser("clean", help="remove things " * 6)
sp.add_parser("quiet")
show(p)
p = argparse.ArgumentParser(prog="tool2")
sp = p.add_subparsers(title="commands", description="one of these", help="what to run")
x = sp.add_parser("extract-everything-from-archive", help="long name", description="Extract all members.")
x.add_argument("archive")
sp.add_parser("ls", help="list")
show(p); show(x)
p = argparse.ArgumentParser(prog="tool3"); p.add_argument("input"); sp = p.add_subparsers()
show(sp.add_parser("run", usage="%(prog)s [options]"))
show(sp.add_parser("walk", prog="custom-walk"))

# formatter classes
text = "First line\n    indented second line\n\nparagraph   with   spaces"
for cls in [argparse.HelpFormatter, argparse.RawDescriptionHelpFormatter, argparse.RawTextHelpFormatter,
            argparse.ArgumentDefaultsHelpFormatter, argparse.MetavarTypeHelpFormatter]:
    p = argparse.ArgumentParser(prog=cls.__name__, description=text, epilog=text, formatter_class=cls)
    p.add_argument("--n", type=int, default=3, help=text)
    p.add_argument("--s", type=str, help="plain")
    p.add_argument("--d", type=float, default=argparse.SUPPRESS, help="no default shown")
    p.add_argument("--t", type=int, default=1, help="has %(default)s already")
    p.add_argument("--u", type=int, default=2)
    p.add_argument("word", type=str, nargs="?", default="w", help="a word")
    p.add_argument("nums", type=int, nargs="*", help="numbers")
    p.add_argument("req", type=int, help="required")
    show(p)

# version output is filled like text
p = argparse.ArgumentParser(prog="ver")
p.add_argument("-V", action="version", version="%(prog)s version 1.2.3 " + "with a long story " * 6)
try:
    p.parse_args(["-V"])
except SystemExit as e:
    print("exit", e.code)
try:
    p.parse_args(["-h"])
except SystemExit as e:
    print("exit", e.code)
p.print_usage(); p.print_help(sys.stdout)
print(repr(argparse.HelpFormatter("x").__class__.__name__))
