// Package cmdutil holds what every courier command shares: the process's
// streams, exit codes and error types.
package cmdutil

import (
	"errors"
	"fmt"
)

// ExitCode is the process exit status.
type ExitCode int

// Exit codes, documented in the README.
const (
	ExitOK          ExitCode = 0   // everything passed
	ExitFailures    ExitCode = 1   // assertion, script or request failures (as Newman)
	ExitUsage       ExitCode = 2   // bad flags or arguments
	ExitInput       ExitCode = 3   // unusable input: missing or malformed collection, environment, data
	ExitVault       ExitCode = 4   // the vault (OS keyring) is unavailable
	ExitInterrupted ExitCode = 130 // Ctrl-C
)

// FlagError is a usage error: the command prints its usage with it.
type FlagError struct{ Err error }

func (e *FlagError) Error() string { return e.Err.Error() }
func (e *FlagError) Unwrap() error { return e.Err }

// FlagErrorf builds a FlagError.
func FlagErrorf(format string, args ...any) error {
	return &FlagError{Err: fmt.Errorf(format, args...)}
}

// ExitError carries an exit code with an error; a nil Err prints nothing.
type ExitError struct {
	Code ExitCode
	Err  error
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit %d", e.Code)
	}
	return e.Err.Error()
}
func (e *ExitError) Unwrap() error { return e.Err }

// WithExitCode wraps err with code unless it already carries one.
func WithExitCode(err error, code ExitCode) error {
	if err == nil {
		return nil
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		return err
	}
	return &ExitError{Code: code, Err: err}
}

// ErrSilent exits non-zero without printing anything more.
var ErrSilent = errors.New("silent")

// ExitCodeOf is the exit code an error carries: 0 for nil, the code of an
// ExitError, ExitUsage for a FlagError, and -1 for anything else (the root
// command maps those).
func ExitCodeOf(err error) ExitCode {
	var ee *ExitError
	var fe *FlagError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &ee):
		return ee.Code
	case errors.As(err, &fe):
		return ExitUsage
	}
	return -1
}
