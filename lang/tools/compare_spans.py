"""Compare node positions with CPython's; prints the first differing node per file."""
import re, subprocess, sys
tot = bad = 0
for f in sys.argv[1:]:
    a = subprocess.run([sys.executable, "tools/cpy_dump.py", "--spans", f], capture_output=True, text=True).stdout
    b = subprocess.run(["target/debug/examples/towel_parse", "--spans", f], capture_output=True, text=True).stdout
    tot += 1
    if a != b:
        bad += 1
        # find first differing position token
        ta = re.findall(r"@\d+:\d+-\d+:\d+", a); tb = re.findall(r"@\d+:\d+-\d+:\d+", b)
        for i, (x, y) in enumerate(zip(ta, tb)):
            if x != y:
                # show context
                ia = [m.start() for m in re.finditer(r"@\d+:\d+-\d+:\d+", a)][i]
                print("%s: cpy %s ours %s  ...%s" % (f, x, y, a[max(0, ia-150):ia]))
                break
        else:
            print("%s: structure differs" % f)
print(tot, "files", bad, "differ")
