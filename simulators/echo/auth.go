package echo

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"hash"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strings"
)

// Credentials published in postman-echo's documentation.
const (
	AuthUser     = "postman"
	AuthPassword = "password"
	DigestRealm  = "Users"
	// DigestNonce is the nonce of every challenge. postman-echo's are random;
	// a fixed one keeps runs reproducible, and any nonce is accepted anyway.
	DigestNonce = "c0ur1erEch0N0nceFixedForRepr0duc"

	HawkID  = "dh37fgj492je"
	HawkKey = "werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn"

	OAuth1ConsumerKey    = "RKCGzna7bv9YD57c"
	OAuth1ConsumerSecret = "D+EdQ-gs$-%@2Nu7"

	OAuth2Token = "vp7jxTwqgczoFHs0uIdOvv4VdBWmvCkbVbNBCuaTQ3JZplPS40BaNV47HD1zt7MztQPILJvqYsOs6PfJpFYBgwbaE3CVEKOj"
)

func writeUnauthorized(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusUnauthorized)
	_, _ = io.WriteString(w, "Unauthorized")
}

func equalSecret(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// GET /basic-auth: postman:password → {"authenticated": true}, else 401.
func (s *Server) basicAuth(w http.ResponseWriter, r *http.Request, _ string) {
	_ = readBody(r, s.opts.MaxBody)
	user, pass, ok := r.BasicAuth()
	if !ok || user != AuthUser || !equalSecret(pass, AuthPassword) {
		writeUnauthorized(w)
		return
	}
	writeJSON(w, http.StatusOK, newObject().set("authenticated", true))
}

// authParams parses the `k=v, k2="v 2"` list after an Authorization scheme.
// Names are lower-cased; quoted values are unescaped.
func authParams(r *http.Request, scheme string) (map[string]string, bool) {
	h := r.Header.Get("Authorization")
	if len(h) <= len(scheme) || !strings.EqualFold(h[:len(scheme)], scheme) || h[len(scheme)] != ' ' {
		return nil, false
	}
	rest := h[len(scheme)+1:]
	out := map[string]string{}
	for {
		rest = strings.TrimLeft(rest, " \t,")
		name, after, ok := strings.Cut(rest, "=")
		if !ok {
			return out, true
		}
		name = strings.ToLower(strings.TrimSpace(name))
		after = strings.TrimLeft(after, " \t")
		var val strings.Builder
		if strings.HasPrefix(after, `"`) {
			i := 1
			for ; i < len(after) && after[i] != '"'; i++ {
				if after[i] == '\\' && i+1 < len(after) {
					i++
				}
				val.WriteByte(after[i])
			}
			rest = after[min(i+1, len(after)):]
		} else {
			end := strings.IndexByte(after, ',')
			if end < 0 {
				end = len(after)
			}
			val.WriteString(strings.TrimSpace(after[:end]))
			rest = after[end:]
		}
		out[name] = val.String()
	}
}

// /digest-auth: RFC 7616 digest for postman:password in realm Users. MD5,
// SHA-256 and SHA-512-256 (and -sess) are checked; qop auth, auth-int or
// none. Any nonce is accepted, so clients may reuse an old challenge.
func (s *Server) digestAuth(w http.ResponseWriter, r *http.Request, _ string) {
	body := readBody(r, s.opts.MaxBody)
	if p, ok := authParams(r, "Digest"); ok && digestOK(r.Method, p, body) {
		writeJSON(w, http.StatusOK, newObject().set("authenticated", true))
		return
	}
	w.Header().Set("WWW-Authenticate", `Digest realm="`+DigestRealm+`", nonce="`+DigestNonce+`", qop="auth"`)
	writeUnauthorized(w)
}

func digestOK(method string, p map[string]string, body []byte) bool {
	if p["username"] != AuthUser || p["realm"] != DigestRealm || p["nonce"] == "" || p["response"] == "" {
		return false
	}
	alg := strings.ToUpper(p["algorithm"])
	base, sess := strings.CutSuffix(alg, "-SESS")
	var newHash func() hash.Hash
	switch base {
	case "", "MD5":
		newHash = md5.New
	case "SHA-256":
		newHash = sha256.New
	case "SHA-512-256":
		newHash = sha512.New512_256
	default:
		return false
	}
	h := func(parts ...string) string {
		d := newHash()
		_, _ = io.WriteString(d, strings.Join(parts, ":"))
		return hex.EncodeToString(d.Sum(nil))
	}
	ha1 := h(p["username"], p["realm"], AuthPassword)
	if sess {
		ha1 = h(ha1, p["nonce"], p["cnonce"])
	}
	qop := strings.ToLower(p["qop"])
	ha2 := h(method, p["uri"])
	if qop == "auth-int" {
		ha2 = h(method, p["uri"], h(string(body)))
	}
	var want string
	if qop == "" {
		want = h(ha1, p["nonce"], ha2)
	} else {
		want = h(ha1, p["nonce"], p["nc"], p["cnonce"], qop, ha2)
	}
	return equalSecret(want, strings.ToLower(p["response"]))
}

// hostPort splits the Host header, defaulting the port by scheme.
func hostPort(r *http.Request) (string, string) {
	if host, port, err := net.SplitHostPort(r.Host); err == nil {
		return host, port
	}
	if r.TLS != nil {
		return r.Host, "443"
	}
	return r.Host, "80"
}

// requestPath is the path and query as sent, for signature base strings.
func requestPath(r *http.Request) string {
	uri := r.RequestURI
	if strings.HasPrefix(uri, "http://") || strings.HasPrefix(uri, "https://") {
		if u, err := url.Parse(uri); err == nil {
			return u.RequestURI()
		}
	}
	return uri
}

// /auth/hawk: Hawk header authentication with postman-echo's documented
// credentials (sha256). Timestamps are not checked for skew and a payload
// hash is trusted as sent (it is covered by the MAC).
func (s *Server) hawkAuth(w http.ResponseWriter, r *http.Request, _ string) {
	_ = readBody(r, s.opts.MaxBody)
	fail := func(msg string) {
		writeJSON(w, http.StatusUnauthorized, newObject().
			set("statusCode", http.StatusUnauthorized).
			set("error", "Unauthorized").
			set("message", msg))
	}
	p, ok := authParams(r, "Hawk")
	if !ok {
		w.Header().Set("WWW-Authenticate", "Hawk")
		fail("Missing authentication")
		return
	}
	if p["id"] != HawkID {
		fail("Unknown credentials")
		return
	}
	host, port := hostPort(r)
	ext := strings.NewReplacer(`\`, `\\`, "\n", `\n`).Replace(p["ext"])
	var norm strings.Builder
	for _, line := range []string{"hawk.1.header", p["ts"], p["nonce"], strings.ToUpper(r.Method),
		requestPath(r), strings.ToLower(host), port, p["hash"], ext} {
		norm.WriteString(line + "\n")
	}
	if p["app"] != "" {
		norm.WriteString(p["app"] + "\n" + p["dlg"] + "\n")
	}
	mac := hmac.New(sha256.New, []byte(HawkKey))
	_, _ = io.WriteString(mac, norm.String())
	if !equalSecret(base64.StdEncoding.EncodeToString(mac.Sum(nil)), p["mac"]) {
		fail("Bad mac")
		return
	}
	writeJSON(w, http.StatusOK, newObject().set("message", "Hawk Authentication Successful"))
}

// percentEncode is RFC 3986 encoding as OAuth 1.0a requires: everything but
// ALPHA, DIGIT and -._~ is escaped, with upper-case hex.
func percentEncode(s string) string {
	const hexdig = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '.', c == '_', c == '~':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hexdig[c>>4])
			b.WriteByte(hexdig[c&15])
		}
	}
	return b.String()
}

type param struct{ name, value string }

func formPairs(raw string) []param {
	var out []param
	for _, part := range strings.Split(raw, "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		out = append(out, param{decodeComponent(k), decodeComponent(v)})
	}
	return out
}

// /oauth1: checks an OAuth 1.0a signature made with the documented consumer
// key and secret (token secret empty). HMAC-SHA1/256/512 and PLAINTEXT;
// parameters may come in the header, the query or a urlencoded body.
func (s *Server) oauth1(w http.ResponseWriter, r *http.Request, _ string) {
	in := readOAuth1(r, readBody(r, s.opts.MaxBody))
	baseURI := oauth1BaseURI(r)
	key := percentEncode(OAuth1ConsumerSecret) + "&"
	known := in.consumer == OAuth1ConsumerKey
	norm, base := oauth1BaseString(r.Method, baseURI, in.signed)
	ok := known && oauth1Verify(in.method, key, in.signature, base)
	if !ok && known {
		// Postman's "addEmptyParamsToSign: false" sends empty oauth_*
		// parameters but leaves them out of the signature.
		var nonEmpty []param
		for _, p := range in.signed {
			if p.value != "" || !strings.HasPrefix(p.name, "oauth_") {
				nonEmpty = append(nonEmpty, p)
			}
		}
		if len(nonEmpty) < len(in.signed) {
			_, b := oauth1BaseString(r.Method, baseURI, nonEmpty)
			ok = oauth1Verify(in.method, key, in.signature, b)
		}
	}
	if ok {
		writeJSON(w, http.StatusOK, newObject().
			set("status", "pass").
			set("message", "OAuth-1.0a signature verification was successful"))
		return
	}
	msg := strings.ToUpper(in.method) + " verification failed"
	if !known {
		msg = "unknown oauth_consumer_key"
	}
	writeJSON(w, http.StatusUnauthorized, newObject().
		set("status", "fail").
		set("message", msg).
		set("base_uri", baseURI).
		set("normalized_param_string", norm).
		set("base_string", base).
		set("signing_key", key))
}

// oauth1Request is what an OAuth 1.0a request carries: the parameters it
// signs, and the signature, its method and the consumer key among them.
type oauth1Request struct {
	signed                      []param
	signature, method, consumer string
}

// readOAuth1 gathers the parameters of the Authorization header (realm
// aside), the query and a urlencoded body.
func readOAuth1(r *http.Request, body []byte) oauth1Request {
	var in oauth1Request
	collect := func(name, value string) {
		switch name {
		case "oauth_signature":
			in.signature = value
			return
		case "oauth_signature_method":
			in.method = value
		case "oauth_consumer_key":
			in.consumer = value
		}
		in.signed = append(in.signed, param{name, value})
	}
	if hp, ok := authParams(r, "OAuth"); ok {
		for name, value := range hp {
			if name == "realm" {
				continue
			}
			dn, _ := url.PathUnescape(name)
			dv, err := url.PathUnescape(value)
			if err != nil {
				dv = value
			}
			collect(dn, dv)
		}
	}
	for _, p := range formPairs(rawQuery(r)) {
		collect(p.name, p.value)
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt == "application/x-www-form-urlencoded" {
		for _, p := range formPairs(string(body)) {
			collect(p.name, p.value)
		}
	}
	return in
}

// oauth1BaseURI is the request's URL as OAuth 1.0a signs it: scheme and
// host lower case, the default port left out, no query.
func oauth1BaseURI(r *http.Request) string {
	host, port := hostPort(r)
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	baseURI := scheme + "://" + strings.ToLower(host)
	if (scheme == "http" && port != "80") || (scheme == "https" && port != "443") {
		baseURI += ":" + port
	}
	path, _, _ := strings.Cut(requestPath(r), "?")
	return baseURI + path
}

// oauth1BaseString is the normalized parameter string of ps and the
// signature base string (RFC 5849 3.4.1).
func oauth1BaseString(method, baseURI string, ps []param) (norm, base string) {
	enc := make([]param, len(ps))
	for i, p := range ps {
		enc[i] = param{percentEncode(p.name), percentEncode(p.value)}
	}
	sort.Slice(enc, func(i, j int) bool {
		if enc[i].name != enc[j].name {
			return enc[i].name < enc[j].name
		}
		return enc[i].value < enc[j].value
	})
	pairs := make([]string, len(enc))
	for i, p := range enc {
		pairs[i] = p.name + "=" + p.value
	}
	norm = strings.Join(pairs, "&")
	return norm, strings.ToUpper(method) + "&" + percentEncode(baseURI) + "&" + percentEncode(norm)
}

// oauth1Verify checks signature against base signed with key by method.
func oauth1Verify(method, key, signature, base string) bool {
	var newHash func() hash.Hash
	switch strings.ToUpper(method) {
	case "PLAINTEXT":
		return equalSecret(key, signature)
	case "HMAC-SHA1":
		newHash = sha1.New
	case "HMAC-SHA256":
		newHash = sha256.New
	case "HMAC-SHA512":
		newHash = sha512.New
	default:
		return false
	}
	m := hmac.New(newHash, []byte(key))
	_, _ = io.WriteString(m, base)
	return equalSecret(base64.StdEncoding.EncodeToString(m.Sum(nil)), signature)
}

// /oauth2/token: a stand-in token endpoint that always issues OAuth2Token.
func (s *Server) oauth2Token(w http.ResponseWriter, r *http.Request, _ string) {
	_ = readBody(r, s.opts.MaxBody)
	writeJSON(w, http.StatusOK, newObject().
		set("access_token", OAuth2Token).
		set("token_type", "Bearer").
		set("expires_in", 3600).
		set("scope", ""))
}

// GET /oauth2/user/info: needs any Bearer token.
func (s *Server) oauth2UserInfo(w http.ResponseWriter, r *http.Request, _ string) {
	_ = readBody(r, s.opts.MaxBody)
	scheme, token, _ := strings.Cut(r.Header.Get("Authorization"), " ")
	if !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
		w.Header().Set("WWW-Authenticate", `Bearer realm="`+DigestRealm+`"`)
		writeJSON(w, http.StatusUnauthorized, newObject().set("error", "invalid_token"))
		return
	}
	writeJSON(w, http.StatusOK, newObject().
		set("user_id", "1").
		set("name", "Postman Echo").
		set("email", "echo@example.com"))
}
