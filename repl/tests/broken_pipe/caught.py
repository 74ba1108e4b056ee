# A program may catch BrokenPipeError; what failed to go out is dropped.
import sys
import time

time.sleep(0.2)
try:
    for i in range(100000):
        print(i)
except BrokenPipeError as e:
    print("caught", type(e).__name__, e.errno, file=sys.stderr)
print("after", file=sys.stderr)
