package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/courier-run/courier/runner/report/jsonreport"
)

// The json reporter's output reads back into jsonreport.Report and writes
// out again with the same content: the saved report is a complete exchange
// format.
func TestJSONReportRoundTrips(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	j := NewJSON(&buf, JSONOptions{})
	play(j, newDemo().events())
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	rep, err := jsonreport.Read(bytes.NewReader(buf.Bytes()), "demo.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Run.Executions) == 0 || rep.Run.Stats.Requests.Total == 0 || rep.Collection == nil {
		t.Fatalf("report read back empty: %+v", rep.Run.Stats)
	}
	var out bytes.Buffer
	if err := rep.Write(&out); err != nil {
		t.Fatal(err)
	}
	var a, b any
	if err := json.Unmarshal(buf.Bytes(), &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(out.Bytes(), &b); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("report changed in the round trip:\nwritten %s\nre-read %s", buf.String(), out.String())
	}
}

func TestJSONReportReadErrors(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, want string }{
		{`{"run":`, "x.json: unexpected EOF"},
		{`{"info":{}}`, "not a JSON run report"},
		{`{"run":{"executions":3}}`, `the "run" block`},
		{`[1,`, "x.json"},
	} {
		_, err := jsonreport.Read(strings.NewReader(tt.in), "x.json")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Read(%q) = %v, want an error containing %q", tt.in, err, tt.want)
		}
	}
	_, err := jsonreport.Read(strings.NewReader(`{}`), "x.json")
	if !errors.Is(err, jsonreport.ErrNotAReport) {
		t.Errorf("an empty object: %v, want ErrNotAReport", err)
	}
}
