package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/courier-run/courier/internal/testenv"
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
		{`{"run":`, "x.json: the report ends early (in run, byte 7)"},
		{`{"info":{}}`, "not a JSON run report"},
		{`{"run":{"executions":3}}`, `run.executions should start with "["`},
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

// Newman's own JSON report (its collection as postman-collection writes
// it: URL objects, typed values) reads, merges and replays to JUnit.
func TestNewmansReportReadsAndReplays(t *testing.T) {
	t.Parallel()
	path := testenv.Shared(t, "corpus/postmanlabs__newman/examples__reports__sample-collection-report.json")
	rep, err := jsonreport.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Run.Executions) != 3 || rep.Run.Stats.Requests.Total != 3 || rep.Collection == nil || len(rep.Collection.Item) == 0 {
		t.Fatalf("read %d executions, stats %+v", len(rep.Run.Executions), rep.Run.Stats)
	}
	for _, it := range rep.Collection.Item {
		if it.Request != nil && !strings.Contains(it.Request.URL.String(), "://") {
			t.Errorf("item %q: URL object read as %q", it.Name, it.Request.URL)
		}
	}
	merged, err := jsonreport.Merge([]*jsonreport.Report{rep, rep}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if merged.Run.Stats.Requests.Total != 6 || len(merged.Run.Executions) != 6 {
		t.Errorf("merged stats %+v", merged.Run.Stats)
	}
	var junit bytes.Buffer
	j := NewJUnit(&junit, JUnitOptions{})
	Replay(rep, j)
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(junit.String(), "<testcase "); n != rep.Run.Stats.Assertions.Total {
		t.Errorf("JUnit from Newman's report has %d test cases, want %d:\n%s", n, rep.Run.Stats.Assertions.Total, junit.String())
	}
}
