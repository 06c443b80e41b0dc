package suite_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/runner/report"
	"github.com/courier-run/courier/runner/report/jsonreport"
	"github.com/courier-run/courier/suite"
)

// dataDriven is a collection whose iterations differ only by their data
// row: each logs, asserts on the echoed row and sets variables, and its
// last request loops on itself with setNextRequest three times.
func dataDriven(t *testing.T) *collections.Collection {
	t.Helper()
	src := `{"info":{"name":"dd","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
"item":[
 {"name":"echo row","request":{"method":"GET","url":"{{baseUrl}}/get?n={{n}}"},
  "event":[{"listen":"test","script":{"exec":[
   "const n = pm.response.json().args.n;",
   "console.log('row', n, pm.info.iteration);",
   "pm.test('echoes its row', () => pm.expect(n).to.eql(String(pm.iterationData.get('n'))));",
   "pm.test('odd rows fail', () => pm.expect(Number(n) % 2).to.eql(0));",
   "pm.environment.set('last', n);",
   "if (pm.info.iteration === 1) { pm.environment.set('onlyEarly', n); }",
   "pm.collectionVariables.set('seen' + n, 'yes');"]}}]},
 {"name":"cookies","request":{"method":"GET","url":"{{baseUrl}}{{cookiePath}}"},
  "event":[{"listen":"test","script":{"exec":[
   "pm.environment.set('cookies' + pm.info.iteration, JSON.stringify(pm.response.json().cookies));"]}}]},
 {"name":"loop","request":{"method":"GET","url":"{{baseUrl}}/get?loop=1"},
  "event":[{"listen":"test","script":{"exec":[
   "const k = 'loop' + pm.info.iteration, n = Number(pm.collectionVariables.get(k) || 0) + 1;",
   "pm.collectionVariables.set(k, n);",
   "pm.test('pass ' + n, () => {});",
   "if (n < 3) { pm.execution.setNextRequest('loop'); }"]}}]}]}`
	c, err := collections.LoadBytes([]byte(src), "dd.json")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

const rows = `[{"n":0,"cookiePath":"/cookies/set?w=0"},{"n":1,"cookiePath":"/cookies"},{"n":2,"cookiePath":"/cookies"},
{"n":3,"cookiePath":"/cookies"},{"n":4,"cookiePath":"/cookies"},{"n":5,"cookiePath":"/cookies"},{"n":6,"cookiePath":"/cookies"}]`

// runDD runs the data-driven collection on workers and returns its JSON
// report and summary.
func runDD(t *testing.T, workers int) (*jsonreport.Report, *runner.Summary) {
	t.Helper()
	data, err := environments.ParseData([]byte(rows), "rows.json")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "run.json")
	res, err := suite.New(suite.Options{
		Collections: []*collections.Collection{dataDriven(t)},
		Environment: &environments.File{Name: "env", Values: []environments.Variable{{Key: "last", Value: "none"}}},
		Data:        data,
		LocalEcho:   true,
		Runner:      runner.Options{LoopbackOnly: true},
		Parallel:    workers,
		Reporters:   []string{"json"},
		Report:      report.Options{Exports: map[string]string{"json": path}},
	}).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	rep, err := jsonreport.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return rep, res.Collections[0].Summary
}

// outcomes are what a report says happened, without times and ids.
func outcomes(rep *jsonreport.Report) []string {
	var out []string
	for _, e := range rep.Run.Executions {
		line := fmt.Sprintf("%d %s %v", e.Cursor.Iteration, e.Item.Name, e.Request.URL.Path)
		for _, q := range e.Request.URL.Query {
			line += " " + q.Key + "=" + *q.Value
		}
		for _, a := range e.Assertions {
			line += fmt.Sprintf(" [%s %v]", a.Assertion, a.Error == nil)
		}
		for _, c := range e.Console {
			line += " console:" + c.Message
		}
		out = append(out, line)
	}
	for _, f := range rep.Run.Failures {
		out = append(out, fmt.Sprintf("failure %d %s %s", f.Cursor.Iteration, f.Source.Name, f.Error.Message))
	}
	return out
}

func envValues(rep *jsonreport.Report) map[string]string {
	m := map[string]string{}
	for _, v := range rep.Environment.Values {
		m[v.Key] = string(v.Value)
	}
	return m
}

func TestParallelReadsAsSequential(t *testing.T) {
	t.Parallel()
	seq, seqSum := runDD(t, 1)
	for _, workers := range []int{2, 3} {
		t.Run(fmt.Sprint(workers, " workers"), func(t *testing.T) {
			t.Parallel()
			par, parSum := runDD(t, workers)
			if got, want := outcomes(par), outcomes(seq); !reflect.DeepEqual(got, want) {
				t.Errorf("parallel outcomes differ from the sequential run's:\n got %q\nwant %q", got, want)
			}
			if par.Run.Stats != seq.Run.Stats {
				t.Errorf("stats %+v, want %+v", par.Run.Stats, seq.Run.Stats)
			}
			if parSum.Workers != workers || seqSum.Workers > 1 {
				t.Errorf("summary workers %d (sequential %d)", parSum.Workers, seqSum.Workers)
			}
			if par.Run.Parallel == nil || par.Run.Parallel.Workers != workers || seq.Run.Parallel != nil {
				t.Errorf("the JSON report's run.parallel: %+v (sequential %+v)", par.Run.Parallel, seq.Run.Parallel)
			}
			env := envValues(par)
			// last iteration wins, and a value set by one early iteration
			// survives the merge.
			if env["last"] != "6" || env["onlyEarly"] != "1" {
				t.Errorf("merged environment %v: want last=6 (the last iteration's) and onlyEarly=1", env)
			}
			// Own cookie jars: only worker 0 got the cookie of iteration 0.
			if env["cookies1"] != "{}" || env["cookies"+fmt.Sprint(workers)] != `{"w":"0"}` {
				t.Errorf("cookies seen: iteration 1 %s, iteration %d %s", env["cookies1"], workers, env["cookies"+fmt.Sprint(workers)])
			}
			var seen []string
			for _, v := range par.Collection.Variable {
				if strings.HasPrefix(v.Key, "seen") {
					seen = append(seen, v.Key)
				}
			}
			if want := []string{"seen0", "seen1", "seen2", "seen3", "seen4", "seen5", "seen6"}; !reflect.DeepEqual(seen, want) {
				t.Errorf("merged collection variables %v, want %v", seen, want)
			}
		})
	}
	loops := 0
	for _, e := range seq.Run.Executions {
		if e.Item.Name == "loop" {
			loops++
		}
	}
	if loops != 3*7 {
		t.Errorf("the setNextRequest loop ran %d times over 7 iterations, want 3 each", loops)
	}
	if env := envValues(seq); env["last"] != "6" || env["cookies1"] != `{"w":"0"}` {
		t.Errorf("sequential run: %v", env)
	}
}

func TestParallelWithBailRunsInOrder(t *testing.T) {
	t.Parallel()
	data, err := environments.ParseData([]byte(rows), "rows.json")
	if err != nil {
		t.Fatal(err)
	}
	res, err := suite.New(suite.Options{
		Collections: []*collections.Collection{dataDriven(t)},
		Data:        data, LocalEcho: true, Parallel: 3,
		Runner: runner.Options{LoopbackOnly: true, Bail: []string{runner.BailFailure}},
	}).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s := res.Collections[0].Summary
	if s.Iterations.Total != 2 || !s.Bailed || s.Workers > 1 {
		t.Errorf("bail: %d iterations, bailed %v, workers %d; want 2 iterations, one after the other", s.Iterations.Total, s.Bailed, s.Workers)
	}
}

// A parallel run that hits --timeout stops every worker and says why; it
// does not hang waiting for iterations that will never come.
func TestParallelTimeoutStopsTheRun(t *testing.T) {
	t.Parallel()
	slow := coll(t, "slow", "/delay/2", "")
	res, err := suite.New(suite.Options{
		Collections: []*collections.Collection{slow},
		LocalEcho:   true,
		Parallel:    2,
		Runner:      runner.Options{LoopbackOnly: true, Iterations: 6, Timeout: 100e6},
	}).Run(context.Background())
	var re *suite.RunError
	if !errors.As(err, &re) || !strings.Contains(err.Error(), "--timeout") {
		t.Fatalf("error %v, want the run stopped by --timeout", err)
	}
	if s := res.Collections[0].Summary; s == nil || s.Workers != 2 {
		t.Fatalf("summary %+v", s)
	}
}

// With several collections, --parallel runs them side by side from the same
// start; output comes in collection order and their changes are merged, the
// later collection winning.
func TestParallelCollectionsAreIndependent(t *testing.T) {
	t.Parallel()
	first := coll(t, "first", "/delay/1", "pm.environment.set('x', 'a'); pm.environment.set('z', 'a');")
	second := coll(t, "second", "/get?x={{x}}", "pm.test('does not see the first', () => pm.expect(pm.response.json().args.x).to.eql('{{x}}')); pm.environment.set('y', 'b'); pm.environment.set('z', 'b');")
	rec := &recorder{}
	dir := t.TempDir()
	envOut := filepath.Join(dir, "env.json")
	res, err := suite.New(suite.Options{
		Collections: []*collections.Collection{first, second},
		Environment: &environments.File{Name: "e", Values: []environments.Variable{{Key: "x", Value: "{{x}}"}}},
		LocalEcho:   true,
		Parallel:    2,
		Runner:      runner.Options{LoopbackOnly: true},
		Sink:        rec,
		Exports:     suite.Exports{Environment: envOut},
	}).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Collections) != 2 || res.Failed() {
		t.Fatalf("results %+v", res.Collections)
	}
	var order []string
	for _, ev := range rec.events {
		switch e := ev.(type) {
		case runner.StartEvent:
			order = append(order, "start "+e.Collection.Info.Name)
		case runner.DoneEvent:
			order = append(order, "done")
		}
	}
	if want := []string{"start first", "done", "start second", "done"}; !reflect.DeepEqual(order, want) {
		t.Errorf("events in the order %v, want %v", order, want)
	}
	env, err := environments.LoadFile(envOut)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, v := range env.Values {
		got[v.Key] = v.Value
	}
	if got["x"] != "a" || got["y"] != "b" || got["z"] != "b" {
		t.Errorf("merged environment %v, want x=a y=b z=b", got)
	}
}
