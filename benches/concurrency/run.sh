#!/bin/sh
# Runs each concurrency benchmark under CPython 3.11 and the towel given.
# Usage: benches/concurrency/run.sh TOWEL_BINARY
set -eu
towel=${1:?usage: run.sh TOWEL_BINARY}
cd "$(dirname "$0")"
for script in *.py; do
    for py in /usr/bin/python3.11 "$towel"; do
        echo "== $script under $py"
        "$py" "$script"
    done
done
