package scripting

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// refCase is one probe with the reference's answer recorded beside it:
// "S:text" for a string, "<type>:<String(v)>" for other values, and
// "E:Name: message" for a throw. ref says where the answer was taken
// (Newman 6.2.2, Postman CLI 1.34.0, or both when they agree).
type refCase struct {
	name, expr, want, ref string
}

// probeJS evaluates every case's expression in one script and returns the
// answers in the reference's notation.
func probeJS(t *testing.T, cases []refCase) map[string]string {
	t.Helper()
	var b strings.Builder
	b.WriteString("const __out = {};\nfunction __r(n, f) { let s; try { const v = f(); s = typeof v === 'string' ? 'S:' + v : (typeof v) + ':' + String(v); } catch (e) { s = 'E:' + (e && e.name) + ': ' + (e && e.message); } __out[n] = s; }\n")
	for _, c := range cases {
		b.WriteString("__r(" + jsString(c.name) + ", () => (" + c.expr + "));\n")
	}
	b.WriteString("pm.test(JSON.stringify(__out), () => {});\n")
	e, _ := newTestEngine(t, Options{})
	r := e.Run(context.Background(), testExec("test", b.String()))
	if r.Err != nil {
		t.Fatalf("probe script: %v", r.Err)
	}
	if len(r.Tests) != 1 {
		t.Fatalf("probe script recorded %d tests", len(r.Tests))
	}
	got := map[string]string{}
	if err := json.Unmarshal([]byte(r.Tests[0].Name), &got); err != nil {
		t.Fatal(err)
	}
	return got
}

func checkProbes(t *testing.T, cases []refCase) {
	t.Helper()
	got := probeJS(t, cases)
	for _, c := range cases {
		if got[c.name] != c.want {
			t.Errorf("%s: %s\n got  %q\n want %q (%s)", c.name, c.expr, got[c.name], c.want, c.ref)
		}
	}
}
