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
// first (checkHead).
type ParseError struct{ Reason string }

func (e *ParseError) Error() string { return "Parse Error: " + e.Reason }

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
	if !bytes.HasPrefix(head, []byte("HTTP/")) {
		return &ParseError{Reason: "Expected HTTP/, RTSP/ or ICE/"}
	}
	if err := checkStatus(head); err != nil {
		return err
	}
	line, rest, _ := bytes.Cut(bytes.TrimSuffix(head, []byte("\n")), []byte("\n"))
	if _, err := cutCR(line, lenient, "Missing expected CR after response line"); err != nil {
		return err
	}
	var f framing
	for len(rest) > 0 {
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		l, err := cutCR(line, lenient, "Missing expected CR after header value")
		if err != nil {
			return err
		}
		if err := f.checkField(l, lenient); err != nil {
			return err
		}
	}
	return nil
}

// cutCR checks that a line (its "\n" gone) ended in CR LF and returns it
// without the CR; a lenient parser also takes a bare line feed.
func cutCR(l []byte, lenient bool, reason string) ([]byte, error) {
	if t, ok := bytes.CutSuffix(l, []byte("\r")); ok {
		return t, nil
	}
	if !lenient {
		return nil, &ParseError{Reason: reason}
	}
	return l, nil
}

// framing is what checkHead has seen so far of the fields that frame the
// body.
type framing struct{ length, encoding bool }

// checkField checks one header line (its line break gone) as llhttp
// does.
func (f *framing) checkField(l []byte, lenient bool) error {
	if len(l) > 0 && (l[0] == ' ' || l[0] == '\t') {
		if !lenient {
			return &ParseError{Reason: "Unexpected whitespace after header value"}
		}
		return nil // a folded line
	}
	name, value, ok := bytes.Cut(l, []byte(":"))
	if !ok || len(name) == 0 || !isToken(name) {
		return &ParseError{Reason: "Invalid header token"}
	}
	if !lenient && !validFieldValue(value) {
		return &ParseError{Reason: "Invalid header value char"}
	}
	switch {
	case asciiFold(name, "content-length"):
		return f.sawLength(value, lenient)
	case asciiFold(name, "transfer-encoding"):
		if f.length && !lenient {
			return &ParseError{Reason: "Transfer-Encoding can't be present with Content-Length"}
		}
		f.encoding = true
	}
	return nil
}

// sawLength checks a Content-Length field's value and its company.
func (f *framing) sawLength(value []byte, lenient bool) error {
	for _, c := range bytes.Trim(value, " \t") {
		if c < '0' || c > '9' {
			return &ParseError{Reason: "Invalid character in Content-Length"}
		}
	}
	if f.length {
		return &ParseError{Reason: "Duplicate Content-Length"}
	}
	if f.encoding && !lenient {
		return &ParseError{Reason: "Content-Length can't be present with Transfer-Encoding"}
	}
	f.length = true
	return nil
}

// validFieldValue reports whether a header value holds no control
// character other than tab.
func validFieldValue(value []byte) bool {
	for _, c := range value {
		if c != '\t' && (c < ' ' || c == 0x7f) {
			return false
		}
	}
	return true
}

// checkStatus checks the status line's code: three digits, then a space
// or the line's end.
func checkStatus(head []byte) error {
	_, rest, ok := bytes.Cut(head, []byte(" "))
	if !ok {
		return nil // net/http words a status line without a code
	}
	for i := range 3 {
		if i >= len(rest) || rest[i] < '0' || rest[i] > '9' {
			return &ParseError{Reason: "Invalid status code"}
		}
	}
	if len(rest) > 3 && rest[3] != ' ' && rest[3] != '\r' && rest[3] != '\n' {
		return &ParseError{Reason: "Invalid response status"}
	}
	return nil
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
		return &ParseError{Reason: "Expected HTTP/, RTSP/ or ICE/"}
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

// isToken reports whether b is an HTTP token (RFC 9110 tchar).
func isToken(b []byte) bool {
	for _, c := range b {
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, c) >= 0 {
			return false
		}
	}
	return true
}

// goHead is head as Go's parser must read it to frame and take the
// response as Node does, and whether that differs from head: a
// Transfer-Encoding whose last coding is chunked reads as chunked alone
// (Node does not undo the others), one without chunked is dropped (the
// body then runs to its Content-Length or the end of the connection), and
// control characters a lenient parser let through become spaces. Scripts
// still see the fields as they came (peekHead).
func goHead(head []byte) ([]byte, bool) {
	if !needsGoHead(head) {
		return head, false
	}
	lines := bytes.SplitAfter(head, []byte("\n"))
	changed := false
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
