package report

import (
	"errors"

	"github.com/courier-run/courier/runner"
)

// requestErrorJSON renders a network error as Newman's requestError: Node's
// system error fields (errno, code, syscall, address, port, hostname), which
// tools read, plus name, message and stack. The runner derives those fields
// (runner.ErrorInfo); fields it could not derive stay out. url is the
// request's, whose scheme Node's stack frames show (requestErrorStack).
func requestErrorJSON(err error, url string) *jsonError {
	je := &jsonError{Name: errorName(err), Message: err.Error(), Stack: requestErrorStack(err, url)}
	var ei *runner.ErrorInfo
	if errors.As(err, &ei) {
		je.Code, je.Errno, je.Syscall, je.Address, je.Port, je.Hostname = ei.Code, ei.Errno, ei.Syscall, ei.Address, ei.Port, ei.Hostname
		je.Connect = ei.Connect
		if ei.BytesParsed != nil {
			// A response Node's parser refused: llhttp's fields, which
			// Newman's error carries (and its checksum hashes).
			je.BytesParsed, je.Reason, je.RawPacket = ei.BytesParsed, ei.Reason, ei.RawPacket
		}
	}
	return je
}
