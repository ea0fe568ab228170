package prep

import (
	"strings"
	"testing"
)

func TestLabels(t *testing.T) {
	tests := []struct {
		values  string
		classes string
		numeric bool
		encode  map[string]int
	}{
		{"pos,neg,pos", "neg,pos", false, map[string]int{"neg": 0, "pos": 1}},
		{"b,B,a", "B,a,b", false, map[string]int{"B": 0, "a": 1, "b": 2}},
		{"10,9,2,9", "2,9,10", true, map[string]int{"2": 0, "9.0": 1, "1e1": 2}},
		{"1.0,0,1", "0,1", true, map[string]int{"0": 0, "1": 1, "1.00": 1}},
		{"true,false", "false,true", false, map[string]int{"false": 0, "true": 1}},
		{"10,x,9", "10,9,x", false, map[string]int{"10": 0, "9": 1}},
	}
	for _, tt := range tests {
		l := NewLabels(strings.Split(tt.values, ","))
		if got := strings.Join(l.Classes, ","); got != tt.classes || l.Numeric != tt.numeric {
			t.Errorf("NewLabels(%s): got %s numeric %v, want %s numeric %v", tt.values, got, l.Numeric, tt.classes, tt.numeric)
		}
		for s, want := range tt.encode {
			if got, err := l.Encode(s); got != want || err != nil {
				t.Errorf("%s: Encode(%q): got %d, %v, want %d", tt.values, s, got, err, want)
			}
			if got := l.Decode(want); got != l.Classes[want] {
				t.Errorf("Decode(%d): got %q, want %q", want, got, l.Classes[want])
			}
		}
		for _, s := range []string{"", "zzz", "3.5"} {
			if _, err := l.Encode(s); err == nil {
				t.Errorf("%s: Encode(%q): got no error", tt.values, s)
			}
		}
	}
}
