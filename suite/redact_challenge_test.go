package suite

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/scripting"
	"github.com/courier-run/courier/vault"
)

// Every part of a sent request a reporter can print is masked at the
// source, the digest challenge's round trip (its own request line, and its
// headers and 401 body under --verbose) included.
func TestRedactEventMasksTheChallengeRoundTrip(t *testing.T) {
	t.Parallel()
	const secret = "s3cret-api-key-value"
	red := vault.NewRedactor()
	red.Add(secret)
	sent := runner.SentRequest{
		Method:        "GET",
		URL:           "http://127.0.0.1/x",
		ChallengeSent: []collections.Header{{Key: "X-Api-Key", Value: secret}},
		Challenge: &scripting.Response{Code: 401, Status: "Unauthorized", URL: "http://127.0.0.1/x?k=" + secret,
			Header: []collections.Header{{Key: "X-Echo", Value: secret}}, Body: []byte(`{"key":"` + secret + `"}`)},
	}
	for _, ev := range []runner.Event{
		runner.RequestEvent{Request: sent},
		runner.ScriptRequestEvent{Request: sent},
	} {
		before, err := json.Marshal(ev)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(before), secret) {
			t.Fatalf("%T: the event under test holds no secret", ev)
		}
		after, err := json.Marshal(redactEvent(red, ev))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(after), secret) {
			t.Errorf("%T: secret left after redaction: %s", ev, after)
		}
		if again, _ := json.Marshal(ev); string(again) != string(before) {
			t.Errorf("%T: redaction changed the original event", ev)
		}
	}
}
