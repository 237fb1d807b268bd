#!/usr/bin/env python3
"""What a class rule would buy the label quality gate's kappa interval: the Fisher-z interval of
bench/kappa_interval_coverage.py (same superpopulations, same published SEs), shown only where the rarest class used
has at least R ratings pooled over the annotators. Prints per case and n, for R = 0 (today), 3, 5, 8, 10: coverage %
(lower end above the truth / upper end below it) and the share of samples that would keep an interval.

Usage: /usr/bin/python3 bench/kappa_rarest_class_rule.py [replicates] [seed]
"""
import sys

import numpy as np

from kappa_interval_coverage import Z, cohen_fce, fleiss_linearised, ratings, true_cohen, true_fleiss

CASES = [("Cohen", [0.5, 0.5], (0.8, 0.8)), ("Cohen", [0.9, 0.1], (0.9, 0.9)),
         ("Cohen", [0.95, 0.05], (0.95, 0.85)), ("Cohen", [1 / 3] * 3, (0.75, 0.75)),
         ("Fleiss", [0.5, 0.5], (0.8,) * 3), ("Fleiss", [0.9, 0.1], (0.9,) * 3),
         ("Fleiss", [0.6, 0.25, 0.1, 0.05], (0.75,) * 3)]


def main():
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    rng = np.random.default_rng(int(sys.argv[2]) if len(sys.argv) > 2 else 31)
    for kind, prior, acc in CASES:
        k = len(prior)
        truth = true_cohen(prior, *acc) if kind == "Cohen" else true_fleiss(prior, acc[0])
        for n in (30, 50, 100):
            x = ratings(rng, reps, n, prior, acc)
            kappa, se = cohen_fce(x, k) if kind == "Cohen" else fleiss_linearised(x, k)
            ok = ~np.isnan(se)
            with np.errstate(divide="ignore", invalid="ignore"):
                centre, half = np.arctanh(np.clip(kappa, -1 + 1e-9, 1 - 1e-9)), Z * se / (1 - kappa ** 2)
                low, high = np.tanh(centre - half), np.tanh(centre + half)
            # a class no annotator used drops out of kappa, so the rarest class is the rarest of those used
            pooled = np.stack([(x == c).sum((1, 2)) for c in range(k)], -1)
            rarest = np.where(pooled > 0, pooled, np.iinfo(np.int64).max).min(1)
            cells = []
            for rule in (0, 3, 5, 8, 10):
                shown = ok & (rarest >= rule)
                covered = ((low <= truth) & (truth <= high))[shown].mean() * 100
                above = (low > truth)[shown].mean() * 100
                cells.append(f"≥{rule}: {covered:.1f} ({above:.1f} / {100 - covered - above:.1f}), "
                             f"shown {100 * shown.mean():.1f} %")
            print(f"{kind} {'/'.join(f'{p:.2g}' for p in prior)} {'/'.join(map(str, acc))} n={n} κ={truth:.3f} | "
                  + " | ".join(cells))


if __name__ == "__main__":
    main()
