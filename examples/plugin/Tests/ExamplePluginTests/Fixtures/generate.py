"""Reference trajectories of Lion computed with optax (float64), for the example plugin's test.

Run: python generate.py  (needs jax and optax). Writes lion.json.
Same objective as the library's optimizer fixtures (f(P, q) below), so the
test reads the same way as Tests/BackpropTests/OptimizerTests.swift.
"""
import json

import jax
import jax.numpy as jnp
import optax

jax.config.update("jax_enable_x64", True)

# name as the experiment file writes it, its settings, and optax's arguments
CASES = [
    ({"lr": 0.01}, {"learning_rate": 0.01, "b1": 0.9, "b2": 0.99, "weight_decay": 0.0}),
    ({"lr": 0.02, "betas": [0.95, 0.98]}, {"learning_rate": 0.02, "b1": 0.95, "b2": 0.98, "weight_decay": 0.0}),
    ({"lr": 0.01, "weight_decay": 0.5}, {"learning_rate": 0.01, "b1": 0.9, "b2": 0.99, "weight_decay": 0.5}),
]

C = jnp.array([[1.0, 2.0, 0.5], [0.3, 1.5, 3.0]])
P0 = jnp.array([[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]])
Q0 = jnp.array([0.2, -0.4, 1.3])


def objective(params):
    p, q = params
    # f(P, q) = sum(C * P^2) + sum((q - 1)^4) + sum(P @ q)
    return (C * p * p).sum() + ((q - 1.0) ** 4).sum() + (p @ q).sum()


cases = []
for settings, arguments in CASES:
    optimizer = optax.lion(**arguments)
    params = (P0, Q0)
    state = optimizer.init(params)
    steps = []
    for _ in range(25):
        loss, grads = jax.value_and_grad(objective)(params)
        updates, state = optimizer.update(grads, state, params)
        params = optax.apply_updates(params, updates)
        steps.append({"loss_before": float(loss), "grad_P": grads[0].tolist(), "grad_q": grads[1].tolist(),
                      "P": params[0].tolist(), "q": params[1].tolist()})
    cases.append({"optimizer": "lion", "settings": settings, "steps": steps})

with open("lion.json", "w") as f:
    json.dump({
        "about": "Each case starts from P0, q0 and takes 25 steps of optax.lion (optax "
                 + optax.__version__ + ", float64) on f(P, q) = sum(C * P^2) + sum((q - 1)^4) + sum(P @ q). "
                 "Gradients: df/dP = 2*C*P + outer([1,1], q); df/dq = 4*(q-1)^3 + P^T @ [1,1]. "
                 "Each step records the loss and gradients before the update and P, q after it.",
        "C": C.tolist(), "P0": P0.tolist(), "q0": Q0.tolist(), "cases": cases}, f, indent=1)
