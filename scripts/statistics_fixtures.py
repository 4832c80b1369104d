#!/usr/bin/env python3
"""Reference numbers from scipy for backprop's statistics (StatisticsTests.swift).

Run: python3 scripts/statistics_fixtures.py   (from the repository root; the
system python3 with scipy 1.17.1 and numpy 2, no venv needed).
Writes Tests/BackpropTests/Fixtures/statistics.json; running it again writes
the same file byte for byte. The tests read only the JSON.

Every input here is fixed (written out, or drawn from numpy's PCG64 with a
fixed seed and rounded), every number comes from scipy.stats:
- wilcoxon: no ties or zeros, method="exact"; with ties and/or zeros,
  method=PermutationMethod(n_resamples=np.inf), the exact distribution over
  all 2^n sign flips of the midranks. Those small tied cases are also checked
  here against a brute-force enumeration with exact fractions. Two larger
  tied cases (n = 30, 60), beyond what enumeration can do, come from an exact
  big-integer count in this script, which is itself checked against scipy on
  every smaller case first. One n = 1200 case: method="asymptotic".
- t: t.ppf and t.cdf on a grid of degrees of freedom (real ones included,
  df = inf is the normal) and probabilities.
- paired: ttest_rel(x, y).confidence_interval(level); seeds_needed by
  walking n up from the Wilcoxon minimum with t.ppf (the paired t test's
  sample size: (t_(1+level)/2 + t_power) * sd / sqrt(n) below the difference).
- friedman: friedmanchisquare (tie-corrected), rankdata for the ranks, the
  Iman-Davenport F from scipy's statistic with f.sf.
- studentized_range: studentized_range.ppf(1 - alpha, k, np.inf) / sqrt(2)
  and studentized_range.cdf(q, k, np.inf).
- chi2.sf and f.sf on small grids.
"""
import itertools
import json
import math
import os
from fractions import Fraction

import numpy as np
import scipy
import scipy.stats as st

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(ROOT, "Tests", "BackpropTests", "Fixtures", "statistics.json")


def number(value):
    """JSON has no infinities: they are written as the strings "inf" and "-inf"."""
    value = float(value)
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return value


def doubled_midranks(values):
    """Twice each |d|'s midrank (integers), from scipy's rankdata."""
    return [int(round(2 * r)) for r in st.rankdata(np.abs(values), method="average")]


def exact_count_p(differences):
    """Two-sided Wilcoxon p from an exact big-integer count of sign assignments."""
    d = np.array([x for x in differences if x != 0])
    ranks = doubled_midranks(d)
    observed = sum(r for r, x in zip(ranks, d) if x > 0)
    counts = {0: 1}
    for r in ranks:
        updated = dict(counts)
        for total, ways in counts.items():
            updated[total + r] = updated.get(total + r, 0) + ways
        counts = updated
    everything = 2 ** len(d)
    lower = Fraction(sum(w for s, w in counts.items() if s <= observed), everything)
    upper = Fraction(sum(w for s, w in counts.items() if s >= observed), everything)
    return float(min(Fraction(1), 2 * min(lower, upper)))


def enumerated_p(differences):
    """The same by listing every sign assignment (small n only)."""
    d = np.array([x for x in differences if x != 0])
    ranks = doubled_midranks(d)
    observed = sum(r for r, x in zip(ranks, d) if x > 0)
    sums = [sum(r for r, s in zip(ranks, signs) if s) for signs in itertools.product([0, 1], repeat=len(d))]
    lower = Fraction(sum(s <= observed for s in sums), len(sums))
    upper = Fraction(sum(s >= observed for s in sums), len(sums))
    return float(min(Fraction(1), 2 * min(lower, upper)))


def close(a, b):
    return abs(a - b) <= 1e-12 * max(abs(a), abs(b))


def wilcoxon_cases():
    rng = np.random.default_rng(20240601)
    cases = []

    def add(name, d, method):
        d = [float(x) for x in d]
        if method == "exact":
            result = st.wilcoxon(d, method="exact")
            assert close(result.pvalue, exact_count_p(d)), name
        elif method == "permutation":
            result = st.wilcoxon(d, zero_method="wilcox", method=st.PermutationMethod(n_resamples=np.inf))
            assert close(result.pvalue, enumerated_p(d)), name
            assert close(result.pvalue, exact_count_p(d)), name
        elif method == "exact count":
            result = None
        else:
            result = st.wilcoxon(d, zero_method="wilcox", method="asymptotic")
        nonzero = [x for x in d if x != 0]
        if result is None:
            ranks = doubled_midranks(nonzero)
            positive = sum(r for r, x in zip(ranks, nonzero) if x > 0) / 2
            statistic, p = min(positive, len(nonzero) * (len(nonzero) + 1) / 2 - positive), exact_count_p(d)
        else:
            statistic, p = float(result.statistic), float(result.pvalue)
        cases.append({"name": name, "source": method, "differences": d, "statistic": statistic,
                      "p": p, "count": len(nonzero)})

    # No ties, no zeros: scipy's exact distribution.
    add("n=3 all positive", [0.4, 1.3, 0.7], "exact")
    add("n=5 all negative", [-0.2, -1.1, -0.5, -2.3, -0.8], "exact")
    add("n=6 all positive", [0.21, 0.35, 0.12, 0.5, 0.08, 0.77], "exact")
    add("n=6 mixed", [1.1, -0.3, 2.2, 0.7, -1.4, 3.5], "exact")
    add("n=8 mixed", [0.9, -0.1, 1.7, 2.4, -0.6, 0.3, 1.2, -2.9], "exact")
    add("n=10 mixed", [0.013, -0.004, 0.021, 0.008, 0.017, -0.011, 0.026, 0.002, 0.031, -0.019], "exact")
    for n in (25, 40, 60):
        magnitudes = rng.permutation(np.arange(1, n + 1)) * 0.01 + 0.003
        signs = np.where(rng.random(n) < 0.68, 1.0, -1.0)
        add(f"n={n} no ties", np.round(magnitudes * signs, 6), "exact")
    # Ties and zeros: the exact permutation distribution over sign flips of the midranks.
    add("n=3 tie", [0.5, -0.5, 1.0], "permutation")
    add("n=5 zeros and ties", [0.0, 1.0, -1.0, 2.0, 2.0, 0.0, 3.0], "permutation")
    add("n=6 ties", [0.2, 0.2, 0.2, -0.1, 0.5, 0.5], "permutation")
    add("n=7 zero and ties", [1.5, -0.5, 2.0, 2.0, 0.0, -1.0, 3.0, 0.5], "permutation")
    add("n=10 ties", [0.3, -0.3, 0.3, 0.1, -0.2, 0.4, 0.4, 0.4, -0.1, 0.6], "permutation")
    add("n=12 ties and zeros", [2, 2, -2, 1, 1, 0, 3, 3, 3, -1, 4, 0, 5, 5], "permutation")
    add("n=14 many ties", [1, -1, 1, 1, -1, 1, 2, 2, -2, 2, 3, 3, -3, 4], "permutation")
    # Larger with ties: the exact count above, checked against scipy on every case before.
    for n in (30, 60):
        d = np.round(rng.normal(0.4, 1.0, n), 1)
        d[: n // 10] = 0.0
        add(f"n={n} ties and zeros", d, "exact count")
    # Beyond the exact limit (1000): the normal approximation.
    d = np.round(rng.normal(0.05, 1.0, 1200), 2)
    add("n=1200 ties, asymptotic", d, "asymptotic")
    return cases


def t_cases():
    degrees = [1, 1.5, 2, 3, 4.7, 5, 10, 30, 100, 1000, 10000, np.inf]
    probabilities = [1e-12, 1e-6, 0.001, 0.01, 0.025, 0.05, 0.1, 0.3, 0.5, 0.6, 0.9, 0.95, 0.975, 0.99, 0.999999]
    points = [-1e4, -40, -6.5, -2, -0.7, 0, 1e-3, 0.25, 1, 2.2, 4, 12, 300]
    quantiles = [{"df": number(df), "p": p, "t": number(st.t.ppf(p, df))} for df in degrees for p in probabilities]
    cdfs = [{"df": number(df), "t": t, "cdf": number(st.t.cdf(t, df))} for df in degrees for t in points]
    return {"quantiles": quantiles, "cdf": cdfs}


def paired_cases():
    rng = np.random.default_rng(7)
    inputs = [
        ("n=2", [0.31, 0.27], [0.29, 0.30]),
        ("n=3", [0.912, 0.905, 0.921], [0.900, 0.899, 0.915]),
        ("n=5", [1.25, 1.31, 1.18, 1.40, 1.22], [1.20, 1.33, 1.10, 1.31, 1.21]),
        ("n=10", list(np.round(rng.normal(0.5, 0.1, 10), 4)), list(np.round(rng.normal(0.52, 0.1, 10), 4))),
        ("n=30", list(np.round(rng.normal(2.0, 0.5, 30), 3)), list(np.round(rng.normal(1.9, 0.5, 30), 3))),
    ]
    cases = []
    for name, x, y in inputs:
        x, y = [float(v) for v in x], [float(v) for v in y]
        d = np.array(x) - np.array(y)
        intervals = {}
        for level in (0.9, 0.95, 0.99):
            interval = st.ttest_rel(x, y).confidence_interval(level)
            intervals[str(level)] = [float(interval.low), float(interval.high)]
        cases.append({"name": name, "x": x, "y": y, "mean": float(d.mean()), "sd": float(d.std(ddof=1)),
                      "intervals": intervals})
    return cases


def seeds_needed_cases():
    cases = []
    for difference, sd, level, power in [(0.01, 0.005, 0.95, 0.5), (0.01, 0.02, 0.95, 0.5), (-0.3, 1.0, 0.95, 0.5),
                                         (0.001, 0.02, 0.95, 0.5), (0.5, 0.5, 0.99, 0.5), (0.05, 0.04, 0.9, 0.5), (1.0, 0.1, 0.95, 0.5),
                                         (0.01, 0.005, 0.95, 0.8), (0.01, 0.02, 0.95, 0.8), (-0.3, 1.0, 0.95, 0.8),
                                         (0.05, 0.04, 0.99, 0.9), (0.0489, 0.04, 0.99, 0.8)]:
        alpha = 1 - level
        n = next(m for m in itertools.count(1) if 2.0 ** (1 - m) < alpha)
        while (st.t.ppf((1 + level) / 2, n - 1) + st.t.ppf(power, n - 1)) * sd / math.sqrt(n) >= abs(difference):
            n += 1
        cases.append({"difference": difference, "sd": sd, "level": level, "power": power, "seeds": n})
    return cases


def friedman_cases():
    rng = np.random.default_rng(11)
    tables = [
        ("3x3 no ties", [[0.90, 0.85, 0.80], [0.70, 0.75, 0.60], [0.95, 0.92, 0.93]], True),
        ("4x3 ties", [[1, 2, 2], [3, 3, 3], [1, 1, 2], [5, 4, 4]], False),
        ("5x4 ties", [[0.2, 0.2, 0.3, 0.1], [0.5, 0.4, 0.4, 0.4], [0.9, 0.8, 0.7, 0.6],
                      [0.3, 0.3, 0.3, 0.4], [1.0, 0.2, 0.2, 0.5]], True),
        ("10x5 rounded", np.round(rng.normal(0, 1, (10, 5)) + np.arange(5) * 0.4, 1).tolist(), False),
        ("14x4 rounded", np.round(rng.normal(0.8, 0.05, (14, 4)) + np.array([0, 0.03, 0.01, 0.04]), 2).tolist(), True),
        ("3x6 identical rankings", [[1, 2, 3, 4, 5, 6], [10, 20, 30, 40, 50, 60], [0, 1, 2, 3, 4, 5]], False),
    ]
    cases = []
    for name, scores, higher in tables:
        scores = [[float(v) for v in row] for row in scores]
        table = np.array(scores)
        result = st.friedmanchisquare(*table.T)
        n, k = table.shape
        ranks = np.array([st.rankdata(-row if higher else row, method="average") for row in table])
        chi = float(result.statistic)
        denominator = n * (k - 1) - chi
        f = (n - 1) * chi / denominator if denominator > 1e-12 * n * (k - 1) else math.inf
        f_p = float(st.f.sf(f, k - 1, (k - 1) * (n - 1))) if math.isfinite(f) else 0.0
        cases.append({"name": name, "scores": scores, "higher_is_better": higher, "ranks": ranks.tolist(),
                      "mean_ranks": ranks.mean(axis=0).tolist(), "statistic": chi, "p": float(result.pvalue),
                      "iman_davenport": number(f), "iman_davenport_p": f_p})
    return cases


def studentized_range_cases():
    quantiles = [{"k": k, "alpha": alpha, "q": float(st.studentized_range.ppf(1 - alpha, k, np.inf) / math.sqrt(2))}
                 for alpha in (0.05, 0.1) for k in range(2, 21)]
    cdfs = [{"k": k, "q": q, "cdf": float(st.studentized_range.cdf(q, k, np.inf))}
            for k in (2, 3, 5, 10, 20) for q in (0.5, 2.0, 3.3, 5.0)]
    return {"quantiles": quantiles, "cdf": cdfs}


def distribution_cases():
    chi2 = [{"x": x, "df": df, "sf": float(st.chi2.sf(x, df))}
            for df in (1, 2, 3, 5, 9, 40) for x in (0.01, 0.5, 2.0, 7.5, 30.0, 120.0)]
    f = [{"f": x, "d1": d1, "d2": d2, "sf": float(st.f.sf(x, d1, d2))}
         for d1, d2 in ((1, 1), (2, 10), (3, 27), (4, 52), (9, 90)) for x in (0.05, 0.8, 1.0, 3.5, 25.0)]
    return {"chi2": chi2, "f": f}


def main():
    fixture = {
        "scipy": scipy.__version__,
        "wilcoxon": wilcoxon_cases(),
        "t": t_cases(),
        "paired": paired_cases(),
        "seeds_needed": seeds_needed_cases(),
        "friedman": friedman_cases(),
        "studentized_range": studentized_range_cases(),
        "distributions": distribution_cases(),
    }
    with open(OUTPUT, "w") as file:
        json.dump(fixture, file, indent=1)
        file.write("\n")
    print(f"wrote {os.path.relpath(OUTPUT, ROOT)}")


if __name__ == "__main__":
    main()
