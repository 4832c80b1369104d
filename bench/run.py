#!/usr/bin/env python3
"""Times backprop against PyTorch, JAX and scikit-learn in one run; writes BENCHMARKS.md.

    .venv/bin/python bench/run.py [--quick] [--rounds 5] [--binary .build/release/backprop]

Workloads (the issue's targets are checked against them at the end of BENCHMARKS.md):
  W1  784-256-128-10 ReLU MLP, softmax cross-entropy, Adam 1e-3, batch 128, float32, on
      the real Fashion-MNIST training images (one 60,000-sample epoch per model);
  W2  2-8-2, Adam, batch 4: the time of one optimizer step, where overhead is everything.
Also: the sgemm reference (the bare matrix products of a W1 epoch, `backprop bench
--gemm-reference`), W1's peak resident memory, the test accuracy after 5 epochs of W1
(backprop and PyTorch), and an experiment of 12 small runs with one job and with one
job per core.

Every (implementation, threads) configuration is one process per round, run in turn
(the starting point rotating each round) so that noise on this shared machine spreads
over all of them. The tables give the median and min-max over rounds x repeats, and the
ratio peer / backprop (> 1: backprop is faster) as the median over rounds of that
round's ratio at the same thread count. --quick: 2 rounds, W1 on the first 15,000
images, no accuracy run (under 2 minutes).
"""
import argparse
import datetime
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
NAMES = {"backprop": "backprop (Swift, OpenBLAS)", "torch": "PyTorch", "jax": "JAX (jit, optax)",
         "sklearn": "scikit-learn MLPClassifier"}
W1_LAYERS = "784,256,128,10"


def parse():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/backprop"))
    parser.add_argument("--python", default=sys.executable, help="Python with torch, jax, optax, sklearn")
    parser.add_argument("--rounds", type=int)
    parser.add_argument("--quick", action="store_true", help="2 rounds, W1 on 15,000 images, no accuracy run")
    parser.add_argument("--output", default=os.path.join(ROOT, "BENCHMARKS.md"))
    args = parser.parse_args()
    args.rounds = args.rounds or (2 if args.quick else 5)
    return args


def workloads(args):
    w1_samples = 15000 if args.quick else None
    return [
        {"name": "W1", "title": "784-256-128-10 on Fashion-MNIST, Adam, batch 128", "data": "fashion-mnist",
         "layers": W1_LAYERS, "samples": w1_samples, "batch": 128, "epochs": 1, "repeat": 2, "optimizer": "adam",
         "unit": "s/epoch", "key": "seconds_per_epoch", "scale": 1.0,
         "configurations": [("backprop", 1), ("torch", 1), ("jax", 1), ("sklearn", 1),
                            ("backprop", 2), ("torch", 2), ("jax", 2)]},
        {"name": "W2", "title": "2-8-2, Adam, batch 4: one optimizer step", "data": "teacher",
         "layers": "2,8,2", "samples": 4096, "batch": 4, "epochs": 3, "repeat": 2, "optimizer": "adam",
         # backprop's W2 repetition takes milliseconds: without a warm-up it is timed while OpenBLAS's
         # idle workers still spin (their first 0.1 s), which made 2 threads look slower than 1.
         "warm_up": 0.3,
         "unit": "µs/step", "key": "seconds_per_step", "scale": 1e6,
         "configurations": [("backprop", 1), ("torch", 1), ("jax", 1), ("backprop", 2), ("torch", 2), ("jax", 2)]},
    ]


def cpus_for(threads):
    available = sorted(os.sched_getaffinity(0))
    return available[:threads] if len(available) >= threads else available


def pinned(command, threads):
    if shutil.which("taskset"):
        return ["taskset", "-c", ",".join(map(str, cpus_for(threads)))] + command
    return command


def bench_options(workload, threads, epochs=None, repeat=None):
    options = ["--data", workload["data"], "--batch", str(workload["batch"]),
               "--epochs", str(epochs or workload["epochs"]), "--optimizer", workload["optimizer"],
               "--threads", str(threads), "--repeat", str(repeat or workload["repeat"])]
    if workload["samples"]:
        options += ["--samples", str(workload["samples"])]
    return options


def command_for(args, implementation, threads, workload, extra=()):
    options = bench_options(workload, threads) + list(extra)
    if implementation == "backprop":
        warm_up = ["--warm-up", str(workload["warm_up"])] if "warm_up" in workload else []
        command = [args.binary, "bench", "--layers", *workload["layers"].split(",")] + options + warm_up
    else:
        command = [args.python, os.path.join(HERE, "peers.py"), implementation, "--layers", workload["layers"]] + options
    return pinned(command, threads)


def environment_for(threads):
    environment = dict(os.environ)  # OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE pass through unchanged
    for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        environment[name] = str(threads)
    environment["JAX_PLATFORMS"] = "cpu"
    environment["CUDA_VISIBLE_DEVICES"] = ""
    environment["PYTHONWARNINGS"] = "ignore"
    # libgomp's default spin-waiting makes PyTorch's 2-thread runs collapse (10-40x slower)
    # whenever another process holds one of the two CPUs of this shared machine.
    environment.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    return environment


def run_process(command, environment, timeout=900):
    """Runs a command; returns (exit status, stdout, stderr, peak RSS in MB, wall seconds)."""
    started = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, env=environment, stdout=out, stderr=err)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                status = -1
                break
            time.sleep(0.01)
        process.returncode = os.waitstatus_to_exitcode(status) if status != -1 else -1
        out.seek(0)
        err.seek(0)
        return (process.returncode, out.read().decode(errors="replace"), err.read().decode(errors="replace"),
                usage.ru_maxrss / 1024, time.monotonic() - started)


def measure(command, threads):
    status, stdout, stderr, rss, wall = run_process(command, environment_for(threads))
    lines = [line for line in stdout.splitlines() if line.startswith("{")]
    if status != 0 or not lines:
        tail = (stderr.strip().splitlines() or ["no output"])[-1]
        return {"error": f"exit {status}: {tail}"}
    report = json.loads(lines[-1])
    report["peak_rss_mb"] = rss
    return report


def capture(command, environment=None):
    try:
        finished = subprocess.run(command, capture_output=True, text=True, timeout=300, env=environment)
        return (finished.stdout + finished.stderr).strip()
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"unavailable ({error})"


def cpu_flags():
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("flags"):
                    flags = line.split(":", 1)[1].split()
                    return " ".join(flag for flag in ("avx512f", "avx512bw", "avx512vl", "avx512_bf16", "avx2", "fma", "avx")
                                    if flag in flags)
    except OSError:
        pass
    return "?"


def machine(args):
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            model = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), model)
    except OSError:
        pass
    versions = capture([args.python, "-c", (
        "import json, sys, numpy, torch, jax, jaxlib, optax, sklearn, threadpoolctl\n"
        "blas = [f\"{p['internal_api']} {p.get('version') or ''} ({p.get('architecture') or '?'})\" "
        "for p in threadpoolctl.threadpool_info() if p['user_api'] == 'blas']\n"
        "print(json.dumps({'python': sys.version.split()[0], 'numpy': numpy.__version__, 'torch': torch.__version__,"
        " 'jax': jax.__version__, 'jaxlib': jaxlib.__version__, 'optax': optax.__version__,"
        " 'scikit-learn': sklearn.__version__, 'numpy BLAS': ', '.join(blas),"
        " 'torch BLAS': 'MKL' if torch.backends.mkl.is_available() else 'other'}))")],
        environment_for(1))
    try:
        versions = json.loads(versions.splitlines()[-1])
    except (ValueError, IndexError):
        versions = {"python libraries": versions}
    # The kernel backprop trains with (after it restarted itself onto the one the CPU's flags fit, if needed).
    kernel = next((line.split(":", 1)[1].strip() for line in capture([args.binary, "--version"], environment_for(1)).splitlines()
                   if line.startswith("BLAS:")), "?")
    swift = capture(["swift", "--version"]).splitlines()
    return {
        "cpu": model, "cpu flags (vector)": cpu_flags(), "nproc": os.cpu_count(), "affinity": len(os.sched_getaffinity(0)),
        "os": platform.platform(), "swift": next((line for line in swift if "Swift version" in line), "?"),
        "backprop BLAS": f"OpenBLAS {capture(['pkg-config', '--modversion', 'openblas'])}, kernel {kernel}",
        **versions,
        "OPENBLAS_CORETYPE": os.environ.get("OPENBLAS_CORETYPE", "(unset)"),
    }


def summarize(workload, results):
    """results[(implementation, threads)] = list over rounds of report dicts."""
    rows = []
    key, scale = workload["key"], workload["scale"]
    for implementation, threads in workload["configurations"]:
        reports = results.get((implementation, threads), [])
        good = [report for report in reports if "error" not in report]
        errors = [report["error"] for report in reports if "error" in report]
        if not good:
            rows.append({"implementation": implementation, "threads": threads, "error": errors[0] if errors else "not run"})
            continue
        per_model = [value / report["steps_per_epoch"] if key == "seconds_per_step" else value
                     for report in good for value in report["runs"]]
        baseline = results.get(("backprop", threads), [])
        ratios = [peer[key] / base[key] for peer, base in zip(reports, baseline) if "error" not in peer and "error" not in base]
        rows.append({
            "implementation": implementation, "threads": threads, "median": statistics.median(per_model) * scale,
            "low": min(per_model) * scale, "high": max(per_model) * scale, "count": len(per_model),
            "ratio": statistics.median(ratios) if ratios else None, "rss": max(report["peak_rss_mb"] for report in good),
            "final_loss": good[-1]["final_loss"], "errors": len(errors),
        })
    return rows


def table(workload, rows):
    samples = workload["samples"] or 60000
    lines = [
        f"### {workload['name']}: {workload['title']} ({samples:,} samples, {workload['epochs']} epoch(s) per model)", "",
        f"| implementation | threads | median {workload['unit']} | min–max (n) | ratio peer / backprop (same threads) | peak RSS MB | final loss |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    digits = 4 if workload["unit"] == "s/epoch" else 2
    for row in rows:
        name = NAMES[row["implementation"]]
        if "error" in row:
            lines.append(f"| {name} | {row['threads']} | failed: {row['error']} | | | | |")
            continue
        ratio = "1 (baseline)" if row["implementation"] == "backprop" else (
            f"**{row['ratio']:.2f}**" if row["ratio"] is not None else "n/a")
        lines.append(f"| {name} | {row['threads']} | {row['median']:.{digits}f} | {row['low']:.{digits}f}–{row['high']:.{digits}f} "
                     f"({row['count']}) | {ratio} | {row['rss']:.0f} | {row['final_loss']:.3f} |")
    scaling = {row["implementation"]: row for row in rows if "error" not in row and row["threads"] == 2}
    single = {row["implementation"]: row for row in rows if "error" not in row and row["threads"] == 1}
    notes = [f"{NAMES[name]} {single[name]['median'] / scaling[name]['median']:.2f}x"
             for name in NAMES if name in scaling and name in single]
    if notes:
        lines += ["", "Speed-up from 1 to 2 threads (1-thread median / 2-thread median; below 1: slower with 2): "
                  + "; ".join(notes) + "."]
    return "\n".join(lines)


def gemm_reference(args, workload, threads, rounds_results):
    command = pinned([args.binary, "bench", "--gemm-reference", "--layers", *W1_LAYERS.split(",")]
                     + bench_options(workload, threads, repeat=3), threads)
    rounds_results.setdefault(threads, []).append(measure(command, threads))


def twelve_runs(args, jobs):
    """Wall seconds of `backprop run bench/twelve-runs.yaml` with `jobs` jobs (None: one per core)."""
    with tempfile.TemporaryDirectory() as folder:
        command = [args.binary, "run", os.path.join(HERE, "twelve-runs.yaml"), "--plots", folder]
        if jobs:
            command += ["--jobs", str(jobs)]
        environment = dict(os.environ)
        for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
            environment.pop(name, None)
        status, _, stderr, _, wall = run_process(command, environment)
        if status != 0:
            return {"error": (stderr.strip().splitlines() or ["?"])[-1]}
        return {"seconds": wall}


def accuracy_run(args, workload):
    """Test accuracy after 5 epochs of W1, backprop and PyTorch, 2 threads each."""
    results = {}
    for implementation in ("backprop", "torch"):
        command = command_for(args, implementation, 2, dict(workload, samples=None, epochs=5, repeat=1),
                              extra=["--test-accuracy"])
        report = measure(command, 2)
        results[implementation] = report
        print(f"accuracy {implementation}: {report.get('test_accuracy', report.get('error'))}", file=sys.stderr, flush=True)
    return results


def gflop_rates(w1, reference, threads):
    """(W1 training's GFLOP/s: epoch FLOPs / median epoch, the sgemm loop's median GFLOP/s), or None."""
    good = [r for r in reference.get(threads, []) if "error" not in r]
    backprop = next((r for r in w1 if r["implementation"] == "backprop" and r["threads"] == threads and "error" not in r), None)
    if not good or not backprop:
        return None
    return good[0]["flops_per_epoch"] / backprop["median"] / 1e9, statistics.median(r["gflops"] for r in good)


def targets(w1, w2, reference, twelve, accuracy):
    """The issue's targets as measured in this run: (target, measured, met)."""
    def row(rows, implementation, threads):
        return next((r for r in rows if r["implementation"] == implementation and r["threads"] == threads and "error" not in r), None)
    lines = []
    jax1, torch1, bp1 = row(w1, "jax", 1), row(w1, "torch", 1), row(w1, "backprop", 1)
    if jax1 and bp1:
        lines.append(("W1 at or below JAX, one core", f"JAX / backprop = {jax1['ratio']:.2f}", jax1["ratio"] >= 1))
    if torch1 and bp1:
        lines.append(("W1 at least 1.3x faster than PyTorch, one core", f"PyTorch / backprop = {torch1['ratio']:.2f}",
                      torch1["ratio"] >= 1.3))
    for threads in (1, 2):
        rates = gflop_rates(w1, reference, threads)
        if rates:
            training, gemm = rates
            lines.append((f"W1 FLOP rate at least 75% of the sgemm loop, {threads} thread(s)",
                          f"{training:.1f} / {gemm:.1f} GFLOP/s = {training / gemm:.0%}", training / gemm >= 0.75))
    jax2, torch2 = row(w2, "jax", 1), row(w2, "torch", 1)
    if jax2:
        lines.append(("W2 at least 50x faster than JAX per step, one core", f"{jax2['ratio']:.0f}x", jax2["ratio"] >= 50))
    if torch2:
        lines.append(("W2 at least 200x faster than PyTorch per step, one core", f"{torch2['ratio']:.0f}x", torch2["ratio"] >= 200))
    bp2_1, bp2_2 = row(w2, "backprop", 1), row(w2, "backprop", 2)
    if bp2_1 and bp2_2:
        lines.append(("W2: two threads never slower than one", f"{bp2_2['median']:.2f} vs {bp2_1['median']:.2f} µs",
                      bp2_2["median"] <= bp2_1["median"] * 1.05))
    good = [t for t in twelve if "error" not in t["one"] and "error" not in t["all"]]
    if good:
        share = statistics.median(t["all"]["seconds"] / t["one"]["seconds"] for t in good)
        lines.append(("12 small runs with one job per core in at most 0.55x the time of one job",
                      f"{share:.2f}x", share <= 0.55))
    bw1_1, bw1_2 = row(w1, "backprop", 1), row(w1, "backprop", 2)
    if bw1_1 and bw1_2:
        lines.append(("One big run (W1) faster on two cores than on one", f"{bw1_1['median'] / bw1_2['median']:.2f}x",
                      bw1_2["median"] < bw1_1["median"]))
    if bw1_1:
        peak = max(r["rss"] for r in w1 if r["implementation"] == "backprop" and "error" not in r)
        lines.append(("W1 peak resident memory under 400 MB", f"{peak:.0f} MB", peak < 400))
    if accuracy:
        mine, theirs = accuracy.get("backprop", {}), accuracy.get("torch", {})
        if mine.get("test_accuracy") is not None and theirs.get("test_accuracy") is not None:
            gap = abs(mine["test_accuracy"] - theirs["test_accuracy"])
            lines.append(("Test accuracy after 5 epochs of W1 within 0.01 of PyTorch's",
                          f"{mine['test_accuracy']:.4f} vs {theirs['test_accuracy']:.4f}", gap <= 0.01))
    return lines


def write(args, info, sections, started, elapsed, loads):
    command = os.environ.get("BENCH_COMMAND") or " ".join(shlex.quote(part) for part in [
        os.path.relpath(args.python, ROOT) if args.python.startswith(ROOT) else args.python,
        os.path.relpath(__file__, ROOT)] + sys.argv[1:])
    machine_lines = "\n".join(f"- {key}: {value}" for key, value in info.items())
    busy = (" — **the machine was busy with other work during this run** (load above the CPU count):"
            " the 2-thread rows compete with it and are the least reliable") if max(loads) > (os.cpu_count() or 1) else ""
    text = f"""# Benchmarks

Training speed of backprop against PyTorch, JAX and scikit-learn, **measured in
the same run** on the same machine by `make bench` (bench/run.py). The machine is
shared and noisy, so read the **ratios** (each peer against backprop, measured
round by round in the same run), not the absolute times. Ratio = peer time /
backprop time: **above 1, backprop is faster**.

- Date: {started.strftime('%Y-%m-%d %H:%M %Z').strip()} ({elapsed / 60:.1f} minutes)
- Command: `{command}`
- CPU: {info['cpu']} ({info['cpu flags (vector)']}); backprop's BLAS: {info['backprop BLAS']}
- Method: {args.rounds} rounds; in each round every configuration runs once as its own
  process (order rotated each round), training fresh models; a model's time is its
  training seconds (the shuffled mini-batch loop only: no data loading, model
  construction, evaluation or JAX compilation, which a warm-up epoch absorbs).
- Threads: "1" is one BLAS/intra-op thread with the process pinned to one CPU by
  `taskset` (OMP/MKL/OPENBLAS_NUM_THREADS=1, XLA single-threaded, `torch.set_num_threads(1)`);
  "2" is two threads pinned to two CPUs. PyTorch runs with OMP_WAIT_POLICY=PASSIVE.
- 1-minute load average before each round, then at the end: {" / ".join(f"{value:.2f}" for value in loads)}
  on {os.cpu_count()} CPUs{busy}

{sections}

{profile_notes()}

## Machine

{machine_lines}
"""
    with open(args.output, "w") as output:
        output.write(text)


def profile_notes():
    """The hand-written profile section (what dominated, what changed), bench/profile.md."""
    try:
        with open(os.path.join(HERE, "profile.md")) as notes:
            return notes.read().strip()
    except OSError:
        return "(bench/profile.md is missing)"


def main():
    args = parse()
    if not os.access(args.binary, os.X_OK):
        raise SystemExit(f"bench: {args.binary} not found; build it first (make build)")
    started = datetime.datetime.now().astimezone()
    clock = time.monotonic()
    loads = []
    info = machine(args)
    plan = workloads(args)
    results = {workload["name"]: {} for workload in plan}
    reference, twelve = {}, []
    for round_index in range(args.rounds):
        loads.append(os.getloadavg()[0])
        for workload in plan:
            configurations = workload["configurations"]
            shift = round_index % len(configurations)
            for implementation, threads in configurations[shift:] + configurations[:shift]:
                report = measure(command_for(args, implementation, threads, workload), threads)
                results[workload["name"]].setdefault((implementation, threads), []).append(report)
                shown = report.get("error") or f"{report[workload['key']] * workload['scale']:.4g} {workload['unit']}"
                print(f"round {round_index + 1}/{args.rounds} {workload['name']} {implementation:<8} {threads} thread(s): {shown}",
                      file=sys.stderr, flush=True)
        for threads in (1, 2):
            gemm_reference(args, plan[0], threads, reference)
        pair = {"one": twelve_runs(args, 1), "all": twelve_runs(args, None)}
        twelve.append(pair)
        print(f"round {round_index + 1}/{args.rounds} sgemm reference and 12 runs: "
              f"{[r[-1].get('gflops', r[-1].get('error')) for r in reference.values()]} GFLOP/s, "
              f"{pair['one'].get('seconds')} s / {pair['all'].get('seconds')} s", file=sys.stderr, flush=True)
    accuracy = {} if args.quick else accuracy_run(args, plan[0])
    loads.append(os.getloadavg()[0])
    rows = {workload["name"]: summarize(workload, results[workload["name"]]) for workload in plan}
    sections = report_sections(plan, rows, reference, twelve, accuracy)
    write(args, info, sections, started, time.monotonic() - clock, loads)
    print(sections)
    print(f"\nwrote {os.path.relpath(args.output)}")


def report_sections(plan, rows, reference, twelve, accuracy):
    verdicts = targets(rows["W1"], rows["W2"], reference, twelve, accuracy)
    parts = ["## Targets (issue 12), as measured in this run", "",
             "| target | measured | met |", "|---|---|---|"]
    parts += [f"| {name} | {value} | {'yes' if met else '**no**'} |" for name, value, met in verdicts]
    parts += ["", "## Results", ""]
    parts += [table(workload, rows[workload["name"]]) + "\n" for workload in plan]
    parts += ["### The sgemm reference", "",
              "The bare matrix products of a W1 epoch (`backprop bench --gemm-reference`: forward X·Wᵀ, weight",
              "gradient dYᵀ·X, input gradient dY·W but for the first layer, the same shapes and BLAS calls as",
              "training, nothing else), three epochs per process:", "",
              "| threads | median GFLOP/s | min–max | W1 training's GFLOP/s (epoch FLOPs / median epoch) | share |",
              "|---:|---:|---:|---:|---:|"]
    for threads, reports in sorted(reference.items()):
        rates = gflop_rates(rows["W1"], reference, threads)
        if not rates:
            parts.append(f"| {threads} | failed | | | |")
            continue
        training, gemm = rates
        each = [r["gflops"] for r in reports if "error" not in r]
        parts.append(f"| {threads} | {gemm:.1f} | {min(each):.1f}–{max(each):.1f} | {training:.1f} | {training / gemm:.0%} |")
    parts += ["", "### Twelve small runs on two cores", "",
              "`backprop run bench/twelve-runs.yaml` (4 optimizers x 3 seeds on the spiral, 64-64 hidden units,",
              "300 epochs each, a loss chart), the whole command's wall time, with `--jobs 1` and with the",
              "default (one job per core), one after the other in each round:", "",
              "| round | --jobs 1 (s) | one job per core (s) | share |", "|---:|---:|---:|---:|"]
    for index, pair in enumerate(twelve, 1):
        if "error" in pair["one"] or "error" in pair["all"]:
            parts.append(f"| {index} | {pair['one'].get('error', '')} | {pair['all'].get('error', '')} | |")
            continue
        parts.append(f"| {index} | {pair['one']['seconds']:.2f} | {pair['all']['seconds']:.2f} "
                     f"| {pair['all']['seconds'] / pair['one']['seconds']:.2f} |")
    if accuracy:
        parts += ["", "### Same answers", "",
                  "Test accuracy on Fashion-MNIST's 10,000 test images after 5 epochs of W1 (all 60,000 images, seed 1, 2 threads):", ""]
        for implementation, report in accuracy.items():
            parts.append(f"- {NAMES[implementation]}: {report.get('test_accuracy', report.get('error'))}")
    return "\n".join(parts)


if __name__ == "__main__":
    main()
