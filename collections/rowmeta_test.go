package collections

import (
	"encoding/json"
	"testing"
)

// TestRowMeta: what postman-collection 4.4.0 keeps of a row beyond its
// typed fields, in Property's order (answers of Newman 6.2.2 in
// runner/testdata/postman-parity/fresh-round10p-rows.json).
func TestRowMeta(t *testing.T) {
	t.Parallel()
	raw := func(s string) json.RawMessage {
		if s == "" {
			return nil
		}
		return json.RawMessage(s)
	}
	tests := []struct {
		name                       string
		id, rowName, disabled, sys string
		rawDisabled, withSystem    bool
		want                       string
	}{
		{"nothing", "", "", "", "", true, true, ""},
		{"string name and boolean disabled are typed fields", "", `"N"`, "false", "", true, true, ""},
		{"falsy ids are not kept", `""`, "", "", "", true, true, ""},
		{"zero id", "0", "", "", "", true, true, ""},
		{"id of any type", `{"x":1}`, "", "", "", false, false, `{"id":{"x":1}}`},
		{"string id that reads 0", `"0"`, "", "", "", false, false, `{"id":"0"}`},
		{"name that is not a string", "", "5", "", "", false, false, `{"name":5}`},
		{"false name is no name", "", "false", "", "", false, false, ""},
		{"header's null disabled", "", "", "null", "", true, true, `{"disabled":null}`},
		{"header's string disabled", "", "", `"yes"`, "", true, true, `{"disabled":"yes"}`},
		{"query's disabled is Boolean", "", "", "null", "", false, true, ""},
		{"system as given", "", "", "", "false", true, true, `{"system":false}`},
		{"form rows have no system", "", "", "", "true", false, false, ""},
		{"all in Property's order", `7`, `true`, `0`, `true`, true, true, `{"id":7,"name":true,"disabled":0,"system":true}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := RowMeta(raw(tt.id), raw(tt.rowName), raw(tt.disabled), raw(tt.sys), tt.rawDisabled, tt.withSystem)
			if got != tt.want {
				t.Errorf("RowMeta = %q, want %q", got, tt.want)
			}
		})
	}
}
