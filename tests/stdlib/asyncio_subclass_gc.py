# Subclasses of asyncio's native types under the cycle collector: dropped
# cycles through them are freed, and their reports name the subclass.
import asyncio, gc, weakref

class MyTask(asyncio.Task):
    pass

class MyFuture(asyncio.Future):
    def add_done_callback(self, fn, *, context=None):
        super().add_done_callback(fn, context=context)

class MyQueue(asyncio.Queue):
    def _put(self, item):
        super()._put(item)

class MyLoop(asyncio.SelectorEventLoop):
    def call_soon(self, cb, *args, context=None):
        return super().call_soon(cb, *args, context=context)

async def waits(fut):
    await fut

async def main():
    loop = asyncio.get_running_loop()
    # a subclass task waiting on a subclass future nobody holds
    f = MyFuture()
    t = MyTask(waits(f))
    await asyncio.sleep(0)
    r = weakref.ref(t)
    del f, t
    gc.collect()
    print("task gone:", r() is None)
    # a task nobody holds, waiting on a future that overrides
    # add_done_callback: the future's callbacks keep it alive
    f = MyFuture()
    done = []
    async def orphan():
        await f
        done.append("woken")
    loop.create_task(orphan())
    await asyncio.sleep(0)
    gc.collect()
    f.set_result(None)
    await asyncio.sleep(0)
    print("orphan:", done)
    # queue subclass in a cycle
    q = MyQueue()
    q.put_nowait(q)
    rq = weakref.ref(q)
    del q
    gc.collect()
    print("queue gone:", rq() is None)
    # a future subclass with an unretrieved exception in a cycle
    f = MyFuture()
    f.set_exception(ValueError("boom"))
    f.me = f
    del f
    gc.collect()
    # lock/event cycles
    class MyLock(asyncio.Lock): pass
    class MyEvent(asyncio.Event): pass
    l = MyLock(); l.me = l
    e = MyEvent(); e.me = e
    rl, re_ = weakref.ref(l), weakref.ref(e)
    del l, e
    gc.collect()
    print("lock/event gone:", rl() is None, re_() is None)

def handler(loop, ctx):
    print("handler:", ctx["message"], type(ctx.get("exception")).__name__)

loop = MyLoop()
loop.set_exception_handler(handler)
loop.set_task_factory(lambda loop, coro, **kw: MyTask(coro, loop=loop, **kw))
loop.run_until_complete(main())
loop.close()
rl = weakref.ref(loop)
loop.me = loop
del loop
gc.collect()
print("loop gone:", rl() is None)
