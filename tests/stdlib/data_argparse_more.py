# argparse: subparsers, mutually exclusive and argument groups, parents, the
# formatter classes, usage wrapping at several COLUMNS widths, prefix_chars,
# negative numbers, parse_known_args, intermixed parsing, conflict handling,
# add_argument's errors, exit_on_error, type errors, version, fromfile.
import argparse, sys, os
def run(parser, args, known=False, intermixed=False):
    try:
        if intermixed:
            ns = parser.parse_intermixed_args(args)
        elif known:
            ns = parser.parse_known_args(args)
        else:
            ns = parser.parse_args(args)
        print("OK", ns)
    except SystemExit as e:
        print("exit", e.code)
    except argparse.ArgumentError as e:
        print("ArgumentError", e)
    except Exception as e:
        print(type(e).__name__, e)
# subparsers
p = argparse.ArgumentParser(prog="git")
p.add_argument("--debug", action="store_true")
sub = p.add_subparsers(dest="command", help="sub-command help", title="commands", description="valid commands")
c = sub.add_parser("commit", help="record changes", aliases=["ci"])
c.add_argument("-m", "--message", required=True)
c.add_argument("--amend", action="store_true")
pu = sub.add_parser("push", help="update remote")
pu.add_argument("remote", nargs="?", default="origin")
pu.add_argument("branch", nargs="*")
st = sub.add_parser("status")
sys.stdout.write(p.format_help()); sys.stdout.write(c.format_help()); sys.stdout.write(pu.format_help())
for args in [["commit", "-m", "msg"], ["ci", "-m", "x", "--amend"], ["--debug", "push"], ["push", "up", "main", "dev"], ["commit"], ["nope"], [], ["status", "extra"]]:
    print(args); run(p, args)
sub.required = True; run(p, [])
# mutually exclusive
p = argparse.ArgumentParser(prog="mx")
g = p.add_mutually_exclusive_group(required=True)
g.add_argument("--foo", action="store_true"); g.add_argument("--bar", type=int); g.add_argument("--baz", help=argparse.SUPPRESS)
g2 = p.add_mutually_exclusive_group()
g2.add_argument("-a", action="store_const", const=1); g2.add_argument("-b", action="store_const", const=2)
p.add_argument("pos", nargs="?")
sys.stdout.write(p.format_help())
for args in [["--foo"], ["--bar", "3"], ["--foo", "--bar", "1"], [], ["--foo", "-a", "-b"], ["--foo", "-a"]]:
    print(args); run(p, args)
# argument groups and parents
parent = argparse.ArgumentParser(add_help=False)
parent.add_argument("--config", help="config file")
pg = parent.add_argument_group("shared", "options shared by all tools")
pg.add_argument("--color", choices=["auto", "never", "always"], default="auto")
child = argparse.ArgumentParser(prog="child", parents=[parent], formatter_class=argparse.ArgumentDefaultsHelpFormatter)
grp = child.add_argument_group("input", "where data comes from")
grp.add_argument("--src", default="-", help="source")
grp.add_argument("n", type=int, nargs="?", default=3, help="count")
child.add_argument("--flag", action="store_true", help="a flag")
child.set_defaults(extra="yes")
sys.stdout.write(child.format_help())
run(child, ["5", "--color", "never"]); run(child, ["--color", "red"])
print(child.get_default("extra"), child.get_default("src"), child.get_default("nope"))
# raw formatters
raw = argparse.ArgumentParser(prog="raw", description="line one\n   indented line\n\nparagraph", formatter_class=argparse.RawTextHelpFormatter)
raw.add_argument("--x", help="keep\n  these\nlines")
sys.stdout.write(raw.format_help())
rd = argparse.ArgumentParser(prog="rd", description="  kept  as\nis", epilog="epi   log", formatter_class=argparse.RawDescriptionHelpFormatter)
rd.add_argument("--y", help="wrapped    normally   here")
sys.stdout.write(rd.format_help())
mt = argparse.ArgumentParser(prog="mt", formatter_class=argparse.MetavarTypeHelpFormatter)
mt.add_argument("--n", type=int); mt.add_argument("s", type=str)
sys.stdout.write(mt.format_help())
# widths
for cols in ["40", "60", "100", "20"]:
    os.environ["COLUMNS"] = cols
    w = argparse.ArgumentParser(prog="a-program-with-a-rather-long-name", description="Some description text that is long enough to need wrapping at narrow widths of the terminal.")
    w.add_argument("--alpha", metavar="ALPHA_VALUE", help="the alpha value used for blending the foreground and background layers")
    w.add_argument("--beta", nargs=3, help="three betas")
    w.add_argument("--a-very-long-option-name-indeed", action="store_true", help="short help")
    w.add_argument("inputs", nargs="+", metavar="INPUT_FILE")
    w.add_argument("output")
    sys.stdout.write(w.format_help())
del os.environ["COLUMNS"]
# misc parsing
p = argparse.ArgumentParser(prog="misc", prefix_chars="-+", allow_abbrev=False, exit_on_error=False)
p.add_argument("+x", action="store_true"); p.add_argument("--long-opt"); p.add_argument("-1", dest="one", action="store_true"); p.add_argument("rest", nargs=argparse.REMAINDER)
sys.stdout.write(p.format_help())
for args in [["+x", "a", "-b", "--c"], ["--long", "v"], ["-1", "r"], ["--long-opt", "v", "z"]]:
    print(args); run(p, args)
neg = argparse.ArgumentParser(prog="neg"); neg.add_argument("n", type=float); neg.add_argument("-k", type=int)
for args in [["-5"], ["-k", "-3", "-2.5"], ["--", "-1"], ["-x"]]:
    print(args); run(neg, args)
kn = argparse.ArgumentParser(prog="kn"); kn.add_argument("--a"); kn.add_argument("p")
run(kn, ["x", "--b", "1", "--a", "2", "y"], known=True)
im = argparse.ArgumentParser(prog="im"); im.add_argument("--foo"); im.add_argument("cmd"); im.add_argument("rest", nargs="*", type=int)
run(im, "doit 1 --foo bar 2 3".split(), intermixed=True); run(im, "doit 1 --foo bar 2 3".split())
cr = argparse.ArgumentParser(prog="cr", conflict_handler="resolve"); cr.add_argument("-f", "--foo", help="old"); cr.add_argument("--foo", help="new")
sys.stdout.write(cr.format_help())
for bad in [lambda: argparse.ArgumentParser().add_argument("--a", nargs=2, metavar=("X",)), lambda: argparse.ArgumentParser().add_argument("x", required=True),
            lambda: argparse.ArgumentParser().add_argument("--a", action="store", nargs=0), lambda: argparse.ArgumentParser().add_argument("bad", dest="x"),
            lambda: argparse.ArgumentParser().add_argument("--a", action="nope"), lambda: argparse.ArgumentParser().add_argument("--a", type="int"),
            lambda: argparse.ArgumentParser().add_argument("--h"), lambda: argparse.ArgumentParser().add_argument("-h"),
            lambda: argparse.ArgumentParser().add_argument("--a", type=argparse.FileType), lambda: argparse.ArgumentParser(conflict_handler="x"),
            lambda: argparse.ArgumentParser().add_argument("-"), lambda: argparse.ArgumentParser().add_argument("x", "y"), lambda: argparse.ArgumentParser().add_argument("--a", const=1)]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
e = argparse.ArgumentParser(prog="e", exit_on_error=False); e.add_argument("--n", type=int); e.add_argument("req")
run(e, ["--n", "x", "r"]); run(e, [])
print(argparse.Namespace(a=1, b="x"), argparse.Namespace(a=1) == argparse.Namespace(a=1), "a" in argparse.Namespace(a=1), argparse.FileType("w", encoding="utf-8"), argparse.FileType())
def positive(s):
    v = int(s)
    if v <= 0: raise argparse.ArgumentTypeError("%r is not positive" % s)
    return v
t = argparse.ArgumentParser(prog="t"); t.add_argument("n", type=positive); t.add_argument("--s", type=str.upper)
run(t, ["0"]); run(t, ["4", "--s", "abc"])
v = argparse.ArgumentParser(prog="v", usage="%(prog)s [opts] thing"); v.add_argument("--version", action="version", version="v 2.0"); v.add_argument("thing")
sys.stdout.write(v.format_help()); run(v, ["--version"])
h = argparse.ArgumentParser(prog="h"); h.add_argument("--x", help="%(prog)s uses %(default)s of %(type)s, dest %(dest)s", default=5, type=int)
run(h, ["-h"])
ff = argparse.ArgumentParser(prog="ff", fromfile_prefix_chars="@"); ff.add_argument("--a"); ff.add_argument("b")
path = "/tmp/argparse_fromfile_%d.txt" % os.getpid()
with open(path, "w") as f: f.write("--a\nfromfile\npositional\n")
run(ff, ["@" + path]); os.remove(path)
run(ff, ["@/nonexistent/file"])
