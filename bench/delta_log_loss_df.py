"""Coverage of Δ log_loss / brier (candidate − production) and of each model's mean loss over a grid of slice sizes,
prevalences and effects, with known truth: a population of 2,000,000 rows of the coverage benchmark's binary shape
(true log-odds INTERCEPT + 2·z, scores logistic in a noisy copy; bench/delta_log_loss_skew.py), slices drawn from it
without the rows they hold mattering (uniformly, conditional on 5 or more of each class, the slices the engine shows);
the truth is the population's mean. Intervals compared, each at 95 %:
  t       Δ ± t(n − 1)·s/√n (the engine's paired bootstrap-SE t interval tends to it)
  t_eff   Δ ± t(ν)·s/√n with ν = (Σd²)²/Σd⁴ over the centred paired differences (WaldDifference.effectiveDegreesOfFreedom)
  t_satt  Δ ± t(ν)·s/√n with Satterthwaite's moment-matched ν = 2S²/(F − S²/n) (S = Σd², F = Σd⁴, centred)
  edge    Δ ± (t(n − 1) + (z/n)·γ²(z⁴ + 2z² − 3)/18)·s/√n: the t quantile widened by the skewness's term of the
          symmetric interval's coverage error at order 1/n (Hall 1992, §2.6), γ the differences' skewness
  edge_full  the same with the kurtosis's term, −(z/n)·κ(z² − 3)/12 (κ the excess kurtosis), never below t
  tail    the t interval with its end on the side of the differences' skew moved out by γ(2z² + 1)/(6√n) standard
          errors, the one-term Edgeworth shift of the studentized mean (Hall 1992, §2.6), the other end kept
  tail_same  tail only where the skew's side is the estimate's side of 0 (never moves the end nearer 0)
  bca     BCa of the row bootstrap (B = 1,000; acceleration from the jackknife of the mean), n ≤ 1,000 only
  boot_t  the equal-tailed bootstrap-t (same resamples), n ≤ 1,000 only
Usage: delta_log_loss_df.py SLICES SEED log_loss|brier SIZES INTERCEPTS EFFECTS  (effects: null,close,far)
Prints per cell: coverage %, Monte-Carlo error, share wholly above / below the truth, mean width."""
import sys, numpy as np
from scipy.stats import t as tdist, norm
slices, seed, metric = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
sizes = [int(x) for x in sys.argv[4].split(",")]
intercepts = [float(x) for x in sys.argv[5].split(",")]
effects = sys.argv[6].split(",")
rng = np.random.default_rng(seed)
SHAPES = {"far": ((1.3, 1.0), (0.9, 0.7)), "close": ((1.15, 1.1), (0.8, 0.75)), "null": ((1.15, 1.15), (0.8, 0.8))}
Q = 0.975; Z = norm.ppf(Q)
import os; BOOT_MAX = int(os.environ.get("BOOT_MAX", "1000"))
# the fewest of each class a slice shown holds (MIN_CLASS=2: every slice whose classes' means are defined)
MIN_CLASS = int(os.environ.get("MIN_CLASS", "5"))

def population(icpt, effect, n=2_000_000):
    lo = icpt + 2.0 * rng.standard_normal(n)
    y = (rng.random(n) < 1 / (1 + np.exp(-lo)))
    sh = 0.6 * rng.standard_normal(n)
    slope, noise = SHAPES[effect]
    p = [1 / (1 + np.exp(-slope[m] * (lo + sh + noise[m] * rng.standard_normal(n)))) for m in range(2)]
    if metric == "log_loss":
        loss = [-np.log(np.clip(np.where(y, q, 1 - q), 1e-15, 1)) for q in p]
    else:
        loss = [(q - y) ** 2 for q in p]
    return y, loss

def slice_draw(pos_idx, neg_idx, n, prev, R):
    """R slices of n rows, as uniform draws conditional on 5+ of each class: the positives' count from the binomial
    conditional on [5, n − 5], then that many positives and the rest negatives, each uniformly from its pool."""
    ks = np.arange(MIN_CLASS, n - MIN_CLASS + 1)
    from scipy.stats import binom
    w = binom.pmf(ks, n, prev); w /= w.sum()
    k = rng.choice(ks, size=R, p=w)
    rows = np.empty((R, n), dtype=np.int64); ypos = np.zeros((R, n), dtype=bool)
    for r in range(R):
        rows[r, :k[r]] = pos_idx[rng.integers(0, len(pos_idx), k[r])]
        rows[r, k[r]:] = neg_idx[rng.integers(0, len(neg_idx), n - k[r])]
        ypos[r, :k[r]] = True
    return rows, ypos

def covered(lo, hi, truth):
    return lo <= truth, truth <= hi

def intervals(d, ypos, with_boot):
    R, n = d.shape
    xb = d.mean(1); c = d - xb[:, None]; S = (c ** 2).sum(1); F = (c ** 4).sum(1)
    se = np.sqrt(S / (n - 1) / n)
    out = {}
    tq = tdist.ppf(Q, n - 1); out["t"] = (xb - tq * se, xb + tq * se)
    nu = np.clip(S ** 2 / F, 1, n - 1); q = tdist.ppf(Q, nu); out["t_eff"] = (xb - q * se, xb + q * se)
    nus = np.clip(2 * S ** 2 / np.maximum(F - S ** 2 / n, 1e-300), 1, n - 1); q = tdist.ppf(Q, nus)
    out["t_satt"] = (xb - q * se, xb + q * se)
    # the symmetric t interval's coverage error at order 1/n (Hall 1992, §2.6): P(|T| ≤ x) = 2Φ(x) − 1 +
    # 2n⁻¹q₂(x)φ(x), q₂(x) = x[κ(x² − 3)/12 − γ²(x⁴ + 2x² − 3)/18 − (x² + 3)/4]; the t quantile already holds the
    # last term, so the skewness's term widens it by (z/n)·γ²(z⁴ + 2z² − 3)/18 (edge); edge_full adds the kurtosis's,
    # which narrows, but never below t
    m2 = S / n; g2 = ((c ** 3).mean(1)) ** 2 / m2 ** 3; kap = F / n / m2 ** 2 - 3
    widen = Z / n * g2 * (Z ** 4 + 2 * Z ** 2 - 3) / 18
    q = tq + widen; out["edge"] = (xb - q * se, xb + q * se)
    q = tq + np.maximum(0, widen - Z / n * kap * (Z ** 2 - 3) / 12); out["edge_full"] = (xb - q * se, xb + q * se)
    # the one-term Edgeworth (Cornish–Fisher) quantiles of the studentized mean move the interval toward the long
    # tail by γ(2z² + 1)/(6√n) standard errors; tail keeps the t interval and extends only its long-tail end by that
    # (the union of the two: nested in the level, so its p-value is the larger of theirs)
    g = (c ** 3).mean(1) / m2 ** 1.5; shift = g * (2 * Z ** 2 + 1) / (6 * np.sqrt(n))
    out["tail"] = (xb - tq * se + np.minimum(shift, 0) * se, xb + tq * se + np.maximum(shift, 0) * se)
    # tail_same: only where the long tail lies on the estimate's side of 0 (the moved end then points away from 0)
    same = np.where(np.sign(g) == np.sign(xb), shift, 0)
    out["tail_same"] = (xb - tq * se + np.minimum(same, 0) * se, xb + tq * se + np.maximum(same, 0) * se)
    if with_boot:
        B = 1000; lo_b = np.empty(R); hi_b = np.empty(R); lo_bt = np.empty(R); hi_bt = np.empty(R)
        for r in range(R):
            idx = rng.integers(0, n, (B, n)); bd = d[r][idx]; bm = bd.mean(1)
            # BCa: z0 from the share below, acceleration from the jackknife of the mean (d − mean)/(n − 1)
            z0 = norm.ppf(((bm < xb[r]).sum() + 0.5 * (bm == xb[r]).sum()) / B)
            jd = c[r]; acc = (jd ** 3).sum() / (6 * (jd ** 2).sum() ** 1.5)
            lv = [norm.cdf(z0 + (z0 + zz) / (1 - acc * (z0 + zz))) for zz in (-Z, Z)]
            lo_b[r], hi_b[r] = np.quantile(bm, lv)
            bs = bd.std(1, ddof=1) / np.sqrt(n); tt = (bm - xb[r]) / np.where(bs > 0, bs, np.inf)
            ql, qh = np.quantile(tt, [0.025, 0.975]); lo_bt[r], hi_bt[r] = xb[r] - qh * se[r], xb[r] - ql * se[r]
        out["bca"] = (lo_b, hi_b); out["boot_t"] = (lo_bt, hi_bt)
    return out

for icpt in intercepts:
    for effect in effects:
        y, loss = population(icpt, effect)
        delta = loss[1] - loss[0]; truth = delta.mean(); prev = y.mean()
        pos_idx = np.flatnonzero(y); neg_idx = np.flatnonzero(~y)
        print(f"# {metric} intercept {icpt} prevalence {prev:.4f} effect {effect}: true Δ {truth:+.5f}, "
              f"production {loss[0].mean():.5f}", flush=True)
        for n in sizes:
            if n * prev < 1.0 and n < 200:
                print(f"n={n}: skipped (expected positives {n*prev:.2f})"); continue
            hits = {}; R_done = 0; chunk = max(50, min(2000, 2_000_000 // n))
            while R_done < slices:
                R = min(chunk, slices - R_done)
                rows, ypos = slice_draw(pos_idx, neg_idx, n, prev, R)
                d = delta[rows]
                for cname, (lo, hi) in intervals(d, ypos, n <= BOOT_MAX).items():
                    h = hits.setdefault(cname, [0, 0, 0, 0.0])
                    h[0] += np.sum((lo <= truth) & (truth <= hi)); h[1] += np.sum(lo > truth)
                    h[2] += np.sum(hi < truth); h[3] += np.sum(hi - lo)
                R_done += R
            base = hits["t"][3]
            parts = []
            for cname, (cov, above, below, wsum) in hits.items():
                pc = cov / R_done; mc = 100 * np.sqrt(pc * (1 - pc) / R_done)
                parts.append(f"{cname} {100*pc:.1f}±{mc:.1f} (↑{100*above/R_done:.1f} ↓{100*below/R_done:.1f} "
                             f"w×{wsum/base:.2f})")
            print(f"n={n} ({R_done} slices): " + "; ".join(parts), flush=True)
