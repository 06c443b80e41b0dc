package environments

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/courier-run/courier/internal/lazyre"
)

// LoadData reads an iteration data file (-d): JSON, an array of objects, or
// CSV with a header row. Like Newman it tries JSON first and falls back to
// CSV whatever the file is called. Each row becomes a scope named "data"
// whose variables keep the file's column order.
func LoadData(path string) ([]*Scope, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("loading iteration data: %w", err)
	}
	return ParseData(b, path)
}

// ParseData parses iteration data; source names it in errors.
func ParseData(b []byte, source string) ([]*Scope, error) {
	text, err := decodeText(b)
	if err != nil {
		return nil, &LoadError{File: source, Err: err}
	}
	trimmed := bytes.TrimSpace(text)
	if json.Valid(trimmed) {
		rows, err := parseJSONData(trimmed)
		if err != nil {
			return nil, withSource(err, source)
		}
		return rows, nil
	}
	// Newman would read broken JSON as CSV and run with garbage rows; a
	// .json file, or text that opens like JSON, gets the JSON error.
	if strings.EqualFold(filepath.Ext(source), ".json") || (len(trimmed) > 0 && (trimmed[0] == '[' || trimmed[0] == '{')) {
		var v any
		err := json.Unmarshal(trimmed, &v)
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col := lineCol(trimmed, max(int(se.Offset)-1, 0))
			return nil, &LoadError{File: source, Line: line, Column: col,
				Err: fmt.Errorf("%v (a data file is a JSON array of objects, or CSV with a header row)", se)}
		}
		return nil, &LoadError{File: source, Err: fmt.Errorf("not valid JSON: %v", err)}
	}
	rows, err := ParseCSV(text)
	if err != nil {
		return nil, withSource(err, source)
	}
	return rows, nil
}

// parseJSONData reads an array of objects, keeping each object's key order.
func parseJSONData(b []byte) ([]*Scope, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, &LoadError{Err: err}
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return nil, &LoadError{Err: fmt.Errorf("expected an array of objects, got %s", tokenKind(tok))}
	}
	var rows []*Scope
	for i := 0; dec.More(); i++ {
		tok, err := dec.Token()
		if err != nil {
			return nil, &LoadError{Path: fmt.Sprintf("[%d]", i), Err: err}
		}
		if d, ok := tok.(json.Delim); !ok || d != '{' {
			return nil, &LoadError{Path: fmt.Sprintf("[%d]", i), Err: fmt.Errorf("expected an object, got %s", tokenKind(tok))}
		}
		row := NewScope("data", nil)
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return nil, &LoadError{Path: fmt.Sprintf("[%d]", i), Err: err}
			}
			key, _ := kt.(string) // object keys are always strings
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return nil, &LoadError{Path: fmt.Sprintf("[%d].%s", i, key), Err: err}
			}
			text, typ := encodeRaw(raw)
			if typ == "" {
				typ = TypeString
			}
			if typ == TypeNumber {
				// Newman JSON.parses the file: 1.0 is 1, and a number past
				// 2^53 is the double nearest to it.
				if f, err := strconv.ParseFloat(text, 64); err == nil {
					text = FormatNumber(f)
				}
			}
			row.SetTyped(key, text, typ)
		}
		if _, err := dec.Token(); err != nil { // the closing '}'
			return nil, &LoadError{Path: fmt.Sprintf("[%d]", i), Err: err}
		}
		rows = append(rows, row)
	}
	return rows, nil
}

func tokenKind(t json.Token) string {
	switch v := t.(type) {
	case json.Delim:
		if v == '{' {
			return "an object"
		}
		return "an array"
	case nil:
		return "null"
	}
	return jsonKind(t)
}

// ParseCSV parses CSV iteration data the way Newman configures csv-parse
// (columns: true, trim: true, relax: true, relax_column_count: true,
// bom: true, plus its number casting):
//
//   - the first record names the columns; a later duplicate column wins;
//   - whitespace around fields is dropped; quoted fields may hold commas,
//     newlines and "" escapes; a stray quote inside an unquoted field is kept;
//   - short rows leave columns unset, extra fields are dropped;
//   - an empty line is a row whose first column is "";
//   - an unquoted field that looks like a number becomes a number ("007"
//     reads as 7), a quoted one stays text.
func ParseCSV(text []byte) ([]*Scope, error) {
	text = bytes.TrimPrefix(text, []byte{0xEF, 0xBB, 0xBF})
	p := csvParser{s: string(text), line: 1}
	header, err := p.record()
	if err != nil {
		return nil, err
	}
	if header == nil {
		return nil, nil
	}
	cols := make([]string, len(header))
	for i, f := range header {
		cols[i] = f.text
	}
	var rows []*Scope
	for {
		rec, err := p.record()
		if err != nil {
			return nil, err
		}
		if rec == nil {
			return rows, nil
		}
		row := NewScope("data", nil)
		for i, f := range rec {
			if i >= len(cols) {
				break
			}
			if !f.quoted {
				if n, ok := csvNumber(f.text); ok {
					row.SetTyped(cols[i], FormatNumber(n), TypeNumber)
					continue
				}
			}
			row.SetTyped(cols[i], f.text, TypeString)
		}
		rows = append(rows, row)
	}
}

type csvField struct {
	text   string
	quoted bool
}

type csvParser struct {
	s    string
	i    int
	line int
}

func isCSVSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\f' }

// record reads one record; nil at the end of input.
func (p *csvParser) record() ([]csvField, error) {
	if p.i >= len(p.s) {
		return nil, nil
	}
	var rec []csvField
	for {
		f, err := p.field()
		if err != nil {
			return nil, err
		}
		rec = append(rec, f)
		if p.i >= len(p.s) {
			return rec, nil
		}
		switch p.s[p.i] {
		case ',':
			p.i++
			if p.i >= len(p.s) { // "a," at the very end: one more empty field
				return append(rec, csvField{}), nil
			}
		case '\r':
			p.i++
			if p.i < len(p.s) && p.s[p.i] == '\n' {
				p.i++
			}
			p.line++
			return rec, nil
		case '\n':
			p.i++
			p.line++
			return rec, nil
		}
	}
}

// field reads one field and stops at a delimiter, a line end or the end.
func (p *csvParser) field() (csvField, error) {
	for p.i < len(p.s) && isCSVSpace(p.s[p.i]) {
		p.i++
	}
	if p.i < len(p.s) && p.s[p.i] == '"' {
		start := p.line
		p.i++
		var b strings.Builder
		for {
			if p.i >= len(p.s) {
				return csvField{}, &LoadError{Line: start, Column: 1, Err: errors.New("quoted field is not closed")}
			}
			c := p.s[p.i]
			if c == '"' {
				if p.i+1 < len(p.s) && p.s[p.i+1] == '"' {
					b.WriteByte('"')
					p.i += 2
					continue
				}
				p.i++
				break
			}
			if c == '\n' {
				p.line++
			}
			b.WriteByte(c)
			p.i++
		}
		for p.i < len(p.s) && isCSVSpace(p.s[p.i]) {
			p.i++
		}
		if p.i < len(p.s) && !strings.ContainsRune(",\r\n", rune(p.s[p.i])) {
			return csvField{}, &LoadError{Line: p.line, Column: p.column(), Err: errors.New("unexpected text after a closing quote")}
		}
		return csvField{text: b.String(), quoted: true}, nil
	}
	start := p.i
	for p.i < len(p.s) && !strings.ContainsRune(",\r\n", rune(p.s[p.i])) {
		p.i++
	}
	return csvField{text: strings.TrimRight(p.s[start:p.i], " \t\f")}, nil
}

func (p *csvParser) column() int {
	return p.i - strings.LastIndexByte(p.s[:p.i], '\n')
}

var csvIntRE = lazyre.New(`^[-+]?[1-9][0-9]*$`)

// csvNumber applies Newman's csvAutoParse: integers without a leading zero
// go through parseInt, anything where Number(v) - parseFloat(v) + 1 >= 0
// through parseFloat.
func csvNumber(v string) (float64, bool) {
	if csvIntRE().MatchString(v) {
		f, _ := strconv.ParseFloat(v, 64)
		return f, true
	}
	n := jsNumberFromString(v)
	pf := jsParseFloat(v)
	if d := n - pf + 1; d >= 0 && !math.IsNaN(d) {
		return pf, true
	}
	return 0, false
}

var parseFloatRE = lazyre.New(`^[-+]?(Infinity|(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)`)

// jsParseFloat is JavaScript's parseFloat: the longest numeric prefix.
func jsParseFloat(s string) float64 {
	s = strings.TrimLeft(s, " \t\n\r\f\v")
	m := parseFloatRE().FindString(s)
	if m == "" {
		return math.NaN()
	}
	switch strings.TrimLeft(m, "+-") {
	case "Infinity":
		if m[0] == '-' {
			return math.Inf(-1)
		}
		return math.Inf(1)
	}
	f, err := strconv.ParseFloat(m, 64)
	if err != nil {
		// Out of range: ParseFloat returns ±Inf with the error, as JS does.
		return f
	}
	return f
}
