// Package runner drives a collection run end to end: iterations, event
// order, variable resolution, HTTP, cookies, auth and flow control. It emits
// plain-data events to a Sink; reporters live under runner/report.
//
// Events hold values, not the run's live objects: an item is an ItemRef,
// a response a Response, an error an *ErrorInfo, the final variables
// lists. A sink may keep them, and a saved report can be replayed as
// events (report.Replay) to any sink.
package runner

import (
	"encoding/json"
	"time"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/scripting"
)

// ItemRef names a request item as plain data.
type ItemRef struct {
	ID   string
	Name string
	// Folders are the names of the folders holding the item, outermost
	// first; FolderID is the innermost folder's id ("" at the root).
	Folders  []string
	FolderID string
	// Key tells items apart when ids and names repeat: the item's position
	// in a depth-first walk of the collection, from 1 (0: no item).
	// FolderKey is its folder's (0 at the collection root).
	Key, FolderKey int
	// BodyMode is the request body's mode in the collection (raw,
	// urlencoded, formdata, file, graphql); "" without a body.
	BodyMode string
}

// IsZero reports whether r names no item (a run-level event).
func (r ItemRef) IsZero() bool { return r.Key == 0 && r.ID == "" && r.Name == "" }

// Path is the folder names then the item name (Newman's full name parts).
func (r ItemRef) Path() []string { return append(append([]string(nil), r.Folders...), r.Name) }

// Response is a received response as plain data.
type Response scripting.Response

// TestResult is one pm.test outcome.
type TestResult scripting.TestResult

// ConsoleLine is one console.* call from a script.
type ConsoleLine scripting.ConsoleLine

// ErrorInfo is an error as plain data: what reporters show of a request,
// script or run error. Request errors carry Node's system error fields.
// Events hold it in error fields (nil when there was no error), so
// errors.As(ev.Err, &info) finds it.
type ErrorInfo struct {
	// Name is the JavaScript error name (Error, TypeError, AssertionError).
	Name string
	// Text is the error's full text; Message its message without the name
	// or location, when the two differ.
	Text, Message string
	// Node's system error fields for network errors (ECONNREFUSED...).
	Code     string
	Errno    *int
	Syscall  string
	Address  string
	Port     *int
	Hostname string
	// Connect is set on a request timeout: the request library's flag
	// (true while connecting), in place of the other fields.
	Connect *bool
	// Fields, for a chai AssertionError a script let escape, are its own
	// fields as chai's toJSON gives them (JSON: name, message, showDiff,
	// actual, expected, operator), which Newman's reports carry; Line and
	// Column are where V8 places the throw in the user's script.
	Fields       json.RawMessage
	Line, Column int
	// The fields Node adds beyond the system ones (pm.sendRequest's err
	// has them; reports do not write them).
	scripting.NodeErrorDetails
}

func (e *ErrorInfo) Error() string     { return e.Text }
func (e *ErrorInfo) ErrorName() string { return e.Name }

// ErrorMessage is the message without the error's name, when known.
func (e *ErrorInfo) ErrorMessage() string { return e.Message }

// Variables are a run's final variables, scope by scope; a nil list means
// the run had no such scope.
type Variables struct {
	EnvironmentName, GlobalsName string
	// EnvironmentID and GlobalsID are the files' ids (empty: none given).
	EnvironmentID, GlobalsID         string
	Environment, Globals, Collection []environments.Variable
	// EnvironmentFile and GlobalsFile are what the files said of
	// themselves, which Newman's report keeps in their "_" block.
	EnvironmentFile, GlobalsFile ScopeFile
}

// ScopeFile is an environment or globals file's _postman_variable_scope,
// _postman_exported_at and _postman_exported_using, as the file wrote them
// ("" when it did not).
type ScopeFile struct {
	VariableScope, ExportedAt, ExportedUsing string
}

// Sink receives run events. The runner calls Handle from one goroutine, in
// order, so sinks need no locking.
type Sink interface {
	Handle(Event)
}

// Event is one of the *Event types below.
type Event interface{ isEvent() }

// StartEvent opens a run.
type StartEvent struct {
	Collection *collections.Collection
	Iterations int
	Started    time.Time
	// Total is the number of request items one iteration runs (before
	// setNextRequest jumps), for progress bars.
	Total int
}

// IterationEvent marks the start of an iteration.
type IterationEvent struct {
	Iteration int // 0-based
	Total     int
}

// ItemStartEvent marks the start of a request item in an iteration.
type ItemStartEvent struct {
	Item      ItemRef
	Iteration int
	// Position is the item's place in the run's list of requests, from 0
	// (Newman's cursor.position): a setNextRequest jump moves it there.
	Position int
}

// SentRequest is the request as it went on the wire, after resolution.
type SentRequest struct {
	Method string
	URL    string
	// Shown is URL before percent-encoding, as Newman's CLI prints the
	// request line (a space, {{unresolved}}, é as written); "" when only
	// URL is known (a replayed report).
	Shown  string
	Header []collections.Header
	Body   []byte
	// Challenged says the server's auth challenge (digest) was answered:
	// the request went twice, and the run counts both round trips among its
	// requests, as Newman and Postman CLI do.
	Challenged bool
	// ChallengeSize is the body size of the challenge's answer (the 401),
	// which Newman counts in the data received.
	ChallengeSize int
	// Challenge is that answer (the 401 with its headers and body) and
	// ChallengeSent the headers of the request it answered (no
	// Authorization yet): Newman's CLI prints a request line of its own for
	// that round trip.
	Challenge     *scripting.Response
	ChallengeSent []collections.Header
	// Form is the request in its collection form as it went out:
	// variables resolved, script changes applied, the effective auth (with
	// what a digest challenge taught), disabled rows kept. Newman's report
	// writes the sent request so; nil when the request was never built.
	Form *collections.Request
	// AuthOwn names the auth parameters the collection gave a value (the
	// runtime never overwrites them); the others a digest challenge set,
	// which Newman's report marks system.
	AuthOwn map[string]bool
	// FileUnread says a file body's file could not be read (missing, no
	// src, refused): the runtime marks the body's file "value": null,
	// which Newman's report shows.
	FileUnread bool
	// UnreadUploads are the form-data files that could not be read: the
	// runtime disables a field of one file it could not read, and leaves
	// out the file of a field of several, which Newman's report shows.
	UnreadUploads []UnreadUpload
	// Resolved is set for a request that failed: what each {{reference}}
	// in the item's texts (name, description, scripts, saved examples)
	// substitutes, from the variables the request was built with.
	// postman-runtime resolves the whole item before sending, and
	// Newman's report writes that copy as the failure's source.
	Resolved map[string]string
}

// UnreadUpload is a form-data file that could not be read: its field's
// place among the body's rows and the file's path.
type UnreadUpload struct {
	Row int
	Src string
}

// RequestEvent reports a sent request and its response, or its network error.
type RequestEvent struct {
	Item      ItemRef
	Iteration int
	Request   SentRequest
	Response  *Response // nil when Err is set
	Timings   *Timings  // phases of the last round trip; nil unless Options.Timings
	Err       error     // network error (an *ErrorInfo): refused, reset, timeout, TLS
	// Time is when the response or the error came: an error's timestamp
	// in the JSON report, as Newman's (zero in a replay without one).
	Time time.Time
}

// ScriptRequestEvent reports one pm.sendRequest round trip of a script,
// sent after the script ends, in the order the round trips started. Each
// is one of the run's requests, as Newman counts them; a failed one (Err
// set: refused, reset, timed out) is also one of its failures, as Newman
// lists it.
type ScriptRequestEvent struct {
	Item      ItemRef
	Iteration int
	// Request is the request as sent; its Form is the request the script
	// built (its own auth, no variables resolved, as Postman sends it).
	// Empty in a replayed report, which keeps only the failure.
	Request  SentRequest
	Response *Response // nil when Err is set
	Err      error     // an *ErrorInfo
	// Time is when the round trip ended (RequestEvent.Time).
	Time time.Time
}

// ScriptRequestLineEvent announces a pm.sendRequest round trip as its
// answer reaches the script, before the callback runs, among the
// script's console lines and assertions: Newman's CLI prints the round
// trip's request line there. The ScriptRequestEvent for the same round
// trip follows when the script ends (reports and figures count that one).
type ScriptRequestLineEvent struct {
	Item      ItemRef
	Iteration int
	Request   SentRequest
	Response  *Response // nil when Err is set
	Err       error
}

// ScriptEvent reports one finished script (collection, folder or item level).
type ScriptEvent struct {
	Item      ItemRef
	Iteration int
	Listen    string // prerequest or test
	Name      string // which script: collection, folder or item name
	Err       error  // script error (an *ErrorInfo), nil when it ran to the end
	// At is where the failure list places Err when it is not
	// "<listen>-script": "test-script:39:17" for --bail's AssertionFailure.
	At string
	// NextRequest is the setNextRequest target the script set ("" when it
	// set none, or null).
	NextRequest string
	// Time is when the script ended (RequestEvent.Time).
	Time time.Time
}

// AssertionEvent reports one test result.
type AssertionEvent struct {
	Item      ItemRef
	Iteration int
	// Index is the test's number among its script's (each script of the
	// collection, folder, item chain counts from 0): the order of its
	// pm.test calls, not of the results, as Newman numbers it.
	Index  int
	Result TestResult
	// Time is when the script that ran the test ended (RequestEvent.Time).
	Time time.Time
}

// ConsoleEvent carries one console.* line from a script.
type ConsoleEvent struct {
	Item      ItemRef
	Iteration int
	Line      ConsoleLine
}

// WarningEvent is a non-fatal problem worth telling the user, such as an
// unresolved {{variable}}.
type WarningEvent struct {
	Item      ItemRef
	Iteration int
	Message   string
}

// ItemDoneEvent closes a request item.
type ItemDoneEvent struct {
	Item      ItemRef
	Iteration int
	// Skipped: the request was not sent (pm.execution.skipRequest, or a
	// pre-request failure that ends the item under --bail).
	Skipped bool
	// PreScriptsLeft counts, for a skipped item, the last pre-request
	// scripts of its chain (the collection's, its folders', its own) that
	// did not run because an earlier one skipped the request or bailed.
	PreScriptsLeft int
}

// InterruptedEvent marks a request item that a stopped run (interrupted,
// --timeout, a caller's deadline) left unfinished: the request did not
// complete and counts in no statistic. A sequential run says so in its
// DoneEvent, which finds its one open item; side by side, each parallel
// worker stopped inside an item sends one of these before closing it.
type InterruptedEvent struct {
	Item      ItemRef
	Iteration int
	Err       error // why the run stopped (an *ErrorInfo)
}

// DoneEvent closes a run.
type DoneEvent struct {
	Summary *Summary
	// Variables are the final variables (for the report's environment,
	// globals and collection blocks).
	Variables Variables
	// Err is the error that aborted the run (an *ErrorInfo), if any.
	Err error
}

func (StartEvent) isEvent()             {}
func (InterruptedEvent) isEvent()       {}
func (IterationEvent) isEvent()         {}
func (ItemStartEvent) isEvent()         {}
func (RequestEvent) isEvent()           {}
func (ScriptEvent) isEvent()            {}
func (ScriptRequestEvent) isEvent()     {}
func (ScriptRequestLineEvent) isEvent() {}
func (AssertionEvent) isEvent()         {}
func (ConsoleEvent) isEvent()           {}
func (WarningEvent) isEvent()           {}
func (ItemDoneEvent) isEvent()          {}
func (DoneEvent) isEvent()              {}

// Stat counts totals and failures of one kind.
type Stat struct {
	Total, Failed, Pending int
}

// Failure is one entry of the failures list (Newman's run.failures).
type Failure struct {
	Item      ItemRef // zero for run-level errors
	Iteration int
	Source    string // "assertion", "prerequest-script", "test-script", "request"
	Name      string // assertion name, or the error type
	Message   string
	Index     int
	// ErrorType is the JavaScript error name for assertions (AssertionError,
	// ReferenceError...), as Newman's failure table shows.
	ErrorType string
	// Stack locates a script error: which script, line and column.
	Stack string
}

// Summary is what a run produced, as counts (reporters stream the details).
type Summary struct {
	Iterations         Stat
	Items              Stat
	Requests           Stat
	Assertions         Stat
	TestScripts        Stat
	PrerequestScripts  Stat
	Failures           []Failure
	Started, Completed time.Time
	// Response time statistics over all responses.
	ResponseMin, ResponseMax, ResponseAvg, ResponseSD time.Duration
	ResponseBytes                                     int64
	// DNS lookup and first-byte times over the requests that had the phase;
	// zero unless Options.Timings.
	DNS, FirstByte Spread
	// Bailed is true when --bail stopped the run early.
	Bailed bool
	// Aborted is true when postman-runtime would have ended the run itself:
	// --bail folder (abortOnError) or --timeout. Newman's summary then has
	// no end time (its table's run duration reads 0ms). Whatever such a
	// stop, or an interrupt, left unfinished counts as pending.
	Aborted bool
	// Workers is the number of workers that ran iterations side by side
	// (0 or 1: one after the other).
	Workers int

	// the running statistics behind the spreads, for Merge
	responses, dns, firstByte durationStats
}

// Failed reports whether the run should exit non-zero.
func (s *Summary) Failed() bool { return len(s.Failures) > 0 }

// Spread summarizes durations: average, minimum, maximum and standard
// deviation.
type Spread struct {
	Avg, Min, Max, SD time.Duration
}
