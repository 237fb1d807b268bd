"""Each model's log_loss / brier interval on the slices the engine shows (5 or more of each class), with known truth:
the coverage benchmark's binary shape (true log-odds INTERCEPT + SPREAD·z, production slope 1.3 / noise 0.9), a
population of 2,000,000 rows, slices of n rows drawn uniformly conditional on 5 ≤ positives ≤ n − 5. Intervals at 95 %:
  boot_t   the studentized bootstrap on the log scale (B resamples; the engine's per-model interval, without its
           percentile fallback)
  strat    stratified by label with π from its exact interval: for π in the Clopper–Pearson interval of k of n at
           97.5 %, the t interval at 97.5 % of (1 − π)·μ₀ + π·μ₁ from the classes' means and variances; their union
           (Bonferroni over the two, so at least 95 %)
  select   the same with π's interval from the binomial truncated to the shown counts 5 ≤ K ≤ n − 5 (the selection
           event), inverted by its two tails at 1.25 % each: the selective interval of Fithian, Sun & Taylor (2014)
           for a count known to have passed the class rule
Usage: model_loss_selected.py SLICES SEED log_loss|brier SIZES INTERCEPT SPREAD [B]
Prints per size: coverage %, share of intervals wholly above / below the truth, mean width."""
import sys
import numpy as np
from scipy.stats import binom, beta, norm, t as tdist
from scipy.optimize import brentq
from scipy.special import logsumexp

slices, seed, metric = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
sizes = [int(x) for x in sys.argv[4].split(",")]
intercept, spread = float(sys.argv[5]), float(sys.argv[6])
B = int(sys.argv[7]) if len(sys.argv) > 7 else 500
rng = np.random.default_rng(seed)
MIN_CLASS = 5
ALPHA = 0.05


def population(n=2_000_000):
    lo = intercept + spread * rng.standard_normal(n)
    y = rng.random(n) < 1 / (1 + np.exp(-lo))
    shared = 0.6 * rng.standard_normal(n)
    losses = []
    for slope, noise in ((1.3, 0.9), (1.0, 0.7)):
        q = 1 / (1 + np.exp(-slope * (lo + shared + noise * rng.standard_normal(n))))
        if metric == "log_loss":
            losses.append(-np.log(np.clip(np.where(y, q, 1 - q), 1e-15, 1)))
        else:
            losses.append((q - y) ** 2)
    return y, losses


def truncated_tails(k, n, pi):
    """P(K ≥ k | shown) and P(K ≤ k | shown) for K ~ Binomial(n, π), shown = 5 ≤ K ≤ n − 5."""
    # sums of the log-pmf: near π = 0 or 1 every shown count is improbable and differences of cdfs lose every digit
    counts = np.arange(MIN_CLASS, n - MIN_CLASS + 1)
    logp = binom.logpmf(counts, n, pi)
    shown = logsumexp(logp)
    return np.exp(logsumexp(logp[counts >= k]) - shown), np.exp(logsumexp(logp[counts <= k]) - shown)


def selective_pi(k, n, a):
    """π's interval from the truncated binomial: each end where the far tail of k is a/2 (0 or 1 where none is)."""
    eps = 1e-9
    lo = 0.0 if truncated_tails(k, n, eps)[0] >= a / 2 else brentq(
        lambda p: truncated_tails(k, n, p)[0] - a / 2, eps, 1 - eps)
    hi = 1.0 if truncated_tails(k, n, 1 - eps)[1] >= a / 2 else brentq(
        lambda p: truncated_tails(k, n, p)[1] - a / 2, eps, 1 - eps)
    return lo, hi


def clopper_pearson(k, n, a):
    return (0.0 if k == 0 else beta.ppf(a / 2, k, n - k + 1)), (1.0 if k == n else beta.ppf(1 - a / 2, k + 1, n - k))


def union_over_pi(l0, l1, pis, a):
    """The union over π of π's ends of the t interval of (1 − π)·μ₀ + π·μ₁ at level 1 − a (its lower end is concave
    and its upper end convex in π, so the ends at π's ends bound it)."""
    k, m = len(l1), len(l0)
    mu0, mu1, v0, v1 = l0.mean(), l1.mean(), l0.var(ddof=1) / m, l1.var(ddof=1) / k
    ends = []
    for pi in pis:
        centre = (1 - pi) * mu0 + pi * mu1
        var = (1 - pi) ** 2 * v0 + pi ** 2 * v1
        # Welch–Satterthwaite degrees of freedom of the two classes' terms
        nu = var ** 2 / (((1 - pi) ** 2 * v0) ** 2 / (m - 1) + (pi ** 2 * v1) ** 2 / (k - 1) + 1e-300)
        half = tdist.ppf(1 - a / 2, max(nu, 1)) * np.sqrt(var)
        ends += [centre - half, centre + half]
    return min(ends), max(ends)


def wilson(k, n, a):
    z = norm.ppf(1 - a / 2)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return centre - half, centre + half


def mover(l0, l1, pis, a, skew=False):
    """MOVER (Zou & Donner 2008) for (1 − π)·μ₀ + π·μ₁ = μ₀ + π·D, D = μ₁ − μ₀: the classes' stratified t interval at
    π = p̂ (the means' uncertainty with the labels fixed) and π's own interval times D̂, added in quadrature."""
    k, m = len(l1), len(l0)
    n = k + m
    p = k / n
    mu0, mu1, v0, v1 = l0.mean(), l1.mean(), l0.var(ddof=1) / m, l1.var(ddof=1) / k
    centre = (1 - p) * mu0 + p * mu1
    var = (1 - p) ** 2 * v0 + p ** 2 * v1
    nu = var ** 2 / (((1 - p) ** 2 * v0) ** 2 / (m - 1) + (p ** 2 * v1) ** 2 / (k - 1) + 1e-300)
    half = tdist.ppf(1 - a / 2, max(nu, 1)) * np.sqrt(var)
    d = mu1 - mu0
    below, above = (p - pis[0]) * d, (pis[1] - p) * d
    if d < 0:
        below, above = -above, -below
    half_below = half_above = half
    if skew:
        # the end on the side of the residuals' skew moved out by Hall's one-term Edgeworth correction, as
        # SkewExtendedDifference moves Δ log_loss's: residuals from each class's mean, the labels held fixed
        r = np.concatenate([l0 - mu0, l1 - mu1])
        gamma = np.mean(r ** 3) / np.mean(r ** 2) ** 1.5
        tau = tdist.ppf(1 - a / 2, max(nu, 1))
        extra = abs(gamma) * (2 * tau * tau + 1) / (6 * np.sqrt(n)) * np.sqrt(var)
        if gamma > 0:
            half_above = half + extra
        else:
            half_below = half + extra
    return centre - np.hypot(half_below, below), centre + np.hypot(half_above, above)


def boot_t_log(loss, idx):
    n = len(loss)
    theta = loss.mean()
    se = loss.std(ddof=1) / np.sqrt(n) / theta
    draws = loss[idx]
    means = draws.mean(1)
    ses = draws.std(1, ddof=1) / np.sqrt(n) / means
    tstar = (np.log(means) - np.log(theta)) / ses
    tstar = tstar[np.isfinite(tstar)]
    qlo, qhi = np.quantile(tstar, [ALPHA / 2, 1 - ALPHA / 2])
    return theta * np.exp(-qhi * se), theta * np.exp(-qlo * se)


y, losses = population()
pos_idx, neg_idx = np.flatnonzero(y), np.flatnonzero(~y)
prevalence = y.mean()
truths = [l.mean() for l in losses]
print(f"# {metric}, intercept {intercept}, spread {spread}: prevalence {prevalence:.4f}, truth production "
      f"{truths[0]:.5f}, candidate {truths[1]:.5f}; {slices} slices per size, seed {seed}, B {B}")
selective_cache, cp_cache, full_cache = {}, {}, {}
for n in sizes:
    ks = np.arange(MIN_CLASS, n - MIN_CLASS + 1)
    w = binom.pmf(ks, n, prevalence)
    shown_share = w.sum()
    w /= w.sum()
    tally = {name: np.zeros((2, 4)) for name in ("boot_t", "strat", "select", "mover_w", "mover_cp", "mover_sel", "mover_sel_skew")}
    k_draw = rng.choice(ks, size=slices, p=w)
    for r in range(slices):
        k = k_draw[r]
        rows_pos = pos_idx[rng.integers(0, len(pos_idx), k)]
        rows_neg = neg_idx[rng.integers(0, len(neg_idx), n - k)]
        idx = rng.integers(0, n, (B, n))
        if k not in selective_cache:
            selective_cache[k] = selective_pi(k, n, ALPHA / 2)
            cp_cache[k] = clopper_pearson(k, n, ALPHA / 2)
            full_cache[k] = (selective_pi(k, n, ALPHA), clopper_pearson(k, n, ALPHA), wilson(k, n, ALPHA))
        for model in range(2):
            l1, l0 = losses[model][rows_pos], losses[model][rows_neg]
            both = np.concatenate([l1, l0])
            found = {"boot_t": boot_t_log(both, idx),
                     "strat": union_over_pi(l0, l1, cp_cache[k], ALPHA / 2),
                     "select": union_over_pi(l0, l1, selective_cache[k], ALPHA / 2),
                     "mover_w": mover(l0, l1, full_cache[k][2], ALPHA),
                     "mover_cp": mover(l0, l1, full_cache[k][1], ALPHA),
                     "mover_sel": mover(l0, l1, full_cache[k][0], ALPHA),
                     "mover_sel_skew": mover(l0, l1, full_cache[k][0], ALPHA, skew=True)}
            for name, (lo, hi) in found.items():
                t = truths[model]
                tally[name][model] += [lo <= t <= hi, lo > t, hi < t, hi - lo]
    selective_cache, cp_cache, full_cache = {}, {}, {}
    print(f"n {n}: shown {100 * shown_share:.1f} % of slices, mean positives {np.mean(k_draw):.1f}")
    for name, h in tally.items():
        cells = " | ".join(f"{('production', 'candidate')[m]} {100 * h[m, 0] / slices:.1f} "
                           f"(above {100 * h[m, 1] / slices:.1f}, below {100 * h[m, 2] / slices:.1f}), "
                           f"width {h[m, 3] / slices:.4f}" for m in range(2))
        print(f"  {name:14s} {cells}")
    sys.stdout.flush()
