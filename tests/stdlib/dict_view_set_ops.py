# Keys and items views are set-like: the set operators (either side, with
# any iterable), comparisons with sets and views, isdisjoint; values views
# are not.
d = {1: 'a', 3: 'b', 5: 'c'}
e = {3: 'b', 4: 'x'}
cases = [
    "d.keys() - {1}", "d.keys() & {3, 9}", "d.keys() | {9}", "d.keys() ^ {1, 7}",
    "{1, 2} - d.keys()", "{1, 2} & d.keys()", "[3, 4] | d.keys()", "(5, 6) ^ d.keys()",
    "d.keys() & e.keys()", "d.keys() - e.keys()", "d.items() & e.items()",
    "d.items() - {(1, 'a')}", "d.items() | [(0, 'z')]", "d.keys() - range(3)",
    "d.keys() == {1, 3, 5}", "d.keys() != {1, 3}", "d.keys() < {1, 3, 5, 7}",
    "d.keys() <= d.keys()", "d.keys() > {1}", "d.keys() >= frozenset({1, 3})",
    "d.items() == {(1, 'a'), (3, 'b'), (5, 'c')}", "d.keys() == [1, 3, 5]",
    "d.keys() == e.keys()", "{3: 0}.keys() < d.keys()",
    "d.keys().isdisjoint({2, 4})", "d.keys().isdisjoint([5])", "d.items().isdisjoint(e.items())",
    "type(d.keys() - {1}).__name__", "sorted(d.keys() ^ e.keys())",
    "d.values() - {1}", "d.keys() - 1", "d.keys() & None", "d.values().isdisjoint",
]
for case in cases:
    try:
        result = eval(case)
        if isinstance(result, (set, frozenset)):
            result = sorted(result, key=repr)
        print(case, '->', result)
    except Exception as exc:
        print(case, '->', type(exc).__name__, exc)
