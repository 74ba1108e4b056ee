# bisect, heapq, functools, itertools, dis, types, warnings and json natives
# check their arguments as CPython does, show their signatures to inspect
# and have docstrings.
import bisect
import dis
import functools
import heapq
import inspect
import itertools
import types
import warnings

WRONG = [((), {}), ((0,) * 9, {}), ((), {"bogus": 1}), (([],), {"bogus": 1})]


def probe(label, f, calls=WRONG, doc=True):
    """Wrong calls to f, its signature and (where CPython has one) its docstring."""
    for args, kwargs in calls:
        try:
            f(*args, **kwargs)
            print(label, len(args), sorted(kwargs), "-> accepted")
        except Exception as e:
            print(label, len(args), sorted(kwargs), "->", type(e).__name__, e)
    try:
        print(label, "signature", inspect.signature(f))
    except ValueError:
        print(label, "signature: none")
    if doc and not f.__doc__:
        print(label, "has no docstring")


def run(calls):
    for call in calls:
        try:
            print(call, "->", eval(call))
        except Exception as e:
            print(call, "->", type(e).__name__, e)


for name in "bisect_left bisect_right insort_left insort_right bisect insort".split():
    probe("bisect." + name, getattr(bisect, name))
print(bisect.bisect is bisect.bisect_right, bisect.insort is bisect.insort_right)
a = [1, 3, 5]
bisect.insort(a, 4, key=None)
bisect.insort_left(a, 2, lo=0, hi=len(a))
run([
    "a", "bisect.bisect_left(a, 3, lo=-1)", "bisect.bisect([1], 1, 0, 1, None, 4)",
    "bisect.bisect_left([1, 2], 2, hi=None)", "bisect.bisect_left(a=[1, 2], x=2)",
    "bisect.bisect([(1, 'a'), (2, 'b')], 1, key=lambda t: t[0])", "bisect.bisect_left([1])",
    "bisect.bisect_right([1], 1, lo=0, a=[1])",
])

for name in "heappush heappop heapify heapreplace heappushpop".split():
    probe("heapq." + name, getattr(heapq, name), WRONG[:3])
run(["heapq.heappush(1, 2)", "heapq.heappop([])", "heapq.heapreplace((), 1)"])

probe("functools.reduce", functools.reduce)
run([
    "functools.reduce(lambda a, b: a + b, [1, 2, 3], initial=0)",
    "functools.reduce(lambda a, b: a * b, range(1, 6), 10)", "functools.reduce(max, [])",
])
cached = functools.lru_cache(maxsize=2)(lambda x: x * 2)
cached(1)
for name in "cache_info cache_clear".split():
    probe("lru." + name, getattr(cached, name), WRONG[1:3], doc=False)
p = functools.partial(int, base=2)
probe("partial.__reduce__", p.__reduce__, WRONG[1:3], doc=False)
probe("partial.__setstate__", p.__setstate__, WRONG[:1], doc=False)

for name in """count cycle repeat chain islice takewhile dropwhile accumulate product
permutations combinations combinations_with_replacement zip_longest groupby starmap
compress filterfalse pairwise""".split():
    f = getattr(itertools, name)
    for args, kwargs in WRONG:
        try:
            f(*args, **kwargs)
            print(name, len(args), sorted(kwargs), "-> accepted")
        except Exception as e:
            print(name, len(args), sorted(kwargs), "->", type(e).__name__, e)
probe("itertools.tee", itertools.tee)
probe("chain.from_iterable", itertools.chain.from_iterable)
run([
    "list(itertools.combinations(iterable='abc', r=2))", "list(itertools.compress(data='abc', selectors=[1, 0, 1]))",
    "list(itertools.permutations('ab', r=None))", "list(itertools.product('ab', repeat=2))",
    "list(itertools.accumulate([1, 2, 3], initial=10))", "list(itertools.repeat(object=1, times=2))",
    "list(itertools.islice('abcdef', 1, None, 2))", "list(itertools.count(step=2, start=1).__next__() for _ in range(2))",
    "[k for k, g in itertools.groupby('aabbc', key=None)]", "list(itertools.zip_longest('ab', 'c', fillvalue='-'))",
    "itertools.zip_longest(fill=1)", "list(itertools.tee('ab', 3)[2])", "list(itertools.tee('ab')[0].__copy__())",
])

for name in """dis disassemble distb get_instructions code_info show_code findlinestarts
findlabels pretty_flags stack_effect""".split():
    probe("dis." + name, getattr(dis, name), WRONG[1:])
print(dis.disco is dis.disassemble)
run([
    "dis.stack_effect(opcode=1)", "dis.stack_effect(1, bogus=2)", "dis.stack_effect(1, 2, 3)",
    "dis.code_info()", "dis.Bytecode()", "dis.Bytecode(len, 2)", "dis.Bytecode(len, bogus=1)",
    "dis.pretty_flags(flags=3)",
])

probe("types.coroutine", types.coroutine, WRONG[:3])
run([
    "types.MethodType(1)", "types.MethodType(print, 1, x=2)", "types.ModuleType()",
    "types.ModuleType('a', 'b', 'c')", "types.ModuleType('a', bogus=1)",
    "types.ModuleType(name='m', doc='d').__doc__",
])

probe("warnings.warn", warnings.warn, WRONG[:3])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn(message="careful", category=UserWarning, stacklevel=1)
print([str(w.message) for w in caught])
