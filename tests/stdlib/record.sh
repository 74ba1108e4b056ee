#!/bin/sh
# Records CPython 3.11's output for each stdlib test script (NAME.py -> NAME.out,
# and NAME.stderr and NAME.exit too for scripts that have them: those compare
# all of stderr, and the exit status).
# Run from anywhere: `tests/stdlib/record.sh [NAME.py ...]`.
set -eu
cd "$(dirname "$0")"
[ $# -gt 0 ] || set -- *.py
for f in "$@"; do
    err=/dev/stderr
    [ -e "${f%.py}.stderr" ] && err="${f%.py}.stderr"
    status=0
    PYTHONHASHSEED=0 python3 "$f" > "${f%.py}.out" 2> "$err" || status=$?
    if [ -e "${f%.py}.exit" ]; then
        echo "$status" > "${f%.py}.exit"
    elif [ "$status" != 0 ]; then
        echo "$f: exit status $status (create ${f%.py}.exit to record it)" >&2
    fi
done
