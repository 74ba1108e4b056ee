#!/bin/sh
# Runs keepalive.py under CPython 3.11 (with the real httpx installed:
# python3 -m pip install httpx) and under the towel given, against one
# server started here, and prints each one's figures.
# Usage: benches/http/run.sh TOWEL_BINARY [PYTHON]
set -eu
towel=${1:?usage: run.sh TOWEL_BINARY [PYTHON]}
python=${2:-python3}
cd "$(dirname "$0")"
fifo=$(mktemp -u)
mkfifo "$fifo"
python3 server.py > "$fifo" &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$fifo"' EXIT
read -r port < "$fifo"
for interpreter in "$python" "$towel"; do
    echo "== $interpreter"
    "$interpreter" keepalive.py "$port"
done
