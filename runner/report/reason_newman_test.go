package report

import (
	"testing"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
)

// A status line without a reason phrase ("HTTP/1.1 299"): the runner names
// it from http-reasons when the table has the code (413: Request Entity
// Too Large), and leaves it empty otherwise. Newman 6.2.2 then prints
// response.reason(), undefined, in the request line and counts it in the
// size, and its JSON report has no status (recorded by hand, hck3 session
// 21, against a loopback server answering "HTTP/1.1 <code>\r\n
// Content-Length: 2\r\nConnection: close\r\n\r\nok": [299 undefined, 66B],
// [413 Request Entity Too Large, 81B], [451 undefined, 66B]).
func TestStatusWithoutReasonAsNewman(t *testing.T) {
	t.Parallel()
	head := []collections.Header{{Key: "Content-Length", Value: "2"}, {Key: "Connection", Value: "close"}}
	for _, c := range []struct {
		code      int
		status    string
		cli, json string
		size      int64
	}{
		{299, "", "undefined", "", 66},
		{451, "", "undefined", "", 66},
		{413, "Request Entity Too Large", "Request Entity Too Large", "Request Entity Too Large", 81},
	} {
		r := &runner.Response{Code: c.code, Status: c.status, Header: head, Body: []byte("ok")}
		if got := reason(r); got != c.cli {
			t.Errorf("%d: the CLI's reason is %q, Newman prints %q", c.code, got, c.cli)
		}
		if got := jsonStatus(r); got != c.json {
			t.Errorf("%d: the JSON report's status is %q, Newman's is %q", c.code, got, c.json)
		}
		if got := responseSize(r); got != c.size {
			t.Errorf("%d: the size is %d B, Newman's is %d B", c.code, got, c.size)
		}
	}
}
