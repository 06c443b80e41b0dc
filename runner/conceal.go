package runner

import (
	"encoding/base64"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner/auth"
)

// Without --vault-scripts, test scripts see the request they follow with
// every vault value put back as its {{vault:NAME}} reference, while the
// wire carries the value: pm.request (url, headers, auth, body, toJSON)
// and the legacy request object are built from the concealed copy. A
// credential an auth helper signed with a vault value (digest, OAuth 1,
// Hawk, AWS, JWT, EdgeGrid, ASAP) cannot be written with references and
// reads as concealedDerived. See docs/vault.md.

// concealedDerived stands for a credential derived from a vault value that
// no reference can express (a signature over a secret key).
const concealedDerived = "***"

// minConcealLen is the shortest value concealed: replacing every "ab" in a
// request would garble it, and masking stops at the same length.
const minConcealLen = 3

// usedSecrets records the vault secrets one request resolved (name and
// value), wrapping the run's resolver. Safe for concurrent use.
type usedSecrets struct {
	RequestSecrets
	mu    sync.Mutex
	names []string
	vals  []string
}

func (u *usedSecrets) ResolveSecret(name string) (string, error) {
	v, err := u.RequestSecrets.ResolveSecret(name)
	if err == nil {
		u.mu.Lock()
		u.names = append(u.names, name)
		u.vals = append(u.vals, v)
		u.mu.Unlock()
	}
	return v, err
}

// concealer turns vault values, as written or percent-encoded in any mix
// (each encoder of a URL, form body or OAuth 1 signature base encodes a
// different set of characters; a value holding "&", "=" or "/" is spread
// over several query parameters or path segments), back into references.
type concealer struct {
	secrets []concealed // longest value first
}

type concealed struct{ value, ref string }

// concealer returns nil when nothing needs concealing.
func (u *usedSecrets) concealer() *concealer {
	if u == nil {
		return nil
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	var c concealer
	seen := map[string]bool{}
	for i, v := range u.vals {
		if utf8.RuneCountInString(v) < minConcealLen || strings.TrimSpace(v) == "" || seen[v] {
			continue
		}
		seen[v] = true
		c.secrets = append(c.secrets, concealed{v, "{{vault:" + u.names[i] + "}}"})
	}
	if len(c.secrets) == 0 {
		return nil
	}
	// Longest first: a value may contain another.
	sort.SliceStable(c.secrets, func(i, j int) bool { return len(c.secrets[i].value) > len(c.secrets[j].value) })
	return &c
}

// replace puts the reference in place of every occurrence of a value in s.
func (c *concealer) replace(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		for _, sec := range c.secrets {
			if end, ok := matchEncoded(s, i, sec.value); ok {
				b.WriteString(s[last:i])
				b.WriteString(sec.ref)
				last = end
				i = end - 1
				break
			}
		}
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// matchEncoded reports whether v starts at s[i], each of its bytes either
// as written, percent-encoded once or twice (hex in either case), escaped
// as in JSON (\" or \u0022), or, for a space, "+"; letters in either
// case. end is where the match stops.
func matchEncoded(s string, i int, v string) (end int, ok bool) {
	j := i
	for k := 0; k < len(v); k++ {
		n := spells(s, j, v[k])
		if n == 0 {
			return 0, false
		}
		j += n
	}
	return j, true
}

// spells returns how many bytes of s from j spell b in one of the forms
// matchEncoded accepts, or 0.
func spells(s string, j int, b byte) int {
	if j >= len(s) {
		return 0
	}
	b = lowerByte(b)
	switch s[j] {
	case '%':
		if lowerHexAt(s, j+1) == int(b) {
			return 3
		}
		if strings.HasPrefix(s[j:], "%25") && lowerHexAt(s, j+3) == int(b) {
			return 5
		}
	case '\\':
		if j+1 < len(s) && lowerByte(jsonEscaped(s[j+1])) == b {
			return 2
		}
		if strings.HasPrefix(s[j:], `\u00`) && lowerHexAt(s, j+4) == int(b) {
			return 6
		}
	case '+':
		if b == ' ' {
			return 1
		}
	}
	if lowerByte(s[j]) == b {
		return 1
	}
	return 0
}

// lowerByte lower-cases an ASCII letter: host names go out lower-cased
// (the Host header), so a value matches in either case.
func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// lowerHexAt is hexAt lower-cased.
func lowerHexAt(s string, i int) int {
	h := hexAt(s, i)
	if h < 0 {
		return h
	}
	return int(lowerByte(byte(h)))
}

// hexAt is the byte the two hex digits at s[i:] spell, or -1.
func hexAt(s string, i int) int {
	if i+1 >= len(s) || !isHex(s[i]) || !isHex(s[i+1]) {
		return -1
	}
	return int(unhex(s[i], s[i+1]))
}

// jsonEscaped is the character a JSON or JavaScript escape \c stands for
// (0 for one that needs more than c).
func jsonEscaped(c byte) byte {
	switch c {
	case '"', '\\', '/', '\'':
		return c
	case 'n':
		return '\n'
	case 't':
		return '\t'
	case 'r':
		return '\r'
	}
	return 0
}

func unhex(a, b byte) byte { return hexVal(a)<<4 | hexVal(b) }

func hexVal(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}

// jwtRE finds JSON Web Tokens: their header always starts {" (eyJ).
var jwtRE = regexp.MustCompile(`eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*`)

// text conceals one string: the values' forms, the user:password inside
// Basic credentials, and the header and claims of a JWT.
func (c *concealer) text(s string) string {
	if c == nil || s == "" {
		return s
	}
	if len(s) > 6 && strings.EqualFold(s[:6], "Basic ") {
		if raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(s[6:])); err == nil {
			if t := c.replace(string(raw)); t != string(raw) {
				s = s[:6] + base64.StdEncoding.EncodeToString([]byte(t))
			}
		}
	}
	if strings.Contains(s, "eyJ") {
		s = jwtRE.ReplaceAllStringFunc(s, c.jwt)
	}
	return c.replace(s)
}

// jwt conceals values in a token's header and claims; the signature stays
// (see request for tokens signed with a vault value).
func (c *concealer) jwt(tok string) string {
	parts := strings.SplitN(tok, ".", 3)
	changed := false
	for i := 0; i < 2; i++ {
		raw, err := base64.RawURLEncoding.DecodeString(parts[i])
		if err != nil {
			return tok
		}
		if t := c.replace(string(raw)); t != string(raw) {
			parts[i] = base64.RawURLEncoding.EncodeToString([]byte(t))
			changed = true
		}
	}
	if !changed {
		return tok
	}
	return strings.Join(parts, ".")
}

// holds reports whether s contains one of the values as written.
func (c *concealer) holds(s string) bool {
	return c.replace(s) != s
}

// transparentAuth lists the auth types whose credential is its inputs as
// written (or base64, for Basic): concealing the values conceals it.
var transparentAuth = map[string]bool{
	"": true, auth.TypeNoAuth: true, auth.TypeBasic: true, auth.TypeBearer: true,
	auth.TypeAPIKey: true, auth.TypeOAuth2: true,
}

// request returns the test scripts' view of req (the request as sent,
// resolved) with the vault values concealed. When req's auth signed with a
// vault value, what the signer added (the Authorization header, an OAuth 1
// signature or a JWT in the query or body) reads as concealedDerived.
func (c *concealer) request(req *collections.Request) *collections.Request {
	if c == nil || req == nil {
		return req
	}
	out := cloneRequest(req)
	signed := c.auth(out.Auth)
	derived := map[string]bool{} // query and form keys a signer filled
	if signed {
		derived["oauth_signature"] = true
		if strings.EqualFold(out.Auth.Type, auth.TypeJWT) {
			key := out.Auth.Params["queryParamKey"]
			if key == "" {
				key = "token"
			}
			derived[key] = true
		}
	}
	c.url(&out.URL, derived)
	for i := range out.Header {
		h := &out.Header[i]
		h.Key, h.Value = c.text(h.Key), c.text(h.Value)
		if h.JSON != "" {
			h.JSON = collections.MapJSONStrings(h.JSON, c.text)
		}
		if signed && (strings.EqualFold(h.Key, "Authorization") || strings.EqualFold(h.Key, "Proxy-Authorization")) {
			h.Value, h.JSON = concealedDerived, ""
		}
	}
	c.body(out.Body, derived)
	return out
}

// auth conceals a's parameters and reports whether a signs with a vault
// value (its credential cannot be written with references).
func (c *concealer) auth(a *collections.Auth) (signed bool) {
	if a == nil {
		return false
	}
	for k, v := range a.Params {
		if !transparentAuth[strings.ToLower(a.Type)] && c.holds(v) {
			signed = true
		}
		a.Params[k] = c.text(v)
	}
	// The lists of the types not selected never sign, but scripts see them.
	for _, o := range a.Others {
		for k, v := range o.Params {
			o.Params[k] = c.text(v)
		}
	}
	return signed
}

// url conceals u as one text (a value holding "&", "=" or "/" was spread
// over several parts when it was resolved), then the query values a
// signer filled (derived).
func (c *concealer) url(u *collections.URL, derived map[string]bool) {
	vars := u.Variables
	if full := u.String(); c.text(full) != full {
		*u = collections.ParseURL(c.text(full))
	}
	u.Raw = c.text(u.Raw)
	u.Variables = vars
	for i := range u.Variables {
		v := &u.Variables[i]
		v.Value = c.text(v.Value)
		if v.JSON != "" {
			v.JSON = collections.MapJSONStrings(v.JSON, c.text)
		}
	}
	for i := range u.Query {
		if q := &u.Query[i]; q.JSON != "" {
			q.JSON = collections.MapJSONStrings(q.JSON, c.text)
		}
	}
	signed := false
	for i := range u.Query {
		if q := &u.Query[i]; q.Value != nil && derived[q.Key] {
			v := concealedDerived
			q.Value = &v
			signed = true
		}
	}
	if signed {
		// The raw text must not keep a signature the parts conceal.
		parts := *u
		parts.Raw = ""
		u.Raw = parts.String()
	}
}

func (c *concealer) body(b *collections.Body, derived map[string]bool) {
	if b == nil {
		return
	}
	b.Raw, b.File = c.text(b.Raw), c.text(b.File)
	for i := range b.URLEncoded {
		p := &b.URLEncoded[i]
		c.formParam(p)
		if derived[p.Key] {
			p.Value, p.JSON = concealedDerived, ""
		}
	}
	for i := range b.FormData {
		c.formParam(&b.FormData[i])
	}
	if g := b.GraphQL; g != nil {
		g.Query, g.Variables = c.text(g.Query), c.text(g.Variables)
	}
}

// formParam conceals a form row; a typed value (an array or object the
// collection gave) is what scripts read, so its strings are concealed too.
func (c *concealer) formParam(p *collections.FormParam) {
	p.Key, p.Value = c.text(p.Key), c.text(p.Value)
	if p.JSON != "" {
		p.JSON = collections.MapJSONStrings(p.JSON, c.text)
	}
}
