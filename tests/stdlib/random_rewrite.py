# random written afresh (natively drawn variates): many seeded calls of every
# method must give CPython's numbers; argument errors give CPython's messages;
# subclasses that override random() or getrandbits() drive every draw.
import copy
import pickle
import random
import warnings
from fractions import Fraction


def attempt(label, thunk):
    try:
        print(label, repr(thunk()))
    except Exception as e:
        print(label, type(e).__name__, e)


r = random.Random(2024)
for round_ in range(3):
    print([r.random() for _ in range(3)], r.getrandbits(1), r.getrandbits(31), r.getrandbits(33), r.getrandbits(64), r.getrandbits(200))
    print([r.randrange(n) for n in (1, 2, 3, 7, 10, 100, 2**31, 2**32 + 1, 2**53, 10**30)])
    print(r.randrange(-5, 5), r.randrange(10, 100, 7), r.randrange(100, 10, -7), r.randrange(-10**25, 10**25, 3), r.randint(-3, 3), r.randint(0, 0))
    print(r.choice("abcdefg"), r.choice(range(10**12)), r.choice([None]), r.randbytes(0), r.randbytes(1), r.randbytes(9))
    deck = list(range(20)); r.shuffle(deck); print(deck)
    small = list("ab"); r.shuffle(small); print(small)
    print(r.sample(range(30), 10), r.sample(range(10**6), 8), r.sample("abcdef", 6), r.sample(range(100), 0))
    print(r.sample(range(200), 40)[:10], r.sample(range(21), 5), r.sample(range(22), 5), r.sample(range(86), 6), r.sample(range(87), 6))
    print(r.sample(["red", "blue"], counts=[4, 2], k=5), r.sample("xyz", 3, counts=[1, 0, 5]))
    print(r.choices("abc"), r.choices(range(5), k=6), r.choices("abc", [1, 0, 5], k=5), r.choices("abc", cum_weights=[1, 1, 10], k=5))
    print(r.choices("ab", [Fraction(1, 3), Fraction(2, 3)], k=4), r.choices("ab", [0.1, 0.2], k=3), r.choices("ab", k=0))
    print(r.uniform(1, 2), r.uniform(-1e10, 1e10), r.uniform(5, 5), r.triangular(), r.triangular(0, 10, 3), r.triangular(0, 10, 9), r.triangular(3, 1))
    print(r.normalvariate(), r.normalvariate(5, 2), r.gauss(), r.gauss(10, 0.5), r.gauss(10, 0.5), r.lognormvariate(0, 1), r.lognormvariate(1, 0.25))
    print(r.expovariate(1.5), r.expovariate(0.01), r.vonmisesvariate(1, 2), r.vonmisesvariate(0, 0), r.vonmisesvariate(3, 50), r.vonmisesvariate(-2, 0.5))
    print(r.gammavariate(0.3, 2), r.gammavariate(0.999, 1), r.gammavariate(1, 3), r.gammavariate(2.5, 1), r.gammavariate(100, 0.5))
    print(r.betavariate(2, 3), r.betavariate(0.5, 0.5), r.paretovariate(3), r.weibullvariate(1, 2), r.weibullvariate(2.5, 0.7))

# result types follow Python arithmetic on the arguments
r.seed(5)
print(r.uniform(Fraction(1), Fraction(2)), r.triangular(Fraction(1), Fraction(1)), r.normalvariate(Fraction(1), 0), type(r.uniform(1, 1)).__name__)

# seeding: ints, their absolute value, floats, str, bytes, bytearray, None
for seed in (0, 1, -1, 42, 2**32, 2**32 - 1, 2**64 + 5, -(2**100), 3.5, -2.25, 0.0, "", "hello", "ünïcode", b"bytes", bytearray(b"bytes"), True):
    r.seed(seed)
    print(repr(seed), r.random(), r.randrange(1000))
random.seed(42)
print(random.random(), random.randint(1, 10), random.choice("xyz"), random.gauss(), random.gauss())
r.seed(None)
r.seed()
print(0.0 <= r.random() < 1.0)

# state
r.seed(9)
r.gauss()
state = r.getstate()
print(state[0], len(state[1]), state[1][-1], state[2])
first = [r.random(), r.gauss(), r.randrange(10**20)]
r.setstate(state)
print(first == [r.random(), r.gauss(), r.randrange(10**20)])
twin = copy.copy(r)
print(twin.random() == r.random(), type(twin).__name__, copy.deepcopy(r).random() == r.random())
clone = pickle.loads(pickle.dumps(r))
print(clone.random() == r.random())
print(random.Random(7).getstate() == random.Random(7).getstate(), random.Random(7).random() == random.Random(7).random())

# errors
warnings.simplefilter("ignore")
for label, thunk in [
    ("randrange(0)", lambda: r.randrange(0)),
    ("randrange(-3)", lambda: r.randrange(-3)),
    ("randrange(5.5)", lambda: r.randrange(5.5)),
    ("randrange('a')", lambda: r.randrange("a")),
    ("randrange(1, 1)", lambda: r.randrange(1, 1)),
    ("randrange(3, 1)", lambda: r.randrange(3, 1)),
    ("randrange(1, 5.5)", lambda: r.randrange(1, 5.5)),
    ("randrange(1, 5, 0)", lambda: r.randrange(1, 5, 0)),
    ("randrange(1, 5, 1.5)", lambda: r.randrange(1, 5, 1.5)),
    ("randrange(5, 1, 2)", lambda: r.randrange(5, 1, 2)),
    ("randrange(1, 5, -1)", lambda: r.randrange(1, 5, -1)),
    ("randrange(5, None, 2)", lambda: r.randrange(5, None, 2)),
    ("randrange(None)", lambda: r.randrange(None)),
    ("randint(1, 0)", lambda: r.randint(1, 0)),
    ("randint(1.5, 2)", lambda: r.randint(1.5, 2)),
    ("choice([])", lambda: r.choice([])),
    ("choice({})", lambda: r.choice({})),
    ("choice(set)", lambda: r.choice({1})),
    ("choice(5)", lambda: r.choice(5)),
    ("sample(set)", lambda: r.sample({1, 2}, 1)),
    ("sample(k>n)", lambda: r.sample([1, 2], 3)),
    ("sample(k<0)", lambda: r.sample([1, 2], -1)),
    ("sample(k float)", lambda: r.sample([1, 2], 1.5)),
    ("sample(k None)", lambda: r.sample([1, 2], None)),
    ("sample(no k)", lambda: r.sample([1, 2])),
    ("sample counts len", lambda: r.sample([1, 2], 1, counts=[1])),
    ("sample counts float", lambda: r.sample([1, 2], 1, counts=[1.0, 2])),
    ("sample counts zero", lambda: r.sample([1, 2], 1, counts=[0, 0])),
    ("sample counts k", lambda: r.sample([1, 2], 4, counts=[1, 2])),
    ("choices weights len", lambda: r.choices([1, 2], [1])),
    ("choices k positional", lambda: r.choices([1, 2], 3)),
    ("choices both", lambda: r.choices([1, 2], [1, 2], cum_weights=[1, 2])),
    ("choices zero", lambda: r.choices([1, 2], [0, 0])),
    ("choices negative", lambda: r.choices([1, 2], [-1, -2])),
    ("choices inf", lambda: r.choices([1, 2], [1, float("inf")])),
    ("choices nan", lambda: r.choices([1, 2], [1, float("nan")])),
    ("choices empty", lambda: r.choices([], k=2)),
    ("choices k float", lambda: r.choices([1, 2], k=2.0)),
    ("choices str weight", lambda: r.choices([1, 2], cum_weights=[1, "a"])),
    ("choices no len", lambda: r.choices(5)),
    ("gammavariate(0, 1)", lambda: r.gammavariate(0, 1)),
    ("gammavariate(1, -1)", lambda: r.gammavariate(1, -1)),
    ("betavariate(0, 1)", lambda: r.betavariate(0, 1)),
    ("expovariate(0)", lambda: r.expovariate(0)),
    ("expovariate('a')", lambda: r.expovariate("a")),
    ("paretovariate(0)", lambda: r.paretovariate(0)),
    ("weibullvariate(1, 0)", lambda: r.weibullvariate(1, 0)),
    ("uniform('a', 'b')", lambda: r.uniform("a", "b")),
    ("getrandbits(-1)", lambda: r.getrandbits(-1)),
    ("getrandbits(0)", lambda: r.getrandbits(0)),
    ("randbytes(-1)", lambda: r.randbytes(-1)),
    ("randbytes(1.0)", lambda: r.randbytes(1.0)),
    ("seed([1])", lambda: r.seed([1])),
    ("seed({})", lambda: r.seed({})),
    ("setstate version", lambda: r.setstate((4, (), None))),
    ("setstate size", lambda: r.setstate((3, (1,), None))),
    ("setstate int", lambda: r.setstate(5)),
    ("shuffle tuple", lambda: r.shuffle((1, 2))),
    ("shuffle kw", lambda: r.shuffle([1], random=None)),
    ("Random(1, 2)", lambda: random.Random(1, 2)),
    ("random(1)", lambda: r.random(1)),
]:
    attempt(label, thunk)

# randrange's deprecated integral non-ints still work
r.seed(3)
print(r.randrange(5.0), r.randrange(Fraction(4)), r.randrange(1, 5.0), r.randrange(1, 9, 2.0), r.randint(1.0, 2.0), r.randrange(True))


# subclasses: an overridden random() drives the variates and (without getrandbits) the ints
class Constant(random.Random):
    def random(self):
        return 0.25


c = Constant()
print(c.uniform(0, 8), c.expovariate(1), c.triangular(0, 4), c.choice("abcd"), c.randrange(8), c.randrange(2**60), c.sample(range(8), 3))
print(c.choices("abcd", k=3), c.choices("abcd", [1, 1, 1, 1], k=2), c.paretovariate(2), c.normalvariate(0, 1), c.gauss(1, 1))


class Counting(random.Random):
    calls = 0

    def getrandbits(self, k):
        Counting.calls += 1
        return super().getrandbits(k)


cr = Counting(11)
print(cr.randrange(1000), cr.choice("abcdef"), cr.sample(range(50), 4), Counting.calls, cr.random())


class Tuned(random.Random):
    def random(self):
        return 0.5

    def getrandbits(self, k):
        return k  # the bit count itself: randrange(n) rejects until k < n


t = Tuned()
print(t.randrange(3), t.randrange(100), t.randrange(5, 50), t.uniform(0, 2))
print(isinstance(random.SystemRandom(), random.Random), random.SystemRandom().seed(5))
sr = random.SystemRandom()
print(0 <= sr.random() < 1, 0 <= sr.randrange(10) < 10, len(sr.randbytes(5)), sr.getrandbits(0), sr.getrandbits(12) < 4096, len(sr.sample(range(100), 7)))
attempt("system getstate", lambda: sr.getstate())
attempt("system setstate", lambda: sr.setstate(1))
attempt("system bits", lambda: sr.getrandbits(-1))
print(random.Random.VERSION, [name for name in random.__all__ if not hasattr(random, name)], random.TWOPI, random.NV_MAGICCONST, random.SG_MAGICCONST, random.LOG4, random.BPF, random.RECIP_BPF)


# a sequence whose own item assignment draws from the generator being used
class Noisy(list):
    def __setitem__(self, index, value):
        noise.append(rng.random())
        super().__setitem__(index, value)


rng = random.Random(4)
noise = []
items = Noisy(range(6))
rng.shuffle(items)
print(items, noise[:3], len(noise))
print(Constant().randrange(10**30), Constant().randrange(2**53 + 1))
