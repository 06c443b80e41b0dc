package report

import (
	"bytes"
	"context"
	"testing"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
)

// runJSON runs coll on loopback only, with opts, into a JSON report in
// Newman's layout and returns the report's bytes: the steps the tests that
// compare a report with Newman's recorded one all take.
func runJSON(t *testing.T, coll *collections.Collection, opts runner.Options) []byte {
	t.Helper()
	opts.LoopbackOnly = true
	var out bytes.Buffer
	j := NewJSON(&out, JSONOptions{})
	r := &runner.Runner{Collection: coll, Sink: j, Options: opts}
	if _, err := r.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
