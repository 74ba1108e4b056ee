# gc.collect() returns the number of unreachable objects it found.
import gc

gc.collect()


class Node:
    pass


def pair():
    a, b = Node(), Node()
    a.other, b.other = b, a


pair()
print("instance pair:", gc.collect())

for _ in range(10):
    pair()
print("ten pairs:", gc.collect())

l = []
l.append(l)
del l
print("self list:", gc.collect())

d = {}
d["me"] = d
del d
print("self dict:", gc.collect())

x = [1, 2, 3]
y = [x]
x.append(y)
del x, y
print("two lists:", gc.collect())

ring = [Node() for _ in range(5)]
for i, n in enumerate(ring):
    n.next = ring[(i + 1) % 5]
del ring, n
print("ring of five:", gc.collect())

# Nothing left.
print("again:", gc.collect())

# Reachable cycles are not collected.
keep = Node()
keep.me = keep
print("reachable:", gc.collect(), keep.me is keep)

# A list holding a cycle member keeps it.
class Member:
    pass


a = Member()
b = Member()
a.b, b.a = b, a
holder = [a]
del a, b
print("held:", gc.collect(), holder[0].b.a is holder[0])
del holder
print("released:", gc.collect())

# Generations: a young collection finds young cycles.
pair()
print("gen0:", gc.collect(0))
pair()
print("gen1:", gc.collect(1))
pair()
print("gen2:", gc.collect(generation=2))
