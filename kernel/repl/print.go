package repl

import (
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
)

// builtinPrint formats args the way Go's builtin print does and writes
// them to w: no spaces between operands, floats as +1.500000e+000. With
// newline it behaves like println: spaces between operands and a final
// newline. The interpreter's own print builtins write to standard output;
// cells are rewritten to call this instead, so the text goes to standard
// error as in compiled Go.
func builtinPrint(w io.Writer, newline bool, args []any) {
	var b strings.Builder
	for i, a := range args {
		if newline && i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(printOperand(a))
	}
	if newline {
		b.WriteByte('\n')
	}
	_, _ = io.WriteString(w, b.String())
}

// printOperand formats one operand of print/println like the Go runtime
// (runtime/print.go): numbers, booleans and strings by value, floats in
// %e form with a sign and a three-digit exponent, reference types as an
// address.
func printOperand(a any) string {
	if a == nil {
		return "(0x0,0x0)"
	}
	v := reflect.ValueOf(a)
	switch v.Kind() {
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.FormatUint(v.Uint(), 10)
	case reflect.Float32, reflect.Float64:
		return printFloat(v.Float())
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		return "(" + printFloat(real(c)) + printFloat(imag(c)) + "i)"
	case reflect.String:
		return v.String()
	case reflect.Slice:
		return fmt.Sprintf("[%d/%d]%#x", v.Len(), v.Cap(), v.Pointer())
	case reflect.Pointer, reflect.Map, reflect.Chan, reflect.Func, reflect.UnsafePointer:
		return fmt.Sprintf("%#x", v.Pointer())
	}
	return fmt.Sprint(a)
}

// printFloat formats f as the runtime's printfloat: "+1.500000e+000",
// "NaN", "+Inf", "-Inf".
func printFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "+Inf"
	case math.IsInf(f, -1):
		return "-Inf"
	}
	s := strconv.FormatFloat(f, 'e', 6, 64) // d.dddddde±dd
	mant, exp, _ := strings.Cut(s, "e")
	if !strings.HasPrefix(mant, "-") {
		mant = "+" + mant
	}
	sign, digits := exp[:1], exp[1:]
	return mant + "e" + sign + strings.Repeat("0", max(0, 3-len(digits))) + digits
}
