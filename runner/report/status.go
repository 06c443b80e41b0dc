package report

import (
	"bytes"
	"strconv"
	"strings"
	"time"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
)

// The cli reporter's live status line (Issue 2). On a terminal, long runs
// get one line at the bottom of the log:
//
//	iteration 3/200 · 57% · 1,234 requests · 2 failed · 00:12 elapsed
//
// A run is long when it plans at least statusMinRequests requests (it shows
// from the start) or once it has lasted statusDelay (a slow run shows it
// then, even while a request is still in flight). The line is erased before
// the log goes on and put back after it, in the same write, so it neither
// flickers nor ends up in the scrollback; its text changes at most every
// statusThrottle, and a timer refreshes it every statusTick while the run
// waits on a request. Off a terminal, and under --silent, it never appears.
const (
	statusMinRequests = 100
	statusDelay       = 2 * time.Second
	statusThrottle    = 100 * time.Millisecond // at most 10 new texts a second
	statusTick        = 500 * time.Millisecond
	// eraseLine returns to the first column and erases the line (ANSI EL 2).
	eraseLine = "\r\x1b[2K"
	// statusWidth is assumed when a terminal does not tell its width.
	statusWidth = 80
)

// status is the cli reporter's state for the status line. Every field is
// guarded by CLI.mu: timer callbacks run on their own goroutine.
type status struct {
	pending bytes.Buffer // this event's log output, written at flush
	start   time.Time
	planned int // requests planned: items per iteration × iterations
	iter    int // current iteration, 1-based
	iters   int
	done    int // items finished
	sent    int // requests sent (or errored)

	active   bool // the run is long enough to show the line
	shown    bool // the line is on screen now
	atBOL    bool // the log ended with a newline: the line may be drawn
	finished bool // the run is over: draw nothing more
	text     string
	rendered time.Time // when text was last rendered
	stop     func()    // cancels the armed timer, nil when none
}

// defaultAfterFunc is time.AfterFunc with a plain cancel function.
func defaultAfterFunc(d time.Duration, f func()) func() {
	t := time.AfterFunc(d, f)
	return func() { t.Stop() }
}

// observe updates the counters from one event.
func (s *status) observe(c *CLI, ev runner.Event) {
	switch e := ev.(type) {
	case runner.StartEvent:
		s.start = c.o.Clock()
		per := e.Total
		if per == 0 && e.Collection != nil {
			collections.Walk(e.Collection.Items, func(it *collections.Item) error {
				if !it.Folder {
					per++
				}
				return nil
			})
		}
		s.iters = max(e.Iterations, 1)
		s.planned = per * s.iters
		s.active = s.planned >= statusMinRequests
		c.arm(statusTick)
	case runner.IterationEvent:
		s.iter, s.iters = e.Iteration+1, max(e.Total, 1)
	case runner.RequestEvent:
		s.sent++
	case runner.ItemDoneEvent:
		s.done++
	case runner.DoneEvent:
		s.finished = true
		c.disarm()
	}
}

// flush writes the pending log and then the status line, in one write.
// Called with c.mu held.
func (c *CLI) flush(now time.Time) {
	s := c.st
	var b bytes.Buffer
	if s.pending.Len() > 0 {
		if s.shown {
			b.WriteString(eraseLine)
			s.shown = false
		}
		s.atBOL = bytes.HasSuffix(s.pending.Bytes(), []byte("\n"))
		b.Write(s.pending.Bytes())
		s.pending.Reset()
	}
	if !s.active && !s.finished && !s.start.IsZero() && now.Sub(s.start) >= statusDelay {
		s.active = true
	}
	// Never draw after a partial line: erasing the status would erase it.
	if s.active && !s.finished && s.atBOL {
		changed := false
		if s.text == "" || now.Sub(s.rendered) >= statusThrottle {
			text := c.statusText(now)
			changed = text != s.text
			s.text, s.rendered = text, now
		}
		if !s.shown || changed {
			b.WriteString(eraseLine)
			b.WriteString(s.text)
			s.shown = true
		}
	}
	if b.Len() > 0 {
		c.dst.Write(b.Bytes())
	}
}

// tick is the timer's callback: it shows the line once the run has lasted
// statusDelay and keeps the elapsed time current during slow requests.
func (c *CLI) tick() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.st.stop = nil
	if c.st.finished {
		return
	}
	c.flush(c.o.Clock())
	c.arm(statusTick)
}

// arm sets the timer unless one is set. Called with c.mu held.
func (c *CLI) arm(d time.Duration) {
	if c.st.stop == nil && !c.st.finished {
		c.st.stop = c.o.AfterFunc(d, c.tick)
	}
}

// disarm cancels the timer. Called with c.mu held.
func (c *CLI) disarm() {
	if c.st.stop != nil {
		c.st.stop()
		c.st.stop = nil
	}
}

// closeStatus stops the timer and erases the line, for a run that ends
// without a DoneEvent (an interrupt). Called with c.mu held.
func (c *CLI) closeStatus() {
	s := c.st
	s.finished = true
	c.disarm()
	c.flush(c.o.Clock())
	if s.shown {
		c.dst.print(eraseLine)
		s.shown = false
	}
}

// statusText renders the line, cut to the terminal's width so it never
// wraps (a wrapped line cannot be redrawn in place).
func (c *CLI) statusText(now time.Time) string {
	s := c.st
	sep := " · "
	if c.o.DisableUnicode {
		sep = " | "
	}
	parts := []string{"iteration " + strconv.Itoa(max(s.iter, 1)) + "/" + strconv.Itoa(s.iters)}
	if s.planned > 0 {
		// setNextRequest loops can run more items than planned.
		parts = append(parts, strconv.Itoa(min(s.done*100/s.planned, 100))+"%")
	}
	noun := " requests"
	if s.sent == 1 {
		noun = " request"
	}
	parts = append(parts,
		thousands(s.sent)+noun,
		thousands(len(c.failures))+" failed",
		clockTime(now.Sub(s.start))+" elapsed")
	text := strings.Join(parts, sep)
	width := c.o.Width
	if width <= 0 {
		width = statusWidth
	}
	if r := []rune(text); len(r) > width-1 {
		text = string(r[:max(width-1, 0)])
	}
	return c.p.gray.Sprint(text)
}

// thousands renders n with comma separators: 1,234.
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// clockTime renders a duration as mm:ss, or h:mm:ss past an hour.
func clockTime(d time.Duration) string {
	sec := max(int(d/time.Second), 0)
	h, m, s := sec/3600, sec/60%60, sec%60
	if h > 0 {
		return strconv.Itoa(h) + ":" + pad2(m) + ":" + pad2(s)
	}
	return pad2(m) + ":" + pad2(s)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
