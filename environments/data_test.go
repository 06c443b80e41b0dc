package environments

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// rowsString renders rows as key=value(type) lists so order and types are
// both compared.
func rowsString(rows []*Scope) string {
	var b strings.Builder
	for i, r := range rows {
		if i > 0 {
			b.WriteString(" | ")
		}
		for j, v := range r.Variables() {
			if j > 0 {
				b.WriteString(", ")
			}
			t := "s"
			if v.Type == TypeNumber {
				t = "n"
			} else if v.Type != TypeString {
				t = v.Type
			}
			fmt.Fprintf(&b, "%s=%q:%s", v.Key, v.Value, t)
		}
	}
	return b.String()
}

// Expectations were checked against csv-parse 4.16.3 with Newman 6.2.2's
// options and csvAutoParse.
func TestParseCSV(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, want string }{
		{"numbers", "a,b\n1,2\n", `a="1":n, b="2":n`},
		{"short and long rows", "a,b\n1,2,3\n4\n", `a="1":n, b="2":n | a="4":n`},
		{"blank lines are rows", "a,b\n\n1,2\n\n", `a="":s | a="1":n, b="2":n | a="":s`},
		{"trim and quoted comma", "a , b \n  x , \"y, z\" \n", `a="x":s, b="y, z":s`},
		{"number casting", "a,b\n007,0\n\"007\",1e3\n0x10,-5.5\n.5, 12abc\n", `a="7":n, b="0":n | a="007":s, b="1000":n | a="0":n, b="-5.5":n | a="0.5":n, b="12abc":s`},
		{"multiline and escaped quote", "a,b\r\n\"multi\nline\",\"q\"\"uote\"\r\n", `a="multi\nline":s, b="q\"uote":s`},
		{"stray quote kept", "a,b\nab\"c,d\n", `a="ab\"c":s, b="d":s`},
		{"bom", "\uFEFFa,b\n1,2", `a="1":n, b="2":n`},
		{"duplicate column keeps first position, last value", "a,a\n1,2\n", `a="2":n`},
		{"blank fields", "a,b\n , \n", `a="":s, b="":s`},
		{"empty column name", "a,,c\n1,2,3\n", `a="1":n, ="2":n, c="3":n`},
		{"signs", "a,b\n+5,-0\n", `a="5":n, b="0":n`},
		{"quoted header", " \"a\" ,b\n1,2\n", `a="1":n, b="2":n`},
		{"header only", "a,b\n", ``},
		{"empty input", "", ``},
		{"big integer loses precision like JS", "id\n89111702272002019559\n", `id="89111702272002020000":n`},
		{"cr line ends", "a\r1\r2", `a="1":n | a="2":n`},
		{"trailing comma", "a,b\n1,", `a="1":n, b="":s`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rows, err := ParseCSV([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := rowsString(rows); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestParseCSVErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in        string
		line, col int
		msg       string
	}{
		{"a,b\n\"x\" y,z\n", 2, 5, "after a closing quote"},
		{"a,b\n1,\"open\n", 2, 1, "not closed"},
	}
	for _, tt := range tests {
		_, err := ParseData([]byte(tt.in), "data.csv")
		var le *LoadError
		if !errors.As(err, &le) {
			t.Fatalf("%q: error %v is not a *LoadError", tt.in, err)
		}
		if le.File != "data.csv" || le.Line != tt.line || le.Column != tt.col || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%q: got %v (line %d col %d), want line %d col %d %q", tt.in, err, le.Line, le.Column, tt.line, tt.col, tt.msg)
		}
	}
}

func TestParseDataJSON(t *testing.T) {
	t.Parallel()
	rows, err := ParseData([]byte("\uFEFF"+` [{"z":"1","a":2,"m":true,"o":{"k":[1]},"l":[],"n":null},{"only":"x"}] `), "d.json")
	if err != nil {
		t.Fatal(err)
	}
	want := `z="1":s, a="2":n, m="true":boolean, o="{\"k\":[1]}":object, l="[]":array, n="":null | only="x":s`
	if got := rowsString(rows); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got := rows[0].Variables()[3]; !reflect.DeepEqual(got.Native(), map[string]any{"k": []any{float64(1)}}) {
		t.Errorf("object value reads back as %#v", got.Native())
	}
	for _, bad := range []struct{ in, path, msg string }{
		{`{"a":1}`, "", "expected an array of objects, got an object"},
		{`[{"a":1}, 5]`, "[1]", "expected an object, got a number"},
		{`[[1]]`, "[0]", "expected an object, got an array"},
	} {
		_, err := ParseData([]byte(bad.in), "d.json")
		var le *LoadError
		if !errors.As(err, &le) || le.Path != bad.path || !strings.Contains(err.Error(), bad.msg) || le.File != "d.json" {
			t.Errorf("%s: got %v", bad.in, err)
		}
	}
}

func TestCorpusDataLoad(t *testing.T) {
	t.Parallel()
	corpusFiles(t)
	tests := []struct {
		file  string
		rows  int
		first string // rowsString of the first row
	}{
		{"postmanlabs__newman/test__integration__comma-test-csv__comma-test-csv.postman_data.csv", 1,
			`nameWithComma="Abhijit, Kane":s, nameWithDoubleQuotes="Abhijit \"KDOS\" Kane":s, numberWithQuotes="00123":s, numberWithoutQuotes="7890":n, negativeNumberWithoutQuotes="-7890":n, nullValue="":s, longNumber="89111702272002019559":s, spaceAfterComma="foo":s, spaceBeforeComma="bar":s, nameWithUnescapedQuotes="Abhijit \"KDOS\" Kane":s`},
		{"postmanlabs__newman/test__integration__csv-with-bom__csv-with-bom.postman_data.csv", 1, `c1="123":s, c2="foo \"bar\" baz":s`},
		{"postmanlabs__postman-runtime/test__fixtures__new.csv", 14, `key="1":n, value="😀":s`},
		{"postmanlabs__newman/test__integration__custom-http-method__upload-file.csv", 3, `key="a":s, val="1":n`},
		{"postmanlabs__newman/test__integration__steph__steph.postman_data.json", 2, `first="sampleFirstName1":s, last="sampleLastName1":s`},
		{"postmanlabs__newman/test__fixtures__run__test-data.postman_data.json", 2, `key="value":s`},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			t.Parallel()
			rows, err := LoadData(filepath.Join(corpusDir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != tt.rows {
				t.Fatalf("got %d rows, want %d", len(rows), tt.rows)
			}
			if got := rowsString(rows[:1]); got != tt.first {
				t.Errorf("first row\ngot  %s\nwant %s", got, tt.first)
			}
		})
	}
}

// Every corpus file marked as data that is CSV or an array of objects loads.
func TestCorpusDataFilesParse(t *testing.T) {
	t.Parallel()
	for _, name := range corpusFiles(t, "data") {
		ext := filepath.Ext(name)
		if ext != ".csv" && !strings.Contains(name, "data") {
			continue // certificates lists, reports, PDFs: not iteration data
		}
		t.Run(filepath.Base(name), func(t *testing.T) {
			t.Parallel()
			rows, err := LoadData(filepath.Join(corpusDir, name))
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) == 0 {
				t.Error("no rows")
			}
		})
	}
}

func TestValueTyping(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in       any
		text     string
		typ      string
		readBack any
	}{
		{"hello", "hello", "", "hello"},
		{"", "", "", ""},
		{float64(5), "5", TypeNumber, float64(5)},
		{1.5, "1.5", TypeNumber, 1.5},
		{int64(-3), "-3", TypeNumber, float64(-3)},
		{1e21, "1e+21", TypeNumber, 1e21},
		{1e-7, "1e-7", TypeNumber, 1e-7},
		{true, "true", TypeBoolean, true},
		{false, "false", TypeBoolean, false},
		{nil, "", TypeNull, nil},
		{map[string]any{"a": 1.0}, `{"a":1}`, TypeObject, map[string]any{"a": 1.0}},
		{[]any{1.0, "x"}, `[1,"x"]`, TypeArray, []any{1.0, "x"}},
		{json.RawMessage(`{"z":1,"a":2}`), `{"z":1,"a":2}`, TypeObject, map[string]any{"z": 1.0, "a": 2.0}},
		{json.RawMessage(`"s"`), "s", "", "s"},
	}
	for _, tt := range tests {
		text, typ := EncodeValue(tt.in)
		if text != tt.text || typ != tt.typ {
			t.Errorf("EncodeValue(%#v) = %q, %q; want %q, %q", tt.in, text, typ, tt.text, tt.typ)
		}
		got := Variable{Value: text, Type: typ}.Native()
		if !reflect.DeepEqual(got, tt.readBack) {
			t.Errorf("Native of %#v = %#v, want %#v", tt.in, got, tt.readBack)
		}
	}
	if f := (Variable{Value: "abc", Type: TypeNumber}).Native().(float64); !math.IsNaN(f) {
		t.Errorf("Number(abc) = %v", f)
	}
	for _, c := range []struct {
		s string
		f float64
	}{{" 12 ", 12}, {"", 0}, {"0x1F", 31}, {"0b11", 3}, {"-Infinity", math.Inf(-1)}} {
		if got := jsNumberFromString(c.s); got != c.f {
			t.Errorf("Number(%q) = %v, want %v", c.s, got, c.f)
		}
	}
	for _, s := range []string{"1_000", "inf", "NaN", "12px", "0x"} {
		if got := jsNumberFromString(s); !math.IsNaN(got) {
			t.Errorf("Number(%q) = %v, want NaN", s, got)
		}
	}
}

func TestSetNative(t *testing.T) {
	t.Parallel()
	s := NewScope("environment", []Variable{{Key: "pw", Value: "old", Type: TypeSecret}})
	s.SetNative("pw", "new")
	s.SetNative("fresh", "text")
	s.SetNative("n", 5.0)
	s.SetNative("n2", 5.0)
	s.SetNative("n2", "five")
	want := []Variable{
		{Key: "pw", Value: "new", Type: TypeSecret},
		{Key: "fresh", Value: "text", Type: TypeAny},
		{Key: "n", Value: "5", Type: TypeNumber},
		{Key: "n2", Value: "five", Type: TypeAny},
	}
	if got := s.Variables(); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}
