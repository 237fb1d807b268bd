#!/usr/bin/env python3
"""What a class rule would buy the label quality gate's kappa interval: the Fisher-z interval of
bench/kappa_interval_coverage.py (same superpopulations, same published SEs), shown only where the rarest class used
has at least R ratings pooled over the annotators. Prints per case and n, for R = 0 (today), 3, 5, 8, 10: coverage %
(lower end above the truth / upper end below it) and the share of samples that would keep an interval.

Usage: /usr/bin/python3 bench/kappa_rarest_class_rule.py [replicates] [seed]
"""
import sys

import numpy as np

from kappa_interval_coverage import CASES, draw, fisher_z, true_kappa


def main():
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    rng = np.random.default_rng(int(sys.argv[2]) if len(sys.argv) > 2 else 31)
    for kind, prior, acc in CASES:
        truth = true_kappa(kind, prior, acc)
        for n in (30, 50, 100):
            x, kappa, se, ok = draw(rng, reps, n, kind, prior, acc)
            low, high = fisher_z(kappa, se)
            # a class no annotator used drops out of kappa, so the rarest class is the rarest of those used
            pooled = np.stack([(x == c).sum((1, 2)) for c in range(len(prior))], -1)
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
