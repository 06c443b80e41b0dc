// Package scripting runs Postman pre-request and test scripts in an embedded
// JavaScript VM (goja) that emulates Postman's sandbox: the pm API, the
// legacy API, the bundled libraries and the event loop.
package scripting

import (
	"context"
	"net/http"
	"time"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
)

// Sender sends a request for pm.sendRequest through the run's HTTP client
// and cookie jar. The runner implements it.
type Sender interface {
	Send(ctx context.Context, req *collections.Request) (*Response, error)
}

// sendOrderKey carries a request's SendOrder in the context Send gets.
type sendOrderKey struct{}

// SendOrder is the place of the request a Sender is sending among its
// script's pm.sendRequest calls (1 for the first), counted when the script
// made the call: Send runs on a goroutine of its own, so the order Send
// is entered in is not the script's. 0 when the context has none.
func SendOrder(ctx context.Context) int {
	n, _ := ctx.Value(sendOrderKey{}).(int)
	return n
}

// RequestRunner runs a request of the collection being run for
// pm.execution.runRequest: the referenced request with its scripts, under
// the run's variables plus the given overrides (key, value pairs). skipped
// reports that its pre-request script skipped it. The runner implements it.
type RequestRunner interface {
	RunRequest(ctx context.Context, ref string, vars [][2]string) (resp *Response, skipped bool, err error)
}

// maxRunRequests is how many pm.execution.runRequest calls one script may
// make, as in Postman.
const maxRunRequests = 10

// SystemError holds Node's system error fields of a failed request
// (ECONNREFUSED...). An error from Sender.Send that has them implements
// interface{ SystemError() SystemError }: pm.sendRequest then hands the
// callback an err made of these fields only, as Postman does.
type SystemError struct {
	Code     string
	Errno    *int
	Syscall  string
	Address  string
	Port     *int
	Hostname string
	Connect  *bool // a timeout's flag (true while connecting), after code
	NodeErrorDetails
}

// NodeErrorDetails are the fields Node puts on some errors beyond the
// system ones. runner carries them from the connection's error to the
// run's event (runner.ErrorInfo) and to pm.sendRequest's err (SystemError).
type NodeErrorDetails struct {
	// Library and Reason are OpenSSL's on an error made from a TLS alert;
	// Node puts them first. A certificate for another host has Reason
	// (after code), Host and Cert.
	Library, Reason string
	Host            string
	Cert            *PeerCert
	// BytesParsed (first) and RawPacket (after reason) are llhttp's on a
	// response Node's parser refused; NullPath and PortText a TLS
	// socket's path (null, before host) and port (text, after host).
	BytesParsed *int
	RawPacket   []byte
	NullPath    bool
	PortText    string
}

// Response is a received HTTP response as scripts see it.
type Response struct {
	Code         int
	Status       string // reason phrase, "OK"
	Proto        string
	Header       []collections.Header // in wire order
	Body         []byte
	ResponseTime time.Duration
	Size         int // body size in bytes
	URL          string
	// Failed marks the empty response test scripts get when the request
	// errored: the legacy responseBody and responseTime are undefined then
	// and responseCode is {}, as in Postman.
	Failed bool
}

// Info describes the item whose script runs (pm.info).
type Info struct {
	EventName      string // "prerequest" or "test"
	Iteration      int    // 0-based
	IterationCount int
	RequestName    string
	RequestID      string
	// Location is the item's path: the collection's name, folder names,
	// then the request name (pm.execution.location).
	Location []string
	// Current names the collection, folder or request whose script runs
	// (pm.execution.location.current); empty means the request.
	Current string
	// EnvironmentName is the environment file's name
	// (pm.environment.name); empty reads undefined.
	EnvironmentName string
	// EnvironmentID is the environment file's id (pm.environment.toJSON()).
	EnvironmentID string
	// GlobalsName and GlobalsID are the globals file's name and id
	// (pm.globals.name, pm.globals.toJSON()), as Newman reads them.
	GlobalsName, GlobalsID string
}

// Exec is one script execution.
type Exec struct {
	Listen string // "prerequest" or "test"
	Source string
	// Name identifies the script in errors: "collection", a folder name or
	// the request name.
	Name string
	Info Info
	// Request is the request being run. Pre-request scripts may mutate it;
	// the runner sends what they leave.
	Request *collections.Request
	// Response is nil in pre-request scripts.
	Response *Response
	Scopes   *environments.Scopes
	// Data is the current iteration's data row (pm.iterationData, legacy data).
	Data *environments.Scope
	// Cookies is the run's cookie jar (pm.cookies, pm.cookies.jar()).
	Cookies http.CookieJar
}

// TestResult is the outcome of one pm.test or tests[...] assertion.
type TestResult struct {
	Name    string
	Passed  bool
	Skipped bool
	Error   string // assertion message when failed
	// ErrorName is the JavaScript error's name when failed: AssertionError,
	// ReferenceError, TypeError...
	ErrorName string
	// Index is the test's number in its script: the order of the pm.test
	// (and pm.test.skip) calls, then the legacy tests[...] keys, as the
	// sandbox numbers them. Results are listed in the order they settle, so
	// an async test's Index may differ from its place (Newman's failures
	// say "at assertion:<Index>").
	Index int
}

// ConsoleLine is one console.* call.
type ConsoleLine struct {
	Level string // log, info, warn, error
	// Text is the line as Newman's CLI prints it: every argument passed
	// through util.inspect (strings quoted) and joined with ", ".
	Text string
	// Message is the line as Node's console.log prints it (util.format).
	Message string
	// Format is the first argument when util.format read it as a format
	// (a string with a '%' and more arguments after it), and Unformatted
	// the line as util.format writes it had the first argument been plain
	// text: a secret that is the format loses its %s, %d... and %% to the
	// substitution, so Message then holds it in a form masking cannot know,
	// and Unformatted is what is shown instead (suite/redact.go).
	Format, Unformatted string
	// Tests is how many test results the script had reported when it
	// logged the line, so a reporter can place the line among them as
	// Newman, which reports tests as they settle, does.
	Tests int
}

// Result is what one script execution produced.
type Result struct {
	Tests []TestResult
	// Err is a script error (syntax, uncaught exception, timeout) with the
	// script's line and column; tests recorded before it are kept.
	Err error
	// NextRequest is set when the script called setNextRequest; an empty
	// string with NextRequestSet means null (stop after this request).
	NextRequest    string
	NextRequestSet bool
	SkipRequest    bool
	Visualizer     *Visualizer
	// Dropped are the errors the script threw where both of Postman's
	// sandboxes drop them and go on: in a timer or pm.sendRequest callback,
	// or at its top level while such callbacks were pending. They are not
	// failures (the references count none); a runner shows them so that a
	// broken callback does not go unseen.
	Dropped []error
}

// Visualizer holds what pm.visualizer.set stored.
type Visualizer struct {
	Template string
	Data     string // JSON
}

// Options configure an Engine.
type Options struct {
	// Timeout bounds one script, including its timers and callbacks; 0 means none.
	Timeout time.Duration
	Sender  Sender
	// Runner serves pm.execution.runRequest; nil refuses it.
	Runner RequestRunner
	// Console receives console.* output as it happens.
	Console func(ConsoleLine)
	// Arrived, when set, hears of each pm.sendRequest round trip as its
	// answer reaches the script, before the callback runs: what Sender
	// returned and how many tests the script had reported by then (Newman
	// prints the round trip's request line at that point).
	Arrived func(resp *Response, err error, tests int)
	// Vault backs pm.vault; nil leaves pm.vault undefined, as in Newman.
	Vault VaultAccess
	// VaultScripts grants scripts access to Vault (courier run
	// --vault-scripts); without it every pm.vault call rejects with
	// "Vault access denied", as in Postman.
	VaultScripts bool
	// Random, when set, is the source of Math.random,
	// crypto.getRandomValues and crypto.randomUUID (a seeded run repeats
	// them); nil uses Go's generators.
	Random *environments.Gen
	// CurrentSandbox follows Postman's current sandbox (the Postman app,
	// Postman CLI 1.34) where it differs from Newman's 4.7.1: a top-level
	// let, const or class may reuse a sandbox global's name
	// (const responseBody = pm.response.json()), where Newman raises a
	// SyntaxError. Runs of Postman v12 collections set it: only the
	// current Postman writes them, and Postman CLI is their reference.
	CurrentSandbox bool
	// NewerRequestShape shows pm.request as Postman's newer runtime (v12
	// runs) builds it: a request's own noauth reads undefined, path
	// variables carry no description, the request's description is a
	// {content, type} and a body of type none has no mode
	// (fresh-round8v-auth.json, fresh-round8v-rows.json,
	// fresh-round8v-yaml.json).
	NewerRequestShape bool
	// VirtualTime runs script timers on a clock of the engine's own: when a
	// script waits on nothing but timers (setTimeout(f, 10000) to give a
	// server time), the next timer fires at once and the clock, which Date
	// also reads, jumps ahead to it. Callbacks keep their order; only the
	// waiting goes, and the script's own work takes no time on that clock
	// (each Date read moves it 1 us, so a busy wait on Date ends). Tests
	// that compare two runs use it, so the runs do not depend on the wall
	// clock or the machine's load; a script's Timeout still counts real
	// time.
	VirtualTime bool
}

// PeerCert is a server certificate as Node's detailed peer certificate
// gives it on a TLS error (a pm.sendRequest err's cert): the fields Node
// sets, those it leaves out empty. IssuerCert is the next certificate of
// the chain, a root's its own.
type PeerCert struct {
	Subject, Issuer []NameAttr
	SubjectAltName  string
	InfoAccess      []NameAttr
	CA              bool
	// RSA keys: Modulus, Bits, Exponent, Pubkey; EC keys: Bits, Pubkey,
	// ASN1Curve, NISTCurve.
	Modulus, Exponent    string
	Bits                 int
	Pubkey               []byte
	ASN1Curve, NISTCurve string
	ValidFrom, ValidTo   string
	Fingerprint          string
	Fingerprint256       string
	Fingerprint512       string
	ExtKeyUsage          []string
	SerialNumber         string
	Raw                  []byte
	IssuerCert           *PeerCert
}

// NameAttr is one attribute of a certificate's name (CN, O...), a list
// when the name repeats it.
type NameAttr struct {
	Key    string
	Values []string
}
