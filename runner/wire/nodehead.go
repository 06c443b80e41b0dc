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
// the first fault, or nil. head is rawHead's.
func checkHead(head []byte, lenient bool) error {
	fail := func(reason string) error { return &ParseError{Reason: reason} }
	if !bytes.HasPrefix(head, []byte("HTTP/")) {
		return fail("Expected HTTP/, RTSP/ or ICE/")
	}
	if err := checkStatus(head); err != nil {
		return err
	}
	// The lines are walked in place: this runs on every response.
	rest := bytes.TrimSuffix(head, []byte("\n"))
	next := func() []byte {
		l, after, _ := bytes.Cut(rest, []byte("\n"))
		rest = after
		return l
	}
	// crlf checks that a line (its "\n" gone) ended in CR LF.
	crlf := func(l []byte, reason string) ([]byte, error) {
		if t, ok := bytes.CutSuffix(l, []byte("\r")); ok {
			return t, nil
		}
		if !lenient {
			return nil, fail(reason)
		}
		return l, nil
	}
	if _, err := crlf(next(), "Missing expected CR after response line"); err != nil {
		return err
	}
	var haveLength, haveEncoding bool
	for len(rest) > 0 {
		l, err := crlf(next(), "Missing expected CR after header value")
		if err != nil {
			return err
		}
		if len(l) > 0 && (l[0] == ' ' || l[0] == '\t') {
			if !lenient {
				return fail("Unexpected whitespace after header value")
			}
			continue
		}
		name, value, ok := bytes.Cut(l, []byte(":"))
		if !ok || len(name) == 0 || !isToken(name) {
			return fail("Invalid header token")
		}
		if !lenient {
			for _, c := range value {
				if c != '\t' && (c < ' ' || c == 0x7f) {
					return fail("Invalid header value char")
				}
			}
		}
		switch {
		case asciiFold(name, "content-length"):
			v := bytes.Trim(value, " \t")
			for _, c := range v {
				if c < '0' || c > '9' {
					return fail("Invalid character in Content-Length")
				}
			}
			if haveLength {
				return fail("Duplicate Content-Length")
			}
			if haveEncoding && !lenient {
				return fail("Content-Length can't be present with Transfer-Encoding")
			}
			haveLength = true
		case asciiFold(name, "transfer-encoding"):
			if haveLength && !lenient {
				return fail("Transfer-Encoding can't be present with Content-Length")
			}
			haveEncoding = true
		}
	}
	return nil
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
