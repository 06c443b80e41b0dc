package suite

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/scripting"
	"github.com/courier-run/courier/vault"
)

// TestRedactRoundTripEvents: every event that carries a request as sent
// and its response (the item's, and each pm.sendRequest round trip, for
// the reports and for the CLI's line) reaches the reporters masked.
func TestRedactRoundTripEvents(t *testing.T) {
	t.Parallel()
	const secret = "s3cr3t-Canary-41"
	red := vault.NewRedactor()
	red.Add(secret)
	sent := runner.SentRequest{Method: "POST", URL: "http://127.0.0.1/x?k=" + secret, Shown: "http://127.0.0.1/x?k=" + secret,
		Header: []collections.Header{{Key: "X-Key", Value: secret}}, Body: []byte("v=" + secret)}
	resp := &runner.Response{Code: 200, Status: "OK", URL: sent.URL, Header: []collections.Header{{Key: "X-Echo", Value: secret}}, Body: []byte(`{"k":"` + secret + `"}`)}
	fail := &runner.ErrorInfo{Name: "Error", Message: "getaddrinfo ENOTFOUND " + secret}
	events := []runner.Event{
		runner.RequestEvent{Request: sent, Response: resp},
		runner.ScriptRequestEvent{Request: sent, Response: resp},
		runner.ScriptRequestEvent{Request: sent, Err: fail},
		runner.ScriptRequestLineEvent{Request: sent, Response: resp},
		runner.ScriptRequestLineEvent{Request: sent, Err: fail},
	}
	// The parts a reporter prints, pointers followed.
	show := func(ev runner.Event) string {
		var req runner.SentRequest
		var res *runner.Response
		var err error
		switch e := ev.(type) {
		case runner.RequestEvent:
			req, res, err = e.Request, e.Response, e.Err
		case runner.ScriptRequestEvent:
			req, res, err = e.Request, e.Response, e.Err
		case runner.ScriptRequestLineEvent:
			req, res, err = e.Request, e.Response, e.Err
		}
		out := fmt.Sprintf("%+v", req)
		if res != nil {
			out += fmt.Sprintf(" %+v %s", *res, res.Body)
		}
		if err != nil {
			out += " " + err.Error()
		}
		return out
	}
	for i, ev := range events {
		if !strings.Contains(show(ev), secret) {
			t.Fatalf("event %d (%T): the test's event holds no secret", i, ev)
		}
		got := show(redactEvent(red, ev))
		if strings.Contains(got, secret) {
			t.Errorf("event %d (%T) leaks the secret: %s", i, ev, got)
		}
		if !strings.Contains(got, "***") {
			t.Errorf("event %d (%T) shows no mask: %s", i, ev, got)
		}
	}
	if !strings.Contains(string(sent.Body), secret) || !strings.Contains(string(resp.Body), secret) {
		t.Error("the runner's own copies were changed")
	}
}

// TestRedactEventMasksTheNextRequest: a script's setNextRequest target is
// printed by the CLI ("Attempting to set next request to <name>"), so it is
// masked with the rest of the script's event.
func TestRedactEventMasksTheNextRequest(t *testing.T) {
	t.Parallel()
	const secret = "s3cr3t-Next-Canary"
	red := vault.NewRedactor()
	red.Add(secret)
	ev := runner.ScriptEvent{Listen: "test", NextRequest: "go to " + secret}
	got := redactEvent(red, ev).(runner.ScriptEvent)
	if got.NextRequest != "go to ***" {
		t.Errorf("NextRequest = %q, want it masked", got.NextRequest)
	}
}

// TestRedactHeadersMasksEveryPart: a header's key, value, typed value and
// description (a script may give one) are masked at the source.
func TestRedactHeadersMasksEveryPart(t *testing.T) {
	t.Parallel()
	const secret = "s3cr3t-Header-Canary"
	red := vault.NewRedactor()
	red.Add(secret)
	h := collections.Header{Key: "X-" + secret, Value: secret, JSON: `{"k":"` + secret + `"}`, Description: "for " + secret, Described: true}
	got := redactHeaders(red.Redact, []collections.Header{h})[0]
	want := collections.Header{Key: "X-***", Value: "***", JSON: `{"k":"***"}`, Description: "for ***", Described: true}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

// TestRedactErrorPort: a refused connection's port is the URL's, which a
// secret may have given. The report writes it as a number, so a secret
// one is left out (masking it in place would make the JSON report's
// number a string); any other port stays.
func TestRedactErrorPort(t *testing.T) {
	t.Parallel()
	red := vault.NewRedactor()
	red.Add("48213")
	for _, tt := range []struct {
		port int
		kept bool
	}{{48213, false}, {8080, true}, {482130, true}} {
		p := tt.port
		ev := runner.RequestEvent{Err: &runner.ErrorInfo{Name: "Error", Code: "ECONNREFUSED", Port: &p,
			Text: fmt.Sprintf("connect ECONNREFUSED 127.0.0.1:%d", p)}}
		got := redactEvent(red, ev).(runner.RequestEvent).Err.(*runner.ErrorInfo)
		if (got.Port != nil) != tt.kept || got.Port != nil && *got.Port != tt.port {
			t.Errorf("port %d: got %v, kept want %v", tt.port, got.Port, tt.kept)
		}
	}
}

// TestRedactErrorInfoFields: the error fields reporters write or scripts'
// errors carry are masked at the source: a TLS failure's host, reason and
// port text, an escaped chai assertion's actual and expected (still JSON,
// a numeric secret as a string), and the raw bytes of a response Node's
// parser refused.
func TestRedactErrorInfoFields(t *testing.T) {
	t.Parallel()
	red := vault.NewRedactor()
	red.Add("s3cret-host-label", "4821")
	ev := runner.ScriptEvent{Err: &runner.ErrorInfo{Name: "AssertionError", Text: "x",
		NodeErrorDetails: scripting.NodeErrorDetails{Host: "s3cret-host-label.test", Reason: "Hostname/IP does not match: s3cret-host-label.test",
			PortText: "4821", RawPacket: []byte("HTTP/1.1 2x0 s3cret-host-label\r\n")},
		Fields: json.RawMessage(`{"actual":{"v":"s3cret-host-label"},"expected":4821,"operator":"deepStrictEqual"}`)}}
	got := redactEvent(red, ev).(runner.ScriptEvent).Err.(*runner.ErrorInfo)
	assert.Equal(t, "***.test", got.Host)
	assert.Equal(t, "Hostname/IP does not match: ***.test", got.Reason)
	assert.Equal(t, "***", got.PortText)
	assert.JSONEq(t, `{"actual":{"v":"***"},"expected":"***","operator":"deepStrictEqual"}`, string(got.Fields))
	assert.Equal(t, "HTTP/1.1 2x0 ***\r\n", string(got.RawPacket))
}

// TestRedactSentResolvedAndBodyParts: the parts of a sent request the JSON
// report writes since session 19 are masked at the source: a failed
// request's resolved references (its source's name, scripts, examples), a
// body row's description (resolved as the runtime resolves the item), a
// GraphQL body's operationName and a variables object, and a file body's
// member as the collection wrote it.
func TestRedactSentResolvedAndBodyParts(t *testing.T) {
	t.Parallel()
	const secret = "s3cr3t-Source-Canary"
	red := vault.NewRedactor()
	red.Add(secret)
	form := &collections.Request{Method: "POST", Body: &collections.Body{Mode: "formdata",
		FormData:  []collections.FormParam{{Key: "k", Value: "v", Type: "text", Description: "about " + secret}},
		GraphQL:   &collections.GraphQL{Query: "{a}", OperationName: secret, Variables: `{"pin":"` + secret + `"}`, VariablesJSON: true},
		FileGiven: `{"src":"` + secret + `"}`}}
	sent := runner.SentRequest{Method: "POST", URL: "http://127.0.0.1/x", Form: form, Resolved: map[string]string{"token": "Bearer " + secret}}
	got := redactEvent(red, runner.RequestEvent{Request: sent, Err: &runner.ErrorInfo{Name: "Error", Message: "refused"}}).(runner.RequestEvent).Request
	b := got.Form.Body
	for what, v := range map[string]string{
		"resolved reference":       got.Resolved["token"],
		"form row description":     b.FormData[0].Description,
		"GraphQL operationName":    b.GraphQL.OperationName,
		"GraphQL variables (JSON)": b.GraphQL.Variables,
		"file member (as written)": b.FileGiven,
	} {
		if strings.Contains(v, secret) || !strings.Contains(v, "***") {
			t.Errorf("%s not masked: %q", what, v)
		}
	}
	if !json.Valid([]byte(b.GraphQL.Variables)) || !json.Valid([]byte(b.FileGiven)) {
		t.Errorf("masked JSON no longer JSON: %s %s", b.GraphQL.Variables, b.FileGiven)
	}
	if !strings.Contains(sent.Resolved["token"], secret) || !strings.Contains(form.Body.FormData[0].Description, secret) {
		t.Error("the runner's own copies were changed")
	}
}

// TestRedactConsoleFormat: a secret that was console.log's format string
// lost its %s and %% to util.format (Message held it with the next
// argument inside it, unmasked); the line is then shown unformatted. A
// secret that is an argument keeps the formatting.
func TestRedactConsoleFormat(t *testing.T) {
	t.Parallel()
	const secret = "Xy7%sQp9Lm2Vb%%Zz8"
	red := vault.NewRedactor()
	red.Add(secret)
	for _, tc := range []struct {
		line runner.ConsoleLine
		want string
	}{
		{runner.ConsoleLine{Text: "'" + secret + "', 'INJECTED'", Message: "Xy7INJECTEDQp9Lm2Vb%Zz8", Format: secret,
			Unformatted: secret + " INJECTED"}, "*** INJECTED"},
		{runner.ConsoleLine{Text: "'token %s', '" + secret + "'", Message: "token " + secret, Format: "token %s",
			Unformatted: "token %s " + secret}, "token ***"},
		{runner.ConsoleLine{Text: "'plain'", Message: "plain"}, "plain"},
	} {
		got := redactEvent(red, runner.ConsoleEvent{Line: tc.line}).(runner.ConsoleEvent).Line
		assert.Equal(t, tc.want, got.Message)
		assert.Empty(t, got.Format+got.Unformatted, "the raw format never reaches a reporter")
	}
}

// TestLearnedSecretsKeptUnlessVault: a value a script gave a variable of
// type secret may be kept as a current value; one that holds a vault value
// (copied into the variable, or around it) may not.
func TestLearnedSecretsKeptUnlessVault(t *testing.T) {
	t.Parallel()
	red := vault.NewRedactor()
	red.Add("vault-value-Kq82Lm")
	l := &learnedSecrets{Redactor: red}
	l.Add("token-from-login-7Qx9", "vault-value-Kq82Lm")
	secret := l.holdsSecret()
	assert.False(t, secret("token-from-login-7Qx9"), "a token a script stored")
	assert.True(t, secret("vault-value-Kq82Lm"), "a vault value copied into a secret variable")
	assert.True(t, secret("Bearer vault-value-Kq82Lm"), "a value holding one")
	assert.Equal(t, "***", red.Redact("token-from-login-7Qx9"), "masked all the same")
}
