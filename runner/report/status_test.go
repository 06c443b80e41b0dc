package report

import (
	"bytes"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
)

// fakeTime is a manual clock with timers, for the status line: timers fire
// on the test's goroutine when advance passes them.
type fakeTime struct {
	now    time.Time
	timers []*fakeTimer
}

type fakeTimer struct {
	at   time.Time
	f    func()
	done bool
}

func newFakeTime() *fakeTime { return &fakeTime{now: t0} }

func (ft *fakeTime) Now() time.Time { return ft.now }

func (ft *fakeTime) AfterFunc(d time.Duration, f func()) func() {
	t := &fakeTimer{at: ft.now.Add(d), f: f}
	ft.timers = append(ft.timers, t)
	return func() { t.done = true }
}

// armed counts timers not yet fired or stopped.
func (ft *fakeTime) armed() int {
	n := 0
	for _, t := range ft.timers {
		if !t.done {
			n++
		}
	}
	return n
}

// advance moves the clock by d, firing due timers in order.
func (ft *fakeTime) advance(d time.Duration) {
	end := ft.now.Add(d)
	for {
		var next *fakeTimer
		for _, t := range ft.timers {
			if !t.done && !t.at.After(end) && (next == nil || t.at.Before(next.at)) {
				next = t
			}
		}
		if next == nil {
			break
		}
		next.done = true
		ft.now = next.at
		next.f()
	}
	ft.now = end
}

func (ft *fakeTime) opts(o CLIOptions) CLIOptions {
	o.TTY, o.Clock, o.AfterFunc = true, ft.Now, ft.AfterFunc
	return o
}

// playEvery hands events to s, step apart on the fake clock.
func playEvery(ft *fakeTime, s runner.Sink, step time.Duration, evs []runner.Event) {
	for _, e := range evs {
		ft.advance(step)
		s.Handle(e)
	}
}

// visible shows the terminal controls of a transcript.
func visible(b []byte) []byte {
	return []byte(strings.NewReplacer("\r", "<CR>", "\x1b[2K", "<EL>").Replace(string(b)))
}

// screen plays output on a minimal terminal (CR, erase line, newline,
// printable text) and returns what stays on it.
func screen(t *testing.T, out string) string {
	t.Helper()
	var lines [][]rune
	cur, col := []rune{}, 0
	for len(out) > 0 {
		switch {
		case strings.HasPrefix(out, "\x1b[2K"):
			cur, out = []rune{}, out[len("\x1b[2K"):]
			continue
		case strings.HasPrefix(out, "\x1b"):
			t.Fatalf("unexpected escape at %q", out[:min(len(out), 10)])
		case out[0] == '\r':
			col = 0
		case out[0] == '\n':
			lines, cur, col = append(lines, cur), []rune{}, 0
		default:
			r := []rune(out[:len(firstRune(out))])[0]
			if col < len(cur) {
				cur[col] = r
			} else {
				cur = append(cur, r)
			}
			col++
			out = out[len(firstRune(out)):]
			continue
		}
		out = out[1:]
	}
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(string(l) + "\n")
	}
	b.WriteString(string(cur))
	return b.String()
}

func firstRune(s string) string {
	for i := range s {
		if i > 0 {
			return s[:i]
		}
	}
	return s
}

var statusRE = regexp.MustCompile(`<CR><EL>(iteration [^<\n]*)`)

// TestCLIStatusTTYGolden plays the demo run on a fake terminal, 400 ms per
// event: the line shows once the run has lasted 2 s, is erased before each
// log line and put back after it, and is gone at the end, leaving exactly
// the off-terminal log on screen.
func TestCLIStatusTTYGolden(t *testing.T) {
	t.Parallel()
	ft := newFakeTime()
	var buf bytes.Buffer
	c := NewCLI(&buf, ft.opts(CLIOptions{Width: 80}))
	playEvery(ft, c, 400*time.Millisecond, newDemo().events())
	ft.advance(5 * time.Second) // nothing may draw after the run
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	golden(t, "cli_status_tty.golden", visible(buf.Bytes()))

	var plain bytes.Buffer
	play(NewCLI(&plain, CLIOptions{Width: 80}), newDemo().events())
	if got := screen(t, buf.String()); got != plain.String() {
		t.Errorf("final screen differs from the off-terminal log:\n%s", got)
	}
	seen := statusRE.FindAllStringSubmatch(string(visible(buf.Bytes())), -1)
	if len(seen) == 0 {
		t.Fatal("no status line drawn")
	}
	if first := seen[0][1]; first != "iteration 1/2 · 0% · 1 request · 0 failed · 00:02 elapsed" {
		t.Errorf("first status = %q", first)
	}
	if last := seen[len(seen)-1][1]; last != "iteration 2/2 · 100% · 6 requests · 7 failed · 00:21 elapsed" {
		t.Errorf("last status = %q", last)
	}
	if ft.armed() != 0 {
		t.Errorf("%d timers still armed after the run", ft.armed())
	}
}

// TestCLIStatusWhileWaiting: a slow first request. The timer shows the
// line after 2 s without any event and keeps the elapsed time current.
func TestCLIStatusWhileWaiting(t *testing.T) {
	t.Parallel()
	ft := newFakeTime()
	var buf bytes.Buffer
	c := NewCLI(&buf, ft.opts(CLIOptions{NoBanner: true, DisableUnicode: true}))
	d := newDemo()
	c.Handle(runner.StartEvent{Collection: d.coll, Iterations: 2, Total: 4})
	c.Handle(runner.IterationEvent{Iteration: 0, Total: 2})
	c.Handle(runner.ItemStartEvent{Item: d.ref(d.get)})
	ft.advance(1900 * time.Millisecond)
	if strings.Contains(buf.String(), "elapsed") {
		t.Fatalf("status before 2 s: %q", buf.String())
	}
	ft.advance(100 * time.Millisecond)
	if want := "\r\x1b[2Kiteration 1/2 | 0% | 0 requests | 0 failed | 00:02 elapsed"; !strings.HasSuffix(buf.String(), want) {
		t.Fatalf("after 2 s output ends %q, want %q", buf.String(), want)
	}
	ft.advance(63 * time.Second)
	if want := "\r\x1b[2Kiteration 1/2 | 0% | 0 requests | 0 failed | 01:05 elapsed"; !strings.HasSuffix(buf.String(), want) {
		t.Fatalf("after 65 s output ends %q, want %q", buf.String(), want)
	}
	// An interrupted run: Close erases the line.
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(buf.String(), "elapsed\r\x1b[2K") {
		t.Errorf("close left %q", buf.String()[max(buf.Len()-40, 0):])
	}
	if ft.armed() != 0 {
		t.Errorf("%d timers armed after Close", ft.armed())
	}
}

// TestCLIStatusThrottled: a fast, long run (3,000 events 1 ms apart) gets
// the line from the start, with at most one new text per 100 ms.
func TestCLIStatusThrottled(t *testing.T) {
	t.Parallel()
	ft := newFakeTime()
	var buf bytes.Buffer
	c := NewCLI(&buf, ft.opts(CLIOptions{NoAssertions: true, NoSummary: true}))
	item := &collections.Item{ID: "x", Name: "x", Request: &collections.Request{Method: "GET"}}
	it := runner.ItemRef{ID: "x", Name: "x", Key: 1}
	evs := []runner.Event{runner.StartEvent{Collection: &collections.Collection{Items: []*collections.Item{item}}, Iterations: 1000, Total: 1}}
	for i := range 1000 {
		evs = append(evs,
			runner.IterationEvent{Iteration: i, Total: 1000},
			runner.ItemStartEvent{Item: it, Iteration: i},
			runner.RequestEvent{Item: it, Iteration: i, Request: runner.SentRequest{Method: "GET", URL: "http://x/"}, Response: response(200, 1, nil)},
			runner.ItemDoneEvent{Item: it, Iteration: i})
	}
	playEvery(ft, c, 750*time.Microsecond, evs) // 3 s
	seen := statusRE.FindAllStringSubmatch(string(visible(buf.Bytes())), -1)
	if !strings.Contains(seen[0][1], "iteration 1/1000 · 0% · 0 requests") {
		t.Errorf("the planned 1,000 requests did not show the line at once: %q", seen[0][1])
	}
	texts := 0
	for i, s := range seen {
		if i == 0 || s[1] != seen[i-1][1] {
			texts++
		}
	}
	if texts > 31 || texts < 20 {
		t.Errorf("%d different status texts in 3 s, want 20..31 (10 a second)", texts)
	}
	// Every log line is preceded by an erase and followed by the line.
	if n, want := strings.Count(buf.String(), "\r\x1b[2K"), 2*1000; n < want {
		t.Errorf("%d erase/draws for 1,000 logged items", n)
	}
	// The last text is at most 100 ms (about 35 requests) behind.
	if last := seen[len(seen)-1][1]; !regexp.MustCompile(`^iteration (9[6-9]\d|1000)/1000 · (9\d|100)% · (9[6-9]\d|1,000) requests · 0 failed · 00:0[23] elapsed$`).MatchString(last) {
		t.Errorf("last status = %q", last)
	}
	c.Handle(runner.DoneEvent{Summary: &runner.Summary{}})
	c.Close()
	if got := screen(t, buf.String()); strings.Contains(got, "elapsed") {
		t.Errorf("status left on screen:\n%s", got[max(len(got)-200, 0):])
	}
}

// TestCLIStatusOff: no status line, escape or timer off a terminal or
// under --silent, however long the run.
func TestCLIStatusOff(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		o    CLIOptions
	}{
		{"not a terminal", CLIOptions{}},
		{"silent terminal", CLIOptions{TTY: true, Silent: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ft := newFakeTime()
			o := tc.o
			o.Clock, o.AfterFunc = ft.Now, ft.AfterFunc
			var buf bytes.Buffer
			c := NewCLI(&buf, o)
			ev := newDemo().events()
			ev[0] = runner.StartEvent{Collection: newDemo().coll, Iterations: 500, Total: 4}
			playEvery(ft, c, 3*time.Second, ev)
			c.Close()
			if strings.ContainsAny(buf.String(), "\r\x1b") || strings.Contains(buf.String(), "elapsed") {
				t.Errorf("output has a status line or escapes:\n%q", buf.String())
			}
			if len(ft.timers) != 0 {
				t.Errorf("%d timers armed", len(ft.timers))
			}
		})
	}
}

// TestCLIStatusRealTimer runs the real timer against events from another
// goroutine (the race detector checks the locking).
func TestCLIStatusRealTimer(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	c := NewCLI(&buf, CLIOptions{TTY: true, NoBanner: true})
	item := &collections.Item{ID: "x", Name: "x", Request: &collections.Request{Method: "GET"}}
	it := runner.ItemRef{ID: "x", Name: "x", Key: 1}
	c.Handle(runner.StartEvent{Collection: &collections.Collection{Items: []*collections.Item{item}}, Iterations: 200, Total: 1})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 8; i++ {
			c.Handle(runner.IterationEvent{Iteration: i, Total: 200})
			c.Handle(runner.ItemStartEvent{Item: it, Iteration: i})
			c.Handle(runner.ConsoleEvent{Item: it, Iteration: i, Line: runner.ConsoleLine{Level: "log", Text: "hi"}})
			c.Handle(runner.ItemDoneEvent{Item: it, Iteration: i})
			time.Sleep(100 * time.Millisecond)
		}
	}()
	wg.Wait()
	c.Handle(runner.DoneEvent{Summary: &runner.Summary{}})
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !regexp.MustCompile(`iteration [2-8]/200 · [0-4]% · 0 requests · 0 failed · 00:0\d elapsed`).MatchString(out) {
		t.Errorf("no up-to-date status line in %q", out)
	}
	if got := screen(t, out); strings.Contains(got, "elapsed") {
		t.Errorf("status left on screen:\n%s", got)
	}
}

func TestThousandsAndClockTime(t *testing.T) {
	t.Parallel()
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -4200: "-4,200"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
	for d, want := range map[time.Duration]string{0: "00:00", 12 * time.Second: "00:12", 61*time.Minute + 5*time.Second: "1:01:05", -time.Second: "00:00"} {
		if got := clockTime(d); got != want {
			t.Errorf("clockTime(%v) = %q, want %q", d, got, want)
		}
	}
}

// TestCLIStatusNarrowTerminal: the line is cut to the width so it never
// wraps.
func TestCLIStatusNarrowTerminal(t *testing.T) {
	t.Parallel()
	ft := newFakeTime()
	var buf bytes.Buffer
	c := NewCLI(&buf, ft.opts(CLIOptions{Width: 30, NoBanner: true}))
	item := &collections.Item{ID: "x", Name: "x"}
	c.Handle(runner.StartEvent{Collection: &collections.Collection{Items: []*collections.Item{item}}, Iterations: 300, Total: 1})
	if want := "\r\x1b[2Kiteration 1/300 · 0% · 0 requ"; !strings.HasSuffix(buf.String(), want) {
		t.Errorf("output ends %q, want %q", buf.String(), want)
	}
}
