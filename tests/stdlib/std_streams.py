# sys.stdout, sys.stderr and sys.stdin as text streams with their
# attributes, and the binary layer (buffer) of stdout writing in order with
# the text layer.
import sys

for stream in (sys.stdout, sys.stderr, sys.stdin):
    print(stream.name, stream.encoding, stream.fileno(), stream.mode, type(stream).__name__)
    print(stream.buffer.name, stream.buffer.mode, stream.buffer is stream.buffer)
print(sys.stderr.errors)
print(sys.stdout.writable(), sys.stdout.readable(), sys.stdin.readable())
print(sys.stdout.buffer.writable(), sys.stdout.buffer.readable())
print(sys.stdout.isatty(), sys.stdout.closed, sys.stdout.buffer.closed)
print(repr(sys.stdout))

# Text and bytes interleave in the order they were written.
sys.stdout.write("text 1\n")
n = sys.stdout.buffer.write(b"bytes 1\n")
print("wrote", n)
sys.stdout.write("text 2, no newline; ")
sys.stdout.buffer.write(bytearray(b"bytes 2\n"))
sys.stdout.buffer.write(memoryview(b"bytes 3\n"))
print(sys.stdout.write("caf\u00e9\n"))
sys.stdout.buffer.write("caf\u00e9\n".encode())
sys.stdout.writelines(["line a\n", "line b\n"])
for bad in ("str", 3):
    try:
        sys.stdout.buffer.write(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    sys.stdout.write(b"bytes")
except TypeError as e:
    print("TypeError:", e)

sys.stdout.reconfigure(line_buffering=True)
print(sys.stdout.line_buffering)
sys.stdout.reconfigure(line_buffering=False)
print(sys.stdout.line_buffering)
sys.stdout.reconfigure(errors="replace")
print(sys.stdout.errors)
sys.stdout.reconfigure(encoding="utf-8")
print(sys.stdout.encoding)
try:
    sys.stdout.reconfigure("utf-8")
except TypeError as e:
    print("TypeError:", e)
sys.stdout.flush()
sys.stdout.buffer.flush()
print("end")
