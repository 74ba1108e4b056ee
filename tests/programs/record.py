#!/usr/bin/env python3.11
"""Records CPython 3.11's behaviour for each case in tests/programs/.

A case is a folder (`tests/programs/NAME/`) holding the program's files and:
  args      the command line after the interpreter, one argument per line
            (default: main.py)
  env       KEY=VALUE lines added to the environment (optional)
  stdin     what the program reads from standard input (optional)
This writes beside them what CPython did, which tests/programs.rs holds
towel to: expected.out (stdout), expected.exit (the status, when not 0) and
expected.err (the last non-empty line of stderr, when there is one).

The case runs in its own folder with the PYTHON* variables of the caller's
environment removed (PYTHONDONTWRITEBYTECODE=1 is set, so no __pycache__ is
left behind). In what is recorded, the case folder's absolute path reads
<case> and the interpreter's path reads <interpreter>, so recordings hold
wherever the repository is and whichever interpreter runs them.

Usage: tests/programs/record.py [NAME ...]   (default: every case)
"""

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = "/usr/bin/python3.11"


def read_lines(path):
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.rstrip("\n")]


def normalise(text, case_dir):
    # Longest first: the interpreter may live under the case folder's parents.
    for path, name in sorted([(case_dir, "<case>"), (PYTHON, "<interpreter>")], key=lambda p: -len(p[0])):
        text = text.replace(path, name)
    return text


def record(name):
    case_dir = os.path.join(HERE, name)
    args = read_lines(os.path.join(case_dir, "args")) or ["main.py"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    for line in read_lines(os.path.join(case_dir, "env")) or []:
        key, _, value = line.partition("=")
        env[key] = value
    stdin_path = os.path.join(case_dir, "stdin")
    stdin = open(stdin_path, "rb").read() if os.path.exists(stdin_path) else b""
    result = subprocess.run([PYTHON, *args], cwd=case_dir, env=env, input=stdin, capture_output=True, timeout=60)
    out = normalise(result.stdout.decode("utf-8", "replace"), case_dir)
    err = normalise(result.stderr.decode("utf-8", "replace"), case_dir)
    with open(os.path.join(case_dir, "expected.out"), "w", encoding="utf-8") as f:
        f.write(out)
    for suffix, content in [("exit", str(result.returncode) + "\n" if result.returncode else None),
                            ("err", next((l.strip() + "\n" for l in reversed(err.splitlines()) if l.strip()), None))]:
        path = os.path.join(case_dir, "expected." + suffix)
        if content is None:
            if os.path.exists(path):
                os.remove(path)
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(content)
    print(f"{name}: exit {result.returncode}")


def main():
    names = sys.argv[1:] or sorted(n for n in os.listdir(HERE) if os.path.isdir(os.path.join(HERE, n)))
    for name in names:
        record(name.rstrip("/"))


if __name__ == "__main__":
    main()
