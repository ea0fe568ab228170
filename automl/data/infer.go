package data

import (
	"fmt"
	"math"
)

// column builds a typed Column from the raw values of one CSV column,
// with the declared kind or, when declared is false, the inferred one. The
// note, when not empty, tells the user about a surprising result.
func (rd *reader) column(name string, raw []string, kind Kind, declared bool) (*Column, string, error) {
	if declared && kindNames[kind] == "" {
		return nil, "", fmt.Errorf("data: %s: Options.Types gives column %q the invalid %v", rd.name, name, kind)
	}
	col := &Column{Name: name, Missing: make([]bool, len(raw))}
	present, numbers, firstText, allBool := 0, 0, -1, true
	for i, v := range raw {
		if rd.missing[v] {
			col.Missing[i] = true
			continue
		}
		present++
		if _, ok := ParseNumber(v); ok {
			numbers++
		} else if firstText < 0 {
			firstText = i
		}
		if _, ok := ParseBool(v); !ok {
			allBool = false
		}
	}

	note := ""
	switch {
	case declared:
		col.Kind = kind
	case present == 0:
		col.Kind = Numeric
		note = fmt.Sprintf("column %q: every value is missing", name)
	case numbers == present:
		col.Kind = Numeric
	case allBool:
		col.Kind = Boolean
	default:
		col.Kind = Categorical
		if 2*numbers > present {
			note = fmt.Sprintf("column %q is read as categorical although %d of its %d values are numbers: "+
				"row %d (line %d) holds %q; declare it numeric in Options.Types to report such values as errors, "+
				"or add the token to Options.Missing",
				name, numbers, present, firstText+1, rd.rowLines[firstText], raw[firstText])
		}
	}

	if col.Kind == Categorical {
		col.Str = make([]string, len(raw))
		for i, v := range raw {
			if !col.Missing[i] {
				col.Str[i] = v
			}
		}
		return col, note, nil
	}

	parse, want := ParseNumber, "a number"
	if col.Kind == Boolean {
		parse, want = ParseBool, "a boolean (true or false)"
	}
	col.Num = make([]float64, len(raw))
	for i, v := range raw {
		if col.Missing[i] {
			col.Num[i] = math.NaN()
			continue
		}
		x, ok := parse(v)
		if !ok {
			return nil, "", errorf(ErrValue, "%s: row %d (line %d), column %q: %q is not %s",
				rd.name, i+1, rd.rowLines[i], name, v, want)
		}
		col.Num[i] = x
	}
	return col, note, nil
}
