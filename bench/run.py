#!/usr/bin/env python3
"""Times backprop against PyTorch, JAX and scikit-learn in one run; writes BENCHMARKS.md.

    .venv/bin/python bench/run.py [--rounds 5] [--repeat 2] [--binary .build/release/backprop]

Every (implementation, threads) configuration of a workload is one process per
round, run in turn (A B C ... A B C ..., the starting point rotating each
round) so that noise on this shared machine spreads over all of them. A
process trains --repeat fresh models and reports each one's mean seconds per
epoch. The table gives the median over all rounds x repeats, and the ratio
peer / backprop (> 1: backprop is faster) as the median over rounds of that
round's ratio against backprop at the same thread count.

PyTorch's OpenMP threads sleep rather than spin while waiting (OMP_WAIT_POLICY=PASSIVE
unless set), since the machine is shared. Processes are pinned with taskset to as many CPUs as they have threads, so a
"1 thread" run really gets one core (JAX's dispatch thread included).
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
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

WORKLOADS = [
    {"name": "small", "about": "the lesson-sized case: tiny layers, where per-step overhead dominates",
     "layers": "2,64,64,2", "samples": 4096, "batch": 32, "epochs": 3, "optimizer": "sgd"},
    {"name": "mnist-like", "about": "MNIST-shaped MLP, where the matrix products dominate",
     "layers": "784,256,128,10", "samples": 10000, "batch": 128, "epochs": 2, "optimizer": "adam"},
]
CONFIGURATIONS = [("backprop", 1), ("torch", 1), ("jax", 1), ("sklearn", 1), ("backprop", 2), ("torch", 2)]
NAMES = {"backprop": "backprop (Swift, OpenBLAS)", "torch": "PyTorch", "jax": "JAX (jit)",
         "sklearn": "scikit-learn MLPClassifier"}


def parse():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/backprop"))
    parser.add_argument("--python", default=sys.executable, help="Python with torch, jax, sklearn")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=2, help="fresh models per process")
    parser.add_argument("--output", default=os.path.join(ROOT, "BENCHMARKS.md"))
    parser.add_argument("--only", help="comma-separated workload names")
    return parser.parse_args()


def cpus_for(threads):
    available = sorted(os.sched_getaffinity(0))
    return available[:threads] if len(available) >= threads else available


def command_for(args, implementation, threads, workload):
    options = ["--samples", str(workload["samples"]),
               "--batch", str(workload["batch"]), "--epochs", str(workload["epochs"]),
               "--optimizer", workload["optimizer"], "--threads", str(threads), "--repeat", str(args.repeat)]
    if implementation == "backprop":
        command = [args.binary, "bench", "--layers", *workload["layers"].split(",")] + options
    else:
        command = [args.python, os.path.join(HERE, "peers.py"), implementation, "--layers", workload["layers"]] + options
    if shutil.which("taskset"):
        command = ["taskset", "-c", ",".join(map(str, cpus_for(threads)))] + command
    return command


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


def measure(args, implementation, threads, workload):
    command = command_for(args, implementation, threads, workload)
    try:
        finished = subprocess.run(command, env=environment_for(threads), capture_output=True, text=True, timeout=600)
    except subprocess.TimeoutExpired:
        return {"error": "timed out"}
    lines = [line for line in finished.stdout.splitlines() if line.startswith("{")]
    if finished.returncode != 0 or not lines:
        tail = (finished.stderr.strip().splitlines() or ["no output"])[-1]
        return {"error": f"exit {finished.returncode}: {tail}"}
    return json.loads(lines[-1])


def capture(command, environment=None):
    try:
        finished = subprocess.run(command, capture_output=True, text=True, timeout=120, env=environment)
        return (finished.stdout + finished.stderr).strip()
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"unavailable ({error})"


def machine(args):
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    versions = capture([args.python, "-c", (
        "import json, sys, numpy, torch, jax, jaxlib, sklearn, threadpoolctl\n"
        "blas = [f\"{p['internal_api']} {p.get('version') or ''} ({p.get('architecture') or '?'})\" "
        "for p in threadpoolctl.threadpool_info() if p['user_api'] == 'blas']\n"
        "print(json.dumps({'python': sys.version.split()[0], 'numpy': numpy.__version__, 'torch': torch.__version__,"
        " 'jax': jax.__version__, 'jaxlib': jaxlib.__version__, 'scikit-learn': sklearn.__version__,"
        " 'numpy BLAS': ', '.join(blas), 'torch BLAS': 'MKL' if torch.backends.mkl.is_available() else 'other'}))")],
        environment_for(1))
    try:
        versions = json.loads(versions.splitlines()[-1])
    except (ValueError, IndexError):
        versions = {"python libraries": versions}
    # The kernel backprop trains with (after it restarted itself onto the one the CPU's flags fit, if needed).
    corename = next((line.split(":", 1)[1].strip() for line in capture([args.binary, "--version"], environment_for(1)).splitlines()
                     if line.startswith("BLAS:")), "?")
    openblas = capture(["pkg-config", "--modversion", "openblas"])
    swift = capture(["swift", "--version"]).splitlines()
    return {
        "cpu": model, "nproc": os.cpu_count(), "affinity": len(os.sched_getaffinity(0)),
        "os": platform.platform(), "swift": next((line for line in swift if "Swift version" in line), "?"),
        "backprop BLAS": f"OpenBLAS {openblas} (core {corename})",
        **versions,
        "OPENBLAS_CORETYPE": os.environ.get("OPENBLAS_CORETYPE", "(unset)"),
        "OPENBLAS_L2_SIZE": os.environ.get("OPENBLAS_L2_SIZE", "(unset)"),
    }


def summarize(workload, results):
    """results[(implementation, threads)] = list over rounds of report dicts."""
    rows = []
    for implementation, threads in CONFIGURATIONS:
        reports = results.get((implementation, threads), [])
        good = [report for report in reports if "error" not in report]
        errors = [report["error"] for report in reports if "error" in report]
        if not good:
            rows.append({"implementation": implementation, "threads": threads, "error": errors[0] if errors else "not run"})
            continue
        samples = [value for report in good for value in report["runs"]]
        median = statistics.median(samples)
        baseline = results.get(("backprop", threads), [])
        ratios = [statistics.median(peer["runs"]) / statistics.median(base["runs"])
                  for peer, base in zip(reports, baseline) if "error" not in peer and "error" not in base]
        rows.append({
            "implementation": implementation, "threads": threads, "median": median,
            "low": min(samples), "high": max(samples), "count": len(samples),
            "samples_per_second": workload["samples"] / median,
            "ratio": statistics.median(ratios) if ratios else None,
            "final_loss": good[-1]["final_loss"], "errors": len(errors),
        })
    return rows


def table(workload, rows):
    lines = [
        f"### {workload['name']}: layers {workload['layers']}, {workload['samples']} samples, "
        f"batch {workload['batch']}, {workload['epochs']} epochs, {workload['optimizer']}",
        "", workload["about"][0].upper() + workload["about"][1:] + ".", "",
        "| implementation | threads | median s/epoch | min–max s/epoch (n) | samples/s | ratio vs backprop (same threads) | final loss |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        name = NAMES[row["implementation"]]
        if "error" in row:
            lines.append(f"| {name} | {row['threads']} | failed: {row['error']} | | | | |")
            continue
        ratio = "1 (baseline)" if row["implementation"] == "backprop" else (
            f"**{row['ratio']:.2f}**" if row["ratio"] is not None else "n/a")
        lines.append(
            f"| {name} | {row['threads']} | {row['median']:.4f} | {row['low']:.4f}–{row['high']:.4f} ({row['count']}) "
            f"| {row['samples_per_second']:,.0f} | {ratio} | {row['final_loss']:.3f} |")
    scaling = {row["implementation"]: row for row in rows if "error" not in row and row["threads"] == 2}
    single = {row["implementation"]: row for row in rows if "error" not in row and row["threads"] == 1}
    notes = [f"{NAMES[name]} {single[name]['median'] / scaling[name]['median']:.2f}x"
             for name in ("backprop", "torch") if name in scaling and name in single]
    if notes:
        lines += ["", "Speed-up from 1 to 2 threads (1-thread median / 2-thread median): " + "; ".join(notes) + "."]
    return "\n".join(lines)


def write(args, info, tables, started, elapsed, loads):
    command = os.environ.get("BENCH_COMMAND") or " ".join(shlex.quote(part) for part in [
        os.path.relpath(args.python, ROOT) if args.python.startswith(ROOT) else args.python,
        os.path.relpath(__file__, ROOT)] + sys.argv[1:])
    machine_lines = "\n".join(f"- {key}: {value}" for key, value in info.items())
    text = f"""# Benchmarks

Training speed of backprop against PyTorch, JAX and scikit-learn, **measured in
the same run** on the same machine. The machine is shared and noisy, so read
the **ratios** (each peer against backprop, measured round by round in the
same run), not the absolute seconds, which change from run to run.
Ratio = peer seconds per epoch / backprop seconds per epoch: **above 1, backprop
is faster**; below 1, the peer is.

- Date: {started.strftime('%Y-%m-%d %H:%M %Z').strip()} ({elapsed / 60:.1f} minutes)
- Command: `{command}`
- Method: {args.rounds} rounds; in each round every configuration runs once as its own
  process (order rotated each round), training {args.repeat} fresh models; a model's time is
  its training seconds / epochs (the shuffled mini-batch loop only: no data generation,
  model construction, evaluation or JAX compilation, which a warm-up epoch absorbs).
  Median s/epoch is over all {args.rounds * args.repeat} models; the ratio is the median over rounds
  of (peer median / backprop median at the same thread count in that round).
- Threads: "1" means one BLAS/intra-op thread and the process pinned to one CPU with
  `taskset` (OMP/MKL/OPENBLAS_NUM_THREADS=1, XLA_FLAGS single-threaded,
  `torch.set_num_threads(1)`); "2" means two threads pinned to two CPUs.
- 1-minute load average before each round, then at the end: {" / ".join(f"{value:.2f}" for value in loads)}
  on {os.cpu_count()} CPUs{load_note(loads)}
- PyTorch runs with OMP_WAIT_POLICY={os.environ.get("OMP_WAIT_POLICY", "PASSIVE")}: with libgomp's default
  spin-waiting, its 2-thread runs were 10-40x slower whenever another process held one of the
  CPUs (seen in a first run of this benchmark); single-threaded runs are unaffected.

## Workload

The same in every implementation (`bench/peers.py`, `backprop bench`): an MLP of
dense + ReLU layers, softmax cross-entropy over class indices, float32,
mini-batches reshuffled every epoch, SGD with momentum 0.9 (lr 0.01, torch
convention) or Adam (lr 0.001, betas 0.9/0.999, eps 1e-8); inputs are standard
normal, labels the argmax of x·W for a fixed random teacher W. He-uniform
weights and zero biases (scikit-learn keeps its own Glorot init). PyTorch is a
plain loop (zero_grad, forward, cross_entropy, backward, step); JAX jit-compiles
one train step with a hand-written SGD/Adam update (optax is not installed);
scikit-learn is `MLPClassifier.fit(max_iter=epochs, tol=0, alpha=0)`, timed as
fit / epochs. Each implementation draws its own synthetic data of the same
distribution, so final losses are comparable but not identical. backprop's
loop also computes per-layer gradient norms every step (its Trainer records them).
For two classes scikit-learn uses one logistic output instead of a two-way softmax.

## Results

{chr(10).join(tables)}

## Machine

{machine_lines}

OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are passed unchanged to every process
(backprop and the Python peers alike).
"""
    with open(args.output, "w") as output:
        output.write(text)


def load_note(loads):
    if max(loads) > (os.cpu_count() or 1):
        return (" — **the machine was busy with other work during this run** (load above the CPU count):"
                " the 2-thread rows compete with it and are the least reliable")
    return ""


def main():
    args = parse()
    if not os.access(args.binary, os.X_OK):
        raise SystemExit(f"bench: {args.binary} not found; build it first (make build)")
    workloads = [w for w in WORKLOADS if not args.only or w["name"] in args.only.split(",")]
    started = datetime.datetime.now().astimezone()
    clock = time.monotonic()
    loads = []
    info = machine(args)
    results = {workload["name"]: {} for workload in workloads}
    for round_index in range(args.rounds):
        loads.append(os.getloadavg()[0])
        for workload in workloads:
            shift = round_index % len(CONFIGURATIONS)
            for implementation, threads in CONFIGURATIONS[shift:] + CONFIGURATIONS[:shift]:
                report = measure(args, implementation, threads, workload)
                results[workload["name"]].setdefault((implementation, threads), []).append(report)
                shown = report.get("error") or f"{report['seconds_per_epoch']:.4f} s/epoch"
                print(f"round {round_index + 1}/{args.rounds} {workload['name']:<10} {implementation:<8} "
                      f"{threads} thread(s): {shown}", file=sys.stderr, flush=True)
    # The baseline must line up round by round with each peer: reorder nothing, rounds are appended in order.
    tables = [table(workload, summarize(workload, results[workload["name"]])) for workload in workloads]
    loads.append(os.getloadavg()[0])
    write(args, info, tables, started, time.monotonic() - clock, loads)
    print("\n\n".join(tables))
    print(f"\nwrote {os.path.relpath(args.output)}")


if __name__ == "__main__":
    main()
