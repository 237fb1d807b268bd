"""Coverage of one model's roc_auc interval near AUC 1, with the perfectly separating samples given
Newcombe's method-5 interval or the exact bound [(alpha/2)^(1/min(m,n)), 1]. Classes drawn at fixed counts."""
import sys
import numpy as np
from scipy.stats import norm
from auc_separation import newcombe, exact_lower

Z = norm.ppf(0.975)

def placements(pos, neg):
    """DeLong's structural components: each positive's share of negatives below it, each negative's of positives
    above it, ties half."""
    m, n = len(pos), len(neg)
    sneg = np.sort(neg); spos = np.sort(pos)
    v10 = (np.searchsorted(sneg, pos, 'left') + np.searchsorted(sneg, pos, 'right')) / (2.0 * n)
    v01 = 1 - (np.searchsorted(spos, neg, 'left') + np.searchsorted(spos, neg, 'right')) / (2.0 * m)
    return v10, v01

def delong(pos, neg):
    v10, v01 = placements(pos, neg)
    return v10.mean(), v10.var(ddof=1) / len(pos) + v01.var(ddof=1) / len(neg)

def logit_ci(auc, var):
    l = np.log(auc / (1 - auc)); se = np.sqrt(var) / (auc * (1 - auc))
    return 1 / (1 + np.exp(-(l - Z * se))), 1 / (1 + np.exp(-(l + Z * se)))

def draw(shape, theta, m, n, rng):
    if shape == "binormal":
        d = np.sqrt(2) * norm.ppf(theta)
        return rng.normal(d, 1, m), rng.normal(0, 1, n)
    # label noise: a share eps of the positives scored like negatives, the rest far above (AUC_b ~ 1)
    eps = 2 * (1 - theta)
    noisy = rng.random(m) < eps
    return np.where(noisy, rng.normal(0, 1, m), rng.normal(12, 1, m)), rng.normal(0, 1, n)

def run(shape, theta, m, n, reps, rng):
    sep = 0; cov_old = cov_n = cov_x = shown_old = 0; sep_n = sep_x = 0
    for _ in range(reps):
        pos, neg = draw(shape, theta, m, n, rng)
        auc, var = delong(pos, neg)
        if var > 0:
            lo, hi = newcombe(auc, m, n) if min(m, n) < 20 else logit_ci(auc, var)
            c = lo <= theta <= hi
            cov_old += c; cov_n += c; cov_x += c; shown_old += 1
        else:
            sep += 1
            lo_n = newcombe(auc, m, n)[0] if auc == 1 else None
            ok_n = theta >= lo_n; ok_x = theta >= exact_lower(m, n)
            cov_n += ok_n; cov_x += ok_x; sep_n += ok_n; sep_x += ok_x
    return (f"{shape:9s} AUC {theta:.3f} m={m:5d} n={n:5d}: separated {100*sep/reps:5.1f} %; "
            f"before {100*cov_old/max(shown_old,1):5.1f} % of {shown_old}; with Newcombe {100*cov_n/reps:5.1f} % "
            f"(separated {100*sep_n/max(sep,1):5.1f} %); with exact {100*cov_x/reps:5.1f} % (separated {100*sep_x/max(sep,1):5.1f} %)")

if __name__ == "__main__":
    reps = int(sys.argv[1]); rng = np.random.default_rng(int(sys.argv[2]))
    for shape in ("binormal", "noise"):
        for theta in (0.99, 0.995):
            for m, n in ((5, 95), (10, 190), (20, 380), (20, 980), (50, 950), (100, 100), (100, 2000), (300, 300)):
                print(run(shape, theta, m, n, reps, rng), flush=True)
