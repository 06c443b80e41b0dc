package suite

import (
	"encoding/json"
	"strconv"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/scripting"
	"github.com/courier-run/courier/vault"
)

// redactSink masks secrets in every event before any reporter sees it:
// reporters wrap long lines, truncate values and escape them for JSON, XML
// or HTML, and a secret cut in two by a line break or escaped on its way
// out no longer matches the value the redactor knows. Masking whole values
// at the source comes first; the redacting writers behind the reporters
// stay as a second net.
type redactSink struct {
	next runner.Sink
	red  *vault.Redactor
}

func (s redactSink) Handle(ev runner.Event) {
	if s.red.Len() == 0 {
		s.next.Handle(ev)
		return
	}
	s.next.Handle(redactEvent(s.red, ev))
}

// redactEvent returns ev with every text field masked; the original is left
// alone (the runner may still hold its parts).
func redactEvent(red *vault.Redactor, ev runner.Event) runner.Event {
	r := red.Redact
	switch e := ev.(type) {
	case runner.ItemStartEvent:
		e.Item = redactItem(r, e.Item)
		return e
	case runner.RequestEvent:
		e.Item, e.Request, e.Response, e.Err = redactRoundTrip(red, e.Item, e.Request, e.Response, e.Err)
		return e
	case runner.ScriptRequestEvent:
		e.Item, e.Request, e.Response, e.Err = redactRoundTrip(red, e.Item, e.Request, e.Response, e.Err)
		return e
	case runner.ScriptRequestLineEvent:
		e.Item, e.Request, e.Response, e.Err = redactRoundTrip(red, e.Item, e.Request, e.Response, e.Err)
		return e
	case runner.ScriptEvent:
		e.Item = redactItem(r, e.Item)
		e.Name = r(e.Name)
		e.Err = redactErrInfo(r, e.Err)
		// The CLI prints "Attempting to set next request to <name>".
		e.NextRequest = r(e.NextRequest)
		return e
	case runner.AssertionEvent:
		e.Item = redactItem(r, e.Item)
		e.Result.Name = r(e.Result.Name)
		e.Result.Error = r(e.Result.Error)
		return e
	case runner.ConsoleEvent:
		e.Item = redactItem(r, e.Item)
		e.Line.Text = r(e.Line.Text)
		// A secret that was the format string lost its %s, %d... and %%
		// to the substitution (console.log(secret, x) writes the secret
		// with x inside it): the line is shown unformatted instead.
		if e.Line.Format != "" && r(e.Line.Format) != e.Line.Format {
			e.Line.Message = e.Line.Unformatted
		}
		e.Line.Message = r(e.Line.Message)
		e.Line.Format, e.Line.Unformatted = "", ""
		return e
	case runner.WarningEvent:
		e.Item = redactItem(r, e.Item)
		e.Message = r(e.Message)
		return e
	case runner.ItemDoneEvent:
		e.Item = redactItem(r, e.Item)
		return e
	case runner.InterruptedEvent:
		e.Item = redactItem(r, e.Item)
		e.Err = redactErrInfo(r, e.Err)
		return e
	case runner.DoneEvent:
		if e.Summary != nil {
			sum := *e.Summary
			sum.Failures = make([]runner.Failure, len(e.Summary.Failures))
			for i, f := range e.Summary.Failures {
				f.Item = redactItem(r, f.Item)
				f.Name, f.Message, f.Stack = r(f.Name), r(f.Message), r(f.Stack)
				sum.Failures[i] = f
			}
			e.Summary = &sum
		}
		e.Variables.Environment = redactVars(r, e.Variables.Environment)
		e.Variables.Globals = redactVars(r, e.Variables.Globals)
		e.Variables.Collection = redactVars(r, e.Variables.Collection)
		e.Err = redactErrInfo(r, e.Err)
		return e
	}
	return ev
}

// redactRoundTrip masks the parts the three round-trip events share: the
// item, the request as sent, the response and the error.
func redactRoundTrip(red *vault.Redactor, item runner.ItemRef, req runner.SentRequest, resp *runner.Response, err error) (runner.ItemRef, runner.SentRequest, *runner.Response, error) {
	return redactItem(red.Redact, item), redactSent(red, req), redactResponse(red, resp), redactErrInfo(red.Redact, err)
}

// redactSent masks the request as sent: its URL (also as shown),
// headers, body and collection form.
func redactSent(red *vault.Redactor, s runner.SentRequest) runner.SentRequest {
	r := red.Redact
	s.URL, s.Shown = r(s.URL), r(s.Shown)
	s.Body = redactBody(red, s.Body, s.Header)
	s.Header = redactHeaders(r, s.Header)
	s.Form = redactForm(r, s.Form)
	if len(s.Resolved) > 0 {
		// A failed request's item resolved (the report's failure source:
		// its name, description, scripts and examples), values only: the
		// names are the collection's own text.
		m := make(map[string]string, len(s.Resolved))
		for k, v := range s.Resolved {
			m[k] = r(v)
		}
		s.Resolved = m
	}
	// A digest challenge's round trip is printed as a request line of its
	// own (--verbose: its headers and the 401's body too), so it is masked
	// here like the answered one.
	s.ChallengeSent = redactHeaders(r, s.ChallengeSent)
	if s.Challenge != nil {
		s.Challenge = (*scripting.Response)(redactResponse(red, (*runner.Response)(s.Challenge)))
	}
	return s
}

// redactBody masks a body's bytes by the charset its headers declare: the
// Unicode ones and latin1 in vault's RedactBody, a legacy one (windows-1251,
// Shift_JIS…) as scripting writes it.
func redactBody(red *vault.Redactor, body []byte, header []collections.Header) []byte {
	cs := scripting.BodyCharset(header)
	return red.RedactCharsetBody(red.RedactBody(body, cs), scripting.CharsetEncoder(cs))
}

func redactResponse(red *vault.Redactor, resp *runner.Response) *runner.Response {
	if resp == nil {
		return nil
	}
	r := red.Redact
	c := *resp
	c.URL, c.Status = r(c.URL), r(c.Status)
	// A body's bytes, by the charset its (unmasked) headers declare: also
	// a secret in UTF-16, UTF-32 or UTF-7 text, which the JSON report's
	// response stream and --verbose would show as bytes.
	c.Body = redactBody(red, c.Body, c.Header)
	c.Header = redactHeaders(r, c.Header)
	return &c
}

func redactItem(r func(string) string, it runner.ItemRef) runner.ItemRef {
	it.Name = r(it.Name)
	if len(it.Folders) > 0 {
		fs := make([]string, len(it.Folders))
		for i, f := range it.Folders {
			fs[i] = r(f)
		}
		it.Folders = fs
	}
	return it
}

func redactVars(r func(string) string, vs []environments.Variable) []environments.Variable {
	if len(vs) == 0 {
		return vs
	}
	out := make([]environments.Variable, len(vs))
	for i, v := range vs {
		v.Value = r(v.Value)
		out[i] = v
	}
	return out
}

func redactHeaders(r func(string) string, hs []collections.Header) []collections.Header {
	if len(hs) == 0 {
		return hs
	}
	out := make([]collections.Header, len(hs))
	for i, h := range hs {
		h.Key, h.Value, h.Description = r(h.Key), r(h.Value), r(h.Description)
		if h.JSON != "" {
			// A typed value (5, [..], {..}) is written as its JSON: a
			// secret inside it, a number too, is masked here, where the
			// result can stay valid JSON (a writer masking the report's
			// text would leave "value":*** behind).
			h.JSON = collections.MaskJSON(h.JSON, r)
		}
		out[i] = h
	}
	return out
}

// redactForm masks the request's collection form (the JSON report writes
// it as the sent request): headers, form rows and auth parameters, typed
// values included.
func redactForm(r func(string) string, f *collections.Request) *collections.Request {
	if f == nil {
		return nil
	}
	c := *f
	c.Header = redactHeaders(r, f.Header)
	if b := f.Body; b != nil {
		cb := *b
		cb.Raw, cb.File = r(b.Raw), r(b.File)
		if b.FileGiven != "" {
			cb.FileGiven = collections.MaskJSON(b.FileGiven, r)
		}
		cb.URLEncoded, cb.FormData = redactFormParams(r, b.URLEncoded), redactFormParams(r, b.FormData)
		if g := b.GraphQL; g != nil {
			cg := *g
			cg.Query, cg.OperationName = r(g.Query), r(g.OperationName)
			cg.Variables = r(g.Variables)
			if g.VariablesJSON {
				cg.Variables = collections.MaskJSON(g.Variables, r)
			}
			cb.GraphQL = &cg
		}
		c.Body = &cb
	}
	if a := f.Auth; a != nil {
		ca := a.Clone()
		for k, v := range ca.Params {
			if ca.Literal[k] {
				ca.Params[k] = collections.MaskJSON(v, r)
			} else {
				ca.Params[k] = r(v)
			}
		}
		c.Auth = ca
	}
	return &c
}

func redactFormParams(r func(string) string, ps []collections.FormParam) []collections.FormParam {
	if len(ps) == 0 {
		return ps
	}
	out := make([]collections.FormParam, len(ps))
	for i, p := range ps {
		// The report's copy of the sent request resolves row
		// descriptions, as the runtime does.
		p.Key, p.Value, p.Description = r(p.Key), r(p.Value), r(p.Description)
		if p.JSON != "" {
			p.JSON = collections.MaskJSON(p.JSON, r)
		}
		out[i] = p
	}
	return out
}

// redactErrInfo masks an event's error; an *ErrorInfo keeps its fields.
func redactErrInfo(r func(string) string, err error) error {
	if err == nil {
		return nil
	}
	if ei, ok := err.(*runner.ErrorInfo); ok {
		c := *ei
		c.Text, c.Message, c.Hostname, c.Address = r(c.Text), r(c.Message), r(c.Hostname), r(c.Address)
		// A TLS failure's host (the URL's, which a secret may have given)
		// and reason, for reporters that write them.
		c.Host, c.Reason, c.PortText = r(c.Host), r(c.Reason), r(c.PortText)
		if len(c.Fields) > 0 {
			// An escaped chai assertion's actual and expected (the
			// reports write them as data): masked inside the JSON, so it
			// stays JSON.
			c.Fields = json.RawMessage(collections.MaskJSON(string(c.Fields), r))
		}
		if len(c.RawPacket) > 0 {
			// The bytes of a response Node's parser refused: what a
			// server echoed, secrets included.
			if m := r(string(c.RawPacket)); m != string(c.RawPacket) {
				c.RawPacket = []byte(m)
			}
		}
		if c.Port != nil {
			// The port is the URL's, which a secret may have given: the
			// report writes it as a number, so one that is a secret is
			// left out rather than masked in place.
			if p := strconv.Itoa(*c.Port); r(p) != p {
				c.Port = nil
			}
		}
		return &c
	}
	if m := r(err.Error()); m != err.Error() {
		return maskedError{msg: m, err: err}
	}
	return err
}

// maskedError shows a masked message but keeps the original for errors.Is
// (context.Canceled and the like).
type maskedError struct {
	msg string
	err error
}

func (e maskedError) Error() string { return e.msg }
func (e maskedError) Unwrap() error { return e.err }
