"""Δ log_loss or brier with the candidate better, on the coverage benchmark's binary shapes re-implemented (true
log-odds INTERCEPT + 2·z: -5.4 is rare-binary, -4.4 prevalence-5), slices with 5 or more of each class: the paired t
interval against three published corrections for a skewed mean — Johnson's (1978) modified t, Hall's (1992)
transformation and the bootstrap-t (Efron & Tibshirani 1993). Usage: delta_log_loss_skew.py SLICES SEED INTERCEPT
log_loss|brier SIZES."""
import sys, numpy as np
from scipy.stats import t as tdist, norm
rng = np.random.default_rng(int(sys.argv[2])); reps = int(sys.argv[1])
def draw(n, icpt, effect="better"):
    lo = icpt + 2.0 * rng.standard_normal(n)
    y = (rng.random(n) < 1 / (1 + np.exp(-lo))).astype(float)
    sh = 0.6 * rng.standard_normal(n)
    slope, noise = ((1.3, 1.0), (0.9, 0.7)) if effect == "better" else ((1.15, 1.15), (0.8, 0.8))
    p = [1 / (1 + np.exp(-slope[m] * (lo + sh + noise[m] * rng.standard_normal(n)))) for m in range(2)]
    return y, p
def losses(y, p, metric):
    if metric == "log_loss":
        q = np.clip(p, 1e-15, 1 - 1e-15); return -(y * np.log(q) + (1 - y) * np.log(1 - q))
    return (p - y) ** 2
Q = 0.975
def intervals(d):
    n = len(d); xb = d.mean(); s = d.std(ddof=1); se = s / np.sqrt(n); tq = tdist.ppf(Q, n - 1)
    m3 = np.mean((d - xb) ** 3); g = m3 / s ** 3
    out = {"t": (xb - tq * se, xb + tq * se)}
    # Johnson (1978): shift by mu3/(6 s^2 n)
    sh = m3 / (6 * s ** 2 * n); out["johnson"] = (xb + sh - tq * se, xb + sh + tq * se)
    # Hall (1992): T = sqrt(n)·g(S), g(S) = ((1 + gS/3)^3 - 1)/g + g/(6n), S = (xbar - mu)/s; invert for mu
    def ginv(y):
        return 3 / g * (np.cbrt(1 + g * (y - g / (6 * n))) - 1)
    a = ginv(tq / np.sqrt(n)); b = ginv(-tq / np.sqrt(n))
    out["hall"] = (xb - s * a, xb - s * b)
    # bootstrap-t (Efron & Tibshirani 1993, §12.5), equal-tailed, B = 1000
    idx = rng.integers(0, n, (1000, n)); bd = d[idx]; bm = bd.mean(1); bs = bd.std(1, ddof=1) / np.sqrt(n)
    tt = (bm - xb) / np.where(bs > 0, bs, np.inf)
    qlo, qhi = np.quantile(tt, [0.025, 0.975]); out["boot_t"] = (xb - qhi * se, xb - qlo * se)
    return out
icpt = float(sys.argv[3]); metric = sys.argv[4]
Y, P = draw(2_000_000, icpt); truth = (losses(Y, P[1], metric) - losses(Y, P[0], metric)).mean()
print(f"icpt {icpt} {metric} truth Δ {truth:.5f} prevalence {Y.mean():.4f}")
for n in [int(x) for x in sys.argv[5].split(",")]:
    cov = {}; wid = {}; above = {}; k = 0
    while k < reps:
        y, p = draw(n, icpt)
        if y.sum() < 5 or (1 - y).sum() < 5: continue
        k += 1
        d = losses(y, p[1], metric) - losses(y, p[0], metric)
        for c, (lo, hi) in intervals(d).items():
            cov[c] = cov.get(c, 0) + (lo <= truth <= hi); wid[c] = wid.get(c, 0) + hi - lo; above[c] = above.get(c, 0) + (lo > truth)
    print(f"n={n}: " + "; ".join(f"{c} {100*cov[c]/k:.1f} (above {100*above[c]/k:.1f}, w {wid[c]/k:.4f})" for c in cov), flush=True)
