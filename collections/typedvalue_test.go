package collections

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The wire texts below are what Newman 6.2.2 sent for the same values
// (runner/testdata/postman-parity/fresh-round5a-a.json records them).
func TestTypedHeaderWireValues(t *testing.T) {
	t.Parallel()
	tests := []struct {
		key, raw string
		value    string
		json     string
		wire     []string
	}{
		{"X-N", `5`, "5", "5", []string{"5"}},
		{"X-F", `1e+21`, "1e+21", "1e+21", []string{"1e+21"}},
		{"X-T", `true`, "true", "true", []string{"true"}},
		{"X-Null", `null`, "null", "null", []string{"null"}},
		{"X-O", `{"a": 1}`, "[object Object]", `{"a":1}`, []string{"[object Object]"}},
		{"X-A", `[1, "two"]`, "1, two", `[1,"two"]`, []string{"1", "two"}},
		{"X-Nest", `[[1,null],{"a":1},null,"z"]`, "1,, [object Object], null, z", `[[1,null],{"a":1},null,"z"]`, []string{"1,", "[object Object]", "null", "z"}},
		{"X-Empty", `[]`, "", "[]", []string{}},
		{"Cookie", `["a=1","b=2"]`, "a=1; b=2", `["a=1","b=2"]`, []string{"a=1; b=2"}},
		{"cookie", `["a=1"]`, "a=1", `["a=1"]`, []string{"a=1"}},
		// A string (a script's Date) is an ordinary value.
		{"X-Date", `"1970-01-01T00:00:00.000Z"`, "1970-01-01T00:00:00.000Z", "", []string{"1970-01-01T00:00:00.000Z"}},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			t.Parallel()
			h := TypedHeader(tt.key, []byte(tt.raw), false)
			assert.Equal(t, tt.value, h.Value)
			assert.Equal(t, tt.json, h.JSON)
			assert.Equal(t, tt.wire, h.WireValues())
		})
	}
}

func TestMapJSONStrings(t *testing.T) {
	t.Parallel()
	up := strings.ToUpper
	tests := []struct{ in, want string }{
		{`{"b":"x","a":["y",1,null,true,{"k":"z"}]}`, `{"b":"X","a":["Y",1,null,true,{"k":"Z"}]}`},
		{`{"{{n}}":"{{n}}"}`, `{"{{n}}":"{{N}}"}`}, // keys stay
		{`"<&>"`, `"<&>"`},
		{`1e+21`, `1e+21`},
		{`[`, `[`}, // not JSON: as it was
		{strings.Repeat("[", 5000) + strings.Repeat("]", 5000), strings.Repeat("[", 5000) + strings.Repeat("]", 5000)},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, MapJSONStrings(tt.in, up), tt.in[:min(len(tt.in), 40)])
	}
}

// Newman 6.2.2 sent these urlencoded bodies for the same rows
// (fresh-round5a-j.json): a=1&a=two&a= for [1,"two",null], f=1.5, o= for an
// object; a form-data row sends an object as its JSON.
func TestTypedFormParam(t *testing.T) {
	t.Parallel()
	tests := []struct {
		raw        string
		urlencoded bool
		value      string
		wire       []string
	}{
		{`[1,"two",null]`, true, "1,two,", []string{"1", "two", ""}},
		{`1.5`, true, "1.5", []string{"1.5"}},
		{`true`, true, "true", []string{"true"}},
		{`{"a":1}`, true, "", []string{""}},
		{`{"x": 1}`, false, `{"x":1}`, []string{`{"x":1}`}},
		{`"s"`, true, "s", []string{"s"}},
	}
	for _, tt := range tests {
		p := TypedFormParam(FormParam{Key: "k"}, []byte(tt.raw), tt.urlencoded)
		assert.Equal(t, tt.value, p.Value, tt.raw)
		if tt.urlencoded {
			assert.Equal(t, tt.wire, FormWireValues(p), tt.raw)
		}
	}
}

// MaskJSON hides a secret wherever a typed value holds it, a number
// included, and keeps the text valid JSON.
func TestMaskJSON(t *testing.T) {
	t.Parallel()
	mask := func(s string) string {
		return strings.ReplaceAll(strings.ReplaceAll(s, "48213977", "***"), "s3cret", "***")
	}
	deep := strings.Repeat("[", 1001) + `"s3cret"` + strings.Repeat("]", 1001)
	tests := []struct{ in, want string }{
		{`48213977`, `"***"`},
		{`[48213977,1,"s3cret",null,true]`, `["***",1,"***",null,true]`},
		{`{"s3cret":{"k":48213977},"n":482139770}`, `{"***":{"k":"***"},"n":"***0"}`},
		{`1.5`, `1.5`},
		{`[`, `[`}, // not JSON, nothing to hide
		{deep, strings.Repeat("[", 1001) + `"***"` + strings.Repeat("]", 1001)}, // too deep: masked as text
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, MaskJSON(tt.in, mask), tt.in[:min(len(tt.in), 40)])
	}
}
