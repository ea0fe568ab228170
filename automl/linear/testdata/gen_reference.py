#!/usr/bin/python3
"""Write reference.json: scikit-learn fits that package linear must reproduce.

Run from this directory with Debian's Python (python3-sklearn 1.2.1):

    /usr/bin/python3 gen_reference.py [output.json]

The output defaults to reference.json. Logistic cases hold two scikit-learn
fits of the same problem:
  "exact":   LogisticRegression(solver="newton-cg", tol=1e-8), a Newton method
             run to a gradient infinity norm of 1e-8, i.e. the optimum itself;
  "default": LogisticRegression(C=C, solver="lbfgs") with its default tol=1e-4
             and max_iter=100, what a scikit-learn user gets.
Regression cases hold LinearRegression (alpha = 0) or Ridge (alpha > 0).

Synthetic cases store their matrices (row-major, flattened). Real cases name a
CSV file in this directory and a target column; class labels map to indices
in sorted order, and "standardize" means (x - mean) / std with the population
standard deviation, computed on all rows.
"""

import csv
import json
import sys
import warnings

import numpy as np
import sklearn
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge
from sklearn.utils.class_weight import compute_sample_weight


def read_csv(name, target):
    with open(name, newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    t = header.index(target)
    X = np.array([[float(v) for i, v in enumerate(r) if i != t] for r in body])
    labels = [r[t] for r in body]
    return X, labels


def standardize(X):
    return (X - X.mean(axis=0)) / X.std(axis=0)


def flat(a):
    return [float(v) for v in np.asarray(a, dtype=float).ravel()]


def logistic_fit(X, y, w, C, classes, exact, class_weight=None):
    multi = "multinomial" if classes > 2 else "auto"
    if exact:
        m = LogisticRegression(C=C, solver="newton-cg", tol=1e-8,
                               max_iter=10000, multi_class=multi,
                               class_weight=class_weight)
    else:
        m = LogisticRegression(C=C, solver="lbfgs", multi_class=multi,
                               class_weight=class_weight)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a convergence warning is a failure
        m.fit(X, y, sample_weight=w)
    return m


def logistic_case(name, Xtr, ytr, Xte, classes, C=1.0, w=None, extra=None):
    exact = logistic_fit(Xtr, ytr, w, C, classes, exact=True)
    default = logistic_fit(Xtr, ytr, w, C, classes, exact=False)

    def proba(m):
        p = m.predict_proba(Xte)
        return flat(p[:, 1] if classes == 2 else p)

    case = {
        "name": name,
        "classes": classes,
        "C": C,
        "weights": None if w is None else flat(w),
        "exact": {
            "coef": flat(exact.coef_),
            "intercept": flat(exact.intercept_),
            "proba": proba(exact),
        },
        "default": {"proba": proba(default), "iterations": int(default.n_iter_[0])},
    }
    case.update(extra or {})
    return case


def with_matrices(case, Xtr, ytr, Xte):
    case.update({
        "rows": Xtr.shape[0], "cols": Xtr.shape[1], "X": flat(Xtr), "y": flat(ytr),
        "test_rows": Xte.shape[0], "X_test": flat(Xte),
    })
    return case


def synthetic_logistic(rng, n, p, classes, scales):
    X = rng.normal(size=(n, p)) * scales
    W = rng.normal(size=(classes, p)) / scales
    b = rng.normal(size=classes)
    Z = X @ W.T + b
    P = np.exp(Z - Z.max(axis=1, keepdims=True))
    P /= P.sum(axis=1, keepdims=True)
    y = np.array([rng.choice(classes, p=pr) for pr in P], dtype=float)
    return X, y


def logistic_cases(rng):
    cases = []

    X, y = synthetic_logistic(rng, 200, 5, 2, np.array([1.0, 3.0, 0.5, 10.0, 1.0]))
    tr, te = slice(0, 150), slice(150, 200)
    w = rng.uniform(0.2, 3.0, size=150)
    for name, C, weights in [("binary", 1.0, None), ("binary_weighted", 1.0, w),
                             ("binary_C0.1", 0.1, None)]:
        c = logistic_case(name, X[tr], y[tr], X[te], 2, C, weights)
        cases.append(with_matrices(c, X[tr], y[tr], X[te]))

    # Imbalanced binary labels: "balanced" class weights passed as sample weights
    # must equal scikit-learn's class_weight="balanced".
    X = rng.normal(size=(160, 3))
    y = (X[:, 0] + 0.5 * rng.normal(size=160) > 1.0).astype(float)
    cw = compute_sample_weight("balanced", y[:120])
    c = logistic_case("binary_balanced", X[:120], y[:120], X[120:], 2, 1.0, cw)
    via_class_weight = logistic_fit(X[:120], y[:120], None, 1.0, 2, exact=True,
                                    class_weight="balanced")
    assert np.allclose(flat(via_class_weight.coef_), c["exact"]["coef"], atol=1e-8)
    cases.append(with_matrices(c, X[:120], y[:120], X[120:]))

    X, y = synthetic_logistic(rng, 300, 4, 3, np.array([1.0, 2.0, 0.5, 1.0]))
    w = rng.uniform(0.2, 3.0, size=240)
    for name, weights in [("multinomial3", None), ("multinomial3_weighted", w)]:
        c = logistic_case(name, X[:240], y[:240], X[240:], 3, 1.0, weights)
        cases.append(with_matrices(c, X[:240], y[:240], X[240:]))

    X, y = synthetic_logistic(rng, 250, 6, 4, np.ones(6))
    c = logistic_case("multinomial4_C10", X[:200], y[:200], X[200:], 4, 10.0)
    cases.append(with_matrices(c, X[:200], y[:200], X[200:]))

    for csvname, classes in [("breast_cancer.csv", 2), ("iris.csv", 3)]:
        X, labels = read_csv(csvname, "target")
        names = sorted(set(labels))
        y = np.array([names.index(v) for v in labels], dtype=float)
        X = standardize(X)
        c = logistic_case(csvname, X, y, X, classes, 1.0, None,
                          {"csv": csvname, "target": "target", "standardize": True})
        cases.append(c)
    return cases


def regression_case(name, Xtr, ytr, Xte, alpha, w=None):
    m = LinearRegression() if alpha == 0 else Ridge(alpha=alpha)
    m.fit(Xtr, ytr, sample_weight=w)
    return {
        "name": name,
        "alpha": alpha,
        "weights": None if w is None else flat(w),
        "coef": flat(m.coef_),
        "intercept": float(m.intercept_),
        "predictions": flat(m.predict(Xte)),
    }


def regression_cases(rng):
    cases = []

    X = rng.normal(size=(130, 6)) * np.array([1.0, 5.0, 0.1, 1.0, 20.0, 1.0]) + 3.0
    y = X @ rng.normal(size=6) + 2.0 + rng.normal(size=130)
    w = rng.uniform(0.1, 4.0, size=100)
    for name, alpha, weights in [("ols", 0.0, None), ("ols_weighted", 0.0, w),
                                 ("ridge1", 1.0, None), ("ridge1_weighted", 1.0, w),
                                 ("ridge10", 10.0, None)]:
        c = regression_case(name, X[:100], y[:100], X[100:], alpha, weights)
        cases.append(with_matrices(c, X[:100], y[:100], X[100:]))

    # Rank deficient: column 3 duplicates column 0 and column 4 is constant.
    X = rng.normal(size=(60, 5))
    X[:, 3] = X[:, 0]
    X[:, 4] = 0.7
    y = X[:, :3] @ np.array([1.0, -2.0, 0.5]) + 0.1 * rng.normal(size=60)
    w = rng.uniform(0.5, 2.0, size=50)
    for name, alpha, weights in [("ols_rank_deficient", 0.0, None),
                                 ("ols_rank_deficient_weighted", 0.0, w),
                                 ("ridge_rank_deficient", 0.5, None)]:
        c = regression_case(name, X[:50], y[:50], X[50:], alpha, weights)
        cases.append(with_matrices(c, X[:50], y[:50], X[50:]))

    # More columns than rows: the minimum-norm least-squares solution.
    X = rng.normal(size=(14, 12))
    y = rng.normal(size=14)
    for name, alpha in [("ols_wide", 0.0), ("ridge_wide", 2.0)]:
        c = regression_case(name, X[:8], y[:8], X[8:], alpha)
        cases.append(with_matrices(c, X[:8], y[:8], X[8:]))

    X, labels = read_csv("diabetes_regression.csv", "progression")
    y = np.array([float(v) for v in labels])
    for alpha in [0.0, 1.0]:
        c = regression_case("diabetes_alpha%g" % alpha, X, y, X, alpha)
        c.update({"csv": "diabetes_regression.csv", "target": "progression",
                  "standardize": False})
        cases.append(c)
    return cases


def main():
    rng = np.random.RandomState(20240611)
    out = {
        "generator": "gen_reference.py",
        "sklearn_version": sklearn.__version__,
        "numpy_version": np.__version__,
        "logistic": logistic_cases(rng),
        "regression": regression_cases(rng),
    }
    path = sys.argv[1] if len(sys.argv) > 1 else "reference.json"
    # One case per line keeps the file small and its diffs readable.
    with open(path, "w") as f:
        f.write("{\n")
        for i, (key, value) in enumerate(out.items()):
            f.write(" %s: " % json.dumps(key))
            if isinstance(value, list):
                f.write("[\n  " + ",\n  ".join(json.dumps(c) for c in value) + "\n ]")
            else:
                f.write(json.dumps(value))
            f.write(",\n" if i < len(out) - 1 else "\n")
        f.write("}\n")
    print("wrote %s with %d logistic and %d regression cases"
          % (path, len(out["logistic"]), len(out["regression"])), file=sys.stderr)


if __name__ == "__main__":
    main()
