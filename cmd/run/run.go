// Package run implements "courier run", a drop-in for "newman run".
package run

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/cmd/importcmd"
	cmdReport "github.com/courier-run/courier/cmd/report"
	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/internal/proxyenv"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/runner/report/htmlreport"
	"github.com/courier-run/courier/scripting"
	"github.com/courier-run/courier/suite"
	"github.com/courier-run/courier/vault"
)

// Options are the flags of "courier run", named as Newman names them.
type Options struct {
	IO *cmdutil.IOStreams
	// Collections run one after another, sharing the environment and
	// globals (a tutorial split over several collections chains naturally).
	Collections []string

	Environment string
	Globals     string
	// Collection picks a collection by name when a collection argument is
	// a Postman v12 repository root or postman/ folder holding several.
	Collection    string
	Reporters     []string
	Iterations    int
	IterationData string
	Folders       []string
	EnvVars       []string
	GlobalVars    []string

	ExportEnvironment string
	ExportGlobals     string
	ExportCollection  string
	CookieJar         string
	ExportCookieJar   string

	Bail            string
	BailSet         bool
	IgnoreRedirects bool
	SuppressExit    bool
	Silent          bool
	DisableUnicode  bool
	Color           string
	Verbose         bool

	DelayRequest   int // ms
	Timeout        int // ms
	TimeoutRequest int // ms
	TimeoutScript  int // ms
	// MaxResponseSize is --max-response-size in MB: 0 keeps the default
	// (256), a negative value (an explicit 0) means no limit.
	MaxResponseSize int

	WorkingDir          string
	NoInsecureFileRead  bool
	InsecureFileRead    bool
	Insecure            bool
	SSLClientCert       string
	SSLClientKey        string
	SSLClientPassphrase string
	SSLClientCertList   string
	SSLExtraCACerts     string

	Reporter ReporterFlags

	// Parallel runs iterations on this many workers (--parallel).
	Parallel int
	// Shard is --shard K/N (or N, with ShardIndexEnv naming the variable
	// holding the 0-based index, as a Kubernetes Indexed Job's
	// JOB_COMPLETION_INDEX).
	Shard, ShardIndexEnv string

	// Seed makes the run's random values repeat (runner.Options.Seed) and
	// LoopbackOnly refuses every other host (runner.Options.LoopbackOnly);
	// they have no flags: tests use them.
	Seed         uint64
	LoopbackOnly bool

	// LocalEcho starts the built-in echo server and sets {{baseUrl}} to it.
	LocalEcho bool
	// StateDir overrides where current values are kept (--state-dir).
	StateDir string
	// NoPersist keeps values scripts set out of the current-value store.
	NoPersist bool
	// Fresh starts from the files, neither reading nor changing the store.
	Fresh bool
	// StrictVars fails the run before sending anything when a variable
	// the selected requests use has no value.
	StrictVars bool
	// VaultScripts lets scripts use pm.vault (get/set/unset), which Postman
	// only allows when access is granted, and see the vault values a
	// request carried in pm.request (otherwise their references).
	VaultScripts bool

	// LocalPingOne starts the built-in PingOne and points the template's
	// authPath, apiPath, adminEnvID, adminAppID and adminAppSecret at it.
	LocalPingOne bool
	// ResetLocalPingOne starts the local PingOne's tenant over (--reset-local-pingone).
	ResetLocalPingOne bool

	// Link holds --postman-api-key / --postman-api-base, used when a
	// collection argument is a Run-in-Postman link, a Postman API URL or uid.
	Link importcmd.LinkOptions

	// VaultStore opens the secret store behind {{vault:NAME}}; it is only
	// called when a reference is resolved. Nil uses cmdutil.Vault.
	VaultStore func() vault.Store

	// CPUProfile and MemProfile name the pprof files to write (--cpuprofile,
	// --memprofile).
	CPUProfile, MemProfile string
}

// ReporterFlags are the --reporter-<name>-<option> flags.
type ReporterFlags struct {
	CLINoSummary, CLINoFailures, CLINoAssertions, CLINoSuccessAssertions bool
	CLINoConsole, CLINoBanner, CLIShowTimestamps, CLISilent              bool
	JSONExport, JUnitExport                                              string
	// JSONExecutions is --reporter-json-executions: "newman" (the default,
	// also when empty: one per round trip, as Newman writes them) or "item"
	// (one execution per item run, as Postman CLI writes them).
	JSONExecutions string
	ProgressSilent bool
	// HTMLExport and HTMLTitle are --reporter-html-export and
	// --reporter-html-title, also spelt --reporter-htmlextra-* as Newman's
	// htmlextra add-on spells them.
	HTMLExport, HTMLTitle string
	// HTMLMaxBody is --reporter-html-max-body (see courier report html
	// --max-body).
	HTMLMaxBody int
	// HTMLOmit leaves data out of the HTML report.
	HTMLOmit cmdReport.OmitFlags
	// HTMLNotes are notes about htmlextra options that have no effect.
	HTMLNotes []string
}

// NewCmdRun returns the run command; runF replaces the action in tests.
func NewCmdRun(io *cmdutil.IOStreams, runF func(context.Context, *Options) error) *cobra.Command {
	opts := &Options{IO: io}
	cmd := &cobra.Command{
		Use:   "run <collection> [<collection>...] [flags]",
		Short: "Run a collection (file path or URL), as newman run does",
		Long: `Run every request of a Postman collection, with its pre-request and test scripts,
and report the outcome. Flags are Newman's: a "newman run" command line works as is.
One difference: values the scripts set are kept as current values and the next run
starts from them (its first lines say so), as in Postman; --fresh starts from the
files, as newman run does.

A collection is a JSON file (v1, v2.0, v2.1), a URL, or a Postman v12 collection
directory (postman/collections/<Name>, YAML). A repository root or postman/ folder
runs the collection named by --collection; -e and -g then also take the name of an
environment or globals file of that postman/ folder.

Several collections run one after another, sharing the environment and globals, so
values stored by one (pm.environment.set) feed the next; each starts with a fresh
cookie jar, as separate runs would.

--parallel N runs a collection's iterations on N workers. Each worker starts from
the same variables and has its own cookie jar; results, console output and reports
come out in iteration order, as if run one after the other. Iterations that depend
on each other through the environment (one sets what the next reads) are your call:
with --parallel they do not see each other's values. setNextRequest stays within
its iteration. Current values the workers set are merged, the last iteration's
change winning. With --bail, iterations run one after the other. With several
collections, --parallel also runs the collections side by side, each from the same
starting variables (so they no longer feed each other), output in collection order.

HTTP_PROXY, HTTPS_PROXY and NO_PROXY (or their lower-case forms) are read as Newman
reads them: loopback hosts go through the proxy too unless NO_PROXY names them, and
https falls back to HTTP_PROXY; --local-echo and --local-pingone are always direct.
A request's own proxy setting in the collection (v2.1 request.proxy) is used in
place of the variables, as in Newman.`,
		Example: `  courier run postman/collections/Orders -e postman/environments/dev.environment.yaml
  courier run . --collection Orders -e dev
  courier run coll.json -e env.json
  courier run coll.json -e env.json -n 10 -d data.csv --folder "Users"
  courier run coll.json -r cli,json,junit --reporter-junit-export out/results.xml
  courier run coll.json -e env.json -d users.csv --parallel 4
  courier run coll.json -d users.csv --shard 2/4 -r json --reporter-json-export shard-2.json
  courier run testdata/examples/echo.postman_collection.json --local-echo
  courier run testdata/pingone/create-your-test-environment.postman_collection.json \
      testdata/pingone/simple-sso.postman_collection.json --local-pingone`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cmdutil.FlagErrorf("expected a collection (a file path or URL)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Collections = args
			opts.BailSet = cmd.Flags().Changed("bail")
			notes, err := cmdReport.CheckHTMLExtraCompat(cmd)
			if err != nil {
				return err
			}
			opts.Reporter.HTMLNotes = notes
			if e := opts.Reporter.JSONExecutions; e != "item" && e != "newman" {
				return cmdutil.FlagErrorf("--reporter-json-executions takes item (one execution per item run) or newman (one per round trip, as Newman 6.2.2 writes them), not %q", e)
			}
			if opts.Reporter.HTMLMaxBody == 0 {
				return cmdutil.FlagErrorf("--reporter-html-max-body must be positive, or -1 to keep whole bodies")
			}
			if err := checkCounts(cmd.Flags().Changed("iteration-count"), opts); err != nil {
				return err
			}
			if cmd.Flags().Changed("timeout-script") && opts.TimeoutScript == 0 {
				opts.TimeoutScript = -1 // an explicit 0: no limit
			}
			if cmd.Flags().Changed("max-response-size") && opts.MaxResponseSize == 0 {
				opts.MaxResponseSize = -1
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return Run(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.SortFlags = false
	f.StringVarP(&opts.Environment, "environment", "e", "", "environment file `path` or URL, or an environment's name in a Postman v12 postman/ folder")
	f.StringVarP(&opts.Globals, "globals", "g", "", "globals file `path` or URL, or a globals name in a postman/ folder (workspace)")
	f.StringVar(&opts.Collection, "collection", "", "the collection to run (by `name`) when the argument is a Postman v12 repository or postman/ folder")
	f.StringSliceVarP(&opts.Reporters, "reporters", "r", []string{"cli"}, "reporters: cli, json, junit, html (or htmlextra), progress")
	f.VarP(nodeInt{&opts.Iterations}, "iteration-count", "n", "number of iterations (default: data rows, or 1)")
	f.StringVarP(&opts.IterationData, "iteration-data", "d", "", "iteration data file (JSON or CSV)")
	f.StringArrayVar(&opts.Folders, "folder", nil, "run only this folder or request (by name or id); repeatable")
	f.StringArrayVar(&opts.EnvVars, "env-var", nil, "set an environment variable `key=value`; repeatable")
	f.StringArrayVar(&opts.GlobalVars, "global-var", nil, "set a global variable `key=value`; repeatable")
	f.StringVar(&opts.ExportEnvironment, "export-environment", "", "write the final environment to `path`")
	f.StringVar(&opts.ExportGlobals, "export-globals", "", "write the final globals to `path`")
	f.StringVar(&opts.ExportCollection, "export-collection", "", "write the collection (with its final variables) to `path`")
	f.StringVar(&opts.CookieJar, "cookie-jar", "", "load cookies from this jar `path` (tough-cookie JSON)")
	f.StringVar(&opts.ExportCookieJar, "export-cookie-jar", "", "write the final cookie jar to `path`")
	f.StringVar(&opts.Bail, "bail", "", "stop after the first failing item (`mode` failure, the default), or on any error and an unknown --folder (folder); both: failure,folder")
	f.Lookup("bail").NoOptDefVal = runner.BailFailure
	f.BoolVar(&opts.IgnoreRedirects, "ignore-redirects", false, "do not follow 3xx redirects, except for a request whose protocolProfileBehavior sets followRedirects (as in Newman)")
	f.BoolVarP(&opts.SuppressExit, "suppress-exit-code", "x", false, "exit 0 even when tests fail")
	f.BoolVar(&opts.Silent, "silent", false, "print nothing")
	f.BoolVar(&opts.DisableUnicode, "disable-unicode", false, "use plain ASCII symbols")
	f.StringVar(&opts.Color, "color", "auto", "colour output: on, off or auto")
	f.BoolVar(&opts.Verbose, "verbose", false, "show request and response details")
	f.IntVar(&opts.Parallel, "parallel", 1, "run iterations on `N` workers side by side (0: one per core); each starts from the same variables with its own cookies, so iterations must not depend on each other")
	f.StringVar(&opts.Shard, "shard", "", "run only slice `K/N` (1 <= K <= N) of the run: a block of the iterations, or of the top-level folders and requests when there is one iteration; merge the shards' JSON reports with courier report merge")
	f.StringVar(&opts.ShardIndexEnv, "shard-index-env", "", "read the shard's 0-based index from environment variable `NAME` (JOB_COMPLETION_INDEX in a Kubernetes Indexed Job); --shard then gives only N")
	f.Var(nodeInt{&opts.DelayRequest}, "delay-request", "wait `ms` between requests")
	f.Var(nodeInt{&opts.Timeout}, "timeout", "stop the whole run after `ms` (0: no limit)")
	f.Var(nodeInt{&opts.TimeoutRequest}, "timeout-request", "fail a request that takes over `ms` to connect, or then goes that long with nothing sent or received (a slow but steady answer goes on, as in Newman; 0: no limit)")
	f.Var(nodeInt{&opts.TimeoutScript}, "timeout-script", "stop a script after `ms` (default 30000, as Newman's sandbox; 0: no limit)")
	f.IntVar(&opts.MaxResponseSize, "max-response-size", 0, "fail a request whose response body, decompressed, exceeds `MB` (default 256; 0: no limit)")
	f.StringVar(&opts.WorkingDir, "working-dir", "", "base `dir` for files referenced by the collection")
	f.BoolVar(&opts.NoInsecureFileRead, "no-insecure-file-read", false, "upload files only from --working-dir (not the collection's directory either)")
	f.BoolVar(&opts.InsecureFileRead, "insecure-file-read", false, "let uploads read files outside the working directory and the collection's directory, as Newman does by default (never /proc, /sys or devices)")
	f.BoolVarP(&opts.Insecure, "insecure", "k", false, "do not verify TLS certificates")
	f.StringVar(&opts.SSLClientCert, "ssl-client-cert", "", "client certificate `file` (PEM, or PFX/P12)")
	f.StringVar(&opts.SSLClientKey, "ssl-client-key", "", "client private key `file` (PEM)")
	f.StringVar(&opts.SSLClientPassphrase, "ssl-client-passphrase", "", "passphrase of the client key or PFX")
	f.StringVar(&opts.SSLClientCertList, "ssl-client-cert-list", "", "JSON `file` listing client certificates per URL pattern")
	f.StringVar(&opts.SSLExtraCACerts, "ssl-extra-ca-certs", "", "PEM `file` of extra trusted CA certificates")
	f.StringVar(&opts.StateDir, "state-dir", "", "keep current values in this `dir` (default: $COURIER_STATE_DIR or the per-user state directory)")
	f.BoolVar(&opts.NoPersist, "no-persist", false, "do not keep the values scripts set as current values")
	f.BoolVar(&opts.Fresh, "fresh", false, "start from the files' initial values: stored current values are neither used nor changed (as newman run)")
	f.BoolVar(&opts.StrictVars, "strict-vars", false, "fail before sending anything if a variable the requests use has no value")
	f.BoolVar(&opts.VaultScripts, "vault-scripts", false, "let scripts read vault values: pm.vault.get/set/unset (denied otherwise, as in Postman) and the values in pm.request (otherwise {{vault:NAME}})")
	f.BoolVar(&opts.LocalEcho, "local-echo", false, "start courier's built-in echo server on loopback and set {{baseUrl}} to it")
	f.BoolVar(&opts.LocalPingOne, "local-pingone", false, "start courier's built-in PingOne on loopback and point authPath, apiPath and the admin app variables at it; its tenant and the run's current values persist in the state dir, so runs chain")
	f.BoolVar(&opts.ResetLocalPingOne, "reset-local-pingone", false, "with --local-pingone: start from a new, empty local tenant (and forget current values kept against the old one)")
	importcmd.AddLinkFlags(f, &opts.Link)
	f.StringVar(&opts.CPUProfile, "cpuprofile", "", "write a CPU profile of the run to `file` (read it with go tool pprof)")
	f.StringVar(&opts.MemProfile, "memprofile", "", "write a heap profile, taken when the run ends, to `file` (go tool pprof)")
	r := &opts.Reporter
	f.BoolVar(&r.CLINoSummary, "reporter-cli-no-summary", false, "cli: no summary table")
	f.BoolVar(&r.CLINoFailures, "reporter-cli-no-failures", false, "cli: no failure details")
	f.BoolVar(&r.CLINoAssertions, "reporter-cli-no-assertions", false, "cli: no assertion lines")
	f.BoolVar(&r.CLINoSuccessAssertions, "reporter-cli-no-success-assertions", false, "cli: only failed assertions")
	f.BoolVar(&r.CLINoConsole, "reporter-cli-no-console", false, "cli: no console output from scripts")
	f.BoolVar(&r.CLINoBanner, "reporter-cli-no-banner", false, "cli: no banner")
	f.BoolVar(&r.CLIShowTimestamps, "reporter-cli-show-timestamps", false, "cli: timestamp each line")
	f.BoolVar(&r.CLISilent, "reporter-cli-silent", false, "cli: print nothing")
	f.StringVar(&r.JSONExport, "reporter-json-export", "", "json: report `path`")
	f.StringVar(&r.JSONExecutions, "reporter-json-executions", "newman", "json: `item` writes one execution per item run (as Postman CLI); newman writes one per round trip, each pm.sendRequest and digest 401 repeating the item's execution and assertions (as Newman 6.2.2)")
	f.StringVar(&r.JUnitExport, "reporter-junit-export", "", "junit: report `path`")
	f.BoolVar(&r.ProgressSilent, "reporter-progress-silent", false, "progress: print nothing")
	f.StringVar(&r.HTMLExport, "reporter-html-export", "", "html: report `path`")
	f.StringVar(&r.HTMLTitle, "reporter-html-title", "", "html: page `title` (default: the collection's name)")
	// htmlextra's flag names, for Newman command lines that use it.
	f.StringVar(&r.HTMLExport, "reporter-htmlextra-export", "", "htmlextra (same as html): report `path`")
	f.StringVar(&r.HTMLTitle, "reporter-htmlextra-title", "", "htmlextra (same as html): page `title`")
	f.IntVar(&r.HTMLMaxBody, "reporter-html-max-body", htmlreport.DefaultMaxBody, "html: keep at most `bytes` of each body (-1: every body whole)")
	cmdReport.AddOmitFlags(f, "reporter-html-", &r.HTMLOmit, true)
	cmdReport.AddHTMLExtraCompat(f, &r.HTMLTitle)
	return cmd
}

// NormalizeArgs lets "--bail failure" (Newman's optional-value form) work
// alongside "--bail=failure" and a bare "--bail". A word after --bail that
// is no path (letters only, comma-separated, no such file) is read as
// --bail's value too, so that a mistyped mode ("--bail fialure",
// "--bail failure,fodler") is a usage error naming it: Newman reads such a
// word as its modifiers and, finding none it knows, runs without bailing.
// An empty word after --bail (--bail "") is a bare --bail.
func NormalizeArgs(args []string) []string {
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--bail" && i+1 < len(args) && (isBailValue(args[i+1]) || isBailWord(args[i+1])) {
			out = append(out, "--bail="+args[i+1])
			i++
			continue
		}
		out = append(out, a)
	}
	return out
}

func isBailValue(s string) bool {
	for _, p := range strings.Split(s, ",") {
		if p != runner.BailFailure && p != runner.BailFolder {
			return false
		}
	}
	return s != ""
}

// isBailWord says whether s, written after --bail, is meant as its value:
// empty, or words of letters separated by commas that name no file.
func isBailWord(s string) bool {
	if s == "" {
		return true
	}
	for _, p := range strings.Split(s, ",") {
		if p == "" || strings.IndexFunc(p, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			return false
		}
	}
	_, err := os.Stat(s)
	return err != nil
}

func inputError(err error) error { return cmdutil.WithExitCode(err, cmdutil.ExitInput) }

// Run executes the run command: it loads the inputs named on the command
// line, hands them to a suite and maps the outcome to an exit code.
func Run(ctx context.Context, o *Options) (err error) {
	if err := checkRunFlags(o); err != nil {
		return err
	}
	workers := o.Parallel
	if o.BailSet {
		workers = 1
	}
	sched := newScheduler(workers, o.IO.Env, o.IO.MaxProcs)
	defer sched.restore()
	sched.narrowAfter(scripting.Warm)
	prof, err := startProfiles(o.CPUProfile, o.MemProfile)
	if err != nil {
		return err
	}
	defer func() {
		if perr := prof.stop(); perr != nil {
			if err != nil { // the run's own outcome keeps its exit code
				fmt.Fprintf(o.IO.ErrOut, "error: %v\n", perr)
				return
			}
			err = cmdutil.WithExitCode(perr, cmdutil.ExitInput)
		}
	}()
	// Downloads (a collection or environment URL, the Postman API) take
	// the environment's proxy as Newman's fetch does (postman-request's
	// rules: a loopback URL too).
	httpClient := &http.Client{Timeout: 60 * time.Second, Transport: proxyenv.Transport(o.IO.Env)}
	o.Link.Getenv = o.IO.Env
	if o.VaultStore != nil {
		o.Link.VaultStore = o.VaultStore
	}
	in, err := loadInputs(ctx, httpClient, o)
	if err != nil {
		return err
	}
	so, err := suiteOptions(o, in)
	if err != nil {
		return err
	}
	res, err := suite.New(so).Run(ctx)
	return outcome(o, res, err, len(in.colls))
}

// checkRunFlags prints the notes the flags call for, gives --parallel its
// default (one worker per core) and refuses flags that do not go together.
func checkRunFlags(o *Options) error {
	for _, n := range o.Reporter.HTMLNotes {
		fmt.Fprintln(o.IO.ErrOut, n)
	}
	if o.Parallel == 0 {
		o.Parallel = runtime.NumCPU()
	}
	if o.Parallel < 0 {
		return cmdutil.FlagErrorf("--parallel takes a number of workers (0: one per core), not %d", o.Parallel)
	}
	if o.ResetLocalPingOne && !o.LocalPingOne {
		return cmdutil.FlagErrorf("--reset-local-pingone resets the tenant of --local-pingone: add --local-pingone")
	}
	if o.Parallel > 1 && o.BailSet {
		fmt.Fprintf(o.IO.ErrOut, "note: --bail stops at the first failure, so iterations run one after the other despite --parallel\n")
	}
	return nil
}

// outcome prints the overall line of a run of several collections and
// turns the run's result into the command's error: a run error, or
// failures (exit code 1) unless --suppress-exit-code.
func outcome(o *Options, res *suite.Result, err error, colls int) error {
	if res != nil && showsOverall(o, colls) && (err == nil || len(res.Collections) > 0) {
		fmt.Fprintf(o.IO.Out, "\n%s\n", overallLine(res, colls, o.SuppressExit))
	}
	if err != nil {
		return exitError(err)
	}
	if res.Failed() && !o.SuppressExit {
		return &cmdutil.ExitError{Code: cmdutil.ExitFailures}
	}
	return nil
}

// inputs are the loaded collections, environment, globals and data.
type inputs struct {
	colls        []*collections.Collection
	env, globals *environments.File
	data         []*environments.Scope
}

// loadInputs opens the collections (files, URLs or Postman links), the
// environment, globals and iteration data.
func loadInputs(ctx context.Context, httpClient *http.Client, o *Options) (*inputs, error) {
	in := &inputs{}
	linkEnvs, folder, err := in.openCollections(ctx, httpClient, o)
	if err != nil {
		return nil, err
	}
	if len(in.colls) > 1 && (o.Reporter.JSONExport != "" || o.Reporter.JUnitExport != "" || o.Reporter.HTMLExport != "" || o.ExportCollection != "") {
		return nil, cmdutil.FlagErrorf("--reporter-json-export, --reporter-junit-export, --reporter-html-export and --export-collection name one file: run one collection at a time to use them")
	}
	if in.env, err = openEnvironment(ctx, httpClient, o, folder, linkEnvs); err != nil {
		return nil, err
	}
	if o.Globals != "" {
		p, err := folder.byName("-g", o.Globals, true)
		if err != nil {
			return nil, err
		}
		if in.globals, err = openVars(ctx, httpClient, p); err != nil {
			return nil, inputError(err)
		}
	}
	if o.IterationData != "" {
		if in.data, err = environments.LoadData(o.IterationData); err != nil {
			return nil, inputError(err)
		}
	}
	return in, nil
}

// openCollections opens each collection of the command line. It returns
// the environments Run-in-Postman links carried and the postman/ folder
// -e and -g names are looked up in: the first v12 collection's, else the
// working directory's.
func (in *inputs) openCollections(ctx context.Context, httpClient *http.Client, o *Options) ([]*environments.File, postmanFolder, error) {
	var linkEnvs []*environments.File
	var dir string // the v12 repository's postman/ folder, if any
	for _, c := range o.Collections {
		if importcmd.IsLink(c, o.Link) {
			coll, envs, err := importcmd.OpenLink(ctx, httpClient, c, o.Link)
			if err != nil {
				return nil, "", err // carries its exit code
			}
			in.colls = append(in.colls, coll)
			linkEnvs = append(linkEnvs, envs...)
			continue
		}
		coll, path, err := openCollection(ctx, httpClient, o, c)
		if err != nil {
			return nil, "", err
		}
		if dir == "" && coll.Format == "v3" {
			dir = collections.PostmanFolder(path)
		}
		in.colls = append(in.colls, coll)
	}
	if dir == "" {
		dir = collections.PostmanFolder(".")
	}
	return linkEnvs, postmanFolder(dir), nil
}

// openCollection opens one collection file, URL or directory; in a v12
// repository or postman/ folder, --collection picks which. It returns the
// collection and the path it was opened from.
func openCollection(ctx context.Context, httpClient *http.Client, o *Options, c string) (*collections.Collection, string, error) {
	if refs, ok := collections.FindV3Collections(c); ok {
		ref, err := collections.SelectV3(refs, o.Collection, c)
		if err != nil {
			return nil, "", inputError(err)
		}
		c = ref.Dir
	} else if o.Collection != "" && len(o.Collections) == 1 {
		return nil, "", cmdutil.FlagErrorf("--collection picks a collection in a Postman v12 repository or postman/ folder; %s is not one", c)
	}
	coll, err := collections.Open(ctx, httpClient, c)
	if err != nil {
		return nil, "", inputError(err)
	}
	// What a v3 directory skipped or tolerated, file by file.
	for _, n := range coll.Notices {
		fmt.Fprintf(o.IO.ErrOut, "warning: %s\n", n)
	}
	return coll, c, nil
}

// openEnvironment opens the -e environment (a file, a name in the postman/
// folder, a URL or a Postman environment UID), else the first environment
// a Run-in-Postman link carried; nil when there is none.
func openEnvironment(ctx context.Context, httpClient *http.Client, o *Options, folder postmanFolder, linkEnvs []*environments.File) (*environments.File, error) {
	switch {
	case o.Environment != "" && importcmd.IsEnvironmentUID(o.Environment):
		return importcmd.OpenEnvironmentUID(ctx, httpClient, o.Environment, o.Link)
	case o.Environment != "":
		p, err := folder.byName("-e", o.Environment, false)
		if err != nil {
			return nil, err
		}
		f, err := openVars(ctx, httpClient, p)
		if err != nil {
			return nil, inputError(err)
		}
		return f, nil
	case len(linkEnvs) > 0:
		// A Run-in-Postman link carries its environment; the first one is
		// used, as Postman selects it on import.
		for _, other := range linkEnvs[1:] {
			fmt.Fprintf(o.IO.ErrOut, "note: the link also carries environment %q; use courier import to save it\n", other.Name)
		}
		return linkEnvs[0], nil
	}
	return nil, nil
}

// postmanFolder is a v12 repository's postman/ folder ("" when there is
// none), where -e and -g may name an environment or the globals.
type postmanFolder string

// byName returns the file the -e or -g value v names: v itself when it is
// a path, a URL or an existing file, else the environment (or globals) of
// that name in the folder.
func (folder postmanFolder) byName(flag, v string, globals bool) (string, error) {
	if v == "" || collections.IsURL(v) || folder == "" || strings.ContainsAny(v, `/\`) {
		return v, nil
	}
	if _, err := os.Stat(v); err == nil {
		return v, nil
	}
	p, err := environments.FindInPostmanFolder(string(folder), v, globals)
	if err != nil {
		return "", inputError(fmt.Errorf("%s %s: not a file, and %w", flag, v, err))
	}
	return p, nil
}

// suiteOptions turns the flags and loaded inputs into a suite's options.
func suiteOptions(o *Options, in *inputs) (suite.Options, error) {
	so := suite.Options{
		Collections:  in.colls,
		Environment:  in.env,
		Globals:      in.globals,
		Data:         in.data,
		StateDir:     stateDir(o),
		NoPersist:    o.NoPersist,
		Fresh:        o.Fresh,
		VaultScripts: o.VaultScripts,
		LocalEcho:    o.LocalEcho,
		LocalPingOne: o.LocalPingOne,
		CookieJar:    o.CookieJar,

		ResetLocalPingOne: o.ResetLocalPingOne,
		Exports: suite.Exports{
			Environment: o.ExportEnvironment,
			Globals:     o.ExportGlobals,
			Collection:  o.ExportCollection,
			CookieJar:   o.ExportCookieJar,
		},
		Reporters:  o.Reporters,
		Report:     reportOptions(o),
		StrictVars: o.StrictVars,
		Parallel:   o.Parallel,
		KeepGoing:  o.SuppressExit,
		Silent:     o.Silent,
		Stderr:     o.IO.ErrOut,
	}
	so.EnvVars = flagVars(o.EnvVars, "--env-var", o.IO.ErrOut)
	so.GlobalVars = flagVars(o.GlobalVars, "--global-var", o.IO.ErrOut)
	shard, err := parseShard(o.Shard, o.ShardIndexEnv, o.IO.Env)
	if err != nil {
		return so, err
	}
	so.Shard = shard
	switch o.Color {
	case "on", "off", "auto":
	default:
		return so, cmdutil.FlagErrorf("--color must be on, off or auto, not %q", o.Color)
	}
	if o.Bail != "" && !isBailValue(o.Bail) {
		return so, cmdutil.FlagErrorf("--bail takes failure, folder or both (failure,folder), not %q", o.Bail)
	}
	so.Runner = runner.Options{
		Iterations:      o.Iterations,
		Folders:         o.Folders,
		DelayRequest:    ms(o.DelayRequest),
		Timeout:         ms(o.Timeout),
		TimeoutRequest:  ms(o.TimeoutRequest),
		TimeoutScript:   ms(o.TimeoutScript),
		MaxResponseSize: int64(o.MaxResponseSize) << 20,
		Timings:         o.Verbose, // Newman measures phases only under --verbose
		TuneGC:          true,      // the command owns the process
		IgnoreRedirects: o.IgnoreRedirects,
		Insecure:        o.Insecure,
		WorkingDir:      o.WorkingDir,

		NoInsecureFileRead: o.NoInsecureFileRead,
		InsecureFileRead:   o.InsecureFileRead,
		Seed:               o.Seed,
		LoopbackOnly:       o.LoopbackOnly,
	}
	if o.BailSet {
		so.Runner.Bail = []string{runner.BailFailure}
		if o.Bail != "" {
			so.Runner.Bail = strings.Split(o.Bail, ",")
		}
	}
	if err := loadTLS(o, &so.Runner); err != nil {
		return so, inputError(err)
	}
	so.Vault = cmdutil.Vault(o.IO.Env)
	if o.VaultStore != nil {
		so.Vault = o.VaultStore()
	}
	return so, nil
}

// stateDir is where current values are kept, or "" (with a warning) when
// there is no state directory to keep them in.
func stateDir(o *Options) string {
	if o.StateDir != "" {
		return o.StateDir
	}
	d, err := environments.StateDir(o.IO.Env)
	if err != nil {
		fmt.Fprintf(o.IO.ErrOut, "warning: current values are not kept: %v (use --state-dir)\n", err)
		return ""
	}
	return d
}

// exitError gives a suite's error its exit code.
func exitError(err error) error {
	var re *suite.RunError
	switch {
	case errors.As(err, &re) && errors.Is(err, context.Canceled):
		// In the run's own words ("run interrupted (SIGINT or SIGTERM);
		// the request in progress did not complete"): stderr is where a
		// run's error is told, as in Newman.
		return cmdutil.WithExitCode(errors.New(re.Error()), cmdutil.ExitInterrupted)
	case errors.As(err, &re):
		return cmdutil.WithExitCode(err, cmdutil.ExitFailures)
	case errors.Is(err, suite.ErrReporters):
		return cmdutil.FlagErrorf("%v", err)
	case errors.Is(err, suite.ErrInput):
		return inputError(err)
	case vault.IsUnavailable(err):
		return cmdutil.WithExitCode(err, cmdutil.ExitVault)
	}
	return err
}

// openVars loads an environment or globals file from a path or URL.
func openVars(ctx context.Context, c *http.Client, pathOrURL string) (*environments.File, error) {
	if !collections.IsURL(pathOrURL) {
		return environments.LoadFile(pathOrURL)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, pathOrURL, nil)
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", pathOrURL, err)
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", pathOrURL, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("loading %s: the server answered %s", pathOrURL, resp.Status)
	}
	return environments.Load(resp.Body, pathOrURL)
}

func ms(n int) time.Duration { return time.Duration(n) * time.Millisecond }

// parseShard reads --shard K/N, or --shard N with the index (0-based) in
// the environment variable indexEnv.
func parseShard(flag, indexEnv string, getenv func(string) string) (*suite.Shard, error) {
	if flag == "" {
		if indexEnv != "" {
			return nil, cmdutil.FlagErrorf("--shard-index-env needs --shard N (the number of shards)")
		}
		return nil, nil
	}
	num := func(s, what string) (int, error) {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return 0, cmdutil.FlagErrorf("--shard %q: %s %q is not a number; write --shard K/N, e.g. --shard 2/4", flag, what, s)
		}
		return n, nil
	}
	var sh suite.Shard
	k, n, hasK := strings.Cut(flag, "/")
	switch {
	case hasK && indexEnv != "":
		return nil, cmdutil.FlagErrorf("--shard %q gives the index and so does --shard-index-env %s: give --shard N with --shard-index-env", flag, indexEnv)
	case hasK:
		var err error
		if sh.Index, err = num(k, "K"); err != nil {
			return nil, err
		}
		if sh.Count, err = num(n, "N"); err != nil {
			return nil, err
		}
	case indexEnv == "":
		return nil, cmdutil.FlagErrorf("--shard %q: write K/N (e.g. --shard 2/4), or N with --shard-index-env NAME", flag)
	default:
		var err error
		if sh.Count, err = num(flag, "N"); err != nil {
			return nil, err
		}
		v := getenv(indexEnv)
		if v == "" {
			return nil, cmdutil.FlagErrorf("--shard-index-env %s: the variable is not set (in a Kubernetes Indexed Job it is JOB_COMPLETION_INDEX)", indexEnv)
		}
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil {
			return nil, cmdutil.FlagErrorf("--shard-index-env %s=%q: not a number", indexEnv, v)
		}
		sh.Index = i + 1
	}
	if err := sh.Valid(); err != nil {
		return nil, cmdutil.FlagErrorf("--shard: %v", err)
	}
	return &sh, nil
}

// flagVars reads --env-var/--global-var's key=value arguments as Newman
// does: the key is the text before the first "=". A key without "=" sets
// the variable to undefined (it reads back undefined, {{key}} sends "").
// An empty key (--env-var =v, or an empty --env-var "") makes a variable named "",
// which {{}} and get("") read, as in Newman; as that is most often a
// shell variable that came out empty ("$NAME=v"), a warning names the
// flag (never the value, which may be a secret).
func flagVars(args []string, flag string, stderr io.Writer) []environments.Variable {
	var out []environments.Variable
	for _, kv := range args {
		k, v, ok := strings.Cut(kv, "=")
		switch {
		case k == "" && ok:
			fmt.Fprintf(stderr, "warning: %s with nothing before \"=\" sets a variable named \"\" ({{}} reads it), as Newman does; a name was probably meant\n", flag)
		case k == "":
			fmt.Fprintf(stderr, "warning: an empty %s sets an undefined variable named \"\", as Newman does; a name=value was probably meant\n", flag)
		}
		if !ok {
			out = append(out, environments.Variable{Key: k, Type: environments.TypeUndefined})
			continue
		}
		out = append(out, environments.Variable{Key: k, Value: v})
	}
	return out
}

// checkCounts refuses counts and times no run can have. Newman takes only
// positive integers (its CLI's "The value must be a positive integer."):
// -n 0 is refused as there; courier reads 0 ms as "none" or "no limit"
// (--delay-request, --timeout*), and refuses the negative ones, which
// Newman refuses too.
func checkCounts(iterationsSet bool, o *Options) error {
	if iterationsSet && o.Iterations < 1 {
		return cmdutil.FlagErrorf("-n, --iteration-count must be a positive integer, not %d", o.Iterations)
	}
	for _, f := range []struct {
		name string
		ms   int
	}{{"delay-request", o.DelayRequest}, {"timeout", o.Timeout}, {"timeout-request", o.TimeoutRequest}, {"timeout-script", o.TimeoutScript}} {
		if f.ms < 0 {
			return cmdutil.FlagErrorf("--%s must be 0 or more milliseconds, not %d", f.name, f.ms)
		}
	}
	return nil
}
