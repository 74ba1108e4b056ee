# The Python half of `random`: argument checking and parameter arithmetic.
# The generator and every draw that loops over it are native (random.rs,
# random_draws.rs): `Random` here subclasses the native `_random.Random`, as
# CPython's does, and its variates apply location and scale to the native
# standard draws with Python arithmetic, so that results, result types and
# error messages are CPython's for any numeric arguments.

import operator as _operator
import os as _os
from bisect import bisect as _bisect
from collections.abc import Sequence as _Sequence
from itertools import accumulate as _accumulate
from math import exp as _exp, isfinite as _isfinite, log as _log, pi as _pi, sqrt as _sqrt
from warnings import warn as _warn

__all__ = [
    "Random", "SystemRandom", "betavariate", "choice", "choices", "expovariate", "gammavariate", "gauss",
    "getrandbits", "getstate", "lognormvariate", "normalvariate", "paretovariate", "randbytes", "randint",
    "random", "randrange", "sample", "seed", "setstate", "shuffle", "triangular", "uniform",
    "vonmisesvariate", "weibullvariate",
]

# Public constants of CPython's module.
NV_MAGICCONST = 4 * _exp(-0.5) / _sqrt(2.0)
TWOPI = 2.0 * _pi
LOG4 = _log(4.0)
SG_MAGICCONST = 1.0 + _log(4.5)
BPF = 53
RECIP_BPF = 2**-BPF

_SEED_TYPES_MESSAGE = "The only supported seed types are: None,\nint, float, str, bytes, and bytearray."


def _seed_value(a, version):
    """What the native seed() takes for a: None, an int, a float (seeded by its hash)
    or bytes / str (seeded by their bytes and SHA-512)."""
    if isinstance(a, (str, bytes, bytearray)):
        if version == 1:
            raise NotImplementedError("random.seed(version=1) for a str or bytes seed (Python 2's hashing)")
        return a if isinstance(a, str) else bytes(a)
    if a is None or isinstance(a, (int, float)):
        return a
    raise TypeError(_SEED_TYPES_MESSAGE)


def _range_bound(value, position):
    """An argument of randrange as an int. Python 3.11 still accepts a value that
    only converts to an equal int (3.0, Fraction(3)), with a DeprecationWarning."""
    try:
        return _operator.index(value)
    except TypeError:
        pass
    converted = int(value)
    if converted == value:
        _warn(
            "non-integer arguments to randrange() have been deprecated since Python 3.10 "
            "and will be removed in a subsequent version",
            DeprecationWarning,
            3,
        )
        return converted
    _warn("randrange() will raise TypeError in the future", DeprecationWarning, 3)
    raise ValueError(f"non-integer {position} for randrange()")


def _cumulative_weights(weights, cum_weights, population_size):
    """choices()'s running totals of the weights, with its checks and messages."""
    if cum_weights is None:
        try:
            cum_weights = list(_accumulate(weights))
        except TypeError:
            if isinstance(weights, int):
                # choices(population, 3): a count passed where the weights go.
                raise TypeError(f"The number of choices must be a keyword argument: k={weights}") from None
            raise
    elif weights is not None:
        raise TypeError("Cannot specify both weights and cumulative weights")
    if len(cum_weights) != population_size:
        raise ValueError("The number of weights does not match the population")
    return cum_weights


class Random(_CoreRandom):
    """A Mersenne Twister generator with CPython's sequences for each seed.

    Instances do not share state. A subclass may supply its own random() (and
    getrandbits(), for ranges wider than 2**53): every method draws through them.
    """

    VERSION = 3

    def __init__(self, x=None):
        """Seed the generator from x, as seed() does."""
        self.seed(x)
        self.gauss_next = None

    # -- state -----------------------------------------------------------------------

    def seed(self, a=None, version=2):
        """Reset the generator from a: None (fresh entropy), an int, a float, or a str,
        bytes or bytearray (through its bytes and their SHA-512 digest)."""
        _CoreRandom.seed(self, _seed_value(a, version))
        self.gauss_next = None

    def getstate(self):
        """The generator's state, for setstate()."""
        return self.VERSION, _CoreRandom.getstate(self), self.gauss_next

    def setstate(self, state):
        """Return the generator to a state that getstate() gave."""
        version = state[0]
        if version == 2:
            raise NotImplementedError("Random.setstate() of a version 2 (Python 2) state")
        if version != self.VERSION:
            raise ValueError(f"state with version {version} passed to Random.setstate() of version {self.VERSION}")
        _, generator_state, self.gauss_next = state
        _CoreRandom.setstate(self, generator_state)

    # copy and pickle: a fresh instance of the class, then the state.
    def __reduce__(self):
        return type(self), (), self.getstate()

    def __setstate__(self, state):
        self.setstate(state)

    def __getstate__(self):
        return self.getstate()

    # -- integers and bytes ------------------------------------------------------------

    def randbytes(self, n):
        """n random bytes."""
        return self.getrandbits(n * 8).to_bytes(n, "little")

    def randrange(self, start, stop=None, step=1):
        """A random member of range(start, stop, step)."""
        low = _range_bound(start, "arg 1")
        if stop is None:
            if step != 1:
                raise TypeError("Missing a non-None stop argument")
            if low <= 0:
                raise ValueError("empty range for randrange()")
            return self._randbelow(low)
        high = _range_bound(stop, "stop")
        stride = _range_bound(step, "step")
        span = high - low
        if stride == 1:
            if span <= 0:
                raise ValueError(f"empty range for randrange() ({low}, {high}, {span})")
            return low + self._randbelow(span)
        if stride == 0:
            raise ValueError("zero step for randrange()")
        count = -(-span // stride)  # ceil(span / stride), for either sign of stride
        if count <= 0:
            raise ValueError("empty range for randrange()")
        return low + stride * self._randbelow(count)

    def randint(self, a, b):
        """A random int N with a <= N <= b."""
        return self.randrange(a, b + 1)

    # -- sequences -------------------------------------------------------------------

    def choice(self, seq):
        """A random item of a non-empty sequence."""
        size = len(seq)
        if size == 0:
            raise IndexError("Cannot choose from an empty sequence")
        return seq[self._randbelow(size)]

    def shuffle(self, x):
        """Put the items of the mutable sequence x in a random order, in place."""
        self._shuffle(x)

    def sample(self, population, k, *, counts=None):
        """k distinct random items of population (a sequence), in selection order.

        With counts, item i stands for counts[i] copies of itself."""
        if not isinstance(population, _Sequence):
            raise TypeError("Population must be a sequence.  For dicts or sets, use sorted(d).")
        if counts is not None:
            bounds = list(_accumulate(counts))
            if len(bounds) != len(population):
                raise ValueError("The number of counts does not match the population")
            total = bounds.pop()
            if not isinstance(total, int):
                raise TypeError("Counts must be integers")
            if total <= 0:
                raise ValueError("Total of counts must be greater than zero")
            return [population[_bisect(bounds, copy)] for copy in self.sample(range(total), k=k)]
        size = len(population)
        if not 0 <= k <= size:
            raise ValueError("Sample larger than population or is negative")
        if not hasattr(k, "__index__"):
            raise TypeError(f"can't multiply sequence by non-int of type '{type(k).__name__}'")
        return [population[index] for index in self._sample_indices(size, k)]

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        """k random items of population, with replacement: equally likely, or in
        proportion to weights (or to the differences of cum_weights)."""
        size = len(population)
        if weights is None and cum_weights is None:
            return [population[index] for index in self._unit_indices(size, k)]
        bounds = _cumulative_weights(weights, cum_weights, size)
        total = bounds[-1] + 0.0
        if total <= 0.0:
            raise ValueError("Total of weights must be greater than zero")
        if not _isfinite(total):
            raise ValueError("Total of weights must be finite")
        last = size - 1
        return [population[_bisect(bounds, self.random() * total, 0, last)] for _ in range(k)]

    # -- real-valued distributions ---------------------------------------------------

    def uniform(self, a, b):
        """A random float between a and b."""
        return a + (b - a) * self.random()

    def triangular(self, low=0.0, high=1.0, mode=None):
        """A float from the triangular distribution on [low, high] peaking at mode (default: the middle)."""
        u = self.random()
        try:
            peak = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        # Inverse of the distribution function, on the rising or the falling side.
        if u <= peak:
            return low + (high - low) * _sqrt(u * peak)
        return high + (low - high) * _sqrt((1.0 - u) * (1.0 - peak))

    def normalvariate(self, mu=0.0, sigma=1.0):
        """A float from the normal distribution of mean mu and standard deviation sigma."""
        return mu + self._standard_normal() * sigma

    def gauss(self, mu=0.0, sigma=1.0):
        """A float from the normal distribution of mean mu and standard deviation sigma,
        made two at a time (not thread-safe without a lock)."""
        # The draw makes two variates at a time; the second waits in gauss_next.
        z = self.gauss_next
        if z is None:
            z, self.gauss_next = self._gaussian_pair()
        else:
            self.gauss_next = None
        return mu + z * sigma

    def lognormvariate(self, mu, sigma):
        """A float whose natural logarithm is normally distributed with mean mu and deviation sigma."""
        return _exp(self.normalvariate(mu, sigma))

    def expovariate(self, lambd):
        """A float from the exponential distribution of rate lambd (mean 1/lambd)."""
        return -_log(1.0 - self.random()) / lambd

    def vonmisesvariate(self, mu, kappa):
        """An angle in [0, 2*pi) from the von Mises distribution of mean angle mu and concentration kappa >= 0."""
        angle, around_mu = self._von_mises_offset(kappa)
        return (mu + angle) % TWOPI if around_mu else angle

    def gammavariate(self, alpha, beta):
        """A float from the gamma distribution of shape alpha > 0 and scale beta > 0 (not the gamma function)."""
        if alpha <= 0.0 or beta <= 0.0:
            raise ValueError("gammavariate: alpha and beta must be > 0.0")
        return self._standard_gamma(alpha) * beta

    def betavariate(self, alpha, beta):
        """A float in [0, 1] from the beta distribution with alpha > 0 and beta > 0."""
        x = self.gammavariate(alpha, 1.0)
        return x / (x + self.gammavariate(beta, 1.0)) if x else 0.0

    def paretovariate(self, alpha):
        """A float from the Pareto distribution of shape alpha."""
        return (1.0 - self.random()) ** (-1.0 / alpha)

    def weibullvariate(self, alpha, beta):
        """A float from the Weibull distribution of scale alpha and shape beta."""
        return alpha * (-_log(1.0 - self.random())) ** (1.0 / beta)


def _stateless(self, *args, **kwds):
    raise NotImplementedError("System entropy source does not have state.")


class SystemRandom(Random):
    """A generator drawing from the operating system's entropy (os.urandom): it has no seed or state."""

    def random(self):
        """A float in [0, 1) from 53 bits of system entropy."""
        return self.getrandbits(BPF) * RECIP_BPF

    def getrandbits(self, k):
        """A non-negative int of k bits of system entropy."""
        if k < 0:
            raise ValueError("number of bits must be non-negative")
        return int.from_bytes(_os.urandom((k + 7) // 8), "big") >> (-k % 8)

    def randbytes(self, n):
        """n bytes of system entropy."""
        return _os.urandom(n)

    def seed(self, *args, **kwds):
        """Does nothing: system entropy takes no seed."""
        return None

    getstate = setstate = _stateless


# The module-level functions are the bound methods of one shared generator.
_inst = Random()
for _name in (
    "seed random uniform triangular randint choice randrange sample shuffle choices normalvariate "
    "lognormvariate expovariate vonmisesvariate gammavariate gauss betavariate paretovariate "
    "weibullvariate getstate setstate getrandbits randbytes"
).split():
    globals()[_name] = getattr(_inst, _name)
del _name
