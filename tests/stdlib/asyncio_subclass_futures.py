# Subclasses of asyncio.Future and asyncio.Task, seen by the machinery.
import asyncio


class LoggingFuture(asyncio.Future):
    def __init__(self, *, loop=None, label='f'):
        super().__init__(loop=loop)
        self.label = label
        self.log = []

    def add_done_callback(self, fn, *, context=None):
        self.log.append('add_done_callback')
        super().add_done_callback(fn, context=context)

    def set_result(self, result):
        self.log.append(('set_result', result))
        super().set_result(result)


class CountingTask(asyncio.Task):
    steps = 0
    created = []

    def __init__(self, coro, *, loop=None, name=None, context=None):
        super().__init__(coro, loop=loop, name=name, context=context)
        CountingTask.created.append(self.get_name())
        self.extra = 'yes'


async def child(n):
    await asyncio.sleep(0)
    return n * 2


async def main():
    loop = asyncio.get_running_loop()
    fut = LoggingFuture(label='mine')
    print(type(fut).__name__, isinstance(fut, asyncio.Future), fut.label)
    print(fut.done(), fut.cancelled())
    loop.call_soon(fut.set_result, 42)
    print(await fut)
    print(fut.log)
    print(asyncio.isfuture(fut))

    # gather adds its callback through add_done_callback
    fut2 = LoggingFuture()
    loop.call_later(0.01, fut2.set_result, 'late')
    print(await asyncio.gather(fut2, child(3)))
    print(fut2.log)

    # a done callback receives the subclass instance
    fut3 = LoggingFuture()
    seen = []
    fut3.add_done_callback(lambda f: seen.append((type(f).__name__, f.label, f.result())))
    fut3.set_result(7)
    await asyncio.sleep(0)
    print(seen)

    # a Task subclass made directly
    t = CountingTask(child(5), name='counted')
    print(type(t).__name__, isinstance(t, asyncio.Task), t.extra)
    print(await t, t.get_name(), CountingTask.created)
    print(asyncio.current_task().get_name())

    async def who():
        return type(asyncio.current_task()).__name__
    t2 = CountingTask(who())
    print(await t2)

    # cancellation of a subclass task
    async def forever():
        await asyncio.sleep(10)
    t3 = CountingTask(forever())
    await asyncio.sleep(0)
    t3.cancel()
    try:
        await t3
    except asyncio.CancelledError:
        print('cancelled', t3.cancelled(), type(t3).__name__)

    # exceptions through a subclass future
    f4 = LoggingFuture()
    f4.set_exception(ValueError('boom'))
    try:
        await f4
    except ValueError as e:
        print('raised', e)

    # subclass attributes and methods
    class Named(asyncio.Future):
        def describe(self):
            return f'{type(self).__name__} done={self.done()}'
    n = Named()
    print(n.describe())
    n.set_result(None)
    print(n.describe())
    print(repr(n).startswith('<Named finished'), repr(n))


asyncio.run(main())
