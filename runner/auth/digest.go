package auth

import (
	"crypto/md5"
	"crypto/rand"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"hash"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/courier-run/courier/collections"
)

const alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// randomString returns n characters drawn from charset.
func randomString(n int, charset string) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	for i := range b {
		b[i] = charset[int(b[i])%len(charset)]
	}
	return string(b)
}

// digestHash maps a digest algorithm name to its hash; "" is MD5.
func digestHash(alg string) (func() hash.Hash, error) {
	switch alg {
	case "", "MD5", "MD5-sess":
		return md5.New, nil
	case "SHA-256", "SHA-256-sess":
		return sha256.New, nil
	case "SHA-512-256", "SHA-512-256-sess":
		return sha512.New512_256, nil
	}
	return nil, fmt.Errorf("unsupported digest algorithm %q", alg)
}

func hexHash(h func() hash.Hash, s ...[]byte) string {
	d := h()
	for _, b := range s {
		d.Write(b)
	}
	return hex.EncodeToString(d.Sum(nil))
}

// digestParams are the inputs of one digest computation.
type digestParams struct {
	algorithm, username, realm, password, method, uri string
	nonce, nonceCount, clientNonce, opaque, qop       string
	body                                              []byte
	unhashed                                          bool // a form-data body (auth-int)
}

// digestHeader computes the Authorization value the way Postman formats it
// (RFC 2617/7616 response, algorithm quoted, nc/cnonce only with a qop or
// MD5-sess).
func digestHeader(d digestParams) (string, error) {
	h, err := digestHash(d.algorithm)
	if err != nil {
		return "", err
	}
	if d.algorithm == "" {
		d.algorithm = "MD5"
	}
	var a1 string
	if strings.HasSuffix(d.algorithm, "-sess") {
		a1 = hexHash(h, []byte(d.username+":"+d.realm+":"+d.password)) + ":" + d.nonce + ":" + d.clientNonce
	} else {
		a1 = d.username + ":" + d.realm + ":" + d.password
	}
	a2 := d.method + ":" + d.uri
	switch {
	case d.qop == "auth-int" && d.unhashed:
		// postman-runtime has no hash of a form-data body and joins
		// JavaScript's undefined into A2 (fresh-round10n-k).
		a2 += ":undefined"
	case d.qop == "auth-int":
		a2 += ":" + hexHash(h, d.body)
	}
	ha1, ha2 := hexHash(h, []byte(a1)), hexHash(h, []byte(a2))
	withQop := d.qop == "auth" || d.qop == "auth-int"
	var resp string
	if withQop {
		resp = hexHash(h, []byte(strings.Join([]string{ha1, d.nonce, d.nonceCount, d.clientNonce, d.qop, ha2}, ":")))
	} else {
		resp = hexHash(h, []byte(ha1+":"+d.nonce+":"+ha2))
	}
	parts := []string{
		`username="` + d.username + `"`,
		`realm="` + d.realm + `"`,
		`nonce="` + d.nonce + `"`,
		`uri="` + d.uri + `"`,
		`algorithm="` + d.algorithm + `"`,
	}
	if withQop {
		parts = append(parts, "qop="+d.qop)
	}
	if withQop || d.algorithm == "MD5-sess" {
		if d.nonceCount != "" {
			parts = append(parts, "nc="+d.nonceCount)
		}
		parts = append(parts, `cnonce="`+d.clientNonce+`"`)
	}
	parts = append(parts, `response="`+resp+`"`)
	if d.opaque != "" {
		parts = append(parts, `opaque="`+d.opaque+`"`)
	}
	return "Digest " + strings.Join(parts, ", "), nil
}

// applyDigest signs only once realm and nonce are known (from the block or
// a challenge); before that Postman sends the request unsigned to get one.
func applyDigest(req *http.Request, p params, body []byte, unhashed bool) error {
	if p.get("nonce") == "" || p.get("realm") == "" || p.get("username") == "" {
		return nil
	}
	hdr, err := digestHeader(digestParams{
		algorithm:   p.get("algorithm"),
		username:    p.get("username"),
		realm:       p.get("realm"),
		password:    p.get("password"),
		method:      req.Method,
		uri:         req.URL.RequestURI(),
		nonce:       p.get("nonce"),
		nonceCount:  p.get("nonceCount"),
		clientNonce: p.get("clientNonce"),
		opaque:      p.get("opaque"),
		qop:         p.get("qop"),
		body:        body,
		unhashed:    unhashed,
	})
	if err != nil {
		return err
	}
	setHeader(req.Header, "Authorization", hdr)
	return nil
}

var (
	digestNonceRe  = regexp.MustCompile(`(?i)nonce="([^"]*)"`)
	digestRealmRe  = regexp.MustCompile(`(?i)realm="([^"]*)"`)
	digestQopRe    = regexp.MustCompile(`(?i)qop="([^"]*)"`)
	digestOpaqueRe = regexp.MustCompile(`(?i)opaque="([^"]*)"`)
	digestAlgRe    = regexp.MustCompile(`(?i)algorithm="?([A-Za-z0-9-]+)"?`)
)

func extract(re *regexp.Regexp, s string) string {
	if m := re.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

// DigestLearned are the digest parameters Postman's runtime writes into the
// auth block (from a challenge, or counting the nonce up).
var DigestLearned = []string{"nonce", "realm", "opaque", "qop", "clientNonce", "nonceCount"}

// Settle is Postman's post-response step for a's auth type, run on every
// response that is not answered with a challenge retry: digest counts the
// nonce as used (nonceCount 00000001 becomes 00000002, a missing or
// unreadable count 00000001), so scripts after the request, and the next
// request using the same block, see the count it would send. A count the
// collection gives itself (user["nonceCount"]) stays, as the runtime never
// overwrites a user's non-empty parameter. Other types have nothing to
// settle.
func Settle(a *collections.Auth, resp *http.Response, user map[string]bool) {
	if a != nil && resp != nil && strings.EqualFold(a.Type, TypeNTLM) {
		// The runtime ends every request's handshake where it started.
		if !paramsOf(a).flag("disableRetryRequest") {
			a.Set(ntlmStateKey, ntlmInitialized)
			a.SetUndefined(ntlmHeaderKey)
		}
		return
	}
	if a == nil || resp == nil || !strings.EqualFold(a.Type, TypeDigest) || user["nonceCount"] {
		return
	}
	p := paramsOf(a)
	if p.flag("disableRetryRequest") {
		return
	}
	if (resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden) && digestChallenge(resp) != "" {
		return
	}
	next := "00000001"
	if n, err := strconv.Atoi(strings.TrimSpace(p.get("nonceCount"))); err == nil {
		next = fmt.Sprintf("%08d", n+1)
	}
	a.Set("nonceCount", next)
}

// digestChallenge is the first "Digest ..." WWW-Authenticate value.
func digestChallenge(resp *http.Response) string {
	for _, v := range resp.Header.Values("Www-Authenticate") {
		if strings.HasPrefix(strings.ToLower(v), "digest ") {
			return v
		}
	}
	return ""
}

// digestLearn reads a digest challenge into p and reports whether a retry is
// due. Like Postman: only a 401/403 with a "Digest " WWW-Authenticate counts,
// nothing happens with disableRetryRequest, no retry when the block already
// had every value the server sent, and existing non-empty values are kept.
//
// Two deliberate differences make challenges Postman would botch work: a
// qop list ("auth,auth-int") picks "auth" instead of being used verbatim,
// and the server's algorithm is used when the block names none.
func digestLearn(a *collections.Auth, resp *http.Response) bool {
	p := paramsOf(a)
	if p.flag("disableRetryRequest") {
		return false
	}
	if resp.StatusCode != http.StatusUnauthorized && resp.StatusCode != http.StatusForbidden {
		return false
	}
	var challenge string
	for _, v := range resp.Header.Values("Www-Authenticate") {
		if strings.HasPrefix(strings.ToLower(v), "digest ") {
			challenge = v
			break
		}
	}
	if challenge == "" {
		return false
	}
	learned := map[string]string{
		"nonce": extract(digestNonceRe, challenge),
		"realm": extract(digestRealmRe, challenge),
	}
	if v := extract(digestOpaqueRe, challenge); v != "" {
		learned["opaque"] = v
	}
	if v := pickQop(extract(digestQopRe, challenge)); v != "" {
		learned["qop"] = v
	}
	if learned["qop"] != "" || p.get("qop") != "" {
		learned["clientNonce"] = randomString(8, alnum)
		learned["nonceCount"] = "00000001"
	}
	all := true
	for k := range learned {
		if p.get(k) == "" {
			all = false
		}
	}
	if all {
		return false
	}
	// In the runtime's order (scripts and reports list them so), never
	// over a non-empty value.
	for _, k := range DigestLearned {
		if v, ok := learned[k]; ok && p.m[k] == "" {
			a.Set(k, v)
		}
	}
	if p.m["algorithm"] == "" {
		if alg := extract(digestAlgRe, challenge); alg != "" {
			if _, err := digestHash(alg); err == nil {
				a.Set("algorithm", alg)
			}
		}
	}
	return true
}

// pickQop chooses one qop from a server's comma-separated list.
func pickQop(list string) string {
	var first string
	for _, q := range strings.Split(list, ",") {
		q = strings.TrimSpace(q)
		if q == "auth" {
			return q
		}
		if first == "" {
			first = q
		}
	}
	return first
}
