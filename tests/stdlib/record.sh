#!/bin/sh
# Records CPython 3.11's output for each stdlib test script (NAME.py -> NAME.out).
# Run from anywhere: `tests/stdlib/record.sh [NAME.py ...]`.
set -eu
cd "$(dirname "$0")"
[ $# -gt 0 ] || set -- *.py
for f in "$@"; do
    PYTHONHASHSEED=0 python3 "$f" > "${f%.py}.out"
done
