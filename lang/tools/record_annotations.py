"""Prints the string CPython stores for each annotation under `from __future__ import annotations`.

Usage: python3 tools/record_annotations.py tests/data/annotations.txt > tests/data/annotations.expected
"""
import sys
for line in open(sys.argv[1]).read().splitlines():
    ns = {}
    exec(compile("from __future__ import annotations\nx: " + line + "\n", "t.py", "exec"), ns)
    print(ns["__annotations__"]["x"])
