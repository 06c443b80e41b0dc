package report

import "strings"

// requestErrorHint returns what to do about a request error whose words
// are Node's or its request library's, or "". The error itself keeps those
// words wherever tools and scripts read it (the JSON report, run.failures,
// a pm.sendRequest callback's err), as Newman's do; the cli reporter, which
// people read, adds the fix on a line of its own.
func requestErrorHint(msg string) string {
	switch {
	case strings.HasPrefix(msg, "Invalid protocol: "):
		return "fix: use an http:// or https:// URL"
	case strings.HasPrefix(msg, `Invalid URI "`):
		return "fix: write the URL in full: http://host/path"
	case strings.HasPrefix(msg, "Port should be >= 0 and < 65536."):
		return "fix: use a port from 0 to 65535"
	}
	return ""
}
