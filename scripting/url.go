package scripting

import (
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// The host side of the sandbox's URL and URLSearchParams (js/url.js).

// invalidURL throws Node's ERR_INVALID_URL; base is the base URL given
// beside the input, if any (Node names it too).
func (e *Engine) invalidURL(input string, base ...string) {
	o, _ := e.rt.New(e.rt.Get("TypeError"), e.rt.ToValue("Invalid URL"))
	_ = o.Set("code", "ERR_INVALID_URL")
	_ = o.Set("input", input)
	if len(base) > 0 {
		_ = o.Set("base", base[0])
	}
	panic(o)
}

func (e *Engine) urlHandle(v goja.Value) *wurl {
	u, ok := v.Export().(*wurl)
	if !ok {
		e.throw("TypeError", `Value of "this" must be of type URL`)
	}
	return u
}

// setURLField applies one of URL's setters, as the URL Standard does:
// values that do not parse leave the URL as it was.
func setURLField(u *wurl, field, v string) {
	switch field {
	case "protocol":
		u.setProtocol(v)
	case "username":
		u.setCredential(&u.username, v)
	case "password":
		u.setCredential(&u.password, v)
	case "host", "hostname":
		u.setHost(v, field == "hostname")
	case "port":
		u.setPort(v)
	case "pathname":
		u.setPathname(v)
	case "search":
		u.setSearch(v)
	case "hash":
		u.setHash(v)
	}
}

// setProtocol changes the scheme, but never between a special scheme
// (http, file...) and another, nor to file while there are credentials
// or a port; a port that is the new scheme's default goes.
func (u *wurl) setProtocol(v string) {
	s, _, _ := strings.Cut(v, ":")
	if schemeEnd(s+":") != len(s) {
		return
	}
	s = strings.ToLower(s)
	if isSpecial(s) != isSpecial(u.scheme) || (s == "file" && (u.username != "" || u.password != "" || u.port != "")) {
		return
	}
	u.scheme = s
	if specialPorts[s] == u.port {
		u.port = ""
	}
}

// cannotHaveCredentialsOrPort is the Standard's "cannot have a username/
// password/port": no host, an empty one, or a file URL.
func (u *wurl) cannotHaveCredentialsOrPort() bool {
	return u.host == nil || *u.host == "" || u.scheme == "file"
}

// setCredential sets the username or password (field), percent-encoded.
func (u *wurl) setCredential(field *string, v string) {
	if u.cannotHaveCredentialsOrPort() {
		return
	}
	*field = pctEncode(v, userinfoSet)
}

// setHost sets the host from v, up to a "/", "?" or "#", as the URL
// Standard's host state with a state override: a host that does not
// parse (a "@" in it included) leaves the URL alone; after the host, the
// port's leading digits set the port when they make one, and are
// otherwise ignored. hostname (hostnameOnly) takes no port: a ":" outside
// brackets leaves the URL alone, as do a port on a file URL and a port
// without a host. An opaque-path URL has no host to set, and a special
// URL's host cannot be emptied.
func (u *wurl) setHost(v string, hostnameOnly bool) {
	if u.opaque != nil {
		return
	}
	in := v
	if i := strings.IndexAny(in, "/?#"); i >= 0 {
		in = in[:i]
	}
	hostPart, port, hasPort := cutHostPort(in)
	if hasPort && (hostnameOnly || hostPart == "" || u.scheme == "file") {
		return
	}
	if hostPart == "" && isSpecial(u.scheme) || strings.Contains(hostPart, "@") {
		return
	}
	c := &wurl{scheme: u.scheme}
	if err := c.authority(hostPart); err != nil || c.host == nil {
		return
	}
	u.host = c.host
	if hasPort {
		u.setPortDigits(port)
	}
}

// cutHostPort splits host:port at the first ":" outside brackets (an
// IPv6 address's colons are inside).
func cutHostPort(s string) (host, port string, found bool) {
	inBrackets := false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			inBrackets = true
		case ']':
			inBrackets = false
		case ':':
			if !inBrackets {
				return s[:i], s[i+1:], true
			}
		}
	}
	return s, "", false
}

// setPort takes the leading digits of v as the port ("" removes it).
func (u *wurl) setPort(v string) {
	if u.cannotHaveCredentialsOrPort() {
		return
	}
	if v == "" {
		u.port = ""
		return
	}
	u.setPortDigits(v)
}

// setPortDigits sets the port from v's leading digits: none, or a number
// above 65535, leave the port as it was; the scheme's default port is
// dropped, as parsing drops it.
func (u *wurl) setPortDigits(v string) {
	n := 0
	for n < len(v) && v[n] >= '0' && v[n] <= '9' {
		n++
	}
	if n == 0 {
		return
	}
	c := &wurl{scheme: u.scheme}
	if err := c.authority("x:" + v[:n]); err != nil {
		return
	}
	u.port = c.port
}

// setPathname replaces the path; "?" and "#" in v are path characters
// here, not the start of a query or fragment.
func (u *wurl) setPathname(v string) {
	if u.opaque != nil {
		return
	}
	u.path = nil
	u.parsePath(strings.NewReplacer("?", "%3F", "#", "%23").Replace(v))
}

// setSearch replaces the query ("" removes it), percent-encoded with the
// special or non-special query set.
func (u *wurl) setSearch(v string) {
	if v == "" {
		u.query = nil
		return
	}
	set := querySet
	if isSpecial(u.scheme) {
		set = specialQuerySet
	}
	q := pctEncode(strings.TrimPrefix(v, "?"), set)
	u.query = &q
}

// setHash replaces the fragment ("" removes it).
func (u *wurl) setHash(v string) {
	if v == "" {
		u.fragment = nil
		return
	}
	f := pctEncode(strings.TrimPrefix(v, "#"), fragmentSet)
	u.fragment = &f
}

func urlField(u *wurl, field string) string {
	switch field {
	case "href":
		return u.href()
	case "origin":
		return u.origin()
	case "protocol":
		return u.scheme + ":"
	case "username":
		return u.username
	case "password":
		return u.password
	case "host":
		return u.hostport()
	case "hostname":
		if u.host == nil {
			return ""
		}
		return *u.host
	case "port":
		return u.port
	case "pathname":
		return u.pathname()
	case "search":
		if u.query == nil || *u.query == "" {
			return ""
		}
		return "?" + *u.query
	case "hash":
		if u.fragment == nil || *u.fragment == "" {
			return ""
		}
		return "#" + *u.fragment
	}
	return ""
}

// formEncode is application/x-www-form-urlencoded's byte serializer.
func formEncode(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			b.WriteByte('+')
		case isAlpha(c) || c >= '0' && c <= '9' || c == '*' || c == '-' || c == '.' || c == '_':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte("0123456789ABCDEF"[c>>4])
			b.WriteByte("0123456789ABCDEF"[c&15])
		}
	}
	return b.String()
}

func formDecode(s string) string {
	d := pctDecode(strings.ReplaceAll(s, "+", " "))
	if !utf8.ValidString(d) {
		d = strings.ToValidUTF8(d, "\uFFFD")
	}
	return d
}

func (e *Engine) installURL(set func(string, any)) {
	rt := e.rt
	parse := func(c goja.FunctionCall) *wurl {
		in := c.Argument(0).String()
		var base *wurl
		if b := c.Argument(1); !goja.IsUndefined(b) {
			bu, err := parseWURL(b.String(), nil)
			if err != nil {
				return nil
			}
			base = bu
		}
		u, err := parseWURL(in, base)
		if err != nil {
			return nil
		}
		return u
	}
	set("urlParse", func(c goja.FunctionCall) goja.Value {
		u := parse(c)
		if u == nil {
			if b := c.Argument(1); !goja.IsUndefined(b) {
				e.invalidURL(c.Argument(0).String(), b.String())
			}
			e.invalidURL(c.Argument(0).String())
		}
		return rt.ToValue(u)
	})
	set("urlCanParse", func(c goja.FunctionCall) goja.Value { return rt.ToValue(parse(c) != nil) })
	set("urlGet", func(c goja.FunctionCall) goja.Value {
		return rt.ToValue(urlField(e.urlHandle(c.Argument(0)), c.Argument(1).String()))
	})
	set("urlSet", func(c goja.FunctionCall) goja.Value {
		u := e.urlHandle(c.Argument(0))
		field, v := c.Argument(1).String(), c.Argument(2).String()
		if field == "href" {
			n, err := parseWURL(v, nil)
			if err != nil {
				e.invalidURL(v)
			}
			*u = *n
			return goja.Undefined()
		}
		setURLField(u, field, v)
		return goja.Undefined()
	})
	// urlQuery is the raw query (null when absent) for searchParams.
	set("urlQuery", func(c goja.FunctionCall) goja.Value {
		u := e.urlHandle(c.Argument(0))
		if u.query == nil {
			return goja.Null()
		}
		return rt.ToValue(*u.query)
	})
	set("urlSetQuery", func(c goja.FunctionCall) goja.Value {
		u := e.urlHandle(c.Argument(0))
		if q := c.Argument(1).String(); q == "" {
			u.query = nil
		} else {
			u.query = &q
		}
		return goja.Undefined()
	})
	set("formEncode", func(s string) string { return formEncode(s) })
	set("formDecode", func(s string) string { return formDecode(s) })
}
