# ImportError's messages and attributes, and __import__'s return values.
def show(stmt):
    try:
        exec(stmt)
    except ImportError as e:
        path = e.path.rsplit("/", 2)[-2:] if e.path else e.path
        print(f"{stmt!r}: {type(e).__name__}: {e} | name={e.name!r} path={path!r}")

show("import pkg.leaf.deeper")
show("from pkg import missing")
show("import nothing_here.sub")
show("from pkg.sub import far")
show("import pkg.sub.far")
show("from pkg.sub import relative_ok")
show("from pkg.sub import relative_ok, nothing")

print(__import__("pkg.sub").__name__)
print(__import__("pkg.sub", fromlist=["x"]).__name__)
print(__import__("pkg", fromlist=["leaf"]).leaf.__name__)
print(__import__("sub", {"__package__": "pkg"}, None, [], 1).__name__)
print(__import__("", {"__name__": "pkg.leaf", "__package__": "pkg"}, None, ["leaf"], 1).__name__)
e = ImportError("message", name="n", path="p")
print(e, e.msg, e.name, e.path, e.args)
print(ImportError().msg, ImportError("a", "b").msg, str(ImportError("a", "b")))
try:
    ImportError("x", nope=1)
except TypeError as t:
    print(t)
print(issubclass(ModuleNotFoundError, ImportError))
