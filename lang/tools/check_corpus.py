"""Quick check of the corpus against the towel_parse example (the Rust test does the same)."""
import os, subprocess
d = "tests/syntax_errors"
exp = {}
for line in open(os.path.join(d, "expected.txt")):
    parts = line.rstrip("\n").split("|")
    exp[parts[0]] = parts[1:]
names = sorted(exp)
out = subprocess.run(["target/debug/examples/towel_parse"] + [os.path.join(d, n) for n in names], capture_output=True, text=True).stdout.splitlines()
ok = 0
for n, o in zip(names, out):
    e = exp[n]
    got = o.split("|")
    if got[:4] == e[:4]:
        ok += 1
    else:
        src = open(os.path.join(d, n), newline="").read()
        print("DIFF %s %r\n   cpy: %s\n   us : %s" % (n, src, "|".join(e), o))
print("%d/%d match" % (ok, len(names)))
