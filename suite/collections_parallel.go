package suite

import (
	"context"
	"errors"
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
	o := &s.o
	res := &Result{}
	start := takeSnapshot(&environments.Scopes{Environment: vars.env, Globals: vars.globals, Collection: environments.NewScope("collection", nil)})
	jobs := make([]*collectionJob, len(o.Collections))
	for i, coll := range o.Collections {
		j := &collectionJob{coll: coll, done: make(chan struct{})}
		if st != nil {
			if rs, err := st.BeginRun(environments.CollectionIdentity(coll)); err == nil {
				j.collRS = rs
				environments.SetCollectionVariables(coll, rs.Merge(environments.CollectionVariables(coll.Variables)))
				registerSecretValues(s.red, coll)
			} else {
				o.warnf("warning: current values of collection %q not read: %v\n", coll.Info.Name, err)
			}
		}
		if err := s.preflight(coll, vars); err != nil {
			return res, err
		}
		if _, err := s.newJar(); err != nil {
			return res, err
		}
		var err error
		if j.ropts, j.shard, err = s.applyShard(coll, ropts); err != nil {
			return res, err
		}
		j.ropts.FileRoots = append(j.ropts.FileRoots[:len(j.ropts.FileRoots):len(j.ropts.FileRoots)], collectionDir(coll)...)
		j.vars = &variables{
			env:     environments.NewScope(vars.env.Name, vars.env.Variables()),
			globals: environments.NewScope(vars.globals.Name, vars.globals.Variables()),
			envFile: vars.envFile, globF: vars.globF,
		}
		jobs[i] = j
	}

	// Collections at a time, and the workers each one's iterations get.
	side := min(o.Parallel, len(jobs))
	inner := *s
	inner.o.Parallel = max(o.Parallel/side, 1)
	jctx, cancel := context.WithCancel(ctx)
	defer cancel()
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
			case <-jctx.Done():
				j.err = jctx.Err()
				return
			}
			j.out, j.err = inner.execute(jctx, j.coll, j.vars, j.ropts, &j.events)
		}()
	}
	// On an early return, stop the collections still running, then wait.
	defer func() { cancel(); wg.Wait() }()

	var chs changes
	lastJar, lastColl := runner.NewJar(), environments.NewScope("collection", nil)
	for i, j := range jobs {
		<-j.done
		sinks, err := s.newReporters(j.shard)
		if err != nil {
			return res, err
		}
		var sink runner.Sink = sinks
		if o.Sink != nil {
			sink = teeSink{sinks, o.Sink}
		}
		sink = redactSink{next: sink, red: s.red}
		for _, ev := range j.events.events {
			sink.Handle(ev)
		}
		j.events.events = nil
		sum, final, err := s.finishOne(j.coll, j.out, j.err, sinks, vlt, vars, false)
		if final != nil {
			if !o.NoPersist {
				s.persist(j.collRS, final.Collection)
			}
			chs.record(i, start, snapshot{final.Environment.Variables(), final.Globals.Variables(), nil})
			if j.out.jar != nil {
				lastJar = j.out.jar
			}
			lastColl = final.Collection
		}
		if sum != nil {
			cr := CollectionResult{Name: j.coll.Info.Name, Summary: sum}
			var re *RunError
			if errors.As(err, &re) && o.KeepGoing && !errors.Is(err, context.Canceled) {
				cr.Err = re.Err
				o.warnf("error: %s\n", re.Err)
				err = nil
			}
			res.Collections = append(res.Collections, cr)
		}
		if err != nil {
			return res, err
		}
	}
	merged := mergeChanges(&environments.Scopes{
		Environment: environments.NewScope(vars.env.Name, start[0]),
		Globals:     environments.NewScope(vars.globals.Name, start[1]),
		Collection:  environments.NewScope("collection", nil),
	}, []*worker{{changes: chs}})
	*vars.env = *environments.NewScope(vars.env.Name, merged.Environment.Variables())
	*vars.globals = *environments.NewScope(vars.globals.Name, merged.Globals.Variables())
	if !o.NoPersist {
		s.persist(vars.envRS, vars.env)
		s.persist(vars.globRS, vars.globals)
	}
	final := &environments.Scopes{Environment: vars.env, Globals: vars.globals, Collection: lastColl}
	if err := s.writeExports(final, jobs[len(jobs)-1].coll, lastJar, vlt, vars); err != nil {
		return res, redactErr(s.red, err)
	}
	return res, nil
}
