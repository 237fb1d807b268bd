#!/usr/bin/env python3
"""Exact coverage of Wilson's and the modified Wilson interval (Brown, Cai & DasGupta 2001) of each model's rates in
the coverage benchmark's binary populations and of each class's recall in its multiclass one (docs/statistics.md,
"Rates of a handful: the modified Wilson interval"), from the paper's formulas and the binomial law of the counts:
independent of Verdict's code, and without Monte-Carlo error.

A slice of n rows drawn from the population: positives P ~ Bin(n, prevalence), a model's true positives tp | P ~
Bin(P, recall), false positives fp | N ~ Bin(N, fpr), N = n - P; accuracy's successes ~ Bin(n, accuracy),
selection's ~ Bin(n, selection rate). Recall is shown when P >= 1, fpr when N >= 1, balanced accuracy when P >= 5
and N >= 5 ("Unstable slices"). The truths come from Gauss-Hermite quadrature over the population's latent z
(Superpopulation.binary: log-odds a + s*z, a model predicts positive where slope * (log-odds + shared + noise * e)
reaches logit(threshold), shared ~ N(0, 0.6^2)). Multiclass: priors .55/.27/.15/.03, P(correct | class) =
P((U1 + U2) / 2 < k) for the model's k, a class's recall shown when the slice holds one of its rows.

Usage: /usr/bin/python3 bench/rate_intervals_exact.py [populations [sizes]]
       e.g. prevalence-1,prevalence-5 100,300,1000,3000,10000 (the default), binary,rare-binary 30,50,200,1000,
       or multiclass 30,50,200,1000 (numpy and scipy; a few seconds per population)
"""
import sys
import numpy as np
from scipy import stats, special

LEVEL = 0.95
Z = stats.norm.ppf(1 - (1 - LEVEL) / 2)
ALPHA = 1 - LEVEL


def wilson(x, n):
    x = np.asarray(x, float)
    n = np.asarray(n, float)
    p = x / n
    centre = (x + Z * Z / 2) / (n + Z * Z)
    half = Z * np.sqrt(n) / (n + Z * Z) * np.sqrt(p * (1 - p) + Z * Z / (4 * n))
    lower = np.where(x == 0, 0.0, np.maximum(0, centre - half))
    upper = np.where(x == n, 1.0, np.minimum(1, centre + half))
    return lower, upper


def modified_wilson(x, n):
    """BCD 2001: within x* = 2 (n <= 50) or 3 (n > 50) successes of 0 the lower bound is chi2(2x) at alpha / 2n;
    likewise the upper bound within x* failures of n."""
    x = np.asarray(x, float)
    n = np.asarray(n, float)
    lower, upper = wilson(x, n)
    star = np.where(n <= 50, 2, 3)
    near0 = (x >= 1) & (x <= star)
    nearn = (n - x >= 1) & (n - x <= star)
    with np.errstate(invalid="ignore"):
        pl = stats.chi2.ppf(ALPHA, 2 * np.maximum(x, 1)) / 2 / n
        pu = 1 - stats.chi2.ppf(ALPHA, 2 * np.maximum(n - x, 1)) / 2 / n
    return np.where(near0, pl, lower), np.where(nearn, pu, upper)


INTERVALS = {"wilson": wilson, "modified": modified_wilson}

POPULATIONS = {  # intercept, spread, threshold of Superpopulation.binary
    "prevalence-1": (-6.4, 2.0, 0.2),
    "prevalence-5": (-4.4, 2.0, 0.3),
    "rare-binary": (-5.4, 2.0, 0.1),
    "binary": (-0.8, 1.2, 0.5),
}
MODELS = {  # effect -> [(slope, noise)] of production, candidate
    "null": [(1.15, 0.8), (1.15, 0.8)],
    "effect": [(1.3, 0.9), (1.0, 0.7)],
}


def truths(population, effect):
    a, s, t = POPULATIONS[population]
    nodes, weights = special.roots_hermitenorm(200)
    weights = weights / weights.sum()
    logodds = a + s * nodes
    p = special.expit(logodds)
    prevalence = np.sum(weights * p)
    out = []
    for slope, noise in MODELS[effect]:
        # predicts positive when slope * (L + shared + noise * e) >= logit(t): shared + noise * e ~ N(0, 0.36 + noise^2)
        q = stats.norm.sf((special.logit(t) / slope - logodds) / np.sqrt(0.36 + noise * noise))
        tp = np.sum(weights * p * q)
        fp = np.sum(weights * (1 - p) * q)
        out.append({"recall": tp / prevalence, "fpr": fp / (1 - prevalence), "selection_rate": tp + fp,
                    "accuracy": tp + np.sum(weights * (1 - p) * (1 - q)), "precision": tp / (tp + fp)})
    return prevalence, out


def support(n, p, tail=1e-13):
    lo = int(stats.binom.ppf(tail, n, p))
    hi = int(stats.binom.isf(tail, n, p)) + 1
    k = np.arange(lo, min(hi, n) + 1)
    return k, stats.binom.pmf(k, n, p)


def rate_coverage(interval, n, p, truth):
    k, w = support(n, p)
    lower, upper = interval(k, n)
    covered = (lower <= truth) & (truth <= upper)
    return np.sum(w * covered) / np.sum(w), np.sum(w * (upper - lower)) / np.sum(w)


def nested_coverage(interval, n, prevalence, rate, of_positives, minimum=1):
    """A rate over the positives (of_positives) or the negatives of a slice, shown when they number >= minimum."""
    cov = width = mass = 0.0
    for count, w in zip(*support(n, prevalence)):
        trials = count if of_positives else n - count
        if trials < minimum:
            continue
        c, wd = rate_coverage(interval, trials, rate, rate)
        cov += w * c
        width += w * wd
        mass += w
    return cov / mass, width / mass, mass


def balanced_accuracy_coverage(interval, n, prevalence, recall, fpr):
    truth = (recall + 1 - fpr) / 2
    cov = width = mass = 0.0
    for positives, w in zip(*support(n, prevalence)):
        negatives = n - positives
        if positives < 5 or negatives < 5:
            continue
        tp, wt = support(positives, recall)
        tn, wn = support(negatives, 1 - fpr)
        lt, ut = interval(tp, positives)
        ln, un = interval(tn, negatives)
        rt = tp / positives
        rn = tn / negatives
        mean = (rt[:, None] + rn[None, :]) / 2
        lower = np.maximum(0, mean - np.sqrt((rt - lt)[:, None] ** 2 + (rn - ln)[None, :] ** 2) / 2)
        upper = np.minimum(1, mean + np.sqrt((ut - rt)[:, None] ** 2 + (un - rn)[None, :] ** 2) / 2)
        joint = wt[:, None] * wn[None, :]
        joint = joint / joint.sum()
        cov += w * np.sum(joint * ((lower <= truth) & (truth <= upper)))
        width += w * np.sum(joint * (upper - lower))
        mass += w
    return cov / mass, width / mass, mass


PRIORS = [0.55, 0.27, 0.15, 0.03]
CORRECT = {"null": [[0.85, 0.75, 0.65, 0.50]] * 2, "effect": [[0.85, 0.75, 0.65, 0.45], [0.87, 0.78, 0.66, 0.60]]}


def triangular_below(k):
    """P((U1 + U2) / 2 < k) for independent uniforms: the multiclass population's P(correct | class)."""
    return 2 * k * k if k <= 0.5 else 1 - 2 * (1 - k) ** 2


def multiclass(sizes):
    for effect, ks in CORRECT.items():
        for n in sizes:
            for c, prior in enumerate(PRIORS):
                cells = []
                for model in ks:
                    recall = triangular_below(model[c])
                    parts = []
                    for interval in INTERVALS.values():
                        cov, wd, shown = nested_coverage(interval, n, prior, recall, True)
                        parts.append(f"{100 * cov:5.1f} ({wd:.3f})")
                    cells.append(f"recall {recall:.4f}: " + " -> ".join(parts))
                print(f"multiclass {effect:6} n={n:<5} class {c} (prior {prior}, shown {shown:.3f})  "
                      f"prod {cells[0]}  |  cand {cells[1]}")


def main():
    populations = sys.argv[1].split(",") if len(sys.argv) > 1 else ["prevalence-1", "prevalence-5"]
    sizes = [int(s) for s in sys.argv[2].split(",")] if len(sys.argv) > 2 else [100, 300, 1000, 3000, 10000]
    print("exact coverage %, mean width in brackets: wilson -> modified wilson; shown = P(interval shown)")
    if "multiclass" in populations:
        multiclass(sizes)
    for population in (p for p in populations if p != "multiclass"):
        for effect in MODELS:
            prevalence, models = truths(population, effect)
            print(f"\n{population} {effect}: prevalence {prevalence:.5f}; " + " | ".join(
                ", ".join(f"{k} {v:.4f}" for k, v in m.items()) for m in models))
            for n in sizes:
                for metric in ["recall", "fpr", "accuracy", "selection_rate", "balanced_accuracy"]:
                    cells = []
                    for m in models:
                        parts = []
                        for name, interval in INTERVALS.items():
                            if metric == "recall":
                                c, wd, shown = nested_coverage(interval, n, prevalence, m["recall"], True)
                            elif metric == "fpr":
                                c, wd, shown = nested_coverage(interval, n, prevalence, m["fpr"], False)
                            elif metric == "balanced_accuracy":
                                c, wd, shown = balanced_accuracy_coverage(interval, n, prevalence, m["recall"],
                                                                          m["fpr"])
                            else:
                                c, wd = rate_coverage(interval, n, m[metric], m[metric])
                                shown = 1.0
                            parts.append(f"{100 * c:5.1f} ({wd:.4f})")
                        cells.append(" -> ".join(parts))
                    print(f"  n={n:<6} {metric:<18} shown {shown:.3f}  prod {cells[0]}  |  cand {cells[1]}")


if __name__ == "__main__":
    main()
