import random
random.seed(42)
print(random.random(), random.random(), random.randint(1, 100), random.choice("abcdef"), random.uniform(1, 2))
l = list(range(10)); random.shuffle(l); print(l)
print(random.sample(range(100), 5), random.sample("abcdefgh", 3), random.choices("abc", k=5), random.choices([1, 2, 3], weights=[1, 5, 1], k=4))
print(random.randrange(10), random.randrange(0, 100, 7), random.getrandbits(8), random.getrandbits(100), random.gauss(0, 1), random.gauss(0, 1))
print(random.normalvariate(5, 2), random.expovariate(1.5), random.triangular(0, 10, 3), random.betavariate(2, 3), random.gammavariate(2.5, 1), random.gammavariate(0.5, 1))
print(random.lognormvariate(0, 1), random.vonmisesvariate(1, 2), random.paretovariate(3), random.weibullvariate(1, 2), random.randbytes(4))
random.seed("hello"); print(random.random())
random.seed(b"bytes"); print(random.random())
random.seed(3.5); print(random.random())
random.seed(-7); print(random.random())
random.seed(2**100); print(random.random())
random.seed(0); print(random.random(), random.sample(range(10000), 3))
r = random.Random(123); print(r.random(), r.randint(1, 6))
s = r.getstate(); a = r.random(); r.setstate(s); print(a == r.random())
print(random.sample(range(1000), 30))
for bad in [lambda: random.choice([]), lambda: random.randrange(0), lambda: random.randrange(5, 1), lambda: random.sample([1], 2), lambda: random.randint(1.5, 2), lambda: random.seed([1])]:
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
import bisect
a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 5), bisect.bisect_left(a, 4, 3), bisect.bisect_right(a, 0))
bisect.insort(a, 3); bisect.insort_left(a, 4); print(a)
print(bisect.bisect_left([(1, 'a'), (3, 'b')], 2, key=lambda t: t[0]))
