package symbols

//go:generate go run ./internal/gen -packages packages.txt -stddocs stddocs.txt -out .
