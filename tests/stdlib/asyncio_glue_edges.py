# Edges of asyncio's script-level half: policies per thread, Runner's life,
# gather/shield/wrap_future corners, TaskGroup options, lock-like objects'
# reprs and hand-overs, the stream errors' pickling, and loop shutdown.
import asyncio
import contextvars
import pickle
import threading


def tail(obj):
    # `<asyncio.locks.X object at 0x... [state]>` without the address.
    return repr(obj).split('[', 1)[1]


print('-- errors')
for err in (asyncio.IncompleteReadError(b'abc', 10), asyncio.IncompleteReadError(b'', None),
            asyncio.LimitOverrunError('too long', 7)):
    back = pickle.loads(pickle.dumps(err))
    print(type(back).__name__, str(back), back.args, vars(back))

print('-- policy')
policy = asyncio.get_event_loop_policy()
main_loop = asyncio.new_event_loop()
asyncio.set_event_loop(main_loop)


def in_thread():
    try:
        asyncio.get_event_loop()
    except RuntimeError as e:
        print('thread:', e)
    own = asyncio.new_event_loop()
    asyncio.set_event_loop(own)
    print('thread loop kept:', asyncio.get_event_loop() is own)
    asyncio.set_event_loop(None)
    own.close()


t = threading.Thread(target=in_thread, name='worker')
t.start()
t.join()
print('main loop kept:', asyncio.get_event_loop() is main_loop)
asyncio.set_event_loop(None)
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print(e)
main_loop.close()
for bad in (1, 'x'):
    try:
        policy.set_event_loop(bad)
    except TypeError as e:
        print(e)
try:
    asyncio.set_event_loop_policy(object())
except TypeError as e:
    print(e)
asyncio.set_event_loop_policy(None)
print('fresh policy:', asyncio.get_event_loop_policy() is not policy)
mine = asyncio.DefaultEventLoopPolicy()
asyncio.set_event_loop_policy(mine)
print('set policy:', asyncio.get_event_loop_policy() is mine)
asyncio.set_event_loop_policy(None)

print('-- runner')
var = contextvars.ContextVar('var', default='unset')


async def read_var():
    return var.get()


async def set_var(v):
    var.set(v)


runner = asyncio.Runner()
runner.close()                       # never started: nothing to do, still usable
with runner:
    runner.run(set_var('kept'))
    print(runner.run(read_var()))   # the runner's own context carries over
    print(runner.run(read_var(), context=contextvars.Context()))
    print(runner.get_loop().is_closed())
print(runner._loop is None)
unrun = read_var()
for action in (lambda: runner.get_loop(), lambda: runner.run(unrun)):
    try:
        action()
    except RuntimeError as e:
        print(e)
unrun.close()
made = []


def factory():
    made.append(asyncio.new_event_loop())
    return made[-1]


with asyncio.Runner(loop_factory=factory, debug=True) as r:
    print(r.get_loop() is made[0], made[0].get_debug())
print(made[0].is_closed())


async def leftover_fails():
    try:
        await asyncio.sleep(10)
    finally:
        raise ValueError('on the way out')


async def leave_tasks():
    asyncio.create_task(leftover_fails())
    asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    asyncio.get_running_loop().set_exception_handler(
        lambda loop, ctx: print('handler:', ctx['message'], repr(ctx['exception'])))
    return 'done'

print(asyncio.run(leave_tasks()))


async def main():
    loop = asyncio.get_running_loop()

    print('-- gather')
    fut = loop.create_future()
    g = asyncio.gather(fut, fut, asyncio.sleep(0, 'x'))
    fut.set_result(1)
    print(await g)
    a = loop.create_future()
    b = loop.create_future()
    g = asyncio.gather(a, b, return_exceptions=True)
    print(g.cancel('stop'), g.cancel(), a.cancelled(), b.cancelled())
    try:
        await g
    except asyncio.CancelledError as e:
        print('gather cancelled', e.args)
    a = loop.create_future()
    b = loop.create_future()
    g = asyncio.gather(a, b, return_exceptions=True)
    a.cancel('why')
    b.set_exception(KeyError('k'))
    print(await g)
    a = loop.create_future()
    b = loop.create_future()
    g = asyncio.gather(a, b)
    a.set_exception(OSError('first'))
    b.set_exception(OSError('second'))
    try:
        await g
    except OSError as e:
        print('raised', e)
    print(g.cancel())
    g = asyncio.gather()
    print(g.done(), g.result())

    print('-- shield')
    inner = loop.create_future()
    outer = asyncio.shield(inner)
    outer.cancel()
    await asyncio.sleep(0)
    print(outer.cancelled(), inner.cancelled())
    inner.set_result(5)
    inner = loop.create_future()
    outer = asyncio.shield(inner)
    inner.cancel()
    await asyncio.sleep(0)
    print(outer.cancelled())
    done = loop.create_future()
    done.set_result(3)
    print(asyncio.shield(done) is done)

    print('-- futures across threads')
    try:
        asyncio.wrap_future(5)
    except AssertionError as e:
        print('AssertionError', e)
    print(asyncio.wrap_future(done) is done)
    try:
        asyncio.run_coroutine_threadsafe(5, loop)
    except TypeError as e:
        print(e)
    answer = await asyncio.to_thread(lambda x, y=0: x * 10 + y, 4, y=2)
    print(answer)

    result = []

    def other_thread():
        handle = asyncio.run_coroutine_threadsafe(asyncio.sleep(0, 'from thread'), loop)
        result.append(handle.result(5))

    await asyncio.to_thread(other_thread)
    print(result)

    print('-- taskgroup')
    ctx = contextvars.copy_context()
    ctx.run(var.set, 'in ctx')
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(read_var(), name='reader')
        t2 = tg.create_task(read_var(), context=ctx)
        print(t1.get_name(), tg)
    print(t1.result(), t2.result(), tg)
    unrun = read_var()
    try:
        tg.create_task(unrun)
    except RuntimeError as e:
        print(e)
    unrun.close()

    print('-- semaphore hand-over')
    sem = asyncio.Semaphore(0)
    first = asyncio.create_task(sem.acquire())
    second = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    sem.release()
    first.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(first.cancelled(), second.done(), tail(sem))

    print('-- barrier')
    barrier = asyncio.Barrier(3)
    print(tail(barrier))

    async def arrive():
        return await barrier.wait()

    arrivals = [asyncio.create_task(arrive()) for _ in range(2)]
    await asyncio.sleep(0)
    print(tail(barrier), barrier.n_waiting)
    await barrier.reset()
    print(tail(barrier))
    for t in arrivals:
        try:
            await t
        except asyncio.BrokenBarrierError as e:
            print('broken:', e)
    print(tail(barrier))
    await barrier.abort()
    print(tail(barrier), barrier.broken, barrier.n_waiting)

    print('-- condition')
    cond = asyncio.Condition()
    print(tail(cond))
    woken = []

    async def sleeper(i):
        async with cond:
            await cond.wait()
            woken.append(i)

    sleepers = [asyncio.create_task(sleeper(i)) for i in range(3)]
    await asyncio.sleep(0)
    async with cond:
        print(tail(cond))
        cond.notify(2)
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*sleepers)
    print(woken, tail(cond))


asyncio.run(main())

print('-- shutdown')


async def agen():
    try:
        yield 1
    finally:
        raise RuntimeError('closing failed')


async def keep_generator():
    g = agen()
    await g.__anext__()
    asyncio.get_running_loop().set_exception_handler(
        lambda loop, ctx: print('handler:', ctx['message'].split(' <')[0], repr(ctx['exception'])))
    await asyncio.get_running_loop().run_in_executor(None, print, 'in executor')
    keep_generator.g = g

asyncio.run(keep_generator())
