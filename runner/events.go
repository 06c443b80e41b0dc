// Package runner drives a collection run end to end: iterations, event
// order, variable resolution, HTTP, cookies, auth and flow control. It emits
// plain-data events to a Sink; reporters live under runner/report.
package runner

import (
	"time"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/scripting"
)

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
	Item      *collections.Item
	Iteration int
}

// SentRequest is the request as it went on the wire, after resolution.
type SentRequest struct {
	Method string
	URL    string
	Header []collections.Header
	Body   []byte
}

// RequestEvent reports a sent request and its response, or its network error.
type RequestEvent struct {
	Item      *collections.Item
	Iteration int
	Request   SentRequest
	Response  *scripting.Response // nil when Err is set
	Timings   *Timings            // phases of the last round trip; nil unless Options.Timings
	Err       error               // network error: refused, reset, timeout, TLS
}

// ScriptEvent reports one finished script (collection, folder or item level).
type ScriptEvent struct {
	Item      *collections.Item
	Iteration int
	Listen    string // prerequest or test
	Name      string // which script: collection, folder or item name
	Err       error  // script error, nil when it ran to the end
}

// AssertionEvent reports one test result.
type AssertionEvent struct {
	Item      *collections.Item
	Iteration int
	Index     int // position among this item's assertions in this iteration
	Result    scripting.TestResult
}

// ConsoleEvent carries one console.* line from a script.
type ConsoleEvent struct {
	Item      *collections.Item
	Iteration int
	Line      scripting.ConsoleLine
}

// WarningEvent is a non-fatal problem worth telling the user, such as an
// unresolved {{variable}}.
type WarningEvent struct {
	Item      *collections.Item
	Iteration int
	Message   string
}

// ItemDoneEvent closes a request item.
type ItemDoneEvent struct {
	Item      *collections.Item
	Iteration int
	Skipped   bool // pm.execution.skipRequest
}

// DoneEvent closes a run.
type DoneEvent struct {
	Summary *Summary
	// Scopes holds the final variables (for the report's environment and
	// globals blocks).
	Scopes *environments.Scopes
	// Err is the error that aborted the run, if any.
	Err error
}

func (StartEvent) isEvent()     {}
func (IterationEvent) isEvent() {}
func (ItemStartEvent) isEvent() {}
func (RequestEvent) isEvent()   {}
func (ScriptEvent) isEvent()    {}
func (AssertionEvent) isEvent() {}
func (ConsoleEvent) isEvent()   {}
func (WarningEvent) isEvent()   {}
func (ItemDoneEvent) isEvent()  {}
func (DoneEvent) isEvent()      {}

// Stat counts totals and failures of one kind.
type Stat struct {
	Total, Failed, Pending int
}

// Failure is one entry of the failures list (Newman's run.failures).
type Failure struct {
	Item      *collections.Item // nil for run-level errors
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
}

// Failed reports whether the run should exit non-zero.
func (s *Summary) Failed() bool { return len(s.Failures) > 0 }

// Spread summarizes durations: average, minimum, maximum and standard
// deviation.
type Spread struct {
	Avg, Min, Max, SD time.Duration
}
