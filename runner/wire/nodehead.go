package wire

import (
	"bytes"
	"context"
	"strings"
)

// ParseError is a response head Node's HTTP parser (llhttp) refuses, in
// its words ("Invalid header token"); Newman reports it as
// "Parse Error: <Reason>". Go's parser takes some of these heads and
// refuses others with words of its own, so the transport checks the head
// first (checkHead). Code is llhttp's error code and Offset where in the
// packet it stopped (Node's err.code and err.bytesParsed); Packet is what
// had arrived (err.rawPacket).
type ParseError struct {
	Reason string
	Code   string
	Offset int
	Packet []byte
}

func (e *ParseError) Error() string { return "Parse Error: " + e.Reason }

// parseErr is llhttp's error for reason at offset at.
func parseErr(reason string, at int) *ParseError {
	return &ParseError{Reason: reason, Code: hpeCodes[reason], Offset: at}
}

// hpeCodes are llhttp's codes for its reasons (Node 20, fresh-round10n-d).
var hpeCodes = map[string]string{
	reasonConstant:                                           "HPE_INVALID_CONSTANT",
	"Invalid major version":                                  "HPE_INVALID_VERSION",
	"Invalid minor version":                                  "HPE_INVALID_VERSION",
	"Expected dot":                                           "HPE_INVALID_VERSION",
	"Expected space after version":                           "HPE_INVALID_VERSION",
	"Invalid HTTP version":                                   "HPE_INVALID_VERSION",
	"Invalid status code":                                    "HPE_INVALID_STATUS",
	"Invalid response status":                                "HPE_INVALID_STATUS",
	"Missing expected CR after response line":                "HPE_CR_EXPECTED",
	"Missing expected CR after header value":                 "HPE_CR_EXPECTED",
	"Invalid header token":                                   "HPE_INVALID_HEADER_TOKEN",
	"Invalid header value char":                              "HPE_INVALID_HEADER_TOKEN",
	"Unexpected whitespace after header value":               "HPE_INVALID_HEADER_TOKEN",
	"Duplicate Content-Length":                               "HPE_UNEXPECTED_CONTENT_LENGTH",
	"Invalid character in Content-Length":                    "HPE_INVALID_CONTENT_LENGTH",
	"Content-Length can't be present with Transfer-Encoding": "HPE_INVALID_CONTENT_LENGTH",
	"Transfer-Encoding can't be present with Content-Length": "HPE_INVALID_TRANSFER_ENCODING",
	reasonChunkSize:                                          "HPE_INVALID_CHUNK_SIZE",
}

const (
	reasonConstant  = "Expected HTTP/, RTSP/ or ICE/"
	reasonChunkSize = "Invalid character in chunk size"
)

type lenientKey struct{}

// WithLenientParser marks a request whose response is read as Node's
// insecureHTTPParser reads it: control characters in values, folded lines
// and bare line feeds pass, and so do Content-Length and
// Transfer-Encoding together.
func WithLenientParser(ctx context.Context) context.Context {
	return context.WithValue(ctx, lenientKey{}, true)
}

func lenientParser(ctx context.Context) bool {
	v, _ := ctx.Value(lenientKey{}).(bool)
	return v
}

// rawHead is the response head at the start of buf: its lines, each with
// its line break, up to the blank line; nil when it is not all there.
func rawHead(buf []byte) []byte {
	i := headEnd(buf)
	switch {
	case i < 0:
		return nil
	case buf[i] == '\r':
		return buf[:i+2]
	}
	return buf[:i+1]
}

// checkHead walks a response head as llhttp does and returns its error for
// the first fault, or nil. head is rawHead's. The lines are walked in
// place, without allocating: this runs on every response.
func checkHead(head []byte, lenient bool) error {
	line, rest, _ := bytes.Cut(head, []byte("\n"))
	if err := checkStatusLine(line); err != nil {
		return err
	}
	if _, err := cutCR(line, lenient, "Missing expected CR after response line", len(line)+1); err != nil {
		return err
	}
	var f framing
	for at := len(line) + 1; len(rest) > 0; {
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		l, err := cutCR(line, lenient, "Missing expected CR after header value", at+len(line))
		if err != nil {
			return err
		}
		if err := f.checkField(l, at, lenient); err != nil {
			return err
		}
		at += len(line) + 1
	}
	return nil
}

// cutCR checks that a line (its "\n" gone) ended in CR LF and returns it
// without the CR; a lenient parser also takes a bare line feed. at is
// where llhttp stops when the CR is missing.
func cutCR(l []byte, lenient bool, reason string, at int) ([]byte, error) {
	if t, ok := bytes.CutSuffix(l, []byte("\r")); ok {
		return t, nil
	}
	if !lenient {
		return nil, parseErr(reason, at)
	}
	return l, nil
}

// framing is what checkHead has seen so far of the fields that frame the
// body.
type framing struct{ length, encoding bool }

// checkField checks one header line (its line break gone), which starts
// at offset at, as llhttp does.
func (f *framing) checkField(l []byte, at int, lenient bool) error {
	if len(l) > 0 && (l[0] == ' ' || l[0] == '\t') {
		if !lenient {
			return parseErr("Unexpected whitespace after header value", at)
		}
		return nil // a folded line
	}
	name, value, ok := bytes.Cut(l, []byte(":"))
	if i := notToken(name); !ok || len(name) == 0 || i >= 0 {
		if i < 0 {
			i = len(name)
		}
		return parseErr("Invalid header token", at+i)
	}
	valueAt := at + len(name) + 1
	if i := badValueChar(value); !lenient && i >= 0 {
		return parseErr("Invalid header value char", valueAt+i)
	}
	switch {
	case asciiFold(name, "content-length"):
		return f.sawLength(value, valueAt, lenient)
	case asciiFold(name, "transfer-encoding"):
		if f.length && !lenient {
			return parseErr("Transfer-Encoding can't be present with Content-Length", valueAt)
		}
		f.encoding = true
	}
	return nil
}

// sawLength checks a Content-Length field's value, which starts at offset
// at, and its company.
func (f *framing) sawLength(value []byte, at int, lenient bool) error {
	first := len(value) - len(bytes.TrimLeft(value, " \t"))
	for i, c := range bytes.TrimRight(value, " \t") {
		if i >= first && (c < '0' || c > '9') {
			return parseErr("Invalid character in Content-Length", at+i)
		}
	}
	if f.length {
		return parseErr("Duplicate Content-Length", at+first)
	}
	if f.encoding && !lenient {
		return parseErr("Content-Length can't be present with Transfer-Encoding", at)
	}
	f.length = true
	return nil
}

// badValueChar is the index of the first control character other than
// tab in a header value; -1 for none.
func badValueChar(value []byte) int {
	for i, c := range value {
		if c != '\t' && (c < ' ' || c == 0x7f) {
			return i
		}
	}
	return -1
}

// protocols are the protocols llhttp reads a response line of.
var protocols = [...]string{"HTTP/", "RTSP/", "ICE/"}

// checkStatusLine checks the response line (its "\n" gone) as llhttp
// does: the protocol, the version (0.9, 1.0, 1.1 or 2.0) and three digits
// of status code, then a space or the line's end.
func checkStatusLine(line []byte) error {
	p, err := protocolEnd(line)
	if err != nil {
		return err
	}
	if done, err := checkVersion(line, p); done || err != nil {
		return err
	}
	s := p + 4
	for i := range 3 {
		if !isDigit(byteAt(line, s+i)) {
			return parseErr("Invalid status code", s+i)
		}
	}
	if c := byteAt(line, s+3); c != 0 && c != ' ' && c != '\r' {
		return parseErr("Invalid response status", s+3)
	}
	return nil
}

// protocolEnd is where the response line's protocol (HTTP/, RTSP/, ICE/)
// ends; llhttp picks the protocol by the first byte and stops at the
// first that differs.
func protocolEnd(line []byte) (int, error) {
	for _, proto := range protocols {
		if len(line) == 0 || line[0] != proto[0] {
			continue
		}
		n := 0
		for n < len(proto) && n < len(line) && line[n] == proto[n] {
			n++
		}
		if n < len(proto) {
			return 0, parseErr(reasonConstant, n)
		}
		return n, nil
	}
	return 0, parseErr(reasonConstant, 0)
}

// checkVersion checks the version at p; done when the line ends after it
// (net/http words a status line without a code).
func checkVersion(line []byte, p int) (done bool, err error) {
	major, minor := byteAt(line, p), byteAt(line, p+2)
	switch {
	case !isDigit(major):
		return false, parseErr("Invalid major version", p)
	case byteAt(line, p+1) != '.':
		return false, parseErr("Expected dot", p+1)
	case !isDigit(minor):
		return false, parseErr("Invalid minor version", p+2)
	case byteAt(line, p+3) == 0 || byteAt(line, p+3) == '\r':
		return true, nil
	case byteAt(line, p+3) != ' ':
		return false, parseErr("Expected space after version", p+3)
	case !(major == '1' && (minor == '0' || minor == '1') || major == '0' && minor == '9' || major == '2' && minor == '0'):
		return false, parseErr("Invalid HTTP version", p+3)
	}
	return false, nil
}

// byteAt is line[i], 0 past its end.
func byteAt(line []byte, i int) byte {
	if i < len(line) {
		return line[i]
	}
	return 0
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// checkFirstChunk checks the chunk-size line of a chunked body's first
// chunk, as far as it has arrived (body), which starts at offset at:
// llhttp refuses a character that is not a hex digit before the line's
// end or an extension.
func checkFirstChunk(body []byte, at int) error {
	for i, c := range body {
		switch {
		case isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F':
			continue
		case i > 0 && (c == '\r' || c == ';' || c == ' ' || c == '\t'):
			return nil
		}
		return parseErr(reasonChunkSize, at+i)
	}
	return nil
}

// withPacket gives a parse error the packet it was found in (copied) and
// moves its offset by base, where what was checked starts in the packet.
func withPacket(err error, packet []byte, base int) error {
	if pe, ok := err.(*ParseError); ok {
		pe.Offset += base
		pe.Packet = bytes.Clone(packet)
	}
	return err
}

// headChunked reports whether a head's last Transfer-Encoding ends in
// chunked.
func headChunked(head []byte) bool {
	chunked := false
	for _, l := range bytes.Split(head, []byte("\n")) {
		name, value, ok := bytes.Cut(l, []byte(":"))
		if ok && asciiFold(name, "transfer-encoding") {
			v := bytes.TrimRight(value, " \t\r")
			chunked = len(v) >= 7 && asciiFold(v[len(v)-7:], "chunked")
		}
	}
	return chunked
}

// checkAfterBodiless is what Node's parser says of bytes already
// received after a response that has no body (a 204, a 304, an answer to
// HEAD): it reads them as the next response, so anything that does not
// start as one fails the request. nil when nothing came after.
func checkAfterBodiless(after []byte) error {
	if len(after) == 0 {
		return nil
	}
	n := min(len(after), 5)
	if !bytes.Equal(after[:n], []byte("HTTP/")[:n]) {
		i := 0
		for i < n && after[i] == "HTTP/"[i] {
			i++
		}
		return parseErr(reasonConstant, i)
	}
	return nil
}

// asciiFold reports whether b is word (lower case) in any case, without
// converting b.
func asciiFold(b []byte, word string) bool {
	if len(b) != len(word) {
		return false
	}
	for i := range b {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != word[i] {
			return false
		}
	}
	return true
}

// needsGoHead reports whether goHead would change head, without
// allocating: whether it names a Transfer-Encoding or holds a control
// character other than tab and the line ends.
func needsGoHead(head []byte) bool {
	if !bytes.HasPrefix(head, []byte("HTTP/")) {
		return true // RTSP/ or ICE/, which llhttp reads too
	}
	for i, c := range head {
		if c < ' ' && c != '\t' && c != '\r' && c != '\n' || c == 0x7f {
			return true
		}
		if c == '\n' && i+18 <= len(head) && asciiFold(head[i+1:i+18], "transfer-encoding") {
			return true
		}
	}
	return false
}

// notToken is the index of b's first byte that is not an HTTP token's
// (RFC 9110 tchar); -1 when b is a token.
func notToken(b []byte) int {
	for i, c := range b {
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, c) >= 0 {
			return i
		}
	}
	return -1
}

// goHead is head as Go's parser must read it to frame and take the
// response as Node does, and whether that differs from head: a
// Transfer-Encoding whose last coding is chunked reads as chunked alone
// (Node does not undo the others), one without chunked is dropped (the
// body then runs to its Content-Length or the end of the connection), and
// control characters a lenient parser let through become spaces, and an
// RTSP/ or ICE/ response line reads as HTTP/. Scripts
// still see the fields as they came (peekHead).
func goHead(head []byte) ([]byte, bool) {
	if !needsGoHead(head) {
		return head, false
	}
	changed := false
	if !bytes.HasPrefix(head, []byte("HTTP/")) {
		// An RTSP/ or ICE/ response line, which llhttp reads as it reads
		// HTTP's; Go's reader knows HTTP/ alone.
		_, rest, _ := bytes.Cut(head, []byte("/"))
		head, changed = append([]byte("HTTP/"), rest...), true
	}
	lines := bytes.SplitAfter(head, []byte("\n"))
	out := make([]byte, 0, len(head))
	for _, l := range lines {
		name, value, ok := bytes.Cut(l, []byte(":"))
		if ok && strings.EqualFold(string(bytes.TrimSpace(name)), "transfer-encoding") {
			codings := strings.Split(string(bytes.TrimSpace(value)), ",")
			last := strings.ToLower(strings.TrimSpace(codings[len(codings)-1]))
			switch {
			case last != "chunked":
				changed = true
				continue
			case len(codings) > 1:
				changed = true
				l = []byte("Transfer-Encoding: chunked\r\n")
			}
		}
		for i, c := range l {
			if c < ' ' && c != '\t' && c != '\r' && c != '\n' || c == 0x7f {
				if !changed {
					l = bytes.Clone(l)
				}
				l[i], changed = ' ', true
			}
		}
		out = append(out, l...)
	}
	return out, changed
}
