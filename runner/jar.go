package runner

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/publicsuffix"

	"github.com/courier-run/courier/internal/latin1"
	"github.com/courier-run/courier/internal/setcookie"
	"github.com/courier-run/courier/runner/wire"
	"github.com/courier-run/courier/scripting"
)

// Jar is the run's cookie jar, shared by every request, pm.sendRequest and
// pm.cookies.jar(). Unlike net/http/cookiejar it can list, delete and
// export its cookies. It follows the rules of tough-cookie 4.1.3 as
// postman-runtime configures it (checked against Newman 6.2.2): RFC 6265
// domain and path matching, cookies sent longest path first and then in
// creation order, loopback hosts counted as secure, __Secure-/__Host-
// prefixes enforced silently; a domain cookie is only looked up for hosts
// below its domain's public suffix (tough-cookie's permuteDomain).
type Jar struct {
	mu       sync.Mutex
	cookies  map[string]*StoredCookie // domain;path;name
	next     uint64                   // creation index: ties within a clock tick keep arrival order
	lastTick int64                    // the last store's tick (tick)
	now      func() time.Time
}

// StoredCookie is one cookie in the jar.
type StoredCookie struct {
	Name, Value  string
	Domain, Path string
	HostOnly     bool
	Secure       bool
	HTTPOnly     bool
	SameSite     string
	Expires      time.Time // when the cookie dies (from Max-Age or Expires); zero: session cookie
	// ExpiresAttr and MaxAge are the attributes as received (Max-Age
	// wins over Expires for Expires above); zero when absent.
	ExpiresAttr time.Time
	MaxAge      int
	// Extensions are attributes the cookie rules do not know, as written
	// ("Priority=HIGH").
	Extensions []string
	Created    time.Time
	// PathIsDefault: the Set-Cookie gave no path and the request's was
	// taken; LastAccessed: when the cookie was last stored or read for a
	// request (tough-cookie's fields, written to --export-cookie-jar).
	PathIsDefault bool
	LastAccessed  time.Time
	index         uint64
	// tick orders cookies created apart: tough-cookie sorts by creation
	// time in milliseconds, then by creation index. One response's
	// cookies share a tick; each later store (a response, a script's
	// jar.set) has a later one, as a millisecond has passed between them
	// in Newman. A replaced cookie keeps its tick.
	tick int64
	// givenDomain: a script's cookie object names its domain; tough-cookie
	// stores that domain as given (".example.com", "Example.com"), where no
	// lookup finds it.
	givenDomain bool
}

// NewJar returns an empty jar.
func NewJar() *Jar {
	return &Jar{cookies: map[string]*StoredCookie{}, now: time.Now}
}

func jarKey(domain, path, name string) string { return domain + ";" + path + ";" + name }

// canonicalHost is the request's host as tough-cookie's canonicalDomain
// has it: lower case, a trailing dot kept ("example.com." is a host of its
// own).
func canonicalHost(u *url.URL) string {
	return strings.ToLower(u.Hostname())
}

// tickNow is the tick of a store made now: the clock's millisecond, and
// always after the last store's.
func (j *Jar) tickNow() int64 {
	j.lastTick = max(j.now().UnixMilli(), j.lastTick+1)
	return j.lastTick
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

// isLoopbackHost reports whether tough-cookie treats host as a secure
// context even over plain http (RFC 6265bis "localhost" rule).
func isLoopbackHost(host string) bool {
	if host == "localhost" || strings.HasSuffix(host, ".localhost") || host == "::1" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.To4() != nil && strings.HasPrefix(host, "127.")
}

// parseSetCookie reads one Set-Cookie line (setcookie.Parse) as a cookie
// the jar has yet to complete.
func parseSetCookie(line string) (StoredCookie, bool) {
	p, ok := setcookie.Parse(line)
	return StoredCookie{
		Name: p.Name, Value: p.Value, Domain: p.Domain, Path: p.Path,
		Secure: p.Secure, HTTPOnly: p.HTTPOnly, SameSite: p.SameSite,
		ExpiresAttr: p.Expires, MaxAge: p.MaxAge, Extensions: p.Extensions,
	}, ok
}

// setResponseCookies stores the Set-Cookie lines of a response from u.
// A cookie the rules refuse is dropped, as tough-cookie does for
// responses (the error is ignored there).
func (j *Jar) setResponseCookies(u *url.URL, resp *http.Response) {
	lines := nodeSetCookies(resp)
	if len(lines) == 0 {
		return
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	tick := j.tickNow()
	for _, line := range lines {
		// Node reads the line as latin1: a UTF-8 value is stored (and
		// shown to scripts) as its bytes' characters, "cafÃ©", and goes
		// back on the wire as the same bytes (wire.Transport.Send).
		if sc, ok := parseSetCookie(latin1.Decode(line)); ok {
			sc.tick = tick
			_, _ = j.set(u, sc, false, false)
		}
	}
}

// SetCookies stores cookies given as net/http cookies (scripts' jar.set).
func (j *Jar) SetCookies(u *url.URL, cookies []*http.Cookie) {
	j.mu.Lock()
	defer j.mu.Unlock()
	tick := j.tickNow()
	for _, c := range cookies {
		sc := StoredCookie{Name: c.Name, Value: strings.TrimSpace(c.Value), Secure: c.Secure, HTTPOnly: c.HttpOnly, Domain: c.Domain, Path: c.Path}
		if c.Quoted {
			// tough-cookie keeps a quoted value's quotes; Go's parser
			// takes them off.
			sc.Value = `"` + c.Value + `"`
		}
		switch c.SameSite {
		case http.SameSiteLaxMode:
			sc.SameSite = "lax"
		case http.SameSiteStrictMode:
			sc.SameSite = "strict"
		case http.SameSiteNoneMode:
			sc.SameSite = "none"
		}
		switch {
		case c.MaxAge < 0:
			sc.MaxAge = -1
		case c.MaxAge > 0:
			sc.MaxAge = c.MaxAge
		}
		if !c.Expires.IsZero() {
			sc.ExpiresAttr = c.Expires
		}
		sc.Extensions = c.Unparsed
		sc.tick = tick
		_, _ = j.set(u, sc, false, false)
	}
}

// set stores sc as received from u, completing its domain, path, expiry
// and creation; it returns the stored cookie or why it was refused. With
// dry set, it only checks. A cookie that replaces one keeps its creation
// and tick; its creation index too, unless renew is set.
func (j *Jar) set(u *url.URL, sc StoredCookie, dry, renew bool) (StoredCookie, error) {
	host := canonicalHost(u)
	now := j.now()
	domain := strings.ToLower(strings.TrimPrefix(sc.Domain, "."))
	if domain == "" {
		sc.Domain, sc.HostOnly = host, true
	} else {
		if !domainMatch(host, domain) {
			//lint:ignore ST1005 tough-cookie's exact message, as scripts see it
			return sc, fmt.Errorf("Cookie not in this host's domain. Cookie:%s Request:%s", domain, host)
		}
		if !sc.givenDomain {
			sc.Domain = domain
		}
	}
	if sc.Path == "" || sc.Path[0] != '/' {
		sc.Path, sc.PathIsDefault = defaultPath(u), true
	}
	// tough-cookie's default prefixSecurity is "silent": refused, no error.
	if strings.HasPrefix(sc.Name, "__Secure-") && !sc.Secure ||
		strings.HasPrefix(sc.Name, "__Host-") && (!sc.Secure || !sc.HostOnly || sc.Path != "/") {
		return sc, errSilentlyRefused
	}
	if dry {
		return sc, nil
	}
	sc.Created, sc.LastAccessed = now, now
	key := jarKey(sc.Domain, sc.Path, sc.Name)
	if old, ok := j.cookies[key]; ok && !renew {
		sc.Created, sc.index, sc.tick = old.Created, old.index, old.tick
	} else if ok {
		sc.Created, sc.tick = old.Created, old.tick
		j.next++
		sc.index = j.next
	} else {
		j.next++
		sc.index = j.next
	}
	switch {
	case sc.MaxAge < 0:
		sc.Expires = time.Unix(0, 0)
	case sc.MaxAge > 0:
		// In whole seconds: a Max-Age past time.Duration's ~292 years
		// would overflow.
		sc.Expires = time.Unix(sc.Created.Unix()+int64(sc.MaxAge), int64(sc.Created.Nanosecond()))
	default:
		sc.Expires = sc.ExpiresAttr
	}
	if !sc.Expires.IsZero() && !sc.Expires.After(now) {
		// Stored and never read again by tough-cookie; the same for us.
		delete(j.cookies, key)
		return sc, nil
	}
	c := sc
	j.cookies[key] = &c
	return sc, nil
}

var errSilentlyRefused = errors.New("cookie refused by its name prefix")

// visibleDomain reports whether tough-cookie's store looks a cookie of
// domain up for host: the domain is the host, or one of its parents at or
// below the registrable domain (a domain cookie of "co.uk" or "github.io"
// is kept but never sent; a host that is itself a public suffix sees only
// its own).
func visibleDomain(host, domain string) bool {
	if host == domain {
		return true
	}
	if !domainMatch(host, domain) {
		return false
	}
	reg, err := publicsuffix.EffectiveTLDPlusOne(host)
	return err == nil && len(domain) >= len(reg)
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

// matchOptions are tough-cookie's getCookies options.
type matchOptions struct {
	noHTTP bool  // exclude HttpOnly cookies (a non-HTTP API)
	secure *bool // nil: from the scheme (and loopback hosts)
}

// matching returns the live cookies for u in tough-cookie's order: longest
// path first, then creation order.
func (j *Jar) matching(u *url.URL, o matchOptions) []*StoredCookie {
	host := canonicalHost(u)
	p := wirePath(u)
	if p == "" {
		p = "/"
	}
	secure := u.Scheme == "https" || u.Scheme == "wss" || isLoopbackHost(host)
	if o.secure != nil {
		secure = *o.secure
	}
	now := j.now()
	var out []*StoredCookie
	for key, c := range j.cookies {
		if !c.Expires.IsZero() && !c.Expires.After(now) {
			delete(j.cookies, key)
			continue
		}
		if c.HostOnly && host != c.Domain || !c.HostOnly && !visibleDomain(host, c.Domain) {
			continue
		}
		if !pathMatch(p, c.Path) || c.Secure && !secure || c.HTTPOnly && o.noHTTP {
			continue
		}
		c.LastAccessed = now // tough-cookie's getCookies updates it too
		out = append(out, c)
	}
	sort.Slice(out, func(a, b int) bool {
		if len(out[a].Path) != len(out[b].Path) {
			return len(out[a].Path) > len(out[b].Path)
		}
		if out[a].tick != out[b].tick {
			return out[a].tick < out[b].tick
		}
		return out[a].index < out[b].index
	})
	return out
}

// Cookies returns the cookies to send to u.
func (j *Jar) Cookies(u *url.URL) []*http.Cookie {
	j.mu.Lock()
	defer j.mu.Unlock()
	m := j.matching(u, matchOptions{})
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
	m := j.matching(u, matchOptions{})
	out := make([]StoredCookie, len(m))
	for i, c := range m {
		out[i] = *c
	}
	return out
}

func (c StoredCookie) script() scripting.JarCookie {
	return scripting.JarCookie{
		Name: c.Name, Value: c.Value, Domain: c.Domain, Path: c.Path,
		HostOnly: c.HostOnly, Secure: c.Secure, HTTPOnly: c.HTTPOnly,
		Expires: c.Expires, ExpiresAttr: c.ExpiresAttr, MaxAge: c.MaxAge, Extensions: c.Extensions,
	}
}

// Get lists the cookies for u as pm.cookies and pm.cookies.jar() see them.
func (j *Jar) Get(u *url.URL, o scripting.JarQuery) []scripting.JarCookie {
	j.mu.Lock()
	defer j.mu.Unlock()
	m := j.matching(u, matchOptions{noHTTP: o.NoHTTP, secure: o.Secure})
	out := make([]scripting.JarCookie, len(m))
	for i, c := range m {
		out[i] = c.script()
	}
	return out
}

// ParseSetCookie reads a cookie string a script gives jar.set as a
// Set-Cookie header is read (scripting.CookieStore).
func (j *Jar) ParseSetCookie(line string) (scripting.JarCookie, bool) {
	c, ok := parseSetCookie(line)
	return c.script(), ok
}

// Set stores a cookie a script gives for u (pm.cookies.jar().set); with
// dry set it only checks it.
func (j *Jar) Set(u *url.URL, c scripting.JarCookie, dry bool) (scripting.JarCookie, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	stored := StoredCookie{
		Name: c.Name, Value: c.Value, Domain: c.Domain, Path: c.Path,
		HostOnly: c.HostOnly, Secure: c.Secure, HTTPOnly: c.HTTPOnly,
		ExpiresAttr: c.ExpiresAttr, MaxAge: c.MaxAge, Extensions: c.Extensions,
	}
	// A script's cookie that replaces one keeps its creation time but
	// takes a new creation index, as the runtime's store rebuilds it from
	// the sandbox's copy: it goes after the cookies stored in the same
	// tick as the old one (fresh-round4n-i.json) and stays before later
	// ones (fresh-round13c-a.json), where a server's Set-Cookie keeps the
	// old one's place outright.
	stored.givenDomain = c.GivenDomain
	if !dry {
		stored.tick = j.tickNow()
	}
	sc, err := j.set(u, stored, dry, true)
	if errors.Is(err, errSilentlyRefused) {
		return scripting.JarCookie{}, nil
	}
	if err != nil {
		return scripting.JarCookie{}, err
	}
	return sc.script(), nil
}

// Clear removes every cookie visible to u.
func (j *Jar) Clear(u *url.URL) { j.Delete(u, "") }

// Delete removes the first cookie named name visible to u (as
// pm.cookies.jar().unset); an empty name removes every cookie visible to u.
func (j *Jar) Delete(u *url.URL, name string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	for _, c := range j.matching(u, matchOptions{}) {
		if name == "" || c.Name == name {
			delete(j.cookies, jarKey(c.Domain, c.Path, c.Name))
			if name != "" {
				return
			}
		}
	}
}

// Stored returns every live cookie in creation order, as tough-cookie
// serializes its store.
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
	sort.Slice(out, func(a, b int) bool { return out[a].index < out[b].index })
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
	if c.LastAccessed.IsZero() {
		c.LastAccessed = c.Created
	}
	c.tick = c.Created.UnixMilli()
	j.lastTick = max(j.lastTick, c.tick)
	key := jarKey(c.Domain, c.Path, c.Name)
	if old, ok := j.cookies[key]; ok {
		c.index = old.index
	} else {
		j.next++
		c.index = j.next
	}
	j.cookies[key] = &c
}

// nodeHeaderObjectFields is Node's maxHeadersCount: res.headers, where
// postman-request reads set-cookie, holds a response's first 1,000 header
// fields (rawHeaders, which scripts see, may hold up to 1,023:
// nodeRawHeaderFields).
const nodeHeaderObjectFields = 1000

// nodeSetCookies are the Set-Cookie lines postman-request stores: those
// among the head's first 1,000 fields (fresh-round14n-h.json). A head that
// long comes with its fields in order; net/http's map is used otherwise.
func nodeSetCookies(resp *http.Response) []string {
	fs := wire.HeaderFields(resp)
	if len(fs) <= nodeHeaderObjectFields {
		return resp.Header.Values("Set-Cookie")
	}
	var lines []string
	for _, f := range fs[:nodeHeaderObjectFields] {
		if strings.EqualFold(f.Name, "Set-Cookie") {
			lines = append(lines, f.Value)
		}
	}
	return lines
}
