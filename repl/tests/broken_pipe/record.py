"""Records CPython's stderr and exit status for the scripts beside this file,
run with standard output a pipe whose reader has gone.

Usage: /usr/bin/python3.11 repl/tests/broken_pipe/record.py

Each NAME.py runs buffered (PYTHONUNBUFFERED removed from the environment);
the pipe's read end is closed before the script writes. NAME.stderr and
NAME.exit hold what CPython wrote and its exit status; `repl/tests/cli.rs`
runs towel the same way and compares.
"""
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
assert sys.version_info[:2] == (3, 11), "record with CPython 3.11"
env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
for name in sorted(f for f in os.listdir(here) if f.endswith(".py") and f != "record.py"):
    stem = name[:-3]
    proc = subprocess.Popen(
        [sys.executable, name], cwd=here, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    proc.stdout.close()
    # The main script is named by its absolute path: dropped for portability
    # (repl/tests/cli.rs drops it from towel's stderr too).
    err = proc.stderr.read().replace((here + os.sep).encode(), b"")
    status = proc.wait()
    with open(os.path.join(here, stem + ".stderr"), "wb") as f:
        f.write(err)
    with open(os.path.join(here, stem + ".exit"), "w") as f:
        f.write(f"{status}\n")
    print(f"{stem}: exit {status}")
