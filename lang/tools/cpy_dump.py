"""Dump CPython's parse of a file in the form of src/parser/dump.rs."""
import ast, json, sys

def j(s):
    return json.dumps(s)

def L(items, f):
    return "[" + ", ".join(f(x) for x in items) + "]"

def opt(e):
    return "None" if e is None else ex(e)

def oid(s):
    return "None" if s is None else j(s)

def b(x):
    return "True" if x else "False"

def const(v):
    if v is None: return "None"
    if v is True: return "True"
    if v is False: return "False"
    if v is Ellipsis: return "Ellipsis"
    if isinstance(v, int): return str(v)
    if isinstance(v, float): return repr(v)
    if isinstance(v, complex): return "complex(%r)" % v.imag
    if isinstance(v, str): return j(v)
    if isinstance(v, bytes): return "b" + j(v.decode("latin-1"))
    raise TypeError(v)

def op(o):
    return type(o).__name__

def args(a):
    return "arguments(%s, %s, %s, %s, %s, %s, %s)" % (L(a.posonlyargs, arg), L(a.args, arg),
        "None" if a.vararg is None else arg(a.vararg), L(a.kwonlyargs, arg), L(a.kw_defaults, opt),
        "None" if a.kwarg is None else arg(a.kwarg), L(a.defaults, ex))

def arg(a):
    return "arg(%s, %s)" % (j(a.arg), opt(a.annotation))

def kw(k):
    return "keyword(%s, %s)" % (oid(k.arg), ex(k.value))

def comp(c):
    return "comprehension(%s, %s, %s, %s)" % (ex(c.target), ex(c.iter), L(c.ifs, ex), b(c.is_async))

def alias(a):
    return "alias(%s, %s)" % (j(a.name), oid(a.asname))

SPANS = "--spans" in sys.argv

def pos(n):
    if not SPANS:
        return ""
    return "@%d:%d-%d:%d" % (n.lineno, n.col_offset, n.end_lineno, n.end_col_offset)

def ex(e):
    return ex0(e) + pos(e)

def ex0(e):
    t = type(e).__name__
    if t == "BoolOp": return "BoolOp(%s, %s)" % (op(e.op), L(e.values, ex))
    if t == "NamedExpr": return "NamedExpr(%s, %s)" % (ex(e.target), ex(e.value))
    if t == "BinOp": return "BinOp(%s, %s, %s)" % (ex(e.left), op(e.op), ex(e.right))
    if t == "UnaryOp": return "UnaryOp(%s, %s)" % (op(e.op), ex(e.operand))
    if t == "Lambda": return "Lambda(%s, %s)" % (args(e.args), ex(e.body))
    if t == "IfExp": return "IfExp(%s, %s, %s)" % (ex(e.test), ex(e.body), ex(e.orelse))
    if t == "Dict": return "Dict(%s, %s)" % (L(e.keys, opt), L(e.values, ex))
    if t == "Set": return "Set(%s)" % L(e.elts, ex)
    if t in ("ListComp", "SetComp", "GeneratorExp"): return "%s(%s, %s)" % (t, ex(e.elt), L(e.generators, comp))
    if t == "DictComp": return "DictComp(%s, %s, %s)" % (ex(e.key), ex(e.value), L(e.generators, comp))
    if t == "Await": return "Await(%s)" % ex(e.value)
    if t == "Yield": return "Yield(%s)" % opt(e.value)
    if t == "YieldFrom": return "YieldFrom(%s)" % ex(e.value)
    if t == "Compare": return "Compare(%s, %s, %s)" % (ex(e.left), L(e.ops, op), L(e.comparators, ex))
    if t == "Call": return "Call(%s, %s, %s)" % (ex(e.func), L(e.args, ex), L(e.keywords, kw))
    if t == "FormattedValue":
        c = "None" if e.conversion == -1 else "'%s'" % chr(e.conversion)
        return "FormattedValue(%s, %s, %s)" % (ex(e.value), c, opt(e.format_spec))
    if t == "JoinedStr": return "JoinedStr(%s)" % L(e.values, ex)
    if t == "Constant": return "Constant(%s)" % const(e.value)
    if t == "Attribute": return "Attribute(%s, %s)" % (ex(e.value), j(e.attr))
    if t == "Subscript": return "Subscript(%s, %s)" % (ex(e.value), ex(e.slice))
    if t == "Starred": return "Starred(%s)" % ex(e.value)
    if t == "Name": return "Name(%s)" % j(e.id)
    if t == "List": return "List(%s)" % L(e.elts, ex)
    if t == "Tuple": return "Tuple(%s)" % L(e.elts, ex)
    if t == "Slice": return "Slice(%s, %s, %s)" % (opt(e.lower), opt(e.upper), opt(e.step))
    raise TypeError(t)

def S(body):
    return L(body, st)

def pat(p):
    return pat0(p) + pos(p)

def pat0(p):
    t = type(p).__name__
    if t == "MatchValue": return "MatchValue(%s)" % ex(p.value)
    if t == "MatchSingleton": return "MatchSingleton(%s)" % const(p.value)
    if t in ("MatchSequence", "MatchOr"): return "%s(%s)" % (t, L(p.patterns, pat))
    if t == "MatchMapping": return "MatchMapping(%s, %s, %s)" % (L(p.keys, ex), L(p.patterns, pat), oid(p.rest))
    if t == "MatchClass": return "MatchClass(%s, %s, %s, %s)" % (ex(p.cls), L(p.patterns, pat), L(p.kwd_attrs, j), L(p.kwd_patterns, pat))
    if t == "MatchStar": return "MatchStar(%s)" % oid(p.name)
    if t == "MatchAs": return "MatchAs(%s, %s)" % ("None" if p.pattern is None else pat(p.pattern), oid(p.name))
    raise TypeError(t)

def case(c):
    return "match_case(%s, %s, %s)" % (pat(c.pattern), opt(c.guard), S(c.body))

def handler(h):
    return "ExceptHandler(%s, %s, %s)" % (opt(h.type), oid(h.name), S(h.body))

def st(s):
    return st0(s) + pos(s)

def st0(s):
    t = type(s).__name__
    if t == "Expr": return "Expr(%s)" % ex(s.value)
    if t == "Assign": return "Assign(%s, %s)" % (L(s.targets, ex), ex(s.value))
    if t == "AugAssign": return "AugAssign(%s, %s, %s)" % (ex(s.target), op(s.op), ex(s.value))
    if t == "AnnAssign": return "AnnAssign(%s, %s, %s, %s)" % (ex(s.target), ex(s.annotation), opt(s.value), b(s.simple))
    if t == "Delete": return "Delete(%s)" % L(s.targets, ex)
    if t in ("Pass", "Break", "Continue"): return t + "()"
    if t in ("If", "While"): return "%s(%s, %s, %s)" % (t, ex(s.test), S(s.body), S(s.orelse))
    if t in ("For", "AsyncFor"): return "For(%s, %s, %s, %s, %s)" % (ex(s.target), ex(s.iter), S(s.body), S(s.orelse), b(t == "AsyncFor"))
    if t in ("FunctionDef", "AsyncFunctionDef"):
        return "FunctionDef(%s, %s, %s, %s, %s, %s)" % (j(s.name), args(s.args), S(s.body), L(s.decorator_list, ex), opt(s.returns), b(t == "AsyncFunctionDef"))
    if t == "ClassDef": return "ClassDef(%s, %s, %s, %s, %s)" % (j(s.name), L(s.bases, ex), L(s.keywords, kw), S(s.body), L(s.decorator_list, ex))
    if t == "Return": return "Return(%s)" % opt(s.value)
    if t in ("Try", "TryStar"): return "Try(%s, %s, %s, %s, %s)" % (S(s.body), L(s.handlers, handler), S(s.orelse), S(s.finalbody), b(t == "TryStar"))
    if t == "Raise": return "Raise(%s, %s)" % (opt(s.exc), opt(s.cause))
    if t in ("With", "AsyncWith"):
        return "With(%s, %s, %s)" % (L(s.items, lambda w: "withitem(%s, %s)" % (ex(w.context_expr), opt(w.optional_vars))), S(s.body), b(t == "AsyncWith"))
    if t == "Global": return "Global(%s)" % L(s.names, j)
    if t == "Nonlocal": return "Nonlocal(%s)" % L(s.names, j)
    if t == "Assert": return "Assert(%s, %s)" % (ex(s.test), opt(s.msg))
    if t == "Import": return "Import(%s)" % L(s.names, alias)
    if t == "ImportFrom": return "ImportFrom(%s, %s, %s)" % (oid(s.module), L(s.names, alias), s.level)
    if t == "Match": return "Match(%s, %s)" % (ex(s.subject), L(s.cases, case))
    raise TypeError(t)

for path in [a for a in sys.argv[1:] if a != "--spans"]:
    tree = ast.parse(open(path, encoding="utf-8").read(), path)
    for s in tree.body:
        print(st(s))
