package collections

import (
	"errors"
	"fmt"
	"strings"
)

// ErrNotCollection is wrapped by a LoadError when the file is valid JSON but
// not a Postman collection (an environment, globals, iteration data...).
var ErrNotCollection = errors.New("not a Postman collection")

// LoadError is the one error returned for a collection that cannot be
// loaded. Line and Column (1-based) are set for JSON syntax errors, Path
// (like item[3].request.url) for values of the wrong shape.
type LoadError struct {
	Source string
	Line   int
	Column int
	Path   string
	Err    error
}

func (e *LoadError) Error() string {
	var b strings.Builder
	b.WriteString("loading ")
	b.WriteString(e.Source)
	b.WriteString(": ")
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d, column %d: ", e.Line, e.Column)
	}
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

func (e *LoadError) Unwrap() error { return e.Err }

// shapeError reports a value of the wrong JSON type at path.
func shapeError(path, want string, raw []byte) error {
	return &LoadError{Path: path, Err: fmt.Errorf("expected %s, got %s", want, jsonKind(raw))}
}

// position turns a byte offset into a 1-based line and column (in
// characters) of text.
func position(text []byte, offset int64) (line, col int) {
	if offset > int64(len(text)) {
		offset = int64(len(text))
	}
	if offset < 0 {
		offset = 0
	}
	line, col = 1, 1
	for _, r := range string(text[:offset]) {
		if r == '\n' {
			line++
			col = 1
			continue
		}
		col++
	}
	return line, col
}
