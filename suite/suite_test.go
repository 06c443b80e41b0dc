package suite_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/simulators/echo/echotest"
	"github.com/courier-run/courier/suite"
)

// coll builds a one-request collection against {{baseUrl}} whose test
// script is js.
func coll(t *testing.T, name, path, js string) *collections.Collection {
	t.Helper()
	src := fmt.Sprintf(`{"info":{"name":%q,"schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
"item":[{"name":"req","request":{"method":"GET","url":"{{baseUrl}}%s"},
"event":[{"listen":"test","script":{"exec":[%q]}}]}]}`, name, path, js)
	c, err := collections.LoadBytes([]byte(src), name+".json")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

type recorder struct{ events []runner.Event }

func (r *recorder) Handle(ev runner.Event) { r.events = append(r.events, ev) }

func TestCollectionsShareTheEnvironment(t *testing.T) {
	t.Parallel()
	first := coll(t, "first", "/get?v=1", "pm.environment.set('token', pm.response.json().args.v + 'x');")
	second := coll(t, "second", "/get?t={{token}}", "pm.test('got token', () => pm.expect(pm.response.json().args.t).to.eql('1x'));")
	rec := &recorder{}
	res, err := suite.New(suite.Options{
		Collections: []*collections.Collection{first, second},
		LocalEcho:   true,
		Runner:      runner.Options{LoopbackOnly: true},
		Sink:        rec,
	}).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Collections) != 2 || res.Failed() {
		t.Fatalf("results %+v, failed %v", res.Collections, res.Failed())
	}
	if a := res.Collections[1].Summary.Assertions; a.Total != 1 || a.Failed != 0 {
		t.Errorf("second collection's assertions %+v, want 1 passed", a)
	}
	starts := 0
	for _, ev := range rec.events {
		if _, ok := ev.(runner.StartEvent); ok {
			starts++
		}
	}
	if starts != 2 {
		t.Errorf("the sink saw %d runs start, want 2", starts)
	}
}

func TestCurrentValuesAreKeptBetweenRuns(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	// Not LocalEcho: a run with a local server is kept away from the store.
	baseURL := []environments.Variable{{Key: "baseUrl", Value: echotest.Start(t)}}
	envPath := filepath.Join(dir, "env.json")
	if err := os.WriteFile(envPath, []byte(`{"name":"e","values":[{"key":"count","value":"0","enabled":true}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	run := func() *suite.Result {
		env, err := environments.LoadFile(envPath)
		if err != nil {
			t.Fatal(err)
		}
		c := coll(t, "count", "/get", "pm.environment.set('count', String(Number(pm.environment.get('count')) + 1));")
		res, err := suite.New(suite.Options{
			Collections: []*collections.Collection{c},
			Environment: env,
			EnvVars:     baseURL,
			StateDir:    filepath.Join(dir, "state"),
			Runner:      runner.Options{LoopbackOnly: true},
		}).Run(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	run()
	rec := &recorder{}
	env, _ := environments.LoadFile(envPath)
	c := coll(t, "count", "/get?c={{count}}", "pm.test('second run sees 1', () => pm.expect(pm.response.json().args.c).to.eql('1'));")
	res, err := suite.New(suite.Options{
		Collections: []*collections.Collection{c}, Environment: env, EnvVars: baseURL,
		StateDir: filepath.Join(dir, "state"),
		Runner:   runner.Options{LoopbackOnly: true}, Sink: rec,
	}).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.Failed() {
		t.Errorf("the current value written by the first run was not read by the second: %+v", res.Collections[0].Summary.Failures)
	}
	if data, _ := os.ReadFile(envPath); !bytes.Contains(data, []byte(`"value":"0"`)) {
		t.Errorf("the environment file changed: %s", data)
	}
}

func TestErrorsAreClassified(t *testing.T) {
	t.Parallel()
	ok := func(t *testing.T) *collections.Collection { return coll(t, "c", "/get?x={{missing}}", "") }
	tests := []struct {
		name string
		opts func(*suite.Options)
		want error
	}{
		{"unknown folder", func(o *suite.Options) { o.Runner.Folders = []string{"nope"} }, suite.ErrInput},
		{"strict variables", func(o *suite.Options) { o.StrictVars = true }, suite.ErrInput},
		{"missing cookie jar", func(o *suite.Options) { o.CookieJar = filepath.Join(t.TempDir(), "none.json") }, suite.ErrInput},
		{"unknown reporter", func(o *suite.Options) { o.Reporters = []string{"htmlextra-nope"} }, suite.ErrReporters},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			o := suite.Options{Collections: []*collections.Collection{ok(t)}, LocalEcho: true, Runner: runner.Options{LoopbackOnly: true}}
			tt.opts(&o)
			_, err := suite.New(o).Run(context.Background())
			if !errors.Is(err, tt.want) {
				t.Fatalf("error %v, want one marked %v", err, tt.want)
			}
		})
	}
}

func TestKeepGoingRecordsAnAbortedCollection(t *testing.T) {
	t.Parallel()
	slow := coll(t, "slow", "/delay/2", "")
	next := coll(t, "next", "/get", "pm.test('ran', () => {});")
	var stderr strings.Builder
	for _, keepGoing := range []bool{false, true} {
		res, err := suite.New(suite.Options{
			Collections: []*collections.Collection{slow, next},
			LocalEcho:   true,
			Runner:      runner.Options{LoopbackOnly: true, Timeout: 50e6},
			KeepGoing:   keepGoing,
			Stderr:      &stderr,
		}).Run(context.Background())
		var re *suite.RunError
		switch {
		case !keepGoing && !errors.As(err, &re):
			t.Fatalf("without KeepGoing: error %v, want a RunError", err)
		case !keepGoing && len(res.Collections) != 1:
			t.Fatalf("without KeepGoing %d collections ran, want 1", len(res.Collections))
		case keepGoing && err != nil:
			t.Fatalf("with KeepGoing: %v", err)
		case keepGoing && (len(res.Collections) != 2 || res.Collections[0].Err == nil || !res.Failed()):
			t.Fatalf("with KeepGoing: %+v", res.Collections)
		}
	}
	if !strings.Contains(stderr.String(), "error: run stopped") {
		t.Errorf("stderr %q does not say the run stopped", stderr.String())
	}
}

// TestStoredSecretValuesAreMasked: a secret-typed collection variable whose
// current value a run stored is masked in the next run's events, though the
// collection file holds another value: the stored value is registered as a
// secret when it is read back, not only the file's.
func TestStoredSecretValuesAreMasked(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	baseURL := []environments.Variable{{Key: "baseUrl", Value: echotest.Start(t)}}
	const stored = "stored-secret-Bq7Xk2Lm9"
	secretColl := func(path, js string) *collections.Collection {
		src := fmt.Sprintf(`{"info":{"name":"vault-less","_postman_id":"c0ffee00-0000-4000-8000-000000000001","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
"variable":[{"key":"tok","value":"initial-secret-Zr4Wd8","type":"secret"}],
"item":[{"name":"req","request":{"method":"GET","url":"{{baseUrl}}%s"},
"event":[{"listen":"test","script":{"exec":[%q]}}]}]}`, path, js)
		c, err := collections.LoadBytes([]byte(src), filepath.Join(dir, "c.json"))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	run := func(c *collections.Collection, sink runner.Sink) *suite.Result {
		res, err := suite.New(suite.Options{
			Collections: []*collections.Collection{c}, EnvVars: baseURL,
			StateDir: filepath.Join(dir, "state"),
			Runner:   runner.Options{LoopbackOnly: true}, Sink: sink,
		}).Run(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	run(secretColl("/get", "pm.collectionVariables.set('tok', '"+stored+"');"), &recorder{})
	rec := &recorder{}
	res := run(secretColl("/get?t={{tok}}", "console.log(pm.collectionVariables.get('tok')); pm.test('sent the stored value', () => pm.expect(pm.response.json().args.t).to.have.lengthOf("+fmt.Sprint(len(stored))+"));"), rec)
	if res.Failed() {
		t.Fatalf("the second run did not send the stored value: %+v", res.Collections[0].Summary.Failures)
	}
	var logged bool
	for _, ev := range rec.events {
		text := fmt.Sprintf("%+v", ev)
		if strings.Contains(text, stored) {
			t.Errorf("an event shows the stored secret: %s", text)
		}
		if c, ok := ev.(runner.ConsoleEvent); ok && strings.Contains(fmt.Sprintf("%+v", c.Line), "***") {
			logged = true
		}
	}
	if !logged {
		t.Error("no console event with the masked value: the check above saw nothing")
	}
}
