package runner_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

// TestRunRequest: pm.execution.runRequest runs a request of the collection
// being run, as Postman's documentation describes the method (Postman CLI
// and Newman do not run it; Postman resolves the request through its
// cloud): by id (a Postman request UID "<owner>-<id>" too) or name, with
// its scripts, variable overrides above every scope, changes coming back,
// null for a request its pre-request script skips, at most 10 calls per
// script, and a clear error for a request that is not there.
func TestRunRequest(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	const out = "function out(v) { pm.test(typeof v === 'string' ? v : JSON.stringify(v), function () {}); }\n"
	ev := func(listen, src string) map[string]any {
		return map[string]any{"listen": listen, "script": map[string]any{"exec": out + src}}
	}
	coll := map[string]any{
		"info": map[string]any{"name": "rr", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item": []any{
			map[string]any{"name": "Helpers", "item": []any{
				map[string]any{"name": "Get token", "id": "req-token",
					"request": map[string]any{"method": "GET", "url": base + "/get?who={{who}}&local={{lv}}"},
					"event": []any{
						ev("prerequest", "console.log('nested pre', pm.variables.get('who')); pm.environment.set('fromNested', 'yes');"),
						ev("test", "pm.test('nested test', function () {}); pm.variables.set('nestedLocal', 'n1');"),
					}},
				map[string]any{"name": "Skipper", "id": "req-skip", "request": map[string]any{"method": "GET", "url": base + "/get"},
					"event": []any{ev("prerequest", "pm.execution.skipRequest();")}},
			}},
			map[string]any{"name": "Main", "id": "req-main", "request": map[string]any{"method": "GET", "url": base + "/get?main=1"},
				"event": []any{ev("test", `pm.variables.set('lv', 'L');
(async function () {
  var r = await pm.execution.runRequest('req-token', {variables: {who: 'alice'}});
  out([r.code, r.json().args, pm.environment.get('fromNested'), pm.variables.get('nestedLocal'), r.constructor.name]);
  var r2 = await pm.execution.runRequest('owner123-req-token');
  out([r2.code, r2.json().args.who]);
  out((await pm.execution.runRequest('Get token')).code);
  out(await pm.execution.runRequest('Skipper'));
  try { await pm.execution.runRequest('nope'); } catch (e) { out(e.message); }
  try { await pm.execution.runRequest(); } catch (e) { out(e.message); }
  var n = 0;
  for (var i = 0; i < 8; i++) { try { await pm.execution.runRequest('req-token'); n++; } catch (e) { out([n, e.message]); break; } }
})();`)}},
		},
	}
	raw, err := json.Marshal(coll)
	require.NoError(t, err)
	c, err := collections.LoadBytes(raw, "rr.json")
	require.NoError(t, err)
	rec := &recorder{}
	env := environments.NewScope("environment", nil)
	r := &runner.Runner{Collection: c, Sink: rec, Environment: env, Options: runner.Options{Folders: []string{"Main"}, LoopbackOnly: true}}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err = r.Run(ctx)
	require.NoError(t, err)
	var tests, console []string
	for _, e := range rec.events {
		switch e := e.(type) {
		case runner.AssertionEvent:
			tests = append(tests, e.Result.Name)
		case runner.ConsoleEvent:
			console = append(console, e.Line.Text)
		}
	}
	assert.Equal(t, []string{
		`[200,{"who":"alice","local":"L"},"yes","n1","PostmanResponse"]`,
		`[200,"{{who}}"]`,
		`200`,
		`null`,
		`pm.execution.runRequest: no request "nope" in the collection being run (courier runs referenced requests of that collection, by id or name; requests elsewhere in a Postman workspace need the Postman cloud)`,
		`runRequest: collection request id not provided`,
		`[5,"The maximum number of pm.execution.runRequest() calls have been reached for this request."]`,
	}, tests, "the referenced request's own tests are not reported")
	require.NotEmpty(t, console)
	assert.Equal(t, "'nested pre', 'alice'", console[0], "the referenced request's console lines are the run's")
	v, _ := env.Lookup("fromNested")
	assert.Equal(t, "yes", v.Value)
	assert.Len(t, rec.requests(), 1, "only Main is an item of the run: referenced requests are not executions")
	for _, l := range console {
		assert.False(t, strings.Contains(l, "Skipper"))
	}
}

// TestRunRequestDepth: a request that runs itself nests no deeper than
// postman-runtime's 10, then the call fails in its words (it went on until
// the memory limit: ~30 s and 2 GB). The script stops on its own at 15
// runs, so the test stays small whatever the runner does.
func TestRunRequestDepth(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	coll := map[string]any{
		"info": map[string]any{"name": "deep"},
		"item": []any{map[string]any{"name": "Self", "id": "self-id",
			"request": map[string]any{"method": "GET", "url": base + "/get"},
			"event": []any{map[string]any{"listen": "test", "script": map[string]any{"exec": `
var n = (+pm.globals.get('runs') || 0) + 1;
pm.globals.set('runs', n);
if (n < 15) {
  try { await pm.execution.runRequest('self-id'); } catch (e) { if (!pm.globals.has('stopped')) pm.globals.set('stopped', e.message); }
}`}}}}},
	}
	raw, err := json.Marshal(coll)
	require.NoError(t, err)
	c, err := collections.LoadBytes(raw, "deep.json")
	require.NoError(t, err)
	globals := environments.NewScope("globals", nil)
	r := &runner.Runner{Collection: c, Sink: &recorder{}, Globals: globals, Options: runner.Options{LoopbackOnly: true}}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	_, err = r.Run(ctx)
	require.NoError(t, err)
	runs, _ := globals.Lookup("runs")
	stopped, _ := globals.Lookup("stopped")
	assert.Equal(t, "11", runs.Value, "the run's own request and 10 nested ones")
	assert.Equal(t, "Max pm.execution.runRequest depth of 10 has been reached.", stopped.Value)
}
