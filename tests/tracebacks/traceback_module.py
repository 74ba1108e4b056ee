import sys
# Everything to stderr, where the recording drops the script's directory
# from the paths tracebacks show.
sys.stdout = sys.stderr
import traceback, sys

def f(x):
    return g(x) + 1

def g(x):
    return 1 / x

try:
    f(0)
except ZeroDivisionError:
    print(traceback.format_exc(), end='')
    traceback.print_exc(file=sys.stdout)
    e = sys.exc_info()[1]

print(traceback.format_exception(e))
print(traceback.format_exception_only(e))
print(traceback.format_exception_only(ZeroDivisionError, e))
print(traceback.format_exception(type(e), e, e.__traceback__, limit=1))
print(traceback.format_tb(e.__traceback__))
for fs in traceback.extract_tb(e.__traceback__):
    print(fs, fs.filename, fs.lineno, fs.name, fs.line, list(fs), fs[2])
print([ (fr.f_code.co_name, ln) for fr, ln in traceback.walk_tb(e.__traceback__)])
te = traceback.TracebackException.from_exception(e)
print(te.exc_type, str(te), len(te.stack))
print(''.join(te.format()), end='')
print(''.join(te.format_exception_only()), end='')

def deep():
    return traceback.extract_stack()
st = deep()
print(type(st).__name__, [(s.name, s.lineno) for s in st])
print(traceback.format_stack()[-1], end='')
def ps():
    traceback.print_stack(file=sys.stdout)
ps()
ss = traceback.StackSummary.from_list([('a.py', 1, 'f', 'x = 1'), ('b.py', 2, 'g', None)])
print(ss.format())
print(traceback.format_list([('a.py', 1, 'f', 'x = 1')]))

try:
    try:
        {}['k']
    except KeyError as k:
        raise ValueError('bad') from k
except ValueError as v:
    traceback.print_exception(v, file=sys.stdout)
    print(traceback.format_exception(v, chain=False))

try:
    try:
        [][1]
    except IndexError:
        None.foo
except AttributeError as a:
    traceback.print_exc(file=sys.stdout)

class MyErr(Exception):
    def __str__(self):
        raise RuntimeError
print(traceback.format_exception_only(MyErr()))
print(traceback.format_exception_only(None))
print(traceback.format_exc())
try:
    compile('x = (', 'src.py', 'exec')
except SyntaxError as s:
    print(traceback.format_exception_only(s))
e = ValueError('note me')
e.add_note('a note')
print(traceback.format_exception(e))
fs = traceback.FrameSummary('x.py', 3, 'fn', line='  a = 1  ')
print(repr(fs), fs.line, fs == ('x.py', 3, 'fn', 'a = 1'))
