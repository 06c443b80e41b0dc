package run

// TestCorpusReportsAreDeterministic runs every collection of the corpus
// twice and requires byte-identical JSON reports, and the same CLI output
// (where console lines show what scripts log), once what legitimately
// changes between runs is removed: timings, generated ids, dates, and the
// values of random generators (seeded identically for both runs). Anything
// else that differs depends on Go's map order or another hidden source of
// nondeterminism, which Postman users see as flaky JSON.stringify output.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/internal/determinism"
	"github.com/courier-run/courier/internal/testenv"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

const corpusManifest = suiteShared + "/corpus/MANIFEST.tsv"

// corpusCollections lists the corpus's collections from its manifest.
func corpusCollections(t *testing.T) []string {
	t.Helper()
	f, err := os.Open(corpusManifest)
	if err != nil {
		testenv.Skip(t, "../shared/corpus is absent (it sits beside the clone in CI)")
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) > 4 && cols[4] == "collection" && strings.HasSuffix(cols[0], ".json") {
			out = append(out, cols[0])
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// companionOf finds <stem><suffix> beside a corpus collection, else in
// tools/companions under the flattened key, as parity looks for them.
func companionOf(src string, suffixes ...string) string {
	dir, base := filepath.Split(src)
	stem := strings.TrimSuffix(strings.TrimSuffix(base, ".json"), ".postman_collection")
	for _, d := range []string{dir, suiteCompanions} {
		for _, s := range suffixes {
			if p := filepath.Join(d, stem+s); isFile(p) {
				return p
			}
		}
	}
	return ""
}

// clockDependent lists collections whose outcome depends on the clock: random
// values from a generator a bundled library seeds with the clock (as in
// Postman), or timeouts close to the time the work takes.
var clockDependent = map[string]string{
	"postmanlabs__newman/test__integration__timeout__timeout.postman_collection.json":     "its config sets a 500 ms script timeout and a 3 s request timeout against /delay: whether a script finishes in time depends on the machine's load",
	"OWASP__crAPI/postman_collections__crAPI.postman_collection.json":                     "require('postman-collection') Property.replaceSubstitutions('{{$randomIP}}'): faker's own Mersenne Twister, seeded from the clock",
	"DannyDainton__newman-reporter-htmlextra/test__requests__simple-failing-request.json": "a test asserts a response within 10 ms: true on an idle machine, false now and then under load",
}

// determinismRunTimeout only guards against a hang: MaxSteps and virtual
// time already bound every run's work. A deadline near the time the work
// takes cuts the two runs of a pair at different items on a loaded machine
// (the suite's 40 s did, once, at load 4 on two cores; 4 minutes did at load
// 30-37, where Workforce360's pair took 305 s with a budget of 3000 steps),
// which reads as a difference that has nothing to do with map order, and a
// pair cut so runs again, up to extraRuns times, one run after the other.
const determinismRunTimeout = 10 * time.Minute

// determinismMaxSteps is the budget of items that cuts both runs of a pair at
// the same place: collections that poll with setNextRequest on themselves
// loop until it (the largest collection has 714 items, the budget is above
// it). 3000 made the two looping ones the test's slowest pairs
// (Workforce360: 1,966 steps in 4 minutes at load 30-37, Customer360 215 s);
// a loop's first thousand steps repeat its items as often as any map order
// needs to show.
const determinismMaxSteps = 1000

func TestCorpusReportsAreDeterministic(t *testing.T) {
	colls := corpusCollections(t)
	if only := os.Getenv("COURIER_DETERMINISM_ONLY"); only != "" {
		// For chasing one difference: a regexp on the corpus paths.
		re := regexp.MustCompile(only)
		colls = slices.DeleteFunc(colls, func(rel string) bool { return !re.MatchString(rel) })
	}
	if testing.Short() {
		t.Skip("runs the whole corpus twice; skipped with -short")
	}
	srv := corpusServers{
		echo:      hostOf(t, echotest.Start(t)),
		raw:       hostOf(t, echotest.StartRawEcho(t)),
		redirect:  hostOf(t, echotest.StartRedirect(t)),
		blackhole: startBlackhole(t),
	}
	// With script timers on virtual time the runs mostly compute: more of
	// them at once than there are cores only stretches each run towards
	// determinismRunTimeout (the two runs of a pair go side by side). But
	// at least two pairs at once: an https request to the blackhole waits
	// for its 5 s read deadline (a TLS hello has no line end), about 100 s
	// of pure waiting over the corpus, which one worker on two cores spent
	// idle while the test neared go test's default 10 min under load.
	root := t.TempDir()
	work := make(chan string)
	var wg sync.WaitGroup
	for range max(2, runtime.GOMAXPROCS(0)/2) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for rel := range work {
				if clockDependent[rel] != "" {
					continue
				}
				src := filepath.Join(suiteShared, "corpus", rel)
				for _, layout := range reportLayouts(src) {
					srv.comparePair(t, root, rel, src, layout)
				}
			}
		}()
	}
	for _, rel := range colls {
		work <- rel
	}
	close(work)
	wg.Wait()
}

// corpusServers are the loopback servers a corpus run is pointed at.
type corpusServers struct{ echo, raw, redirect, blackhole string }

// reportLayouts lists the JSON report layouts a collection is checked in:
// always Newman's (one execution per round trip, the default of -r json),
// and the per-item one too where the two differ, i.e. where an item can
// make more than one round trip (pm.sendRequest, a digest challenge).
func reportLayouts(src string) []string {
	b, err := os.ReadFile(src)
	if err == nil && (bytes.Contains(b, []byte("sendRequest")) || bytes.Contains(b, []byte(`"digest"`))) {
		return []string{"newman", "item"}
	}
	return []string{"newman"}
}

// comparePair runs a collection twice in one report layout and fails the
// test when the normalized reports (JSON and CLI) differ for any reason but
// load. On a loaded machine (CI tests every package at once on two cores) a
// run can hit a time limit (a request's, a script's, the run's) that its
// twin did not: that is load, not map order, and it leaves its mark in the
// output (timeLimitsHit). A pair that differs with the same time limits hit
// fails at once, so a difference that comes one run in ten is caught one
// time in five (a retry that had to differ too made it one in thirty);
// a pair whose time limits differ runs again, one run after the other, up
// to extraRuns times, and any two runs that hit the same limits must agree.
func (srv corpusServers) comparePair(t *testing.T, root, rel, src, layout string) {
	t.Helper()
	run := func() ([]byte, error) { return corpusReport(root, src, layout, srv) }
	// Seeded runs draw from their own generators, so the two can
	// run at once (the slowest collection sets the test's time).
	var first, second []byte
	var err1, err2 error
	done := make(chan struct{})
	go func() {
		defer close(done)
		first, err1 = run()
	}()
	second, err2 = run()
	<-done
	switch {
	case err1 != nil || err2 != nil:
		t.Errorf("%s (%s layout): %v %v", rel, layout, err1, err2)
		return
	case first == nil || second == nil:
		return // courier wrote no report (a collection it refuses): nothing to compare
	case bytes.Equal(first, second):
		return
	}
	runs := [][]byte{first, second}
	for range extraRuns {
		if timeLimitsHit(first) == timeLimitsHit(second) {
			reportDifference(t, rel, layout, first, second, len(runs))
			return
		}
		next, err := run()
		if err != nil || next == nil {
			t.Errorf("%s (%s layout): a run after a difference: %v (report written: %v)", rel, layout, err, next != nil)
			return
		}
		// The new run's twin is the earlier one that hit the same time
		// limits, else the last: the loop ends at the first twin.
		first, second = runs[len(runs)-1], next
		for _, r := range runs {
			if timeLimitsHit(r) == timeLimitsHit(next) {
				first = r
				break
			}
		}
		runs = append(runs, next)
		if bytes.Equal(first, second) {
			// Shown with -v: a difference load explains is still
			// worth a look when it comes often.
			t.Logf("%s (%s layout): the first pair hit different time limits; run %d agreed with its twin", rel, layout, len(runs))
			return
		}
	}
	if timeLimitsHit(first) == timeLimitsHit(second) {
		reportDifference(t, rel, layout, first, second, len(runs))
		return
	}
	t.Logf("%s (%s layout): all %d runs hit different time limits, so none was compared", rel, layout, len(runs))
}

// extraRuns bounds the runs a collection gets after its pair hit different
// time limits: enough for two runs to hit the same ones on a loaded
// machine, few enough that a collection whose time limits vary on every
// run costs five runs, not an unbounded number.
const extraRuns = 3

// timeLimitMarks are the words a time limit writes into a report or the
// CLI output: a request or pm.sendRequest timing out, a script outliving
// its timeout, the run's --timeout, the hang guard's deadline (the run's
// error, "run stopped: its deadline passed", in the JSON report's run.error
// and the cut execution; without it two runs cut at different items by
// determinismRunTimeout read as runs that hit no limit and failed the test at
// load 30-37).
var timeLimitMarks = []string{"ETIMEDOUT", "ESOCKETTIMEDOUT", "script execution timeout", "sandbox not responding", "--timeout of", "its deadline passed", "context deadline exceeded"}

// timeLimitsHit lists the time limits a normalized output shows, each with
// the item it hit (the last item name before it), in order: two runs that
// hit the same limits at the same places have nothing that load explains
// between them.
func timeLimitsHit(out []byte) string {
	var hit strings.Builder
	item := ""
	for line := range strings.Lines(string(out)) {
		if strings.HasPrefix(line, "→ ") || strings.HasPrefix(line, `"name":`) {
			item = line
			continue
		}
		for _, m := range timeLimitMarks {
			if strings.Contains(line, m) {
				hit.WriteString(item)
				hit.WriteString(line)
				break
			}
		}
	}
	return hit.String()
}

// reportDifference fails the test with the first line where two runs'
// normalized outputs differ (and writes both to COURIER_DETERMINISM_DUMP).
func reportDifference(t *testing.T, rel, layout string, a, b []byte, runs int) {
	t.Helper()
	t.Errorf("%s (%s layout): two runs that hit the same time limits wrote different reports (%d runs):\n%s", rel, layout, runs, firstDifference(a, b))
	if d := os.Getenv("COURIER_DETERMINISM_DUMP"); d != "" {
		name := strings.NewReplacer("/", "_", " ", "_").Replace(rel) + "." + layout
		_ = os.WriteFile(filepath.Join(d, name+".1"), a, 0o644)
		_ = os.WriteFile(filepath.Join(d, name+".2"), b, 0o644)
	}
}

// corpusReport runs one collection as parity prepares it, with the JSON
// report in the given layout (--reporter-json-executions) and the CLI
// reporter, and returns both with what may change between runs masked
// (normalizeReport, normalizeCLI), or nil when courier wrote no report
// (said in the log).
func corpusReport(root, src, layout string, srv corpusServers) ([]byte, error) {
	dir, err := os.MkdirTemp(root, "run")
	if err != nil {
		return nil, err
	}
	rw := newSuiteRewriter(srv.echo, srv.raw, srv.redirect, srv.blackhole)
	dst := filepath.Join(dir, filepath.Base(src))
	if _, err := rewriteJSONFile(src, dst, rw); err != nil {
		return nil, fmt.Errorf("copying %s: %w", src, err)
	}
	io, _, cliOut, _ := cmdutil.Test()
	report := filepath.Join(dir, "report.json")
	o := &Options{
		IO:          io,
		Collections: []string{dst},
		Reporters:   []string{"json", "cli"},
		Reporter:    ReporterFlags{JSONExport: report, JSONExecutions: layout},
		Color:       "off",
		WorkingDir:  dir,
		NoPersist:   true,
		Seed:        1,
		// Hosts the rewriter leaves (a variable's value, a computed URL)
		// fail without even a DNS lookup: nothing leaves the machine.
		LoopbackOnly: true,
	}
	for kind, suffixes := range map[string][]string{
		"environment": {".postman_environment.json"},
		"globals":     {".postman_globals.json"},
		"data":        {".postman_data.json", ".postman_data.csv"},
	} {
		p := companionOf(src, suffixes...)
		if p == "" {
			continue
		}
		if err := useCompanion(o, kind, p, dir, rw); err != nil {
			return nil, err
		}
	}
	if p := companionOf(src, ".postman_config.json"); p != "" {
		if err := applySuiteConfig(p, o); err != nil {
			return nil, fmt.Errorf("config %s: %w", p, err)
		}
	}
	ctx, cancel := context.WithTimeout(determinism.With(context.Background(), determinism.Settings{
		// A collection that polls a server with setNextRequest on itself
		// loops until the deadline where the server is absent; a budget of
		// items cuts both runs at the same place (determinismMaxSteps).
		MaxSteps: determinismMaxSteps,
		// Scripts that sleep (setTimeout(f, 10000) to give a server time)
		// would otherwise tie the report to the wall clock: under load a
		// run cut by its deadline stops at another item than its twin.
		VirtualTime: true,
	}), determinismRunTimeout)
	defer cancel()
	_ = Run(ctx, o) // failing assertions are part of what is compared
	b, err := os.ReadFile(report)
	if err != nil {
		return nil, nil
	}
	// The CLI output carries what scripts log (JSON.stringify of a
	// request's headers, say), which the JSON report does not.
	cli := strings.ReplaceAll(cliOut.String(), dir, "<run dir>")
	return append(append(normalizeReport(b), "\n--- cli ---\n"...), normalizeCLI(cli)...), nil
}

var (
	volatileKeys = map[string]bool{
		"id": true, "_postman_id": true, "_postman_exported_at": true, "responseTime": true, "timings": true,
		"started": true, "completed": true, "timestamp": true, "responseAverage": true, "responseMin": true,
		"responseMax": true, "responseSd": true, "dnsAverage": true, "dnsMin": true, "dnsMax": true, "dnsSd": true,
		"firstByteAverage": true, "firstByteMin": true, "firstByteMax": true, "firstByteSd": true,
		"checksum": true, "_lastExecutionId": true, "ref": true, "httpRequestId": true, "execution": true,
		// A reset by the blackhole reads as ECONNRESET with or without
		// the errno of the read, depending on timing, in Node as here.
		"errno": true, "syscall": true,
	}
	// Each mask has a cheap test of whether it can match at all: a report
	// is tens of megabytes of strings, and running every regexp over each
	// of them made the normalizing, not the runs, most of the test's CPU
	// (enough, on a loaded machine, to push runs past their deadline).
	volatileText = []struct {
		can  func(string) bool
		re   *regexp.Regexp
		with string
	}{
		// Nonces and what they sign are random by design (OAuth 1, Hawk, a Digest answer to a server nonce);
		// the only mask that may replace no digit: it goes first.
		{has("nonce=", "oauth_signature=", "mac="), regexp.MustCompile(`((?:nonce|oauth_signature|mac|response)=\\?")[^"\\]*`), "$1<random>"},
		// Multipart boundaries are random in Postman too.
		{has("boundary=", "--"), regexp.MustCompile(`(boundary=|--)-*[0-9a-f]{24,}`), "$1<boundary>"},
		{has("-"), suiteUUIDRE, "<uuid>"},
		{has(":"), regexp.MustCompile(`\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?`), "<time>"},
		{has("GMT"), regexp.MustCompile(`(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),? \d{2}[ -](?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[ -]\d{4} \d{2}:\d{2}:\d{2} GMT`), "<http-date>"},
		{has("GMT"), regexp.MustCompile(`(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{2} \d{4} \d{2}:\d{2}:\d{2} GMT[+-]\d{4}(?: \([^)]*\))?`), "<date>"},
		{has("/"), regexp.MustCompile(`\d{1,2}/\d{1,2}/\d{4},? \d{1,2}:\d{2}:\d{2}(?: [AP]M)?`), "<locale-date>"},
		{has("1"), regexp.MustCompile(`(?:^|[^\d.])1[5-9]\d{8}(?:\d{3})?(?:[^\d.]|$)`), "<epoch>"},
		{has("127.0.0.1:"), regexp.MustCompile(`127\.0\.0\.1:\d+`), "127.0.0.1:<port>"},
		{has("%"), regexp.MustCompile(`(%[0-9A-Fa-f]{2})1[5-9]\d{8}(?:\d{3})?\b`), "$1<epoch>"},
		{hasFold("time"), regexp.MustCompile(`(?i)(response ?time\D{0,3})\d+(?:\.\d+)?`), "$1<ms>"},
		{has("ms"), regexp.MustCompile(`\b\d+(?:\.\d+)?\s?ms\b`), "<ms>"},
	}
)

// normalizeReport removes timings, ids and dates from a JSON report,
// keeping the order of everything else.
func normalizeReport(b []byte) []byte {
	if !json.Valid(b) {
		return b
	}
	p := orderedParser{b: b}
	var out bytes.Buffer
	out.Grow(len(b))
	writeOrdered(&out, p.value(), "")
	return out.Bytes()
}

type orderedObj struct {
	keys []string
	vals []any
}

// orderedParser reads JSON that json.Valid accepted into orderedObj,
// []any, string, json.Number, bool and nil, keeping the order of object
// keys. encoding/json's Token API keeps it too, at several times the cost:
// on the corpus's 20 MB reports that decoding was a fifth of the test's CPU.
type orderedParser struct {
	b []byte
	i int
}

func (p *orderedParser) value() any {
	p.space()
	switch p.b[p.i] {
	case '{':
		p.i++
		o := &orderedObj{}
		for p.space(); p.b[p.i] != '}'; p.space() {
			k := p.str()
			p.space()
			p.i++ // the colon
			o.keys = append(o.keys, k)
			o.vals = append(o.vals, p.value())
			p.space()
			if p.b[p.i] == ',' {
				p.i++
			}
		}
		p.i++
		return o
	case '[':
		p.i++
		var arr []any
		for p.space(); p.b[p.i] != ']'; p.space() {
			arr = append(arr, p.value())
			p.space()
			if p.b[p.i] == ',' {
				p.i++
			}
		}
		p.i++
		return arr
	case '"':
		return p.str()
	case 't':
		p.i += len("true")
		return true
	case 'f':
		p.i += len("false")
		return false
	case 'n':
		p.i += len("null")
		return nil
	}
	start := p.i
	for p.i < len(p.b) && strings.IndexByte("+-0123456789.eE", p.b[p.i]) >= 0 {
		p.i++
	}
	if p.i == start {
		panic(fmt.Sprintf("orderedParser: %q at byte %d", p.b[p.i], p.i)) // json.Valid let through what value does not read
	}
	return json.Number(p.b[start:p.i])
}

// str reads a string; one with escapes or invalid UTF-8 (which
// encoding/json turns into U+FFFD) is left to encoding/json.
func (p *orderedParser) str() string {
	start := p.i
	escaped := false
	for p.i++; p.b[p.i] != '"'; p.i++ {
		if p.b[p.i] == '\\' {
			escaped = true
			p.i++
		}
	}
	p.i++
	lit := p.b[start:p.i]
	if !escaped && utf8.Valid(lit) {
		return string(lit[1 : len(lit)-1])
	}
	var s string
	_ = json.Unmarshal(lit, &s)
	return s
}

func (p *orderedParser) space() {
	for p.i < len(p.b) && (p.b[p.i] == ' ' || p.b[p.i] == '\n' || p.b[p.i] == '\t' || p.b[p.i] == '\r') {
		p.i++
	}
}

var (
	// cliDuration is a duration as the CLI prints one (536µs, 41ms,
	// 1m 3.2s).
	cliDuration = regexp.MustCompile(`\b(?:\d+[ydhm] )*\d+(?:\.\d+)?(?:µs|ms|s|m)\b`)
	// cliBox is the box drawing of the CLI's tables, whose widths follow
	// the widths of the durations in them.
	cliBox = regexp.MustCompile(`[│─┌┐└┘├┤┬┴┼\s]+`)
)

// normalizeCLI masks the CLI reporter's output line by line as
// normalizeReport masks a report's strings, plus durations and the tables'
// widths. The summary's timing lines go: courier's CLI, as Newman's, leaves
// one out when its average rounds to 0, which on a fast run it does.
func normalizeCLI(s string) []byte {
	var out bytes.Buffer
	for line := range strings.Lines(s) {
		if strings.Contains(line, "average response time:") || strings.Contains(line, "average DNS lookup time:") || strings.Contains(line, "average first byte time:") {
			continue
		}
		line = maskText(cliDuration.ReplaceAllString(line, "<dur>"))
		// A table's borders, and so its blank lines, come and go with
		// the rows above.
		if line = strings.TrimSpace(cliBox.ReplaceAllString(line, " ")); line != "" {
			out.WriteString(line)
			out.WriteByte('\n')
		}
	}
	return out.Bytes()
}

func maskText(s string) string {
	digits := strings.ContainsAny(s, "0123456789")
	for i, v := range volatileText {
		if i > 0 && !digits {
			break // every mask after the first replaces digits
		}
		if v.can(s) {
			s = v.re.ReplaceAllString(s, v.with)
		}
	}
	return s
}

// has reports whether a string holds any of the literals.
func has(lits ...string) func(string) bool {
	return func(s string) bool {
		for _, l := range lits {
			if strings.Contains(s, l) {
				return true
			}
		}
		return false
	}
}

// hasFold is has for one ASCII literal in any case.
func hasFold(lit string) func(string) bool {
	return func(s string) bool {
		for i := 0; i+len(lit) <= len(s); i++ {
			if strings.EqualFold(s[i:i+len(lit)], lit) {
				return true
			}
		}
		return false
	}
}

func writeOrdered(w *bytes.Buffer, v any, key string) {
	switch x := v.(type) {
	case *orderedObj:
		// A Buffer's bytes are text in disguise: mask them as text.
		if len(x.keys) == 2 && x.keys[0] == "type" && x.vals[0] == "Buffer" {
			if arr, ok := x.vals[1].([]any); ok {
				bs := make([]byte, 0, len(arr))
				for _, n := range arr {
					if num, ok := n.(json.Number); ok {
						i, _ := num.Int64()
						bs = append(bs, byte(i))
					}
				}
				fmt.Fprintf(w, "Buffer(%q)", maskText(string(bs)))
				return
			}
		}
		// A compressed body's length follows its random content.
		lengthHeader := len(x.keys) >= 2 && x.keys[0] == "key" && strings.EqualFold(fmt.Sprint(x.vals[0]), "content-length")
		// A digest's client nonce (an auth parameter of the request as
		// sent) is random by design.
		clientNonce := false
		for i, k := range x.keys {
			clientNonce = clientNonce || k == "key" && x.vals[i] == "clientNonce"
		}
		w.WriteString("{")
		for i, k := range x.keys {
			if volatileKeys[k] {
				continue
			}
			if (lengthHeader || clientNonce) && k == "value" {
				w.WriteString("\n\"value\":<n>")
				continue
			}
			w.WriteString("\n")
			w.WriteString(strconv.Quote(k))
			w.WriteString(":")
			writeOrdered(w, x.vals[i], k)
		}
		w.WriteString("}")
	case []any:
		w.WriteString("[")
		for _, e := range x {
			w.WriteString("\n")
			writeOrdered(w, e, key)
		}
		w.WriteString("]")
	case string:
		w.WriteString(strconv.Quote(maskText(x)))
	case json.Number:
		if key == "responseSize" || key == "size" {
			w.WriteString("<n>")
			return
		}
		w.WriteString(maskText(x.String()))
	default:
		fmt.Fprintf(w, "%v", x)
	}
}

func firstDifference(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(la) && i < len(lb); i++ {
		if la[i] != lb[i] {
			from := max(0, i-3)
			return fmt.Sprintf("line %d:\n  first:  %s\n  second: %s\n  before: %s\n  first then:  %s\n  second then: %s", i, la[i], lb[i],
				strings.Join(la[from:i], " | "), strings.Join(la[i:min(len(la), i+4)], " | "), strings.Join(lb[i:min(len(lb), i+4)], " | "))
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(la), len(lb))
}

// TestNormalizeCLIKeepsWhatScriptsPrint: two CLI outputs that differ only in
// timings (and the table widths that follow them) compare equal; a console
// line in another order, or another value, does not.
func TestNormalizeCLIKeepsWhatScriptsPrint(t *testing.T) {
	t.Parallel()
	base := `→ login
  GET http://127.0.0.1:40123/get [200 OK, 312B, 536µs]
  ┌
  │ '{"a":1,"b":2}'
  └
  ✓  status 200
┌────────────────────┬─────────┐
│ total run duration: 41ms     │
├────────────────────┼─────────┤
│ average response time: 2ms [min: 2ms, max: 2ms, s.d.: 0µs] │
└────────────────────┴─────────┘
`
	for _, tc := range []struct {
		name  string
		other string
		same  bool
	}{
		{"timings and widths", strings.NewReplacer("536µs", "1.2s", "41ms     ", "1m 3s  ", "────", "──").Replace(base), true},
		{"no average line", strings.Replace(base, "│ average response time: 2ms [min: 2ms, max: 2ms, s.d.: 0µs] │\n", "", 1), true},
		{"port", strings.Replace(base, "40123", "40999", 1), true},
		{"keys reordered", strings.Replace(base, `{"a":1,"b":2}`, `{"b":2,"a":1}`, 1), false},
		{"another value", strings.Replace(base, `"a":1`, `"a":7`, 1), false},
		{"another assertion", strings.Replace(base, "status 200", "status 201", 1), false},
	} {
		got := bytes.Equal(normalizeCLI(base), normalizeCLI(tc.other))
		if got != tc.same {
			t.Errorf("%s: equal after normalizing = %v, want %v\n%s", tc.name, got, tc.same, normalizeCLI(tc.other))
		}
	}
}

// TestTimeLimitsHitNamesThePlace: the time limits an output shows are
// compared with the item each hit, so two runs timing out at different
// items count as different (load), and the same timeout at the same item
// as the same (any other difference is then not load's).
func TestTimeLimitsHitNamesThePlace(t *testing.T) {
	t.Parallel()
	out := func(item, err string) []byte {
		return []byte("→ login\n  GET http://127.0.0.1:<port>/get [200 OK]\n→ " + item + "\n  " + err + "\n\"name\":\"" + item + "\"\n\"message\":\"" + err + "\"\n")
	}
	timeout := "ESOCKETTIMEDOUT"
	deadline := "run stopped: its deadline passed; the request in progress did not complete"
	for _, tc := range []struct {
		name string
		a, b []byte
		same bool
	}{
		{"no limit hit", out("a", "socket hang up"), out("b", "read ECONNRESET"), true},
		{"same limit at the same item", out("a", timeout), out("a", timeout), true},
		{"same limit at another item", out("a", timeout), out("b", timeout), false},
		{"a limit in one run only", out("a", timeout), out("a", "socket hang up"), false},
		{"a script's limit", out("a", "sandbox: asynchronous script execution timeout"), out("a", timeout), false},
		{"the hang guard's deadline at another item", out("a", deadline), out("b", deadline), false},
		{"the hang guard's deadline in one run only", out("a", deadline), out("a", "socket hang up"), false},
	} {
		if got := timeLimitsHit(tc.a) == timeLimitsHit(tc.b); got != tc.same {
			t.Errorf("%s: same time limits = %v, want %v (%q, %q)", tc.name, got, tc.same, timeLimitsHit(tc.a), timeLimitsHit(tc.b))
		}
	}
	if timeLimitsHit(out("a", timeout)) == "" {
		t.Error("a timeout was not seen")
	}
}
