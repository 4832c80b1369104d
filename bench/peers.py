#!/usr/bin/env python3
"""The `backprop bench` workload in PyTorch, JAX or scikit-learn; prints one JSON line.

Same workload as Sources/BackpropCommands/Bench/Benchmark.swift: an MLP of dense +
ReLU layers, softmax cross-entropy, float32, shuffled mini-batches, SGD with
momentum 0.9 (lr 0.01) or Adam (lr 0.001; JAX through optax.adam), on the real
Fashion-MNIST training images (--data fashion-mnist, pixels / 255, from the
Debian package dataset-fashion-mnist) or on Gaussian inputs labelled by the
argmax of x @ W for a fixed random teacher W (--data teacher). Only the
training epochs are timed; the result is the median over --repeat fresh
models of each model's mean seconds per epoch. --test-accuracy adds the
accuracy on Fashion-MNIST's 10,000 test images after the last model.

    bench/peers.py torch --data fashion-mnist --layers 784,256,128,10 --batch 128 \
        --epochs 1 --optimizer adam --threads 1 --repeat 2

Thread counts must be fixed before the libraries load, so this script sets
OMP/MKL/OPENBLAS thread variables and XLA_FLAGS from --threads before importing
numpy, torch or jax.
"""
import argparse
import gzip
import json
import os
import sys
import time

LEARNING_RATES = {"sgd": 0.01, "adam": 0.001}
FASHION_MNIST = "/usr/share/datasets/fashion-mnist"
MOMENTUM = 0.9


def parse():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("implementation", choices=["torch", "jax", "sklearn"])
    parser.add_argument("--layers", default="784,256,128,10")
    parser.add_argument("--data", choices=["teacher", "fashion-mnist"], default="teacher")
    parser.add_argument("--samples", type=int, help="teacher: rows (default 10000); fashion-mnist: the first N images")
    parser.add_argument("--test-accuracy", action="store_true")
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--optimizer", choices=sorted(LEARNING_RATES), default="adam")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    args.layers = [int(part) for part in args.layers.split(",")]
    if len(args.layers) < 2 or min(args.layers) < 1 or args.layers[-1] < 2:
        parser.error("--layers: at least two positive sizes, the last (classes) >= 2")
    return args


def pin_threads(threads):
    for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[name] = str(threads)
    os.environ.setdefault("JAX_PLATFORMS", "cpu")
    os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")
    if threads == 1:
        flags = "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1"
        os.environ["XLA_FLAGS"] = (os.environ.get("XLA_FLAGS", "") + " " + flags).strip()


def synthetic_data(features, classes, samples, seed):
    import numpy as np
    random = np.random.default_rng(seed)
    teacher = random.standard_normal((features, classes))
    inputs = random.standard_normal((samples, features))
    labels = np.argmax(inputs @ teacher, axis=1)
    return inputs.astype(np.float32), labels.astype(np.int64)


def idx(name, offset):
    import numpy as np
    with gzip.open(os.path.join(FASHION_MNIST, name)) as source:
        return np.frombuffer(source.read(), dtype=np.uint8, offset=offset)


def fashion_mnist(samples):
    """Training images (first `samples`) and the test set, pixels scaled to [0, 1]."""
    import numpy as np
    train_x = idx("train-images-idx3-ubyte.gz", 16).reshape(-1, 784)[:samples].astype(np.float32) / np.float32(255)
    train_y = idx("train-labels-idx1-ubyte.gz", 8)[:samples].astype(np.int64)
    test_x = idx("t10k-images-idx3-ubyte.gz", 16).reshape(-1, 784).astype(np.float32) / np.float32(255)
    test_y = idx("t10k-labels-idx1-ubyte.gz", 8).astype(np.int64)
    return train_x, train_y, test_x, test_y


def run_torch(args, inputs, labels, seed, test=None):
    import torch
    torch.set_num_threads(args.threads)
    torch.manual_seed(seed)
    stack = []
    for index in range(1, len(args.layers)):
        layer = torch.nn.Linear(args.layers[index - 1], args.layers[index])
        torch.nn.init.kaiming_uniform_(layer.weight, nonlinearity="relu")  # He uniform, as backprop
        torch.nn.init.zeros_(layer.bias)
        stack.append(layer)
        if index < len(args.layers) - 1:
            stack.append(torch.nn.ReLU())
    model = torch.nn.Sequential(*stack)
    lr = LEARNING_RATES[args.optimizer]
    optimizer = (torch.optim.SGD(model.parameters(), lr=lr, momentum=MOMENTUM) if args.optimizer == "sgd"
                 else torch.optim.Adam(model.parameters(), lr=lr))
    x = torch.from_numpy(inputs)
    y = torch.from_numpy(labels)
    generator = torch.Generator().manual_seed(seed)
    seconds = []
    for _ in range(args.epochs):
        start = time.perf_counter()
        order = torch.randperm(args.samples, generator=generator)
        for begin in range(0, args.samples, args.batch):
            rows = order[begin:begin + args.batch]
            optimizer.zero_grad()
            loss = torch.nn.functional.cross_entropy(model(x[rows]), y[rows])
            loss.backward()
            optimizer.step()
        seconds.append(time.perf_counter() - start)
    with torch.no_grad():
        final = torch.nn.functional.cross_entropy(model(x), y).item()
        accuracy = None
        if test is not None:
            accuracy = (model(torch.from_numpy(test[0])).argmax(dim=1).numpy() == test[1]).mean().item()
    return seconds, final, accuracy


def run_jax(args, inputs, labels, seed, test=None):
    import jax
    import jax.numpy as jnp
    import numpy as np
    import optax

    key = jax.random.PRNGKey(seed)
    params = []
    for index in range(1, len(args.layers)):
        key, sub = jax.random.split(key)
        fan_in = args.layers[index - 1]
        limit = np.sqrt(6.0 / fan_in)  # He uniform, as backprop
        weight = jax.random.uniform(sub, (fan_in, args.layers[index]), jnp.float32, -limit, limit)
        params.append((weight, jnp.zeros((args.layers[index],), jnp.float32)))
    lr = LEARNING_RATES[args.optimizer]

    def forward(params, x):
        for weight, bias in params[:-1]:
            x = jax.nn.relu(x @ weight + bias)
        weight, bias = params[-1]
        return x @ weight + bias

    def loss_fn(params, x, y):
        logp = jax.nn.log_softmax(forward(params, x))
        return -jnp.mean(jnp.take_along_axis(logp, y[:, None], axis=1))

    # torch conventions: SGD momentum b = m*b + g (optax.sgd's trace); Adam eps outside the root.
    optimizer = optax.sgd(lr, momentum=MOMENTUM) if args.optimizer == "sgd" else optax.adam(lr, b1=0.9, b2=0.999, eps=1e-8)
    state = optimizer.init(params)

    @jax.jit
    def step(params, state, x, y, rows):
        grads = jax.grad(loss_fn)(params, x[rows], y[rows])
        updates, state = optimizer.update(grads, state, params)
        return optax.apply_updates(params, updates), state

    x = jnp.asarray(inputs)
    y = jnp.asarray(labels.astype(np.int32))
    shuffle = np.random.default_rng(seed)

    def epoch(params, state):
        order = shuffle.permutation(args.samples).astype(np.int32)
        for begin in range(0, args.samples, args.batch):
            params, state = step(params, state, x, y, order[begin:begin + args.batch])
        jax.block_until_ready(params)
        return params, state

    # Warm-up epoch on a throw-away copy: compiles the full and the last partial batch shapes.
    epoch(params, state)
    seconds = []
    for _ in range(args.epochs):
        start = time.perf_counter()
        params, state = epoch(params, state)
        seconds.append(time.perf_counter() - start)
    final = float(jax.jit(loss_fn)(params, x, y))
    accuracy = None
    if test is not None:
        accuracy = float((np.asarray(jax.jit(forward)(params, jnp.asarray(test[0]))).argmax(axis=1) == test[1]).mean())
    return seconds, final, accuracy


def run_sklearn(args, inputs, labels, seed, test=None):
    import warnings
    import numpy as np
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.metrics import log_loss
    from sklearn.neural_network import MLPClassifier

    model = MLPClassifier(
        hidden_layer_sizes=tuple(args.layers[1:-1]), activation="relu", solver=args.optimizer,
        alpha=0.0, batch_size=args.batch, learning_rate_init=LEARNING_RATES[args.optimizer],
        momentum=MOMENTUM, nesterovs_momentum=False, max_iter=args.epochs, shuffle=True,
        tol=0.0, n_iter_no_change=10**9, early_stopping=False, random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        start = time.perf_counter()
        model.fit(inputs, labels)
        elapsed = time.perf_counter() - start
    if model.n_iter_ != args.epochs:
        raise SystemExit(f"sklearn stopped after {model.n_iter_} of {args.epochs} epochs")
    final = log_loss(labels, model.predict_proba(inputs), labels=np.arange(args.layers[-1]))
    accuracy = float(model.score(test[0], test[1])) if test is not None else None
    return [elapsed / args.epochs] * args.epochs, float(final), accuracy


def main():
    args = parse()
    pin_threads(args.threads)
    test = None
    if args.data == "fashion-mnist":
        if args.layers[0] != 784 or args.layers[-1] != 10:
            raise SystemExit("peers: Fashion-MNIST needs --layers 784,...,10")
        inputs, labels, test_x, test_y = fashion_mnist(args.samples)
        test = (test_x, test_y) if args.test_accuracy else None
    else:
        inputs, labels = synthetic_data(args.layers[0], args.layers[-1], args.samples or 10000, args.seed)
    samples = len(labels)
    args.samples = samples
    run = {"torch": run_torch, "jax": run_jax, "sklearn": run_sklearn}[args.implementation]
    runs, final, accuracy = [], float("nan"), None
    for repetition in range(args.repeat):
        seconds, final, accuracy = run(args, inputs, labels, args.seed + repetition, test)
        runs.append(sum(seconds) / len(seconds))
    ordered = sorted(runs)
    middle = len(ordered) // 2
    median = ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    steps = -(-samples // args.batch)
    print(json.dumps({
        "implementation": args.implementation, "threads": args.threads, "layers": args.layers, "data": args.data,
        "samples": samples, "batch": args.batch, "epochs": args.epochs, "optimizer": args.optimizer,
        "lr": LEARNING_RATES[args.optimizer], "repeat": args.repeat, "seconds_per_epoch": median,
        "steps_per_epoch": steps, "seconds_per_step": median / steps,
        "samples_per_second": samples / median if median > 0 else 0.0, "runs": runs, "final_loss": final,
        "test_accuracy": accuracy,
    }, sort_keys=True))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
