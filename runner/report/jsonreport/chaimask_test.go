package jsonreport

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/courier-run/courier/vault"
)

// A chai AssertionError's actual and expected values are data: a numeric
// secret among them is masked even under a key that elsewhere holds one
// of the report's own numbers (code, port), and the report stays JSON.
func TestChaiFieldsAreMaskedAsData(t *testing.T) {
	t.Parallel()
	red := vault.NewRedactor()
	red.Add("4711", "s3cr3t")
	e := Error{Fields: json.RawMessage(`{"name":"AssertionError","message":"expected *** to equal 2","showDiff":true,` +
		`"actual":{"code":4711,"port":4711,"token":"s3cr3t"},"expected":4711,"operator":"strictEqual"}`),
		Stack: "Error: x", Timestamp: 4711}
	b, err := json.Marshal(Report{Run: Run{Failures: []Failure{{Error: e}}}})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	w := red.JSONWriter(&out, vault.JSONScalars{Keep: ScalarKeys(), Data: DataKeys()})
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if !json.Valid(out.Bytes()) {
		t.Fatalf("not JSON: %s", got)
	}
	for _, want := range []string{`"actual":{"code":"***","port":"***","token":"***"}`, `"expected":"***"`, `"timestamp":4711`} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %s:\n%s", want, got)
		}
	}
	if strings.Contains(got, "s3cr3t") {
		t.Errorf("secret in the report:\n%s", got)
	}
}
