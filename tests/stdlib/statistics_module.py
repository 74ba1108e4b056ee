# statistics: averages, spread, two-variable functions and NormalDist, with
# exact sums over ints, floats and Fractions, and CPython's errors.
import math
import random
import statistics as st
from fractions import Fraction as F


def show(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(type(r).__name__, repr(r))


datasets = [
    [1, 2, 3, 4, 4],
    [1, 2, 3, 4],
    [2.5, 3.25, 5.5, 11.25, 11.75],
    [1e50, 1, -1e50] * 10,
    [F(1, 2), F(3, 4), F(5, 8)],
    [1, 2.5, F(1, 4), True],
    [7],
    [0.1] * 10,
    [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9],
    [-1.5, 2.25, -3.125, 100.0, 0.0],
    [1, 1, 2, 2, 3],
]
for data in datasets:
    print('data', data[:6])
    for name in ['mean', 'fmean', 'geometric_mean', 'harmonic_mean', 'median', 'median_low',
                 'median_high', 'median_grouped', 'mode', 'multimode', 'pstdev', 'stdev',
                 'pvariance', 'variance']:
        print(' ', name, end=' ')
        show(lambda: getattr(st, name)(data))
    show(lambda: st.quantiles(data))
    show(lambda: st.quantiles(data, n=10, method='inclusive'))

random.seed(8)
samples = [random.gauss(10, 3) for _ in range(200)]
ints = [random.randrange(1000) for _ in range(101)]
print(st.mean(samples), st.fmean(samples), st.stdev(samples), st.pstdev(samples), st.variance(samples))
print(st.median(samples), st.geometric_mean([abs(x) + 1 for x in samples]), st.harmonic_mean(ints))
print(st.mean(ints), st.median(ints), st.stdev(ints), st.variance(ints), st.pvariance(ints))
print(st.quantiles(samples, n=5), st.quantiles(ints, n=4, method='inclusive'))
print(st.variance(samples, st.mean(samples)), st.pvariance(ints, mu=500), st.stdev([1, 2, 3, 4], xbar=2))
print(st.fmean([1, 2, 3], weights=[3, 2, 1]), st.fmean(iter([1.5, 2.5])), st.harmonic_mean([40, 60], weights=[5, 30]))
print(st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5], interval=2), st.median_grouped([52, 52, 53, 54]))
print(st.mode(['red', 'blue', 'blue', 'red', 'green', 'red']), st.multimode('aabbbbccddddeeffffgg'), st.multimode([]))
print(st.variance([F(1, 4), F(5, 4), F(1, 2)]), st.pstdev([F(1, 4), F(5, 4)]), st.mean([math.inf, 1]))
print(st.mean([1, math.nan]), st.stdev([1, 2, 2**60]), st.pstdev([10**20, 10**20 + 3]))

x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
print(st.covariance(x, y), st.correlation(x, x), st.correlation(x, y), st.correlation(x, [-v for v in x]))
print(st.linear_regression(x, [2 * v + 1 for v in x]), st.linear_regression(x, y, proportional=True))
lr = st.linear_regression([1.5, 2.5, 3.0], [4.0, 5.5, 7.25])
print(lr.slope, lr.intercept, type(lr).__name__, lr._fields)

# NormalDist.
n = st.NormalDist(100, 15)
print(n, n.mean, n.median, n.mode, n.stdev, n.variance, repr(st.NormalDist()))
print(n.pdf(110), n.cdf(110), n.inv_cdf(0.9), n.inv_cdf(1e-10), n.inv_cdf(0.999999), n.zscore(130))
print(n.quantiles(), [round(q, 6) for q in st.NormalDist().quantiles(10)])
print(n.overlap(st.NormalDist(110, 10)), n.overlap(st.NormalDist(90, 15)), n.overlap(n))
print(n + 5, n - 5, n * 2, n / 3, -n, +n, 5 + n, 200 - n, 2 * n, n + st.NormalDist(0, 20), n - st.NormalDist(1, 20))
print(n == st.NormalDist(100, 15), n == 3, hash(n) == hash(st.NormalDist(100.0, 15.0)))
print(st.NormalDist.from_samples([2.5, 3.25, 5.5, 11.25, 11.75]))
print(st.NormalDist(5, 2).samples(3, seed=42))
print([st.NormalDist().inv_cdf(p) for p in (0.001, 0.02, 0.3, 0.5, 0.7, 0.98, 0.999)])

# Errors.
show(lambda: st.mean([]))
show(lambda: st.fmean([]))
show(lambda: st.fmean([1, 2], weights=[1]))
show(lambda: st.fmean([1, 2], weights=[1, -1]))
show(lambda: st.geometric_mean([1, -1]))
show(lambda: st.geometric_mean([]))
show(lambda: st.harmonic_mean([]))
show(lambda: st.harmonic_mean([-1]))
show(lambda: st.harmonic_mean([1, -1]))
show(lambda: st.harmonic_mean(['a']))
show(lambda: st.harmonic_mean([1, 0]))
show(lambda: st.harmonic_mean([1, 2], weights=[1]))
show(lambda: st.median([]))
show(lambda: st.median_low([]))
show(lambda: st.median_high([]))
show(lambda: st.median_grouped([]))
show(lambda: st.median_grouped(['a', 'b']))
show(lambda: st.mode([]))
show(lambda: st.variance([1]))
show(lambda: st.stdev([1]))
show(lambda: st.pvariance([]))
show(lambda: st.pstdev([]))
show(lambda: st.quantiles([1]))
show(lambda: st.quantiles([1, 2], n=0))
show(lambda: st.quantiles([1, 2], method='x'))
show(lambda: st.mean(['a', 'b']))
show(lambda: st.mean([1, 'a']))
show(lambda: st.mean([F(1, 2), 2.5j]))
show(lambda: st.covariance([1, 2], [1]))
show(lambda: st.covariance([1], [1]))
show(lambda: st.correlation([1, 1], [1, 2]))
show(lambda: st.correlation([1, 2, 3], [1]))
show(lambda: st.linear_regression([1, 1], [1, 2]))
show(lambda: st.linear_regression([1], [1]))
show(lambda: st.NormalDist(0, -1))
show(lambda: st.NormalDist(0, 0).pdf(1))
show(lambda: st.NormalDist(0, 0).cdf(1))
show(lambda: st.NormalDist().inv_cdf(0))
show(lambda: st.NormalDist().inv_cdf(1.5))
show(lambda: st.NormalDist(0, 0).inv_cdf(0.5))
show(lambda: st.NormalDist().overlap(3))
show(lambda: st.NormalDist(0, 0).overlap(st.NormalDist()))
show(lambda: st.NormalDist(0, 0).zscore(1))
show(lambda: st.NormalDist.from_samples([1]))
print(issubclass(st.StatisticsError, ValueError), st.__all__)
