// Package data reads tabular data from CSV files into typed, named columns,
// and describes it: column kinds, missing values, the task a target column
// implies and its class balance.
//
// Read and ReadCSV accept the CSV files found in practice (a UTF-8
// byte-order mark, CRLF or old-Mac CR line ends, blank lines, quoted fields
// with commas and line breaks) and reject malformed ones with errors that
// name the file, the row, the line and the column. Column kinds are
// inferred (Numeric, Boolean, Categorical) unless declared in Options.Types.
//
// A Frame is column-major: a numeric column is a []float64 with NaN where a
// value is missing, so that the preprocessing in package prep can work on
// whole columns.
package data
