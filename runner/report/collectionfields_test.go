package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestCollectionFieldsAndErrorsAsNewman runs the collection Newman 6.2.2
// ran for testdata/golden/report/newman-collection-fields (recorded three
// times under unshare -n against the echo server on 127.0.0.1:18742; the
// three agreed once ids, times and run ids are taken out) and compares
// values, not only keys: what postman-collection keeps as the file gave it
// (an event's disabled, false included; a script's name and packages, null
// too; a collection variable's name and system, any value; the order of
// protocolProfileBehavior's options), and the errors serialised-error
// writes (checksum, Newman's made-up assertion stack with the item's
// place, its parsed frames, a message's own "at" lines among them).
func TestCollectionFieldsAndErrorsAsNewman(t *testing.T) {
	t.Parallel()
	g := goldenDir("newman-collection-fields", "127.0.0.1:18742")
	newman := g.read(t, "newman-6.2.2.json")
	// Newman's layout: an execution per pm.sendRequest round trip.
	_, out := g.run(t, JSONOptions{PerRoundTrip: true})
	for _, path := range []string{
		"collection.event",
		"collection.variable",
		"collection.protocolProfileBehavior",
		"collection.item.*.event",
		"collection.item.*.protocolProfileBehavior",
		"run.failures.*.error",
		"run.executions.*.assertions",
		"run.executions.*.prerequestScript",
		"run.executions.*.testScript",
	} {
		want, got := valuesAt(t, newman, path), valuesAt(t, out, path)
		if want != got {
			t.Errorf("%s\n got %s\nwant %s", path, got, want)
		}
	}
}

// valuesAt is the JSON at a dotted path of doc (* takes every element of
// an array) without what is drawn afresh each run: ids, timestamps,
// scripts' run ids. Object keys keep their order.
func valuesAt(t *testing.T, doc []byte, path string) string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	root, err := decodeOrdered(dec)
	if err != nil {
		t.Fatal(err)
	}
	var at func(v any, parts []string) any
	at = func(v any, parts []string) any {
		if len(parts) == 0 {
			return v
		}
		switch x := v.(type) {
		case *orderedObj:
			for i, k := range x.keys {
				if k == parts[0] {
					return at(x.vals[i], parts[1:])
				}
			}
		case []any:
			if parts[0] == "*" {
				out := make([]any, len(x))
				for i, e := range x {
					out[i] = at(e, parts[1:])
				}
				return out
			}
		}
		return nil
	}
	var b strings.Builder
	var write func(v any)
	write = func(v any) {
		switch x := v.(type) {
		case *orderedObj:
			b.WriteByte('{')
			n := 0
			for i, k := range x.keys {
				if k == "id" || k == "timestamp" || k == "_lastExecutionId" {
					continue
				}
				if n > 0 {
					b.WriteByte(',')
				}
				n++
				kb, _ := json.Marshal(k)
				b.Write(kb)
				b.WriteByte(':')
				write(x.vals[i])
			}
			b.WriteByte('}')
		case []any:
			b.WriteByte('[')
			for i, e := range x {
				if i > 0 {
					b.WriteByte(',')
				}
				write(e)
			}
			b.WriteByte(']')
		default:
			vb, _ := json.Marshal(x)
			b.Write(vb)
		}
	}
	write(at(root, strings.Split(path, ".")))
	return b.String()
}

// orderedObj is a JSON object with its keys in the document's order.
type orderedObj struct {
	keys []string
	vals []any
}

// decodeOrdered reads one JSON value, objects as orderedObj.
func decodeOrdered(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('{'):
		o := &orderedObj{}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return nil, err
			}
			v, err := decodeOrdered(dec)
			if err != nil {
				return nil, err
			}
			o.keys, o.vals = append(o.keys, k.(string)), append(o.vals, v)
		}
		_, err := dec.Token()
		return o, err
	case json.Delim('['):
		a := []any{}
		for dec.More() {
			v, err := decodeOrdered(dec)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
		_, err := dec.Token()
		return a, err
	}
	return tok, nil
}
