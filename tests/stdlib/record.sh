#!/bin/sh
# Records CPython 3.11's output for each stdlib test script (NAME.py -> NAME.out,
# and NAME.stderr too for scripts that have one: those compare all of stderr).
# Run from anywhere: `tests/stdlib/record.sh [NAME.py ...]`.
set -eu
cd "$(dirname "$0")"
[ $# -gt 0 ] || set -- *.py
for f in "$@"; do
    if [ -e "${f%.py}.stderr" ]; then
        PYTHONHASHSEED=0 python3 "$f" > "${f%.py}.out" 2> "${f%.py}.stderr"
    else
        PYTHONHASHSEED=0 python3 "$f" > "${f%.py}.out"
    fi
done
