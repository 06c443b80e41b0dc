package runner_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

// Auth that cannot be applied (a JWT with a broken key) warns and the
// request goes out without it, as in Postman.
func TestUnappliedAuthWarnsAndSends(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ name, auth, warning string }{
		{"jwt", `{"type":"jwt","jwt":[{"key":"algorithm","value":"RS256"},{"key":"privateKey","value":"not a key"}]}`, "jwt auth was not applied"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := coll(`{"name":"r","request":{"method":"GET","url":"{{baseUrl}}/headers?a=1","auth":` + tt.auth + `},` +
				`"event":[{"listen":"test","script":{"exec":"pm.test('sent without auth', () => pm.expect(pm.response.json().headers).not.to.have.property('authorization'))"}}]}`)
			sum, rec, _ := run(t, c, runner.Options{})
			assert.Empty(t, sum.Failures)
			assert.Equal(t, map[string]bool{"sent without auth": true}, rec.assertions())
			var warnings []string
			for _, e := range rec.events {
				if w, ok := e.(runner.WarningEvent); ok {
					warnings = append(warnings, w.Message)
				}
			}
			require.Len(t, warnings, 1)
			assert.True(t, strings.HasPrefix(warnings[0], tt.warning), warnings[0])
			reqs := rec.requests()
			require.Len(t, reqs, 1)
			assert.True(t, strings.HasSuffix(reqs[0].Request.URL, "/headers?a=1"), reqs[0].Request.URL)
		})
	}
}

// A seeded run sends the same Postman-Token headers every time, and they
// come from a generator of their own: {{$guid}} draws the same values as in
// a run without requests before it.
func TestSeededRunRepeatsPostmanTokens(t *testing.T) {
	t.Parallel()
	c := coll(`{"name":"a","request":{"method":"GET","url":"{{baseUrl}}/get?g={{$guid}}"}}`,
		`{"name":"b","request":{"method":"GET","url":"{{baseUrl}}/get"}}`)
	tokens := func(seed uint64) (out []string) {
		_, rec, _ := run(t, c, runner.Options{Seed: seed})
		for _, e := range rec.requests() {
			for _, h := range e.Request.Header {
				if h.Key == "Postman-Token" {
					out = append(out, h.Value)
				}
			}
			if g, ok := strings.CutPrefix(e.Request.URL[strings.Index(e.Request.URL, "?")+1:], "g="); ok {
				out = append(out, "guid "+g)
			}
		}
		require.Len(t, out, 3)
		return out
	}
	first := tokens(7)
	assert.Equal(t, first, tokens(7))
	assert.NotEqual(t, first, tokens(8))
	assert.NotEqual(t, first[0], first[2], "each request gets its own token")
	// {{$guid}} is the first value the seed gives scripts and variables,
	// whatever the tokens drew.
	gen := environments.NewGen(7)
	want, _ := gen.Dynamic("$guid")
	assert.Equal(t, "guid "+want, first[1])
}

// What a callback throws (or the script, while callbacks are pending) is
// dropped as in Postman: the other callbacks run, nothing fails, and each
// dropped error is a warning naming the script and its place.
func TestDroppedCallbackErrorsWarn(t *testing.T) {
	t.Parallel()
	c := coll(`{"name":"cb","request":{"method":"GET","url":"{{baseUrl}}/get"},"event":[{"listen":"test","script":{"exec":[`+
		`"setTimeout(() => { pm.test('in timer', () => {}); null.x; }, 5);",`+
		`"pm.sendRequest(pm.variables.replaceIn('{{baseUrl}}/get'), () => { pm.test('cb ran', () => {}); undefined.y; });",`+
		`"setTimeout(() => pm.test('late', () => {}), 30);"]}}]}`,
		`{"name":"top","request":{"method":"GET","url":"{{baseUrl}}/get"},"event":[{"listen":"test","script":{"exec":[`+
			`"setTimeout(() => pm.test('pending timer', () => {}), 5);", "null.z;"]}}]}`)
	sum, rec, _ := run(t, c, runner.Options{})
	assert.Empty(t, sum.Failures)
	assert.Equal(t, map[string]bool{"in timer": true, "cb ran": true, "late": true, "pending timer": true}, rec.assertions())
	var warnings []string
	for _, e := range rec.events {
		if w, ok := e.(runner.WarningEvent); ok {
			warnings = append(warnings, w.Item.Name+": "+w.Message)
		}
	}
	require.Len(t, warnings, 3, "%q", warnings)
	want := []string{"reading 'x'", "reading 'y'", "reading 'z'"}
	for _, w := range want {
		found := false
		for _, got := range warnings {
			found = found || strings.Contains(got, w) && strings.Contains(got, "not counted as a failure")
		}
		assert.True(t, found, "a warning for %s in %q", w, warnings)
	}
	assert.Contains(t, warnings[2], `top: test script "top" at 2:6: TypeError: Cannot read properties of null (reading 'z')`)
}

// cancelAfterPrerequest cancels the run once item's pre-request script
// has ended, as Ctrl-C landing between the script and the request does.
type cancelAfterPrerequest struct {
	recorder
	item   string
	cancel context.CancelFunc
}

func (c *cancelAfterPrerequest) Handle(e runner.Event) {
	c.recorder.Handle(e)
	if s, ok := e.(runner.ScriptEvent); ok && s.Listen == "prerequest" && s.Item.Name == c.item {
		c.cancel()
	}
}

// A run stopped after an item's pre-request scripts and before its request
// leaves that item open (no ItemDoneEvent), as a stop during the request
// does: reports then show it as interrupted, not as an item that completed
// without a request.
func TestStopAfterPrerequestLeavesTheItemOpen(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	c, err := collections.LoadBytes([]byte(coll(
		`{"name":"a","request":{"method":"GET","url":"`+base+`/get"}}`,
		`{"name":"b","request":{"method":"GET","url":"`+base+`/get"},"event":[{"listen":"prerequest","script":{"exec":"pm.variables.set('x', 1)"}}]}`)), "test.json")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sink := &cancelAfterPrerequest{item: "b", cancel: cancel}
	r := &runner.Runner{Collection: c, Environment: environments.NewScope("env", nil), Sink: sink}
	_, _ = r.Run(ctx)
	var done []string
	for _, e := range sink.events {
		if d, ok := e.(runner.ItemDoneEvent); ok {
			done = append(done, d.Item.Name)
		}
	}
	assert.Equal(t, []string{"a"}, done, "b was stopped inside, not completed")
	assert.Equal(t, []string{"a"}, sink.sentNames())
}
