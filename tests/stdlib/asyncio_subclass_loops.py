# Task factories, loop overrides of create_task, Runner, policies.
import asyncio


class TracedTask(asyncio.Task):
    pass


def factory(loop, coro, **kwargs):
    print('factory called', type(loop).__name__, sorted(kwargs))
    return TracedTask(coro, loop=loop, **kwargs)


async def work(x):
    await asyncio.sleep(0)
    return x + 1


async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_task_factory())
    loop.set_task_factory(factory)
    print(loop.get_task_factory() is factory)
    t = asyncio.create_task(work(1))
    print(type(t).__name__, await t)
    t = loop.create_task(work(2), name='named')
    print(type(t).__name__, t.get_name(), await t)
    fut = asyncio.ensure_future(work(3))
    print(type(fut).__name__, await fut)
    res = await asyncio.gather(work(10), work(20))
    print(res)
    loop.set_task_factory(None)
    print(loop.get_task_factory())
    t = asyncio.create_task(work(4))
    print(type(t).__name__, await t)
    try:
        loop.set_task_factory(42)
    except TypeError as e:
        print('TypeError:', e)


asyncio.run(main())


class MyLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        super().__init__()
        self.created = 0

    def create_task(self, coro, *, name=None, context=None):
        self.created += 1
        print('MyLoop.create_task', name)
        return super().create_task(coro, name=name, context=context)


class MyPolicy(asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self):
        print('MyPolicy.new_event_loop')
        return MyLoop()


print(type(asyncio.get_event_loop_policy()).__name__)
print(isinstance(asyncio.get_event_loop_policy(), asyncio.AbstractEventLoopPolicy))
asyncio.set_event_loop_policy(MyPolicy())
print(type(asyncio.get_event_loop_policy()).__name__)


async def uses_loop():
    loop = asyncio.get_running_loop()
    print(type(loop).__name__, isinstance(loop, asyncio.AbstractEventLoop))
    t = asyncio.create_task(work(5), name='inner')
    print(await t)
    await asyncio.gather(work(1), work(2))
    return loop.created


print('created', asyncio.run(uses_loop()))
asyncio.set_event_loop_policy(None)
print(type(asyncio.get_event_loop_policy()).__name__)
try:
    asyncio.set_event_loop_policy(42)
except TypeError as e:
    print('TypeError:', e)

# Runner
with asyncio.Runner() as runner:
    print(runner.run(work(100)))
    print(runner.run(work(200)))
    loop = runner.get_loop()
    print(type(loop).__name__, loop.is_closed())
print(loop.is_closed())

runner = asyncio.Runner(loop_factory=MyLoop)
print(runner.run(work(7)))
print(type(runner.get_loop()).__name__)
runner.close()
c = work(1)
try:
    runner.run(c)
except RuntimeError as e:
    print('RuntimeError:', e)
c.close()

with asyncio.Runner(debug=True) as r:
    print(r.get_loop().get_debug())

async def inner_run():
    c = work(1)
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print('RuntimeError:', e)
    c.close()
asyncio.run(inner_run())

# iscoroutinefunction
async def af():
    pass
def f():
    pass
print(asyncio.iscoroutinefunction(af), asyncio.iscoroutinefunction(f))
c = af()
print(asyncio.iscoroutine(c), asyncio.iscoroutine(f))
c.close()


# A loop subclass whose hooks the native machinery calls: sleep asks for a
# future and a timer through them.
class TimeLoop(asyncio.SelectorEventLoop):
    def call_soon(self, cb, *args, context=None):
        return super().call_soon(cb, *args, context=context)

    def call_at(self, when, cb, *args, context=None):
        print('call_at', cb.__name__, args[1:])
        return super().call_at(when, cb, *args, context=context)

    def create_future(self):
        print('create_future')
        return super().create_future()


async def sleeper():
    await asyncio.sleep(0.01, 'result')
    print('slept')

loop = TimeLoop()
loop.run_until_complete(sleeper())
loop.close()

for cls in (asyncio.Future, asyncio.Task):
    for bad in ((int,), (1,), ()):
        try:
            cls.__new__(*bad)
        except TypeError as e:
            print('TypeError:', e)
