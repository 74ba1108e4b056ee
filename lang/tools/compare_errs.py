"""Compare towel's syntax errors with CPython's for snippets in JSON files."""
import json, os, subprocess, sys, tempfile
sys.path.insert(0, os.path.dirname(__file__))
from cpy_err import err

snips = []
for f in sys.argv[1:]:
    snips += json.load(open(f))
d = tempfile.mkdtemp()
paths = []
for i, s in enumerate(snips):
    p = os.path.join(d, "s%d.py" % i)
    open(p, "w", newline="").write(s)
    paths.append(p)
out = subprocess.run(["target/debug/examples/towel_parse"] + paths, capture_output=True, text=True).stdout.splitlines()
ok = 0
for s, o in zip(snips, out):
    c = err(s)
    cmp_c = c.rsplit("|", 1)[0] if c != "OK" else "OK"
    parts_c = cmp_c.split("|")
    parts_o = o.split("|")
    # compare class, msg, lineno, offset (end positions reported separately)
    if parts_c[:4] == parts_o[:4]:
        ok += 1
        if parts_c[4:6] != parts_o[4:6]:
            print("END  %r\n   cpy: %s\n   us : %s" % (s, cmp_c, o))
    else:
        print("DIFF %r\n   cpy: %s\n   us : %s" % (s, cmp_c, o))
print("%d/%d match" % (ok, len(snips)))
