package suite

import (
	"cmp"
	"context"
	"errors"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/runner"
)

// A parallel run gives iteration i to worker i mod N. Each worker is a
// runner of its own, with its own copy of the starting variables and its
// own cookie jar; its events are grouped by iteration and handed to the
// reporters in iteration order, so the output reads as a sequential run's.
// A worker may run at most batchWindow iterations ahead of the output.
const batchWindow = 4

// selected lists the iterations the options run, in order.
func selected(ropts runner.Options) []int {
	var out []int
	for it := range iterationCount(ropts) {
		if ropts.Select == nil || ropts.Select(it) {
			out = append(out, it)
		}
	}
	return out
}

// workers is how many workers run a collection's iterations.
func (s *Suite) workers(ropts runner.Options) int {
	if s.o.Parallel <= 1 {
		return 1
	}
	n := len(selected(ropts))
	if slices.Contains(ropts.Bail, runner.BailFailure) {
		// --bail promises nothing runs after the first failure; side by
		// side, later iterations would already be running.
		return 1
	}
	return max(min(s.o.Parallel, n), 1)
}

// batch is the events of one iteration (iteration -1: the StartEvent).
type batch struct {
	iteration int
	events    []runner.Event
}

// worker runs every iteration i with i mod n == index.
type worker struct {
	index   int
	batches chan batch // closed when the worker is done
	// yield: after handing a batch over, let the output run on this P
	// (see awaitResponse).
	yield   bool
	r       *runner.Runner
	summary *runner.Summary
	err     error
	changes changes // what each iteration changed, for the merge
}

// workerSink groups a worker's events by iteration.
type workerSink struct {
	w    *worker
	cur  *batch
	seen snapshot // variables after the previous iteration
	// open is the request item started and not yet done, if any.
	open *runner.ItemStartEvent
}

func (ws *workerSink) Handle(ev runner.Event) {
	switch e := ev.(type) {
	case runner.StartEvent:
		ws.seen = takeSnapshot(ws.w.r.Scopes())
		ws.send(batch{iteration: -1, events: []runner.Event{e}})
	case runner.IterationEvent:
		ws.flush()
		ws.cur = &batch{iteration: e.Iteration, events: []runner.Event{e}}
	case runner.ItemStartEvent:
		ws.open = &e
		ws.add(ev)
	case runner.ItemDoneEvent:
		ws.open = nil
		ws.add(ev)
	case runner.DoneEvent:
		if e.Err != nil && ws.open != nil {
			// The worker stopped inside this item: say so, and close
			// it, so that the report shows it as not completed (the
			// merged DoneEvent only reaches the last item shown).
			ws.add(runner.InterruptedEvent{Item: ws.open.Item, Iteration: ws.open.Iteration, Err: e.Err})
			ws.add(runner.ItemDoneEvent{Item: ws.open.Item, Iteration: ws.open.Iteration})
			ws.open = nil
		}
		ws.flush()
	default:
		ws.add(ev)
	}
}

func (ws *workerSink) add(ev runner.Event) {
	if ws.cur != nil {
		ws.cur.events = append(ws.cur.events, ev)
	}
}

// flush hands the finished iteration to the output and records what it
// changed in the variables.
func (ws *workerSink) flush() {
	if ws.cur == nil {
		return
	}
	now := takeSnapshot(ws.w.r.Scopes())
	ws.w.changes.record(ws.cur.iteration, ws.seen, now)
	ws.seen = now
	ws.send(*ws.cur)
	ws.cur = nil
}

// send hands b to the output, which reads every batch until the worker
// closes its channel: a stopped run's last, cut-short iteration is shown
// too, so that the report holds everything its statistics count.
func (ws *workerSink) send(b batch) {
	ws.w.batches <- b
	if ws.w.yield {
		runtime.Gosched()
	}
}

// runParallel runs the collection's iterations on n workers.
func (s *Suite) runParallel(ctx context.Context, coll *collections.Collection, vars *variables,
	ropts runner.Options, sink runner.Sink, n int) (outcome, error) {
	initial := &environments.Scopes{
		Environment: environments.NewScope(vars.env.Name, vars.env.Variables()),
		Globals:     environments.NewScope(vars.globals.Name, vars.globals.Variables()),
		Collection:  environments.NewScope("collection", environments.CollectionVariables(coll.Variables)),
	}
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	sel := selected(ropts)
	workers, err := s.newWorkers(wctx, coll, vars, ropts, sel, n)
	if err != nil {
		return outcome{}, err
	}
	var wg sync.WaitGroup
	for _, w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(w.batches)
			w.summary, w.err = w.r.Run(wctx)
		}()
	}
	opened := showInOrder(workers, sel, sink, cancel)
	wg.Wait()

	merged, runErr := mergeSummaries(ctx, workers)
	if !opened {
		return outcome{}, runErr
	}
	final := mergeChanges(initial, workers)
	// The shared scopes go on to the next collection with the merged values.
	*vars.env = *environments.NewScope(vars.env.Name, final.Environment.Variables())
	*vars.globals = *environments.NewScope(vars.globals.Name, final.Globals.Variables())
	final.Environment, final.Globals = vars.env, vars.globals
	done := runner.DoneEvent{Summary: merged, Variables: runner.FinalVariables(final, ropts)}
	if runErr != nil {
		done.Err = runner.ErrorInfoOf(runErr)
	}
	sink.Handle(done)
	// The jar of the worker that ran the last iteration is the run's.
	return outcome{summary: merged, scopes: final, jar: workers[(len(sel)-1)%n].r.Jar}, runErr
}

// newWorkers sets up n workers, the j-th of the selected iterations going
// to worker j mod n, each with its own variables and cookie jar.
func (s *Suite) newWorkers(ctx context.Context, coll *collections.Collection, vars *variables,
	ropts runner.Options, sel []int, n int) ([]*worker, error) {
	workers := make([]*worker, n)
	await := s.awaitResponse()
	for i := range workers {
		jar, err := s.newJar()
		if err != nil {
			return nil, err
		}
		o := ropts
		o.AwaitResponse = await
		if await > 0 {
			o.GCHeadroom = awaitGCHeadroom
		}
		o.Select = func(it int) bool {
			// sel is sorted: the iteration's place in it picks the worker
			j, ok := slices.BinarySearch(sel, it)
			return ok && j%n == i
		}
		w := &worker{index: i, batches: make(chan batch, batchWindow), yield: await > 0}
		w.r = &runner.Runner{
			Collection:  coll,
			Environment: environments.NewScope(vars.env.Name, vars.env.Variables()),
			Globals:     environments.NewScope(vars.globals.Name, vars.globals.Variables()),
			Options:     o,
			Jar:         jar,
		}
		w.r.Sink = &workerSink{w: w}
		workers[i] = w
	}
	return workers, nil
}

// awaitWindow is how long a parallel worker's request waits for its answer
// on the worker's own thread (runner.Options.AwaitResponse): 1 ms covers a
// loopback or LAN answer; a slower one is then waited for in the network
// poller, as without it.
const awaitWindow = time.Millisecond

// awaitGCHeadroom is a waiting worker's GC headroom: with workers waiting
// on their threads (awaitResponse), the collector's background marking then finds no P either (it used to
// run on a worker's P while the worker waited), so its work falls on the
// workers: each gets awaitGCHeadroom rather than the runner's 10 MB, and
// the collector runs about half as often (GOGC ~800 on the bench's 4-5 MB
// live heap; a 2-worker run's peak RSS 53 -> ~68 MB). On the bench that
// took another ~3% off the median wall time; without waiting on the thread
// a larger heap made the run slower, not faster.
const awaitGCHeadroom = 20 << 20

// awaitResponse is the AwaitResponse of a parallel run's workers: while the
// suite has no more runs going at once than there are Ps, each worker has a
// P to itself and nothing else to do while its request is out, so it waits
// for the answer on its own thread. On the bench's 2-worker run on 2 busy
// cores (docs/performance.md) that took courier's context switches from
// 11,000-17,000 to 8,400-9,100 per 5,000 requests and the median wall down by
// about 5% (faster in 43 of 60 paired runs, load 11-16). With more runs
// than Ps, a wait would hold a P another worker needs; a sequential run
// shares its one P with the collector's background work, which runs while
// the request is out (waiting on the thread made it 6% slower).
// The output goroutine then finds no idle P until a worker blocks, so
// workers ran into the batch window's bound; each worker lets it run on
// its own P as it hands a batch over (worker.yield).
//
// A server in this process (--local-echo, --local-pingone) is the
// exception: its handlers need a P to answer, and with every P held by a
// worker waiting on its thread, each answer waited for a worker's window
// to run out (average response time ~1 ms instead of ~0.1 ms, a 2-worker
// --local-echo run 4-5 times slower).
func (s *Suite) awaitResponse() time.Duration {
	if s.o.LocalEcho || s.o.LocalPingOne {
		return 0
	}
	if s.inFlight < 2 || s.inFlight > runtime.GOMAXPROCS(0) {
		return 0
	}
	return awaitWindow
}

// showInOrder hands the workers' iterations to sink in iteration order,
// opening with one StartEvent, and reads every batch until each worker has
// closed its channel. When a worker ends before its share is done (an
// error, a cancellation, --timeout) the others are stopped through stop;
// what they had finished or started is still shown, in order, so the
// report holds exactly what the merged statistics count (a cut-short
// iteration ends with its open item marked interrupted). It reports
// whether the run started at all.
func showInOrder(workers []*worker, sel []int, sink runner.Sink, stop context.CancelFunc) bool {
	started := time.Now()
	opened := false
	for _, w := range workers {
		b, ok := <-w.batches
		if !ok {
			continue // it could not start (its error says why)
		}
		if !opened {
			st := b.events[0].(runner.StartEvent)
			st.Started = started
			sink.Handle(st)
			opened = true
		}
	}
	n := len(workers)
	closed := make([]bool, n)
	// held is a batch read ahead of its turn (a worker's iterations come
	// in order, so at most one per worker).
	held := make([]*batch, n)
	for j, it := range sel {
		w := j % n
		if closed[w] {
			continue
		}
		b := held[w]
		held[w] = nil
		if b == nil {
			nb, ok := <-workers[w].batches
			if !ok {
				closed[w] = true
				stop() // this worker ended early: the run is over
				continue
			}
			b = &nb
		}
		if b.iteration != it {
			held[w] = b // a later one: this iteration never ran
			continue
		}
		if opened {
			for _, ev := range b.events {
				sink.Handle(ev)
			}
		}
	}
	// Nothing is left to show; let every worker finish sending.
	for _, w := range workers {
		for range w.batches {
		}
	}
	return opened
}

// mergeSummaries adds up the workers' summaries and picks the run's error:
// the first worker's own, not a cancellation the run itself caused.
func mergeSummaries(ctx context.Context, workers []*worker) (*runner.Summary, error) {
	var runErr error
	merged := &runner.Summary{Workers: len(workers)}
	for _, w := range workers {
		if w.err != nil && runErr == nil && !(errors.Is(w.err, context.Canceled) && ctx.Err() == nil) {
			runErr = w.err
		}
		if w.summary != nil {
			merged.Merge(w.summary)
		}
	}
	return merged, runErr
}

// snapshot is the variables of the three scopes a run changes.
type snapshot [3][]environments.Variable

func takeSnapshot(sc *environments.Scopes) snapshot {
	return snapshot{sc.Environment.Variables(), sc.Globals.Variables(), sc.Collection.Variables()}
}

// change is the last value an iteration gave a variable (or its removal).
type change struct {
	iteration int
	v         environments.Variable
	removed   bool
}

// changes are, per scope and key, the last change a worker made.
type changes [3]map[string]change

func (c *changes) record(iteration int, before, after snapshot) {
	for i := range before {
		if c[i] == nil {
			c[i] = map[string]change{}
		}
		old := map[string]environments.Variable{}
		for _, v := range before[i] {
			old[v.Key] = v
		}
		now := map[string]bool{}
		for _, v := range after[i] {
			now[v.Key] = true
			if o, ok := old[v.Key]; !ok || o != v {
				c[i][v.Key] = change{iteration: iteration, v: v}
			}
		}
		for k := range old {
			if !now[k] {
				c[i][k] = change{iteration: iteration, removed: true}
			}
		}
	}
}

// mergeChanges applies to the starting variables, key by key, the change
// made in the latest iteration: last iteration wins, as if the iterations
// had run one after the other and each had set only what it changed.
func mergeChanges(initial *environments.Scopes, workers []*worker) *environments.Scopes {
	scopes := []*environments.Scope{initial.Environment, initial.Globals, initial.Collection}
	for i, sc := range scopes {
		last := map[string]change{}
		for _, w := range workers {
			for k, ch := range w.changes[i] {
				if cur, ok := last[k]; !ok || ch.iteration > cur.iteration {
					last[k] = ch
				}
			}
		}
		vars := sc.Variables()
		var added []change
		for k, ch := range last {
			j := slices.IndexFunc(vars, func(v environments.Variable) bool { return v.Key == k })
			switch {
			case ch.removed && j >= 0:
				vars = slices.Delete(vars, j, j+1)
			case ch.removed:
			case j >= 0:
				vars[j] = ch.v
			default:
				added = append(added, ch)
			}
		}
		// New variables come in the order they were first set.
		slices.SortFunc(added, func(a, b change) int {
			if a.iteration != b.iteration {
				return a.iteration - b.iteration
			}
			return cmp.Compare(a.v.Key, b.v.Key)
		})
		for _, ch := range added {
			vars = append(vars, ch.v)
		}
		scopes[i] = environments.NewScope(sc.Name, vars)
	}
	return &environments.Scopes{Environment: scopes[0], Globals: scopes[1], Collection: scopes[2]}
}
