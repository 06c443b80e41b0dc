package report

import (
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
)

// ProgressOptions configure the progress reporter.
type ProgressOptions struct {
	Silent bool
	// TTY redraws the bar in place with "\r" as items finish. Off a
	// terminal only the final bar is printed, once.
	TTY bool
	// Clock drives the ETA and redraw throttling; nil means time.Now.
	Clock func() time.Time
}

// Progress is Newman's progress reporter: one bar of items done over items
// planned (cli-progress's default look).
type Progress struct {
	out       *errWriter
	o         ProgressOptions
	total     int
	done      int
	start     time.Time
	lastDraw  time.Time
	finished  bool
	lastWidth int
}

const (
	progressBarWidth = 40
	progressRedraw   = 100 * time.Millisecond // cli-progress's 10 fps
)

var _ Reporter = (*Progress)(nil)

// NewProgress returns a progress reporter writing to w.
func NewProgress(w io.Writer, o ProgressOptions) *Progress {
	if o.Clock == nil {
		o.Clock = time.Now
	}
	return &Progress{out: &errWriter{w: w}, o: o}
}

// Handle advances the bar.
func (p *Progress) Handle(ev runner.Event) {
	if p.o.Silent {
		return
	}
	switch e := ev.(type) {
	case runner.StartEvent:
		per := e.Total
		if per == 0 && e.Collection != nil {
			collections.Walk(e.Collection.Items, func(*collections.Item) error { per++; return nil })
		}
		p.total = per * max(e.Iterations, 1)
		p.start = p.o.Clock()
		if p.o.TTY {
			p.draw(p.start)
		}
	case runner.ItemDoneEvent:
		p.done++
		if !p.o.TTY {
			return
		}
		if now := p.o.Clock(); now.Sub(p.lastDraw) >= progressRedraw {
			p.draw(now)
		}
	case runner.DoneEvent:
		p.finish()
	}
}

// Close ends the bar's line and reports the first write error.
func (p *Progress) Close() error {
	if !p.o.Silent {
		p.finish()
	}
	return p.out.err
}

func (p *Progress) finish() {
	if p.finished {
		return
	}
	p.finished = true
	p.draw(p.o.Clock())
	p.out.print("\n")
}

func (p *Progress) draw(now time.Time) {
	p.lastDraw = now
	line := p.line(now)
	if p.o.TTY {
		// Pad over a longer previous line (the ETA can shrink).
		pad := max(p.lastWidth-len(line), 0)
		p.out.print("\r" + line + strings.Repeat(" ", pad))
	} else if p.finished {
		p.out.print(line)
	}
	p.lastWidth = len(line)
}

// line renders "progress [====----] 50% | ETA: 3s | 3/6". setNextRequest
// loops can run more items than planned; the bar then stays full.
func (p *Progress) line(now time.Time) string {
	frac := 1.0
	if p.total > 0 {
		frac = math.Min(float64(p.done)/float64(p.total), 1)
	}
	full := int(math.Round(frac * progressBarWidth))
	eta := 0
	if p.done > 0 && p.done < p.total {
		elapsed := now.Sub(p.start).Seconds()
		eta = int(math.Round(elapsed / float64(p.done) * float64(p.total-p.done)))
	}
	return fmt.Sprintf("progress [%s%s] %d%% | ETA: %ds | %d/%d",
		strings.Repeat("=", full), strings.Repeat("-", progressBarWidth-full),
		int(math.Floor(frac*100)), eta, p.done, p.total)
}
