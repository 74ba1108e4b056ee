# Random object graphs (instances with and without __del__, lists, dicts,
# suspended generators, weak references) made and dropped under the
# collector, with low thresholds so that collections run at arbitrary
# points: what stays reachable must stay intact, what is dropped must be
# finalized exactly once and collected.
import gc
import weakref

seed = 12345


def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 8) % n


finalized = {}
closed = []


class Plain:
    def __init__(self, ident):
        self.ident = ident
        self.edges = []


class WithDel(Plain):
    def __del__(self):
        finalized[self.ident] = finalized.get(self.ident, 0) + 1
        if self.ident % 7 == 0:
            # Resurrect for a while: a later round drops it again.
            resurrected.append(self)


resurrected = []


def holder(ident, node):
    try:
        yield node
        yield node
    finally:
        closed.append(ident)


def make(ident):
    kind = rand(5)
    if kind == 0:
        return WithDel(ident)
    if kind == 1:
        return Plain(ident)
    if kind == 2:
        box = Plain(ident)
        box.edges = {"items": []}
        return box
    if kind == 3:
        box = Plain(ident)
        box.gen_node = Plain(-ident)
        box.gen = holder(ident, box)
        next(box.gen)
        return box
    box = Plain(ident)
    box.edges = [[]]
    return box


def link(a, b):
    e = a.edges
    if isinstance(e, dict):
        e["items"].append(b)
    elif e and isinstance(e[0], list) and rand(2):
        e[0].append(b)
    else:
        e.append(b)


def neighbours(n):
    e = n.edges
    out = []
    if isinstance(e, dict):
        out.extend(e["items"])
    else:
        for x in e:
            if isinstance(x, list):
                out.extend(x)
            else:
                out.append(x)
    return out


def reachable(roots):
    seen = {}
    todo = list(roots)
    while todo:
        n = todo.pop()
        if n.ident in seen:
            continue
        seen[n.ident] = n
        todo.extend(neighbours(n))
    return seen


gc.set_threshold(37, 3, 3)
keep = []
next_id = 1
total_made = 0
for round_no in range(12):
    nodes = []
    for _ in range(150):
        nodes.append(make(next_id))
        next_id += 1
    total_made += len(nodes)
    for _ in range(300):
        a, b = nodes[rand(len(nodes))], nodes[rand(len(nodes))]
        link(a, b)
    if keep:
        for _ in range(20):
            link(keep[rand(len(keep))], nodes[rand(len(nodes))])
            link(nodes[rand(len(nodes))], keep[rand(len(keep))])
    refs = {n.ident: weakref.ref(n) for n in nodes}
    for n in nodes:
        if rand(25) == 0:
            keep.append(n)
    if len(keep) > 8:
        del keep[: rand(len(keep))]
    resurrected.clear()
    del nodes, n, a, b
    gc.collect()
    alive = reachable(keep)
    kept_intact = all(refs[i]() is alive[i] for i in refs if i in alive)
    also_alive = reachable(keep + resurrected)
    dropped_dead = all(refs[i]() is None for i in refs if i not in also_alive)
    twice = [i for i, c in finalized.items() if c > 1]
    print(round_no, len(alive), kept_intact, dropped_dead, len(twice),
          len(set(closed)) == len(closed))
    del alive, also_alive, refs
resurrected.clear()
keep.clear()
gc.collect()
print("finalized once each:", all(c == 1 for c in finalized.values()))
print("made", total_made, "finalized", len(finalized), "closed", len(closed))
