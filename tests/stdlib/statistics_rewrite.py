# statistics written afresh: exact results and their types over many data sets
# (ints, floats, Fractions, Decimals, mixtures), correctly rounded standard
# deviations, the bivariate functions, NormalDist, and the error messages.
import math
import statistics as st
from decimal import Decimal as D
from fractions import Fraction as F

state = 12345


def draw(limit):
    """A small deterministic generator, so that the data do not depend on random."""
    global state
    state = (state * 1103515245 + 12345) % 2**31
    return state % limit


def show(label, thunk):
    try:
        value = thunk()
        print(label, type(value).__name__, repr(value))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


datasets = []
for size in (1, 2, 3, 5, 8, 13):
    ints = [draw(1000) - 300 for _ in range(size)]
    datasets.append(ints)
    datasets.append([x / 7 for x in ints])
    datasets.append([x * 1e-200 for x in ints])
    datasets.append([x * 1e150 for x in ints])
    datasets.append([F(x, 3 + draw(11)) for x in ints])
    datasets.append([D(x) / D(8) for x in ints])
    datasets.append(ints[:-1] + [ints[-1] + 0.5])
    datasets.append([F(x) for x in ints][:-1] + [x for x in ints][-1:])
datasets += [[True, False, True], [2**70, 2**70 + 1, 2**70 + 3], [1.0, 1.0, 1.0], [0.1] * 10, [1e308, 1e308], [float("inf"), 1.0], [float("nan"), 2.0]]

for data in datasets:
    print("data", data if len(data) < 6 else data[:5] + ["..."])
    for name in ("mean", "fmean", "median", "median_low", "median_high", "median_grouped", "mode", "multimode", "variance", "pvariance", "stdev", "pstdev", "geometric_mean", "harmonic_mean"):
        show(" " + name, lambda: getattr(st, name)(data))
    show(" quantiles", lambda: st.quantiles(data, n=5))
    show(" quantiles incl", lambda: st.quantiles(data, n=3, method="inclusive"))
    show(" variance(xbar)", lambda: st.variance(data, data[0]))
    show(" pstdev(mu)", lambda: st.pstdev(data, data[-1]))
    show(" from_samples", lambda: st.NormalDist.from_samples(data))

for x, y in [([1, 2, 3, 4, 5], [2, 1, 4, 3, 7]), ([0.5, 1.5, 2.25], [3, 1, 2]), ([1e10, 1e10 + 1, 1e10 + 2], [1, 2, 4]), ([F(1, 3), F(2, 3), 1], [1, 4, 9])]:
    show("covariance", lambda: st.covariance(x, y))
    show("correlation", lambda: st.correlation(x, y))
    show("linear_regression", lambda: st.linear_regression(x, y))
    show("linear_regression prop", lambda: st.linear_regression(x, y, proportional=True))

show("fmean weights", lambda: st.fmean([1, 2, 3.5], [1, 0.5, 2]))
show("fmean iter", lambda: st.fmean(iter([1, 2, 3.5]), iter([1, 0.5, 2])))
show("harmonic weights", lambda: st.harmonic_mean([40, 60, 75], [5, 30, 10]))
show("harmonic zero", lambda: st.harmonic_mean([0, -1]))
show("harmonic neg first", lambda: st.harmonic_mean([-1, 0]))
show("harmonic zero weight", lambda: st.harmonic_mean([1, 2], [1, 0]))
show("harmonic fractions", lambda: st.harmonic_mean([F(1, 2), F(1, 3)], [1, 2]))
show("harmonic decimal", lambda: st.harmonic_mean([D("0.5"), D(2)]))
show("harmonic mixed", lambda: st.harmonic_mean([1, D(2)]))
show("median_grouped interval", lambda: st.median_grouped([1, 3, 3, 5, 7], interval=2))
show("median_grouped fraction interval", lambda: st.median_grouped([1, 3, 3, 5, 7], interval=F(1, 2)))
show("mean subclass", lambda: st.mean([type("I", (int,), {})(2), 4]))
show("quantiles fractions", lambda: st.quantiles([F(1), F(2), F(7)], n=3))
show("quantiles decimals", lambda: st.quantiles([D(1), D(2), D(7)], n=4))
show("quantiles range", lambda: st.quantiles(range(100), n=7))
show("variance fraction centre", lambda: st.variance([1, 2], F(3, 2)))
show("stdev decimal centre", lambda: st.stdev([D("0.1"), D("0.2"), D("0.4")], D("0.2")))

for label, thunk in [
    ("mean empty", lambda: st.mean([])),
    ("mean str", lambda: st.mean(["a"])),
    ("mean decimal float", lambda: st.mean([D(1), 2.0])),
    ("mean decimal fraction", lambda: st.mean([D(1), F(1)])),
    ("fmean empty", lambda: st.fmean([])),
    ("fmean lengths", lambda: st.fmean([1, 2], [1])),
    ("fmean zero weights", lambda: st.fmean([1, 2], [1, -1])),
    ("geometric empty", lambda: st.geometric_mean([])),
    ("geometric zero", lambda: st.geometric_mean([0, 1])),
    ("harmonic empty", lambda: st.harmonic_mean([])),
    ("harmonic negative", lambda: st.harmonic_mean([-5])),
    ("harmonic str", lambda: st.harmonic_mean(["a"])),
    ("harmonic lengths", lambda: st.harmonic_mean([1, 2], [1])),
    ("harmonic weight sum", lambda: st.harmonic_mean([1, 2], [0, 0])),
    ("harmonic negative weight", lambda: st.harmonic_mean([2, 4], [1, -1])),
    ("median empty", lambda: st.median([])),
    ("median_grouped str", lambda: st.median_grouped(["a", "b"])),
    ("median_grouped interval", lambda: st.median_grouped([1, 2], "x")),
    ("mode empty", lambda: st.mode([])),
    ("mode unhashable", lambda: st.mode([[1]])),
    ("quantiles n", lambda: st.quantiles([1, 2], n=0)),
    ("quantiles short", lambda: st.quantiles([1])),
    ("quantiles method", lambda: st.quantiles([1, 2], method="x")),
    ("quantiles float n", lambda: st.quantiles([1, 2], n=2.5)),
    ("variance short", lambda: st.variance([1])),
    ("variance short str", lambda: st.variance(["a"])),
    ("pvariance empty", lambda: st.pvariance([])),
    ("stdev short", lambda: st.stdev([1])),
    ("pstdev empty", lambda: st.pstdev([])),
    ("stdev inf", lambda: st.stdev([1, float("inf")])),
    ("covariance short", lambda: st.covariance([1], [1])),
    ("covariance lengths", lambda: st.covariance([1, 2], [1])),
    ("correlation constant", lambda: st.correlation([1, 1], [1, 2])),
    ("correlation lengths", lambda: st.correlation([1, 2], [2])),
    ("regression constant", lambda: st.linear_regression([1, 1], [1, 2])),
    ("regression short", lambda: st.linear_regression([1], [1])),
    ("normal sigma", lambda: st.NormalDist(1, -1)),
    ("normal str", lambda: st.NormalDist("a")),
    ("from_samples short", lambda: st.NormalDist.from_samples([1])),
    ("inv_cdf 0", lambda: st.NormalDist().inv_cdf(0)),
    ("inv_cdf sigma", lambda: st.NormalDist(0, 0).inv_cdf(0.5)),
    ("pdf sigma", lambda: st.NormalDist(0, 0).pdf(1)),
    ("cdf sigma", lambda: st.NormalDist(0, 0).cdf(1)),
    ("zscore sigma", lambda: st.NormalDist(0, 0).zscore(1)),
    ("overlap type", lambda: st.NormalDist().overlap(3)),
    ("overlap sigma", lambda: st.NormalDist(0, 0).overlap(st.NormalDist())),
    ("normal times normal", lambda: st.NormalDist() * st.NormalDist()),
    ("normal lt", lambda: st.NormalDist() < st.NormalDist()),
]:
    show(label, thunk)

N = st.NormalDist(2.5, 1.75)
for p in (1e-300, 1e-10, 0.001, 0.02425, 0.1, 0.3, 0.5, 0.7, 0.925, 0.97575, 0.999, 1 - 1e-12):
    print("inv_cdf", p, N.inv_cdf(p), st.NormalDist().inv_cdf(p))
for x in (-40, -3.5, -1, 0, 0.5, 2.5, 4, 10):
    print("pdf/cdf/zscore", x, N.pdf(x), N.cdf(x), N.zscore(x))
print(N, N.mean, N.median, N.mode, N.stdev, N.variance, N.quantiles(), N.quantiles(7))
for other in (st.NormalDist(0, 1), st.NormalDist(2.5, 1.75), st.NormalDist(3, 1.75), st.NormalDist(-1, 5), st.NormalDist(2.5, 0.5)):
    print("overlap", other, N.overlap(other), other.overlap(N))
print(N + st.NormalDist(1, 2), N + 5, 5 + N, N - st.NormalDist(1, 2), N - 5, 5 - N, N * 3, 3 * N, N * -2, N / 4, +N, -N)
print(N == st.NormalDist(2.5, 1.75), N == 3, hash(N) == hash((2.5, 1.75)), st.NormalDist(F(1), F(2)), N.__getstate__())
print(st.NormalDist(1, 2).samples(4, seed=42), len(st.NormalDist().samples(3)))
print(st.LinearRegression, st.StatisticsError.__mro__[1].__name__, sorted(st.__all__))
