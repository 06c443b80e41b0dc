package runner

import (
	"regexp"
	"strings"

	"github.com/courier-run/courier/collections"
)

// jsonContentType is the runtime's test for a JSON Content-Type header.
var jsonContentType = regexp.MustCompile(`^application/(\S+\+)?json`)

// stripBodyComments removes // and /* */ comments from a raw JSON body
// before it is sent, as postman-runtime does (Newman 6.2.2, and Postman CLI
// for JSON and v12 collections alike), so the server gets valid JSON and
// test scripts read the stripped text. A body is JSON when its language is
// json, or when it has none and its Content-Type header says JSON. A body
// the method prunes is left alone: the runtime strips what it sends.
func stripBodyComments(req *collections.Request, pruned bool) {
	b := req.Body
	if b == nil || b.Mode != collections.BodyRaw || b.Raw == "" || pruned {
		return
	}
	if !strings.Contains(b.Raw, "//") && !strings.Contains(b.Raw, "/*") {
		return
	}
	switch {
	case b.Language == "json":
	case b.Language != "":
		return
	default:
		// The runtime looks the header up by name: one row is taken as it
		// is (disabled or not), of several the first enabled one.
		var rows []collections.Header
		for _, h := range req.Header {
			if strings.EqualFold(h.Key, "Content-Type") {
				rows = append(rows, h)
			}
		}
		ct, found := "", false
		for i, h := range rows {
			if len(rows) == 1 || !h.Disabled {
				ct, found = rows[i].Value, true
				break
			}
		}
		if !found || !jsonContentType.MatchString(ct) {
			return
		}
	}
	b.Raw = stripJSONComments(b.Raw)
}

// stripJSONComments drops the comments of JSON text, leaving strings
// alone: a line comment up to its line break (which stays; of a CRLF only
// the LF), a block comment up to and with its */, an unclosed one to the
// end. A quote preceded by an odd number of backslashes is escaped.
func stripJSONComments(s string) string {
	var out strings.Builder
	out.Grow(len(s))
	inString := false
	from := 0 // s[from:] is not yet copied
	for i := 0; i < len(s); i++ {
		c := s[i]
		if inString {
			if c == '"' && !escapedAt(s, i) {
				inString = false
			}
			continue
		}
		switch {
		case c == '"':
			inString = !escapedAt(s, i)
		case c == '/' && i+1 < len(s) && s[i+1] == '/':
			out.WriteString(s[from:i])
			j := strings.IndexByte(s[i:], '\n')
			if j < 0 {
				return out.String()
			}
			// A CR before the LF goes with the comment.
			from, i = i+j, i+j-1
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			out.WriteString(s[from:i])
			j := strings.Index(s[i+2:], "*/")
			if j < 0 {
				return out.String()
			}
			from = i + 2 + j + 2
			i = from - 1
		}
	}
	out.WriteString(s[from:])
	return out.String()
}

// escapedAt reports whether the quote at i follows an odd run of
// backslashes.
func escapedAt(s string, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && s[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}
