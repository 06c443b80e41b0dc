package runner

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/internal/determinism"
	"github.com/courier-run/courier/scripting"
)

// Runner runs one collection. Fill the fields, then call Run once.
type Runner struct {
	Collection  *collections.Collection
	Environment *environments.Scope // nil: an empty environment
	Globals     *environments.Scope // nil: empty globals
	Options     Options
	Sink        Sink // nil: events are dropped
	// Jar is the run's cookie jar; nil creates an empty one.
	Jar *Jar

	scopes *environments.Scopes
	// rules are the runtime the collection's format runs on (runtime.go).
	rules  runtimeRules
	engine *scripting.Engine
	// engineReady delivers the engine started with the run (startEngine)
	// until scriptEngine takes it.
	engineReady chan engineResult
	client      *client
	summary     Summary
	flat        []*step
	// failed: the current item had an error that ends it under --bail
	// failure (the runtime's executionError: a script error, --bail's
	// AssertionFailure, the request's error; not a pm.sendRequest's).
	failed  bool
	failMsg string // the first such error's message
	// det are the test-only settings the run's context carries
	// (internal/determinism): a virtual clock and a budget of items.
	det          determinism.Settings
	stepsRun     int  // items run so far, for det.MaxSteps
	stepLimitHit bool // the run stopped at det.MaxSteps
	// open is what a stop ending the run early left unfinished: the
	// iteration, the item, the item's request (countOpen).
	open      struct{ iteration, item, request bool }
	responses durationStats
	// authMemo holds, per auth block of the collection, the parameters
	// Postman's runtime wrote into it during the run (digest's nonce,
	// realm, qop, client nonce and nonce count): later requests that use
	// the same block start from them, as in Postman.
	authMemo  map[*collections.Auth]map[string]string
	dns       durationStats // with Options.Timings
	firstByte durationStats
	// requestsSeen counts the run's requests in the order they are
	// reported (pm.sendRequest's, failed ones, a digest challenge's):
	// Newman's divisor for the timings (durationStats).
	requestsSeen int

	scriptRequests atomic.Int64 // pm.sendRequest calls
	scriptPending  atomic.Int64 // pm.sendRequest calls that never completed
	scriptReqMu    sync.Mutex
	scriptTrips    []scriptTrip // pm.sendRequest round trips not yet reported

	// current is the item whose scripts run, for routing console output.
	current     ItemRef
	currentIter int
	// heldConsole are the running script's console lines logged after its
	// first test result, waiting to be placed among its assertions.
	heldConsole []heldEvent
	// refConsole are the console lines of requests run by
	// pm.execution.runRequest, handed over when the script ends.
	refMu      sync.Mutex
	refConsole []ConsoleEvent
	// refDepth is how deep in pm.execution.runRequest calls this run is
	// (0: the run itself).
	refDepth int
}

// step is one runnable request item with what it inherits.
type step struct {
	item    *collections.Item
	folders []*collections.Item // outer to inner
	ref     ItemRef             // item as events name it
	// index is the step's place in the run's list (Runner.flat).
	index int
}

// ErrUsage marks errors in the run's input (such as an unknown --folder):
// the command maps it to the "unusable input" exit code.
var ErrUsage = errors.New("invalid input")

// Run executes the collection and returns the summary. The error is
// non-nil only when the run could not start or was aborted (cancelled,
// --timeout, --bail folder); assertion and request failures are in the
// summary.
func (r *Runner) Run(ctx context.Context) (*Summary, error) {
	r.fillDefaults()
	r.rules = rulesFor(r.Collection.Format)
	r.det = determinism.From(ctx)
	if r.Options.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, r.Options.Timeout)
		defer cancel()
	}
	steps, err := r.plan()
	if err != nil {
		return nil, err
	}
	if r.Options.TuneGC {
		gcRunStart(r.Options.GCHeadroom)
		defer gcRunEnd(r.Options.GCHeadroom)
	}
	r.flat = steps
	for i, st := range steps {
		st.index = i
	}
	r.scopes = &environments.Scopes{
		Globals:     r.Globals,
		Collection:  environments.NewScope("collection", environments.CollectionVariables(r.Collection.Variables)),
		Environment: r.Environment,
		Local:       environments.NewScope("local", nil),
	}
	if r.Options.Seed != 0 {
		r.scopes.Gen = environments.NewGen(r.Options.Seed)
		r.Options.tokens = environments.NewGen(r.Options.Seed ^ postmanTokenSeed)
		r.Options.sourceValues = environments.NewGen(r.Options.Seed ^ sourceValuesSeed)
	}
	r.client = newClient(&r.Options, r.Jar)
	defer r.client.close()
	// A collection with scripts starts its engine now, on other
	// goroutines (a collection without scripts never pays for it): the
	// bootstrap's compile and the engine's own set-up overlap each other,
	// the rest of the start-up and the first request.
	if hasScripts(r.Collection, steps) {
		warmed := make(chan struct{})
		go func() { scripting.Warm(); close(warmed) }()
		// Run ends every goroutine it started before it returns.
		defer func() { <-warmed }()
		r.engineReady = r.startEngine()
	}
	defer r.closeEngine()

	iterations := r.iterationCount()
	r.summary.Started = time.Now()
	r.Sink.Handle(StartEvent{Collection: r.Collection, Iterations: iterations, Started: r.summary.Started, Total: len(steps)})
	runErr := r.runIterations(ctx, iterations)
	r.summary.Completed = time.Now()
	r.countOpen(runErr)
	r.finishStats()
	runErr = r.stopReason(ctx, runErr)
	final := r.finalVariables()
	// The summary handed out is a copy: a pointer into r would keep the
	// whole Runner (its script engine, client and jar) alive for as long as
	// anyone holds the summary, and a suite holds every collection's.
	sum := r.summary
	r.Sink.Handle(DoneEvent{Summary: &sum, Variables: final, Err: plainErr(runErr)})
	if runErr != nil {
		return &sum, runErr
	}
	return &sum, nil
}

// fillDefaults gives a Runner built without them a sink that drops events,
// empty environment and globals, and a cookie jar of its own.
func (r *Runner) fillDefaults() {
	if r.Sink == nil {
		r.Sink = nopSink{}
	}
	if r.Options.Masker != nil {
		r.Sink = &secretLearner{next: r.Sink, r: r, seen: map[string]bool{}}
	}
	if r.Environment == nil {
		r.Environment = environments.NewScope("environment", nil)
	}
	if r.Globals == nil {
		r.Globals = environments.NewScope("globals", nil)
	}
	if r.Jar == nil {
		r.Jar = NewJar()
	}
}

// closeEngine closes the run's script engine, and one started for the run
// but never used.
func (r *Runner) closeEngine() {
	if r.engineReady != nil { // started, never used
		if res := <-r.engineReady; res.e != nil {
			res.e.Close()
		}
	}
	if r.engine != nil {
		r.engine.Close()
	}
}

// iterationCount is --iteration-count, else one iteration per data row
// (at least one).
func (r *Runner) iterationCount() int {
	if r.Options.Iterations > 0 {
		return r.Options.Iterations
	}
	return max(len(r.Options.Data), 1)
}

// runIterations runs the iterations Options.Select keeps, each with its
// data row, until the last one, a stop an iteration asks for (--bail, the
// test-only step budget) or the end of ctx. It returns the error that ended
// the run early, if any.
func (r *Runner) runIterations(ctx context.Context, iterations int) error {
	for it := 0; it < iterations; it++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		if r.Options.Select != nil && !r.Options.Select(it) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		r.summary.Iterations.Total++
		if r.Options.TuneGC {
			gcAdjust()
		}
		r.scopes.Data = environments.NewScope("data", dataVars(r.Options.Data, it))
		r.Sink.Handle(IterationEvent{Iteration: it, Total: iterations})
		stop, err := r.iteration(ctx, it, iterations)
		if err != nil {
			r.open.iteration = true
			return err
		}
		if stop {
			r.summary.Bailed = !r.stepLimitHit
			return nil
		}
	}
	return nil
}

// finalVariables are the scopes' variables at the end of the run, named
// and identified as the files they came from.
func (r *Runner) finalVariables() Variables { return FinalVariables(r.scopes, r.Options) }

type engineResult struct {
	e   *scripting.Engine
	err error
}

// startEngine creates the run's script engine on another goroutine.
func (r *Runner) startEngine() chan engineResult {
	ch := make(chan engineResult, 1)
	opts := r.engineOptions()
	go func() {
		e, err := scripting.NewEngine(opts)
		ch <- engineResult{e, err}
	}()
	return ch
}

// scriptEngine returns the run's engine: the one started with the run, or
// a new one.
func (r *Runner) scriptEngine() (*scripting.Engine, error) {
	if r.engine != nil {
		return r.engine, nil
	}
	var res engineResult
	if r.engineReady != nil {
		res = <-r.engineReady
		r.engineReady = nil
	} else {
		res.e, res.err = scripting.NewEngine(r.engineOptions())
	}
	if res.err != nil {
		return nil, fmt.Errorf("starting the script engine: %w", res.err)
	}
	r.engine = res.e
	return res.e, nil
}

func (r *Runner) engineOptions() scripting.Options {
	return scripting.Options{
		Timeout: r.Options.scriptTimeout(),
		Sender:  &scriptSender{r: r},
		Console: func(l scripting.ConsoleLine) {
			r.liveOrHeld(ConsoleEvent{Item: r.current, Iteration: r.currentIter, Line: ConsoleLine(l)}, l.Tests)
		},
		Arrived: func(resp *scripting.Response, err error, tests int) {
			if t, ok := r.tripFor(resp, err); ok {
				r.liveOrHeld(ScriptRequestLineEvent{Item: r.current, Iteration: r.currentIter, Request: t.sent, Response: (*Response)(t.resp), Err: plainErr(t.err)}, tests)
			}
		},
		Runner:       refRunner{r},
		Vault:        r.Options.ScriptVault,
		VaultScripts: r.Options.VaultScripts,
		Random:       r.scopes.Gen,
		VirtualTime:  r.det.VirtualTime,
		// A v12 (v3) collection was written for Postman's current sandbox.
		CurrentSandbox:    r.rules.currentSandbox,
		NewerRequestShape: r.rules.newerRequestShape,
	}
}

// heldEvent is a script's console line or round-trip line that came after
// tests of the script had been reported: it goes out among their
// assertions once the script ends (step.go), as Newman prints them.
type heldEvent struct {
	tests int
	ev    Event
}

// liveOrHeld reports ev now, or holds it when the running script had
// reported tests before it (their assertions are reported when it ends).
func (r *Runner) liveOrHeld(ev Event, tests int) {
	if tests > 0 || len(r.heldConsole) > 0 {
		r.heldConsole = append(r.heldConsole, heldEvent{tests: tests, ev: ev})
		return
	}
	r.Sink.Handle(ev)
}

func hasScripts(c *collections.Collection, steps []*step) bool {
	has := func(evs []collections.Event) bool {
		for _, ev := range evs {
			if ev.Script.Exec != "" && !ev.Disabled {
				return true
			}
		}
		return false
	}
	if has(c.Events) {
		return true
	}
	for _, st := range steps {
		if has(st.item.Events) {
			return true
		}
		for _, f := range st.folders {
			if has(f.Events) {
				return true
			}
		}
	}
	return false
}

// FinalVariables copies the scopes' variables for DoneEvent, named and
// identified as o gives the files they came from (EnvironmentName,
// EnvironmentID, EnvironmentFile and the globals'), as Newman's report
// has them and scripts read them (pm.environment.name): no name for a
// file without one, nor for a run without a file, where the scopes are
// only called "environment" and "globals".
func FinalVariables(sc *environments.Scopes, o Options) Variables {
	v := Variables{EnvironmentName: o.EnvironmentName, GlobalsName: o.GlobalsName,
		EnvironmentID: o.EnvironmentID, GlobalsID: o.GlobalsID,
		EnvironmentFile: o.EnvironmentFile, GlobalsFile: o.GlobalsFile}
	// A scope that exists gives a non-nil list, even when empty.
	vars := func(s *environments.Scope) []environments.Variable {
		return append([]environments.Variable{}, s.Variables()...)
	}
	if sc.Environment != nil {
		v.Environment = vars(sc.Environment)
	}
	if sc.Globals != nil {
		v.Globals = vars(sc.Globals)
	}
	if sc.Collection != nil {
		v.Collection = vars(sc.Collection)
	}
	return v
}

// Scopes returns the run's variable scopes (for exports after Run).
func (r *Runner) Scopes() *environments.Scopes { return r.scopes }

// plan flattens the collection into runnable steps, honouring --folder.
func (r *Runner) plan() ([]*step, error) {
	roots := r.Collection.Items
	if len(r.Options.Folders) > 0 {
		sel, err := collections.Select(r.Collection, r.Options.Folders...)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrUsage, err)
		}
		roots = sel
	}
	var steps []*step
	for _, root := range roots {
		var folders []*collections.Item
		for p := root.Parent; p != nil; p = p.Parent {
			folders = append(folders, p)
		}
		slices.Reverse(folders)
		collectSteps(root, folders, &steps)
	}
	refs := ItemRefs(r.Collection)
	for _, st := range steps {
		st.ref = refs[st.item]
	}
	return steps, nil
}

func collectSteps(it *collections.Item, folders []*collections.Item, out *[]*step) {
	if !it.IsFolder() {
		*out = append(*out, &step{item: it, folders: folders})
		return
	}
	// A folder's steps share its folder chain. With one child, the chain
	// is extended in place (only that child's subtree can write past it),
	// so a deep chain of folders costs linear time, not quadratic; with
	// several, each gets its own copy.
	var inner []*collections.Item
	if len(it.Items) == 1 {
		inner = append(folders, it)
	} else {
		inner = append(append(make([]*collections.Item, 0, len(folders)+1), folders...), it)
	}
	for _, child := range it.Items {
		collectSteps(child, inner, out)
	}
}

// iteration runs every step once, following setNextRequest. It reports
// whether the run must stop (bail).
func (r *Runner) iteration(ctx context.Context, it, total int) (bool, error) {
	for i := 0; i < len(r.flat); {
		if err := ctx.Err(); err != nil {
			return false, err
		}
		if i > 0 && r.Options.DelayRequest > 0 {
			if err := sleep(ctx, r.Options.DelayRequest); err != nil {
				return false, err
			}
		}
		if r.det.MaxSteps > 0 && r.stepsRun >= r.det.MaxSteps {
			r.stepLimitHit = true
			return true, nil
		}
		r.stepsRun++
		st := r.flat[i]
		next, err := r.runStep(ctx, st, it, total)
		if err != nil {
			r.open.item = true // stopped inside it (runStep)
			return false, err
		}
		if r.failed && r.Options.bailOn(BailFolder) {
			// abortOnError: the run ends with the error, as Newman's
			// "error: <message>", inside the item.
			r.open.item = true
			return false, bailError(r.failMsg)
		}
		if r.failed && r.Options.bailOn(BailFailure) {
			return true, nil
		}
		if next == nil {
			i++
			continue
		}
		if *next == "" {
			return false, nil // setNextRequest(null): end this iteration
		}
		j := r.lookup(*next)
		if j < 0 {
			return false, nil // unknown target ends the iteration, as the runtime does
		}
		i = j
	}
	return false, nil
}

// lookup finds a step by id first, then by name (the last of same-named wins).
func (r *Runner) lookup(target string) int {
	for i, st := range r.flat {
		if st.item.ID != "" && st.item.ID == target {
			return i
		}
	}
	found := -1
	for i, st := range r.flat {
		if st.item.Name == target {
			found = i
		}
	}
	return found
}

func (r *Runner) finishStats() {
	r.summary.Requests.Total += int(r.scriptRequests.Load())
	r.summary.Requests.Pending += int(r.scriptPending.Load())
	r.summary.responses, r.summary.dns, r.summary.firstByte = r.responses, r.dns, r.firstByte
	rs := r.responses.spread()
	r.summary.ResponseAvg, r.summary.ResponseMin, r.summary.ResponseMax, r.summary.ResponseSD = rs.Avg, rs.Min, rs.Max, rs.SD
	r.summary.DNS, r.summary.FirstByte = r.dns.spread(), r.firstByte.spread()
}

func (d *durationStats) spread() Spread {
	if d.counted == 0 {
		return Spread{}
	}
	return Spread{Avg: time.Duration(d.mean), Min: d.min, Max: d.max, SD: time.Duration(math.Sqrt(d.variance))}
}

// durationStats keeps running response-time statistics as Newman's
// summary keeps them, so memory stays flat however long the run. Each time
// is folded in as the n-th request of the run, n counting every request so
// far, failed ones and ones without the phase too (its average is the sum
// over n); a zero is left out (the phase did not happen, or took under a
// millisecond) but still counts in n; the deviation is Welford's update
// with the same n. With every request answered in a millisecond or more
// this is the plain mean and population deviation.
type durationStats struct {
	n              int // Newman's divisor when the last time came
	counted        int // times folded in
	mean, variance float64
	min, max       time.Duration
}

// addAt folds x in as the time of the run's n-th request (n counts every
// request so far, this one included), as Newman's summary does.
func (d *durationStats) addAt(x time.Duration, n int) {
	if x <= 0 || n < 1 {
		return
	}
	nf, xf := float64(n), float64(x)
	delta1 := xf - d.mean
	d.mean = (d.mean*(nf-1) + xf) / nf
	d.variance = (d.variance*(nf-1) + delta1*(xf-d.mean)) / nf
	if d.counted == 0 || x < d.min {
		d.min = x
	}
	if x > d.max {
		d.max = x
	}
	d.counted++
	d.n = n
}

// itemFailed marks the current item as failed in the runtime's sense
// (an error that --bail stops on), keeping the first error's message.
func (r *Runner) itemFailed(msg string) {
	if !r.failed {
		r.failMsg = msg
	}
	r.failed = true
}

// bailing: the current item failed and --bail ends it at this point.
func (r *Runner) bailing() bool {
	return r.failed && (r.Options.bailOn(BailFailure) || r.Options.bailOn(BailFolder))
}

// countOpen counts what a stop (--bail folder, --timeout, an interrupt)
// left open as Newman's summary counts it: started, never done (pending,
// not in the total); a request in flight was never counted as sent. A stop
// postman-runtime makes itself (abortOnError, its global timeout) leaves
// Newman's summary without an end time too (Aborted).
func (r *Runner) countOpen(err error) {
	if err == nil {
		return
	}
	pend := func(st *Stat) { st.Total--; st.Pending++ }
	if r.open.iteration {
		pend(&r.summary.Iterations)
	}
	if r.open.item {
		pend(&r.summary.Items)
	}
	if r.open.request {
		r.summary.Requests.Pending++
	}
	_, bail := err.(bailError)
	r.summary.Aborted = bail || (r.Options.Timeout > 0 && errors.Is(err, context.DeadlineExceeded))
}

// bailError ends a run under --bail folder (postman-runtime's
// abortOnError) at the first script or request error: its message.
type bailError string

func (e bailError) Error() string { return string(e) }

func (r *Runner) fail(f Failure) {
	r.summary.Failures = append(r.summary.Failures, f)
}

func dataVars(rows []*environments.Scope, it int) []environments.Variable {
	if len(rows) == 0 {
		return nil
	}
	return rows[min(it, len(rows)-1)].Variables()
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// secretLearner registers, before each event goes on, the values scripts
// gave variables of type secret: only the values the run started with were
// known, so a token a script stored in one (pm.environment.set of a secret
// variable) was printed, reported and kept in clear. Events are reported
// from the run's goroutine, or from a script's while the run waits for it.
type secretLearner struct {
	next Sink
	r    *Runner
	seen map[string]bool
}

func (l *secretLearner) Handle(ev Event) {
	if sc := l.r.scopes; sc != nil {
		learn := func(v string) {
			if !l.seen[v] {
				l.seen[v] = true
				l.r.Options.Masker.Add(v)
			}
		}
		sc.Environment.EachSecret(learn)
		sc.Globals.EachSecret(learn)
		sc.Collection.EachSecret(learn)
	}
	l.next.Handle(ev)
}

type nopSink struct{}

func (nopSink) Handle(Event) {}

var _ scripting.CookieStore = (*Jar)(nil)

// Merge adds o's counts, failures and timings to s: the summary of a run
// split over workers or shards is the merge of theirs. Failures are kept
// in iteration order (stable within an iteration).
func (s *Summary) Merge(o *Summary) {
	add := func(a *Stat, b Stat) { a.Total += b.Total; a.Failed += b.Failed; a.Pending += b.Pending }
	add(&s.Iterations, o.Iterations)
	add(&s.Items, o.Items)
	add(&s.Requests, o.Requests)
	add(&s.Assertions, o.Assertions)
	add(&s.TestScripts, o.TestScripts)
	add(&s.PrerequestScripts, o.PrerequestScripts)
	s.Failures = append(s.Failures, o.Failures...)
	slices.SortStableFunc(s.Failures, func(a, b Failure) int { return a.Iteration - b.Iteration })
	if s.Started.IsZero() || (!o.Started.IsZero() && o.Started.Before(s.Started)) {
		s.Started = o.Started
	}
	if o.Completed.After(s.Completed) {
		s.Completed = o.Completed
	}
	s.ResponseBytes += o.ResponseBytes
	s.Bailed = s.Bailed || o.Bailed
	s.Aborted = s.Aborted || o.Aborted
	s.responses.merge(o.responses)
	s.dns.merge(o.dns)
	s.firstByte.merge(o.firstByte)
	rs := s.responses.spread()
	s.ResponseAvg, s.ResponseMin, s.ResponseMax, s.ResponseSD = rs.Avg, rs.Min, rs.Max, rs.SD
	s.DNS, s.FirstByte = s.dns.spread(), s.firstByte.spread()
}

// merge combines two running statistics (Chan et al.'s parallel form of
// Welford's algorithm over each side's n): exact for the mean; for the
// deviation when every request of both had a time.
func (d *durationStats) merge(o durationStats) {
	switch {
	case o.counted == 0:
		return
	case d.counted == 0:
		*d = o
		return
	}
	n := d.n + o.n
	delta := o.mean - d.mean
	m2 := d.variance*float64(d.n) + o.variance*float64(o.n) + delta*delta*float64(d.n)*float64(o.n)/float64(n)
	d.mean += delta * float64(o.n) / float64(n)
	d.variance = m2 / float64(n)
	d.min, d.max = min(d.min, o.min), max(d.max, o.max)
	d.n, d.counted = n, d.counted+o.counted
}

// stopReason words a run-ending error for people and reports: a run that
// hit --timeout or was interrupted says so (context's own "context
// canceled" says nothing), keeping context.Canceled and DeadlineExceeded
// for errors.Is.
func (r *Runner) stopReason(ctx context.Context, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, context.DeadlineExceeded) && r.Options.Timeout > 0:
		return stopError{fmt.Sprintf("run stopped: --timeout of %s reached; the request in progress did not complete", r.Options.Timeout), err}
	case errors.Is(err, context.DeadlineExceeded):
		// The caller's own deadline (a library user's context).
		return stopError{"run stopped: its deadline passed; the request in progress did not complete", err}
	case errors.Is(err, context.Canceled):
		why := "interrupted (SIGINT or SIGTERM)"
		if c := context.Cause(ctx); c != nil && !errors.Is(c, context.Canceled) {
			why = "interrupted: " + c.Error()
		}
		return stopError{"run " + why + "; the request in progress did not complete", err}
	}
	return err
}

// stopError is a run-ending error with its own words; errors.Is still sees
// the context error underneath.
type stopError struct {
	msg string
	err error
}

func (e stopError) Error() string { return e.msg }
func (e stopError) Unwrap() error { return e.err }
