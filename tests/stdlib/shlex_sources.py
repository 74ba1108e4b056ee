# shlex's class in detail: its attributes, pushed tokens, pushed and
# popped sources, file inclusion through `source` and sourcehook, the
# debug trace, error_leader, and quote's errors.
import contextlib
import io
import os
import re
import shlex
import tempfile

for args in ((), ("a b",), ("a b", None, True), ("a b", "f.txt", False, True),
             ("a b", None, True, "|;"), ("x", None, False, ["|", "&"]), ("x", None, False, 0)):
    lex = shlex.shlex(*args)
    state = {k: v for k, v in vars(lex).items() if k not in ("instream",)}
    print(args, state)
    print("  ", lex.punctuation_chars, type(lex.instream).__name__)

lex = shlex.shlex("one two three")
lex.push_token("zero")
lex.push_token("minus")
print([lex.get_token() for _ in range(6)])

# Sources pushed by hand: read to their end, then back.
lex = shlex.shlex("outer1 outer2", posix=True)
print(lex.get_token())
lex.push_source("inner1 inner2", "inner.txt")
print(lex.infile, lex.lineno, lex.get_token(), lex.infile)
lex.push_source(io.StringIO("s1\ns2 s3"))
print(lex.get_token(), lex.get_token(), lex.lineno, lex.infile)
lex.pop_source()
print(lex.lineno, lex.infile, lex.get_token(), lex.get_token(), repr(lex.get_token()))
# A source pushed after the end was reached is not read: the state stays.
lex.push_source("late")
print(repr(lex.get_token()), len(lex.filestack))

# Inclusion: `source NAME` reads the named file in place.
folder = tempfile.mkdtemp()
sub = os.path.join(folder, "sub")
os.mkdir(sub)
with open(os.path.join(folder, "main.conf"), "w") as f:
    f.write("alpha\nsource \"sub/inner.conf\"\nomega\n")
with open(os.path.join(sub, "inner.conf"), "w") as f:
    f.write("beta source \"deeper.conf\" gamma\n")
with open(os.path.join(sub, "deeper.conf"), "w") as f:
    f.write("delta\n")
path = os.path.join(folder, "main.conf")
with open(path) as stream:
    lex = shlex.shlex(stream, path)
    lex.source = "source"
    tokens = []
    for token in lex:
        tokens.append((token, lex.lineno, lex.error_leader().replace(folder, "<dir>")))
print(tokens)


class Hooked(shlex.shlex):
    def sourcehook(self, newfile):
        print("sourcehook", repr(newfile))
        if newfile == "skip":
            return None
        return ("virtual-" + newfile, io.StringIO("from " + newfile))


lex = Hooked("a include one b include skip c", posix=True)
lex.source = "include"
print(list(lex))

print(shlex.shlex("x").error_leader(), shlex.shlex("x", "name.cfg").error_leader())
print(shlex.shlex("x").error_leader("other", 7))

# The debug trace at each level (stream addresses masked).
for level in (1, 2, 3):
    print("-- debug", level)
    trace = io.StringIO()
    with contextlib.redirect_stdout(trace):
        lex = shlex.shlex("ab 'c d' e|f", posix=True)
        lex.debug = level
        lex.push_token("pushed")
        tokens = list(lex)
        lex = shlex.shlex("x")
        lex.debug = level
        lex.push_source("y", "file-y")
        lex.push_source(io.StringIO("z"))
        tokens += [lex.get_token(), lex.get_token(), lex.get_token(), lex.get_token()]
    print(re.sub(" at 0x[0-9a-f]+", "", trace.getvalue()), end="")
    print(tokens)

for value in (5, b"a b", bytearray(b"x"), None, 0, [], "a b", "ab", "\xe9", "it's", "-x=1"):
    try:
        print(repr(value), repr(shlex.quote(value)))
    except TypeError as e:
        print(repr(value), "TypeError:", e)
print(shlex.split("a 'b c' # not a comment"), shlex.split("a # comment\nb", comments=True))
print(shlex.join(["echo", "a b", "", "$x"]))
