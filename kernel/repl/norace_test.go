//go:build !race

package repl

// raceDetector is true when the tests run with -race.
const raceDetector = false
