package symbols

import "reflect"

// Symbols maps "importpath/name" to the exported symbols of each compiled
// package, in the form yaegi's Interpreter.Use expects. The generated files
// of this package fill it in their init functions.
var Symbols = map[string]map[string]reflect.Value{}
