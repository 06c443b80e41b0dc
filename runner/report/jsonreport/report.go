package jsonreport

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
)

// Report is a whole JSON report.
type Report struct {
	Collection  *Collection `json:"collection"`
	Environment Scope       `json:"environment"`
	Globals     Scope       `json:"globals"`
	Run         Run         `json:"run"`
}

// Run is the report's run block. Executions are in run order (iteration,
// then position); Failures list every assertion, script and request error.
type Run struct {
	Stats      Stats       `json:"stats"`
	Timings    Timings     `json:"timings"`
	Executions []Execution `json:"executions"`
	Transfers  Transfers   `json:"transfers"`
	Failures   []Failure   `json:"failures"`
	Error      *Error      `json:"error"`
	// Shard says which slice of a sharded run the report holds (courier's
	// extension; nil for a whole run and for Newman's reports).
	Shard *Shard `json:"shard,omitempty"`
	// Parallel says the iterations ran side by side (--parallel; courier's
	// extension, absent for a sequential run).
	Parallel *Parallel `json:"parallel,omitempty"`
	// Merged says the report is a merge of other reports (courier report
	// merge; courier's extension), so that a later merge of the same
	// folder does not take it for one of the shards.
	Merged *Merged `json:"merged,omitempty"`
}

// Merged describes a report made by Merge.
type Merged struct {
	// Reports is how many reports were merged.
	Reports int `json:"reports"`
	// Shards is the shard count of the merged shards (0 when the reports
	// were not shards), By what they split.
	Shards int    `json:"shards,omitempty"`
	By     string `json:"by,omitempty"`
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

// Stats are Newman's run.stats, keyed and ordered as Newman's report
// writes them.
type Stats struct {
	Iterations        Stat `json:"iterations"`
	Items             Stat `json:"items"`
	Scripts           Stat `json:"scripts"`
	Prerequests       Stat `json:"prerequests"`
	Requests          Stat `json:"requests"`
	Tests             Stat `json:"tests"`
	Assertions        Stat `json:"assertions"`
	TestScripts       Stat `json:"testScripts"`
	PrerequestScripts Stat `json:"prerequestScripts"`
}

// Transfers are the bytes received.
type Transfers struct {
	ResponseTotal int64 `json:"responseTotal"`
}

// ErrNotAReport means the input is JSON but not a run report.
var ErrNotAReport = errors.New("not a JSON run report (courier run -r json, or newman run -r json)")

// Read decodes a report; source names it in errors. It reads courier's
// reports and Newman's (its collection as postman-collection writes it:
// URL objects, scripts as one string, typed values, form bodies).
func Read(r io.Reader, source string) (*Report, error) {
	var execs []Execution
	rep, err := Scan(r, source, func(e *Execution) error {
		execs = append(execs, *e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	rep.Run.Executions = execs
	return rep, nil
}

// Scan reads a report as Read does, but hands each execution to each as
// it is decoded and keeps none, so memory does not grow with the length of
// the run; the report it returns holds everything else. The *Execution is
// each's to keep. An error each returns stops the reading and comes back
// as it is.
func Scan(r io.Reader, source string, each func(*Execution) error) (*Report, error) {
	d := &decoder{dec: json.NewDecoder(bufio.NewReaderSize(r, 64<<10)), each: each}
	rep, err := d.report()
	if err != nil {
		if d.eachErr {
			return nil, err
		}
		if source != "" {
			err = fmt.Errorf("%s: %w", source, err)
		}
		return nil, err
	}
	return rep, nil
}

// decoder walks a report's top level and run block token by token and
// decodes the rest (one execution at a time) with the standard decoder, so
// that an error can say where in the report it is.
type decoder struct {
	dec     *json.Decoder
	each    func(*Execution) error
	eachErr bool // the error is each's
}

func (d *decoder) report() (*Report, error) {
	rep := &Report{}
	if ok, err := d.start("the report", '{'); err != nil || !ok {
		if err == nil {
			err = fmt.Errorf("%w: it is null", ErrNotAReport)
		}
		return nil, err
	}
	sawRun := false
	for d.dec.More() {
		key, err := d.key("the report")
		if err != nil {
			return nil, err
		}
		switch key {
		case "run":
			var ok bool
			if ok, err = d.start("run", '{'); ok {
				sawRun = true
				err = d.run(&rep.Run)
			}
		case "collection":
			err = d.decode("collection", &rep.Collection)
		case "environment":
			err = d.decode("environment", &rep.Environment)
		case "globals":
			err = d.decode("globals", &rep.Globals)
		default:
			err = d.decode(key, &json.RawMessage{})
		}
		if err != nil {
			return nil, err
		}
	}
	if err := d.end("the report"); err != nil {
		return nil, err
	}
	if !sawRun {
		return nil, fmt.Errorf("%w: it has no \"run\" block", ErrNotAReport)
	}
	return rep, nil
}

func (d *decoder) run(run *Run) error {
	sawExecs := false
	for d.dec.More() {
		key, err := d.key("run")
		if err != nil {
			return err
		}
		what := "run." + key
		switch key {
		case "executions":
			if sawExecs {
				return fmt.Errorf("%w: run.executions appears twice", ErrNotAReport)
			}
			sawExecs = true
			err = d.executions()
		case "stats":
			err = d.decode(what, &run.Stats)
		case "timings":
			err = d.decode(what, &run.Timings)
		case "transfers":
			err = d.decode(what, &run.Transfers)
		case "failures":
			err = d.decode(what, &run.Failures)
		case "error":
			err = d.decode(what, &run.Error)
		case "shard":
			err = d.decode(what, &run.Shard)
		case "parallel":
			err = d.decode(what, &run.Parallel)
		case "merged":
			err = d.decode(what, &run.Merged)
		default:
			err = d.decode(what, &json.RawMessage{})
		}
		if err != nil {
			return err
		}
	}
	return d.end("run")
}

func (d *decoder) executions() error {
	if ok, err := d.start("run.executions", '['); err != nil || !ok {
		return err
	}
	var prev json.RawMessage
	for i := 0; d.dec.More(); i++ {
		what := fmt.Sprintf("run.executions[%d]", i)
		var raw json.RawMessage
		if err := d.decode(what, &raw); err != nil {
			return err
		}
		if bytes.Equal(raw, prev) {
			// Newman pushes an item's execution again for each further
			// round trip (pm.sendRequest, a digest challenge): the same
			// object, written again. It is one item run.
			continue
		}
		prev = raw
		e := new(Execution)
		if err := json.Unmarshal(raw, e); err != nil {
			return d.fail(what, err)
		}
		if err := d.each(e); err != nil {
			d.eachErr = true
			return err
		}
	}
	return d.end("run.executions")
}

// start reads the first token of the value what: true when it opens want,
// false when it is null; anything else is an error.
func (d *decoder) start(what string, want json.Delim) (bool, error) {
	tok, err := d.dec.Token()
	if err != nil {
		return false, d.fail(what, err)
	}
	if tok == nil {
		return false, nil
	}
	if got, ok := tok.(json.Delim); ok && got == want {
		return true, nil
	}
	return false, fmt.Errorf("%w: %s should start with %q, found %s (near byte %d)", ErrNotAReport, what, string(want), describe(tok), d.dec.InputOffset())
}

// end reads the closing delimiter of what (the decoder checks it matches).
func (d *decoder) end(what string) error {
	if _, err := d.dec.Token(); err != nil {
		return d.fail(what, err)
	}
	return nil
}

func (d *decoder) key(what string) (string, error) {
	tok, err := d.dec.Token()
	if err != nil {
		return "", d.fail(what, err)
	}
	k, ok := tok.(string)
	if !ok {
		return "", fmt.Errorf("%w: unexpected %s in %s (near byte %d)", ErrNotAReport, describe(tok), what, d.dec.InputOffset())
	}
	return k, nil
}

func (d *decoder) decode(what string, v any) error {
	if err := d.dec.Decode(v); err != nil {
		return d.fail(what, err)
	}
	return nil
}

// fail says what went wrong in what, and where.
func (d *decoder) fail(what string, err error) error {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		return fmt.Errorf("not valid JSON at byte %d (in %s): %v", se.Offset, what, err)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("the report ends early (in %s, byte %d): is the file complete?", what, d.dec.InputOffset())
	}
	return fmt.Errorf("reading %s (near byte %d): %w", what, d.dec.InputOffset(), err)
}

// describe names a JSON token for an error message.
func describe(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		return fmt.Sprintf("%q", string(t))
	case string:
		return fmt.Sprintf("the string %q", t)
	case nil:
		return "null"
	}
	return fmt.Sprint(tok)
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
