"""Δ roc_auc where a model separates the sample perfectly: DeLong's t interval (the separating model's variance 0)
against MOVER over each model's interval (exact bound for the separating one). Paired binormal models sharing a latent
term (correlation rho), or production with label noise (a share of positives scored like negatives)."""
import sys
import numpy as np
from scipy.stats import norm, t as student
from auc_separation import newcombe
from auc_separation_coverage import placements as comps

Z = norm.ppf(0.975)

def model_ci(auc, var, m, n, z):
    if not var > 0:
        if auc in (0.0, 1.0):
            b = norm.sf(z) ** (1 / min(m, n)); return (b, 1.0) if auc == 1 else (0.0, 1 - b)
        return None
    if min(m, n) < 20:
        return newcombe(auc, m, n, 1 - 2 * norm.sf(z))
    l = np.log(auc / (1 - auc)); h = z * np.sqrt(var) / (auc * (1 - auc))
    return 1 / (1 + np.exp(-(l - h))), 1 / (1 + np.exp(-(l + h)))

def run(shape, ap, ac, m, n, reps, rng, rho=0.5):
    mp, mc = np.sqrt(2) * norm.ppf(ap), np.sqrt(2) * norm.ppf(ac)
    truth = ac - ap
    k = cov_d = cov_m = rej_d = rej_m = 0
    for _ in range(reps):
        zp, zn = rng.standard_normal(m), rng.standard_normal(n)
        sp = [mp + np.sqrt(rho) * zp + np.sqrt(1 - rho) * rng.standard_normal(m),
              mc + np.sqrt(rho) * zp + np.sqrt(1 - rho) * rng.standard_normal(m)]
        sn = [np.sqrt(rho) * zn + np.sqrt(1 - rho) * rng.standard_normal(n) for _ in range(2)]
        if shape == "noise":  # production: a share of positives scored like negatives, the rest far above
            noisy = rng.random(m) < 2 * (1 - ap)
            sp[0] = np.where(noisy, rng.standard_normal(m), 12 + rng.standard_normal(m))
        (p10, p01), (c10, c01) = comps(sp[0], sn[0]), comps(sp[1], sn[1])
        vp = p10.var(ddof=1) / m + p01.var(ddof=1) / n
        vc = c10.var(ddof=1) / m + c01.var(ddof=1) / n
        pa, ca = p10.mean(), c10.mean()
        if vp > 0 and vc > 0:
            continue
        k += 1
        d10, d01 = c10 - p10, c01 - p01
        a, b = d10.var(ddof=1) / m, d01.var(ddof=1) / n
        dv = a + b
        if dv > 0:
            nu = dv * dv / (a * a / (m - 1) + b * b / (n - 1)) if a * a / (m - 1) + b * b / (n - 1) > 0 else np.inf
            h = student.ppf(0.975, nu) * np.sqrt(dv)
            lo, hi = ca - pa - h, ca - pa + h
        else:
            lo, hi = -1, 1
        cov_d += lo <= truth <= hi; rej_d += lo > 0 or hi < 0
        ip, ic = model_ci(pa, vp, m, n, Z), model_ci(ca, vc, m, n, Z)
        d = ca - pa
        lo = d - np.hypot(ca - ic[0], ip[1] - pa); hi = d + np.hypot(ic[1] - ca, pa - ip[0])
        cov_m += lo <= truth <= hi; rej_m += lo > 0 or hi < 0
    return (f"{shape:9s} prod {ap} cand {ac} m={m} n={n}: {k} of {reps} slices with a separating model; "
            f"DeLong t covers {100*cov_d/max(k,1):5.1f} % (rejects {100*rej_d/max(k,1):5.1f} %), MOVER {100*cov_m/max(k,1):5.1f} % (rejects {100*rej_m/max(k,1):5.1f} %)")

if __name__ == "__main__":
    reps = int(sys.argv[1]); rng = np.random.default_rng(int(sys.argv[2]))
    for shape, ap, ac in (("binormal", 0.995, 0.98), ("binormal", 0.995, 0.995), ("noise", 0.99, 0.97), ("noise", 0.995, 0.995)):
        for m, n in ((10, 190), (20, 380), (50, 950)):
            print(run(shape, ap, ac, m, n, reps, rng), flush=True)
