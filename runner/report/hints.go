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

// scriptErrorHint returns what to do about a script's error that courier
// cannot help, or "". pm.require loads packages from Postman's package
// library in its cloud; Newman 6.2.2 and Postman CLI 1.34 offline have no
// pm.require either, so scripts see the same TypeError, and people reading
// the cli reporter are told why.
func scriptErrorHint(msg string) string {
	if strings.Contains(msg, "pm.require is not a function") {
		return "fix: pm.require loads packages from Postman's cloud package library, which courier (like Newman) cannot reach: put the package's code in a collection variable or use require() of a bundled library"
	}
	return ""
}
