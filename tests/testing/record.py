#!/usr/bin/env python3
"""Records CPython 3.11's behaviour for each case in tests/testing/.

A case is a folder (`tests/testing/NAME/`) holding the program's files and
`args`, the command line after the interpreter, one argument per line
(default: main.py). This writes beside them what CPython did, which
tests/testing.rs holds towel to: expected.out (stdout), expected.err (all
of stderr) and expected.exit (the status, when not 0). The case runs in its
own folder with PYTHONHASHSEED=0 and the caller's other PYTHON* variables
removed; the case folder's path is written as <case>. Timings are recorded
as they came; the test masks them.

Usage: tests/testing/record.py [NAME ...]   (default: every case)
Recorded with `python3` (CPython 3.11.7), like tests/stdlib.
"""

import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = shutil.which("python3")


def record(name):
    case_dir = os.path.join(HERE, name)
    args_path = os.path.join(case_dir, "args")
    if os.path.exists(args_path):
        with open(args_path, encoding="utf-8") as f:
            args = [line.rstrip("\n") for line in f if line.rstrip("\n")]
    else:
        args = ["main.py"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    result = subprocess.run([PYTHON, *args], cwd=case_dir, env=env, stdin=subprocess.DEVNULL,
                            capture_output=True, timeout=120)
    for suffix, data in (("out", result.stdout), ("err", result.stderr)):
        text = data.decode("utf-8", "replace").replace(case_dir, "<case>")
        with open(os.path.join(case_dir, "expected." + suffix), "w", encoding="utf-8") as f:
            f.write(text)
    exit_path = os.path.join(case_dir, "expected.exit")
    if result.returncode:
        with open(exit_path, "w", encoding="utf-8") as f:
            f.write(f"{result.returncode}\n")
    elif os.path.exists(exit_path):
        os.remove(exit_path)
    print(f"{name}: exit {result.returncode}")


def main():
    names = sys.argv[1:] or sorted(n for n in os.listdir(HERE) if os.path.isdir(os.path.join(HERE, n)))
    for name in names:
        record(name.rstrip("/"))


if __name__ == "__main__":
    main()
