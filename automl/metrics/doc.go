// Package metrics scores classifiers and regressors with the semantics of
// scikit-learn's sklearn.metrics (reference: scikit-learn 1.2.1, the version
// in Debian; differences with newer versions are noted where they matter).
//
// # Inputs
//
// The functions take plain slices. Two families share one set of rules:
//
//   - Class-index functions, used by the AutoML pipeline: classes are ints in
//     [0, k) and every class in [0, k) is scored, as scikit-learn with
//     labels=range(k). Binary scores and probabilities are those of class 1;
//     multiclass probabilities are a row-major rows*k slice (element (i, j)
//     is prob[i*k+j]), matching Model.Predict. These are Accuracy,
//     ConfusionMatrix, PRF, PerClass, ClassificationReport, LogLoss,
//     BrierScore, ROCCurve, ROCAUC, ROCAUCOvR, ROCAUCPerClass, PRCurve,
//     AveragePrecision and ThresholdScores.
//   - String-label functions, named with the suffix Labels, follow
//     scikit-learn's label inference: the labels are the WithLabels list or
//     else the sorted union of the labels present. These are AccuracyLabels,
//     ConfusionMatrixLabels, PRFLabels, PerClassLabels,
//     ClassificationReportLabels and LogLossLabels.
//
// ClassIndices converts the pipeline's float64 class targets to ints, and
// PredictClasses turns model scores into predicted classes. Regression
// functions (MSE, RMSE, MAE, R2) take float64 targets and predictions; AUC
// integrates any monotonic curve.
//
// Options (WithWeights, WithLabels, WithPosLabel, WithAverage, WithBeta,
// WithZeroDivision, WithEps, WithForceFinite) are passed variadically; each
// function lists those it accepts and rejects the others with an error.
//
// # Errors and undefined metrics
//
// Every input is validated before any computation: empty input (ErrEmpty),
// mismatched lengths (ErrLength), NaN or infinite scores, probabilities,
// targets or weights (ErrNonFinite; nothing is sorted with a NaN), labels
// outside the allowed set (ErrLabel) and other bad arguments (ErrInvalid).
// Messages name the function, the argument and the index, e.g.
// "metrics: ROCAUC: score[1] is NaN: input contains NaN or infinity".
//
// A metric that is mathematically undefined for its input (ROC AUC with one
// class in yTrue, average precision without positives, R2 of one sample)
// returns an error wrapping ErrUndefined together with the value that
// scikit-learn returns alongside its UndefinedMetricWarning: NaN for ROC AUC
// (scikit-learn >= 1.6; <= 1.5 raises), 0 for average precision, NaN for R2.
// Callers choose: treat it as an error, or keep the value with
// errors.Is(err, ErrUndefined). A silent 0 or 0.5 is never returned.
//
// Precision, recall and F-scores with a zero denominator are not errors;
// they take the WithZeroDivision value (0, 1 or NaN) and are listed in the
// Warnings of the result.
//
// # Version notes
//
// ROC thresholds start at max(score)+1 (scikit-learn <= 1.2) rather than
// +Inf (>= 1.3). The F-score is computed from counts, as scikit-learn >= 1.4
// does; the results equal 1.2's up to rounding. ZeroDivisionNaN follows
// scikit-learn >= 1.3, which drops NaN values from averages. LogLoss clips
// at float64 machine epsilon and renormalises rows, as 1.2 does by default.
//
// The reference values in testdata/reference.json are produced by
// testdata/gen_reference.py with scikit-learn; the tests compare within
// 1e-9.
package metrics
