package suite

import (
	"context"
	"sync"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/runner/report/jsonreport"
	"github.com/courier-run/courier/vault"
)

// With Parallel and several collections, the collections are taken as
// independent: they run side by side, each from the same starting
// environment and globals, and their output comes in collection order
// (a collection's events wait in memory until the ones before it are
// shown). Their changes to the environment and globals are merged, the
// later collection's change winning. Each collection's iterations share
// the workers left.

// collectionJob is one collection of a parallel suite.
type collectionJob struct {
	coll   *collections.Collection
	collRS *environments.RunState
	ropts  runner.Options
	shard  *jsonreport.Shard
	vars   *variables
	events recorder
	out    outcome
	err    error
	done   chan struct{}
}

// recorder keeps a collection's events until its turn to be shown.
type recorder struct{ events []runner.Event }

func (r *recorder) Handle(ev runner.Event) { r.events = append(r.events, ev) }

func (s *Suite) runCollectionsParallel(ctx context.Context, st *environments.Store, vars *variables,
	ropts runner.Options, vlt *vault.Vault) (*Result, error) {
	res := &Result{}
	start := takeSnapshot(&environments.Scopes{Environment: vars.env, Globals: vars.globals, Collection: environments.NewScope("collection", nil)})
	jobs, err := s.prepareJobs(st, vars, ropts)
	if err != nil {
		return res, err
	}
	jctx, cancel := context.WithCancel(ctx)
	wait := s.launch(jctx, jobs)
	// On an early return, stop the collections still running, then wait.
	defer func() { cancel(); wait() }()

	var chs changes
	last := outcome{jar: runner.NewJar(), scopes: &environments.Scopes{Collection: environments.NewScope("collection", nil)}}
	for i, j := range jobs {
		<-j.done
		cr, final, err := s.showJob(j, vlt, vars)
		if final != nil {
			chs.record(i, start, snapshot{final.Environment.Variables(), final.Globals.Variables(), nil})
			last.scopes = final
			if j.out.jar != nil {
				last.jar = j.out.jar
			}
		}
		if cr != nil {
			res.Collections = append(res.Collections, *cr)
		}
		if err != nil {
			return res, err
		}
	}
	return res, s.finishVariables(vars, start, chs, last, jobs[len(jobs)-1].coll, vlt)
}

// prepareJobs reads each collection's current values and checks its
// variables, in order (warnings read as in a sequential run), and gives it
// its own copy of the starting variables.
func (s *Suite) prepareJobs(st *environments.Store, vars *variables, ropts runner.Options) ([]*collectionJob, error) {
	o := &s.o
	jobs := make([]*collectionJob, len(o.Collections))
	for i, coll := range o.Collections {
		j := &collectionJob{coll: coll, done: make(chan struct{})}
		var err error
		if j.collRS, err = s.prepareCollection(st, coll, vars); err != nil {
			return nil, err
		}
		if j.ropts, j.shard, err = s.collectionOptions(coll, ropts); err != nil {
			return nil, err
		}
		j.vars = &variables{
			env:     environments.NewScope(vars.env.Name, vars.env.Variables()),
			globals: environments.NewScope(vars.globals.Name, vars.globals.Variables()),
			envFile: vars.envFile, globF: vars.globF,
		}
		jobs[i] = j
	}
	return jobs, nil
}

// launch runs the jobs, Parallel collections at a time, each one's
// iterations on the workers left; wait waits for them all.
func (s *Suite) launch(ctx context.Context, jobs []*collectionJob) (wait func()) {
	side := min(s.o.Parallel, len(jobs))
	inner := *s
	inner.o.Parallel = max(s.o.Parallel/side, 1)
	slots := make(chan struct{}, side)
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(j.done)
			select {
			case slots <- struct{}{}:
				defer func() { <-slots }()
			case <-ctx.Done():
				j.err = ctx.Err()
				return
			}
			j.out, j.err = inner.execute(ctx, j.coll, j.vars, j.ropts, &j.events)
		}()
	}
	return wg.Wait
}

// showJob plays a finished collection's events to its reporters and keeps
// its collection variables, as a sequential run does after each one.
func (s *Suite) showJob(j *collectionJob, vlt *vault.Vault, vars *variables) (*CollectionResult, *environments.Scopes, error) {
	o := &s.o
	sinks, err := s.newReporters(j.shard)
	if err != nil {
		return nil, nil, err
	}
	sink := s.eventSink(sinks)
	for _, ev := range j.events.events {
		sink.Handle(ev)
	}
	j.events.events = nil
	sum, final, err := s.finishOne(j.coll, j.out, j.err, sinks, vlt, vars, false)
	if final != nil && !o.NoPersist {
		s.persist(j.collRS, final.Collection)
	}
	cr, err := s.collectionResult(j.coll, sum, err)
	return cr, final, err
}

// finishVariables merges the collections' changes to the environment and
// globals (the later collection winning), keeps them as current values and
// writes the exports.
func (s *Suite) finishVariables(vars *variables, start snapshot, chs changes, last outcome,
	lastColl *collections.Collection, vlt *vault.Vault) error {
	merged := mergeChanges(&environments.Scopes{
		Environment: environments.NewScope(vars.env.Name, start[0]),
		Globals:     environments.NewScope(vars.globals.Name, start[1]),
		Collection:  environments.NewScope("collection", nil),
	}, []*worker{{changes: chs}})
	*vars.env = *environments.NewScope(vars.env.Name, merged.Environment.Variables())
	*vars.globals = *environments.NewScope(vars.globals.Name, merged.Globals.Variables())
	if !s.o.NoPersist {
		s.persist(vars.envRS, vars.env)
		s.persist(vars.globRS, vars.globals)
	}
	final := &environments.Scopes{Environment: vars.env, Globals: vars.globals, Collection: last.scopes.Collection}
	if err := s.writeExports(final, lastColl, last.jar, vlt, vars); err != nil {
		return redactErr(s.red, err)
	}
	return nil
}
