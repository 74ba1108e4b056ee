# The C accelerator modules CPython's tests import by name give the natives
# the public modules use.
import bisect, heapq
import _bisect, _heapq
for name in ('bisect_left', 'bisect_right', 'insort_left', 'insort_right'):
    print(name, getattr(_bisect, name) is getattr(bisect, name))
for name in ('heappush', 'heappop', 'heapify', 'heapreplace', 'heappushpop'):
    print(name, getattr(_heapq, name) is getattr(heapq, name))
h = []
for x in (5, 1, 4):
    _heapq.heappush(h, x)
print(h, _heapq.heappop(h), _bisect.bisect_left([1, 2, 3], 2))
import sys
print('_bisect' in sys.modules, '_heapq' in sys.modules)
