// Package prep prepares a data.Frame for model training: it splits the rows
// (stratified for classification), encodes class labels, computes balanced
// class weights, and fits a preprocessing Pipeline that turns columns into
// a dense float64 matrix.
//
// The usual order keeps the test rows out of every statistic:
//
//  1. y, labels := EncodeTarget(target column, task) gives class indices;
//  2. TrainValidTest(y, task, valid, test, seed) gives the row indices of
//     the three parts (or Folds gives cross-validation folds);
//  3. Fit(frame, split.Train, target, task) learns medians, means, scales
//     and category levels from the training rows only;
//  4. Transform and Target encode any rows, and later new files.
//
// Splits are deterministic for a given seed (math/rand/v2 PCG) and follow
// scikit-learn's allocation rules; the preprocessing matches scikit-learn's
// SimpleImputer(strategy="median", add_indicator=True) + StandardScaler for
// numeric columns and OneHotEncoder for categorical ones. A Pipeline is
// plain data: it saves and loads with encoding/json.
package prep
