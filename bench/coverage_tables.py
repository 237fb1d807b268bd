#!/usr/bin/env python3
"""The coverage benchmark's output as docs/statistics.md's tables, and where the tables in the docs differ from it.

`org.verdict.bench.CoverageBenchmark` prints one line per interval cell ("binary null n=30  accuracy  94.8 ±1.0 …").
This script reads one or more such outputs (later files override earlier ones cell by cell, so a re-run of some
sizes can be laid over a full run) and

- prints the docs' tables: Δ / production / candidate per metric and size ("Coverage": "Measured"), worsening /
  production / candidate per disparity and group size (fairness), and the family-wise error / per-slice rate;
- with --docs docs/statistics.md, lists every cell of the docs' tables of that name that the output measured
  differently (a doc cell "a → b" is read as its current value b), so a re-run shows what it moved.

Usage: /usr/bin/python3 bench/coverage_tables.py OUT.txt [OUT2.txt …] [--docs docs/statistics.md
       [--column-suffix ', seed 2']]
"""
import argparse
import re
from collections import OrderedDict

METRIC_LINE = re.compile(r'^(\S+) (null|effect) n=(\d+)\s+(\S+)\s+(.*)$')
FAIR_LINE = re.compile(r'^fairness (\S+) (\d+)/group\s+(.*)$')
FWER_LINE = re.compile(r'^(\S+) null 20x(\d+)\s+(\S+)\s+(.*)$')
# one printed coverage cell: "94.8 ±1.0<< (shown 12) (percentile 3)" or "not shown"
CELL = re.compile(r'(not shown|\d+\.\d ±\d+\.\d(?:<<|>>|<|>)?(?: \(shown \d+\))?(?: \(percentile \d+\))?)')
RATE = re.compile(r'(\d+\.\d+ % ±\d+\.\d+(?: >>| >)?)')

POPULATION_TITLES = {'binary': 'binary', 'multiclass': 'multiclass', 'regression': 'regression',
                     'two-class': 'two-class', 'rare-binary': 'rare binary'}
EFFECT_TITLES = {'null': 'null (exchangeable models, true Δ = 0)', 'effect': 'candidate better'}


def doc_cell(printed):
    """'94.8 ±1.0<< (shown 12)' → '94.8<<(shown 12)', the docs' form."""
    if printed == 'not shown':
        return '–'
    value, rest = printed.split(' ±', 1)
    rest = rest.split(' ', 1)
    mark = re.sub(r'^\d+\.\d', '', rest[0])
    notes = rest[1].replace(' ', ' ').replace(') (', ')(') if len(rest) > 1 else ''
    notes = notes.replace(' (', '(')
    return value + mark + notes


def read(paths):
    metrics = OrderedDict()   # (population, effect) → {metric → {n → 'Δ / prod / cand'}}
    fairness = OrderedDict()  # population → {disparity → {per group → 'worsening / prod / cand'}}
    fwer = OrderedDict()      # population → {metric → {per slice → 'fwer±se / per slice'}}
    for path in paths:
        with open(path, encoding='utf-8') as f:
            for line in f:
                line = line.rstrip('\n')
                m = FWER_LINE.match(line)
                if m:
                    rates = RATE.findall(m.group(4))
                    if len(rates) == 3:
                        family = rates[0].split(' %')[0] + '±' + rates[0].split('±')[1].split(' ')[0]
                        per_slice = '%.2f' % float(rates[2].split(' %')[0])
                        fwer.setdefault(m.group(1), OrderedDict()).setdefault(m.group(3), OrderedDict())[
                            int(m.group(2))] = family + (' >' if rates[0].endswith('>') else '') + ' / ' + per_slice
                    continue
                m = FAIR_LINE.match(line)
                if m:
                    first = CELL.search(m.group(3))
                    name = m.group(3)[:first.start()].strip()
                    cells = CELL.findall(m.group(3)[first.start():])
                    if len(cells) == 3:
                        prod, cand, worse = (doc_cell(c) for c in cells)
                        fairness.setdefault(m.group(1), OrderedDict()).setdefault(name, OrderedDict())[
                            int(m.group(2))] = ' / '.join((worse, prod, cand))
                    continue
                m = METRIC_LINE.match(line)
                if m:
                    cells = CELL.findall(m.group(5))
                    if len(cells) >= 3:
                        prod, cand, delta = (doc_cell(c) for c in cells[:3])
                        metrics.setdefault((m.group(1), m.group(2)), OrderedDict()).setdefault(
                            m.group(4), OrderedDict())[int(m.group(3))] = ' / '.join((delta, prod, cand))
    return metrics, fairness, fwer


def table(rows, header):
    sizes = sorted({n for cells in rows.values() for n in cells})
    out = ['| ' + header[0] + ' | ' + ' | '.join(header[1](n) for n in sizes) + ' |',
           '| --- |' + ' --- |' * len(sizes)]
    for name, cells in rows.items():
        out.append('| `%s` | ' % name + ' | '.join(cells.get(n, '') for n in sizes) + ' |')
    return '\n'.join(out)


def print_tables(metrics, fairness, fwer):
    for (population, effect), rows in metrics.items():
        print('**%s, %s** — Δ / production / candidate, %%\n' % (POPULATION_TITLES.get(population, population),
                                                                  EFFECT_TITLES[effect]))
        print(table(rows, ('metric', lambda n: 'n = {:,}'.format(n))) + '\n')
    for population, rows in fairness.items():
        rows = OrderedDict((k, v) for k, v in rows.items() if ' contains estimate' not in k)
        print('**%s** — worsening / production / candidate, %%\n' % population)
        print(table(rows, ('disparity', lambda n: '{:,} per group'.format(n))) + '\n')
    for population, rows in fwer.items():
        print('**%s**, 20 slices — family-wise error ± its Monte-Carlo error / share of single slices with '
              'p < 0.0025, %%\n' % population)
        print(table(rows, ('metric', lambda n: '%d rows per slice' % n)) + '\n')


def doc_tables(path):
    """{(table title, row name) → [cells]} and each table's column headers, from the docs' Markdown."""
    tables = {}
    title = None
    header = None
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            bold = re.match(r'^\*\*([^*]+)\*\*', line)
            if bold:
                title = bold.group(1)
                header = None
                continue
            if not line.startswith('|') or title is None:
                if line.strip() and not line.startswith('|'):
                    header = None
                continue
            parts = [p.strip() for p in line.strip('|').split('|')]
            if header is None:
                header = parts
                continue
            if set(parts[0]) <= set('- '):
                continue
            tables[(title, parts[0].strip('`'))] = dict(zip(header[1:], parts[1:]))
    return tables


def current(doc_value):
    """A doc cell 'a → b / c → d' read as its values after the last arrow of each part."""
    return ' / '.join(p.split('→')[-1].strip() for p in doc_value.split(' / '))


def compare(metrics, fairness, docs_path, suffix=''):
    docs = doc_tables(docs_path)
    differ = 0
    same = 0
    for (population, effect), rows in metrics.items():
        title = '%s, %s' % (POPULATION_TITLES.get(population, population), EFFECT_TITLES[effect])
        for metric, cells in rows.items():
            doc = docs.get((title, metric))
            if doc is None:
                continue
            for n, measured in cells.items():
                column = next((c for c in doc if c in ('n = {:,}'.format(n) + suffix, 'n = %d' % n + suffix)), None)
                if column is None:
                    continue
                if current(doc[column]) == measured:
                    same += 1
                else:
                    differ += 1
                    print('%-44s %-22s n=%-6d docs %-40s measured %s' % (title, metric, n, current(doc[column]),
                                                                         measured))
    for population, rows in fairness.items():
        for disparity, cells in rows.items():
            doc = docs.get((population, disparity))
            if doc is None:
                continue
            for n, measured in cells.items():
                column = '{:,} per group'.format(n)
                if column not in doc:
                    continue
                if current(doc[column]).replace('>', '').replace('<', '') == \
                        measured.replace('>', '').replace('<', ''):
                    same += 1
                else:
                    differ += 1
                    print('%-44s %-30s %5d/group docs %-30s measured %s' % (
                        'fairness ' + population, disparity, n, current(doc[column]), measured))
    print('%d cells as in the docs, %d differ' % (same, differ))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('outputs', nargs='+')
    parser.add_argument('--docs')
    parser.add_argument('--column-suffix', default='',
                        help="compare with the docs' columns 'n = 30' + this, e.g. ', seed 2' for a run of seed 2")
    args = parser.parse_args()
    metrics, fairness, fwer = read(args.outputs)
    if args.docs:
        compare(metrics, fairness, args.docs, args.column_suffix)
    else:
        print_tables(metrics, fairness, fwer)


if __name__ == '__main__':
    main()
