// Package report holds courier's run reporters: cli, progress, json and
// junit, shaped like Newman 6.2.2's. Each reporter is a runner.Sink with a
// Close method and writes only to the io.Writer it is given, so callers can
// wrap every output (for example to redact secrets).
package report

import (
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/courier-run/courier/runner"
)

// Reporter is a run sink that must be closed once the run is done. Close
// flushes what is buffered and reports the first write error.
type Reporter interface {
	runner.Sink
	Close() error
}

// errWriter remembers the first write error so reporters can keep their
// event handlers free of error plumbing and report it at Close.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	if err != nil {
		e.err = err
	}
	return n, err
}

func (e *errWriter) print(s string) { io.WriteString(e, s) }

// fullName is Newman's util.getFullName: folder names and the item name
// joined with " / ".
func fullName(it runner.ItemRef) string {
	if it.IsZero() {
		return ""
	}
	path := it.Path()
	if it.Name == "" {
		// Newman's getFullName takes an item's id when it has no name.
		path[len(path)-1] = it.ID
	}
	return strings.Join(path, " / ")
}

// ms converts a duration to (fractional) milliseconds, Newman's unit.
func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// prettyMS renders milliseconds as Newman's util.prettyms does: µs below
// 1ms, whole ms below 1998ms, then pretty-ms style "1m 2.5s".
func prettyMS(v float64) string {
	if v < 1 {
		return strconv.Itoa(int(v*1000)) + "µs"
	}
	if v < 1998 {
		return strconv.Itoa(int(v)) + "ms"
	}
	total := int64(v)
	days := total / 86400000
	var parts []string
	add := func(n int64, unit string) {
		if n != 0 {
			parts = append(parts, strconv.FormatInt(n, 10)+unit)
		}
	}
	add(days/365, "y")
	add(days%365, "d")
	add(total/3600000%24, "h")
	add(total/60000%60, "m")
	// Seconds keep one decimal, floored, and drop a trailing ".0".
	sec := math.Mod(v/1000, 60)
	s := strconv.FormatFloat(math.Floor(sec*10+1e-7)/10, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if s != "0" {
		parts = append(parts, s+"s")
	}
	if len(parts) == 0 {
		return "0ms"
	}
	return strings.Join(parts, " ")
}

// fileSize renders a byte count as Newman does (npm filesize with no
// spacer): decimal units, two rounded decimals, trailing zeros dropped.
func fileSize(n int64) string {
	units := []string{"B", "kB", "MB", "GB", "TB", "PB", "EB"}
	if n <= 0 {
		return "0B"
	}
	e := int(math.Floor(math.Log10(float64(n)) / 3))
	if e >= len(units) {
		e = len(units) - 1
	}
	v := float64(n) / math.Pow(1000, float64(e))
	r := math.Round(v*100) / 100
	if r >= 1000 && e < len(units)-1 {
		e++
		r = 1
	}
	if e == 0 {
		return strconv.FormatInt(n, 10) + "B"
	}
	return strconv.FormatFloat(r, 'f', -1, 64) + units[e]
}

// padLeft right-aligns s in a field of n runes.
func padLeft(s string, n int) string {
	if k := n - utf8.RuneCountInString(s); k > 0 {
		return strings.Repeat(" ", k) + s
	}
	return s
}

// cutLines splits text into lines and hard-cuts each at width runes, as
// Newman's word-wrap (cut: true) does. Empty lines are dropped, as Newman
// strips blank lines from console boxes.
func cutLines(text string, width int) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		r := []rune(line)
		for len(r) > 0 {
			n := min(width, len(r))
			out = append(out, string(r[:n]))
			r = r[n:]
		}
	}
	return out
}

// wordWrap breaks s into lines of at most width runes at spaces, cutting
// words longer than width. Existing newlines are kept.
func wordWrap(s string, width int) []string {
	if width <= 0 {
		return strings.Split(s, "\n")
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			for utf8.RuneCountInString(word) > width {
				if line != "" {
					out = append(out, line)
					line = ""
				}
				r := []rune(word)
				out = append(out, string(r[:width]))
				word = string(r[width:])
			}
			switch {
			case line == "":
				line = word
			case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) <= width:
				line += " " + word
			default:
				out = append(out, line)
				line = word
			}
		}
		out = append(out, line)
	}
	return out
}

// errorName returns a JavaScript error class name for err: its ErrorName
// method when it has one (script errors from the engine), else "Error".
func errorName(err error) string {
	var ei *runner.ErrorInfo
	if errors.As(err, &ei) {
		// "" for a script that threw a value without a name, as Newman
		// has it (its CLI log prints "undefined").
		return ei.Name
	}
	var n interface{ ErrorName() string }
	if errors.As(err, &n) && n.ErrorName() != "" {
		return n.ErrorName()
	}
	return "Error"
}
