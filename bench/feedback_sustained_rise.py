#!/usr/bin/env python3
"""The feedback trigger on a rise that lasts (docs/gates.md, "Retraining triggers"), a simulation with known truth
written apart from the Java code. 42 days of feedback, each day's interactions uniform in 0.6-1.4 × n, its true
negative rate 3 % times a log-normal day-to-day factor (sd 0, 0.05 or 0.15; optionally a ±10 % weekday cycle), from
k days before the end 1.5 times higher (a step, or none). Two checks, each as the Java code does them with
triggers.feedbackWindow 28 and feedbackMinHistory 7: the latest day against the mean + 2 sd of the up to 28 days
before it (daily), and the last 7 days' mean daily rate against the mean + 2 sd/sqrt(7) of the up to 28 days before
them (week). Printed: the share of series on which each fires, and either (the trigger); 4,000 series a cell, seed 11.

    /usr/bin/python3 bench/feedback_sustained_rise.py"""
import numpy as np
rng = np.random.default_rng(11)
WINDOW, MIN_HISTORY, WEEK, DAYS, SERIES = 28, 7, 7, 42, 4000
def daily(rates):
    i = len(rates) - 1; before = rates[max(0, i - WINDOW):i]
    return len(before) >= MIN_HISTORY and rates[i] > before.mean() + 2 * before.std(ddof=1)
def week(rates):
    start = len(rates) - WEEK; before = rates[max(0, start - WINDOW):start]
    return len(before) >= MIN_HISTORY and rates[start:].mean() > before.mean() + 2 * before.std(ddof=1) / np.sqrt(WEEK)
def series(rise_days_ago, n, day_sd, weekday_cycle):
    true = np.full(DAYS, 0.03)
    if rise_days_ago is not None:
        true[DAYS - rise_days_ago:] *= 1.5
    true = true * np.exp(rng.normal(0, day_sd, DAYS)) * (1 + weekday_cycle * np.sin(2 * np.pi * np.arange(DAYS) / 7))
    interactions = rng.integers(int(n * 0.6), int(n * 1.4), DAYS)
    return rng.binomial(interactions, np.clip(true, 0, 1)) / interactions
print("day sd, weekday cycle, n a day | rise began k days ago: daily / week / either fire")
for day_sd, cycle in ((0.0, 0), (0.05, 0), (0.15, 0), (0.05, 0.1)):
    for n in (500, 10000):
        cells = []
        for k in (None, 1, 3, 7, 10, 14, 21):
            fired = np.zeros(3)
            for _ in range(SERIES):
                rates = series(k, n, day_sd, cycle)
                d, w = daily(rates), week(rates)
                fired += (d, w, d or w)
            cells.append(f"{'no rise' if k is None else f'{k}d'} {fired[0] / SERIES:.3f}/{fired[1] / SERIES:.3f}/"
                         f"{fired[2] / SERIES:.3f}")
        print(f"{day_sd}, {cycle}, {n} | " + "; ".join(cells))
