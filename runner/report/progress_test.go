package report

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// tick is a clock that advances one second per call.
func tick() func() time.Time {
	now := t0
	return func() time.Time { now = now.Add(time.Second); return now }
}

func TestProgressTTYRedraws(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	p := NewProgress(&buf, ProgressOptions{TTY: true, Clock: tick()})
	play(p, newDemo().events())
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	golden(t, "progress_tty.golden", buf.Bytes())
	frames := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\r")
	if len(frames) != 11 { // "" + start + 8 items + done
		t.Fatalf("%d frames: %q", len(frames), frames)
	}
	if got := strings.TrimSpace(frames[len(frames)-1]); got != "progress [========================================] 100% | ETA: 0s | 8/8" {
		t.Errorf("last frame = %q", got)
	}
	if !strings.Contains(frames[5], "50% | ETA: 4s | 4/8") {
		t.Errorf("half-way frame = %q", frames[5])
	}
}

func TestProgressNonTTYPrintsOnce(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	p := NewProgress(&buf, ProgressOptions{Clock: tick()})
	play(p, newDemo().events())
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != "progress [========================================] 100% | ETA: 0s | 8/8\n" {
		t.Errorf("output = %q", got)
	}
}

func TestProgressSilent(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	p := NewProgress(&buf, ProgressOptions{Silent: true, TTY: true})
	play(p, newDemo().events())
	p.Close()
	if buf.Len() != 0 {
		t.Errorf("silent progress wrote %q", buf.String())
	}
}
