# Cycle-heavy churn: pairs of instances that point at each other, made and
# dropped. Only a cycle collector can reclaim them.
# Run: towel benches/memory/cycles.py [PAIRS]
import sys


class Node:
    def __init__(self, other=None):
        self.other = other
        self.payload = [1, 2, 3]


def churn(pairs):
    made = 0
    for _ in range(pairs):
        a = Node()
        b = Node(a)
        a.other = b
        made += 1
    return made


n = int(sys.argv[1]) if len(sys.argv) > 1 else 300_000
print(churn(n))
