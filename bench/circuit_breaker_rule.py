#!/usr/bin/env python3
"""The circuit breaker's (gate 7) error rates with known truth, written apart from the Java code (docs/gates.md, the
row "Circuit breaker" and "How the numbers are computed"). The primary metric is accuracy, a rate whose interval on
the pack is Wilson's score interval (Verdict's modified Wilson equals it away from 0 and n successes). The historical
best is `--best`, the margin `--margin`, so the limit is best − margin. A candidate of true accuracy p is measured on n
examples; the rules:

- point: the rule before 2026-12-07, pass when the measured accuracy is at least the limit, fail below it;
- interval: pass when the 95 % interval's lower end is at least the limit, fail when its upper end is below it,
  otherwise insufficient evidence.

For each rule it prints the probability of pass and of fail, summed exactly over the binomial (no sampling error), and
the same from --samples draws of n examples. A wrongful pass is a pass where p is below the limit (a loss beyond the
margin), a wrongful fail a fail where p is at or above it.

With --packs K it also writes K of the drawn candidates as packs (one per draw, n examples, production at the limit
+ 0.01 and in the history as measured here) and runs `java -jar JAR gate PACK --json` on each, checking that the
jar's outcome is the interval rule's and that its candidate interval is the Wilson interval computed here.

Usage: /usr/bin/python3 bench/circuit_breaker_rule.py [--samples 400] [--seed 1] [--best 0.85] [--margin 0.02]
                                                     [--sizes 300,1000,3000] [--packs 0] [--jar target/verdict.jar]
Needs scipy.
"""
import argparse
import json
import os
import subprocess
import tempfile

import numpy as np
from scipy.stats import binom, norm


def wilson(x, n, level=0.95):
    z = norm.ppf(1 - (1 - level) / 2)
    p = x / n
    d = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / d
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return centre - half, centre + half


def outcomes(rule, x, n, limit):
    """Per count x: pass and fail (insufficient evidence is the rest)."""
    if rule == 'point':
        return x / n >= limit, x / n < limit
    lower, upper = wilson(x, n)
    return lower >= limit, upper < limit


def truths(limit):
    """True accuracies: far and just beyond the margin, at the limit, within the margin, at the best and above it."""
    return [round(limit - 0.03, 4), round(limit - 0.01, 4), limit, round(limit + 0.01, 4), round(limit + 0.03, 4)]


def write_pack(folder, x, n, production_correct, best, version_best='0'):
    """A binary pack of n rows: the candidate right on x of them, production on production_correct."""
    os.makedirs(folder)
    with open(os.path.join(folder, 'primary.csv'), 'w') as out:
        out.write('example_id,label,segment,pred_1,pred_2\n')
        for i in range(n):
            label = 'fraud' if i % 2 else 'legit'
            wrong = 'legit' if label == 'fraud' else 'fraud'
            production = label if i < production_correct else wrong
            candidate = label if i < x else wrong
            out.write(f'r{i},{label},s{i % 3},{production},{candidate}\n')
    with open(os.path.join(folder, 'metric_history.csv'), 'w') as out:
        out.write('version,date,value\n')
        out.write(f'{version_best},2026-06-01,{best}\n')
        out.write(f'1,2026-09-01,{production_correct / n}\n')
    manifest = {'format': 'verdict-pack/1',
                'model': {'name': 'breaker', 'task': 'binary', 'riskTier': 2, 'positiveLabel': 'fraud'},
                'models': [{'version': '1', 'role': 'production'}, {'version': '2', 'role': 'candidate'}],
                'primaryMetric': 'accuracy',
                'suites': {'primary': {'file': 'primary.csv', 'slices': ['segment']}, 'metricHistory': {'file': 'metric_history.csv'}}}
    with open(os.path.join(folder, 'manifest.json'), 'w') as out:
        json.dump(manifest, out)


def check_packs(draws, n, limit, best, jar):
    """Runs the jar on packs of the drawn counts; returns (agreeing outcomes, largest gap of an interval end)."""
    agree, gap = 0, 0.0
    production_correct = int(round((limit + 0.01) * n))
    with tempfile.TemporaryDirectory() as root:
        for k, x in enumerate(draws):
            folder = os.path.join(root, f'pack{k}')
            write_pack(folder, int(x), n, production_correct, best)
            run = subprocess.run(['java', '-jar', jar, 'gate', folder, '--json'], capture_output=True, text=True)
            gate = next(g for g in json.loads(run.stdout)['gates'] if g['gate'] == 'circuit_breaker')
            numbers = gate['findings'][0]['numbers']
            passed, failed = outcomes('interval', x, n, limit)
            expected = 'pass' if passed else 'fail' if failed else 'insufficient evidence'
            lower, upper = wilson(x, n)
            gap = max(gap, abs(numbers['candidateLower'] - lower), abs(numbers['candidateUpper'] - upper))
            agree += gate['outcome'] == expected
            if gate['outcome'] != expected:
                print(f'  x={x}: jar {gate["outcome"]}, expected {expected}: {gate["summary"]}')
    return agree, gap


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--samples', type=int, default=400)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--best', type=float, default=0.85)
    parser.add_argument('--margin', type=float, default=0.02)
    parser.add_argument('--sizes', default='300,1000,3000')
    parser.add_argument('--packs', type=int, default=0)
    parser.add_argument('--jar', default='target/verdict.jar')
    args = parser.parse_args()
    limit = round(args.best - args.margin, 10)
    rng = np.random.default_rng(args.seed)
    print(f'best {args.best}, margin {args.margin}, limit {limit}; exact over the binomial, then '
          f'{args.samples} draws (seed {args.seed})')
    print('   n   true p  loss>margin |  point: pass  fail  | interval: pass  fail  insufficient | drawn: '
          'point pass, interval pass / fail')
    for n in [int(s) for s in args.sizes.split(',')]:
        x = np.arange(n + 1)
        for p in truths(limit):
            weights = binom.pmf(x, n, p)
            point_pass, point_fail = outcomes('point', x, n, limit)
            pass_, fail = outcomes('interval', x, n, limit)
            exact = [weights[point_pass].sum(), weights[point_fail].sum(), weights[pass_].sum(), weights[fail].sum()]
            draws = rng.binomial(n, p, args.samples)
            drawn_point = outcomes('point', draws, n, limit)[0].mean()
            drawn_pass, drawn_fail = (o.mean() for o in outcomes('interval', draws, n, limit))
            print(f'{n:5d}  {p:.3f}  {"yes" if p < limit else "no ":>9}   |  {exact[0]:6.1%} {exact[1]:6.1%} |'
                  f'        {exact[2]:6.1%} {exact[3]:6.1%} {1 - exact[2] - exact[3]:8.1%}     |'
                  f'  {drawn_point:6.1%}, {drawn_pass:6.1%} / {drawn_fail:6.1%}')
            if args.packs:
                agree, gap = check_packs(draws[:args.packs], n, limit, args.best, args.jar)
                print(f'        jar on {args.packs} drawn packs: {agree} outcomes as the interval rule; candidate '
                      f'interval ends within {gap:.1e} of Wilson\'s computed here')


if __name__ == '__main__':
    main()
