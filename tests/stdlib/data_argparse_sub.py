# argparse: sub-commands (dest, required, aliases, nested, set_defaults,
# leftovers passed up, errors from inside a sub-parser), parents, conflict
# handling, argument groups sharing the parser's options, fromfile arguments.
import argparse, contextlib, io, os, sys
os.environ["COLUMNS"] = "80"

def run(parser, args, method="parse_args"):
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err):
            print(" ", args, "->", getattr(parser, method)(args))
    except SystemExit as e:
        print(" ", args, "-> exit", e.code, repr(err.getvalue()))
    except argparse.ArgumentError as e:
        print(" ", args, "-> ArgumentError", e)

p = argparse.ArgumentParser(prog="vcs")
p.add_argument("-C", dest="dir", default=".")
sub = p.add_subparsers(dest="command", required=True, help="commands")
add = sub.add_parser("add", aliases=["a"], help="add files")
add.add_argument("paths", nargs="+")
add.add_argument("-n", "--dry-run", action="store_true")
add.set_defaults(handler="ADD")
rm = sub.add_parser("rm", help="remove files")
rm.add_argument("--cached", action="store_true")
rm.add_argument("path")
remote = sub.add_parser("remote", help="manage remotes")
rsub = remote.add_subparsers(dest="remote_command")
radd = rsub.add_parser("add"); radd.add_argument("name"); radd.add_argument("url")
rsub.add_parser("list")
print(sorted(sub.choices), sub.dest, sub.required, repr(add.prog), repr(radd.prog))
for line in ["add x y", "a -n x", "rm --cached p", "rm", "-C /tmp add q", "remote add origin http://x", "remote list",
             "remote", "remote nope", "nope", "", "add", "rm p extra", "add x --unknown", "-C", "rm p -C d", "add -h", "remote add -h"]:
    run(p, line.split())
for line in ["rm p extra --more", "add x --zz 1"]:
    run(p, line.split(), "parse_known_args")
sys.stdout.write(remote.format_help())

p = argparse.ArgumentParser(prog="opt-sub")
s = p.add_subparsers()
s.add_parser("go").add_argument("--speed", type=int, default=1)
run(p, []); run(p, ["go", "--speed", "3"]); run(p, ["go", "--speed", "fast"])
s.required = True; run(p, [])
p = argparse.ArgumentParser(prog="meta"); s = p.add_subparsers(metavar="ACTION", dest="act"); s.add_parser("x"); s.required = True
run(p, []); run(p, ["y"])
try:
    s.add_parser("x")
except argparse.ArgumentError as e:
    print("ArgumentError", e)
try:
    s.add_parser("z", aliases=["x"])
except argparse.ArgumentError as e:
    print("ArgumentError", e)

class MyParser(argparse.ArgumentParser):
    pass
p = MyParser(prog="mine"); s = p.add_subparsers(); print(type(s.add_parser("c")).__name__)
s2 = argparse.ArgumentParser(prog="pc").add_subparsers(parser_class=MyParser, prog="PROGX"); print(type(s2.add_parser("c")).__name__, s2.add_parser("d").prog)

# parents
common = argparse.ArgumentParser(add_help=False)
common.add_argument("--log", default="info")
cg = common.add_argument_group("shared", "from the parent")
cg.add_argument("--token")
mx = common.add_mutually_exclusive_group()
mx.add_argument("--json", action="store_true"); mx.add_argument("--yaml", action="store_true")
common.set_defaults(origin="parent")
child = argparse.ArgumentParser(prog="child", parents=[common], description="has a parent")
child.add_argument("item")
sys.stdout.write(child.format_help())
for line in ["x", "--json --yaml x", "--token t --log debug x"]:
    run(child, line.split())
try:
    argparse.ArgumentParser(parents=[argparse.ArgumentParser()])
except argparse.ArgumentError as e:
    print("ArgumentError", e)

# conflicts
p = argparse.ArgumentParser(prog="conf")
p.add_argument("-x", "--ex")
for names in [("-x",), ("--ex", "-y"), ("-h", "--help")]:
    try:
        p.add_argument(*names)
    except argparse.ArgumentError as e:
        print("ArgumentError", e)
p = argparse.ArgumentParser(prog="resolve", conflict_handler="resolve")
p.add_argument("-x", "--ex", help="first"); p.add_argument("-v", help="gone")
p.add_argument("-x", help="second"); p.add_argument("-v", "--verbose", help="third")
p.add_argument("-h", action="store_true", help="not help")
sys.stdout.write(p.format_help())
run(p, ["-x", "1", "--ex", "2", "-h"])
g = p.add_argument_group("g", conflict_handler="resolve"); g.add_argument("--verbose", help="fourth")
sys.stdout.write(p.format_help())

# argument groups share the parser's option table
p = argparse.ArgumentParser(prog="share")
g = p.add_argument_group("one")
g.add_argument("--a", type=int, default=1)
gm = g.add_mutually_exclusive_group(required=True)
gm.add_argument("--b", action="store_true"); gm.add_argument("--c", action="store_true")
try:
    p.add_argument("--a")
except argparse.ArgumentError as e:
    print("ArgumentError", e)
sys.stdout.write(p.format_help())
for line in ["--b", "--a 3 --c", "", "--b --c"]:
    run(p, line.split())

# fromfile
import tempfile
home = os.getcwd()
os.chdir(tempfile.mkdtemp())
d = "."
with open(d + "/outer", "w") as f:
    f.write("--name\nfrom file\n@%s/inner\n\nlast\n" % d)
with open(d + "/inner", "w") as f:
    f.write("-v\n")
class Split(argparse.ArgumentParser):
    def convert_arg_line_to_args(self, line):
        return line.split()
for cls in [argparse.ArgumentParser, Split]:
    p = cls(prog="ff", fromfile_prefix_chars="@+")
    p.add_argument("--name"); p.add_argument("-v", action="store_true"); p.add_argument("rest", nargs="*")
    run(p, ["@" + d + "/outer", "tail"])
    run(p, ["+" + d + "/inner", "@", "x"])
    run(p, ["@" + d + "/missing"])
os.remove(d + "/outer"); os.remove(d + "/inner"); here = os.getcwd(); os.chdir(home); os.rmdir(here)
