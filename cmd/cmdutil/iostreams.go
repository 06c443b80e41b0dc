package cmdutil

import (
	"bytes"
	"io"
	"os"
	"runtime"

	"github.com/mattn/go-isatty"
)

// IOStreams are the process's streams with what is known about them.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	outTTY, errTTY, inTTY bool
	// Env reads the process environment (tests inject their own).
	Env func(string) string
	// MaxProcs sets GOMAXPROCS and returns the previous setting; nil where
	// the process is not the command's (tests).
	MaxProcs func(int) int
}

// System returns the real streams.
func System() *IOStreams {
	return &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		outTTY: isTerminal(os.Stdout), errTTY: isTerminal(os.Stderr), inTTY: isTerminal(os.Stdin),
		Env: os.Getenv, MaxProcs: runtime.GOMAXPROCS,
	}
}

func isTerminal(f *os.File) bool {
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

// Test returns streams backed by buffers, none of them a TTY, and an
// environment that is empty but for COURIER_STATE_DIR, a fresh temporary
// directory: a test never reads or writes the user's current values.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	state, err := os.MkdirTemp("", "courier-test-state-")
	if err != nil {
		state = os.DevNull // an unusable dir: stores fail and say so
	}
	env := func(k string) string {
		if k == "COURIER_STATE_DIR" {
			return state
		}
		return ""
	}
	return &IOStreams{In: in, Out: out, ErrOut: errOut, Env: env}, in, out, errOut
}

// IsStdoutTTY reports whether stdout is a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.outTTY }

// IsStderrTTY reports whether stderr is a terminal.
func (s *IOStreams) IsStderrTTY() bool { return s.errTTY }

// IsStdinTTY reports whether stdin is a terminal.
func (s *IOStreams) IsStdinTTY() bool { return s.inTTY }

// SetStdoutTTY overrides TTY detection (tests).
func (s *IOStreams) SetStdoutTTY(v bool) { s.outTTY = v }

// ColorEnabled decides colour for stdout from the --color flag
// ("on", "off", "auto"), NO_COLOR and TERM=dumb.
func (s *IOStreams) ColorEnabled(flag string) bool {
	switch flag {
	case "on":
		return true
	case "off":
		return false
	}
	if s.Env("NO_COLOR") != "" || s.Env("TERM") == "dumb" {
		return false
	}
	return s.outTTY
}
