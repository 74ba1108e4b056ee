# The script-level half of `heapq`: nlargest, nsmallest and merge (the heap
# primitives are native).

__all__ = ["heappush", "heappop", "heapify", "heapreplace", "merge", "nlargest", "nsmallest", "heappushpop"]


def nsmallest(n, iterable, key=None):
    """Return the n smallest items of the iterable (by key), smallest first."""
    # Equivalent to sorted(iterable, key=key)[:n], which CPython documents it as.
    if n <= 0:
        return []
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    """Return the n largest items of the iterable (by key), largest first."""
    if n <= 0:
        return []
    return sorted(iterable, key=key, reverse=True)[:n]


def merge(*iterables, key=None, reverse=False):
    """Merge sorted iterables into one sorted iterator."""
    # Lazily merges sorted inputs; ties keep input order.
    heap = []
    for order, it in enumerate(map(iter, iterables)):
        for value in it:
            heap.append([value if key is None else key(value), order * (-1 if reverse else 1), value, it])
            break
    _heapify = _heapify_max if reverse else heapify
    _pop = _heappop_max if reverse else heappop
    _push = _heappush_max if reverse else heappush
    _heapify(heap)
    while heap:
        k, order, value, it = _pop(heap)
        yield value
        for value in it:
            _push(heap, [value if key is None else key(value), order, value, it])
            break


class _Reversed:
    __slots__ = ("item",)

    def __init__(self, item):
        self.item = item

    def __lt__(self, other):
        return other.item[:2] < self.item[:2]


def _heapify_max(heap):
    heap[:] = [_Reversed(item) for item in heap]
    heapify(heap)


def _heappop_max(heap):
    return heappop(heap).item


def _heappush_max(heap, item):
    heappush(heap, _Reversed(item))
