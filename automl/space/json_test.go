package space

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestSpaceJSONRoundTrip(t *testing.T) {
	sp := Default()
	b, err := json.Marshal(sp)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Load(strings.NewReader(string(b)))
	if err != nil {
		t.Fatalf("Load(Marshal(Default())) = %v", err)
	}
	if got, want := back.String(), sp.String(); got != want {
		t.Errorf("round trip gave\n%s\nwant\n%s", got, want)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct{ name, json, want string }{
		{"unknown field", `[{"name":"x","type":"float","low":0,"hihg":1}]`, "hihg"},
		{"unknown type", `[{"name":"x","type":"bool"}]`, `"x"`},
		{"fractional int", `[{"name":"n","type":"int","low":0.5,"high":2}]`, "low must be an integer"},
		{"int without range", `[{"name":"n","type":"int"}]`, `"n"`},
		{"choices on float", `[{"name":"x","type":"float","low":0,"high":1,"choices":["a"]}]`, `"x"`},
		{"invalid space", `[{"name":"lr","type":"float","low":0,"high":0.1,"log":true}]`, "log distribution"},
		{"condition", `[{"name":"m","type":"float","low":0,"high":1,"when":{"param":"opt","in":["sgd"]}}]`,
			`unknown parameter "opt"`},
	}
	for _, tt := range tests {
		_, err := Load(strings.NewReader(tt.json))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Load() = %v, want an error containing %s", tt.name, err, tt.want)
		}
	}
}
