import sys, inspect, types, asyncio

def gen(n):
    x = n * 2
    y = yield x
    z = yield from sub()
    return z

def sub():
    w = yield 'sub'
    return w

g = gen(1)
print(g.gi_frame.f_lineno, g.gi_frame.f_code.co_name, g.gi_frame.f_back, g.gi_yieldfrom, g.gi_running, g.gi_suspended)
print(inspect.getgeneratorstate(g), inspect.getgeneratorlocals(g))
print(next(g), g.gi_frame.f_lineno, inspect.getgeneratorlocals(g), inspect.getgeneratorstate(g))
print(g.send('y'), type(g.gi_yieldfrom).__name__, g.gi_yieldfrom.gi_frame.f_lineno)
fr = g.gi_frame
try:
    g.send('w')
except StopIteration as e:
    print('stop', e.value)
print(g.gi_frame, inspect.getgeneratorstate(g), fr.f_locals, fr.f_back)

def me():
    f = sys._getframe()
    yield f.f_back.f_code.co_name
    yield f.f_back.f_code.co_name if f.f_back else None
    yield g2.gi_frame is f, g2.gi_running
g2 = me()
def drive():
    return next(g2)
print(drive(), next(g2), next(g2))

g3 = gen(5); next(g3)
f3 = g3.gi_frame
f3.clear()
print(inspect.getgeneratorstate(g3), g3.gi_frame)

async def co():
    await asyncio.sleep(0)
    return inspect.currentframe().f_code.co_name

c = co()
print(c.cr_frame.f_code.co_name, c.cr_await, c.cr_running, c.cr_origin, inspect.getcoroutinestate(c))
c.send(None)
print(type(c.cr_await).__name__, inspect.getcoroutinestate(c), c.cr_frame.f_lineno)
try:
    c.send(None)
except StopIteration as e:
    print(e.value, inspect.getcoroutinestate(c), c.cr_frame)

sys.set_coroutine_origin_tracking_depth(2)
print(sys.get_coroutine_origin_tracking_depth())
def mk():
    return co()
c2 = mk()
print([(n.split('/')[-1], l, f) for n, l, f in c2.cr_origin])
c2.close()
sys.set_coroutine_origin_tracking_depth(0)

async def agen():
    yield 1
    await asyncio.sleep(0)
    yield 2
a = agen()
print(a.ag_frame.f_lineno, a.ag_await, a.ag_running)
async def main():
    async for v in a:
        print(v, a.ag_frame.f_lineno if a.ag_frame else None)
    print(a.ag_frame)
    print(inspect.stack()[0].function, inspect.stack()[0].lineno, len(inspect.stack()) > 1)
    fi = inspect.getframeinfo(inspect.currentframe())
    print(fi.function, fi.lineno, fi.code_context, fi.index, fi.filename.split('/')[-1])
    print(fi.positions)
asyncio.run(main())
def outer():
    return inspect.stack()
print([(fi.function, fi.lineno, fi.code_context, fi.index) for fi in outer()])
print(inspect.currentframe().f_code.co_name, inspect.getouterframes(inspect.currentframe())[0][3])
try:
    1/0
except ZeroDivisionError:
    print([(f.function, f.lineno) for f in inspect.trace()])
