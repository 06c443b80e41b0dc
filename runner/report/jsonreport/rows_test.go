package jsonreport

import (
	"encoding/json"
	"testing"
)

// TestRowsKeepNameAndDisabledFalse checks that a row's name and an
// explicit disabled: false come first, as Newman 6.2.2's report writes
// them (postman-collection's Property), and that rows without them are
// written as before.
func TestRowsKeepNameAndDisabledFalse(t *testing.T) {
	t.Parallel()
	v := "1"
	tests := []struct {
		name string
		row  any
		want string
	}{
		{"header with both", KV{Name: "X-A", DisabledSet: true, Key: "X-A", Value: "1"}, `{"name":"X-A","disabled":false,"key":"X-A","value":"1"}`},
		{"header name alone", KV{Name: "N", Key: "k", Value: "1"}, `{"name":"N","key":"k","value":"1"}`},
		{"header disabled", KV{Name: "C", Disabled: true, DisabledSet: true, Key: "k", Value: "1"}, `{"name":"C","disabled":true,"key":"k","value":"1"}`},
		{"plain header", KV{Key: "k", Value: "1"}, `{"key":"k","value":"1"}`},
		{"typed header, disabled false", KV{DisabledSet: true, Key: "k", Typed: "5"}, `{"disabled":false,"key":"k","value":5}`},
		{"urlencoded without value", KV{Name: "U", DisabledSet: true, Key: "u", NoValue: ValueUnset}, `{"name":"U","disabled":false,"key":"u"}`},
		{"query with both", Query{Name: "Q", Disabled: Flag{Set: true}, Key: "q", Value: &v}, `{"name":"Q","disabled":false,"key":"q","value":"1"}`},
		{"query disabled", Query{Name: "S", Disabled: Flag{On: true, Set: true}, Key: "s", Value: &v}, `{"name":"S","disabled":true,"key":"s","value":"1"}`},
		{"plain query", Query{Key: "q"}, `{"key":"q","value":null}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b, err := json.Marshal(tt.row)
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tt.want {
				t.Errorf("got  %s\nwant %s", b, tt.want)
			}
		})
	}
}
