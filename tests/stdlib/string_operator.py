import string
import operator
from operator import itemgetter, attrgetter, methodcaller
from functools import reduce

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), len(string.printable))
print(string.capwords("hello   wide world"), string.capwords("a-b c-d", "-"))
t = string.Template("$who likes ${what}; cost $$5")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="tim"), t.get_identifiers())
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError", e)
try:
    string.Template("bad $ here").substitute()
except ValueError as e:
    print("ValueError", e)

print(operator.add(1, 2), operator.sub(5, 3), operator.mul("a", 3), operator.truediv(1, 4), operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 8))
print(operator.neg(5), operator.pos(-5), operator.invert(5), operator.abs(-3), operator.not_(0), operator.truth([1]), operator.index(7))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq("a", "a"), operator.ne(1, 1), operator.gt(3, 1), operator.ge(1, 3))
print(operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.lshift(1, 4), operator.rshift(16, 2), operator.concat([1], [2]))
print(operator.contains([1, 2], 2), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"), operator.getitem({"k": 1}, "k"), operator.is_(None, None), operator.is_not(1, None))
d = {}
operator.setitem(d, "a", 1)
print(d)
operator.delitem(d, "a")
print(d, operator.length_hint([1, 2, 3]), operator.iadd([1], [2]), operator.__add__(2, 3))
print(reduce(operator.mul, range(1, 6)), list(map(operator.neg, [1, -2])))
pairs = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(pairs, key=itemgetter(1)), sorted(pairs, key=itemgetter(0)), itemgetter(0, 1)(pairs[0]), itemgetter(1)("xyz"))


class P:
    def __init__(self, name, age):
        self.name = name
        self.age = age
        self.inner = self if age > 40 else None

    def greet(self, greeting, punct="!"):
        return f"{greeting}, {self.name}{punct}"


people = [P("ann", 30), P("bob", 50)]
print([p.name for p in sorted(people, key=attrgetter("age"), reverse=True)], attrgetter("name", "age")(people[0]), attrgetter("inner.name")(people[1]))
print(methodcaller("greet", "hi")(people[0]), methodcaller("greet", "yo", punct="?")(people[1]), methodcaller("upper")("abc"))
print(itemgetter(1), attrgetter("a", "b"), methodcaller("m", 1, k=2))
for bad in [lambda: itemgetter(), lambda: attrgetter(1), lambda: operator.concat(1, 2), lambda: itemgetter(5)([1])]:
    try:
        bad()
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)
