package report

import (
	"errors"

	"github.com/courier-run/courier/runner"
)

// requestErrorJSON renders a network error as Newman's requestError: Node's
// system error fields (errno, code, syscall, address, port, hostname), which
// tools read, plus name, message and stack. The runner derives those fields
// (runner.ErrorInfo); fields it could not derive stay out.
func requestErrorJSON(err error) *jsonError {
	name := errorName(err)
	je := &jsonError{Name: name, Message: err.Error(), Stack: name + ": " + err.Error()}
	var ei *runner.ErrorInfo
	if errors.As(err, &ei) {
		je.Code, je.Errno, je.Syscall, je.Address, je.Port, je.Hostname = ei.Code, ei.Errno, ei.Syscall, ei.Address, ei.Port, ei.Hostname
		je.Connect = ei.Connect
	}
	return je
}
