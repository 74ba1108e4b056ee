# PYTHONINSPECT sets sys.flags.inspect, but without a terminal no prompt follows.
import sys

print(sys.flags.inspect, sys.flags.interactive)
