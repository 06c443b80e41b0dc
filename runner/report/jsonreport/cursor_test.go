package jsonreport

import (
	"encoding/json"
	"testing"
)

// TestCursorShapes pins the member order of the cursor's four shapes
// (postman-runtime's whole state or next step, httpRequestId first or
// last), as Newman's reports write them.
func TestCursorShapes(t *testing.T) {
	t.Parallel()
	c := Cursor{Position: 1, Iteration: 2, Length: 3, Cycles: 4, CR: true, Ref: "r", HTTPRequestID: "h", ScriptID: "s", Execution: "x"}
	for _, tc := range []struct {
		name       string
		step, late bool
		want       string
	}{
		{"whole", false, false, `{"position":1,"iteration":2,"length":3,"cycles":4,"empty":false,"eof":false,"bof":false,"cr":true,"ref":"r","httpRequestId":"h","scriptId":"s","execution":"x"}`},
		{"step", true, false, `{"ref":"r","length":3,"cycles":4,"position":1,"iteration":2,"cr":true,"httpRequestId":"h","scriptId":"s","execution":"x"}`},
		{"whole, request id last", false, true, `{"position":1,"iteration":2,"length":3,"cycles":4,"empty":false,"eof":false,"bof":false,"cr":true,"ref":"r","scriptId":"s","execution":"x","httpRequestId":"h"}`},
		{"step, request id last", true, true, `{"ref":"r","length":3,"cycles":4,"position":1,"iteration":2,"cr":true,"scriptId":"s","execution":"x","httpRequestId":"h"}`},
	} {
		c.Step, c.LateRequestID = tc.step, tc.late
		b, err := json.Marshal(c)
		if err != nil || string(b) != tc.want {
			t.Errorf("%s: %s %v\nwant %s", tc.name, b, err, tc.want)
		}
	}
}
