# argparse: how argument strings are shared among options and positionals for
# every nargs, the '--' marker, negative numbers, abbreviations, glued short
# options and '=' values; the errors go to stderr, captured here.
import argparse, contextlib, io, os
os.environ["COLUMNS"] = "80"

def run(parser, args, method="parse_args"):
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err):
            print(" ", args, "->", getattr(parser, method)(args))
    except SystemExit as e:
        print(" ", args, "-> exit", e.code, err.getvalue().splitlines()[-1])

def parser(*specs, **kw):
    p = argparse.ArgumentParser(prog="P", **kw)
    for names, opts in specs:
        p.add_argument(*names, **opts)
    return p

lines = ["", "a", "a b", "a b c", "a b c d", "-f x", "a -f x", "a -f x b", "a b -f x c", "-f x a b",
         "-- a", "a -- b", "-- -f", "a -- -- b", "-f", "-f x y", "a --", "-- --"]
shapes = {
    "one": [(("a",), {})],
    "opt": [(("a",), {"nargs": "?"})],
    "star": [(("a",), {"nargs": "*"})],
    "plus": [(("a",), {"nargs": "+"})],
    "two": [(("a",), {"nargs": 2})],
    "one+star": [(("a",), {}), (("b",), {"nargs": "*"})],
    "opt+one": [(("a",), {"nargs": "?"}), (("b",), {})],
    "star+one": [(("a",), {"nargs": "*"}), (("b",), {})],
    "plus+plus": [(("a",), {"nargs": "+"}), (("b",), {"nargs": "+"})],
    "opt+opt": [(("a",), {"nargs": "?", "default": "D"}), (("b",), {"nargs": "?", "type": int, "default": "5"})],
    "one+rem": [(("a",), {}), (("b",), {"nargs": argparse.REMAINDER})],
    "two+star": [(("a",), {"nargs": 2}), (("b",), {"nargs": "*", "default": ["x"]})],
}
for name, specs in shapes.items():
    print(name)
    p = parser((("-f",), {}), *specs)
    for line in lines:
        run(p, line.split())

print("option nargs")
p = parser((("-a",), {"nargs": "?", "const": "C", "default": "D"}), (("-b",), {"nargs": "*"}), (("-c",), {"nargs": "+"}),
           (("-d",), {"nargs": 2}), (("-r",), {"nargs": argparse.REMAINDER}), (("-p",), {"nargs": argparse.PARSER}), (("pos",), {"nargs": "*"}))
for line in ["-a", "-a x", "-a -b", "-b", "-b x y", "-b x -- y", "-c", "-c x", "-c x y -a", "-d x", "-d x y z", "-r", "-r x -a y",
             "-r -- x", "-p x -a y", "-p", "-a=v", "-bx", "-d=x", "-c=x", "-ax", "--", "-- -a", "x -- -a -b"]:
    run(p, line.split())

print("negative numbers")
p = parser((("-n",), {"type": float}), (("x",), {"nargs": "*"}))
for line in ["-1", "-n -2", "-1.5 -n -.5", "-n", "-x", "-1e3", "-- -n"]:
    run(p, line.split())
p = parser((("-1",), {"dest": "one", "action": "store_true"}), (("x",), {"nargs": "*"}))
for line in ["-1", "-2", "x -1"]:
    run(p, line.split())

print("abbreviations and glued forms")
p = parser((("--verbose", "-v"), {"action": "count", "default": 0}), (("--verb",), {}), (("--output", "-o"), {}),
           (("--only",), {"action": "store_true"}), (("-q",), {"action": "store_true"}), (("-xy",), {"action": "store_true"}))
for line in ["--verb x", "--verbo", "--ve", "--o", "--ou f", "--out=f", "--onl", "-vvq", "-vq=1", "-ofile", "-o=file", "-qo f",
             "-xy", "-x", "-vx", "--only=1", "--output=", "-o", "--verbose=3", "- x", "-q -"]:
    run(p, line.split())
p = parser((("--verbose",), {"action": "store_true"}), (("-o",), {}), (("-q",), {"action": "store_true"}), allow_abbrev=False)
for line in ["--verb", "--verbose", "-ofile", "-qofile", "-qq"]:
    run(p, line.split())
p = parser((("+x", "++extra"), {}), (("-y",), {"action": "store_true"}), (("pos",), {"nargs": "?"}), prefix_chars="+-")
for line in ["+x 1", "++ext 2", "-y +x=3", "+", "++", "-- +x"]:
    run(p, line.split())

print("parse_known_args")
p = parser((("--a",), {}), (("b",), {}), (("c",), {"nargs": "?"}))
for line in ["x --zz y", "--a 1 x y z", "--zz=1 x", "-z x", "x y z --a 2 w"]:
    run(p, line.split(), "parse_known_args")

print("intermixed")
p = parser((("--foo",), {}), (("--bar",), {"action": "store_true"}), (("cmd",), {}), (("rest",), {"nargs": "*", "type": int}))
for line in ["doit 1 --foo bar 2 3", "--bar doit 4 5 --foo x 6", "doit --zz 1", "", "doit -- 7"]:
    run(p, line.split(), "parse_intermixed_args")
    run(p, line.split(), "parse_known_intermixed_args")
p = parser((("x",), {"nargs": "?"}), (("y",), {"nargs": 2}), (("--r",), {"required": True}))
for line in ["a --r 1 b c", "a b --r 1", "a b c"]:
    run(p, line.split(), "parse_intermixed_args")
for specs in [[(("x",), {"nargs": "..."})], [(("x",), {"nargs": "A..."})]]:
    try:
        parser(*specs).parse_intermixed_args([])
    except TypeError as e:
        print("TypeError", e)
p = argparse.ArgumentParser(prog="P"); g = p.add_mutually_exclusive_group(); g.add_argument("x", nargs="?")
try:
    p.parse_intermixed_args([])
except TypeError as e:
    print("TypeError", e)

print("flag clusters run their actions only once read whole")
class Loud(argparse.Action):
    def __call__(self, parser, ns, values, option_string=None):
        print("   called", option_string, values)
p = argparse.ArgumentParser(prog="P", exit_on_error=False)
p.add_argument("-q", action=Loud, nargs=0); p.add_argument("-v", action=Loud, nargs=0); p.add_argument("-o", action=Loud)
p.register("action", "loud", Loud); p.add_argument("--loud", action="loud", nargs="?")
for a in (["-qvz"], ["-qvo"], ["-qvofile"], ["-qv=x"], ["-q="], ["--loud"], ["--loud=1"]):
    try:
        print(" ", a, p.parse_args(a))
    except argparse.ArgumentError as e:
        print(" ", a, "ArgumentError", e)
