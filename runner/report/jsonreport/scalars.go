package jsonreport

import (
	"reflect"
	"strings"
	"sync"
)

// ScalarKeys returns the keys under which the report holds numbers and
// booleans of courier's own making: measurements (responseSize, timings),
// counts, status codes, cursor flags, a Buffer's bytes. A redactor that
// masks the report keeps the numbers under these keys: they are not taken
// from any value a secret can be in, and readers (the HTML report among
// them) need numbers there. The set is read from the report's types, so it
// follows them.
func ScalarKeys() map[string]bool {
	scalarOnce.Do(func() { scalarKeys = ScalarKeysOf(reflect.TypeFor[Report]()) })
	return scalarKeys
}

// DataKeys returns the keys under which the report holds data from the
// run (a variable's, header's or parameter's typed value; a description;
// the values a chai AssertionError compared): nothing below them is
// courier's own, whatever its key.
func DataKeys() map[string]bool {
	return map[string]bool{"value": true, "description": true, "actual": true, "expected": true}
}

// BytesKeys returns the keys whose arrays hold a body's bytes: a Buffer's
// data (Stream), the request's and the response's.
func BytesKeys() map[string]bool {
	return map[string]bool{"data": true}
}

var (
	scalarOnce sync.Once
	scalarKeys map[string]bool
)

// ScalarKeysOf returns the JSON names of the fields, anywhere in the given
// types, that hold a number or boolean, or a list of numbers.
func ScalarKeysOf(types ...reflect.Type) map[string]bool {
	keys := map[string]bool{}
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		for f := range t.Fields() {
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" {
				continue
			}
			if f.Anonymous && name == "" {
				walk(f.Type)
				continue
			}
			if name == "" {
				name = f.Name
			}
			if scalar(f.Type) {
				keys[name] = true
			}
			walk(f.Type)
		}
	}
	for _, t := range types {
		walk(t)
	}
	return keys
}

// scalar reports whether t is a number or boolean (behind pointers), or a
// list of numbers. Byte slices are JSON text (json.RawMessage) or base64,
// except Bytes, which is written as numbers.
func scalar(t reflect.Type) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == reflect.TypeFor[Bytes]() {
		return true
	}
	if t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		return t.Elem().Kind() != reflect.Uint8 && number(t.Elem().Kind())
	}
	return number(t.Kind()) || t.Kind() == reflect.Bool
}

func number(k reflect.Kind) bool {
	return reflect.Int <= k && k <= reflect.Float64
}
