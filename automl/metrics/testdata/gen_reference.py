#!/usr/bin/python3
"""Write reference.json: scikit-learn's values that package metrics must reproduce.

Run from this directory with Debian's Python (python3-sklearn 1.2.1):

    /usr/bin/python3 gen_reference.py [output.json]

The inputs are built deterministically (numpy default_rng with a fixed seed):
random binary, multiclass, label and regression data with ties, zero and
fractional sample weights, degenerate sets (one class, constant scores or
targets, one sample), and the inputs of the shared cases m01, m03, m04, m05,
m07 and m08. For every input the script stores what scikit-learn returns for
each metric, curves included.

JSON conventions:
  * floats are written with Python's repr (round-trip exact);
  * NaN and infinities are written as the strings "NaN", "+Inf" and "-Inf";
  * a call that raises is stored as {"error": "<message>"};
  * "*_warns" is true when scikit-learn emitted a warning (an ill-defined
    metric: UndefinedMetricWarning or the "no positive class" UserWarning);
  * multiclass probability matrices are flattened row-major (rows * k).

Integer-label classification cases are computed with labels=range(k), the way
package metrics treats class indices 0..k-1.
"""

import json
import math
import platform
import re
import sys
import warnings

import numpy as np
import sklearn
from sklearn import metrics as M
from sklearn.metrics._ranking import _binary_clf_curve

SEED = 20240611
# A JSON array of scalars (numbers, strings, null, booleans), spread over lines
# by json.dumps(indent=1); it is rewritten onto one line to keep the file short.
FLAT_ARRAY = re.compile(r'\[[^\[\]{}]*\]')
ZERO_DIVISIONS = ("warn", 0, 1)
BETAS = (1.0, 2.0, 0.5)

VERSION_NOTES = [
    "roc_curve: thresholds[0] is max(y_score) + 1 in scikit-learn <= 1.2 "
    "(this file) and +inf in >= 1.3 (PR #26194). Package metrics follows 1.2.",
    "roc_auc_score with one class in y_true: <= 1.5 raises ValueError (this file), "
    ">= 1.6 warns and returns NaN (PR #30103). Package metrics returns NaN together "
    "with an error wrapping ErrUndefined.",
    "precision_recall_curve: >= 1.3 adds drop_intermediate (default False); the default "
    "output is unchanged.",
    "precision_recall_fscore_support: zero_division=np.nan exists only in >= 1.3; "
    ">= 1.3.1/1.4 computes F from counts, (1+b^2)tp / ((1+b^2)tp + b^2 fn + fp) "
    "(1.3.0 returned F=1 for tp=0 with zero_division=1, issue #26864); >= 1.4 averages "
    "with _nanaverage (NaN values dropped) instead of the 1.2 special case for a zero "
    "total support under average='weighted'.",
    "log_loss: eps='auto' (float64 machine epsilon) is the 1.2 default used here; the eps "
    "argument is deprecated in 1.3 and removed in 1.5, which always clips at the dtype "
    "epsilon. 1.2 silently renormalises rows that do not sum to one.",
    "mean_squared_error(squared=False) is replaced by root_mean_squared_error in >= 1.4.",
]


def enc(x):
    """Return x as JSON-ready Python values, non-finite floats as strings."""
    if isinstance(x, dict):
        return {k: enc(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [enc(v) for v in x]
    if isinstance(x, np.ndarray):
        return enc(x.tolist())
    if isinstance(x, (np.bool_, bool)):
        return bool(x)
    if isinstance(x, (np.integer,)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        f = float(x)
        if math.isnan(f):
            return "NaN"
        if math.isinf(f):
            return "+Inf" if f > 0 else "-Inf"
        return f
    return x


def call(fn, *args, **kwargs):
    """Call fn; return (value, warned) or ({"error": msg}, warned)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            value = fn(*args, **kwargs)
        except ValueError as e:
            value = {"error": str(e)}
    return value, len(caught) > 0


def threshold_curve(y, s, w):
    """Precision, recall and F1 at every distinct threshold (ascending)."""
    fps, tps, thr = _binary_clf_curve(y, s, pos_label=1, sample_weight=w)
    pos = tps[-1]
    precision = tps / (tps + fps)
    recall = tps / pos if pos > 0 else np.ones_like(tps)
    f1 = 2 * tps / (tps + fps + pos)
    sl = slice(None, None, -1)
    t, p, r, f = thr[sl], precision[sl], recall[sl], f1[sl]
    best = int(np.argmax(f))
    return {
        "thresholds": t,
        "precision": p,
        "recall": r,
        "f1": f,
        "best_threshold": t[best],
        "best_f1": f[best],
    }


def binary_case(name, y, s, w=None):
    y = np.asarray(y, dtype=int)
    s = np.asarray(s, dtype=float)
    out = {"name": name, "y_true": y, "score": s, "weights": w}
    out["roc_auc"], _ = call(M.roc_auc_score, y, s, sample_weight=w)
    (fpr, tpr, thr), warned = call(M.roc_curve, y, s, sample_weight=w)
    out["roc_curve"] = {"fpr": fpr, "tpr": tpr, "thresholds": thr}
    out["roc_curve_warns"] = warned
    (p, r, t), warned = call(M.precision_recall_curve, y, s, sample_weight=w)
    out["pr_curve"] = {"precision": p, "recall": r, "thresholds": t}
    out["pr_curve_warns"] = warned
    out["average_precision"], out["average_precision_warns"] = call(
        M.average_precision_score, y, s, sample_weight=w
    )
    out["threshold_curve"] = threshold_curve(y, s, w)
    if s.min() >= 0 and s.max() <= 1:
        out["brier"], _ = call(M.brier_score_loss, y, s, sample_weight=w)
        out["log_loss"], _ = call(M.log_loss, y, s, sample_weight=w, labels=[0, 1])
    return out


def softmax_rows(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def multiclass_case(name, y, prob, w=None):
    y = np.asarray(y, dtype=int)
    k = prob.shape[1]
    labels = list(range(k))
    out = {"name": name, "k": k, "y_true": y, "prob": prob.ravel(), "weights": w}
    out["log_loss"], _ = call(M.log_loss, y, prob, sample_weight=w, labels=labels)
    for avg in ("macro", "weighted", "micro", None):
        key = "roc_auc_ovr_" + (avg or "per_class")
        out[key], _ = call(
            M.roc_auc_score,
            y,
            prob,
            multi_class="ovr",
            average=avg,
            sample_weight=w,
            labels=labels,
        )
    return out


def prf_block(y, p, labels, w, binary_pos):
    """P/R/F for every average, zero_division and beta."""
    averages = ["micro", "macro", "weighted"]
    if binary_pos is not None:
        averages.insert(0, "binary")
    block = []
    for zd in ZERO_DIVISIONS:
        for beta in BETAS:
            for avg in averages + [None]:
                kw = dict(
                    beta=beta,
                    labels=labels,
                    average=avg,
                    sample_weight=w,
                    zero_division=zd,
                )
                if avg == "binary":
                    kw["pos_label"] = binary_pos
                res, warned = call(M.precision_recall_fscore_support, y, p, **kw)
                entry = {
                    "average": avg or "none",
                    "zero_division": str(zd),
                    "beta": beta,
                    "warns": warned,
                }
                if isinstance(res, dict):
                    entry.update(res)
                else:
                    entry.update(
                        {
                            "precision": res[0],
                            "recall": res[1],
                            "fscore": res[2],
                            "support": res[3],
                        }
                    )
                block.append(entry)
    return block


def report_block(y, p, labels, w):
    rep, _ = call(
        M.classification_report,
        y,
        p,
        labels=labels,
        sample_weight=w,
        zero_division=0,
        output_dict=True,
    )
    if "error" in rep:
        return rep
    out = {"classes": [], "averages": {}}
    for key, val in rep.items():
        if key == "accuracy":
            out["accuracy"] = val
        elif key.endswith(" avg"):
            out["averages"][key.split(" ")[0]] = val
        else:
            out["classes"].append(
                {
                    "label": key,
                    "precision": val["precision"],
                    "recall": val["recall"],
                    "fscore": val["f1-score"],
                    "support": val["support"],
                }
            )
    return out


def classification_case(name, y, p, w=None, k=None, labels=None, pos_label=None):
    """k set: integer class indices with labels=range(k); else string labels."""
    if k is not None:
        labels = list(range(k))
        if k == 2:
            pos_label = 1
    out = {
        "name": name,
        "k": k,
        "y_true": y,
        "y_pred": p,
        "weights": w,
        "labels": labels,
        "pos_label": pos_label,
    }
    out["accuracy"], _ = call(M.accuracy_score, y, p, sample_weight=w)
    cm, _ = call(M.confusion_matrix, y, p, labels=labels, sample_weight=w)
    out["confusion_matrix"] = cm
    if not isinstance(cm, dict):
        out["confusion_labels"] = (
            labels if labels is not None else M._classification.unique_labels(y, p)
        )
    out["prf"] = prf_block(y, p, labels, w, pos_label)
    out["report"] = report_block(y, p, labels, w)
    return out


def regression_case(name, y, p, w=None):
    y = np.asarray(y, dtype=float)
    p = np.asarray(p, dtype=float)
    out = {"name": name, "y_true": y, "y_pred": p, "weights": w}
    out["mse"], _ = call(M.mean_squared_error, y, p, sample_weight=w)
    out["rmse"], _ = call(M.mean_squared_error, y, p, sample_weight=w, squared=False)
    out["mae"], _ = call(M.mean_absolute_error, y, p, sample_weight=w)
    out["r2"], out["r2_warns"] = call(M.r2_score, y, p, sample_weight=w)
    out["r2_raw"], _ = call(M.r2_score, y, p, sample_weight=w, force_finite=False)
    return out


def binary_cases(rng):
    cases = []
    # Shared case inputs (m01, m03).
    cases.append(binary_case("m01_both_classes", [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]))
    cases.append(binary_case("m01_all_negative", [0, 0, 0, 0], [0.1, 0.4, 0.35, 0.8]))
    cases.append(binary_case("m01_all_positive", [1, 1, 1], [0.2, 0.9, 0.5]))
    cases.append(binary_case("m03_constant", [1, 0, 0, 0], [0.0, 0.0, 0.0, 0.0]))

    n = 60
    y = rng.integers(0, 2, n)
    cases.append(binary_case("ties_one_decimal", y, np.round(rng.random(n), 1)))
    y = rng.integers(0, 2, 250)
    s = np.clip(0.3 * y + 0.7 * rng.random(250), 0, 1)
    cases.append(binary_case("continuous_250", y, s))
    w = np.round(rng.random(250) * 2, 3)
    w[::17] = 0.0
    cases.append(binary_case("weighted_zero_weights", y, np.round(s, 2), w.tolist()))
    w = rng.integers(1, 4, 250).astype(float)
    cases.append(binary_case("integer_weights", y, np.round(s, 1), w.tolist()))
    y = rng.integers(0, 2, 80)
    s = np.round(rng.normal(0, 3, 80) + 2 * y, 1)
    cases.append(binary_case("decision_function", y, s))
    y = np.zeros(300, dtype=int)
    y[rng.choice(300, 5, replace=False)] = 1
    cases.append(binary_case("rare_positive", y, np.round(rng.random(300), 2)))
    cases.append(binary_case("perfect", [0, 0, 1, 1, 0, 1], [0.1, 0.2, 0.9, 0.8, 0.3, 0.7]))
    cases.append(binary_case("reversed", [1, 1, 0, 0], [0.1, 0.2, 0.9, 0.8]))
    cases.append(binary_case("two_samples", [1, 0], [0.6, 0.6]))
    cases.append(binary_case("hard_probabilities", [0, 1, 1, 0, 1], [0.0, 1.0, 0.0, 1.0, 1.0]))
    w = [1.0, 0.0, 2.0, 0.5, 1.5]
    cases.append(binary_case("positive_weight_zero", [0, 1, 0, 0, 0], [0.3, 0.9, 0.2, 0.4, 0.5], w))
    return cases


def multiclass_cases(rng):
    cases = []
    n, k = 90, 3
    y = rng.integers(0, k, n)
    z = np.round(rng.normal(0, 1, (n, k)) + np.eye(k)[y], 1)
    cases.append(multiclass_case("k3_ties", y, softmax_rows(z)))
    n, k = 150, 4
    y = rng.integers(0, k, n)
    z = rng.normal(0, 1.5, (n, k)) + 1.2 * np.eye(k)[y]
    w = np.round(rng.random(n) * 3, 2)
    w[::11] = 0
    cases.append(multiclass_case("k4_weighted", y, softmax_rows(z), w.tolist()))
    n, k = 40, 5
    y = rng.integers(0, k, n)
    onehot = np.eye(k)[rng.integers(0, k, n)]
    cases.append(multiclass_case("k5_one_hot", y, onehot))
    n, k = 50, 3
    y = rng.integers(0, 2, n)  # class 2 never occurs in y_true
    z = rng.normal(0, 1, (n, k))
    cases.append(multiclass_case("k3_missing_class", y, softmax_rows(z)))
    n, k = 30, 3
    y = rng.integers(0, k, n)
    raw = rng.random((n, k))
    cases.append(multiclass_case("k3_unnormalised", y, raw))
    return cases


def classification_cases(rng):
    cases = []
    m04 = {
        "a_wrong_prediction": ([1, 0, 0], [0, 1, 0]),
        "b_no_positive_predicted": ([1, 0, 1], [0, 0, 0]),
        "c_all_negative_both": ([0, 0, 0], [0, 0, 0]),
        "d_no_positive_true": ([0, 0, 0], [1, 0, 0]),
    }
    for key, (y, p) in m04.items():
        cases.append(classification_case("m04_" + key, y, p, k=2))
    n = 40
    y = rng.integers(0, 2, n).tolist()
    p = rng.integers(0, 2, n).tolist()
    cases.append(classification_case("int_binary", y, p, k=2))
    n = 70
    y = rng.integers(0, 3, n).tolist()
    p = [v if rng.random() < 0.6 else int(rng.integers(0, 3)) for v in y]
    w = np.round(rng.random(n) * 2, 2).tolist()
    cases.append(classification_case("int_k3_weighted", y, p, w=w, k=3))
    n = 30
    y = rng.integers(0, 3, n).tolist()
    p = rng.integers(0, 3, n).tolist()
    cases.append(classification_case("int_k4_absent_class", y, p, k=4))
    cases.append(classification_case("int_k3_one_prediction", y, [1] * n, k=3))

    a, b = list("aabbb"), list("aabbc")
    cases.append(classification_case("m05", a, b))
    cases.append(classification_case("m05_labels_ab", a, b, labels=["a", "b"]))
    # Only a label without support: the weighted average's zero-support branch.
    cases.append(classification_case("m05_labels_c_only", a, b, labels=["c"]))
    animals = np.array(["cat", "dog", "bird"])
    n = 45
    y = animals[rng.integers(0, 3, n)].tolist()
    p = [v if rng.random() < 0.5 else str(animals[rng.integers(0, 3)]) for v in y]
    w = np.round(rng.random(n) * 3, 1).tolist()
    cases.append(classification_case("animals_weighted", y, p, w=w))
    cases.append(
        classification_case("animals_labels_order", y, p, labels=["dog", "cat", "zebra"])
    )
    spam = np.array(["ham", "spam"])
    y = spam[rng.integers(0, 2, 25)].tolist()
    p = spam[rng.integers(0, 2, 25)].tolist()
    cases.append(classification_case("spam_binary", y, p, pos_label="spam"))
    cases.append(classification_case("spam_pos_absent", ["ham"] * 4, ["ham"] * 4, pos_label="spam"))
    cases.append(classification_case("spam_pos_invalid", y, p, pos_label="eggs"))
    cases.append(
        classification_case("unicode_order", ["é", "Z", "a", "b", "é"], ["a", "Z", "é", "b", "b"])
    )
    return cases


def logloss_label_cases():
    cases = []
    inputs = [
        ("m07_string_labels", ["spam", "ham", "ham", "spam"],
         [[0.1, 0.9], [0.9, 0.1], [0.8, 0.2], [0.35, 0.65]], None),
        ("m07_single_label_no_labels", ["1", "1"], [0.9, 0.8], None),
        ("m07_single_label_with_labels", ["1", "1"], [0.9, 0.8], ["0", "1"]),
        ("three_words", ["b", "c", "a", "c"],
         [[0.2, 0.5, 0.3], [0.1, 0.1, 0.8], [0.7, 0.2, 0.1], [0.3, 0.3, 0.4]], None),
        ("labels_unsorted", ["y", "x", "y"], [[0.6, 0.4], [0.5, 0.5], [0.1, 0.9]], ["y", "x"]),
    ]
    for name, y, prob, labels in inputs:
        prob = np.asarray(prob, dtype=float)
        k = 1 if prob.ndim == 1 else prob.shape[1]
        value, _ = call(M.log_loss, y, prob, labels=labels)
        cases.append(
            {
                "name": name,
                "y_true": y,
                "prob": prob.ravel(),
                "k": k,
                "labels": labels,
                "log_loss": value,
            }
        )
    return cases


def regression_cases(rng):
    cases = []
    cases.append(regression_case("m08_normal", [3, -0.5, 2, 7], [2.5, 0.0, 2, 8]))
    cases.append(regression_case("m08_constant_exact", [-1] * 4, [-1] * 4))
    cases.append(regression_case("m08_constant_off", [-1] * 4, [-1, -1, -1, -0.5]))
    cases.append(regression_case("m08_single_sample", [1.0], [2.0]))
    n = 120
    y = np.round(rng.normal(10, 4, n), 1)
    p = np.round(y + rng.normal(0, 2, n), 1)
    cases.append(regression_case("random_120", y, p))
    w = np.round(rng.random(n) * 2, 2)
    w[::9] = 0
    cases.append(regression_case("random_weighted", y, p, w.tolist()))
    cases.append(regression_case("constant_weighted", [2.5] * 5, [2.5, 2.5, 3, 2.5, 2.5], [1, 2, 0, 1, 1]))
    y = 1e6 + np.round(rng.normal(0, 1, 50), 3)
    cases.append(regression_case("large_offset", y, y + np.round(rng.normal(0, 0.5, 50), 3)))
    cases.append(regression_case("worse_than_mean", [1, 2, 3], [3, 2, 1]))
    return cases


def main():
    rng = np.random.default_rng(SEED)
    ref = {
        "generated_by": "gen_reference.py",
        "sklearn_version": sklearn.__version__,
        "numpy_version": np.__version__,
        "python_version": platform.python_version(),
        "seed": SEED,
        "version_notes": VERSION_NOTES,
        "binary": binary_cases(rng),
        "multiclass": multiclass_cases(rng),
        "classification": classification_cases(rng),
        "log_loss_labels": logloss_label_cases(),
        "regression": regression_cases(rng),
    }
    path = sys.argv[1] if len(sys.argv) > 1 else "reference.json"
    text = json.dumps(enc(ref), indent=1, ensure_ascii=False, allow_nan=False)
    short = FLAT_ARRAY.sub(lambda m: " ".join(m.group(0).split()), text)
    assert json.loads(short) == json.loads(text), "array folding changed the data"
    with open(path, "w", encoding="utf-8") as f:
        f.write(short + "\n")


if __name__ == "__main__":
    main()
