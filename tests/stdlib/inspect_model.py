# inspect: the Parameter/Signature/BoundArguments model (validation, text,
# equality, binding), cleandoc/getdoc, descriptor predicates, getattr_static,
# generator states and frame records.
import enum
import functools
import inspect
import sys

P = inspect.Parameter
S = inspect.Signature


def show(thunk):
    try:
        print(thunk())
    except Exception as e:
        print(type(e).__name__, e)


k = P.POSITIONAL_ONLY
print(repr(k), str(k), f"{k}", k.description, k.value, k.name, isinstance(k, enum.IntEnum), k == 0, k < P.KEYWORD_ONLY)
print([kind.description for kind in type(k)], P.empty, S.empty is P.empty, P(name="x", kind=1).kind)
show(lambda: P("a", 7))
show(lambda: P("a", P.VAR_POSITIONAL, default=1))
show(lambda: P("a", P.VAR_KEYWORD, default=1))
show(lambda: P(3, k))
show(lambda: P("1a", k))
show(lambda: P("a b", k))
p = P("x", P.KEYWORD_ONLY, default=[1], annotation=int)
print(p, repr(p), p.replace(name="y"), p.replace(default=P.empty), p.replace(annotation=P.empty), p.replace(kind=P.VAR_KEYWORD, default=P.empty))
print(p == P("x", P.KEYWORD_ONLY, default=[1], annotation=int), p == P("x", P.KEYWORD_ONLY), p == 5, hash(P("a", k)) == hash(P("a", k)))
show(lambda: p.replace(kind=P.VAR_POSITIONAL))
print(P("args", P.VAR_POSITIONAL, annotation="str"), P("kw", P.VAR_KEYWORD, annotation=list[int]), P("d", 1, default="s", annotation=inspect.Parameter))
for params in ([P("a", P.KEYWORD_ONLY), P("b", P.POSITIONAL_ONLY)], [P("a", k), P("a", k)], [P("a", k, default=1), P("b", k)],
               [P("a", P.KEYWORD_ONLY, default=1), P("b", P.KEYWORD_ONLY)], [P("a", 1, default=1), P("b", P.KEYWORD_ONLY)],
               [P("a", k), P("b", 1), P("c", 2), P("d", 3), P("e", 4)], [P("a", k), P("d", 3)], [P("a", 2), P("b", 2)],
               [P("a", k, default=1), P("b", 1, default=2), P("c", 1)], []):
    show(lambda: S(params))
print(S([P("a", k, default=1), P("b", k)], __validate_parameters__=False))
s = S([P("a", k), P("b", 3, default=None)], return_annotation=list[int])
print(s, repr(s), s.replace(return_annotation=S.empty), s.replace(parameters=[]), type(s.parameters).__name__, list(s.parameters))
print(S([P("a", 3), P("b", 3)]) == S([P("b", 3), P("a", 3)]), S([P("a", 1), P("b", 1)]) == S([P("b", 1), P("a", 1)]), hash(s) == hash(s.replace()), s == 1)
show(lambda: {S(): 1})


def f(a, b=2, /, c=3, *rest, d, e=5, **extra) -> "result":
    pass


sig = inspect.signature(f)
b = sig.bind(1, d=4, z=0)
print(b, b.args, b.kwargs, b.signature is sig)
b.apply_defaults()
print(b, b.args, b.kwargs)
b2 = sig.bind(1, 2, 3, 4, 5, d=4)
print(b2.args, b2.kwargs, b2 == sig.bind(1, 2, 3, 4, 5, d=4), b2 == sig.bind(1, d=4), b2 == 3)
partial_bound = sig.bind_partial(c=1)
print(partial_bound, partial_bound.args, partial_bound.kwargs)
partial_bound.arguments["a"] = 9
print(partial_bound.args, partial_bound.kwargs)
show(lambda: sig.bind(1, 2, 3, a=1, d=1))
show(lambda: sig.bind(1, c=1, b=2, d=1))
show(lambda: hash(b))
print(inspect.getcallargs(f, 1, 2, d=0), inspect.getcallargs(lambda *a, **k: 0, 1, x=2))
print(inspect.signature(functools.partial(f, 1, 2, c=7)), inspect.Signature.from_callable(f))

print(repr(inspect.cleandoc("a\n    b\n      \n")), repr(inspect.cleandoc("  a\n\n    b\n      c\n    \n\n")), repr(inspect.cleandoc("\n\n  x\n\ty")))
print(repr(inspect.cleandoc("")), repr(inspect.cleandoc("   \n  \n")), repr(inspect.cleandoc("one line  ")), repr(inspect.cleandoc("x\n\n  y\n z")))
print(inspect.formatannotation(int), inspect.formatannotation(list[int]), inspect.formatannotation(inspect.Parameter), inspect.formatannotation("x"),
      inspect.formatannotation(None), inspect.formatannotation(inspect.Parameter, "inspect"), inspect.formatannotation(P.empty))


class Base:
    """Base docs.

        indented
    """

    def method(self):
        """Method docs."""

    @property
    def prop(self):
        """Prop docs."""
        return 1


class Derived(Base):
    def method(self):
        pass

    @property
    def prop(self):
        return 2


class Plain:
    pass


print(repr(inspect.getdoc(Base)), inspect.getdoc(Derived), inspect.getdoc(Derived.method), inspect.getdoc(Derived().method), inspect.getdoc(Derived.prop))
print(inspect.getdoc(Plain), inspect.getdoc(lambda: 0), inspect.getdoc(Plain()))


class Meta(type):
    flag = "meta"


class Slotted(metaclass=Meta):
    def __getattr__(self, name):
        return "dynamic"

    @property
    def computed(self):
        raise RuntimeError("not run")

    level = "class"


obj = Slotted()
obj.__dict__["level"] = "instance"
obj.__dict__["computed"] = "shadowed?"
print(inspect.getattr_static(obj, "level"), type(inspect.getattr_static(obj, "computed")).__name__, inspect.getattr_static(Slotted, "flag"),
      inspect.getattr_static(obj, "missing", "default"), obj.missing)
show(lambda: inspect.getattr_static(obj, "missing"))
print(inspect.ismethoddescriptor(staticmethod(f)), inspect.ismethoddescriptor(f), inspect.ismethoddescriptor(Base),
      inspect.isdatadescriptor(Base.prop), inspect.isdatadescriptor(str.join), inspect.isdatadescriptor(Base), inspect.isroutine(str.join), inspect.isroutine(Base.prop))
print(inspect.getmro(Derived), [name for name, _ in inspect.getmembers(Derived, inspect.isfunction)], [name for name, _ in inspect.getmembers(Derived) if not name.startswith("__")])


def gen():
    x = 1
    yield x


g = gen()
print(inspect.getgeneratorstate(g), inspect.getgeneratorlocals(g))
next(g)
print(inspect.getgeneratorstate(g), inspect.getgeneratorlocals(g))
g.close()
print(inspect.getgeneratorstate(g), inspect.getgeneratorlocals(g), inspect.getcoroutinelocals(5))
show(lambda: inspect.getgeneratorlocals(5))


def running():
    yield inspect.getgeneratorstate(me)


me = running()
print(next(me), inspect.iscoroutinefunction(functools.partial(f)), inspect.isgeneratorfunction(Base().method), inspect.isgeneratorfunction(running))


def where():
    frame = inspect.currentframe()
    info = inspect.getframeinfo(frame, context=3)
    return info.function, info.lineno - frame.f_code.co_firstlineno, len(info.code_context), info.index, info.positions.lineno == info.lineno


print(where(), inspect.getframeinfo(sys._getframe(), 0)[3:], inspect.getlineno(sys._getframe()) > 0)
records = [(r.function, r.index, r.code_context) for r in inspect.stack(0)]
print(records, inspect.stack()[0][3], type(inspect.stack()[0]).__name__, inspect.stack()[0].frame is sys._getframe())
try:
    where(1)
except TypeError:
    print([(r.function, r.code_context[0].strip()) for r in inspect.trace()])
show(lambda: inspect.getframeinfo(3))
t = inspect.Traceback("f.py", 1, "fn", None, None, positions=None)
print(t, t.positions, tuple(t), t._fields)


# Comment right above,
#   kept as written.
def commented():
    pass


# Separated by a blank line.

def separated():
    pass


class Holder:
    # About the method.
    def method(self):
        pass


print(repr(inspect.getcomments(commented)), inspect.getcomments(separated), repr(inspect.getcomments(Holder.method)), inspect.getcomments(len))
print(repr(inspect.getcomments(sys.modules[__name__])))
