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
