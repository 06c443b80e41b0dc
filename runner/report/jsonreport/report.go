package jsonreport

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
)

// Report is a whole JSON report.
type Report struct {
	Run         Run         `json:"run"`
	Collection  *Collection `json:"collection"`
	Environment Scope       `json:"environment"`
	Globals     Scope       `json:"globals"`
}

// Run is the report's run block. Executions are in run order (iteration,
// then position); Failures list every assertion, script and request error.
type Run struct {
	Executions []Execution `json:"executions"`
	Stats      Stats       `json:"stats"`
	Timings    Timings     `json:"timings"`
	Transfers  Transfers   `json:"transfers"`
	Failures   []Failure   `json:"failures"`
	Error      *Error      `json:"error"`
	// Shard says which slice of a sharded run the report holds (courier's
	// extension; nil for a whole run and for Newman's reports).
	Shard *Shard `json:"shard,omitempty"`
	// Parallel says the iterations ran side by side (--parallel; courier's
	// extension, absent for a sequential run).
	Parallel *Parallel `json:"parallel,omitempty"`
}

// Parallel describes a run whose iterations ran on several workers.
type Parallel struct {
	Workers int `json:"workers"`
}

// Shard is one slice of a run split with --shard K/N.
type Shard struct {
	Index int `json:"index"` // 1-based: K
	Count int `json:"count"` // N
	// By is what was split: "iteration" (each shard ran some
	// iterations) or "item" (each ran every iteration on some of the
	// collection's top-level folders and requests).
	By string `json:"by"`
}

// Split modes of a Shard.
const (
	ByIteration = "iteration"
	ByItem      = "item"
)

// Stats are Newman's run.stats, keyed as Newman keys them (the fields are
// in the order a JSON object's sorted keys come, as Newman's are).
type Stats struct {
	Assertions        Stat `json:"assertions"`
	Items             Stat `json:"items"`
	Iterations        Stat `json:"iterations"`
	PrerequestScripts Stat `json:"prerequestScripts"`
	Prerequests       Stat `json:"prerequests"`
	Requests          Stat `json:"requests"`
	Scripts           Stat `json:"scripts"`
	TestScripts       Stat `json:"testScripts"`
	Tests             Stat `json:"tests"`
}

// Transfers are the bytes received.
type Transfers struct {
	ResponseTotal int64 `json:"responseTotal"`
}

// ErrNotAReport means the input is JSON but not a run report.
var ErrNotAReport = errors.New("not a JSON run report (courier run -r json, or newman run -r json)")

// Read decodes a report; source names it in errors.
func Read(r io.Reader, source string) (*Report, error) {
	var raw struct {
		Report
		Run *json.RawMessage `json:"run"`
	}
	dec := json.NewDecoder(bufio.NewReaderSize(r, 1<<16))
	if err := dec.Decode(&raw); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("%s: invalid JSON at byte %d: %v", source, se.Offset, err)
		}
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	if raw.Run == nil {
		return nil, fmt.Errorf("%s: %w: it has no \"run\" block", source, ErrNotAReport)
	}
	rep := raw.Report
	if err := json.Unmarshal(*raw.Run, &rep.Run); err != nil {
		return nil, fmt.Errorf("%s: the \"run\" block: %w", source, err)
	}
	return &rep, nil
}

// ReadFile reads the report at path.
func ReadFile(path string) (*Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f, path)
}

// Write encodes the report as courier's json reporter does.
func (r *Report) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	if err := enc.Encode(r); err != nil {
		return err
	}
	return bw.Flush()
}
