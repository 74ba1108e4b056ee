# Every asyncio task runs in a copy of the context it was created in (or the
# one given); callbacks run in the context given to call_soon/call_later.
import asyncio
import contextvars

request = contextvars.ContextVar('request', default='none')
log = []


async def handler(name):
    request.set(name)
    await asyncio.sleep(0.01)
    log.append((name, request.get()))
    return request.get()


async def child():
    return request.get()


async def parent():
    request.set('parent')
    task = asyncio.create_task(child())
    request.set('changed after create_task')
    return await task


def callback(tag):
    log.append((tag, request.get()))


async def main():
    print(await asyncio.gather(*(handler(f'req-{i}') for i in range(3))))
    print(request.get())
    print(await parent(), request.get())

    ctx = contextvars.copy_context()
    ctx.run(request.set, 'in ctx')
    loop = asyncio.get_running_loop()
    loop.call_soon(callback, 'call_soon ctx', context=ctx)
    loop.call_soon(callback, 'call_soon default')
    loop.call_later(0.01, callback, 'call_later ctx', context=ctx)
    loop.call_at(loop.time() + 0.01, callback, 'call_at ctx', context=ctx)
    await asyncio.sleep(0.05)

    task = asyncio.create_task(child(), context=ctx)
    print(await task)
    print(await loop.create_task(child(), context=ctx))

    request.set('main value')
    seen = await asyncio.to_thread(request.get)
    print('to_thread sees', seen)

    fut = loop.create_future()
    fut.add_done_callback(lambda f: callback('done callback ctx'), context=ctx)
    fut.set_result(None)
    await asyncio.sleep(0)

asyncio.run(main())
for entry in sorted(log):
    print(entry)
print(request.get())
