import sys
assert False, "assertions are off under -O"
print("after assert", __debug__, sys.flags.optimize)
if __debug__:
    print("debug branch")
else:
    print("optimized branch")
def f(x):
    assert x > 0
    return -x
print(f(-1))
