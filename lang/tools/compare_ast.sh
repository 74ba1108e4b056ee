#!/bin/sh
# Compares towel's tree with CPython's for each file given; prints mismatches.
BIN=target/debug/examples/towel_parse
fail=0; n=0
for f in "$@"; do
  n=$((n+1))
  a=$(python3 tools/cpy_dump.py "$f" 2>&1)
  b=$($BIN --ast "$f" 2>&1)
  if [ "$a" != "$b" ]; then
    fail=$((fail+1))
    echo "MISMATCH: $f"
  fi
done
echo "$n files, $fail mismatches"
