# reprlib: Repr's limits for each container, strings, ints, other objects,
# nesting depth, fillvalue, and recursive_repr.
import reprlib
from collections import deque

r = reprlib.Repr()
print(reprlib.repr(list(range(20))), reprlib.repr(tuple(range(10))), reprlib.repr((1,)), reprlib.repr(()))
print(reprlib.repr(set(range(20))), reprlib.repr(frozenset(range(3))), reprlib.repr(set()), reprlib.repr(frozenset()))
print(reprlib.repr({i: str(i) for i in range(10)}), reprlib.repr({}), reprlib.repr({'b': 1, 'a': [1, 2]}))
print(reprlib.repr(deque(range(10))), reprlib.repr('x' * 100), reprlib.repr('short'), reprlib.repr("it's" * 20))
print(reprlib.repr(2 ** 200), reprlib.repr(12345), reprlib.repr(3.5), reprlib.repr(None))
print(reprlib.repr([[[[[[[[1]]]]]]]]), reprlib.repr({1: {2: {3: {4: {5: {6: {7: 8}}}}}}}))
print(reprlib.repr({1, 'a', 2.5}) in ("{1, 'a', 2.5}", "{'a', 1, 2.5}", "{2.5, 1, 'a'}") or 'unsorted')
class Big:
    def __repr__(self):
        return 'Big(' + 'z' * 50 + ')'
class Bad:
    def __repr__(self):
        raise ValueError
print(reprlib.repr(Big()), reprlib.repr(Bad()).startswith('<Bad instance at 0x'))
r.maxlist = 2
r.maxstring = 10
r.maxlevel = 2
r.fillvalue = '..'
print(r.repr([1, 2, 3]), r.repr('abcdefghijklmnop'), r.repr([[[1]]]), r.repr([]))
print(r.maxdict, r.maxtuple, r.maxarray, r.maxset, r.maxfrozenset, r.maxdeque, r.maxlong, r.maxother)

class Node:
    def __init__(self):
        self.children = []
    @reprlib.recursive_repr()
    def __repr__(self):
        return 'Node(%r)' % self.children
n = Node()
n.children.append(n)
print(n, Node.__repr__.__name__, Node.__repr__.__qualname__)
class Other:
    @reprlib.recursive_repr('<loop>')
    def __repr__(self):
        return '<%r>' % (self.me,)
o = Other()
o.me = [o]
print(o)
