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
	if i := strings.IndexAny(pair, "\n\r\x00"); i >= 0 {
		pair = pair[:i]
	}
	pair = strings.TrimPrefix(pair, "=")
	if name, value, ok := strings.Cut(pair, "="); ok && name != "" {
		c.Name, c.Value = strings.TrimSpace(name), strings.TrimSpace(value)
	} else {
		c.Value = strings.TrimSpace(pair)
	}
	if hasControl(c.Name) || hasControl(c.Value) {
		return c, false
	}
	if !hasAttrs {
		return c, true
	}
	for _, av := range strings.Split(attrs, ";") {
		av = strings.TrimSpace(av)
		if av == "" {
			continue
		}
		key, value, _ := strings.Cut(av, "=")
		value = strings.TrimSpace(value)
		switch strings.ToLower(strings.TrimSpace(key)) {
		case "expires":
			if t, ok := ParseDate(value); ok {
				c.Expires = t
			}
		case "max-age":
			if n, err := strconv.Atoi(value); err == nil && value != "" && (value[0] == '-' || value[0] >= '0' && value[0] <= '9') && !strings.HasPrefix(value, "+") {
				if n <= 0 {
					c.MaxAge = -1
				} else {
					c.MaxAge = n
				}
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
			switch v := strings.ToLower(value); v {
			case "strict", "lax", "none":
				c.SameSite = v
			default:
				c.SameSite = ""
			}
		default:
			c.Extensions = append(c.Extensions, av)
		}
	}
	return c, true
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
	isDelim := func(r rune) bool {
		return r == 0x09 || r >= 0x20 && r <= 0x2f || r >= 0x3b && r <= 0x40 || r >= 0x5b && r <= 0x60 || r >= 0x7b && r <= 0x7e
	}
	hour, minute, second, day, month, year := -1, -1, -1, -1, -1, -1
	for _, tok := range strings.FieldsFunc(s, isDelim) {
		tok = strings.TrimSpace(tok)
		if tok == "" {
			continue
		}
		if second < 0 {
			if h, m, sec, ok := cookieTime(tok); ok {
				hour, minute, second = h, m, sec
				continue
			}
		}
		if day < 0 {
			if n, ok := cookieDigits(tok, 1, 2, true); ok {
				day = n
				continue
			}
		}
		if month < 0 && len(tok) >= 3 {
			if m := strings.Index("janfebmaraprmayjunjulaugsepoctnovdec", strings.ToLower(tok[:3])); m >= 0 && m%3 == 0 {
				month = m / 3
				continue
			}
		}
		if year < 0 {
			if n, ok := cookieDigits(tok, 2, 4, true); ok {
				switch {
				case n >= 70 && n <= 99:
					n += 1900
				case n >= 0 && n <= 69:
					n += 2000
				}
				year = n
			}
		}
	}
	if day < 1 || day > 31 || month < 0 || year < 1601 || second < 0 || hour > 23 || minute > 59 || second > 59 {
		return time.Time{}, false
	}
	// Date.UTC rolls an impossible day (Feb 31) over, as time.Date does.
	return time.Date(year, time.Month(month+1), day, hour, minute, second, 0, time.UTC), true
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
