# Object-graph churn in the manner of pyperformance's deltablue: short-lived
# objects in doubly linked structures (children point at parents), rebuilt
# over and over.
# Run: towel benches/memory/graph.py [ROUNDS]
import sys


class Variable:
    def __init__(self, name, value):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None


class Constraint:
    def __init__(self, a, b):
        self.a = a
        self.b = b
        a.constraints.append(self)
        b.constraints.append(self)
        b.determined_by = self


def chain(n):
    prev = Variable("v0", 0)
    first = prev
    for i in range(1, n):
        v = Variable("v%d" % i, i)
        Constraint(prev, v)
        prev = v
    return first, prev


def run(rounds):
    total = 0
    for r in range(rounds):
        first, last = chain(100)
        total += last.value + len(first.constraints)
    return total


n = int(sys.argv[1]) if len(sys.argv) > 1 else 3_000
print(run(n))
