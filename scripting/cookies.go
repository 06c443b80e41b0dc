package scripting

import (
	"math"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/dop251/goja"

	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/internal/setcookie"
)

// JarCookie is a cookie as the jar holds it, in the shape scripts see.
type JarCookie struct {
	Name, Value  string
	Domain, Path string
	HostOnly     bool
	Secure       bool
	HTTPOnly     bool
	// Expires is when the cookie dies (from Max-Age or Expires); zero for
	// a session cookie. ExpiresAttr and MaxAge are the attributes as given
	// (zero when absent): pm.cookies shows Expires, the jar API the
	// attributes, as Postman does.
	Expires     time.Time
	ExpiresAttr time.Time
	MaxAge      int
	Extensions  []string
	// GivenDomain: the domain is a script's cookie object's, as written;
	// the store keeps it so (tough-cookie does not canonicalize it there).
	GivenDomain bool
}

// JarQuery narrows a jar lookup as tough-cookie's getCookies options do.
type JarQuery struct {
	NoHTTP bool  // leave out HttpOnly cookies
	Secure *bool // nil: secure from the URL's scheme (and loopback hosts)
}

// CookieStore is what pm.cookies and pm.cookies.jar() need beyond
// http.CookieJar, which can neither list cookie attributes nor delete.
// When Exec.Cookies implements it, it is used; otherwise pm.cookies falls
// back to the response's Set-Cookie headers and the jar API is limited.
type CookieStore interface {
	http.CookieJar
	// Get returns the cookies for u with their attributes, in the order
	// they are sent.
	Get(u *url.URL, q JarQuery) []JarCookie
	// Set stores c as if u had sent it and returns it as stored (zero
	// when refused silently), or why the cookie rules refuse it. With dry
	// set it only checks.
	Set(u *url.URL, c JarCookie, dry bool) (JarCookie, error)
	// Delete removes the first cookie named name that applies to u.
	Delete(u *url.URL, name string)
	// Clear removes every cookie that applies to u.
	Clear(u *url.URL)
	// ParseSetCookie reads a cookie string a script gives jar.set as the
	// store reads a Set-Cookie header, so jar.set(url, "a=1; Expires=...")
	// gives the cookie that header would (tough-cookie parses both alike).
	// It reports false for a line the store refuses.
	ParseSetCookie(line string) (JarCookie, bool)
}

func (e *Engine) replace(s string) string {
	x := e.state().x
	if x.Scopes == nil {
		return s
	}
	sc := *x.Scopes
	if x.Data != nil {
		sc.Data = x.Data
	}
	r := environments.Resolver{Scopes: &sc, Override: e.liveText(""), InScript: true}
	return r.Replace(s)
}

// cookieValue builds the plain object the sandbox turns into a Cookie,
// fields in a fixed order. jarView picks the jar API's expiry (the
// attribute) over pm.cookies' (the computed one).
func (e *Engine) cookieValue(c JarCookie, jarView bool) goja.Value {
	o := e.rt.NewObject()
	if c.Name != "" {
		_ = o.Set("name", c.Name)
	} else {
		_ = o.Set("name", goja.Undefined()) // tough-cookie's nameless cookie ("token" without "=")
	}
	exp := c.Expires
	if jarView {
		exp = c.ExpiresAttr
	}
	if exp.IsZero() || exp.UnixMilli() > maxJSDate {
		// A date past JavaScript's range (a Max-Age of thousands of
		// years) is an Invalid Date in Node, which crosses into the
		// sandbox as JSON: null.
		_ = o.Set("expires", goja.Null())
	} else {
		_ = o.Set("expires", exp.UnixMilli())
	}
	_ = o.Set("maxAge", c.MaxAge)
	_ = o.Set("domain", c.Domain)
	_ = o.Set("path", c.Path)
	_ = o.Set("secure", c.Secure)
	_ = o.Set("httpOnly", c.HTTPOnly)
	_ = o.Set("hostOnly", c.HostOnly)
	_ = o.Set("value", c.Value)
	if len(c.Extensions) > 0 {
		// tough-cookie's attribute strings as they came ("Priority=High",
		// "Partitioned"), which postman-runtime hands to the Cookie as
		// they are.
		ext := make([]any, len(c.Extensions))
		for i, x := range c.Extensions {
			ext[i] = x
		}
		_ = o.Set("extensions", ext)
	}
	return o
}

// maxJSDate is the last millisecond a JavaScript Date can hold.
const maxJSDate = 8.64e15

func (e *Engine) cookieValues(cs []JarCookie, jarView bool) goja.Value {
	out := make([]any, len(cs))
	for i, c := range cs {
		out[i] = e.cookieValue(c, jarView)
	}
	return e.rt.NewArray(out...)
}

// responseCookies lists pm.cookies: what the jar holds for the response's
// final URL, as postman-runtime reads it back after the response. Without
// a listing jar, the response's Set-Cookie headers stand in.
func (e *Engine) responseCookies() goja.Value {
	x := e.state().x
	if x.Response == nil {
		return e.rt.NewArray()
	}
	u, _ := url.Parse(x.Response.URL)
	if s, ok := x.Cookies.(CookieStore); ok && u != nil && u.Host != "" {
		// A jar that cannot list attributes leaves pm.cookies to the
		// response's Set-Cookie headers.
		return e.cookieValues(s.Get(u, JarQuery{}), false)
	}
	h := http.Header{}
	for _, hd := range x.Response.Header {
		if strings.EqualFold(hd.Key, "Set-Cookie") {
			h.Add("Set-Cookie", hd.Value)
		}
	}
	var out []JarCookie
	host := ""
	if u != nil {
		host = u.Hostname()
	}
	for _, c := range (&http.Response{Header: h}).Cookies() {
		jc := JarCookie{Name: c.Name, Value: strings.TrimSpace(c.Value), Domain: c.Domain, Path: c.Path, Secure: c.Secure, HTTPOnly: c.HttpOnly, Expires: c.Expires, ExpiresAttr: c.Expires}
		if c.Quoted {
			jc.Value = `"` + c.Value + `"` // kept, as tough-cookie keeps it
		}
		if jc.Domain == "" {
			jc.Domain, jc.HostOnly = host, true
		}
		if jc.Path == "" {
			jc.Path = "/"
		}
		out = append(out, jc)
	}
	return e.cookieValues(out, false)
}

// jarURL reads a URL as the sandbox's cookie jar does: a string without a
// scheme is a host name ("echo.test", even "not a url").
func jarURL(raw string) *url.URL {
	if i := strings.Index(raw, "://"); i > 0 {
		if u, err := url.Parse(raw); err == nil && u.Host != "" {
			return u
		}
		raw = raw[i+3:]
	}
	host, rest := raw, ""
	if i := strings.IndexAny(raw, "/?#"); i >= 0 {
		host, rest = raw[:i], raw[i:]
	}
	u := &url.URL{Scheme: "http", Host: strings.ToLower(host), Path: "/"}
	if strings.HasPrefix(rest, "/") {
		p := rest
		if i := strings.IndexAny(p, "?#"); i >= 0 {
			p = p[:i]
		}
		u.Path = p
	}
	return u
}

// cookieJar implements pm.cookies.jar() operations synchronously; the JS
// side delivers results asynchronously, as Postman does. Errors come back
// as a string (the callback's Error message), never thrown.
func (e *Engine) cookieJar(op, rawURL string, arg goja.Value) goja.Value {
	x := e.state().x
	s := store(x.Cookies)
	if s == nil {
		return e.rt.ToValue([]any{"CookieStore: no store found"})
	}
	u := jarURL(rawURL)
	switch op {
	case "getAll":
		q := JarQuery{}
		if o, ok := arg.(*goja.Object); ok {
			if v := o.Get("http"); v != nil && !goja.IsUndefined(v) {
				q.NoHTTP = !v.ToBoolean()
			}
			if v := o.Get("secure"); v != nil && !goja.IsUndefined(v) {
				b := v.ToBoolean()
				q.Secure = &b
			}
		}
		return e.rt.ToValue([]any{nil, e.cookieValues(s.Get(u, q), true)})
	case "set", "check":
		var c JarCookie
		var ok bool
		var givenAge goja.Value
		if o, isObj := arg.(*goja.Object); isObj {
			c, ok = jarCookieObject(o), true
			givenAge = e.givenMaxAge(o.Get("maxAge"), c.MaxAge)
		} else {
			c, ok = s.ParseSetCookie(arg.String())
			if ok && c.MaxAge < 0 {
				// The store keeps "expired now"; the Max-Age as written is
				// the parser's to read.
				if p, _ := setcookie.Parse(arg.String()); p.MaxAge < 0 {
					givenAge = e.rt.ToValue(p.MaxAgeWritten)
				}
			}
		}
		if !ok {
			return e.rt.ToValue([]any{nil, nil})
		}
		got, err := s.Set(u, c, op == "check")
		if err != nil {
			return e.rt.ToValue([]any{err.Error()})
		}
		if got.Name == "" && got.Domain == "" {
			return e.rt.ToValue([]any{nil, nil})
		}
		res := e.cookieValue(got, true)
		if givenAge != nil {
			// The store keeps "expired now"; the cookie handed back has
			// the maxAge the script gave (0, -5), as tough-cookie's has.
			_ = res.(*goja.Object).Set("maxAge", givenAge)
		}
		return e.rt.ToValue([]any{nil, res})
	case "unset":
		s.Delete(u, arg.String())
	case "clear":
		s.Clear(u)
	}
	return e.rt.ToValue([]any{nil})
}

// givenMaxAge is the maxAge the cookie jar.set hands back shows when it is
// not the store's (nil then): one of 0 or less as given (the store keeps
// "expired now"), NaN and the infinities as given (the store keeps no
// expiry, or "expired now" for -Infinity).
func (e *Engine) givenMaxAge(v goja.Value, stored int) goja.Value {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil
	}
	if f := v.ToFloat(); math.IsNaN(f) || math.IsInf(f, 0) || stored < 0 {
		return v
	}
	return nil
}

// jarCookieObject reads the cookie object a script passes to jar.set,
// whose expires the JS side has turned into milliseconds. (A string is the
// store's to parse: CookieStore.ParseSetCookie.)
func jarCookieObject(o *goja.Object) JarCookie {
	str := func(k string) string {
		if v := o.Get(k); v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
			return v.String()
		}
		return ""
	}
	flag := func(k string) bool { v := o.Get(k); return v != nil && v.ToBoolean() }
	c := JarCookie{Name: str("name"), Value: str("value"), Domain: str("domain"), Path: str("path"),
		Secure: flag("secure"), HTTPOnly: flag("httpOnly"), HostOnly: flag("hostOnly")}
	if c.Name == "" {
		c.Name = str("key")
	}
	c.GivenDomain = c.Domain != ""
	if v := o.Get("expires"); v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
		if ms := v.ToFloat(); ms == ms && ms < 8.64e15 && ms > -8.64e15 {
			c.ExpiresAttr = time.UnixMilli(int64(ms))
		}
	}
	if v := o.Get("maxAge"); v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
		switch f := v.ToFloat(); {
		case math.IsInf(f, 1) || math.IsNaN(f):
			// tough-cookie's Infinity never expires; NaN sets nothing.
		case f > 0:
			c.MaxAge = int(v.ToInteger())
		default:
			c.MaxAge = -1
		}
	}
	return c
}

// plainStore adapts a jar that only implements http.CookieJar (such as
// net/http/cookiejar): it lists names and values only, and deletes by
// storing an expired cookie on every prefix of the URL's path.
type plainStore struct{ http.CookieJar }

func (p plainStore) Get(u *url.URL, _ JarQuery) []JarCookie {
	var out []JarCookie
	for _, c := range p.Cookies(u) {
		out = append(out, JarCookie{Name: c.Name, Value: c.Value, Domain: u.Hostname(), Path: "/", HostOnly: true})
	}
	return out
}

func (p plainStore) Set(u *url.URL, c JarCookie, dry bool) (JarCookie, error) {
	if c.Domain == "" {
		c.Domain, c.HostOnly = u.Hostname(), true
	}
	if c.Path == "" {
		c.Path = "/"
	}
	if !dry {
		p.SetCookies(u, []*http.Cookie{{Name: c.Name, Value: c.Value, Path: c.Path, Secure: c.Secure, HttpOnly: c.HTTPOnly, Expires: c.ExpiresAttr, MaxAge: c.MaxAge}})
	}
	return c, nil
}

func (p plainStore) Delete(u *url.URL, name string) {
	var del []*http.Cookie
	for _, c := range p.Cookies(u) {
		if name != "" && c.Name != name {
			continue
		}
		for _, path := range pathPrefixes(u.Path) {
			del = append(del, &http.Cookie{Name: c.Name, Path: path, MaxAge: -1},
				&http.Cookie{Name: c.Name, Path: path, Domain: u.Hostname(), MaxAge: -1})
		}
	}
	if len(del) > 0 {
		p.SetCookies(u, del)
	}
}

func (p plainStore) Clear(u *url.URL) { p.Delete(u, "") }

// ParseSetCookie reads the line with the run's jar's parser, so a plain
// jar is given what runner.Jar would be given.
func (p plainStore) ParseSetCookie(line string) (JarCookie, bool) {
	c, ok := setcookie.Parse(line)
	return JarCookie{
		Name: c.Name, Value: c.Value, Domain: c.Domain, Path: c.Path,
		Secure: c.Secure, HTTPOnly: c.HTTPOnly,
		ExpiresAttr: c.Expires, MaxAge: c.MaxAge, Extensions: c.Extensions,
	}, ok
}

func pathPrefixes(p string) []string {
	out := []string{"/"}
	cur := ""
	for _, s := range strings.Split(strings.Trim(p, "/"), "/") {
		if s == "" {
			continue
		}
		cur += "/" + s
		out = append(out, cur)
	}
	return out
}

// store is the run's jar as a CookieStore, or nil without a jar.
func store(j http.CookieJar) CookieStore {
	if s, ok := j.(CookieStore); ok {
		return s
	}
	if j == nil {
		return nil
	}
	return plainStore{j}
}
