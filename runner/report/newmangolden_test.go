package report

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

// newmanGolden is a directory of testdata/golden/report holding a
// collection.json that Newman 6.2.2 ran against the echo server at
// recordedHost ("127.0.0.1:18581") and the reports it wrote.
type newmanGolden struct{ dir, recordedHost string }

func goldenDir(name, recordedHost string) newmanGolden {
	return newmanGolden{filepath.Join("..", "..", "testdata", "golden", "report", name), recordedHost}
}

// read returns one of the directory's files.
func (g newmanGolden) read(t *testing.T, file string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(g.dir, file))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// decode reads one of the directory's JSON files into v.
func (g newmanGolden) decode(t *testing.T, file string, v any) {
	t.Helper()
	if err := json.Unmarshal(g.read(t, file), v); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
}

// run runs the collection against a fresh echo server on 127.0.0.1 (the
// recorded host replaced by its own) and returns the collection and the
// JSON report written with o, with the server's host written back as the
// recorded one.
func (g newmanGolden) run(t *testing.T, o JSONOptions) (*collections.Collection, []byte) {
	t.Helper()
	host := strings.TrimPrefix(echotest.Start(t), "http://")
	coll, err := collections.LoadBytes(bytes.ReplaceAll(g.read(t, "collection.json"), []byte(g.recordedHost), []byte(host)), "collection.json")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	j := NewJSON(&out, o)
	r := &runner.Runner{Collection: coll, Sink: j, Options: runner.Options{LoopbackOnly: true}}
	if _, err := r.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	return coll, bytes.ReplaceAll(out.Bytes(), []byte(host), []byte(g.recordedHost))
}
