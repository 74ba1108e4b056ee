import sys
# Everything to stderr, where the recording drops the script's directory
# from the paths tracebacks show.
sys.stdout = sys.stderr
import traceback, sys
def rec(n):
    if n == 0:
        raise RecursionError('deep')
    return rec(n - 1)
try:
    rec(30)
except RecursionError:
    traceback.print_exc(file=sys.stdout)
    print(traceback.format_exc(limit=2))
    print(traceback.format_exc(limit=-2))

def raise_group():
    raise ExceptionGroup('many', [ValueError('v'), TypeError('t'), ExceptionGroup('inner', [KeyError('k')])])
try:
    raise_group()
except ExceptionGroup as eg:
    traceback.print_exception(eg, file=sys.stdout)
    te = traceback.TracebackException.from_exception(eg, max_group_width=2, max_group_depth=1)
    print(''.join(te.format()))
    print(len(te.exceptions))

def locs(a, b='s'):
    l = [1, 2]
    raise IndexError('i')
try:
    locs(1)
except IndexError as e:
    te = traceback.TracebackException.from_exception(e, capture_locals=True, limit=-1)
    print(''.join(te.format()))
    print(te.stack[-1].locals)

x = {'a': [1, 2]}
try:
    y = x['a'][5] + 1
except IndexError:
    traceback.print_exc(file=sys.stdout)
try:
    val = (1 +
           None)
except TypeError:
    traceback.print_exc(file=sys.stdout)
traceback.clear_frames(sys.exc_info()[2])
sys.tracebacklimit = 1
try:
    rec(3)
except RecursionError:
    traceback.print_exc(file=sys.stdout)
del sys.tracebacklimit
tb = None
try:
    exec("def q():\n    raise OSError('nope')\nq()")
except OSError:
    traceback.print_exc(file=sys.stdout)
print(traceback.format_exception_only(SyntaxError('bad thing', ('f.py', 3, 5, 'a b c d\n', 3, 7))))
print(traceback.format_exception_only(KeyboardInterrupt()))
class Weird(Exception): pass
Weird.__module__ = 'pkg.mod'
print(traceback.format_exception_only(Weird('w')))
