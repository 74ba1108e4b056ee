"""Queues that threads hand work through: FIFO, LIFO, priority and simple,
with blocking `put`/`get`, timeouts and `task_done`/`join`.

Every bounded wait goes through `Queue._wait_for`: one lock (`mutex`) guards
the items, and three conditions on it wake getters (`not_empty`), putters
(`not_full`) and joiners (`all_tasks_done`). Subclasses store items their own
way through the documented hooks `_init`, `_qsize`, `_put` and `_get`."""

import threading
from collections import deque
from heapq import heappush, heappop

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']


class Empty(Exception):
    'Exception raised by Queue.get(block=0)/get_nowait().'
    pass


class Full(Exception):
    'Exception raised by Queue.put(block=0)/put_nowait().'
    pass


def _wait_seconds(block, timeout):
    """How long a blocking call may wait: None for ever, 0 for not at all."""
    if not block:
        return 0
    if timeout is not None and timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")
    return timeout


class Queue:
    """A FIFO queue; `maxsize <= 0` means no bound."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = threading.Lock()
        self.not_empty, self.not_full, self.all_tasks_done = (
            threading.Condition(self.mutex) for _ in range(3))
        self.unfinished_tasks = 0

    def _has_room(self):
        return self.maxsize <= 0 or self._qsize() < self.maxsize

    def _has_items(self):
        return self._qsize() > 0

    def _wait_for(self, condition, ready, block, timeout, failure):
        """With the mutex held: wait on `condition` until `ready()`, or raise
        `failure` once the caller may wait no longer."""
        if not condition.wait_for(ready, _wait_seconds(block, timeout)):
            raise failure

    def put(self, item, block=True, timeout=None):
        with self.mutex:
            if self.maxsize > 0:
                self._wait_for(self.not_full, self._has_room, block, timeout, Full)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        with self.mutex:
            self._wait_for(self.not_empty, self._has_items, block, timeout, Empty)
            item = self._get()
            self.not_full.notify()
            return item

    def task_done(self):
        with self.mutex:
            if self.unfinished_tasks == 0:
                raise ValueError('task_done() called too many times')
            self.unfinished_tasks -= 1
            if not self.unfinished_tasks:
                self.all_tasks_done.notify_all()

    def join(self):
        with self.mutex:
            self.all_tasks_done.wait_for(lambda: self.unfinished_tasks == 0)

    def qsize(self):
        with self.mutex:
            return self._qsize()

    def empty(self):
        with self.mutex:
            return not self._qsize()

    def full(self):
        with self.mutex:
            return self.maxsize > 0 and not self._has_room()

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()

    __class_getitem__ = classmethod(lambda cls, item: __import__('types').GenericAlias(cls, item))


class PriorityQueue(Queue):
    """Items come out lowest first (`heapq` order)."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        heappush(self.queue, item)

    def _get(self):
        return heappop(self.queue)


class LifoQueue(Queue):
    """Items come out last in, first out."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    """An unbounded FIFO queue without task tracking: `put` never blocks, so
    its `block` and `timeout` are accepted and ignored."""

    def __init__(self):
        self._items = deque()
        self._arrived = threading.Condition(threading.Lock())

    def put(self, item, block=True, timeout=None):
        with self._arrived:
            self._items.append(item)
            self._arrived.notify()

    def get(self, block=True, timeout=None):
        seconds = _wait_seconds(block, timeout)
        with self._arrived:
            if not self._arrived.wait_for(lambda: self._items, seconds):
                raise Empty
            return self._items.popleft()

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return len(self._items) == 0

    def qsize(self):
        return len(self._items)

    __class_getitem__ = classmethod(lambda cls, item: __import__('types').GenericAlias(cls, item))
