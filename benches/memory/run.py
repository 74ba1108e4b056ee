#!/usr/bin/env python3
"""Memory benchmarks: peak RSS and time of cycle-heavy and task-churn scripts
at a base size and at ten times that size, under several interpreters.

usage: benches/memory/run.py [--runs N] [--only NAMES] NAME=COMMAND ...
  e.g. benches/memory/run.py cpython=python3.11 towel=target/release/towel

For each script it prints, per interpreter, the median CPU time and the
largest peak RSS at 1x and 10x the work, then two checks against the first
interpreter (CPython): RSS at 10x within 2x of its RSS ("rss<=2x"), and RSS
growing by less than 1.5x from 1x to 10x ("flat"). Every interpreter must
print the same last line (a checksum of the work done).
"""
import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Script -> the work at 1x (its first argument).
SIZES = {
    "cycles": 100_000,
    "graph": 1_000,
    "tasks": 20_000,
    "task_mix": 20_000,
    "gather": 20_000,
}


def run_once(argv):
    """(cpu seconds, peak RSS in MB, last stdout line), or raises on failure."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        out.seek(0)
        err.seek(0)
        if os.waitstatus_to_exitcode(status) != 0:
            tail = err.read().decode(errors="replace").strip().splitlines()[-1:]
            raise RuntimeError(f"{argv}: {tail}")
        lines = [l for l in out.read().decode().splitlines() if l.strip()]
        return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, lines[-1] if lines else ""


def measure(command, script, size, runs):
    times, rss, last = [], [], None
    for _ in range(runs):
        t, m, line = run_once(shlex.split(command) + [str(HERE / f"{script}.py"), str(size)])
        times.append(t)
        rss.append(m)
        last = line
    return statistics.median(times), max(rss), last


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", help="comma-separated script names")
    ap.add_argument("interpreters", nargs="+", metavar="NAME=COMMAND")
    args = ap.parse_args()
    interps = [i.split("=", 1) for i in args.interpreters]
    scripts = args.only.split(",") if args.only else list(SIZES)
    header = f"{'script':<10} {'interp':<10} {'cpu 1x':>8} {'rss 1x':>8} {'cpu 10x':>8} {'rss 10x':>8}  checks"
    print(header)
    print("-" * len(header))
    failed = False
    for script in scripts:
        base = None
        for name, command in interps:
            small = measure(command, script, SIZES[script], args.runs)
            large = measure(command, script, SIZES[script] * 10, args.runs)
            checks = []
            if base is None:
                base = (small, large)
            else:
                if small[2] != base[0][2] or large[2] != base[1][2]:
                    checks.append("OUTPUT DIFFERS")
                    failed = True
                checks.append("rss<=2x" if large[1] <= 2 * base[1][1] else "RSS>2x")
                checks.append("time<=1x" if large[0] <= base[1][0] else "time>1x")
            checks.append("flat" if large[1] <= 1.5 * small[1] else "GROWS")
            print(
                f"{script:<10} {name:<10} {small[0]:>7.2f}s {small[1]:>6.1f}MB "
                f"{large[0]:>7.2f}s {large[1]:>6.1f}MB  {' '.join(checks)}"
            )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
