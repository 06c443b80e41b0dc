// Package jsonobject reads a JSON object's members in the order the text
// gives them. encoding/json decodes objects into maps, which lose that order,
// and Postman's files and reports are read and written in it (auth
// parameters, query maps, report fields, environment files kept byte for
// byte), so collections, environments and the report all need it.
package jsonobject

import (
	"bytes"
	"encoding/json"
	"errors"
)

// Member is one key of a JSON object and its value as written.
type Member struct {
	Key   string
	Value json.RawMessage
}

// ErrNotObject is returned when the text is valid JSON but not an object.
var ErrNotObject = errors.New("not an object")

// Members decodes a JSON object into its members, in order. A key given
// twice appears twice: callers decide which one counts.
func Members(b []byte) ([]Member, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, ErrNotObject
	}
	var out []Member
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, _ := tok.(string) // object keys are always strings
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		out = append(out, Member{Key: key, Value: v})
	}
	if _, err := dec.Token(); err != nil { // the closing '}'
		return nil, err
	}
	return out, nil
}
