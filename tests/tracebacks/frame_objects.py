import sys, types

def inner(a, b=2):
    c = a + b
    f = sys._getframe()
    print(type(f).__name__, f.f_code.co_name, f.f_lineno, sorted(f.f_locals))
    print(f.f_back.f_code.co_name, f.f_back.f_lineno)
    print(sys._getframe(1) is f.f_back, sys._getframe(0) is f)
    print(f.f_globals is globals(), f.f_builtins['len'] is len)
    print(isinstance(f, types.FrameType), f.f_lasti > 0)
    return f

def outer():
    x = 'outer local'
    return inner(1)

f = outer()
print(f.f_code.co_name, f.f_lineno, f.f_locals['c'], f.f_back.f_code.co_name)
print(f.f_back.f_locals['x'])
top = sys._getframe()
print(top.f_back, top.f_code.co_name, top.f_locals is globals())
try:
    sys._getframe(100)
except ValueError as e:
    print('ValueError', e)

def depth():
    n = 0
    f = sys._getframe()
    while f is not None:
        n += 1
        f = f.f_back
    return n
print(depth(), (lambda: depth())())

def catch():
    try:
        1 / 0
    except ZeroDivisionError as e:
        return e

e = catch()
tb = e.__traceback__
print(tb is e.__traceback__, type(tb).__name__, isinstance(tb, types.TracebackType))
print(tb.tb_lineno, tb.tb_next, tb.tb_frame.f_code.co_name, tb.tb_lasti >= 0)

def a(): b()
def b(): c()
def c(): raise KeyError('k')
try:
    a()
except KeyError as e:
    t = e.__traceback__
    lines = []
    while t:
        lines.append((t.tb_frame.f_code.co_name, t.tb_lineno))
        t = t.tb_next
    print(lines)
    print(e.__traceback__.tb_frame is sys._getframe())
    e2 = e.with_traceback(None)
    print(e2 is e, e.__traceback__)

def keeper():
    secret = 42
    raise ValueError
try:
    keeper()
except ValueError as e:
    fr = e.__traceback__.tb_next.tb_frame
    print(fr.f_locals, fr.f_lineno, fr.f_back is sys._getframe())
    fr.clear()
    print(fr.f_locals)

try:
    sys._getframe().clear()
except RuntimeError as e:
    print('RuntimeError', e)
try:
    e = ValueError()
    e.__traceback__ = 5
except TypeError as x:
    print('TypeError', x)
def mk():
    return sys._getframe()
tbx = types.TracebackType(None, mk(), 6, 3)
print(tbx.tb_lineno, tbx.tb_lasti, tbx.tb_next)
try:
    tbx.tb_next = tbx
except ValueError as x:
    print('ValueError', x)
print(repr(sys._getframe()).startswith('<frame at 0x'), "file 'frame_objects.py', line" in repr(sys._getframe()))

class K:
    f = sys._getframe()
    v = 1
print(K.f.f_code.co_name, 'v' in K.f.f_locals)
