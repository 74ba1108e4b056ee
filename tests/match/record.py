"""Records CPython's results for the match-statement scripts beside this file.

Usage: python3 tests/match/record.py   (with python3 being CPython 3.11)

For each NAME.py: NAME.out (stdout), and when the exit code is not 0,
NAME.exit (the code) and NAME.err (the last line of stderr) -- the format of
the shared conformance cases. `tests/match_scripts.rs` runs towel on the
scripts and compares.
"""
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
assert sys.version_info[:2] == (3, 11), "record with CPython 3.11"
for name in sorted(f for f in os.listdir(here) if f.endswith(".py") and f != "record.py"):
    stem = name[:-3]
    proc = subprocess.run([sys.executable, name], cwd=here, capture_output=True)
    with open(os.path.join(here, stem + ".out"), "wb") as f:
        f.write(proc.stdout)
    for ext in (".exit", ".err"):
        path = os.path.join(here, stem + ext)
        if os.path.exists(path):
            os.remove(path)
    if proc.returncode != 0:
        with open(os.path.join(here, stem + ".exit"), "w") as f:
            f.write(f"{proc.returncode}\n")
        lines = [l for l in proc.stderr.decode("utf-8", "replace").splitlines() if l.strip()]
        with open(os.path.join(here, stem + ".err"), "w") as f:
            f.write((lines[-1].strip() if lines else "") + "\n")
    print(f"{stem}: exit {proc.returncode}")
