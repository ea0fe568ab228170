"""Reference values for package prep's tests, computed with scikit-learn.

Run with Debian's Python (scikit-learn 1.2.1, pandas 1.5.3) from this folder:

    /usr/bin/python3 gen_reference.py > reference.json

- "stratified": per-class train/test counts of train_test_split(stratify=y)
  for class-count vectors and test sizes whose counts do not depend on the
  random tie-break (the same for random_state 0..29).
- "kfold": per-fold, per-class test counts of StratifiedKFold(shuffle=True),
  which do not depend on the random state.
- "pima": SimpleImputer(strategy="median", add_indicator=True) followed by
  StandardScaler on the numeric columns of pima_diabetes.csv, fitted on the
  rows whose 0-based index is not a multiple of 3 and applied to the others.
"""
import json

import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.preprocessing import StandardScaler


def stratified_cases():
    out = []
    count_sets = [[8, 2], [6, 3, 2], [50, 30, 20], [7, 5, 3], [500, 268], [13, 11, 9, 2], [3, 3, 3, 3, 3], [100, 7]]
    for counts in count_sets:
        y = np.repeat(np.arange(len(counts)), counts)
        for test_size in [0.1, 0.2, 0.25, 0.3, 0.5, 0.7]:
            seen = set()
            for rs in range(30):
                try:
                    tr, te = train_test_split(np.arange(len(y)), test_size=test_size, stratify=y, random_state=rs)
                except ValueError:
                    seen = None
                    break
                seen.add((tuple(np.bincount(y[tr], minlength=len(counts))),
                          tuple(np.bincount(y[te], minlength=len(counts)))))
            if seen is not None and len(seen) == 1:
                train, test = seen.pop()
                out.append({"counts": counts, "test_size": test_size,
                            "train": [int(v) for v in train], "test": [int(v) for v in test]})
    return out


def kfold_cases():
    out = []
    for labels, k in [([0] * 8 + [1] * 2, 2), ([2, 0, 1, 0, 2, 1, 0, 0, 2, 1, 0, 2, 0], 3),
                      ([1] * 7 + [0] * 5 + [2] * 4, 4), ([0, 1] * 10 + [1] * 3, 5)]:
        y = np.array(labels)
        skf = StratifiedKFold(n_splits=k, shuffle=True, random_state=0)
        folds = [[int(v) for v in np.bincount(y[te], minlength=y.max() + 1)] for _, te in skf.split(y, y)]
        out.append({"labels": labels, "k": k, "test_counts": folds})
    return out


def pima_case():
    df = pd.read_csv("pima_diabetes.csv")
    features = [c for c in df.columns if c != "diabetes"]
    X = df[features].to_numpy(dtype=float)
    idx = np.arange(len(df))
    train, test = idx[idx % 3 != 0], idx[idx % 3 == 0]
    imp = SimpleImputer(strategy="median", add_indicator=True).fit(X[train])
    n = len(features)
    sc = StandardScaler().fit(imp.transform(X[train])[:, :n])
    Z = imp.transform(X[test])
    Z[:, :n] = sc.transform(Z[:, :n])
    return {
        "features": features,
        "medians": imp.statistics_.tolist(),
        "means": sc.mean_.tolist(),
        "scales": sc.scale_.tolist(),
        "indicator_features": [features[i] for i in imp.indicator_.features_],
        "test_rows": test[:20].tolist(),
        "test_values": Z[:20, :n].tolist(),
        "test_indicators": Z[:20, n:].tolist(),
    }


print(json.dumps({"stratified": stratified_cases(), "kfold": kfold_cases(), "pima": pima_case()}, indent=1))
