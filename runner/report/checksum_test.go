package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestChecksumAsNewman recomputes the checksum of every error Newman 6.2.2
// wrote in the reports under testdata (failures and script errors:
// assertions, thrown errors, refused requests) from the error's own
// fields, and compares it with Newman's.
func TestChecksumAsNewman(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("../../testdata/golden/report/newman-*/newman-6.2.2*.json")
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{"errno": true, "code": true, "syscall": true, "address": true, "port": true, "hostname": true,
		"type": true, "name": true, "index": true, "test": true, "message": true, "stack": true,
		"checksum": true, "id": true, "timestamp": true, "stacktrace": true}
	n := 0
	for _, f := range files {
		var walk func(v any)
		walk = func(v any) {
			switch x := v.(type) {
			case map[string]any:
				if sum, ok := x["checksum"].(string); ok {
					for k := range x {
						if !known[k] {
							return // a field courier's errors do not hold
						}
					}
					b, _ := json.Marshal(x)
					var e jsonError
					if err := json.Unmarshal(b, &e); err != nil {
						t.Fatal(err)
					}
					n++
					if got, _ := checksumOf(&e, nil); got != sum {
						t.Errorf("%s: checksum of %s = %q, Newman's %q", filepath.Base(filepath.Dir(f)), b, got, sum)
					}
					return
				}
				for _, y := range x {
					walk(y)
				}
			case []any:
				for _, y := range x {
					walk(y)
				}
			}
		}
		var doc any
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		if err := dec.Decode(&doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		walk(doc)
	}
	t.Logf("%d checksums", n)
	if n < 10 {
		t.Fatalf("checked %d checksums; the recordings hold more", n)
	}
}

// TestStacktraceAsStackTrace: the frames of a stack as stack-trace 0.0.9
// (serialised-error's) parses them, recorded with Node for each stack:
// Newman's assertion line, a constructor, a native frame, a rule line, an
// anonymous method, a location without a function, lines that are not
// frames, and a line the parse reads oddly ("async Promise.all").
func TestStacktraceAsStackTrace(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ stack, want string }{
		{"Error: x", `[]`},
		{"Error: x\n   at Object.eval sandbox-script.js:3:7)", `[{"fileName":"sandbox-script.js","lineNumber":3,"functionName":"Object.eval","typeName":"Object","methodName":"eval","columnNumber":7,"native":false}]`},
		{"Error: x\n    at new Foo (/a/b.js:1:2)\n    at Array.map (native)\n    ----\n    at Object.<anonymous> (c.js:5:6)\n    at d.js:0:0\n  not a frame", `[{"fileName":"/a/b.js","lineNumber":1,"functionName":"new Foo","typeName":"Object","methodName":null,"columnNumber":2,"native":false},{"fileName":null,"lineNumber":null,"functionName":"Array.map","typeName":"Array","methodName":"map","columnNumber":null,"native":true},{"fileName":"    ----","lineNumber":null,"functionName":null,"typeName":null,"methodName":null,"columnNumber":null,"native":null},{"fileName":"c.js","lineNumber":5,"functionName":"","typeName":"Object","methodName":null,"columnNumber":6,"native":false},{"fileName":"d.js","lineNumber":null,"functionName":null,"typeName":null,"methodName":null,"columnNumber":null,"native":false}]`},
		{"TypeError: y\n    at f.g.h (x.js:10:20)\n    at async Promise.all (index 0)", `[{"fileName":"x.js","lineNumber":10,"functionName":"f.g.h","typeName":"f","methodName":"g.h","columnNumber":20,"native":false},{"fileName":null,"lineNumber":null,"functionName":"async Promise.all (index","typeName":"async Promise","methodName":"all (index","columnNumber":null,"native":false}]`},
	} {
		if got := string(stacktraceOf(tc.stack)); got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.stack, got, tc.want)
		}
	}
}

// TestChaiChecksumAsNewman: an escaped chai AssertionError's checksum is
// serialised-error's over the fields chai's toJSON gave, whatever actual
// and expected hold (arrays, nested objects, null, non-ASCII keys and
// text, numbers JavaScript writes in exponent form). Answers from Node
// (serialised-error 1.1.3, object-hash 1.3.1, as Newman 6.2.2 ships them).
func TestChaiChecksumAsNewman(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ fields, stack, want string }{
		{"{\"name\":\"AssertionError\",\"message\":\"expected [ 1, 2 ] to deeply equal [ 1, 3 ]\",\"showDiff\":true,\"actual\":[1,2],\"expected\":[1,3],\"operator\":\"deepStrictEqual\"}", "AssertionError: expected [ 1, 2 ] to deeply equal [ 1, 3 ]\n    at Object.eval sandbox-script.js:1:2)", "4b564feb6fd1bcc5c9c39af7a50ecb77"},
		{"{\"name\":\"AssertionError\",\"message\":\"m\",\"showDiff\":true,\"actual\":{\"10\":1.5,\"z\":[{\"y\":null}],\"a\":\"é😀\",\"B\":-0.25},\"expected\":{},\"operator\":\"deepStrictEqual\"}", "AssertionError: m\n    at Object.eval sandbox-script.js:1:2)", "ad127aa0a28951dc6678b45a00037f28"},
		{"{\"name\":\"AssertionError\",\"message\":\"expected 1e+21 to equal 0.1\",\"showDiff\":true,\"actual\":1e+21,\"expected\":0.1,\"operator\":\"strictEqual\"}", "AssertionError: expected 1e+21 to equal 0.1\n    at Object.eval sandbox-script.js:1:2)", "d1c3d2da131397bd46a396366e868b33"},
		{"{\"name\":\"AssertionError\",\"message\":\"no stack\",\"showDiff\":false,\"actual\":null}", "", "9759968825a94c0bd0d9be1ea8c058bd"},
	} {
		if got, _ := checksumOf(&jsonError{Fields: json.RawMessage(c.fields), Stack: c.stack}, nil); got != c.want {
			t.Errorf("%s: checksum %s, want Newman's %s", c.fields, got, c.want)
		}
	}
}
