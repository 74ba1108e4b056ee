# Subclasses of asyncio's queues and synchronisation primitives.
import asyncio
import heapq


class TracingQueue(asyncio.Queue):
    def _init(self, maxsize):
        print('_init', maxsize)
        super()._init(maxsize)

    def _put(self, item):
        print('_put', item)
        super()._put(item)

    def _get(self):
        item = super()._get()
        print('_get', item)
        return item


class SetQueue(asyncio.Queue):
    """Drops duplicates: its own storage."""
    def _init(self, maxsize):
        self._queue = []
        self._seen = set()

    def _put(self, item):
        if item not in self._seen:
            self._seen.add(item)
            self._queue.append(item)

    def _get(self):
        return self._queue.pop(0)


class ReversePriority(asyncio.PriorityQueue):
    def _put(self, item):
        heapq.heappush(self._queue, -item)

    def _get(self):
        return -heapq.heappop(self._queue)


class CountingLock(asyncio.Lock):
    def __init__(self):
        super().__init__()
        self.acquired = 0

    async def acquire(self):
        self.acquired += 1
        print('acquire', self.acquired)
        return await super().acquire()

    def release(self):
        print('release')
        super().release()


class LoudEvent(asyncio.Event):
    def set(self):
        print('LoudEvent.set')
        super().set()


class CountingSemaphore(asyncio.Semaphore):
    def __init__(self, value=1):
        super().__init__(value)
        self.count = 0

    async def acquire(self):
        self.count += 1
        return await super().acquire()


class MyCondition(asyncio.Condition):
    def notify(self, n=1):
        print('notify', n)
        super().notify(n)


class MyBarrier(asyncio.Barrier):
    pass


class MyBounded(asyncio.BoundedSemaphore):
    def release(self):
        print('MyBounded.release')
        super().release()


class MyTaskGroup(asyncio.TaskGroup):
    def create_task(self, coro, *, name=None, context=None):
        print('MyTaskGroup.create_task', name)
        return super().create_task(coro, name=name, context=context)


class MyLifo(asyncio.LifoQueue):
    def qsize(self):
        return 100 + super().qsize()


async def producer(q, items):
    for i in items:
        await q.put(i)


async def main():
    q = TracingQueue(maxsize=2)
    print(type(q).__name__, q.maxsize, q.qsize(), q.empty(), q.full())
    prod = asyncio.create_task(producer(q, [1, 2, 3]))
    for _ in range(3):
        print('got', await q.get())
        q.task_done()
    await prod
    await q.join()
    q.put_nowait(9)
    print(q.get_nowait(), q.qsize())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print('QueueEmpty')

    s = SetQueue()
    for item in 'abacbd':
        s.put_nowait(item)
    print(s.qsize(), [s.get_nowait() for _ in range(s.qsize())], s.empty())

    r = ReversePriority()
    for n in [3, 1, 4, 1, 5]:
        await r.put(n)
    print([await r.get() for _ in range(r.qsize())])

    lq = MyLifo()
    lq.put_nowait('x')
    lq.put_nowait('y')
    print(lq.qsize(), lq.get_nowait())

    lock = CountingLock()
    async with lock:
        print('locked', lock.locked())
    print(lock.locked(), lock.acquired)

    async def contender(name):
        async with lock:
            print('in', name)
            await asyncio.sleep(0)
    await asyncio.gather(contender('a'), contender('b'))

    ev = LoudEvent()
    async def waiter():
        await ev.wait()
        print('woke', ev.is_set())
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    ev.set()
    await w

    sem = CountingSemaphore(2)
    async def use(i):
        async with sem:
            await asyncio.sleep(0)
            return i
    print(await asyncio.gather(*(use(i) for i in range(4))), sem.count)

    cond = MyCondition()
    async def cwait():
        async with cond:
            await cond.wait()
            print('condition woke')
    c = asyncio.create_task(cwait())
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await c

    b = MyBarrier(2)
    async def part(i):
        pos = await b.wait()
        return pos
    print(sorted(await asyncio.gather(part(0), part(1))), type(b).__name__)

    bs = MyBounded(1)
    async with bs:
        pass
    try:
        bs.release()
    except ValueError as e:
        print('ValueError:', e)

    async with MyTaskGroup() as tg:
        t1 = tg.create_task(asyncio.sleep(0, 'one'), name='t1')
        t2 = tg.create_task(asyncio.sleep(0, 'two'))
    print(t1.result(), t2.result())

    print(repr(lock)[:1], isinstance(lock, asyncio.Lock), isinstance(q, asyncio.Queue))


asyncio.run(main())
