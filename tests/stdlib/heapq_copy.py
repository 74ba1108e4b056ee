import heapq
import copy
from collections import namedtuple, Counter, defaultdict

h = []
for x in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, x)
print(h, heapq.heappop(h), h)
data = [9, 4, 7, 1, 8, 2]
heapq.heapify(data)
print(data, [heapq.heappop(data) for _ in range(len(data))])
h = [(2, "b"), (1, "a"), (3, "c"), (1, "z")]
heapq.heapify(h)
print(h, heapq.heapreplace(h, (0, "new")), h, heapq.heappushpop(h, (5, "x")), heapq.heappushpop(h, (-1, "y")))
print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(2, [5, 1, 8, 3, 9]), heapq.nlargest(2, ["aa", "b", "ccc"], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6])), list(heapq.merge([5, 3, 1], [4, 2], reverse=True)), list(heapq.merge(["a", "bb"], ["c"], key=len)))
for bad in [lambda: heapq.heappop([]), lambda: heapq.heappush((), 1), lambda: heapq.heapreplace([], 1)]:
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)


def dijkstra(graph, start):
    dist = {start: 0}
    pq = [(0, start)]
    while pq:
        d, node = heapq.heappop(pq)
        if d > dist.get(node, float("inf")):
            continue
        for nxt, w in graph[node]:
            nd = d + w
            if nd < dist.get(nxt, float("inf")):
                dist[nxt] = nd
                heapq.heappush(pq, (nd, nxt))
    return dist


print(dijkstra({"a": [("b", 1), ("c", 4)], "b": [("c", 2), ("d", 5)], "c": [("d", 1)], "d": []}, "a"))


class Box:
    def __init__(self, items):
        self.items = items
        self.me = self


b = Box([1, [2, 3]])
s = copy.copy(b)
d = copy.deepcopy(b)
print(s.items is b.items, d.items is b.items, d.items == b.items, d.items[1] is b.items[1], d.me is d, s.me is b)
nested = {"a": [1, {"b": (2, [3])}]}
dn = copy.deepcopy(nested)
dn["a"][1]["b"][1].append(4)
print(nested, dn, copy.copy([1, [2]])[1] is [1, [2]][1])
P = namedtuple("P", "x y")
p = P(1, [2])
print(copy.copy(p) is p, copy.deepcopy(p), copy.deepcopy(p).y is p.y, copy.deepcopy(Counter("aab")), copy.copy(defaultdict(list, {"k": [1]})))
lst = [1, 2]
lst.append(lst)
dl = copy.deepcopy(lst)
print(dl[2] is dl, len(dl))
