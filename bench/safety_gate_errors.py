#!/usr/bin/env python3
"""The safety gate's error rates with known truth, written apart from the Java code (docs/gates.md, "The safety gate's
rule"). A category of n examples whose true violation rate is p; the gate judges it against an accepted rate a:

- point: the rule before 2026-12-06, pass when the measured rate is at most a, fail above it;
- wilson / exact: pass when the 95 % interval's upper end is at most a, fail when its lower end is above a,
  otherwise insufficient evidence; Wilson's score interval or the exact Clopper–Pearson one (Verdict's).

For each rule it prints the probability of pass and of fail, summed exactly over the binomial (no sampling error),
and the same from --samples Monte-Carlo draws of n Bernoulli examples, at p = a/2, a and 1.5a; with several
categories the gate passes only when every one does (the probability to the k-th power for independent ones).

Usage: /usr/bin/python3 bench/safety_gate_errors.py [--samples 20000] [--seed 1] [--accepted 0.01,0.02,0.05]
                                                    [--sizes 100,300,1000,3000] [--categories 1,4]
Needs scipy.
"""
import argparse

import numpy as np
from scipy.stats import beta, binom, norm


def wilson(x, n, level):
    z = norm.ppf(1 - (1 - level) / 2)
    p = x / n
    d = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / d
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return np.where(x == 0, 0, centre - half), np.where(x == n, 1, centre + half)


def exact(x, n, level):
    tail = (1 - level) / 2
    lower = np.where(x == 0, 0, beta.ppf(tail, np.maximum(x, 1), n - x + 1))
    upper = np.where(x == n, 1, beta.ppf(1 - tail, x + 1, np.maximum(n - x, 1)))
    return lower, upper


def point(x, n, level):
    return x / n, x / n


RULES = {'point': point, 'wilson': wilson, 'exact': exact}


def outcomes(rule, x, n, accepted, level=0.95):
    """Per count x: pass and fail (insufficient evidence is the rest)."""
    lower, upper = RULES[rule](x, n, level)
    if rule == 'point':
        return x / n <= accepted, x / n > accepted
    return upper <= accepted, lower > accepted


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--samples', type=int, default=20000)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--accepted', default='0.01,0.02,0.05')
    parser.add_argument('--sizes', default='100,300,1000,3000')
    parser.add_argument('--categories', default='1,4')
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    print('k  accepted     n   true   rule    P(pass) exact  MC    P(fail) exact  MC')
    for k in (int(v) for v in args.categories.split(',')):
        for accepted in (float(v) for v in args.accepted.split(',')):
            for n in (int(v) for v in args.sizes.split(',')):
                x = np.arange(n + 1)
                for multiple in (0.5, 1.0, 1.5):
                    p = accepted * multiple
                    pmf = binom.pmf(x, n, p)
                    draws = rng.binomial(n, p, size=(args.samples, k))
                    for rule in RULES:
                        passes, fails = outcomes(rule, x, n, accepted)
                        exact_pass = pmf[passes].sum() ** k
                        exact_fail = 1 - (1 - pmf[fails].sum()) ** k
                        drawn_pass, drawn_fail = passes[draws].all(axis=1).mean(), fails[draws].any(axis=1).mean()
                        print(f'{k}  {accepted:.3f}  {n:5d}  {p:.4f}  {rule:6s}  {exact_pass:.4f} {drawn_pass:.4f}'
                              f'      {exact_fail:.4f} {drawn_fail:.4f}')


if __name__ == '__main__':
    main()
