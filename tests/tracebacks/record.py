"""Records CPython's results for the traceback scripts beside this file.

Usage: /usr/bin/python3.11 tests/tracebacks/record.py

Recorded with CPython 3.11.2, whose C traceback printer towel follows; later
3.11 releases changed the caret line (display width of wide characters,
anchors skipping ')' after the left operand), so record with 3.11.2.

For each NAME.py, run from this directory with its bare file name:
NAME.out (stdout),
NAME.stderr (the whole of stderr, traceback and all) and, when the exit code
is not 0, NAME.exit. `tests/tracebacks.rs` runs towel on the scripts and
compares all three byte for byte.
"""
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
assert sys.version_info[:2] == (3, 11), "record with CPython 3.11"
for name in sorted(f for f in os.listdir(here) if f.endswith(".py") and f != "record.py"):
    stem = name[:-3]
    proc = subprocess.run(
        [sys.executable, name],
        cwd=here,
        capture_output=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    with open(os.path.join(here, stem + ".out"), "wb") as f:
        f.write(proc.stdout)
    # CPython 3.11 (and towel) name the main script by its absolute path.
    # Drop the directory so the recording is portable; tests/tracebacks.rs
    # (through tests/common) drops it from towel's stderr too.
    stderr = proc.stderr.replace((here + os.sep).encode(), b"")
    with open(os.path.join(here, stem + ".stderr"), "wb") as f:
        f.write(stderr)
    exit_path = os.path.join(here, stem + ".exit")
    if os.path.exists(exit_path):
        os.remove(exit_path)
    if proc.returncode != 0:
        with open(exit_path, "w") as f:
            f.write(f"{proc.returncode}\n")
    print(f"{stem}: exit {proc.returncode}")
