package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/runner/report/jsonreport"
)

// A saved report replayed gives the reporters what the live run gave them:
// the JUnit file written from the replay equals the live one, and the
// JSON report written from the replay equals the saved one.
func TestReplayRendersAsTheLiveRun(t *testing.T) {
	t.Parallel()
	live := newDemo().events()
	var saved, liveJUnit bytes.Buffer
	j, ju := NewJSON(&saved, JSONOptions{}), NewJUnit(&liveJUnit, JUnitOptions{})
	play(NewMulti(j, ju), live)
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	if err := ju.Close(); err != nil {
		t.Fatal(err)
	}
	rep, err := jsonreport.Read(bytes.NewReader(saved.Bytes()), "saved.json")
	if err != nil {
		t.Fatal(err)
	}
	var again, replayJUnit bytes.Buffer
	j2, ju2 := NewJSON(&again, JSONOptions{}), NewJUnit(&replayJUnit, JUnitOptions{})
	Replay(rep, NewMulti(j2, ju2))
	if err := j2.Close(); err != nil {
		t.Fatal(err)
	}
	if err := ju2.Close(); err != nil {
		t.Fatal(err)
	}
	if replayJUnit.String() != liveJUnit.String() {
		t.Errorf("JUnit from the replay differs:\n--- live ---\n%s\n--- replay ---\n%s", liveJUnit.String(), replayJUnit.String())
	}
	if again.String() != saved.String() {
		t.Errorf("JSON from the replay differs:\n--- saved ---\n%s\n--- replay ---\n%s", saved.String(), again.String())
	}
}

// The request as sent, in its collection form, survives a replay (merge
// replays reports): own headers with the disabled ones, the urlencoded
// fields (one without a value, one null), the auth, the description, a
// :path variable left unresolved and an empty hash.
func TestReplayKeepsTheSentForm(t *testing.T) {
	t.Parallel()
	d := newDemo()
	ref := d.ref(d.create)
	form := &collections.Request{Method: "POST", Description: "made for x",
		Header: []collections.Header{{Key: "X-Own", Value: "1"}, {Key: "X-Off", Value: "0", Disabled: true}},
		Body: &collections.Body{Mode: collections.BodyURLEncoded, URLEncoded: []collections.FormParam{
			{Key: "a", Value: "1"}, {Key: "b", NoValue: collections.ValueUnset}, {Key: "c", NoValue: collections.ValueNull},
			{Key: "off", Value: "x", Disabled: true}}},
		Auth: &collections.Auth{Type: "bearer", Params: map[string]string{"token": "t"}, Order: []string{"token"}}}
	sent := runner.SentRequest{Method: "POST", URL: "http://127.0.0.1:18080/post/:id#", Body: []byte("a=1&b=&c="), Form: form,
		Header: []collections.Header{{Key: "X-Own", Value: "1"}, {Key: "Content-Length", Value: "9", System: true}}}
	evs := []runner.Event{
		runner.StartEvent{Collection: d.coll, Iterations: 1, Started: t0, Total: 1},
		runner.IterationEvent{Iteration: 0, Total: 1},
		runner.ItemStartEvent{Item: ref},
		runner.RequestEvent{Item: ref, Request: sent, Response: response(200, 3, nil)},
		runner.ItemDoneEvent{Item: ref},
		runner.DoneEvent{Summary: &runner.Summary{Started: t0, Completed: t0},
			Variables: runner.Variables{EnvironmentName: "env", Environment: []environments.Variable{}, GlobalsName: "globals", Globals: []environments.Variable{}}},
	}
	var saved bytes.Buffer
	j := NewJSON(&saved, JSONOptions{})
	play(j, evs)
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"urlencoded":[{"key":"a","value":"1"},{"key":"b"},{"key":"c","value":null},{"disabled":true,"key":"off","value":"x"}]`,
		`"header":[{"key":"X-Own","value":"1"},{"disabled":true,"key":"X-Off","value":"0"},{"key":"Content-Length","value":"9","system":true}]`,
		`"auth":{"type":"bearer","bearer":[{"type":"any","value":"t","key":"token"}]}`,
		`"description":{"content":"made for x","type":"text/plain"}`,
		`"hash":"",`,
		`"variable":[{"type":"any","key":"id"}]`,
	} {
		if !strings.Contains(saved.String(), want) {
			t.Errorf("the sent request lacks %s:\n%s", want, saved.String())
		}
	}
	rep, err := jsonreport.Read(bytes.NewReader(saved.Bytes()), "saved.json")
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	j2 := NewJSON(&again, JSONOptions{})
	Replay(rep, j2)
	if err := j2.Close(); err != nil {
		t.Fatal(err)
	}
	if again.String() != saved.String() {
		t.Errorf("JSON from the replay differs:\n--- saved ---\n%s\n--- replay ---\n%s", saved.String(), again.String())
	}
}
