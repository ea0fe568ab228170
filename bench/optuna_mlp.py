#!/usr/bin/python3
"""Baseline: Optuna TPE search over sklearn MLPClassifier on a tabular CSV.

Reference numbers for tunebook's search, copied from the project's shared
baselines (written for this comparison) with the test log loss added.

Usage:
    /usr/bin/python3 baseline_optuna_mlp.py PATH TARGET BUDGET_SECONDS SEED [options]

    PATH     CSV file. Two layouts are accepted:
             * ordinary CSV with a header row of column names;
             * scikit-learn's bundled layout (e.g. sklearn/datasets/data/
               breast_cancer.csv) whose first line is
               "n_samples,n_features,class0_name,class1_name,..." and has no
               column names. Columns are then named x0..x{n-1} and "target".
    TARGET   target column name, or an integer index (negative allowed,
             e.g. -1 for the last column).
    BUDGET   wall-clock budget in seconds for the search (Optuna timeout:
             no trial starts after it, a running trial is allowed to finish;
             the overrun is reported).
    SEED     integer seed for the split, the sampler and the models.

Options:
    --threads N        BLAS threads (default 1; set before numpy loads)
    --max-trials N     stop after N trials even if budget remains
    --export-std PATH  also write the loaded table as an ordinary CSV
                       (header x0..,target) so other implementations can
                       read identical data, then continue.
    --export-split PATH  write the 0-based data-row indices of the
                       train/val/test split as JSON, so another
                       implementation can reuse the exact split.

Prints one JSON object on stdout.
"""
import argparse
import json
import os
import sys
import time

T_START = time.perf_counter()
LOAD_START = os.getloadavg()[0]


def _early_threads():
    # BLAS thread count must be fixed before numpy is imported.
    n = "1"
    for i, a in enumerate(sys.argv):
        if a == "--threads" and i + 1 < len(sys.argv):
            n = sys.argv[i + 1]
        elif a.startswith("--threads="):
            n = a.split("=", 1)[1]
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = n
    return int(n)


THREADS = _early_threads()

import warnings  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import optuna  # noqa: E402
import sklearn  # noqa: E402
from sklearn.exceptions import ConvergenceWarning  # noqa: E402
from sklearn.impute import SimpleImputer  # noqa: E402
from sklearn.metrics import accuracy_score, f1_score, log_loss, roc_auc_score  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402
from sklearn.neural_network import MLPClassifier  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402


def load_table(path):
    """Return (DataFrame, layout) for either supported CSV layout."""
    with open(path, "r", encoding="utf-8") as fh:
        first = fh.readline().strip().split(",")
        second = fh.readline().strip().split(",")
    sk_layout = False
    if len(first) >= 2:
        try:
            n_rows, n_feat = int(first[0]), int(first[1])
            sk_layout = len(second) == n_feat + 1 and n_rows > 0
        except ValueError:
            sk_layout = False
    if sk_layout:
        names = [f"x{i}" for i in range(n_feat)] + ["target"]
        df = pd.read_csv(path, skiprows=1, header=None, names=names)
        if len(df) != n_rows:
            raise SystemExit(f"header says {n_rows} rows, read {len(df)}")
        return df, {"layout": "sklearn", "class_names": first[2:]}
    return pd.read_csv(path), {"layout": "header"}


def resolve_target(df, target):
    if target in df.columns:
        return target
    try:
        return df.columns[int(target)]
    except (ValueError, IndexError):
        raise SystemExit(f"target column {target!r} not found; columns: {list(df.columns)[:20]}...")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path")
    ap.add_argument("target")
    ap.add_argument("budget", type=float)
    ap.add_argument("seed", type=int)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--max-trials", type=int, default=None)
    ap.add_argument("--export-std", default=None)
    ap.add_argument("--export-split", default=None)
    args = ap.parse_args()

    warnings.filterwarnings("ignore", category=ConvergenceWarning)
    optuna.logging.set_verbosity(optuna.logging.WARNING)

    df, layout = load_table(args.path)
    tcol = resolve_target(df, args.target)
    if args.export_std:
        df.to_csv(args.export_std, index=False)

    y_raw = df[tcol]
    X_df = df.drop(columns=[tcol])
    # Non-numeric features: one-hot; numeric ones kept as is.
    X_df = pd.get_dummies(X_df, dummy_na=False).astype(np.float64)
    classes, y = np.unique(y_raw.astype(str) if y_raw.dtype == object else y_raw, return_inverse=True)
    n_classes = len(classes)
    if n_classes < 2:
        raise SystemExit("target has a single class")
    binary = n_classes == 2
    X = X_df.to_numpy()

    # Stratified 60/20/20 split (done on row indices so it can be exported).
    idx = np.arange(len(y))
    i_tmp, i_te = train_test_split(idx, test_size=0.2, stratify=y, random_state=args.seed)
    i_tr, i_va = train_test_split(i_tmp, test_size=0.25, stratify=y[i_tmp], random_state=args.seed)
    if args.export_split:
        with open(args.export_split, "w", encoding="utf-8") as fh:
            json.dump({"seed": args.seed, "train": sorted(i_tr.tolist()), "val": sorted(i_va.tolist()),
                       "test": sorted(i_te.tolist())}, fh)
    X_tr, X_va, X_te = X[i_tr], X[i_va], X[i_te]
    y_tr, y_va, y_te = y[i_tr], y[i_va], y[i_te]

    imp = SimpleImputer(strategy="median").fit(X_tr)
    sc = StandardScaler().fit(imp.transform(X_tr))
    prep = lambda a: sc.transform(imp.transform(a))  # noqa: E731
    X_tr, X_va, X_te = prep(X_tr), prep(X_va), prep(X_te)

    def auc(y_true, proba):
        if binary:
            return roc_auc_score(y_true, proba[:, 1])
        return roc_auc_score(y_true, proba, multi_class="ovr", average="macro")

    best = {"auc": -np.inf, "model": None, "trial": None}
    trial_log = []

    def objective(trial):
        n_layers = trial.suggest_int("n_layers", 1, 3)
        widths = tuple(trial.suggest_int(f"width_{i}", 8, 256, log=True) for i in range(n_layers))
        alpha = trial.suggest_float("alpha", 1e-6, 1e-1, log=True)
        lr = trial.suggest_float("learning_rate_init", 1e-4, 1e-1, log=True)
        batch = trial.suggest_categorical("batch_size", [32, 64, 128, 256])
        early = trial.suggest_categorical("early_stopping", [True, False])
        t0 = time.perf_counter()
        clf = MLPClassifier(
            hidden_layer_sizes=widths,
            activation="relu",
            solver="adam",
            alpha=alpha,
            learning_rate_init=lr,
            batch_size=batch,
            early_stopping=early,
            validation_fraction=0.1,
            n_iter_no_change=10,
            max_iter=200,
            random_state=args.seed,
        )
        clf.fit(X_tr, y_tr)
        score = auc(y_va, clf.predict_proba(X_va))
        trial_log.append({"n": trial.number, "val_auc": score, "epochs": int(clf.n_iter_),
                          "fit_s": round(time.perf_counter() - t0, 4)})
        if score > best["auc"]:
            best.update(auc=score, model=clf, trial=trial.number)
        return score

    sampler = optuna.samplers.TPESampler(seed=args.seed)
    study = optuna.create_study(direction="maximize", sampler=sampler)
    t_search = time.perf_counter()
    study.optimize(objective, timeout=args.budget, n_trials=args.max_trials, gc_after_trial=False)
    search_s = time.perf_counter() - t_search

    model = best["model"]
    proba_te = model.predict_proba(X_te)
    pred_te = model.predict(X_te)
    complete = [t for t in study.trials if t.state == optuna.trial.TrialState.COMPLETE]

    out = {
        "script": "baseline_optuna_mlp",
        "dataset": os.path.basename(args.path),
        "layout": layout["layout"],
        "rows": int(len(df)),
        "features": int(X.shape[1]),
        "classes": int(n_classes),
        "split_rows": {"train": int(len(y_tr)), "val": int(len(y_va)), "test": int(len(y_te))},
        "seed": args.seed,
        "budget_s": args.budget,
        "threads": THREADS,
        "best_val_auc": round(float(best["auc"]), 6),
        "test_auc": round(float(auc(y_te, proba_te)), 6),
        "test_f1": round(float(f1_score(y_te, pred_te, average="binary" if binary else "macro")), 6),
        "test_accuracy": round(float(accuracy_score(y_te, pred_te)), 6),
        "test_logloss": round(float(log_loss(y_te, proba_te, labels=list(range(n_classes)))), 6),
        "trials_completed": len(complete),
        "trials_total": len(study.trials),
        "best_trial": best["trial"],
        "best_params": study.best_params,
        "best_epochs": int(model.n_iter_),
        "search_s": round(search_s, 3),
        "budget_overrun_s": round(max(0.0, search_s - args.budget), 3),
        "median_trial_fit_s": round(float(np.median([t["fit_s"] for t in trial_log])), 4) if trial_log else None,
        "wall_s": round(time.perf_counter() - T_START, 3),
        "loadavg_1m": [round(LOAD_START, 2), round(os.getloadavg()[0], 2)],
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__,
                     "sklearn": sklearn.__version__, "optuna": optuna.__version__,
                     "pandas": pd.__version__},
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
