#!/usr/bin/env python3
"""Coverage of the label quality gate's kappa interval, kappa ± z·SE, by simulation with known truth.

Each item has a true class drawn from `prior`; each rater reports it with probability `accuracy` and otherwise a
class drawn uniformly (possibly the true one). The population kappa follows exactly from that model: Cohen's from
the two raters' joint distribution, Fleiss' from the chance that two ratings of one item agree and the pooled class
shares. The SEs are written here from the published formulas, not taken from Verdict: Fleiss, Cohen & Everitt (1969)
for Cohen's kappa (SAS's ASE), the linearisation of Gwet (2008; Handbook, 4th ed., §5.3) for Fleiss' kappa.

A sample whose ratings are all one class has no interval (chance agreement is 1): the gate says insufficient
evidence there; such samples are counted apart and left out of the coverage.

Usage: /usr/bin/python3 bench/kappa_interval_coverage.py [replicates] [seed]
"""
import sys

import numpy as np
from scipy.stats import norm

Z = norm.ppf(0.975)


def ratings(rng, reps, n, prior, accuracies):
    k = len(prior)
    truth = rng.choice(k, size=(reps, n), p=prior)
    out = []
    for a in accuracies:
        correct = rng.random((reps, n)) < a
        out.append(np.where(correct, truth, rng.integers(0, k, size=(reps, n))))
    return np.stack(out, axis=-1)


def conditional(prior, a):
    k = len(prior)
    return a * np.eye(k) + (1 - a) / k  # row t: P(label = j | true class t)


def true_cohen(prior, a1, a2):
    p1, p2 = conditional(prior, a1), conditional(prior, a2)
    joint = (np.asarray(prior)[:, None, None] * p1[:, :, None] * p2[:, None, :]).sum(0)
    pe = joint.sum(1) @ joint.sum(0)
    return (np.trace(joint) - pe) / (1 - pe)


def true_fleiss(prior, a):
    p = conditional(prior, a)
    agree = (np.asarray(prior) * (p ** 2).sum(1)).sum()
    pe = ((np.asarray(prior) @ p) ** 2).sum()
    return (agree - pe) / (1 - pe)


def cohen_fce(x, k):
    reps, n, _ = x.shape
    cells = x[:, :, 0] * k + x[:, :, 1]
    table = np.stack([np.bincount(c, minlength=k * k) for c in cells]).reshape(reps, k, k) / n
    row, col = table.sum(2), table.sum(1)
    po = np.trace(table, axis1=1, axis2=2)
    pe = (row * col).sum(1)
    with np.errstate(divide="ignore", invalid="ignore"):
        kappa = (po - pe) / (1 - pe)
        diag = np.diagonal(table, axis1=1, axis2=2)
        a = (diag * (1 - (row + col) * (1 - kappa)[:, None]) ** 2).sum(1)
        weight = (col[:, :, None] + row[:, None, :]) ** 2  # [i, j]: p_.i + p_j.
        off = table * weight
        b = (1 - kappa) ** 2 * (off.sum((1, 2)) - np.trace(off, axis1=1, axis2=2))
        c = (kappa - pe * (1 - kappa)) ** 2
        se = np.sqrt(np.maximum(a + b - c, 0) / (n * (1 - pe) ** 2))
    se[pe >= 1 - 1e-12] = np.nan
    return kappa, se


def fleiss_linearised(x, k):
    reps, n, r = x.shape
    counts = np.stack([(x == c).sum(2) for c in range(k)], axis=-1)  # reps, n, k
    pa_i = (counts * (counts - 1)).sum(2) / (r * (r - 1))
    share = counts.sum(1) / (n * r)
    pe = (share ** 2).sum(1)
    with np.errstate(divide="ignore", invalid="ignore"):
        kappa = (pa_i.mean(1) - pe) / (1 - pe)
        chance_i = (counts * share[:, None, :]).sum(2) / r
        star = (pa_i - pe[:, None]) / (1 - pe[:, None]) - 2 * (1 - kappa[:, None]) * (chance_i - pe[:, None]) / (
            1 - pe[:, None])
        se = np.sqrt(((star - kappa[:, None]) ** 2).sum(1) / (n * (n - 1)))
    se[pe >= 1 - 1e-12] = np.nan
    return kappa, se


CASES = [  # (kappa, prior, rater accuracies)
    ("Cohen", [0.5, 0.5], (0.8, 0.8)),
    ("Cohen", [0.9, 0.1], (0.9, 0.9)),
    ("Cohen", [0.95, 0.05], (0.95, 0.85)),
    ("Cohen", [1 / 3] * 3, (0.75, 0.75)),
    ("Fleiss", [0.5, 0.5], (0.8,) * 3),
    ("Fleiss", [0.9, 0.1], (0.9,) * 3),
    ("Fleiss", [0.6, 0.25, 0.1, 0.05], (0.75,) * 3),
]


def true_kappa(kind, prior, acc):
    return true_cohen(prior, *acc) if kind == "Cohen" else true_fleiss(prior, acc[0])


def draw(rng, reps, n, kind, prior, acc):
    """reps samples of n items: the ratings, kappa, its SE and whether it has one (not every rating one class)."""
    x = ratings(rng, reps, n, prior, acc)
    kappa, se = cohen_fce(x, len(prior)) if kind == "Cohen" else fleiss_linearised(x, len(prior))
    return x, kappa, se, ~np.isnan(se)


def fisher_z(kappa, se):
    with np.errstate(divide="ignore", invalid="ignore"):
        centre, half = np.arctanh(np.clip(kappa, -1 + 1e-9, 1 - 1e-9)), Z * se / (1 - kappa ** 2)
        return np.tanh(centre - half), np.tanh(centre + half)


def main():
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    rng = np.random.default_rng(int(sys.argv[2]) if len(sys.argv) > 2 else 23)
    mc = 100 * np.sqrt(0.95 * 0.05 / reps)
    print(f"{reps} replicates per row, seed as given; Monte-Carlo SE of a 95 % coverage ≈ {mc:.2f} points")
    print("Each interval: coverage % (lower end above the truth — a wrong pass side — / upper end below it), each end"
          " nominally 2.5 %; Wald is the gate's kappa ± z·SE, Fisher z the same SE on atanh(kappa), for comparison")
    print("| kappa | prior | accuracies | true κ | n | Wald (gate) | Fisher z | no interval % |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for kind, prior, acc in CASES:
        truth = true_kappa(kind, prior, acc)
        for n in (30, 100, 600):
            _, kappa, se, ok = draw(rng, reps, n, kind, prior, acc)
            wald = np.maximum(-1, kappa - Z * se), np.minimum(1, kappa + Z * se)
            fisher = fisher_z(kappa, se)
            cells = []
            for low, high in (wald, fisher):
                above = (low[ok] > truth).mean() * 100
                below = (high[ok] < truth).mean() * 100
                cells.append(f"{100 - above - below:.1f} ({above:.1f} / {below:.1f})")
            print(f"| {kind} | {'/'.join(f'{p:.2g}' for p in prior)} | {'/'.join(map(str, acc))} | {truth:.3f} | {n} |"
                  f" {cells[0]} | {cells[1]} | {100 * (1 - ok.mean()):.2f} |")


if __name__ == "__main__":
    main()
