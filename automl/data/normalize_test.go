package data

import (
	"reflect"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
		lines          []int
	}{
		{"plain", "a,b\n1,2\n", "a,b\n1,2\n", []int{1, 2}},
		{"no final line end", "a,b\n1,2", "a,b\n1,2\n", []int{1, 2}},
		{"bom", "\xEF\xBB\xBFa,b\n1,2\n", "a,b\n1,2\n", []int{1, 2}},
		{"crlf", "a,b\r\n1,2\r\n", "a,b\n1,2\n", []int{1, 2}},
		{"cr only", "a,b\r1,2\r", "a,b\n1,2\n", []int{1, 2}},
		{"blank lines", "\na,b\n\n  \t \n1,2\n\n", "a,b\n1,2\n", []int{2, 5}},
		{"trim unquoted", " a , b \n 1 ,\t2\n", "a,b\n1,2\n", []int{1, 2}},
		{"trim outside quotes only", `a, " x " ,b` + "\n", `a," x ",b` + "\n", []int{1}},
		{"comma in quotes", `"x,y",1` + "\n", `"x,y",1` + "\n", []int{1}},
		{"doubled quote", `"say ""hi""",1` + "\n", `"say ""hi""",1` + "\n", []int{1}},
		{"newline in quotes", "a,b\n\"1\n2\",3\n4,5\n", "a,b\n\"1\n2\",3\n4,5\n", []int{1, 2, 3, 4}},
		{"crlf in quotes kept", "a\r\n\"1\r\n2\"\r\n", "a\n\"1\r\n2\"\n", []int{1, 2, 3}},
		{"blank line in quotes kept", "a\n\"1\n\n2\"\n", "a\n\"1\n\n2\"\n", []int{1, 2, 3, 4}},
		{"all-missing row kept", "a,b\n,\n", "a,b\n,\n", []int{1, 2}},
		{"empty", "", "", nil},
		{"only blank lines", "\r\n \r\n", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := normalize([]byte(tt.in))
			if string(got.text) != tt.want {
				t.Errorf("text: got %q, want %q", got.text, tt.want)
			}
			if !reflect.DeepEqual(got.lines, tt.lines) {
				t.Errorf("lines: got %v, want %v", got.lines, tt.lines)
			}
		})
	}
}
