"""Reference numbers for the baseline models (BaselineModelTests), from scikit-learn.

Run from the repository root:
    python3 -m venv .venv && .venv/bin/pip install -q scikit-learn numpy
    .venv/bin/python scripts/baseline_fixtures.py
Writes Tests/BackpropTests/Fixtures/baselines.json, the same bytes on every run
with the same scikit-learn. The tests read only the JSON: the data is in it.

The data: scikit-learn's bundled diabetes (load_diabetes(scaled=False)),
linnerud (3 targets), breast cancer, iris and wine. Every fourth row (index
0, 4, 8, ...) is a test row, the rest train. Features are standardized with
the training rows' mean and standard deviation (ddof=0; a constant column is
only centred) and rounded to 8 significant digits; the rounded values are
the data, so the models here and in the tests fit exactly the same numbers.

The models, fitted on the training rows and scored on the test rows:
- Ridge(alpha, fit_intercept=True), several alphas; also n < d (8 diabetes rows).
- LogisticRegression(C, solver="lbfgs", tol=1e-10, max_iter=10000), L2 penalty,
  several C; also iris with class 0's training rows removed (a binary problem
  among classes 1 and 2, as scikit-learn fits the labels it sees).
- DummyClassifier(strategy="most_frequent") and DummyRegressor() (the mean).
Coefficients are stored as scikit-learn's coef_ (outputs x features, one row
for a binary problem or a single target), predictions as rows x outputs.
Accuracies come with the count of correct test rows, which the tests compare
(a count is exact; a parsed fraction may be one unit in the last place off). `gradient_max_abs` is the largest gradient component
of scikit-learn's own objective, mean log-loss + ||W||^2 / (2 C n), at its
solution: how close to the optimum the reference is. scikit-learn's lbfgs
also stops when f decreases by less than 64 eps relatively, near 1e-8 here,
so its coefficients can be some 1e-6 (relative) from the optimum. The optimum
itself comes from the same estimator's Newton solver,
LogisticRegression(C, solver="newton-cholesky", tol=1e-12), whose gradient
ends near 1e-16 (`optimum_gradient_max_abs`): `optimum_coef` and
`optimum_intercept` (softmax intercepts shifted to sum to zero, as lbfgs
leaves them; the softmax does not change).
"""
import json
import pathlib

import numpy as np
import sklearn
from sklearn.datasets import load_breast_cancer, load_diabetes, load_iris, load_linnerud, load_wine
from sklearn.dummy import DummyClassifier, DummyRegressor
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import accuracy_score, r2_score

OUTPUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/BackpropTests/Fixtures/baselines.json"
RIDGE_ALPHAS = [0.01, 1.0, 10.0, 100.0, 1000.0]
SMALL_RIDGE_ALPHAS = [0.1, 10.0]
LOGISTIC_CS = {"breast_cancer": [0.01, 0.1, 1.0, 10.0], "iris": [0.01, 1.0, 100.0],
               "wine": [0.1, 1.0, 10.0], "iris_without_class_0": [0.1, 10.0]}


def rounded(values):
    """Values rounded to 8 significant digits, as floats (short in JSON)."""
    return np.vectorize(lambda v: float(f"{v:.8g}"))(np.asarray(values, dtype=float))


def split(inputs, targets):
    """Every fourth row tests; features standardized with the training rows' statistics."""
    test = np.arange(len(inputs)) % 4 == 0
    train_x, test_x = inputs[~test], inputs[test]
    mean = train_x.mean(axis=0)
    deviation = train_x.std(axis=0)
    deviation[deviation == 0] = 1.0
    return {"train_x": rounded((train_x - mean) / deviation), "train_y": targets[~test],
            "test_x": rounded((test_x - mean) / deviation), "test_y": targets[test]}


def datasets():
    diabetes = load_diabetes(scaled=False)
    linnerud = load_linnerud()
    sets = {
        "diabetes": split(diabetes.data, diabetes.target.reshape(-1, 1)),
        "linnerud": split(linnerud.data, linnerud.target),
        "breast_cancer": split(*load_breast_cancer(return_X_y=True)),
        "iris": split(*load_iris(return_X_y=True)),
        "wine": split(*load_wine(return_X_y=True)),
    }
    small = dict(sets["diabetes"])
    small["train_x"], small["train_y"] = small["train_x"][:8], small["train_y"][:8]
    sets["diabetes_8_rows"] = small
    without = dict(sets["iris"])
    keep = without["train_y"] != 0
    without["train_x"], without["train_y"] = without["train_x"][keep], without["train_y"][keep]
    sets["iris_without_class_0"] = without
    return sets


def logistic_gradient_max_abs(model, x, y, c):
    """The largest |gradient| of mean log-loss + ||W||^2 / (2 C n) at the model's coefficients."""
    n = len(x)
    probabilities = model.predict_proba(x)
    if len(model.classes_) == 2:
        residual = (probabilities[:, 1] - (y == model.classes_[1])).reshape(-1, 1) / n
    else:
        residual = (probabilities - (y.reshape(-1, 1) == model.classes_)) / n
    weights = residual.T @ x + model.coef_ / (c * n)
    return float(max(np.abs(weights).max(), np.abs(residual.sum(axis=0)).max()))


def ridge_cases(sets):
    cases = []
    for name, alphas in [("diabetes", RIDGE_ALPHAS), ("linnerud", RIDGE_ALPHAS), ("diabetes_8_rows", SMALL_RIDGE_ALPHAS)]:
        data = sets[name]
        for alpha in alphas:
            model = Ridge(alpha=alpha, fit_intercept=True).fit(data["train_x"], data["train_y"])
            prediction = model.predict(data["test_x"]).reshape(len(data["test_x"]), -1)
            cases.append({"dataset": name, "alpha": alpha, "coef": np.atleast_2d(model.coef_).tolist(),
                          "intercept": np.atleast_1d(model.intercept_).tolist(), "test_predictions": prediction.tolist(),
                          "test_r2": r2_score(data["test_y"], prediction)})
    return cases


def logistic_cases(sets):
    cases = []
    for name, cs in LOGISTIC_CS.items():
        data = sets[name]
        for c in cs:
            model = LogisticRegression(C=c, solver="lbfgs", tol=1e-10, max_iter=10000)
            model.fit(data["train_x"], data["train_y"])
            optimum = LogisticRegression(C=c, solver="newton-cholesky", tol=1e-12, max_iter=1000)
            optimum.fit(data["train_x"], data["train_y"])
            optimum_intercept = optimum.intercept_ - (optimum.intercept_.mean() if len(optimum.classes_) > 2 else 0)
            prediction = model.predict(data["test_x"])
            cases.append({"dataset": name, "C": c, "classes": model.classes_.tolist(),
                          "coef": model.coef_.tolist(), "intercept": model.intercept_.tolist(),
                          "iterations": int(model.n_iter_[0]),
                          "gradient_max_abs": logistic_gradient_max_abs(model, data["train_x"], data["train_y"], c),
                          "optimum_coef": optimum.coef_.tolist(), "optimum_intercept": optimum_intercept.tolist(),
                          "optimum_gradient_max_abs": logistic_gradient_max_abs(optimum, data["train_x"], data["train_y"], c),
                          "test_predictions": prediction.tolist(),
                          "test_probabilities": model.predict_proba(data["test_x"]).tolist(),
                          "test_correct": int(np.sum(prediction == data["test_y"])),
                          "test_accuracy": accuracy_score(data["test_y"], prediction)})
    return cases


def dummy_cases(sets):
    cases = []
    for name in ["breast_cancer", "iris", "wine", "iris_without_class_0"]:
        data = sets[name]
        model = DummyClassifier(strategy="most_frequent").fit(data["train_x"], data["train_y"])
        prediction = model.predict(data["test_x"])
        cases.append({"dataset": name, "kind": "most_frequent", "prediction": int(prediction[0]),
                      "test_correct": int(np.sum(prediction == data["test_y"])),
                      "test_accuracy": model.score(data["test_x"], data["test_y"])})
    for name in ["diabetes", "linnerud"]:
        data = sets[name]
        model = DummyRegressor().fit(data["train_x"], data["train_y"])
        prediction = model.predict(data["test_x"])
        cases.append({"dataset": name, "kind": "mean", "prediction": np.atleast_1d(prediction[0]).tolist(),
                      "test_r2": r2_score(data["test_y"], prediction)})
    return cases


def main():
    sets = datasets()
    stored = {name: {key: value.tolist() for key, value in data.items()} for name, data in sets.items()}
    fixture = {"sklearn_version": sklearn.__version__, "datasets": stored,
               "ridge": ridge_cases(sets), "logistic": logistic_cases(sets), "dummy": dummy_cases(sets)}
    OUTPUT.write_text(json.dumps(fixture, separators=(",", ":")) + "\n")
    worst = max(case["gradient_max_abs"] for case in fixture["logistic"])
    optimum = max(case["optimum_gradient_max_abs"] for case in fixture["logistic"])
    print(f"wrote {OUTPUT} ({OUTPUT.stat().st_size} bytes); largest logistic gradient at scikit-learn's solution: "
          f"lbfgs {worst:.2e}, newton-cholesky {optimum:.2e}")


if __name__ == "__main__":
    main()
