package report

import (
	"bytes"
	"testing"

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
