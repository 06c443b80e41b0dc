package runner

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"slices"
	"time"

	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/scripting"
)

// Bail modes for --bail.
const (
	BailFailure = "failure" // stop the run after an item with a failure
	BailFolder  = "folder"  // abort on an invalid --folder or any error
)

// Options control one run. The zero value runs once with Postman's defaults.
type Options struct {
	Iterations int // -n; 0 means the number of data rows, or 1
	// Data holds iteration data rows (-d); row i feeds iteration i and the
	// last row is reused past the end.
	Data    []*environments.Scope
	Folders []string // --folder, by id or name, repeatable

	DelayRequest   time.Duration // --delay-request, between items
	Timeout        time.Duration // --timeout, the whole run
	TimeoutRequest time.Duration // --timeout-request, each request
	// TimeoutScript bounds each script (--timeout-script): 0 means
	// DefaultScriptTimeout, a negative value no limit.
	TimeoutScript time.Duration
	// TuneGC lets the run raise the Go collector's target while it lasts
	// (see gc.go): fewer collections for a little more memory. It changes
	// process-wide state, so only a program that owns the process (the
	// courier command) should set it.
	TuneGC bool
	// GCHeadroom is the heap this run may grow by between collections
	// while TuneGC holds (0: 10 MB, see gc.go); runs side by side add
	// theirs up.
	GCHeadroom int
	// AwaitResponse is how long a request waits for its answer on its
	// own thread before handing its P back to the Go scheduler
	// (wire.Transport.AwaitResponse). For runs that each own a P, side by
	// side (--parallel up to one per core): 0 otherwise.
	AwaitResponse time.Duration
	// Timings measures each request's phases (RequestEvent.Timings,
	// Summary.DNS and FirstByte), as Newman does under --verbose.
	Timings bool

	// Bail holds --bail's modes (BailFailure, BailFolder); nil: no bail.
	// A bare --bail is []string{BailFailure}.
	Bail []string

	Insecure        bool // -k
	IgnoreRedirects bool // --ignore-redirects
	// TLS: extra roots and client certificates (already loaded by cmd).
	RootCAs     *x509.CertPool
	ClientCerts []ClientCert
	WorkingDir  string // base for relative file paths in bodies
	// Upload files are read only inside WorkingDir (else the current
	// directory) and FileRoots, symbolic links resolved, unless
	// InsecureFileRead (Newman's default) allows any file; /proc, /sys
	// and non-regular files never. NoInsecureFileRead drops FileRoots and
	// overrides InsecureFileRead.
	FileRoots          []string
	InsecureFileRead   bool
	NoInsecureFileRead bool
	UserAgent          string // default "PostmanRuntime/7.39.1"
	// Masker, when set, learns values derived from secrets (an
	// Authorization header built from a secret password) so output masks
	// them too; vault.Redactor implements it.
	Masker Masker
	// LoopbackOnly refuses, without even a DNS lookup, every request to a
	// host that is not a loopback address (tests and offline replays).
	LoopbackOnly bool
	// Routes sends connections for a "host:port" (lower case) to a loopback
	// address instead, with no DNS lookup and no proxy: the request, its
	// Host header and TLS server name stay the original host's (a local
	// stand-in for a service). Routed is told each host:port routed.
	Routes map[string]string
	Routed func(hostport string)
	// ProxyEnv reads the proxy variables (HTTP_PROXY, HTTPS_PROXY,
	// NO_PROXY and their lower-case forms), which courier follows as
	// postman-request does (proxyenv.go). nil reads the process's
	// environment, except under LoopbackOnly, where no proxy is used.
	ProxyEnv func(name string) string
	// DirectHosts are "host:port" addresses (lower case) that never go
	// through a proxy: courier's own local servers (--local-echo,
	// --local-pingone), which a proxy from the environment could not reach.
	DirectHosts []string
	// Secrets, when set, returns the vault resolver for one request; nil
	// leaves {{vault:...}} references as they are.
	Secrets      func(ctx context.Context) RequestSecrets
	MaxRedirects int // default 10
	// MaxResponseSize bounds a response body, compressed as received and
	// decoded (--max-response-size): 0 means DefaultMaxResponseSize, a
	// negative value no limit. A body over it fails its request.
	MaxResponseSize int64
	// ScriptVault backs pm.vault (nil: undefined, as in Newman); scripts
	// may use it only with VaultScripts (--vault-scripts). Without
	// VaultScripts test scripts also see the request they follow with its
	// vault values as {{vault:NAME}} (see conceal.go).
	ScriptVault  scripting.VaultAccess
	VaultScripts bool

	// Select, when set, is asked before each iteration whether this runner
	// runs it; the ones it declines are skipped, and the others keep the
	// whole run's numbering and data rows. Parallel workers and shards each
	// run their share this way. Select may block (a parallel run holds a
	// worker that is far ahead of the output).
	Select func(iteration int) bool

	// EnvironmentName is the environment file's name, which scripts read
	// as pm.environment.name (empty: undefined).
	EnvironmentName string
	// EnvironmentID is the environment file's id, which scripts read in
	// pm.environment.toJSON() (empty: a generated one).
	EnvironmentID string
	// GlobalsName and GlobalsID are the globals file's name and id
	// (pm.globals.name, pm.globals.toJSON()); empty: undefined, generated.
	GlobalsName, GlobalsID string
	// EnvironmentFile and GlobalsFile are the files' own _postman_*
	// fields, for the JSON report.
	EnvironmentFile, GlobalsFile ScopeFile

	// Seed, when not 0, makes the run's random values repeat from run to
	// run: {{$random…}} and {{$guid}}, Math.random, crypto.getRandomValues,
	// crypto.randomUUID and the Postman-Token header. A program replaying
	// a collection gets the same fixture data (names, e-mails, ids) on
	// every run, and can compare two runs' reports; courier's own tests do
	// the latter.
	Seed uint64

	// tokens draws the Postman-Token headers: a generator of their own,
	// so that the requests sent do not move the sequence scripts and
	// variables draw from (nil: the process-wide generator).
	tokens *environments.Gen
	// sourceValues draws the {{$random…}} values of a failed request's
	// item as the report writes it (runner.SentRequest.Resolved): its own
	// generator too, so that a report does not move the run's sequence.
	sourceValues *environments.Gen
}

// RequestSecrets resolves {{vault:NAME}} references for one request and
// says whether what it resolved may be sent to a URL (allowed domains).
type RequestSecrets interface {
	environments.SecretResolver
	Check(url string) error
}

// Masker tracks secret values for redaction.
type Masker interface {
	// Contains reports whether s holds a secret.
	Contains(s string) bool
	// Add registers more secrets to mask, as vault.Redactor.Add: the
	// values scripts give variables of type secret.
	Add(values ...string)
	// AddDerived registers more values to mask, whole: values a signer
	// derived from a secret (vault.Redactor.AddDerived).
	AddDerived(values ...string)
}

// ClientCert is a TLS client certificate used for URLs matching Matches
// (Postman URL match patterns such as "https://*.example.com/*"); an empty
// Matches list matches every URL.
type ClientCert struct {
	Matches []string
	Cert    tls.Certificate
}

// DefaultUserAgent is what Newman 6.2.2 sends; servers that sniff for it keep working.
const DefaultUserAgent = "PostmanRuntime/7.39.1"

// NewerRuntimeUserAgent is what Postman CLI 1.34 sends when it runs a v12
// (YAML) collection, on its newer runtime; courier sends it for those.
const NewerRuntimeUserAgent = "PostmanRuntime/1.3.0"

// userAgent is the User-Agent requests get unless a row or the settings
// say otherwise: the configured one, or Newman's.
func (o *Options) userAgent() string {
	if o.UserAgent == "" {
		return DefaultUserAgent
	}
	return o.UserAgent
}

func (o *Options) bailOn(mode string) bool {
	return slices.Contains(o.Bail, mode)
}

// DefaultScriptTimeout stops a script that runs this long when no
// --timeout-script is given: Newman's sandbox gives up on a script after 30 s
// (uvm's dispatch timeout), so a runaway loop never hangs CI.
const DefaultScriptTimeout = 30 * time.Second

func (o *Options) scriptTimeout() time.Duration {
	switch {
	case o.TimeoutScript == 0:
		return DefaultScriptTimeout
	case o.TimeoutScript < 0:
		return 0
	}
	return o.TimeoutScript
}

// DefaultMaxResponseSize is the largest response body a request keeps
// unless MaxResponseSize says otherwise: far above what an API answers,
// low enough that a runaway or hostile server cannot exhaust memory.
const DefaultMaxResponseSize = 256 << 20

func (o *Options) maxResponseSize() int64 {
	switch {
	case o.MaxResponseSize == 0:
		return DefaultMaxResponseSize
	case o.MaxResponseSize < 0:
		return 0
	}
	return o.MaxResponseSize
}

func (o *Options) fileRoots() []string {
	if o.NoInsecureFileRead {
		return nil
	}
	return o.FileRoots
}
