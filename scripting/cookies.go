package scripting

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/dop251/goja"
)

// CookieStore is what pm.cookies.jar() needs beyond http.CookieJar, which
// can neither list cookie attributes nor delete. When Exec.Cookies also
// implements CookieStore it is used; otherwise deletion falls back to
// setting an expired cookie.
type CookieStore interface {
	http.CookieJar
	// All returns the cookies that would be sent to u, with their domain,
	// path, expiry and flags.
	All(u *url.URL) []*http.Cookie
	// Delete removes the cookie named name that applies to u.
	Delete(u *url.URL, name string)
	// Clear removes every cookie that applies to u.
	Clear(u *url.URL)
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
	return sc.Replace(s)
}

func cookieObject(c *http.Cookie, u *url.URL) map[string]any {
	m := map[string]any{
		"name": c.Name, "value": c.Value, "path": c.Path, "domain": c.Domain,
		"secure": c.Secure, "httpOnly": c.HttpOnly, "hostOnly": c.Domain == "",
		"expires": nil, "maxAge": c.MaxAge,
	}
	if c.Domain == "" && u != nil {
		m["domain"] = u.Hostname()
	}
	if c.Path == "" {
		m["path"] = "/"
	}
	if !c.Expires.IsZero() {
		m["expires"] = c.Expires.UTC().Format(time.RFC1123)
	}
	return m
}

// responseCookies lists pm.cookies: the Set-Cookie headers of the response,
// then jar cookies for the response URL that the response did not set.
func (e *Engine) responseCookies() goja.Value {
	x := e.state().x
	var out []any
	if x.Response == nil {
		return e.rt.ToValue(out)
	}
	u, _ := url.Parse(x.Response.URL)
	seen := map[string]bool{}
	h := http.Header{}
	for _, hd := range x.Response.Header {
		if strings.EqualFold(hd.Key, "Set-Cookie") {
			h.Add("Set-Cookie", hd.Value)
		}
	}
	for _, c := range (&http.Response{Header: h}).Cookies() {
		seen[c.Name] = true
		out = append(out, cookieObject(c, u))
	}
	if x.Cookies != nil && u != nil && u.Host != "" {
		for _, c := range jarCookies(x.Cookies, u) {
			if !seen[c.Name] {
				seen[c.Name] = true
				out = append(out, cookieObject(c, u))
			}
		}
	}
	return e.rt.ToValue(out)
}

func jarCookies(j http.CookieJar, u *url.URL) []*http.Cookie {
	if s, ok := j.(CookieStore); ok {
		return s.All(u)
	}
	return j.Cookies(u)
}

// cookieJar implements pm.cookies.jar() operations synchronously; the JS
// side delivers results asynchronously, as Postman does.
func (e *Engine) cookieJar(op, rawURL string, arg goja.Value) goja.Value {
	x := e.state().x
	if x.Cookies == nil {
		e.throw("Error", "CookieJar: no cookie jar is available in this run")
	}
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		if u2, err2 := url.Parse("http://" + rawURL); err2 == nil && !strings.Contains(rawURL, "://") {
			u, err = u2, nil
		}
	}
	if err != nil || u == nil || u.Host == "" {
		e.throw("Error", "CookieJar: invalid URL "+rawURL)
	}
	switch op {
	case "getAll":
		var out []any
		for _, c := range jarCookies(x.Cookies, u) {
			out = append(out, cookieObject(c, u))
		}
		return e.rt.ToValue(out)
	case "set":
		c := &http.Cookie{}
		if o, ok := arg.(*goja.Object); ok {
			str := func(k string) string {
				if v := o.Get(k); v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
					return v.String()
				}
				return ""
			}
			c.Name, c.Value, c.Domain, c.Path = str("name"), str("value"), str("domain"), str("path")
			if k := str("key"); c.Name == "" {
				c.Name = k
			}
			c.Secure = o.Get("secure") != nil && o.Get("secure").ToBoolean()
			c.HttpOnly = o.Get("httpOnly") != nil && o.Get("httpOnly").ToBoolean()
			if exp := str("expires"); exp != "" {
				if t, err := time.Parse(time.RFC1123, exp); err == nil {
					c.Expires = t
				} else if t, err := time.Parse(time.RFC3339, exp); err == nil {
					c.Expires = t
				}
			}
		}
		if c.Name == "" {
			e.throw("Error", "CookieJar.set() requires a cookie name")
		}
		x.Cookies.SetCookies(u, []*http.Cookie{c})
	case "unset", "clear":
		name := ""
		if op == "unset" {
			name = arg.String()
		}
		if s, ok := x.Cookies.(CookieStore); ok {
			if op == "clear" {
				s.Clear(u)
			} else {
				s.Delete(u, name)
			}
			return goja.Undefined()
		}
		// Plain jars only delete through an expired Set-Cookie that
		// matches the stored cookie's path; try every prefix of the URL path.
		var del []*http.Cookie
		for _, c := range x.Cookies.Cookies(u) {
			if name != "" && c.Name != name {
				continue
			}
			for _, p := range pathPrefixes(u.Path) {
				del = append(del, &http.Cookie{Name: c.Name, Path: p, MaxAge: -1})
				del = append(del, &http.Cookie{Name: c.Name, Path: p, Domain: u.Hostname(), MaxAge: -1})
			}
		}
		if len(del) > 0 {
			x.Cookies.SetCookies(u, del)
		}
	}
	return goja.Undefined()
}

func pathPrefixes(p string) []string {
	out := []string{"/"}
	parts := strings.Split(strings.Trim(p, "/"), "/")
	cur := ""
	for _, s := range parts {
		if s == "" {
			continue
		}
		cur += "/" + s
		out = append(out, cur)
	}
	return out
}
