# The gc module's controls.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())

print(gc.get_threshold())
old = gc.get_threshold()
gc.set_threshold(500, 5, 5)
print(gc.get_threshold())
gc.set_threshold(100)
print(gc.get_threshold())
gc.set_threshold(*old)
print(gc.get_threshold())

c = gc.get_count()
print(type(c).__name__, len(c), all(isinstance(i, int) for i in c))
gc.collect()
print(gc.get_count()[1:])

for name in ["DEBUG_STATS", "DEBUG_COLLECTABLE", "DEBUG_UNCOLLECTABLE",
             "DEBUG_SAVEALL", "DEBUG_LEAK"]:
    print(name, getattr(gc, name))

print(gc.is_tracked(0), gc.is_tracked(1.5), gc.is_tracked("s"), gc.is_tracked(None))
print(gc.is_tracked([]), gc.is_tracked([1]), gc.is_tracked({}), gc.is_tracked({"a": 1}))
print(gc.is_tracked({"a": []}), gc.is_tracked({1: (2,)}))


class C:
    pass


print(gc.is_tracked(C()), gc.is_tracked(C), gc.is_tracked([].append), gc.is_tracked(lambda: 0))
d = {"a": 1}
print(gc.is_tracked(d))
d["b"] = []
print(gc.is_tracked(d))

print(gc.is_finalized(C()))

stats = gc.get_stats()
print(len(stats), sorted(stats[0]))

# get_referents / get_referrers
inner = [1, 2]
outer = [inner, "x"]
print(inner in gc.get_referents(outer))
print(any(r is outer for r in gc.get_referrers(inner)))
print(gc.get_referents(1, "a"))

# garbage with DEBUG_SAVEALL
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug())
l = []
l.append(l)
del l
print(gc.collect())
print(len(gc.garbage), type(gc.garbage[0]).__name__, gc.garbage[0][0] is gc.garbage[0])
gc.set_debug(0)
gc.garbage.clear()

# callbacks
seen = []


def cb(phase, info):
    seen.append((phase, info["generation"], sorted(info)))


gc.callbacks.append(cb)
gc.collect(1)
gc.callbacks.remove(cb)
gc.collect()
print(seen)

# freeze / unfreeze
gc.collect()
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())

# objects
print(isinstance(gc.get_objects(), list))
marker = [C()]
print(any(o is marker for o in gc.get_objects()))

for bad in [3, -1]:
    try:
        gc.collect(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    gc.collect("x")
except TypeError as e:
    print("TypeError:", e)
