"""Writes the snippets below as tests/syntax_errors/NNN.py (run once; the
files are the corpus, and gen_corpus.py records CPython's errors for them)."""
import json, os, sys
here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "tests", "syntax_errors")
cases = []
for f in sys.argv[1:]:
    cases += json.load(open(f))
# Scope and symbol-table errors belong to the compiler: not in this corpus.
skip = ("duplicate argument", "keyword argument repeated", "outside function", "starred assignment target")
sys.path.insert(0, here)
from cpy_err import err
# Numbered after the highest existing case (the numbering has gaps).
n = max([int(x[:-3]) for x in os.listdir(out) if x.endswith(".py") and x[:-3].isdigit()] or [0])
seen = set(open(os.path.join(out, x), newline="").read() for x in os.listdir(out) if x.endswith(".py"))
for c in cases:
    r = err(c)
    if r == "OK" or any(s in r for s in skip) or c in seen:
        continue
    seen.add(c)
    n += 1
    open(os.path.join(out, "%03d.py" % n), "w", newline="").write(c)
print(n, "cases")
