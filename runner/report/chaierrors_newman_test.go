package report

import (
	"bytes"
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
)

// A chai AssertionError a script lets escape (an assertion outside
// pm.test) crosses Newman's sandbox by chai's own toJSON: its failure is
// placed at "<listen>-script:<line + 1>:<column>" (its first frame, less
// the sandbox's two lines), it keeps showDiff, actual, expected and
// operator, has no type, and its stack (the sandbox's frames) is written in
// the JSON report and the JUnit report. newman-chai-errors holds Newman
// 6.2.2's failures and JUnit report for five such scripts (recorded three
// times, the same each time but for ids and times), checksums included.
func TestChaiErrorOutsideTestAsNewman(t *testing.T) {
	t.Parallel()
	g := goldenDir("newman-chai-errors", "")
	var want []struct {
		Item  string
		At    string
		Error json.RawMessage
	}
	g.decode(t, "newman-6.2.2-failures.json", &want)
	coll, err := collections.LoadBytes(g.read(t, "collection.json"), "collection.json")
	if err != nil {
		t.Fatal(err)
	}
	var out, xml bytes.Buffer
	j, ju := NewJSON(&out, JSONOptions{}), NewJUnit(&xml, JUnitOptions{})
	r := &runner.Runner{Collection: coll, Sink: teeSink{j, ju}, Options: runner.Options{LoopbackOnly: true}}
	if _, err := r.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	if err := ju.Close(); err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Run struct {
			Failures []struct {
				At     string
				Source struct{ Name string }
				Error  json.RawMessage
			}
		}
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	i := 0
	for _, f := range rep.Run.Failures {
		if f.At == "request" {
			continue
		}
		if i >= len(want) {
			t.Fatalf("more script failures than Newman's %d", len(want))
		}
		w := want[i]
		i++
		if f.Source.Name != w.Item || f.At != w.At {
			t.Errorf("failure in %q at %q, want Newman's %q at %q", f.Source.Name, f.At, w.Item, w.At)
		}
		if got, wnt := errorWithout(t, f.Error), errorWithout(t, w.Error); got != wnt {
			t.Errorf("%s: error\n%s\nwant Newman's\n%s", w.Item, got, wnt)
		}
	}
	if i != len(want) {
		t.Errorf("%d script failures, want Newman's %d", i, len(want))
	}
	masked := regexp.MustCompile(`(time|timestamp|id)="[^"]*"`).ReplaceAllString(xml.String(), `$1="X"`)
	if w := string(g.read(t, "newman-6.2.2-junit.xml")); strings.TrimSuffix(masked, "\n") != w {
		t.Errorf("JUnit report\n%s\nwant Newman's\n%s", masked, w)
	}
}

// errorWithout is an error's JSON, its keys in order, without the values
// that differ from run to run (id, timestamp).
func errorWithout(t *testing.T, raw json.RawMessage) string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			t.Fatal(err)
		}
		switch k {
		case "id", "timestamp":
			continue
		}
		var x any
		if err := json.Unmarshal(v, &x); err != nil {
			t.Fatal(err)
		}
		c, _ := json.Marshal(x) // the same escapes on both sides
		b.WriteString(k.(string) + "=" + string(c) + "\n")
	}
	return b.String()
}

// teeSink hands each event to every sink.
type teeSink []runner.Sink

func (s teeSink) Handle(ev runner.Event) {
	for _, x := range s {
		x.Handle(ev)
	}
}
