import gc
import weakref


class K:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return f"K({self.n})"


vals = [K(i) for i in range(4)]
wvd = weakref.WeakValueDictionary()
for i, v in enumerate(vals):
    wvd[i] = v
print(len(wvd), sorted(wvd.keys()), wvd[2])
del vals[1]
print(len(wvd), sorted(wvd.keys()), 1 in wvd, wvd.get(1))
print(sorted(wvd.items(), key=lambda kv: kv[0]))
try:
    wvd[1]
except KeyError as e:
    print("KeyError:", e)
vals.clear()
print(len(wvd), list(wvd))

keys = [K(i) for i in range(3)]
wkd = weakref.WeakKeyDictionary()
for k in keys:
    wkd[k] = k.n * 10
print(len(wkd), sorted(wkd.values()))
print(wkd[keys[0]], keys[1] in wkd)
del keys[0]
print(len(wkd), sorted(v for v in wkd.values()))
try:
    wkd[1] = 2
except TypeError as e:
    print("TypeError:", e)

items = [K(i) for i in range(3)]
ws = weakref.WeakSet(items)
print(len(ws), items[0] in ws)
ws.add(K(99))
print(len(ws))
del items[2]
print(len(ws), sorted(k.n for k in ws))
items.append(K(7))
ws.add(items[-1])
ws.discard(items[0])
print(sorted(k.n for k in ws))

# A cycle among the values: gone after a collection.
a = K("a")
a.me = a
wvd["cyc"] = a
del a
print("cyc" in wvd)
gc.collect()
print("cyc" in wvd)

# finalize
class Res:
    pass


def cleanup(name, *, loud=True):
    print("cleanup", name, loud)
    return name.upper()


r = Res()
f = weakref.finalize(r, cleanup, "res", loud=False)
print(f.alive, f.atexit)
print(f.peek()[2:])
del r
print(f.alive)

r2 = Res()
f2 = weakref.finalize(r2, cleanup, "early")
print(f2())
print(f2(), f2.alive)
f3 = weakref.finalize(Res(), print, "temporary finalized")
print("after temp")
r4 = Res()
f4 = weakref.finalize(r4, print, "detached")
print(f4.detach()[2:])
del r4
r5 = Res()
f5 = weakref.finalize(r5, print, "at exit finalizer")
f6 = weakref.finalize(Res, print, "class at exit")
f6.atexit = False
print("end")
