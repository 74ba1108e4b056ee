# Sets iterate in CPython's table order: ints hash to themselves, so the
# order of a set of ints (and tuples of ints, floats, bools) is the same in
# every run. Covers the table's growth, probing, deletions (dummy reuse),
# pop's finger, the operators and methods (which operand is walked, how the
# result is sized), frozenset constants and their hashes.
import random

print({5, 3, 100, -1, 17}, list({5, 13, 21}), list({5, 13}))
for x in {5, 13, 21}:
    print(x, end=" ")
print([x for x in {5, 13}], 13 in {5, 13, 21}, {1, 1.0, True, 2})
print({(1, 2), (3, 4), 5, -1, 2**62, -(2**62)}, {1.5, 2.5, 0.5, -0.0})
print({i * 8 for i in range(20)}, set(range(100, 0, -7)))
print(set({9: 1, 1: 2, 17: 3}), set(frozenset([33, 1, 65])), frozenset([9, 1]))
s = set(range(10))
print([s.pop() for _ in range(4)], s)
s.add(0)
print(s.pop(), s)
print(hash(frozenset()), hash(frozenset([1, 2, 3])), hash(frozenset([(1, 2), -5])))
print(hash(frozenset(range(100))), hash(frozenset([frozenset([1]), 2])))
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
s = {1, 2, 3}
for x in s:
    s.discard(x)
    s.add(x + 100)
print(s)

r = random.Random(12345)


def value():
    k = r.random()
    if k < 0.6:
        return r.randint(-20, 200)
    if k < 0.8:
        return r.randint(-10**12, 10**12)
    if k < 0.9:
        return (r.randint(0, 5), r.randint(0, 5))
    return r.choice([True, False, 1.5, -0.5, 2.0])


for trial in range(60):
    s = set()
    t = set(value() for _ in range(r.randint(0, 30)))
    lines = []
    for step in range(40):
        op = r.randint(0, 17)
        v = value()
        if op < 5:
            s.add(v)
        elif op == 5:
            s.discard(v)
        elif op == 6 and s:
            s.pop()
        elif op == 7:
            s |= t
        elif op == 8:
            s &= t if r.random() < 0.5 else set(list(t) + list(s)[:3])
        elif op == 9:
            s -= t
        elif op == 10:
            s ^= t
        elif op == 11:
            s = s | t
        elif op == 12:
            s = s & t
        elif op == 13:
            s = s - t
        elif op == 14:
            s = s ^ t
        elif op == 15:
            s = set(s) if r.random() < 0.5 else s.copy()
        elif op == 16:
            which = r.randint(0, 5)
            items = [value() for _ in range(r.randint(0, 20))]
            if which == 0:
                s.update(items)
            elif which == 1:
                s = s.union(items, t)
            elif which == 2:
                s = s.intersection(items + list(s)[:5])
            elif which == 3:
                s = s.difference(items, t)
            elif which == 4:
                s.symmetric_difference_update(items)
            else:
                s = set(frozenset(s) | set(items))
        else:
            s.difference_update(list(t)[:4])
        if r.random() < 0.3:
            t = set(value() for _ in range(r.randint(0, 60)))
        lines.append(repr(list(s)))
    print("\n".join(lines))
    print(hash(frozenset(s)), list({x: 1 for x in s}), list(set({x: 1 for x in s})))
