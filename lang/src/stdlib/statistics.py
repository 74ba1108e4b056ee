# statistics: averages, spread and relations of numeric data, and NormalDist.
#
# The exact results come from one idea: every data point is turned into an
# exact Fraction (or kept as itself when it is an infinity or a NaN), sums and
# sums of squares are computed exactly, and only the final value is converted
# back to the type the data had (int data that averages to a non-integer gives
# a float). Square roots (stdev, pstdev) are rounded correctly from the exact
# variance. The bivariate functions and NormalDist work in floats.

import math
import numbers
import random
from bisect import bisect_left as _bisect_left, bisect_right as _bisect_right
from collections import Counter as _Counter, namedtuple as _namedtuple
from decimal import Decimal as _Decimal
from fractions import Fraction as _Fraction
from math import erf as _erf, exp as _exp, fabs as _fabs, fsum as _fsum, log as _log, sqrt as _sqrt, tau as _tau

__all__ = [
    "NormalDist",
    "StatisticsError",
    "correlation",
    "covariance",
    "fmean",
    "geometric_mean",
    "harmonic_mean",
    "linear_regression",
    "mean",
    "median",
    "median_grouped",
    "median_high",
    "median_low",
    "mode",
    "multimode",
    "pstdev",
    "pvariance",
    "quantiles",
    "stdev",
    "variance",
]


class StatisticsError(ValueError):
    pass


# -- exact arithmetic over mixed numeric types ---------------------------------------


def _exact(x):
    """x as an exact Fraction; infinities and NaNs are returned unchanged."""
    if isinstance(x, _Fraction):
        return x
    if isinstance(x, int):
        return _Fraction(int(x))
    try:
        numerator, denominator = x.as_integer_ratio()
    except (OverflowError, ValueError):
        return x  # inf or nan (float or Decimal)
    except AttributeError:
        raise TypeError(f"can't convert type '{type(x).__name__}' to numerator/denominator") from None
    return _Fraction(numerator, denominator)


def _wider(kind, other):
    """The type a result takes when data of types kind and other are combined:
    int (and bool) give way to anything, a subclass to its base's place, and a
    Fraction to a float; Decimal mixes with none of float and Fraction."""
    if kind is other or other is bool or other is int:
        return kind
    if kind is bool or kind is int:
        return other
    for narrow, wide in ((kind, other), (other, kind)):
        if issubclass(narrow, wide):
            return narrow
    for fixed, flexible in ((kind, other), (other, kind)):
        if issubclass(fixed, int):
            return flexible
    if issubclass(kind, _Fraction) and issubclass(other, float):
        return other
    if issubclass(kind, float) and issubclass(other, _Fraction):
        return kind
    raise TypeError(f"don't know how to coerce {kind.__name__} and {other.__name__}")


class _Tally:
    """Running exact sums over data points: their count, their common type,
    the sum and (on request) the sum of squares. Non-finite points are summed
    apart, as floats or Decimals, and take over the result."""

    def __init__(self, squares=False):
        self.count = 0
        self.kind = int
        self.total = _Fraction(0)
        self.squares = _Fraction(0) if squares else None
        self.non_finite = None

    def add(self, x):
        value = _exact(x)
        self.count += 1
        if type(x) is not self.kind:
            self.kind = _wider(self.kind, type(x))
        if not isinstance(value, _Fraction):
            self.non_finite = value if self.non_finite is None else self.non_finite + value
            return
        self.total += value
        if self.squares is not None:
            self.squares += value * value

    def extend(self, data):
        for x in data:
            self.add(x)
        return self

    def sum(self):
        return self.total if self.non_finite is None else self.non_finite

    def deviations_squared(self):
        """The exact sum of squared deviations from the mean, sum(x*x) - sum(x)**2 / n."""
        if self.non_finite is not None:
            return self.non_finite
        if not self.count:
            return _Fraction(0)
        return self.squares - self.total * self.total / self.count


def _as_type(value, kind):
    """An exact result converted to the data's type (an integral type takes a float
    for a non-integral value; a Decimal is divided out when it cannot take a Fraction)."""
    if type(value) is kind:
        return value
    if issubclass(kind, int) and value.denominator != 1:
        kind = float
    try:
        return kind(value)
    except TypeError:
        if issubclass(kind, _Decimal):
            return kind(value.numerator) / kind(value.denominator)
        raise


def _listed(data):
    """data as something len() and indexing work on (an iterator is read into a list)."""
    return list(data) if iter(data) is data else data


def _refuse_negatives(values, message):
    for x in values:
        if x < 0:
            raise StatisticsError(message)
        yield x


# -- correctly rounded square roots of exact values ----------------------------------


def _nearest_root(square, approximation, below, above, exactly):
    """The representable root nearest to sqrt(square) (a positive Fraction), found
    from a close approximation by comparing square with the squared midpoints
    between neighbouring representable values; a tie goes to the even one."""
    candidate = approximation
    while True:
        lower, upper = below(candidate), above(candidate)
        low_mid = (exactly(lower) + exactly(candidate)) / 2
        high_mid = (exactly(candidate) + exactly(upper)) / 2
        if square < low_mid * low_mid:
            candidate = lower
        elif square > high_mid * high_mid:
            candidate = upper
        else:
            return candidate, square in (low_mid * low_mid, high_mid * high_mid)


def _float_root(square):
    """sqrt of a non-negative Fraction, correctly rounded to a float."""
    if not square:
        return 0.0
    numerator, denominator = square.numerator, square.denominator
    # Scale by an even power of two so the float approximation neither overflows nor underflows.
    half_shift = (numerator.bit_length() - denominator.bit_length()) // 2
    scaled = _Fraction(numerator, denominator) / _Fraction(4) ** half_shift
    approximation = math.ldexp(_sqrt(float(scaled)), half_shift)
    root, tie = _nearest_root(
        square,
        approximation,
        lambda y: math.nextafter(y, 0.0),
        lambda y: math.nextafter(y, math.inf),
        _Fraction,
    )
    if tie and int(math.frexp(root)[0] * 2**53) % 2:
        root = math.nextafter(root, math.inf if square > _Fraction(root) ** 2 else 0.0)
    return root


def _decimal_root(square):
    """sqrt of a non-negative Fraction as a Decimal, correctly rounded in the current context."""
    if not square:
        return _Decimal("0.0")
    approximation = (_Decimal(square.numerator) / _Decimal(square.denominator)).sqrt()
    root, _ = _nearest_root(square, approximation, _Decimal.next_minus, _Decimal.next_plus, _Fraction)
    return root


def _root_in_type(square, kind):
    """stdev's result: the root of the exact variance, a Decimal for Decimal data, else a float."""
    square.numerator  # a non-finite variance (a float) fails here, as in CPython
    if issubclass(kind, _Decimal):
        return _decimal_root(square)
    return _float_root(square)


# -- averages ------------------------------------------------------------------------


def mean(data):
    """Average of the data points, computed exactly and given in their type (int data may give a float)."""
    tally = _Tally().extend(data)
    if tally.count < 1:
        raise StatisticsError("mean requires at least one data point")
    return _as_type(tally.sum() / tally.count, tally.kind)


def fmean(data, weights=None):
    """Float average of the data points, each counted with its weight when weights are given."""
    if weights is None:
        data = _listed(data)
        if not len(data):
            raise StatisticsError("fmean requires at least one data point")
        return _fsum(data) / len(data)
    data, weights = _listed(data), _listed(weights)
    if len(data) != len(weights):
        raise StatisticsError("data and weights must be the same length")
    weight = _fsum(weights)
    if not weight:
        raise StatisticsError("sum of weights must be non-zero")
    return _fsum(x * w for x, w in zip(data, weights)) / weight


def geometric_mean(data):
    """The n-th root of the product of n positive data points, as a float."""
    try:
        return _exp(fmean([_log(x) for x in data]))
    except ValueError:
        raise StatisticsError(
            "geometric mean requires a non-empty dataset containing positive numbers"
        ) from None


def harmonic_mean(data, weights=None):
    """Count (or total weight) divided by the sum of the reciprocals; 0 when a point is 0."""
    negative = "harmonic mean does not support negative values"
    data = _listed(data)
    size = len(data)
    if size < 1:
        raise StatisticsError("harmonic_mean requires at least one data point")
    if size == 1 and weights is None:
        only = data[0]
        if not isinstance(only, (numbers.Real, _Decimal)):
            raise TypeError("unsupported type")
        if only < 0:
            raise StatisticsError(negative)
        return only
    if weights is None:
        weights, weight = [1] * size, size
    else:
        weights = _listed(weights)
        if len(weights) != size:
            raise StatisticsError("Number of weights does not match data size")
        weight = _Tally().extend(_refuse_negatives(weights, negative)).sum()
    reciprocals = _Tally()
    for w, x in zip(weights, _refuse_negatives(data, negative)):
        if not w:
            reciprocals.add(0)
            continue
        try:
            reciprocals.add(w / x)
        except ZeroDivisionError:
            return 0
    if reciprocals.sum() <= 0:
        raise StatisticsError("Weighted sum must be positive")
    return _as_type(weight / reciprocals.sum(), reciprocals.kind)


def _ordered(data):
    ordered = sorted(data)
    if not ordered:
        raise StatisticsError("no median for empty data")
    return ordered


def median(data):
    """Middle point of the sorted data; for an even count, the average of the two middle ones."""
    ordered = _ordered(data)
    half, odd = divmod(len(ordered), 2)
    return ordered[half] if odd else (ordered[half - 1] + ordered[half]) / 2


def median_low(data):
    """Middle point of the sorted data; for an even count, the smaller middle one."""
    ordered = _ordered(data)
    return ordered[(len(ordered) - 1) // 2]


def median_high(data):
    """Middle point of the sorted data; for an even count, the larger middle one."""
    ordered = _ordered(data)
    return ordered[len(ordered) // 2]


def median_grouped(data, interval=1.0):
    """Median of data taken as continuous values grouped in classes
    of width interval centred on the data points (interpolating in the median's class)."""
    ordered = _ordered(data)
    centre = ordered[len(ordered) // 2]
    try:
        lower_limit = float(centre) - float(interval) / 2
    except (ValueError, TypeError):
        raise TypeError("Value cannot be converted to a float") from None
    below = _bisect_left(ordered, centre)
    within = _bisect_right(ordered, centre, lo=below) - below
    return lower_limit + interval * (len(ordered) / 2 - below) / within


def mode(data):
    """The data point seen most often (of equally frequent ones, the first seen)."""
    ranked = _Counter(iter(data)).most_common(1)
    if not ranked:
        raise StatisticsError("no mode for empty data")
    return ranked[0][0]


def multimode(data):
    """Every data point seen most often, in the order first seen ([] for no data)."""
    counts = _Counter(iter(data))
    highest = max(counts.values(), default=0)
    return [value for value, count in counts.items() if count == highest]


def quantiles(data, *, n=4, method="exclusive"):
    """The n - 1 cut points that split the data's distribution into n parts of equal probability.

    method 'exclusive' suits a sample from a wider population, 'inclusive' a whole
    population (its minimum and maximum are the 0th and 100th percentiles)."""
    if n < 1:
        raise StatisticsError("n must be at least 1")
    ordered = sorted(data)
    size = len(ordered)
    if size < 2:
        raise StatisticsError("must have at least two data points")
    if method == "inclusive":
        # Cut i lies i/n of the way through positions 0 .. size-1.
        span, offset = size - 1, 0
    elif method == "exclusive":
        # Cut i lies i/n of the way through positions -1 .. size (clamped to the data).
        span, offset = size + 1, 1
    else:
        raise ValueError(f"Unknown method: {method!r}")
    cuts = []
    for i in range(1, n):
        whole, part = divmod(i * span, n)
        if offset:
            whole = min(max(whole, 1), size - 1)
            part = i * span - whole * n
            left, right = ordered[whole - 1], ordered[whole]
        else:
            left, right = ordered[whole], ordered[whole + 1]
        cuts.append((left * (n - part) + right * part) / n)
    return cuts


# -- spread --------------------------------------------------------------------------


def _spread(data, centre, minimum, name):
    """(type, exact sum of squared deviations, count) for the variance family.

    Without a centre the deviations are from the exact mean; with one, each
    (x - centre)**2 is computed in the data's own arithmetic, then summed exactly."""
    if centre is None:
        tally = _Tally(squares=True).extend(data)
        squares = tally.deviations_squared()
    else:
        tally = _Tally().extend((x - centre) * (x - centre) for x in data)
        squares = tally.sum()
    if tally.count < minimum:
        needed = "two data points" if minimum == 2 else "one data point"
        raise StatisticsError(f"{name} requires at least {needed}")
    return tally.kind, squares, tally.count


def variance(data, xbar=None):
    """Sum of squared deviations over n - 1 (a sample's variance), exact, in the data's type."""
    kind, squares, count = _spread(data, xbar, 2, "variance")
    return _as_type(squares / (count - 1), kind)


def pvariance(data, mu=None):
    """Sum of squared deviations over n (a whole population's variance), exact, in the data's type."""
    kind, squares, count = _spread(data, mu, 1, "pvariance")
    return _as_type(squares / count, kind)


def stdev(data, xbar=None):
    """Square root of variance(), correctly rounded (a Decimal for Decimal data, else a float)."""
    kind, squares, count = _spread(data, xbar, 2, "stdev")
    return _root_in_type(squares / (count - 1), kind)


def pstdev(data, mu=None):
    """Square root of pvariance(), correctly rounded (a Decimal for Decimal data, else a float)."""
    kind, squares, count = _spread(data, mu, 1, "pstdev")
    return _root_in_type(squares / count, kind)


# -- two variables -------------------------------------------------------------------


class _Paired:
    """Float sums over two paired samples: sxy (products), sxx and syy (squares), of the
    deviations from the means (or, with centred false, of the raw values), and the means."""

    def __init__(self, x, y, what, centred=True):
        size = len(x)
        if len(y) != size:
            raise StatisticsError(f"{what} requires that both inputs have same number of data points")
        if size < 2:
            raise StatisticsError(f"{what} requires at least two data points")
        self.size = size
        self.x_mean = self.y_mean = None
        if centred:
            self.x_mean, self.y_mean = _fsum(x) / size, _fsum(y) / size
            x = [value - self.x_mean for value in x]
            y = [value - self.y_mean for value in y]
        self.x, self.y = x, y

    def sxy(self):
        return _fsum(a * b for a, b in zip(self.x, self.y))

    def sxx(self):
        return _fsum(a * a for a in self.x)

    def syy(self):
        return _fsum(b * b for b in self.y)


def covariance(x, y, /):
    """Sum of the products of paired deviations from the means, over n - 1."""
    sums = _Paired(x, y, "covariance")
    return sums.sxy() / (sums.size - 1)


def correlation(x, y, /):
    """Pearson's r of paired samples: between -1 and +1, for two non-constant inputs."""
    sums = _Paired(x, y, "correlation")
    try:
        return sums.sxy() / _sqrt(sums.sxx() * sums.syy())
    except ZeroDivisionError:
        raise StatisticsError("at least one of the inputs is constant") from None


LinearRegression = _namedtuple("LinearRegression", ("slope", "intercept"))


def linear_regression(x, y, /, *, proportional=False):
    """Slope and intercept of the least-squares line y = slope * x + intercept
    (through the origin, intercept 0.0, when proportional is true)."""
    sums = _Paired(x, y, "linear regression", centred=not proportional)
    try:
        slope = sums.sxy() / sums.sxx()
    except ZeroDivisionError:
        raise StatisticsError("x is constant") from None
    if proportional:
        return LinearRegression(slope=slope, intercept=0.0)
    return LinearRegression(slope=slope, intercept=sums.y_mean - slope * sums.x_mean)


# -- the normal distribution ---------------------------------------------------------

# Wichura's algorithm AS241 (Applied Statistics, 1988), "PPND16": rational
# approximations of the standard normal quantile function on three ranges.
# Coefficients from the highest power down.
_AS241 = {
    "central": (
        (2.5090809287301226727e+3, 3.3430575583588128105e+4, 6.7265770927008700853e+4,
         4.5921953931549871457e+4, 1.3731693765509461125e+4, 1.9715909503065514427e+3,
         1.3314166789178437745e+2, 3.3871328727963666080e+0),
        (5.2264952788528545610e+3, 2.8729085735721942674e+4, 3.9307895800092710610e+4,
         2.1213794301586595867e+4, 5.3941960214247511077e+3, 6.8718700749205790830e+2,
         4.2313330701600911252e+1, 1.0),
    ),
    "near": (
        (7.74545014278341407640e-4, 2.27238449892691845833e-2, 2.41780725177450611770e-1,
         1.27045825245236838258e+0, 3.64784832476320460504e+0, 5.76949722146069140550e+0,
         4.63033784615654529590e+0, 1.42343711074968357734e+0),
        (1.05075007164441684324e-9, 5.47593808499534494600e-4, 1.51986665636164571966e-2,
         1.48103976427480074590e-1, 6.89767334985100004550e-1, 1.67638483018380384940e+0,
         2.05319162663775882187e+0, 1.0),
    ),
    "tail": (
        (2.01033439929228813265e-7, 2.71155556874348757815e-5, 1.24266094738807843860e-3,
         2.65321895265761230930e-2, 2.96560571828504891230e-1, 1.78482653991729133580e+0,
         5.46378491116411436990e+0, 6.65790464350110377720e+0),
        (2.04426310338993978564e-15, 1.42151175831644588870e-7, 1.84631831751005468180e-5,
         7.86869131145613259100e-4, 1.48753612908506148525e-2, 1.36929880922735805310e-1,
         5.99832206555887937690e-1, 1.0),
    ),
}


def _rational(range_name, r):
    """The AS241 numerator and denominator polynomials of a range, at r (Horner's rule)."""
    numerator, denominator = _AS241[range_name]
    top = bottom = 0.0
    for a, b in zip(numerator, denominator):
        top = top * r + a
        bottom = bottom * r + b
    return top, bottom


def _standard_normal_quantile(p):
    q = p - 0.5
    if _fabs(q) <= 0.425:
        top, bottom = _rational("central", 0.180625 - q * q)
        return q * top / bottom
    r = _sqrt(-_log(p if q <= 0.0 else 1.0 - p))
    top, bottom = _rational("near", r - 1.6) if r <= 5.0 else _rational("tail", r - 5.0)
    magnitude = top / bottom
    return -magnitude if q < 0.0 else magnitude


def _require_spread(dist, what):
    if not dist._sigma:
        raise StatisticsError(f"{what} not defined when sigma is zero")


class NormalDist:
    """The normal (Gaussian) distribution of mean mu and standard deviation sigma, with its
    density, distribution and quantile functions and the arithmetic of independent variables."""

    __slots__ = {
        "_mu": "The mean (location) of the distribution",
        "_sigma": "The standard deviation (scale) of the distribution",
    }

    def __init__(self, mu=0.0, sigma=1.0):
        """mu is the mean and sigma (>= 0) the standard deviation; both are stored as floats."""
        if sigma < 0.0:
            raise StatisticsError("sigma must be non-negative")
        self._mu, self._sigma = float(mu), float(sigma)

    @classmethod
    def from_samples(cls, data):
        """The distribution with the mean and sample standard deviation of data."""
        return cls(*_fmean_stdev(data))

    def samples(self, n, *, seed=None):
        """n random variates (from random.gauss, or a Random(seed) of their own)."""
        draw = random.gauss if seed is None else random.Random(seed).gauss
        return [draw(self._mu, self._sigma) for _ in range(n)]

    def pdf(self, x):
        """The probability density at x."""
        _require_spread(self, "pdf()")
        variance = self._sigma * self._sigma
        return _exp((x - self._mu) ** 2.0 / (-2.0 * variance)) / _sqrt(_tau * variance)

    def cdf(self, x):
        """The probability that a variate is at most x."""
        _require_spread(self, "cdf()")
        return 0.5 * (1.0 + _erf((x - self._mu) / (self._sigma * _sqrt(2.0))))

    def inv_cdf(self, p):
        """The x at which cdf(x) is p (0 < p < 1): the quantile function."""
        if p <= 0.0 or p >= 1.0:
            raise StatisticsError("p must be in the range 0.0 < p < 1.0")
        if self._sigma <= 0.0:
            raise StatisticsError("cdf() not defined when sigma at or below zero")
        return self._mu + _standard_normal_quantile(p) * self._sigma

    def quantiles(self, n=4):
        """The n - 1 cut points dividing the distribution into n intervals of equal probability."""
        return [self.inv_cdf(i / n) for i in range(1, n)]

    def overlap(self, other):
        """The area under both density curves (the overlapping coefficient), between 0.0 and 1.0."""
        if not isinstance(other, NormalDist):
            raise TypeError("Expected another NormalDist instance")
        # Inman and Bradley (1989): the densities cross at up to two points;
        # the overlap is one minus the differences of the distribution functions there.
        narrow, wide = sorted((self, other), key=lambda d: (d._sigma, d._mu))
        narrow_var, wide_var = narrow.variance, wide.variance
        if not narrow_var or not wide_var:
            raise StatisticsError("overlap() not defined when sigma is zero")
        var_gap = wide_var - narrow_var
        mean_gap = _fabs(wide._mu - narrow._mu)
        if not var_gap:
            return 1.0 - _erf(mean_gap / (2.0 * narrow._sigma * _sqrt(2.0)))
        a = narrow._mu * wide_var - wide._mu * narrow_var
        b = narrow._sigma * wide._sigma * _sqrt(mean_gap * mean_gap + var_gap * _log(wide_var / narrow_var))
        crossings = ((a + b) / var_gap, (a - b) / var_gap)
        return 1.0 - sum(_fabs(wide.cdf(x) - narrow.cdf(x)) for x in crossings)

    def zscore(self, x):
        """How many standard deviations x lies above the mean."""
        _require_spread(self, "zscore()")
        return (x - self._mu) / self._sigma

    mean = property(lambda self: self._mu, doc="The mean mu.")
    median = property(lambda self: self._mu, doc="The median: the mean, for a symmetric distribution.")
    mode = property(lambda self: self._mu, doc="The mode: the mean, where the density peaks.")
    stdev = property(lambda self: self._sigma, doc="The standard deviation sigma.")
    variance = property(lambda self: self._sigma * self._sigma, doc="The variance, sigma squared.")

    # Arithmetic with a constant moves or scales the distribution; with another
    # NormalDist it is that of the sum or difference of independent variables.
    def __add__(self, other):
        if isinstance(other, NormalDist):
            return _independent_sum(self, other._mu, other)
        return NormalDist(self._mu + other, self._sigma)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, NormalDist):
            return _independent_sum(self, -other._mu, other)
        return NormalDist(self._mu - other, self._sigma)

    def __rsub__(self, other):
        return NormalDist(other - self._mu, self._sigma)

    def __mul__(self, factor):
        return NormalDist(self._mu * factor, self._sigma * _fabs(factor))

    __rmul__ = __mul__

    def __truediv__(self, divisor):
        return NormalDist(self._mu / divisor, self._sigma / _fabs(divisor))

    def __pos__(self):
        return NormalDist(self._mu, self._sigma)

    def __neg__(self):
        return NormalDist(-self._mu, self._sigma)

    def __eq__(self, other):
        if isinstance(other, NormalDist):
            return self.__getstate__() == other.__getstate__()
        return NotImplemented

    def __hash__(self):
        return hash((self._mu, self._sigma))

    def __repr__(self):
        return f"{type(self).__name__}(mu={self._mu!r}, sigma={self._sigma!r})"

    def __getstate__(self):
        return self._mu, self._sigma

    def __setstate__(self, state):
        self._mu, self._sigma = state


def _independent_sum(dist, other_mean, other):
    """The distribution of X + Y (other_mean = Y's mean) or X - Y (other_mean = -Y's mean)."""
    return NormalDist(dist._mu + other_mean, math.hypot(dist._sigma, other._sigma))


def _fmean_stdev(data):
    """The exact mean (as a float) and the correctly rounded sample standard deviation
    of data, from one exact pass, for NormalDist.from_samples."""
    tally = _Tally(squares=True).extend(data)
    if tally.count < 2:
        raise StatisticsError("stdev requires at least two data points")
    centre = float(tally.sum() / tally.count)
    if tally.non_finite is not None:
        return centre, math.nan
    return centre, _float_root(tally.deviations_squared() / (tally.count - 1))
