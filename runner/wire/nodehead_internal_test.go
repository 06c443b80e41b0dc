package wire

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestCheckHead pins llhttp's verdicts on heads (Newman 6.2.2's, recorded
// in runner/testdata/postman-parity/fresh-round8n-e.json), strict and
// lenient (insecureHTTPParser): "" when the head passes.
func TestCheckHead(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ head, strict, lenient string }{
		{"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n", "", ""},
		{"HTTP/2.0 200\r\n", "", ""},
		{"HTTP/1.1 200 OK\nContent-Length: 2\n", "Missing expected CR after response line", ""},
		{"HTTP/1.1 200 OK\r\nBad Name: x\r\n", "Invalid header token", "Invalid header token"},
		{"HTTP/1.1 200 OK\r\n: x\r\n", "Invalid header token", "Invalid header token"},
		{"HTTP/1.1 200 OK\r\nX-A : v\r\n", "Invalid header token", "Invalid header token"},
		{"HTTP/1.1 200 OK\r\nX-A: a\x01b\r\n", "Invalid header value char", ""},
		{"HTTP/1.1 200 OK\r\nX-A: a\r\n  b\r\n", "Unexpected whitespace after header value", ""},
		{"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n", "Duplicate Content-Length", "Duplicate Content-Length"},
		{"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n", "Transfer-Encoding can't be present with Content-Length", ""},
		{"HTTP/1.1 200 OK\r\nTransfer-Encoding: identity\r\nContent-Length: 2\r\n", "Content-Length can't be present with Transfer-Encoding", ""},
		{"HTTP/1.1 200 OK\r\nContent-Length: -1\r\n", "Invalid character in Content-Length", "Invalid character in Content-Length"},
		{"http/1.1 200 OK\r\n", "Expected HTTP/, RTSP/ or ICE/", "Expected HTTP/, RTSP/ or ICE/"},
		{"hello there\r\n", "Expected HTTP/, RTSP/ or ICE/", "Expected HTTP/, RTSP/ or ICE/"},
	} {
		for _, mode := range []struct {
			lenient bool
			want    string
		}{{false, c.strict}, {true, c.lenient}} {
			err := checkHead([]byte(c.head), mode.lenient)
			got := ""
			if err != nil {
				got = err.(*ParseError).Reason
			}
			assert.Equal(t, mode.want, got, "%q lenient=%v", c.head, mode.lenient)
		}
	}
}

func TestGoHead(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"HTTP/1.1 200 OK\r\nX-A: 1\r\n":                                "",
		"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n":      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n",
		"HTTP/1.1 200 OK\r\nTransfer-Encoding: identity\r\nX-A: 1\r\n": "HTTP/1.1 200 OK\r\nX-A: 1\r\n",
		"HTTP/1.1 200 OK\r\nX-A: a\x01b\r\n":                           "HTTP/1.1 200 OK\r\nX-A: a b\r\n",
		"HTTP/1.1 200 OK\r\ntransfer-encoding: Chunked\r\nX-B: 2\r\n":  "",
	} {
		got, changed := goHead([]byte(in))
		if want == "" {
			assert.False(t, changed, "%q", in)
			continue
		}
		assert.True(t, changed, "%q", in)
		assert.Equal(t, want, string(got), "%q", in)
	}
}

// TestLatin1Value: header text goes out as Node writes it, latin1, and a
// character beyond U+00FF is refused (Newman: "Invalid character in header
// content"); bytes that are not UTF-8 text go as they are.
func TestLatin1Value(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"plain", "plain", true},
		{"café", "caf\xe9", true},
		{"cafÃ©", "caf\xc3\xa9", true},
		{"5€", "", false},
		{"caf\xe9", "caf\xe9", true},
	} {
		got, ok := latin1Value(c.in)
		assert.Equal(t, c.ok, ok, "%q", c.in)
		assert.Equal(t, c.want, got, "%q", c.in)
	}
}

// Every response's head is checked: a usual one costs no allocation.
func TestNodeHeadChecksAllocateNothing(t *testing.T) {
	head := []byte("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: 43\r\nETag: W/\"2b-x\"\r\nDate: Sun, 06 Dec 2026 01:00:00 GMT\r\nConnection: keep-alive\r\n")
	allocs := testing.AllocsPerRun(100, func() {
		if err := checkHead(head, false); err != nil {
			t.Fatal(err)
		}
		if _, changed := goHead(head); changed {
			t.Fatal("changed")
		}
	})
	assert.Zero(t, allocs)
}

// TestParseErrorCodesAndOffsets: llhttp's code and where it stopped
// (Node's err.code and err.bytesParsed), as Newman 6.2.2's pm.sendRequest
// err gave them (fresh-round10n-d).
func TestParseErrorCodesAndOffsets(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		head, code string
		offset     int
	}{
		{"FOO BAR\r\n", "HPE_INVALID_CONSTANT", 0},
		{"ICY 200 OK\r\n", "HPE_INVALID_CONSTANT", 2},
		{"HTTX/1.1 200 OK\r\n", "HPE_INVALID_CONSTANT", 3},
		{"HTTP/x.1 200 OK\r\n", "HPE_INVALID_VERSION", 5},
		{"HTTP/2 200\r\n", "HPE_INVALID_VERSION", 6},
		{"HTTP/1.x 200 OK\r\n", "HPE_INVALID_VERSION", 7},
		{"HTTP/1.12 200 OK\r\n", "HPE_INVALID_VERSION", 8},
		{"HTTP/3.0 200 OK\r\n", "HPE_INVALID_VERSION", 8},
		{"HTTP/1.1 2OO OK\r\n", "HPE_INVALID_STATUS", 10},
		{"HTTP/1.1 1000 Big\r\n", "HPE_INVALID_STATUS", 12},
		{"HTTP/1.1 200 OK\nX-A: 1\n", "HPE_CR_EXPECTED", 16},
		{"HTTP/1.1 200 OK\r\nX-A: 1\n", "HPE_CR_EXPECTED", 23},
		{"HTTP/1.1 200 OK\r\nBad Name: x\r\n", "HPE_INVALID_HEADER_TOKEN", 20},
		{"HTTP/1.1 200 OK\r\n: x\r\n", "HPE_INVALID_HEADER_TOKEN", 17},
		{"HTTP/1.1 200 OK\r\nX-A: a\x01b\r\n", "HPE_INVALID_HEADER_TOKEN", 23},
		{"HTTP/1.1 200 OK\r\nX-A: a\r\n  b\r\n", "HPE_INVALID_HEADER_TOKEN", 25},
		{"HTTP/1.1 200 OK\r\nContent-Length: abc\r\n", "HPE_INVALID_CONTENT_LENGTH", 33},
		{"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n", "HPE_UNEXPECTED_CONTENT_LENGTH", 52},
		{"HTTP/1.1 200 OK\r\nContent-Length: 50\r\nTransfer-Encoding: chunked\r\n", "HPE_INVALID_TRANSFER_ENCODING", 55},
		{"HTTP/1.1 200 OK\r\nTransfer-Encoding: identity\r\nContent-Length: 2\r\n", "HPE_INVALID_CONTENT_LENGTH", 61},
		{"RTSP/1.0 200 OK\r\n", "", 0},
		{"HTTP/2.0 200 OK\r\n", "", 0},
	} {
		err := checkHead([]byte(c.head), false)
		if c.code == "" {
			assert.NoError(t, err, "%q", c.head)
			continue
		}
		pe, ok := err.(*ParseError)
		if assert.True(t, ok, "%q: %v", c.head, err) {
			assert.Equal(t, c.code, pe.Code, "%q", c.head)
			assert.Equal(t, c.offset, pe.Offset, "%q", c.head)
		}
	}
	if pe, ok := checkFirstChunk([]byte("zz\r\nok"), 47).(*ParseError); assert.True(t, ok) {
		assert.Equal(t, 47, pe.Offset)
		assert.Equal(t, "HPE_INVALID_CHUNK_SIZE", pe.Code)
	}
	assert.NoError(t, checkFirstChunk([]byte("2;a=b\r\nok"), 0))
	got, changed := goHead([]byte("RTSP/1.0 200 OK\r\nX-A: 1\r\n"))
	assert.True(t, changed)
	assert.Equal(t, "HTTP/1.0 200 OK\r\nX-A: 1\r\n", string(got))
}
