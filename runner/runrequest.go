package runner

import (
	"context"
	"fmt"
	"strings"

	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/scripting"
)

// pm.execution.runRequest: Postman fetches the referenced request of the
// workspace through its cloud and runs it as a one-request run with its
// scripts. courier runs it when it is a request of the collection being
// run, found by id (a Postman request UID "<owner>-<id>" matches the id),
// then by name. The referenced request sees the run's globals, collection
// variables and environment, and the running script's local variables
// plus the overrides; what its scripts change goes back to the run. Its
// tests are not reported (Postman does not report them either), its
// console lines are.

// maxRunRequestDepth is how deep referenced requests may run one another
// (postman-runtime's default maxInvokableNestedRequests).
const maxRunRequestDepth = 10

// refRunner is the scripting.RequestRunner of one run.
type refRunner struct{ r *Runner }

var _ scripting.RequestRunner = refRunner{}

// RunRequest runs off the run's goroutine while the calling script waits
// for it: it touches the run's scopes (the script is blocked), its own
// engine, and events it hands over when the script resumes.
func (rr refRunner) RunRequest(ctx context.Context, ref string, vars [][2]string) (*scripting.Response, bool, error) {
	r := rr.r
	if r.refDepth >= maxRunRequestDepth {
		// postman-runtime's limit and words: without it a request that
		// runs itself nests until memory runs out.
		//lint:ignore ST1005 postman-runtime's exact message
		return nil, false, fmt.Errorf("Max pm.execution.runRequest depth of %d has been reached.", maxRunRequestDepth)
	}
	st := r.findStep(ref)
	if st == nil {
		return nil, false, fmt.Errorf("pm.execution.runRequest: no request %q in the collection being run (courier runs referenced requests of that collection, by id or name; requests elsewhere in a Postman workspace need the Postman cloud)", ref)
	}
	sink := &refSink{}
	child := &Runner{Collection: r.Collection, Options: r.Options, Sink: sink, Jar: r.Jar, client: r.client, flat: r.flat,
		refDepth: r.refDepth + 1, det: r.det}
	local := environments.NewScope("local", r.scopes.Local.Variables())
	for _, kv := range vars {
		local.SetNative(kv[0], kv[1])
	}
	start := local.Variables()
	child.scopes = &environments.Scopes{Globals: r.scopes.Globals, Collection: r.scopes.Collection,
		Environment: r.scopes.Environment, Data: r.scopes.Data, Local: local, Gen: r.scopes.Gen}
	defer func() {
		if child.engine != nil {
			child.engine.Close()
		}
	}()
	_, err := child.runStep(ctx, st, r.currentIter, max(r.summary.Iterations.Total, 1))
	r.scriptRequests.Add(int64(child.summary.Requests.Total) + child.scriptRequests.Load())
	// Local variables the referenced request's scripts changed come back.
	was := map[string]environments.Variable{}
	for _, v := range start {
		was[v.Key] = v
	}
	for _, v := range local.Variables() {
		if old, ok := was[v.Key]; !ok || old.Value != v.Value || old.Type != v.Type {
			r.scopes.Local.SetTyped(v.Key, v.Value, v.Type)
		}
	}
	r.refMu.Lock()
	r.refConsole = append(r.refConsole, sink.console...)
	r.refMu.Unlock()
	switch {
	case err != nil:
		return nil, false, err
	case sink.skipped:
		return nil, true, nil
	case sink.err != nil:
		return nil, false, sink.err
	}
	return sink.resp, false, nil
}

// findStep is the request ref names: by id, then by name, first in run
// order; requests outside the run's --folder selection count too.
func (r *Runner) findStep(ref string) *step {
	all := r.flat
	if len(r.Options.Folders) > 0 {
		sub := &Runner{Collection: r.Collection}
		if steps, err := sub.plan(); err == nil {
			all = steps
		}
	}
	for _, st := range all {
		if id := st.item.ID; id != "" && (id == ref || strings.HasSuffix(ref, "-"+id)) {
			return st
		}
	}
	for _, st := range all {
		if st.item.Name == ref {
			return st
		}
	}
	return nil
}

// refSink keeps what a referenced request's run reports.
type refSink struct {
	resp    *scripting.Response
	err     error
	skipped bool
	console []ConsoleEvent
}

func (s *refSink) Handle(ev Event) {
	switch e := ev.(type) {
	case RequestEvent:
		s.resp = (*scripting.Response)(e.Response)
		if e.Err != nil {
			s.err = e.Err
		}
	case ItemDoneEvent:
		s.skipped = e.Skipped
	case ConsoleEvent:
		s.console = append(s.console, e)
	}
}

// takeRefConsole returns the console lines of referenced requests run so
// far, re-addressed to the running item.
func (r *Runner) takeRefConsole(item ItemRef, it int) []ConsoleEvent {
	r.refMu.Lock()
	defer r.refMu.Unlock()
	out := r.refConsole
	r.refConsole = nil
	for i := range out {
		out[i].Item, out[i].Iteration = item, it
	}
	return out
}
