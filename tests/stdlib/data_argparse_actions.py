# argparse: every built-in action and a custom Action subclass, defaults
# (argument_default, set_defaults, string defaults run through type=), the
# action reprs, FileType, Namespace, and the errors parsing reports on stderr.
import argparse, contextlib, io, os, sys
os.environ["COLUMNS"] = "80"

def run(parser, args, method="parse_args", ns=None):
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err):
            print(" ", args, "->", getattr(parser, method)(args, ns))
    except SystemExit as e:
        print(" ", args, "-> exit", e.code, repr(err.getvalue()))
    except argparse.ArgumentError as e:
        print(" ", args, "-> ArgumentError", repr(e.argument_name), repr(e.message), str(e))

class Upper(argparse.Action):
    def __init__(self, option_strings, dest, nargs=None, **kwargs):
        print("Upper init", option_strings, dest, nargs, sorted(kwargs))
        super().__init__(option_strings, dest, nargs=nargs, **kwargs)
    def __call__(self, parser, namespace, values, option_string=None):
        print("Upper call", repr(values), option_string, parser.prog)
        setattr(namespace, self.dest, [v.upper() for v in values] if isinstance(values, list) else values.upper())

p = argparse.ArgumentParser(prog="acts", argument_default=None)
acts = [
    p.add_argument("--store", "-s", type=int, choices=range(10), metavar="N", help="a number"),
    p.add_argument("--const", action="store_const", const="K", default="none"),
    p.add_argument("--yes", action="store_true"),
    p.add_argument("--no", action="store_false", dest="enabled"),
    p.add_argument("--app", action="append", default=["seed"]),
    p.add_argument("--appc", action="append_const", const=1, dest="appc"),
    p.add_argument("--appc2", action="append_const", const=2, dest="appc"),
    p.add_argument("--count", "-c", action="count"),
    p.add_argument("--ext", action="extend", nargs="+", type=int),
    p.add_argument("--bool", action=argparse.BooleanOptionalAction, default=False, help="on or off"),
    p.add_argument("--up", action=Upper, nargs="*"),
    p.add_argument("--up1", action=Upper),
    p.add_argument("--version", action="version", version="1.0"),
    p.add_argument("--file", type=argparse.FileType("r")),
    p.add_argument("--wfile", type=argparse.FileType("w", encoding="utf-8")),
    p.add_argument("pos", nargs="?", default="7", type=int),
]
for a in acts:
    print(repr(a))
print(repr(p))
for line in ["", "--store 3 -s4", "--const --yes --no", "--app a --app b", "--appc --appc2 --appc", "-ccc --count",
             "--ext 1 2 --ext 3", "--bool", "--no-bool", "--up a b", "--up1 x", "--up", "--store 11", "--store x",
             "--ext 1 x", "--file /nonexistent/dir/f", "--file -", "9", "x", "--app", "--no-b", "--yes=1", "-cc5"]:
    run(p, line.split())
ns = argparse.Namespace(app=["given"], count=5, other=1)
run(p, ["--app", "z", "-c"], ns=ns)
print("namespace untouched?", ns)
print("default list untouched", acts[4].default)

# set_defaults / get_default / argument_default
p = argparse.ArgumentParser(prog="defs", argument_default=argparse.SUPPRESS)
p.add_argument("--a"); p.add_argument("--b", default="B"); p.add_argument("c", nargs="?")
p.set_defaults(b="override", func=len, extra=3)
run(p, []); run(p, ["--a", "1", "cc"])
print(p.get_default("b"), p.get_default("func"), p.get_default("a"), p.get_default("zzz"))
p = argparse.ArgumentParser(prog="defs2", argument_default=42); p.add_argument("--x"); p.add_argument("--y", type=int, default="12"); run(p, []); run(p, ["--y", "3"])
p.set_defaults(x="later"); run(p, [])

# type errors, ArgumentTypeError, custom callables
def even(s):
    n = int(s)
    if n % 2:
        raise argparse.ArgumentTypeError("%d is odd" % n)
    return n
class Pointy:
    def __repr__(self):
        return "Pointy()"
    def __call__(self, s):
        raise ValueError("nope")
p = argparse.ArgumentParser(prog="types")
p.add_argument("--even", type=even); p.add_argument("--pointy", type=Pointy()); p.add_argument("--cplx", type=complex)
p.add_argument("--lambda", type=lambda s: int(s) * 2, dest="lam"); p.add_argument("--keyerr", type=lambda s: {}[s])
p.register("type", "hexint", lambda s: int(s, 16)); p.add_argument("--hex", type="hexint")
for line in ["--even 4", "--even 3", "--even x", "--pointy p", "--cplx 1+2j", "--cplx zz", "--lambda 4", "--lambda q", "--hex ff", "--hex zz"]:
    run(p, line.split())
try:
    run(p, ["--keyerr", "k"])
except KeyError as e:
    print("KeyError", e)

# exit_on_error=False: ArgumentErrors propagate, other errors still exit
p = argparse.ArgumentParser(prog="noexit", exit_on_error=False)
p.add_argument("--n", type=int); p.add_argument("--c", choices="ab"); p.add_argument("req")
g = p.add_mutually_exclusive_group(); g.add_argument("--x", action="store_true"); g.add_argument("--y", action="store_true")
for line in ["--n x r", "--c z r", "--n", "--x --y r", "", "r extra", "--zz r"]:
    run(p, line.split())

# error(), exit(), print_usage() to a file, messages
p = argparse.ArgumentParser(prog="errs")
out = io.StringIO(); p.print_usage(out); p.print_help(out); print(repr(out.getvalue()))
for call in [lambda: p.error("custom problem"), lambda: p.exit(), lambda: p.exit(3, "bye\n"), lambda: p.exit(0, ""),
             lambda: p.add_subparsers() and p.add_subparsers()]:
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err):
            call()
    except SystemExit as e:
        print("exit", e.code, repr(err.getvalue()))
e = argparse.ArgumentError(None, "plain"); print(str(e), e.argument_name, e.message)
e = argparse.ArgumentError(acts[0], "with arg"); print(str(e), e.argument_name)
print(isinstance(argparse.ArgumentTypeError("m"), Exception), str(argparse.ArgumentTypeError("m")))
try:
    argparse.Action(["--q"], "q")(None, None, None)
except NotImplementedError as e:
    print("NotImplementedError", e)
print(argparse.Action(["--q"], "q").format_usage())

# Namespace
n = argparse.Namespace(b=2, a=1, **{"with-dash": 3})
print(n, "a" in n, "zz" in n, n == argparse.Namespace(b=2, a=1, **{"with-dash": 3}), n != argparse.Namespace(), n == 5)
print(vars(argparse.Namespace(x=1)), argparse.Namespace())
try:
    hash(n)
except TypeError as e:
    print("TypeError", e)
# FileType
path = "/tmp/argparse_ft_%d.txt" % os.getpid()
with open(path, "w") as f:
    f.write("hello\n")
p = argparse.ArgumentParser(prog="ft"); p.add_argument("f", type=argparse.FileType("rb")); p.add_argument("--w", type=argparse.FileType("a"))
ns = p.parse_args([path]); print(ns.f.read()); ns.f.close()
p2 = argparse.ArgumentParser(prog="ft2"); p2.add_argument("f", type=argparse.FileType()); p2.add_argument("--w", type=argparse.FileType("a"))
ns = p2.parse_args(["-", "--w", "-"]); print(ns.f is sys.stdin, ns.w is sys.stdout)
os.remove(path)
for ft in [argparse.FileType(), argparse.FileType("wb", 0), argparse.FileType("r", -1, "latin-1", "strict")]:
    print(repr(ft))
try:
    argparse.FileType("q")("-")
except ValueError as e:
    print("ValueError", e)
