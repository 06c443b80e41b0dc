// Package suite runs one or several Postman collections the way "courier run"
// does, as a library: current values are read from and kept in the state
// directory, secrets are registered for masking, {{vault:NAME}} resolves
// through a vault store, the local echo server and PingOne can be started,
// and the collections run one after another sharing environment and globals.
//
// The courier command is flag parsing around this package; a Go program (or
// a go test) uses it the same way:
//
//	s := suite.New(suite.Options{Collections: []*collections.Collection{coll}})
//	res, err := s.Run(ctx)
//
// Events stream to reporters and to Options.Sink as the run goes; the
// returned Result holds each collection's summary.
package suite

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/runner/report"
	"github.com/courier-run/courier/runner/report/jsonreport"
	"github.com/courier-run/courier/vault"
)

// Options describe a suite run. Inputs come loaded (files, links and URLs
// are the caller's business); the zero value of every other field is the
// plain default: no current-value store, no vault, no reporters.
type Options struct {
	// Collections run one after another, sharing environment and globals;
	// each starts with a fresh cookie jar, as separate runs would.
	Collections []*collections.Collection
	// Environment and Globals are the loaded files (nil: empty scopes).
	Environment, Globals *environments.File
	// EnvVars and GlobalVars override variables (--env-var, --global-var);
	// they are never kept as current values.
	EnvVars, GlobalVars []environments.Variable
	// Data holds the iteration data rows (-d).
	Data []*environments.Scope
	// Runner is passed to each collection's runner; Data, Secrets, Masker
	// and ScriptVault are filled in by the suite.
	Runner runner.Options

	// StateDir keeps current values (initial vs current, as Postman); ""
	// keeps none. NoPersist reads them but keeps nothing scripts set.
	StateDir  string
	NoPersist bool
	// Fresh starts from the files' initial values: stored current values
	// are neither read nor changed (--fresh). LocalEcho runs are fresh too:
	// the echo server starts empty every run. LocalPingOne runs keep their
	// current values apart, in StateDir/local-pingone, beside the local
	// tenant.
	Fresh bool

	// Vault resolves {{vault:NAME}}; nil leaves references unresolved.
	Vault vault.Store
	// VaultScripts lets scripts use pm.vault (get/set/unset).
	VaultScripts bool

	// LocalEcho starts the built-in echo server on loopback and sets
	// {{baseUrl}} to it; LocalPingOne starts the built-in PingOne and points
	// the tutorial template's variables at it.
	LocalEcho, LocalPingOne bool
	// ResetLocalPingOne starts the local PingOne with a new, empty tenant
	// and forgets the current values earlier runs kept against the old one.
	ResetLocalPingOne bool

	// CookieJar is a tough-cookie JSON jar file each collection starts from.
	CookieJar string
	// Exports name the files written after each collection (atomically,
	// without secrets).
	Exports Exports

	// Reporters are reporter names (cli, json, junit, progress); Report
	// configures them. The suite wraps every writer so secrets are masked.
	Reporters []string
	Report    report.Options
	// Sink, when set, receives every event too (after the reporters).
	Sink runner.Sink

	// Parallel runs each collection's iterations on this many workers
	// (0 or 1: one after the other). Each worker starts from the same
	// variables with its own cookie jar; output comes in iteration order;
	// current values are merged, the last iteration's change winning. With
	// --bail (Runner.Bail failure) iterations run one after the other.
	// Several collections are then taken as independent and run side by
	// side too (see collections_parallel.go).
	Parallel int
	// Shard runs only one slice of each collection (see Shard); nil runs
	// everything. JSON reports record it for jsonreport.Merge.
	Shard *Shard

	// StrictVars fails a collection before anything is sent when a variable
	// its requests use has no value; otherwise a warning is printed.
	StrictVars bool
	// KeepGoing goes on to the next collection after one was aborted
	// (--timeout, --bail folder), as --suppress-exit-code does.
	KeepGoing bool
	// Silent drops warnings and notes that are not errors.
	Silent bool
	// Stderr receives warnings and notes; nil discards them.
	Stderr io.Writer
}

// Exports are the --export-* file paths; "" writes nothing.
type Exports struct {
	Environment, Globals, Collection, CookieJar string
}

// Result is what a suite run produced.
type Result struct {
	// Collections holds one entry per collection that ran, in order.
	Collections []CollectionResult
}

// CollectionResult is one collection's outcome.
type CollectionResult struct {
	Name    string
	Summary *runner.Summary
	// Err is why the run was aborted (with KeepGoing), nil otherwise.
	Err error
}

// Failed reports whether any collection had a failure or was aborted.
func (r *Result) Failed() bool {
	for _, c := range r.Collections {
		if c.Err != nil || (c.Summary != nil && c.Summary.Failed()) {
			return true
		}
	}
	return false
}

// ErrInput marks errors in the suite's input (an unreadable cookie jar, an
// unknown --folder, variables without a value under StrictVars): the run
// cannot go on until the input changes.
var ErrInput = errors.New("invalid input")

// ErrReporters marks an unusable reporter configuration (an unknown name,
// an export path that cannot be created).
var ErrReporters = errors.New("invalid reporters")

// RunError is a collection run that started and was aborted (cancelled,
// --timeout reached, --bail folder); Result holds what it did so far.
type RunError struct {
	Collection string
	Err        error
}

func (e *RunError) Error() string { return e.Err.Error() }
func (e *RunError) Unwrap() error { return e.Err }

// classified keeps an error's text and adds a sentinel to its chain.
type classified struct {
	err  error
	kind error
}

func (e *classified) Error() string         { return e.err.Error() }
func (e *classified) Unwrap() []error       { return []error{e.err, e.kind} }
func inputError(err error) error            { return &classified{err, ErrInput} }
func reporterError(err error) error         { return &classified{err, ErrReporters} }
func (o *Options) warnf(f string, a ...any) { fmt.Fprintf(o.stderr(), f, a...) }

func (o *Options) stderr() io.Writer {
	if o.Stderr == nil {
		return io.Discard
	}
	return o.Stderr
}

// Suite is one configured run; call Run once.
type Suite struct {
	o   Options
	red *vault.Redactor
	// learned is red as the runs' Masker (learned.go).
	learned *learnedSecrets
	// hosts routes PingOne's host names to the local PingOne (servers.go).
	hosts *hostRoutes
	// direct are the local servers' addresses, never proxied
	// (runner.Options.DirectHosts).
	direct []string
	// siblings caches, per directory, the collection files beside a run's
	// collections and the variables their scripts set (see adviseSetters).
	siblings map[string][]sibling
	// inFlight is how many runs the whole suite may have going at once
	// (Options.Parallel; a copy made for collections side by side keeps
	// it, each with a part of the workers).
	inFlight int
	// scopeIDs are the environment's and the globals' ids for the whole
	// run when their files give none (see scopeIDs).
	scopeIDs func() [2]string
}

// New returns a suite for o.
func New(o Options) *Suite {
	red := vault.NewRedactor()
	if o.Stderr != nil {
		// Warnings and notes name variables, files and errors; whatever
		// they quote is masked like every other output.
		o.Stderr = redactWrites{w: o.Stderr, red: red}
	}
	seed := o.Runner.Seed
	return &Suite{o: o, red: red, learned: &learnedSecrets{Redactor: red}, inFlight: max(o.Parallel, 1),
		scopeIDs: sync.OnceValue(func() [2]string { return newScopeIDs(seed) })}
}

// newScopeIDs makes the environment's and the globals' ids of a run whose
// files give none (no file, a file without "id", --env-var alone): a new
// random UUID for each, as Newman 6.2.2 gives such a scope, the same id in
// pm.environment.id, the JSON report and --export-environment. A seeded
// run draws them from a generator of their own, so they repeat without
// moving the sequence scripts draw from.
func newScopeIDs(seed uint64) [2]string {
	const apart = 0x5c09e1d5 // not the scripts' generator
	if seed != 0 && seed != apart {
		// The seed apart is left as it is: xored, it would be 0, the
		// unseeded generator (random ids in a seeded run).
		seed ^= apart
	}
	g := environments.NewGen(seed)
	env, _ := g.Dynamic("$guid")
	glob, _ := g.Dynamic("$guid")
	return [2]string{env, glob}
}

// redactWrites masks each write whole: every warning is one write.
type redactWrites struct {
	w   io.Writer
	red *vault.Redactor
}

func (r redactWrites) Write(p []byte) (int, error) {
	if _, err := io.WriteString(r.w, r.red.Redact(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Run runs every collection in order and returns their outcomes. It stops
// at the first collection that cannot start or is aborted (unless
// KeepGoing); the Result then holds the collections that ran. Assertion and
// request failures are not errors: see Result.Failed.
func (s *Suite) Run(ctx context.Context) (*Result, error) {
	o := &s.o
	st := s.openStore()
	vars, err := s.beginVariables(st)
	if err != nil {
		return nil, err
	}
	if st != nil {
		s.noteIsolated()
	}
	stop, err := s.startLocalServers(vars.env)
	defer stop()
	if err != nil {
		return nil, err
	}
	// Command-line overrides and local servers are not the user's current
	// values: snapshot after them so they are never persisted.
	vars.snapshot()
	for _, coll := range o.Collections {
		registerSecretValues(s.red, coll)
	}
	registerSecretValues(s.red, nil, vars.env, vars.globals)
	vlt := vault.New(o.Vault, s.red)
	if err := s.checkVault(ctx, vlt, vars); err != nil {
		return nil, err
	}
	ropts := s.runnerOptions()
	var watch *vaultWatch
	if o.Vault != nil {
		var cancel context.CancelCauseFunc
		ctx, cancel = context.WithCancelCause(ctx)
		defer cancel(nil)
		watch = &vaultWatch{cancel: cancel}
		ropts.Secrets = func(ctx context.Context) runner.RequestSecrets { return watch.wrap(vlt.ForRequest(ctx)) }
		ropts.ScriptVault = vlt
	}
	if o.Parallel > 1 && len(o.Collections) > 1 {
		return s.runCollectionsParallel(ctx, st, vars, ropts, vlt)
	}
	res := &Result{}
	for _, coll := range o.Collections {
		cr, err := s.runCollection(ctx, st, coll, vars, ropts, vlt, watch)
		if cr != nil {
			res.Collections = append(res.Collections, *cr)
		}
		if err != nil {
			return res, err
		}
	}
	return res, nil
}

// runnerOptions are the runner's options for every collection of the run,
// but for the vault's.
func (s *Suite) runnerOptions() runner.Options {
	o := &s.o
	ropts := o.Runner
	if ropts.EnvironmentName == "" && o.Environment != nil {
		ropts.EnvironmentName = o.Environment.Name // pm.environment.name
	}
	if ropts.EnvironmentID == "" && o.Environment != nil {
		ropts.EnvironmentID = o.Environment.ID // pm.environment.toJSON().id
	}
	if ropts.GlobalsName == "" && o.Globals != nil {
		ropts.GlobalsName, ropts.GlobalsID = o.Globals.Name, o.Globals.ID // pm.globals.name, toJSON().id
	}
	ids := s.scopeIDs()
	ropts.EnvironmentID = cmp.Or(ropts.EnvironmentID, ids[0])
	ropts.GlobalsID = cmp.Or(ropts.GlobalsID, ids[1])
	ropts.EnvironmentFile, ropts.GlobalsFile = scopeFile(o.Environment), scopeFile(o.Globals)
	ropts.Data = o.Data
	ropts.Masker = s.learned
	ropts.VaultScripts = o.VaultScripts
	s.hosts.apply(&ropts)
	ropts.DirectHosts = s.direct
	return ropts
}

// runCollection runs one collection of a sequential run and keeps the
// current values it leaves.
func (s *Suite) runCollection(ctx context.Context, st *environments.Store, coll *collections.Collection, vars *variables,
	ropts runner.Options, vlt *vault.Vault, watch *vaultWatch) (*CollectionResult, error) {
	collRS, err := s.prepareCollection(st, coll, vars)
	if err != nil {
		return nil, err
	}
	sum, final, err := s.runOne(ctx, coll, vars, ropts, vlt)
	if watch != nil && watch.Err() != nil {
		err = watch.Err() // not "interrupted": the vault is why it stopped
	}
	if final != nil && !s.o.NoPersist {
		s.persist(vars.envRS, final.Environment)
		s.persist(vars.globRS, final.Globals)
		s.persist(collRS, final.Collection)
	}
	return s.collectionResult(coll, sum, err)
}

// prepareCollection readies a collection to run, in a sequential run as
// in a parallel one: it reads its stored current values (when there is a
// store: --fresh and --local-echo neither read nor keep them), checks its
// variables and gives it a fresh cookie jar.
func (s *Suite) prepareCollection(st *environments.Store, coll *collections.Collection, vars *variables) (*environments.RunState, error) {
	var collRS *environments.RunState
	if st != nil {
		if rs := s.beginStored(st, environments.CollectionIdentity(coll), displayPath(coll.Source)); rs != nil {
			collRS = rs
			environments.SetCollectionVariables(coll, rs.Merge(environments.CollectionVariables(coll.Variables)))
			registerSecretValues(s.red, coll) // current values of secret variables too
		}
	}
	if err := s.preflight(coll, vars); err != nil {
		return nil, err
	}
	if _, err := s.newJar(); err != nil {
		return nil, err
	}
	return collRS, nil
}

// collectionResult is what the Result says of a collection that ran (nil
// when it did not get to run): with KeepGoing, the error that aborted it
// is kept there and warned of, and the run goes on.
func (s *Suite) collectionResult(coll *collections.Collection, sum *runner.Summary, err error) (*CollectionResult, error) {
	if sum == nil {
		return nil, err
	}
	cr := &CollectionResult{Name: coll.Info.Name, Summary: sum}
	var re *RunError
	if errors.As(err, &re) && s.o.KeepGoing && !errors.Is(err, context.Canceled) {
		cr.Err = re.Err
		s.o.warnf("error: %s\n", re.Err)
		err = nil
	}
	return cr, err
}

// newJar is a collection run's cookie jar: empty, or loaded from CookieJar.
func (s *Suite) newJar() (*runner.Jar, error) {
	jar := runner.NewJar()
	if s.o.CookieJar != "" {
		if err := runner.LoadJarFile(jar, s.o.CookieJar); err != nil {
			return nil, inputError(err)
		}
	}
	return jar, nil
}

// outcome is what running one collection left: its summary, final
// variables and cookie jar.
type outcome struct {
	summary *runner.Summary
	scopes  *environments.Scopes
	jar     *runner.Jar
}

// runOne runs one collection with its own reporters and exports, and
// returns its summary and final variables (nil when it did not start).
func (s *Suite) runOne(ctx context.Context, coll *collections.Collection, vars *variables,
	ropts runner.Options, vlt *vault.Vault) (*runner.Summary, *environments.Scopes, error) {
	ropts, shard, err := s.collectionOptions(coll, ropts)
	if err != nil {
		return nil, nil, err
	}
	sinks, err := s.newReporters(shard)
	if err != nil {
		return nil, nil, err
	}
	out, runErr := s.execute(ctx, coll, vars, ropts, s.eventSink(sinks))
	return s.finishOne(coll, out, runErr, sinks, vlt, vars, true)
}

// collectionOptions are the run options for one collection: its shard's
// slice, and its directory as a root for the files its bodies name.
func (s *Suite) collectionOptions(coll *collections.Collection, ropts runner.Options) (runner.Options, *jsonreport.Shard, error) {
	ropts, shard, err := s.applyShard(coll, ropts)
	if err != nil {
		return ropts, nil, err
	}
	ropts.FileRoots = append(ropts.FileRoots[:len(ropts.FileRoots):len(ropts.FileRoots)], collectionDir(coll)...)
	return ropts, shard, nil
}

// eventSink is where a collection's events go: masked at the source, then
// to the reporters and Options.Sink.
func (s *Suite) eventSink(sinks *report.Multi) runner.Sink {
	var sink runner.Sink = sinks
	if s.o.Sink != nil {
		sink = teeSink{sinks, s.o.Sink}
	}
	return redactSink{next: sink, red: s.red}
}

// execute runs one collection, its iterations on Parallel workers.
func (s *Suite) execute(ctx context.Context, coll *collections.Collection, vars *variables,
	ropts runner.Options, sink runner.Sink) (outcome, error) {
	if w := s.workers(ropts); w > 1 {
		return s.runParallel(ctx, coll, vars, ropts, sink, w)
	}
	return s.runSequential(ctx, coll, vars, ropts, sink)
}

// finishOne closes a collection's reporters, writes its exports (unless
// they wait for the end of the suite) and gives the run's error the
// suite's meaning.
func (s *Suite) finishOne(coll *collections.Collection, out outcome, runErr error, sinks *report.Multi,
	vlt *vault.Vault, vars *variables, exports bool) (*runner.Summary, *environments.Scopes, error) {
	closeErr := sinks.Close()
	runErr = redactErr(s.red, runErr)
	if runErr != nil && out.summary == nil {
		if errors.Is(runErr, runner.ErrUsage) {
			return nil, out.scopes, inputError(runErr)
		}
		return nil, out.scopes, runErr
	}
	if exports {
		if err := s.writeExports(out.scopes, coll, out.jar, vlt, vars); err != nil {
			return nil, out.scopes, redactErr(s.red, err)
		}
	}
	if closeErr != nil {
		return nil, out.scopes, fmt.Errorf("writing reports: %w", closeErr)
	}
	if runErr != nil {
		return out.summary, out.scopes, &RunError{Collection: coll.Info.Name, Err: runErr}
	}
	return out.summary, out.scopes, nil
}

// runSequential runs the iterations one after another in one runner.
func (s *Suite) runSequential(ctx context.Context, coll *collections.Collection, vars *variables,
	ropts runner.Options, sink runner.Sink) (outcome, error) {
	jar, err := s.newJar()
	if err != nil {
		return outcome{}, err
	}
	r := &runner.Runner{
		Collection:  coll,
		Environment: vars.env,
		Globals:     vars.globals,
		Options:     ropts,
		Sink:        sink,
		Jar:         jar,
	}
	summary, runErr := r.Run(ctx)
	return outcome{summary: summary, scopes: r.Scopes(), jar: jar}, runErr
}

// newReporters builds the reporters; every one writes through the
// redactor, so no secret reaches stdout or a file.
func (s *Suite) newReporters(shard *jsonreport.Shard) (*report.Multi, error) {
	ro := s.o.Report
	ro.JSON.Shard = shard
	ro.Wrap = func(w io.Writer) io.Writer { return s.red.Writer(w) }
	// The JSON and JUnit reports stay valid: a numeric secret that equals
	// one of the report's own numbers (a size, a status code, a count)
	// leaves that number be, and one in a value becomes the string "***",
	// not a bare ***.
	ro.WrapDoc = func(w io.Writer, d report.Doc) io.Writer {
		if d.Format == report.FormatXML {
			return s.red.XMLWriter(w, d.Keep)
		}
		return s.red.JSONWriter(w, vault.JSONScalars{Keep: d.Keep, Data: d.Data, Bytes: d.Bytes})
	}
	ro.JSON.Redact = s.red.Redact
	m, err := report.New(s.o.Reporters, ro)
	if err != nil {
		return nil, reporterError(err)
	}
	return m, nil
}

type teeSink []runner.Sink

func (t teeSink) Handle(ev runner.Event) {
	for _, s := range t {
		s.Handle(ev)
	}
}

// registerSecretValues masks the values of type: secret variables in all
// output, as Postman masks them in its UI.
func registerSecretValues(red *vault.Redactor, coll *collections.Collection, scopes ...*environments.Scope) {
	if coll == nil {
		coll = &collections.Collection{}
	}
	for _, v := range coll.Variables {
		if v.Type == "secret" {
			red.Add(v.Value)
		}
	}
	for _, sc := range scopes {
		for _, v := range sc.Variables() {
			if v.Type == "secret" {
				red.Add(v.Value)
			}
		}
	}
}

// redactErr masks secrets in an error's text, keeping what it wraps for
// errors.Is (cancellation, bad input).
func redactErr(red *vault.Redactor, err error) error {
	if err == nil {
		return nil
	}
	msg := red.Redact(err.Error())
	if msg == err.Error() {
		return err
	}
	for _, kind := range []error{context.Canceled, context.DeadlineExceeded, runner.ErrUsage, ErrInput} {
		if errors.Is(err, kind) {
			return &classified{errors.New(msg), kind}
		}
	}
	return errors.New(msg)
}

// collectionDir is where a collection loaded from disk lives: uploads may
// read files there (and in the working directory).
func collectionDir(coll *collections.Collection) []string {
	src := coll.Source
	if src == "" || collections.IsURL(src) {
		return nil
	}
	abs, err := filepath.Abs(src)
	if err != nil {
		return nil
	}
	if fi, err := os.Stat(abs); err == nil && fi.IsDir() {
		return []string{abs}
	}
	return []string{filepath.Dir(abs)}
}

// scopeFile is what an environment or globals file said of itself, for
// the JSON report; none for no file.
func scopeFile(f *environments.File) runner.ScopeFile {
	if f == nil {
		return runner.ScopeFile{}
	}
	out := runner.ScopeFile{VariableScope: f.VariableScope, ExportedUsing: f.ExportedUsing}
	if !f.ExportedAt.IsZero() {
		out.ExportedAt = f.ExportedAt.UTC().Format("2006-01-02T15:04:05.000Z")
	}
	return out
}
