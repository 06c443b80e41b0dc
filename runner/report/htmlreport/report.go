package htmlreport

import (
	"io"

	"github.com/courier-run/courier/runner/report/jsonreport"
)

// WriteReport renders a report held in memory, such as the merge of
// several shards' reports. It goes through the same reader as a saved
// report, so both give the same page.
func WriteReport(w io.Writer, rep *jsonreport.Report, o Options) error {
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(rep.Write(pw)) }()
	err := Render(w, pr, o)
	// Unblock the encoder if Render stopped before the end.
	pr.Close()
	return err
}
