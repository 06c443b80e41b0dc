package runner

import (
	"net"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"
)

// Jar is the run's cookie jar, shared by every request, pm.sendRequest and
// pm.cookies.jar(). Unlike net/http/cookiejar it can list, delete and
// export its cookies. It follows RFC 6265 domain and path matching, without
// a public-suffix list (as Newman, which sets no restriction either).
type Jar struct {
	mu      sync.Mutex
	cookies map[string]*StoredCookie // domain;path;name
	now     func() time.Time
}

// StoredCookie is one cookie in the jar.
type StoredCookie struct {
	Name, Value  string
	Domain, Path string
	HostOnly     bool
	Secure       bool
	HTTPOnly     bool
	SameSite     string
	Expires      time.Time // zero: session cookie
	Created      time.Time
}

// NewJar returns an empty jar.
func NewJar() *Jar {
	return &Jar{cookies: map[string]*StoredCookie{}, now: time.Now}
}

func jarKey(domain, path, name string) string { return domain + ";" + path + ";" + name }

func canonicalHost(u *url.URL) string {
	h := u.Hostname()
	return strings.ToLower(strings.TrimSuffix(h, "."))
}

// wirePath is the request path as sent: the runner keeps it in Opaque so
// Go does not re-escape it.
func wirePath(u *url.URL) string {
	if strings.HasPrefix(u.Opaque, "/") {
		return u.Opaque
	}
	return u.EscapedPath()
}

func defaultPath(u *url.URL) string {
	p := wirePath(u)
	if p == "" || p[0] != '/' {
		return "/"
	}
	i := strings.LastIndex(p, "/")
	if i == 0 {
		return "/"
	}
	return p[:i]
}

// SetCookies stores cookies received from u.
func (j *Jar) SetCookies(u *url.URL, cookies []*http.Cookie) {
	j.mu.Lock()
	defer j.mu.Unlock()
	host := canonicalHost(u)
	now := j.now()
	for _, c := range cookies {
		sc := &StoredCookie{Name: c.Name, Value: c.Value, Secure: c.Secure, HTTPOnly: c.HttpOnly, Created: now}
		switch c.SameSite {
		case http.SameSiteLaxMode:
			sc.SameSite = "lax"
		case http.SameSiteStrictMode:
			sc.SameSite = "strict"
		case http.SameSiteNoneMode:
			sc.SameSite = "none"
		}
		domain := strings.ToLower(strings.TrimPrefix(c.Domain, "."))
		if domain == "" {
			sc.Domain, sc.HostOnly = host, true
		} else {
			if !domainMatch(host, domain) {
				continue // a server may not set cookies for another domain
			}
			sc.Domain = domain
		}
		sc.Path = c.Path
		if sc.Path == "" || sc.Path[0] != '/' {
			sc.Path = defaultPath(u)
		}
		switch {
		case c.MaxAge < 0:
			sc.Expires = time.Unix(1, 0)
		case c.MaxAge > 0:
			sc.Expires = now.Add(time.Duration(c.MaxAge) * time.Second)
		case !c.Expires.IsZero():
			sc.Expires = c.Expires
		}
		key := jarKey(sc.Domain, sc.Path, sc.Name)
		if !sc.Expires.IsZero() && !sc.Expires.After(now) {
			delete(j.cookies, key)
			continue
		}
		if old, ok := j.cookies[key]; ok {
			sc.Created = old.Created
		}
		j.cookies[key] = sc
	}
}

func domainMatch(host, domain string) bool {
	if host == domain {
		return true
	}
	if net.ParseIP(host) != nil {
		return false
	}
	return strings.HasSuffix(host, "."+domain)
}

func pathMatch(reqPath, cookiePath string) bool {
	if reqPath == cookiePath {
		return true
	}
	if strings.HasPrefix(reqPath, cookiePath) {
		return strings.HasSuffix(cookiePath, "/") || reqPath[len(cookiePath)] == '/'
	}
	return false
}

// matching returns the live cookies for u, most specific path first.
func (j *Jar) matching(u *url.URL) []*StoredCookie {
	host := canonicalHost(u)
	p := wirePath(u)
	if p == "" {
		p = "/"
	}
	secure := u.Scheme == "https" || u.Scheme == "wss"
	now := j.now()
	var out []*StoredCookie
	for key, c := range j.cookies {
		if !c.Expires.IsZero() && !c.Expires.After(now) {
			delete(j.cookies, key)
			continue
		}
		if c.HostOnly && host != c.Domain || !c.HostOnly && !domainMatch(host, c.Domain) {
			continue
		}
		if !pathMatch(p, c.Path) || c.Secure && !secure {
			continue
		}
		out = append(out, c)
	}
	sort.Slice(out, func(a, b int) bool {
		if len(out[a].Path) != len(out[b].Path) {
			return len(out[a].Path) > len(out[b].Path)
		}
		if !out[a].Created.Equal(out[b].Created) {
			return out[a].Created.Before(out[b].Created)
		}
		return out[a].Name < out[b].Name
	})
	return out
}

// Cookies returns the cookies to send to u.
func (j *Jar) Cookies(u *url.URL) []*http.Cookie {
	j.mu.Lock()
	defer j.mu.Unlock()
	m := j.matching(u)
	out := make([]*http.Cookie, len(m))
	for i, c := range m {
		out[i] = &http.Cookie{Name: c.Name, Value: c.Value}
	}
	return out
}

// Matching returns copies of the cookies that would be sent to u.
func (j *Jar) Matching(u *url.URL) []StoredCookie {
	j.mu.Lock()
	defer j.mu.Unlock()
	m := j.matching(u)
	out := make([]StoredCookie, len(m))
	for i, c := range m {
		out[i] = *c
	}
	return out
}

// All returns the cookies that would be sent to u, with their attributes
// (pm.cookies.jar().getAll).
func (j *Jar) All(u *url.URL) []*http.Cookie {
	out := []*http.Cookie{}
	for _, c := range j.Matching(u) {
		out = append(out, &http.Cookie{Name: c.Name, Value: c.Value, Domain: c.Domain, Path: c.Path,
			Secure: c.Secure, HttpOnly: c.HTTPOnly, Expires: c.Expires})
	}
	return out
}

// Clear removes every cookie visible to u.
func (j *Jar) Clear(u *url.URL) { j.Delete(u, "") }

// Delete removes the cookie named name visible to u; an empty name removes
// every cookie visible to u.
func (j *Jar) Delete(u *url.URL, name string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	for _, c := range j.matching(u) {
		if name == "" || c.Name == name {
			delete(j.cookies, jarKey(c.Domain, c.Path, c.Name))
		}
	}
}

// Stored returns every live cookie, sorted by domain, path and name.
func (j *Jar) Stored() []StoredCookie {
	j.mu.Lock()
	defer j.mu.Unlock()
	now := j.now()
	out := make([]StoredCookie, 0, len(j.cookies))
	for _, c := range j.cookies {
		if c.Expires.IsZero() || c.Expires.After(now) {
			out = append(out, *c)
		}
	}
	sort.Slice(out, func(a, b int) bool {
		x, y := out[a], out[b]
		if x.Domain != y.Domain {
			return x.Domain < y.Domain
		}
		if x.Path != y.Path {
			return x.Path < y.Path
		}
		return x.Name < y.Name
	})
	return out
}

// Put stores a cookie as is (loading a saved jar).
func (j *Jar) Put(c StoredCookie) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if c.Path == "" {
		c.Path = "/"
	}
	c.Domain = strings.ToLower(strings.TrimPrefix(c.Domain, "."))
	if c.Created.IsZero() {
		c.Created = j.now()
	}
	j.cookies[jarKey(c.Domain, c.Path, c.Name)] = &c
}
