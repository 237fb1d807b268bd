"""Δ of mae and of the mean squared error (the test of rmse and r2) where a few rows carry the paired differences:
coverage of the engine's Δ interval with known truth, and how often two seeds give different verdicts on the same
sample, by the effective number of blocks of the paired contributions (Kish's (Σu²)² / Σu⁴, u_b each block's linear
contribution to Δ; also Satterthwaite's degrees of freedom of the variance Σu²).

A NumPy re-implementation of the engine's path: rows dealt to min(n, 300) blocks at random (a seed's hash), the
block bootstrap of the ratio of sums with B replicates, Δ ± t(k − 1)·SE*·√(k/(k − 1)), verdict better / worse when
the interval excludes 0, else inconclusive (no equivalence margin). A second seed re-deals the blocks and redraws the
replicates of the same sample. Candidate rules, each on the same samples and draws:
  engine    the above (1,000 replicates)
  kish<K    Δ unstable (inconclusive, no interval) when the paired contributions' effective blocks are below K
  rerun     10,000 replicates when |T| is within 3 Monte-Carlo errors of t (the verdict near flipping)
  satt      t on min(k − 1, Satterthwaite's df (Σu²)² / Σu⁴) in place of k − 1; satt<K only where it is below K
  kurt      t on the χ² degrees of freedom that match the variance of Σu² given the blocks' kurtosis
Shapes: 'bench' the coverage benchmark's regression superpopulation, candidate better (house prices, log errors
0.15 / 0.12 plus a shared 0.12, 3 % gross errors of log spread 0.35); 'heavy' the same with gross spread 0.6;
'p13' orders of $20-$500 with errors of 10 % (production) / 5 % (candidate) and a rare tail (0.05 % of orders,
$250,000-$400,000) where the candidate errs by 12 % and production by 8 %: the candidate better on mae, worse on rmse.
Usage: python3 bench/delta_few_rows_carry.py [SAMPLES] [SEED]   (defaults 500, 1; one command, a few minutes)"""
import sys
import numpy as np
from scipy.stats import t as tdist

SAMPLES = int(sys.argv[1]) if len(sys.argv) > 1 else 500
rng = np.random.default_rng(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
B, B_RERUN, BLOCKS, LEVEL = 1000, 10000, 300, 0.95


def draw(shape, n):
    if shape in ("bench", "heavy"):
        y = np.round(np.exp(12.6 + 0.45 * rng.standard_normal(n)))
        shared = 0.12 * rng.standard_normal(n)
        preds = []
        for spread in (0.15, 0.12):
            err = shared + spread * rng.standard_normal(n)
            gross = rng.random(n) < 0.03
            err = err + gross * (0.35 if shape == "bench" else 0.6) * rng.standard_normal(n)
            preds.append(np.round(y * np.exp(err)))
        return y, preds[0], preds[1]
    tail = rng.random(n) < 0.0005
    y = np.where(tail, rng.uniform(250_000, 400_000, n), rng.uniform(20, 500, n))
    prod = y * (1 + np.where(tail, 0.08, 0.10) * rng.standard_normal(n))
    cand = y * (1 + np.where(tail, 0.12, 0.05) * rng.standard_normal(n))
    return y, prod, cand


def contributions(y, prod, cand):
    """Per row: the candidate's minus production's squared error, and absolute error."""
    ep, ec = prod - y, cand - y
    return {"mse": ec ** 2 - ep ** 2, "mae": np.abs(ec) - np.abs(ep)}


def truth(shape):
    sums = {"mse": 0.0, "mae": 0.0}
    rows = 0
    for _ in range(20):
        y, p, c = draw(shape, 1_000_000)
        for m, d in contributions(y, p, c).items():
            sums[m] += d.sum()
        rows += len(y)
    return {m: s / rows for m, s in sums.items()}


def one_seed(d, n, replicates, counts=None):
    """Block sums under a fresh deal, and the bootstrap's Δ, SE (scaled), effective blocks, T and its t."""
    k = min(n, BLOCKS)
    block = rng.integers(0, k, n) if k < n else np.arange(n)
    sums = {m: np.bincount(block, x, k) for m, x in d.items()}
    rows = np.bincount(block, None, k).astype(float)
    keep = rows > 0
    k = int(keep.sum())
    rows = rows[keep]
    counts = rng.multinomial(k, np.full(k, 1 / k), size=replicates).astype(float)
    drawn_rows = counts @ rows
    out = {}
    for m, s in sums.items():
        s = s[keep]
        delta = s.sum() / n
        reps = (counts @ s) / drawn_rows
        se = reps.std(ddof=1) * np.sqrt(k / (k - 1))
        u = s - delta * rows
        u2 = u * u
        kish = u2.sum() ** 2 / (u2 * u2).sum() if u2.sum() > 0 else 0.0
        out[m] = (delta, se, k, kish)
    return out


def verdict(lo, hi):
    return "better" if hi < 0 else "worse" if lo > 0 else "inconclusive"


def interval(delta, se, df):
    q = tdist.ppf((1 + LEVEL) / 2, df)
    return delta - q * se, delta + q * se


KISH_BINS = [(0, 3), (3, 5), (5, 10), (10, 30), (30, np.inf)]


def run(shape, n, true):
    rec = {m: [] for m in true}
    for _ in range(SAMPLES):
        y, p, c = draw(shape, n)
        d = contributions(y, p, c)
        first, second = one_seed(d, n, B), one_seed(d, n, B)
        for m in true:
            row = {}
            for label, seed in (("s1", first[m]), ("s2", second[m])):
                delta, se, k, kish = seed
                lo, hi = interval(delta, se, k - 1)
                row[label] = (lo, hi, verdict(lo, hi), kish, delta, se, k)
            rec[m].append(row)
        # the rerun rule needs a second bootstrap of the same deal only where the verdict is near flipping: redraw
        # it from the same contributions (a fresh deal, as the engine's seed would give it) and record its verdict
        for m in true:
            row = rec[m][-1]
            for label in ("s1", "s2"):
                lo, hi, v, kish, delta, se, k = row[label]
                q = tdist.ppf((1 + LEVEL) / 2, k - 1)
                t_stat = abs(delta) / se if se > 0 else np.inf
                # the Monte-Carlo error of T from B replicates: T·√((κ − 1)/(4B)), κ ≈ 3 + 1/kish (Poisson counts)
                mc = t_stat * np.sqrt((2 + 1 / max(kish, 1e-9)) / (4 * B))
                if abs(t_stat - q) < 3 * mc:
                    rerun = one_seed({m: d[m]}, n, B_RERUN)[m]
                    rlo, rhi = interval(rerun[0], rerun[1], rerun[2] - 1)
                    row[label + "r"] = (rlo, rhi, verdict(rlo, rhi))
                else:
                    row[label + "r"] = (lo, hi, v)
    return rec


def pct(k, n):
    return "—" if n == 0 else f"{100 * k / n:.1f}±{100 * np.sqrt(max(k, 0.5) * (n - k) / n) / n:.1f}"


def by_rule(rule, seed):
    """(lo, hi, verdict) of one seed's result under a rule; (None, None, 'unstable') where it withholds Δ."""
    lo, hi, v, kish, delta, se, k = seed
    if rule == "engine":
        return lo, hi, v
    if rule.startswith("kish<"):
        return (None, None, "unstable") if kish < float(rule[5:]) else (lo, hi, v)
    if rule == "satt":
        df = min(k - 1, max(kish, 1))
    elif rule == "kurt":
        df = kurtosis_degrees_of_freedom(kish, k)
    else:  # satt<K: Satterthwaite's df only where it is below K
        df = kish if kish < float(rule[5:]) else k - 1
    slo, shi = interval(delta, se, max(df, 1))
    return slo, shi, verdict(slo, shi)


def kurtosis_degrees_of_freedom(kish, k):
    """The χ² degrees of freedom matching the variance of the blocks' variance estimate, 2/ν = 2/(k − 1) + (κ − 3)/k,
    with the blocks' kurtosis κ = k / kish: k − 1 for normal blocks, about 2·kish where a few blocks carry it."""
    return min(k - 1, 2 / (2 / (k - 1) + 1 / kish - 3 / k)) if kish > 0 else 1


RULES = ["engine", "kish<3", "kish<5", "kish<10", "satt", "satt<10", "kurt"]


def report(shape, n, true, rec):
    for m, rows in rec.items():
        tr = true[m]
        halfwidth = np.array([(r["s1"][1] - r["s1"][0]) / 2 for r in rows])
        end_moves = np.array([abs(r["s1"][0] - r["s2"][0]) for r in rows]) / np.where(halfwidth > 0, halfwidth, 1)
        reruns = sum(r["s1r"][:2] != r["s1"][:2] for r in rows)
        rerun_flips = sum(r["s1r"][2] != r["s2r"][2] for r in rows)
        kish = np.array([r["s1"][3] for r in rows])
        print(f"{shape} n={n} {m} truth {tr:.4g}; effective blocks of the paired contributions median "
              f"{np.median(kish):.1f} (10-90 %: {np.quantile(kish, 0.1):.1f}-{np.quantile(kish, 0.9):.1f}); lower end "
              f"moves between seeds by {np.median(end_moves):.3f} half-widths (median; 90 %: "
              f"{np.quantile(end_moves, 0.9):.3f}); rerun rule: {reruns} of {len(rows)} reran, flips "
              f"{pct(rerun_flips, len(rows))}")
        for rule in RULES:
            first = [by_rule(rule, r["s1"]) for r in rows]
            second = [by_rule(rule, r["s2"]) for r in rows]
            shown = [f for f in first if f[0] is not None]
            cov = sum(f[0] <= tr <= f[1] for f in shown)
            decided = sum(f[2] in ("better", "worse") for f in first)
            right = sum(f[2] == ("better" if tr < 0 else "worse") for f in first)
            flips = sum(a[2] != b[2] for a, b in zip(first, second))
            print(f"    {rule:8s} cover {pct(cov, len(shown))} (unstable {pct(len(rows) - len(shown), len(rows))}) "
                  f"decided {pct(decided, len(rows))} right {pct(right, len(rows))} flips {pct(flips, len(rows))}")
        for lo_k, hi_k in KISH_BINS:
            inbin = [r for r in rows if lo_k <= r["s1"][3] < hi_k]
            if inbin:
                c = sum(r["s1"][0] <= tr <= r["s1"][1] for r in inbin)
                cs = sum(by_rule("satt", r["s1"])[0] <= tr <= by_rule("satt", r["s1"])[1] for r in inbin)
                f = sum(r["s1"][2] != r["s2"][2] for r in inbin)
                print(f"    effective {lo_k}-{hi_k}: share {pct(len(inbin), len(rows))} engine cover {pct(c, len(inbin))}"
                      f" satt cover {pct(cs, len(inbin))} engine flips {pct(f, len(inbin))}")
        sys.stdout.flush()


if __name__ == "__main__":
    shapes = sys.argv[3].split(",") if len(sys.argv) > 3 else ["bench", "p13"]
    sizes = [int(s) for s in sys.argv[4].split(",")] if len(sys.argv) > 4 else [30, 200, 2000, 8000]
    for shape in shapes:
        true = truth(shape)
        for n in sizes:
            report(shape, n, true, run(shape, n, true))
