package suite_test

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/simulators/echo/echotest"
	"github.com/courier-run/courier/suite"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func golden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join("..", "testdata", "golden", "suite", name+".golden")
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(got), 0o644))
	}
	want, err := os.ReadFile(p)
	require.NoError(t, err, "run with -update to create it")
	assert.Equal(t, string(want), got)
}

// storedRun runs a collection that counts runs in {{count}} and sets
// {{token}}, with env file envPath, and returns what it wrote to stderr
// (paths and times replaced) and the count the request sent.
func storedRun(t *testing.T, dir, envPath string, mod func(*suite.Options)) (stderr, sent string) {
	t.Helper()
	env, err := environments.LoadFile(envPath)
	require.NoError(t, err)
	c := coll(t, "count", "/get?c={{count}}", "pm.environment.set('count', String(Number(pm.environment.get('count')) + 1)); pm.environment.set('token', 'tok');")
	var buf strings.Builder
	var got string
	o := suite.Options{
		Collections: []*collections.Collection{c},
		Environment: env,
		EnvVars:     []environments.Variable{{Key: "baseUrl", Value: echotest.Start(t)}},
		StateDir:    filepath.Join(dir, "state"),
		Runner:      runner.Options{LoopbackOnly: true},
		Sink: sinkFunc(func(ev runner.Event) {
			if r, ok := ev.(runner.RequestEvent); ok {
				got = r.Request.URL
			}
		}),
		Stderr: &buf,
	}
	if mod != nil {
		mod(&o)
	}
	_, err = suite.New(o).Run(context.Background())
	require.NoError(t, err)
	out := strings.ReplaceAll(buf.String(), dir, "$DIR")
	out = regexp.MustCompile(`environments/[0-9a-f]{24}\.json`).ReplaceAllString(out, "environments/<hash>.json")
	out = regexp.MustCompile(`\d{4}-\d\d-\d\d \d\d:\d\d UTC`).ReplaceAllString(out, "<time>")
	out = regexp.MustCompile(`127\.0\.0\.1:\d+`).ReplaceAllString(out, "127.0.0.1:<port>")
	if i := strings.Index(got, "c="); i >= 0 {
		got = got[i+2:]
	}
	return out, got
}

type sinkFunc func(runner.Event)

func (f sinkFunc) Handle(ev runner.Event) { f(ev) }

func writeEnv(t *testing.T, path, id string) {
	t.Helper()
	require.NoError(t, os.WriteFile(path, []byte(`{"id":"`+id+`","name":"e","values":[{"key":"count","value":"0","enabled":true}]}`), 0o600))
}

// A run that starts from stored values says so in its first lines; --fresh
// and a local server start from the file, keep the store as it was, and say
// so too.
func TestStoredValuesAreAnnounced(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	envPath := filepath.Join(dir, "env.json")
	writeEnv(t, envPath, "4f1e0c2a-0000-4000-8000-000000000001")

	out, sent := storedRun(t, dir, envPath, nil)
	assert.Equal(t, "0", sent)
	assert.Empty(t, out, "a first run has nothing stored to announce")

	out, sent = storedRun(t, dir, envPath, nil)
	assert.Equal(t, "1", sent, "the second run starts from the stored value")
	golden(t, "stored_second_run", out)

	out, sent = storedRun(t, dir, envPath, func(o *suite.Options) { o.Fresh = true })
	assert.Equal(t, "0", sent, "--fresh starts from the file")
	golden(t, "stored_fresh", out)

	out, sent = storedRun(t, dir, envPath, func(o *suite.Options) { o.LocalEcho = true; o.EnvVars = nil })
	assert.Equal(t, "0", sent, "a local server starts from the file")
	golden(t, "stored_local_echo", out)

	// Neither --fresh nor the local run changed what is stored.
	_, sent = storedRun(t, dir, envPath, nil)
	assert.Equal(t, "2", sent)
}

// A copied environment file keeps its id, so it shares current values with
// the original: the run says so. A moved file (the old path gone) does not.
func TestSharedIDIsWarned(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	const id = "4f1e0c2a-0000-4000-8000-000000000002"
	a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	writeEnv(t, a, id)
	writeEnv(t, b, id)
	storedRun(t, dir, a, nil)
	out, sent := storedRun(t, dir, b, nil)
	assert.Equal(t, "1", sent, "same id, same current values")
	golden(t, "stored_shared_id", out)

	// b's run wrote last; now b moves away: a's run is that environment, moved.
	require.NoError(t, os.Remove(b))
	out, _ = storedRun(t, dir, a, nil)
	assert.NotContains(t, out, "share the id")
}

// Collections run side by side (--parallel with several collections) read
// and keep their collection variables' current values as a sequential run
// does: --fresh starts from the file's values and keeps nothing.
func TestParallelCollectionsKeepCurrentValuesAsSequential(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	base := echotest.Start(t)
	run := func(parallel int, fresh bool) []string {
		t.Helper()
		var colls []*collections.Collection
		for _, name := range []string{"one", "two"} {
			src := `{"info":{"name":"` + name + `","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
"variable":[{"key":"n","value":"0"}],
"item":[{"name":"req","request":{"method":"GET","url":"{{baseUrl}}/get?` + name + `={{n}}"},
"event":[{"listen":"test","script":{"exec":["pm.collectionVariables.set('n', String(Number(pm.collectionVariables.get('n')) + 1));"]}}]}]}`
			c, err := collections.LoadBytes([]byte(src), filepath.Join(dir, name+".json"))
			require.NoError(t, err)
			colls = append(colls, c)
		}
		var sent []string
		_, err := suite.New(suite.Options{
			Collections: colls,
			EnvVars:     []environments.Variable{{Key: "baseUrl", Value: base}},
			StateDir:    filepath.Join(dir, "state"),
			Fresh:       fresh,
			Parallel:    parallel,
			Runner:      runner.Options{LoopbackOnly: true},
			Sink: sinkFunc(func(ev runner.Event) {
				if r, ok := ev.(runner.RequestEvent); ok {
					sent = append(sent, r.Request.URL[strings.Index(r.Request.URL, "?")+1:])
				}
			}),
		}).Run(context.Background())
		require.NoError(t, err)
		return sent
	}
	assert.Equal(t, []string{"one=0", "two=0"}, run(2, false), "first run")
	assert.Equal(t, []string{"one=1", "two=1"}, run(2, false), "the second run starts from the kept values")
	assert.Equal(t, []string{"one=0", "two=0"}, run(2, true), "--fresh starts from the file")
	assert.Equal(t, []string{"one=2", "two=2"}, run(1, false), "--fresh kept nothing; a sequential run reads the same values")
	assert.Equal(t, []string{"one=3", "two=3"}, run(1, false), "a sequential run keeps its values too")
}
