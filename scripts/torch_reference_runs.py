"""Reference training runs computed with PyTorch (float64) for backprop's tests.

Run: .venv/bin/python scripts/torch_reference_runs.py  (needs torch; `make bench` makes the venv).
Writes Tests/BackpropTests/Fixtures/torch_runs.json. The tests read only the JSON.

Each run: the network 2 -> dense(4) -> tanh -> dense(1) from fixed weights,
bce_with_logits, data in file order (no shuffling), the given batch size with
the last partial batch kept, and torch.optim. `loss_per_epoch[e]` is the mean
loss over the whole training set after e epochs (e = 0: starting weights).
"""
import json
import torch

torch.set_default_dtype(torch.float64)

X = [[0.05, -0.02], [0.97, 0.08], [0.03, 1.04], [1.02, 0.95], [-0.08, 0.1],
     [1.1, -0.05], [0.1, 0.9], [0.92, 1.06], [0.5, 0.45], [0.48, 0.02]]
Y = [[0.0], [1.0], [1.0], [0.0], [0.0], [1.0], [1.0], [0.0], [0.0], [1.0]]
W1 = [[0.5, -0.4], [0.3, 0.8], [-0.6, 0.2], [0.7, -0.9]]
B1 = [0.1, -0.1, 0.05, 0.0]
W2 = [[0.6, -0.5, 0.4, -0.3]]
B2 = [0.02]
EPOCHS = 15

RUNS = [
    ("batch GD", "full", "sgd", {"lr": 0.5}),
    ("SGD", 1, "sgd", {"lr": 0.05}),
    ("mini-batch", 4, "sgd", {"lr": 0.2}),
    ("momentum", 4, "sgd", {"lr": 0.05, "momentum": 0.9}),
    ("RMSprop", 4, "rmsprop", {"lr": 0.01}),
    ("Adam", 4, "adam", {"lr": 0.01}),
]

x = torch.tensor(X)
y = torch.tensor(Y)
runs = []
for label, batch, name, settings in RUNS:
    layers = [torch.nn.Linear(2, 4), torch.nn.Tanh(), torch.nn.Linear(4, 1)]
    with torch.no_grad():
        layers[0].weight.copy_(torch.tensor(W1)); layers[0].bias.copy_(torch.tensor(B1))
        layers[2].weight.copy_(torch.tensor(W2)); layers[2].bias.copy_(torch.tensor(B2))
    model = torch.nn.Sequential(*layers)
    cls = {"sgd": torch.optim.SGD, "rmsprop": torch.optim.RMSprop, "adam": torch.optim.Adam}[name]
    optimizer = cls(model.parameters(), **settings)
    loss_fn = torch.nn.functional.binary_cross_entropy_with_logits
    size = len(X) if batch == "full" else batch
    losses = []
    with torch.no_grad():
        losses.append(loss_fn(model(x), y).item())
    for _ in range(EPOCHS):
        for start in range(0, len(X), size):
            optimizer.zero_grad()
            loss = loss_fn(model(x[start:start + size]), y[start:start + size])
            loss.backward()
            optimizer.step()
        with torch.no_grad():
            losses.append(loss_fn(model(x), y).item())
    runs.append({"label": label, "batch": batch, "optimizer": name, "settings": settings,
                 "loss_per_epoch": losses})

with open("Tests/BackpropTests/Fixtures/torch_runs.json", "w") as f:
    json.dump({"about": __doc__.strip(), "torch": torch.__version__, "X": X, "Y": Y,
               "initial": {"W1": W1, "b1": B1, "W2": W2, "b2": B2}, "epochs": EPOCHS, "runs": runs}, f, indent=1)
print("wrote Tests/BackpropTests/Fixtures/torch_runs.json")
