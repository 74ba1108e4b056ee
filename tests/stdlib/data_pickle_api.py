# pickle's API: Pickler/Unpickler with persistent ids, find_class,
# dispatch_table, reducer_override, memo reuse, files; and the errors.
import io
import pickle
import copyreg


class Record:
    def __init__(self, key):
        self.key = key


class DBPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Record):
            return "Record:" + obj.key
        return None


class DBUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        kind, key = pid.split(":")
        print("persistent_load", kind, key)
        return "loaded-" + key


for proto in range(6):
    buf = io.BytesIO()
    DBPickler(buf, proto).dump([Record("a"), 1, Record("b")])
    print(buf.getvalue())
    buf.seek(0)
    print(DBUnpickler(buf).load())


class ProtoZeroIds(pickle.Pickler):
    def persistent_id(self, obj):
        return "id" + str(obj) if isinstance(obj, int) and obj > 10 else None


buf = io.BytesIO()
ProtoZeroIds(buf, 0).dump([1, 42])
print(buf.getvalue())
try:
    pickle.loads(buf.getvalue())
except pickle.UnpicklingError as e:
    print("UnpicklingError:", e)


class Restricted(pickle.Unpickler):
    def find_class(self, module, name):
        if module in ("builtins", "__builtin__") and name in ("set", "frozenset"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"global '{module}.{name}' is forbidden")


for proto in range(6):
    print(Restricted(io.BytesIO(pickle.dumps({1, 2}, proto))).load())
    try:
        Restricted(io.BytesIO(pickle.dumps(Record("x"), proto))).load()
    except pickle.UnpicklingError as e:
        print("UnpicklingError:", e)


class TablePickler(pickle.Pickler):
    dispatch_table = copyreg.dispatch_table.copy()
    dispatch_table[Record] = lambda r: (str, ("record " + r.key,))


buf = io.BytesIO()
TablePickler(buf, 2).dump([Record("q")])
print(buf.getvalue(), pickle.loads(buf.getvalue()))


class Override(pickle.Pickler):
    def reducer_override(self, obj):
        if obj is Record:
            return (str, ("the Record class",))
        return NotImplemented


buf = io.BytesIO()
Override(buf, 4).dump([Record, 5])
print(pickle.loads(buf.getvalue()))

# One Pickler, several dumps: the memo carries over until clear_memo.
buf = io.BytesIO()
p = pickle.Pickler(buf, 2)
shared = ["shared"]
p.dump(shared)
p.dump(shared)
p.clear_memo()
p.dump(shared)
print(buf.getvalue())
buf.seek(0)
u = pickle.Unpickler(buf)
first = u.load()
second = u.load()
third = u.load()
print(first, second is first, third is first)

# dump/load on files, several pickles in a row
buf = io.BytesIO()
for obj in (1, "two", [3.0]):
    pickle.dump(obj, buf, protocol=3)
buf.seek(0)
print(pickle.load(buf), pickle.load(buf), pickle.load(buf))
try:
    pickle.load(buf)
except EOFError as e:
    print("EOFError:", e)

print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
print(pickle.dumps(1, -1)[:2], pickle.dumps(1)[:2])

# Errors
def show_error(f, *args, **kwargs):
    try:
        f(*args, **kwargs)
    except Exception as e:
        message = str(e)
        at = message.find(" at 0x")
        if at >= 0:
            message = message[:at] + message[message.find(">", at):]
        print(type(e).__name__ + ":", message)


show_error(pickle.dumps, 1, 6)
show_error(pickle.dumps, lambda: 0)
def outer():
    def inner():
        pass
    return inner
show_error(pickle.dumps, outer())
show_error(pickle.dumps, (x for x in ()))
show_error(pickle.dumps, pickle)
show_error(pickle.loads, b"")
show_error(pickle.loads, b"\x80\x02K\x01")
show_error(pickle.loads, b"\xff")
show_error(pickle.loads, b"\x80\x09K\x01.")
show_error(pickle.loads, b"K\x01K\x02.")
show_error(pickle.loads, b"(.")
show_error(pickle.loads, b"0.")
show_error(pickle.loads, b"h\x05.")
show_error(pickle.loads, b"cnosuchmodule_xyz\nthing\n.")
show_error(pickle.loads, b"cbuiltins\nnosuchname\n.")
show_error(pickle.loads, "text")
show_error(pickle.loads, b"\x80\x04\x95\x1b\x00\x00\x00\x00\x00\x00\x00]\x94(K\x01e.")
show_error(pickle.Pickler, 5)
show_error(pickle.Unpickler, 5)


class BadReduce:
    def __reduce__(self):
        return 42


class ShortReduce:
    def __reduce__(self):
        return (BadReduce,)


class NotCallable:
    def __reduce__(self):
        return (5, ())


class NotTuple:
    def __reduce__(self):
        return (BadReduce, [])


class Missing:
    def __reduce__(self):
        return "no_such_global"


for cls in (BadReduce, ShortReduce, NotCallable, NotTuple, Missing):
    show_error(pickle.dumps, cls())

print(issubclass(pickle.PicklingError, pickle.PickleError), issubclass(pickle.PickleError, Exception))
print(pickle.PicklingError.__module__, pickle.UnpicklingError.__name__)
