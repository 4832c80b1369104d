#!/usr/bin/env python3
"""Checks that a change left training behaviour alone.

Run: python3 scripts/compare_metrics.py --base REV [--keep DIR] [--added-metrics]
     python3 scripts/compare_metrics.py --before DIR/before   (outputs of REV kept earlier)

Builds REV (the commit before the change) in a temporary git worktree and the
working tree as it is, runs every shipped experiment except the Fashion-MNIST
ones with both binaries, and compares each experiment's metrics.csv row by
row: every column but `seconds` (wall-clock time) must be equal to the
character. It also compares summary.json without its timings. Exits 0 when
all are equal, 1 with the first differences otherwise, 2 when something could
not be built or run.

A refactoring that claims "behaviour unchanged" runs this before it lands.
A change that adds metrics (new rows in metrics.csv, new fields in
summary.json) but must not change training runs it with --added-metrics:
only the rows of metrics REV already wrote are compared, summary.json is not.
Only experiments that exist in both trees are run.
"""
import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SKIPPED = ("fashion-mnist",)  # minutes each, and they need the Debian dataset


def run(command, **options):
    result = subprocess.run(command, capture_output=True, text=True, **options)
    if result.returncode != 0:
        sys.stderr.write(f"compare_metrics: {' '.join(command)} failed ({result.returncode}):\n{result.stderr[-2000:]}\n")
        sys.exit(2)
    return result.stdout


def build(directory):
    run(["swift", "build", "-c", "release", "--package-path", directory])
    return os.path.join(directory, ".build", "release", "backprop")


def experiments(root=ROOT):
    names = sorted(name[:-5] for name in os.listdir(os.path.join(root, "experiments")) if name.endswith(".yaml"))
    return [name for name in names if not name.startswith(SKIPPED)]


def train(binary, output, names):
    for name in names:
        run([binary, "run", os.path.join(ROOT, "experiments", name + ".yaml"), "--plots", output])


def rows(path, metrics=None):
    """metrics.csv rows without the seconds column, only of `metrics` when given."""
    with open(path, newline="") as file:
        reader = csv.reader(file)
        header = next(reader)
        seconds, metric = header.index("seconds"), header.index("metric")
        return [[field for index, field in enumerate(row) if index != seconds]
                for row in reader if metrics is None or row[metric] in metrics]


def metric_names(path):
    with open(path, newline="") as file:
        return {row["metric"] for row in csv.DictReader(file)}


def without_timings(value):
    """summary.json without the keys that hold times (they differ run to run),
    the version and the experiment digest (made of trial keys, which name the
    program): every change of the code changes them. results_digest, which
    names the numbers, stays compared."""
    if isinstance(value, dict):
        return {key: without_timings(item) for key, item in value.items()
                if "seconds" not in key and key not in ("version", "experiment_digest")}
    if isinstance(value, list):
        return [without_timings(item) for item in value]
    return value


def summaries_equal(before, after, name):
    with open(os.path.join(before, name, "summary.json")) as old, open(os.path.join(after, name, "summary.json")) as new:
        return without_timings(json.load(old)) == without_timings(json.load(new))


def compare(before, after, names, added_metrics):
    failures = 0
    for name in names:
        if not added_metrics and not summaries_equal(before, after, name):
            failures += 1
            print(f"DIFFERENT {name}: summary.json (apart from timings)")
        old_path = os.path.join(before, name, "metrics.csv")
        kept = metric_names(old_path) if added_metrics else None
        old = rows(old_path, kept)
        new = rows(os.path.join(after, name, "metrics.csv"), kept)
        if old == new:
            print(f"same      {name} ({len(new)} rows)")
            continue
        failures += 1
        print(f"DIFFERENT {name}: {len(old)} rows before, {len(new)} after")
        shown = 0
        for number, (a, b) in enumerate(zip(old, new), start=2):
            if a != b and shown < 5:
                print(f"  line {number}: before {','.join(a)}\n  line {number}: after  {','.join(b)}")
                shown += 1
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", help="git revision to compare against: the commit before the change")
    parser.add_argument("--keep", help="keep both output folders under this folder")
    parser.add_argument("--before", help="outputs of the base made earlier (a --keep folder's before/): skips building the base")
    parser.add_argument("--added-metrics", action="store_true",
                        help="compare only the metrics the base wrote; the change may add metrics and summary fields")
    args = parser.parse_args()
    base = args.base
    if base is None and args.before is None:
        parser.error("give --base REV (the commit before the change) or --before DIR (its outputs, kept earlier)")
    scratch = tempfile.mkdtemp(prefix="compare-metrics-")
    worktree = os.path.join(scratch, "base")
    try:
        before = args.before or (args.keep and os.path.join(args.keep, "before")) or os.path.join(scratch, "before")
        after = (args.keep and os.path.join(args.keep, "after")) or os.path.join(scratch, "after")
        if not args.before:
            run(["git", "-C", ROOT, "worktree", "add", "--detach", worktree, base])
            names = [name for name in experiments(worktree) if name in experiments()]
            print(f"building {base} (release)...", flush=True)
            train(build(worktree), before, names)
        else:
            names = [name for name in experiments() if os.path.isdir(os.path.join(before, name))]
        print("building the working tree (release)...", flush=True)
        train(build(ROOT), after, names)
        failures = compare(before, after, names, args.added_metrics)
    finally:
        subprocess.run(["git", "-C", ROOT, "worktree", "remove", "--force", worktree], capture_output=True)
        shutil.rmtree(scratch, ignore_errors=True)
    print("all metrics equal" if failures == 0 else f"{failures} experiment(s) differ")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
