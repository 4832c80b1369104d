#!/usr/bin/env python3
"""Checks that a change left training behaviour alone.

Run: python3 scripts/compare_metrics.py --base REV [--keep DIR]
     python3 scripts/compare_metrics.py --before DIR/before   (outputs of REV kept earlier)

Builds REV (the commit before the change) in a temporary git worktree and the
working tree as it is, runs every shipped experiment except the Fashion-MNIST
ones with both binaries, and compares each experiment's metrics.csv row by
row: every column but `seconds` (wall-clock time) must be equal to the
character. It also compares summary.json without its timings. Exits 0 when
all are equal, 1 with the first differences otherwise, 2 when something could
not be built or run.

A refactoring that claims "behaviour unchanged" runs this before it lands.
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


def experiments():
    names = sorted(name[:-5] for name in os.listdir(os.path.join(ROOT, "experiments")) if name.endswith(".yaml"))
    return [name for name in names if not name.startswith(SKIPPED)]


def train(binary, output):
    for name in experiments():
        run([binary, "run", os.path.join(ROOT, "experiments", name + ".yaml"), "--plots", output])


def rows(path):
    """metrics.csv rows without the seconds column (index 4)."""
    with open(path, newline="") as file:
        reader = csv.reader(file)
        header = next(reader)
        seconds = header.index("seconds")
        return [[field for index, field in enumerate(row) if index != seconds] for row in reader]


def without_timings(value):
    """summary.json without the keys that hold times (they differ run to run)."""
    if isinstance(value, dict):
        return {key: without_timings(item) for key, item in value.items() if "seconds" not in key}
    if isinstance(value, list):
        return [without_timings(item) for item in value]
    return value


def summaries_equal(before, after, name):
    with open(os.path.join(before, name, "summary.json")) as old, open(os.path.join(after, name, "summary.json")) as new:
        return without_timings(json.load(old)) == without_timings(json.load(new))


def compare(before, after):
    failures = 0
    for name in experiments():
        if not summaries_equal(before, after, name):
            failures += 1
            print(f"DIFFERENT {name}: summary.json (apart from timings)")
        old = rows(os.path.join(before, name, "metrics.csv"))
        new = rows(os.path.join(after, name, "metrics.csv"))
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
            print(f"building {base} (release)...", flush=True)
            train(build(worktree), before)
        print("building the working tree (release)...", flush=True)
        train(build(ROOT), after)
        failures = compare(before, after)
    finally:
        subprocess.run(["git", "-C", ROOT, "worktree", "remove", "--force", worktree], capture_output=True)
        shutil.rmtree(scratch, ignore_errors=True)
    print("all metrics equal" if failures == 0 else f"{failures} experiment(s) differ")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
