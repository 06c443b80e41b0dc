// Package setcookie reads Set-Cookie lines as tough-cookie 4.1.3 does in
// postman-request's loose mode. It is the one parser of the run's jar
// (runner.Jar) and of the cookie strings scripts give pm.cookies.jar().set,
// so a cookie reads the same whichever way it arrives. It returns plain data
// and imports nothing of the project, so both sides can use it.
package setcookie

import (
	"strconv"
	"strings"
	"time"
)

// Cookie is one Set-Cookie line's pair and attributes as written; the jar
// completes domain, path and expiry from the request.
type Cookie struct {
	Name, Value  string
	Domain, Path string // Domain lower-case without a leading dot; Path "" unless it starts with "/"
	Secure       bool
	HTTPOnly     bool
	SameSite     string    // "strict", "lax", "none" or ""
	Expires      time.Time // the Expires attribute; zero when absent or not a cookie-date
	MaxAge       int       // the Max-Age attribute: >0 seconds, -1 for zero or less, 0 when absent
	// MaxAgeWritten is that Max-Age as the line wrote it ("-5" gives -5),
	// which a cookie jar.set hands back shows; 0 when absent.
	MaxAgeWritten int
	// Extensions are attributes the cookie rules do not know, as written
	// ("Priority=HIGH").
	Extensions []string
}

// Parse reads one Set-Cookie line as tough-cookie 4.1.3 does in
// postman-request's loose mode (RFC 6265 section 5.2): a pair without a
// name ("token" or "=token") is a cookie with an empty name, names may hold
// spaces, a quoted value keeps its quotes, an Expires that is not an RFC
// 6265 cookie-date or a Max-Age that is not an integer is ignored, and
// every attribute it does not know (Partitioned, Priority...) is an
// extension. It reports false for a line tough-cookie refuses (control
// characters in the pair).
func Parse(line string) (Cookie, bool) {
	var c Cookie
	line = strings.TrimSpace(line)
	if line == "" {
		return c, false
	}
	pair, attrs, hasAttrs := strings.Cut(line, ";")
	c.Name, c.Value = cookiePair(pair)
	if hasControl(c.Name) || hasControl(c.Value) {
		return c, false
	}
	if !hasAttrs {
		return c, true
	}
	for _, av := range strings.Split(attrs, ";") {
		if av = strings.TrimSpace(av); av != "" {
			c.setAttribute(av)
		}
	}
	return c, true
}

// cookiePair reads the name and value before the first ";": the pair ends
// at a line break or NUL, and a pair without a name ("token", "=token") is
// a value with an empty name.
func cookiePair(pair string) (name, value string) {
	if i := strings.IndexAny(pair, "\n\r\x00"); i >= 0 {
		pair = pair[:i]
	}
	pair = strings.TrimPrefix(pair, "=")
	if name, value, ok := strings.Cut(pair, "="); ok && name != "" {
		return strings.TrimSpace(name), strings.TrimSpace(value)
	}
	return "", strings.TrimSpace(pair)
}

// setAttribute reads one attribute (av, trimmed and not empty) into c; a
// later attribute of the same name wins, and one the cookie rules do not
// know is kept as an extension.
func (c *Cookie) setAttribute(av string) {
	key, value, _ := strings.Cut(av, "=")
	value = strings.TrimSpace(value)
	switch strings.ToLower(strings.TrimSpace(key)) {
	case "expires":
		if t, ok := ParseDate(value); ok {
			c.Expires = t
		}
	case "max-age":
		if n, ok := maxAge(value); ok {
			c.MaxAge = n
			c.MaxAgeWritten, _ = strconv.Atoi(value) // maxAge has read it
		}
	case "domain":
		if d := strings.TrimPrefix(value, "."); d != "" {
			c.Domain = strings.ToLower(d)
		}
	case "path":
		c.Path = ""
		if strings.HasPrefix(value, "/") {
			c.Path = value
		}
	case "secure":
		c.Secure = true
	case "httponly":
		c.HTTPOnly = true
	case "samesite":
		c.SameSite = sameSite(value)
	default:
		c.Extensions = append(c.Extensions, av)
	}
}

// maxAge reads a Max-Age value: an optional "-" and digits only (no "+"),
// zero or less meaning "expire now" (-1). It reports false for anything
// else, which tough-cookie ignores.
func maxAge(value string) (int, bool) {
	if value == "" || !(value[0] == '-' || value[0] >= '0' && value[0] <= '9') {
		return 0, false
	}
	n, err := strconv.Atoi(value)
	if err != nil {
		return 0, false
	}
	if n <= 0 {
		return -1, true
	}
	return n, true
}

// sameSite reads a SameSite value; one it does not know clears it.
func sameSite(value string) string {
	switch v := strings.ToLower(value); v {
	case "strict", "lax", "none":
		return v
	}
	return ""
}

func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 {
			return true
		}
	}
	return false
}

// ParseDate is RFC 6265's cookie-date algorithm (section 5.1.1) as
// tough-cookie implements it: tokens split at delimiters, the first time,
// day of month, month and year found in any order; two-digit years 70-99
// are 19xx and 00-69 20xx.
func ParseDate(s string) (time.Time, bool) {
	d := cookieDate{hour: -1, minute: -1, second: -1, day: -1, month: -1, year: -1}
	for _, tok := range strings.FieldsFunc(s, isDateDelimiter) {
		if tok = strings.TrimSpace(tok); tok != "" {
			d.take(tok)
		}
	}
	if !d.valid() {
		return time.Time{}, false
	}
	// Date.UTC rolls an impossible day (Feb 31) over, as time.Date does.
	return time.Date(d.year, time.Month(d.month+1), d.day, d.hour, d.minute, d.second, 0, time.UTC), true
}

// isDateDelimiter reports the characters RFC 6265 splits a cookie-date at.
func isDateDelimiter(r rune) bool {
	return r == 0x09 || r >= 0x20 && r <= 0x2f || r >= 0x3b && r <= 0x40 || r >= 0x5b && r <= 0x60 || r >= 0x7b && r <= 0x7e
}

// cookieDate collects a cookie-date's parts; -1 is a part not found yet.
type cookieDate struct{ hour, minute, second, day, month, year int }

// take gives tok to the first part still missing that it reads as, in the
// RFC's order: time, day of month, month, year.
func (d *cookieDate) take(tok string) {
	if d.second < 0 {
		if h, m, sec, ok := cookieTime(tok); ok {
			d.hour, d.minute, d.second = h, m, sec
			return
		}
	}
	if d.day < 0 {
		if n, ok := cookieDigits(tok, 1, 2, true); ok {
			d.day = n
			return
		}
	}
	if d.month < 0 {
		if m, ok := cookieMonth(tok); ok {
			d.month = m
			return
		}
	}
	if d.year < 0 {
		if n, ok := cookieDigits(tok, 2, 4, true); ok {
			d.year = fullYear(n)
		}
	}
}

// valid reports whether every part was found and in range.
func (d *cookieDate) valid() bool {
	return d.day >= 1 && d.day <= 31 && d.month >= 0 && d.year >= 1601 && d.second >= 0 &&
		d.hour <= 23 && d.minute <= 59 && d.second <= 59
}

// cookieMonth reads a month from tok's first three letters (0 for January).
func cookieMonth(tok string) (int, bool) {
	if len(tok) < 3 {
		return 0, false
	}
	m := strings.Index("janfebmaraprmayjunjulaugsepoctnovdec", strings.ToLower(tok[:3]))
	if m < 0 || m%3 != 0 {
		return 0, false
	}
	return m / 3, true
}

// fullYear reads a two-digit year as RFC 6265 does: 70-99 are 19xx, 00-69
// 20xx.
func fullYear(n int) int {
	switch {
	case n >= 70 && n <= 99:
		return n + 1900
	case n >= 0 && n <= 69:
		return n + 2000
	}
	return n
}

// cookieDigits reads min..max leading digits of tok; trailing non-digits
// are allowed only when trailingOK.
func cookieDigits(tok string, minDigits, maxDigits int, trailingOK bool) (int, bool) {
	n := 0
	for n < len(tok) && tok[n] >= '0' && tok[n] <= '9' {
		n++
	}
	if n < minDigits || n > maxDigits || !trailingOK && n != len(tok) {
		return 0, false
	}
	v, _ := strconv.Atoi(tok[:n])
	return v, true
}

// cookieTime reads "h:m:s" (one or two digits each; the seconds may have
// a trailer).
func cookieTime(tok string) (h, m, s int, ok bool) {
	parts := strings.Split(tok, ":")
	if len(parts) != 3 {
		return 0, 0, 0, false
	}
	var v [3]int
	for i, p := range parts {
		n, ok := cookieDigits(p, 1, 2, i == 2)
		if !ok {
			return 0, 0, 0, false
		}
		v[i] = n
	}
	return v[0], v[1], v[2], true
}
