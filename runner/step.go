package runner

import (
	"context"
	"errors"
	"time"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/scripting"
)

// Listen names.
const (
	listenPre  = "prerequest"
	listenTest = "test"
)

// script is one script in the chain collection -> folders -> item.
type script struct {
	name   string
	source string
}

// chain returns the scripts for listen, outermost first.
func (r *Runner) chain(st *step, listen string) []script {
	var out []script
	add := func(name string, evs []collections.Event) {
		for _, ev := range evs {
			// An empty script still counts as run, as Newman counts it.
			if ev.Listen == listen && !ev.Disabled {
				out = append(out, script{name: name, source: ev.Script.Exec})
			}
		}
	}
	add(r.Collection.Info.Name, r.Collection.Events)
	for _, f := range st.folders {
		add(f.Name, f.Events)
	}
	add(st.item.Name, st.item.Events)
	return out
}

// runStep runs one item: prerequest scripts, the request, test scripts. It
// returns the setNextRequest target (nil: go on in order; "" : stop the
// iteration).
func (r *Runner) runStep(ctx context.Context, st *step, it, total int) (*string, error) {
	r.failed = false
	r.summary.Items.Total++
	item := st.item
	r.Sink.Handle(ItemStartEvent{Item: st.ref, Iteration: it})

	req := cloneRequest(item.Request)
	info := scripting.Info{
		Iteration:      it,
		IterationCount: total,
		RequestName:    item.Name,
		RequestID:      item.ID,
		// As in Postman, the path starts with the collection's name.
		Location: append([]string{r.Collection.Info.Name}, item.Path()...),

		EnvironmentName: r.Options.EnvironmentName,
		EnvironmentID:   r.Options.EnvironmentID,
		GlobalsName:     r.Options.GlobalsName,
		GlobalsID:       r.Options.GlobalsID,
	}
	r.current, r.currentIter = st.ref, it
	var next *string
	skip := false

	runScripts := func(listen string, resp *scripting.Response) {
		for _, sc := range r.chain(st, listen) {
			if listen == listenPre {
				r.summary.PrerequestScripts.Total++
			} else {
				r.summary.TestScripts.Total++
			}
			inf := info
			inf.EventName = listen
			inf.Current = sc.name
			if sc.source == "" {
				// An empty script counts as run but needs no engine.
				r.Sink.Handle(ScriptEvent{Item: st.ref, Iteration: it, Listen: listen, Name: sc.name})
				continue
			}
			engine, err := r.scriptEngine()
			if err != nil {
				r.fail(Failure{Item: st.ref, Iteration: it, Source: listen + "-script", Name: "Error", Message: err.Error()})
				continue
			}
			res := engine.Run(ctx, &scripting.Exec{
				Listen:   listen,
				Source:   sc.source,
				Name:     sc.name,
				Info:     inf,
				Request:  req,
				Response: resp,
				Scopes:   r.scopes,
				Data:     r.scopes.Data,
				Cookies:  r.Jar,
			})
			for _, t := range r.takeScriptTrips() {
				if t.err != nil {
					r.summary.Requests.Failed++
					r.fail(Failure{Item: st.ref, Iteration: it, Source: "request", Name: "Error", Message: t.err.Error()})
				} else if t.resp != nil {
					// Newman's response figures and data received are over
					// every round trip, a script's too.
					r.responses.add(t.resp.ResponseTime.Round(time.Millisecond))
					r.summary.ResponseBytes += int64(t.resp.Size + t.sent.ChallengeSize)
				}
				r.Sink.Handle(ScriptRequestEvent{Item: st.ref, Iteration: it, Request: t.sent, Response: (*Response)(t.resp), Err: plainErr(t.err)})
			}
			// Referenced requests' console lines come first: the script
			// waited for them.
			for _, ev := range r.takeRefConsole(st.ref, it) {
				r.Sink.Handle(ev)
			}
			held := r.heldConsole
			r.heldConsole = nil
			for i, t := range res.Tests {
				// Console lines logged after this many tests go before it,
				// as Newman prints them.
				for len(held) > 0 && held[0].Line.Tests <= i {
					r.Sink.Handle(held[0])
					held = held[1:]
				}
				r.summary.Assertions.Total++
				if !t.Passed && !t.Skipped {
					r.summary.Assertions.Failed++
					r.fail(Failure{Item: st.ref, Iteration: it, Source: "assertion", Name: t.Name, Message: t.Error, Index: i, ErrorType: t.ErrorName})
				}
				r.Sink.Handle(AssertionEvent{Item: st.ref, Iteration: it, Index: i, Result: TestResult(t)})
			}
			for _, ev := range held {
				r.Sink.Handle(ev)
			}
			if res.Err != nil {
				src := "test-script"
				if listen == listenPre {
					src = "prerequest-script"
					r.summary.PrerequestScripts.Failed++
				} else {
					r.summary.TestScripts.Failed++
				}
				msg, stack := res.Err.Error(), ""
				var se *scripting.ScriptError
				if errors.As(res.Err, &se) && se.Msg != "" {
					// Newman's failure shows the JavaScript message; where
					// it happened goes to the stack, as in its reports.
					msg, stack = se.Msg, res.Err.Error()
				}
				r.fail(Failure{Item: st.ref, Iteration: it, Source: src, Name: scriptErrorName(res.Err), Message: msg, Stack: stack})
			}
			r.Sink.Handle(ScriptEvent{Item: st.ref, Iteration: it, Listen: listen, Name: sc.name, Err: plainErr(res.Err)})
			if res.NextRequestSet {
				n := res.NextRequest
				next = &n
			}
			if res.SkipRequest && listen == listenPre {
				// The request's remaining pre-request scripts (a folder's
				// skip stops the item's own) do not run, as in Postman.
				skip = true
				return
			}
		}
	}

	runScripts(listenPre, nil)
	if skip || ctx.Err() != nil {
		r.Sink.Handle(ItemDoneEvent{Item: st.ref, Iteration: it, Skipped: skip})
		return next, ctx.Err()
	}
	if r.failed && r.Options.bailOn(BailFailure) {
		r.Sink.Handle(ItemDoneEvent{Item: st.ref, Iteration: it})
		return next, nil
	}

	var used *usedSecrets
	if !r.Options.VaultScripts && r.Options.Secrets != nil {
		used = &usedSecrets{}
	}
	resolved, sent, resp, timings, err := r.send(ctx, st, req, it, used)
	req = resolved
	if sent.URL != "" && req != nil {
		// Test scripts see the URL as it went out, percent-encoded by the
		// runtime (Newman 6.2.2: "q=a b" reads back "q=a%20b").
		req = withWireURL(req, sent.URL)
	}
	if len(sent.Header) > 0 {
		// Test scripts see every header that went out, system and auth
		// headers included, as in Postman.
		req.Header = sent.Header
	}
	// Without --vault-scripts, test scripts see vault values as their
	// references (docs/vault.md); the wire had the values.
	req = used.concealer().request(req)
	if err != nil && ctx.Err() != nil {
		// The run was cancelled or hit --timeout: that ends the run, it
		// is not this request's failure, and the request, never
		// completed, is not counted as sent.
		return next, ctx.Err()
	}
	r.summary.Requests.Total++
	if sent.Challenged {
		r.summary.Requests.Total++
	}
	ev := RequestEvent{Item: st.ref, Iteration: it, Request: sent, Response: (*Response)(resp), Timings: timings, Err: plainErr(err)}
	if err != nil {
		r.summary.Requests.Failed++
		r.fail(Failure{Item: st.ref, Iteration: it, Source: "request", Name: ErrorInfoOf(err).Name, Message: err.Error()})
	} else {
		// Newman's summary is over whole milliseconds, as its response
		// times are (Date.now()); so is courier's.
		r.responses.add(resp.ResponseTime.Round(time.Millisecond))
		if timings != nil {
			r.dns.addNonZero(timings.DNS)
			r.firstByte.addNonZero(timings.FirstByte)
		}
		r.summary.ResponseBytes += int64(resp.Size + sent.ChallengeSize)
	}
	r.Sink.Handle(ev)

	// Tests run even when the request failed, as in Newman; scripts see an
	// empty response then.
	if resp == nil {
		resp = &scripting.Response{Failed: true}
	}
	runScripts(listenTest, resp)
	r.Sink.Handle(ItemDoneEvent{Item: st.ref, Iteration: it})
	return next, nil
}

func scriptErrorName(err error) string {
	var se *scripting.ScriptError
	if errors.As(err, &se) && se.Name != "" {
		return se.Name
	}
	return "Error"
}

// withWireURL returns req with the path and query of the URL as sent.
func withWireURL(req *collections.Request, wire string) *collections.Request {
	w := collections.ParseURL(wire)
	c := *req
	// A URL that came from one variable ({{url}}) resolves to a single
	// host part holding all of it: read it again in parts first.
	vars := c.URL.Variables
	c.URL = collections.ParseURL(c.URL.String())
	c.URL.Variables = vars
	c.URL.Query = w.Query
	if len(c.URL.Path) == len(w.Path) {
		c.URL.Path = w.Path
	}
	// The runtime parses the resolved URL text again: the path variables
	// are in the path, and test scripts see a URL without them (Newman
	// 6.2.2: variables.toObject() is {}).
	c.URL.Variables = nil
	if c.URL.Protocol == "" {
		// The runtime sends a URL without a scheme over http, and the
		// script sees it so (Newman 6.2.2: "host/p" reads "http://host/p").
		c.URL.Protocol = w.Protocol
	}
	if w.UserInfo != nil && c.URL.UserInfo != nil {
		c.URL.UserInfo = w.UserInfo
	}
	return &c
}
