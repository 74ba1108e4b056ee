"""Records CPython's SyntaxError for each tests/syntax_errors/*.py in
tests/syntax_errors/expected.txt as file|class|msg|lineno|offset|end_lineno|end_offset."""
import os, sys, warnings
warnings.simplefilter("ignore")
here = os.path.dirname(os.path.abspath(__file__))
d = os.path.join(here, "..", "tests", "syntax_errors")
lines = []
for name in sorted(x for x in os.listdir(d) if x.endswith(".py")):
    src = open(os.path.join(d, name), newline="").read()
    try:
        compile(src, name, "exec")
        raise SystemExit("%s compiles" % name)
    except SyntaxError as e:
        msg = e.msg.replace("|", "\\x7c").replace("\n", "\\n")
        lines.append("%s|%s|%s|%s|%s|%s|%s" % (name, type(e).__name__, msg, e.lineno, e.offset, e.end_lineno, e.end_offset))
open(os.path.join(d, "expected.txt"), "w").write("\n".join(lines) + "\n")
print(len(lines), "recorded with", sys.version.split()[0])
