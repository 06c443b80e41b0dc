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
		{"query with both", Query{Name: json.RawMessage(`"Q"`), Disabled: Flag{Set: true}, Key: "q", Value: &v}, `{"name":"Q","disabled":false,"key":"q","value":"1"}`},
		{"query disabled", Query{Name: json.RawMessage(`"S"`), Disabled: Flag{On: true, Set: true}, Key: "s", Value: &v}, `{"name":"S","disabled":true,"key":"s","value":"1"}`},
		// What else postman-collection keeps (collections.RowMeta), as Newman 6.2.2's report writes it.
		{"header meta", KV{Name: "5", DisabledSet: true, Key: "k", Value: "1", Meta: `{"id":7,"name":5,"disabled":null,"system":false}`}, `{"id":7,"name":5,"disabled":null,"key":"k","value":"1","system":false}`},
		{"header meta id alone", KV{Name: "N", Key: "k", Value: "1", Meta: `{"id":"abc"}`}, `{"id":"abc","name":"N","key":"k","value":"1"}`},
		{"header meta broken by masking", KV{Name: "N", Key: "k", Value: "1", Meta: `{"id":"***`}, `{"name":"N","key":"k","value":"1"}`},
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

func TestQueryMeta(t *testing.T) {
	t.Parallel()
	v := "1"
	q := Query{Key: "q", Value: &v}
	q.SetMeta("true", `{"id":{"x":1},"name":true,"system":true}`)
	b, err := json.Marshal(q)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"id":{"x":1},"name":true,"key":"q","value":"1","system":true}`; string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
}
