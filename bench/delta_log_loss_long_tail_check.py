"""Independent values for the tests of Δ log_loss's moved end (SkewExtendedDifferenceTest, ClosedFormMeansTest), from
NumPy and SciPy: run once, its numbers cited in the tests. Usage: python3 bench/delta_log_loss_long_tail_check.py"""
import hashlib
import numpy as np
from scipy import stats, optimize
def case(d):
    d = np.array(d); n = len(d); m = d.mean(); se = d.std(ddof=1) / np.sqrt(n)
    g = stats.skew(d, bias=True)   # m3 / m2^1.5, population moments
    def ends(q):   # at the t quantile q
        move = abs(g) * (2 * q * q + 1) / (6 * np.sqrt(n)) * se
        return m - q * se - (move if g < 0 else 0), m + q * se + (move if g > 0 else 0)
    z95 = stats.t.ppf(0.975, n - 1)
    print("mean %.17g se %.17g skew %.17g" % (m, se, g))
    print("95%% interval %.17g %.17g" % ends(z95))
    print("t-test p %.17g" % stats.ttest_1samp(d, 0).pvalue)
    near = 0 if m > 0 else 1
    f = lambda z: ends(z)[near]
    zstar = optimize.brentq(f, 1e-9, 20, xtol=1e-14)
    print("moved end at 0: t quantile %.17g p %.17g" % (zstar, 2 * stats.t.sf(zstar, n - 1)))
d = [0.05, 0.04, 0.06, 0.03, 0.05, 0.04, 0.06, 0.05, 0.04, 0.05, -0.30, 0.05]
case(d)
case([x - 0.05 for x in d])
case([x + 0.06 for x in d])
print("t-test p of d + 0.06: %.17g" % stats.ttest_1samp(np.array(d) + 0.06, 0).pvalue)

from scipy import stats, optimize
def rows(n, heavy):
    y = np.zeros(n); p = np.zeros(n); c = np.zeros(n)
    for i in range(n):
        y[i] = 1 if (i * 7919) % 10 < 3 else 0
        u = (i * 0.6180339887498949) % 1.0; v = (i * 0.7548776662466927) % 1.0
        p[i] = 0.35 + 0.5 * u if y[i] == 1 else 0.15 + 0.5 * v
        c[i] = 0.40 + 0.5 * v if y[i] == 1 else 0.10 + 0.5 * u
        if heavy and i % 1000 == 0: p[i] = 1e-12
    return y, p, c
def ll(y, q): return -(y * np.log(q) + (1 - y) * np.log(1 - q))
def check(n, heavy):
    y, p, c = rows(n, heavy)
    blocks = np.array([int(hashlib.md5(f"ex-{i+1}:1".encode()).hexdigest()[:15], 16) % 300 for i in range(n)])
    d = ll(y, c) - ll(y, p)
    present = np.unique(blocks); k = len(present)
    db = np.array([d[blocks == b].sum() for b in present]); nb = np.array([(blocks == b).sum() for b in present])
    delta = d.sum() / n; u = (db - delta * nb) / n; e = u - u.mean()
    se = np.sqrt(k / (k - 1) * (e ** 2).sum()); g = (e ** 3).mean() / (e ** 2).mean() ** 1.5
    def ends(q):   # at the t quantile q
        move = abs(g) * (2 * q * q + 1) / (6 * np.sqrt(k)) * se
        return delta - q * se - (move if g < 0 else 0), delta + q * se + (move if g > 0 else 0)
    z = stats.t.ppf(0.975, k - 1)
    print(f"n {n} k {k} delta {delta!r} se {se!r} skew {g!r}")
    print("t interval", delta - stats.t.ppf(0.975, k - 1) * se, delta + stats.t.ppf(0.975, k - 1) * se)
    print("moved interval %r %r" % ends(z))
    print("t p %r" % (2 * stats.t.sf(abs(delta) / se, k - 1)))
    toward = (g < 0 and delta > 0) or (g > 0 and delta < 0)
    if toward:
        near = 0 if delta > 0 else 1
        zs = optimize.brentq(lambda zz: ends(zz)[near], 1e-9, 60, xtol=1e-14)
        print("moved p %r (t quantile %r)" % (2 * stats.t.sf(zs, k - 1), zs))
check(10000, False)

# A 60-row slice through the bootstrap (ClosedFormMeansTest.aSmallSkewedSliceMovesTheLongTailsEnd): 10 positives the
# candidate scores far better (production 0.2 + 0.02·j, candidate 0.7 + 0.02·j), 50 negatives both score alike up to
# a small stride (production 0.3 + 0.002·j, candidate 0.28 + 0.003·j). The bootstrap's standard error cancels in the
# ratio of the interval's arms: (τ + |γ|(2τ² + 1)/(6√k)) / τ, τ = t(k − 1) at 97.5 %, γ over the slice's non-empty blocks.
def small_slice():
    n = 60; y = np.array([1] * 10 + [0] * 50)
    p = np.array([0.2 + 0.02 * j for j in range(10)] + [0.3 + 0.002 * j for j in range(50)])
    c = np.array([0.7 + 0.02 * j for j in range(10)] + [0.28 + 0.003 * j for j in range(50)])
    blocks = np.array([int(hashlib.md5(f"ex-{i+1}:1".encode()).hexdigest()[:15], 16) % 300 for i in range(n)])
    d = ll(y, c) - ll(y, p); present = np.unique(blocks); k = len(present)
    db = np.array([d[blocks == b].sum() for b in present]); nb = np.array([(blocks == b).sum() for b in present])
    delta = d.sum() / n; u = (db - delta * nb) / n; e = u - u.mean(); g = (e ** 3).mean() / (e ** 2).mean() ** 1.5
    tq = stats.t.ppf(0.975, k - 1)
    print(f"small slice: k {k} delta {delta!r} production {ll(y, p).mean()!r} skew {g!r} "
          f"arm ratio {(tq + abs(g) * (2 * tq * tq + 1) / (6 * np.sqrt(k))) / tq!r}")
small_slice()
