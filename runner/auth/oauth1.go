package auth

import (
	"crypto"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"hash"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// oauth1Keys are the protocol parameters Postman strips from the query and
// body before adding its own.
var oauth1Keys = []string{
	"oauth_consumer_key", "oauth_token", "oauth_signature_method", "oauth_timestamp",
	"oauth_nonce", "oauth_version", "oauth_signature", "oauth_callback",
	"oauth_verifier", "oauth_body_hash",
}

// node-oauth1's nonce alphabet, typo ("XTZ", no "j") included.
const oauth1NonceChars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXTZabcdefghiklmnopqrstuvwxyz"

// applyOAuth1 signs per RFC 5849 as postman-runtime does with node-oauth1:
// the protocol parameters, the signature over them and the request's own
// query and form parameters, and then the parameters placed in the header,
// the form body or the query.
func applyOAuth1(req *http.Request, p params, body []byte, opts Options) error {
	method := p.get("signatureMethod")
	if !oauth1HasCredentials(p, method) {
		return nil // Postman leaves the request alone without credentials
	}
	o := oauth1Params{p: p, addEmpty: p.flag("addEmptyParamsToSign")}
	form := isURLEncoded(req, opts)
	_, hashAlgo, _ := strings.Cut(method, "-")
	sigParams := o.protocolParams(hashAlgo, body, form, opts)

	// Work on copies so an error leaves the request untouched.
	u := *req.URL
	removeQuery(&u, oauth1Keys...)
	var formParams []pair
	if form {
		formParams = oauth1FormParams(body)
	}
	base := rfc3986(strings.ToUpper(req.Method)) + "&" + rfc3986(oauth1BaseURL(&u)) + "&" +
		rfc3986(oauth1Normalize(oauth1SignedParams(method, sigParams, splitForm(u.RawQuery), formParams)))
	sig, err := oauth1Sign(method, base, p.get("consumerSecret"), p.get("tokenSecret"), p.get("privateKey"))
	if err != nil {
		return err
	}
	sigParams = append(sigParams, pair{"oauth_signature", sig, true})

	if !opts.DisableURLEncoding {
		u.RawQuery = oauth1Reencode(u.RawQuery)
	}
	placeOAuth1(req, &u, p, sigParams, formParams, form, opts)
	return nil
}

// oauth1HasCredentials reports whether the signature method's secrets are
// there: the consumer key, and the consumer secret or (RSA) private key.
func oauth1HasCredentials(p params, method string) bool {
	sigAlgo, _, _ := strings.Cut(method, "-")
	isRSA := strings.EqualFold(sigAlgo, "RSA")
	return p.get("consumerKey") != "" && (isRSA || p.get("consumerSecret") != "") && (!isRSA || p.get("privateKey") != "")
}

// oauth1Params reads an oauth1 auth's parameters as values to sign.
type oauth1Params struct {
	p        params
	addEmpty bool // addEmptyParamsToSign
}

// val is a parameter's value; a whitespace-only value counts as absent
// unless empty params are signed.
func (o oauth1Params) val(k string) string {
	v := o.p.get(k)
	if !o.addEmpty && strings.TrimSpace(v) == "" {
		return ""
	}
	return v
}

// protocolParams are the oauth_* parameters, signature aside, in
// node-oauth1's order: a fresh nonce and the current time when not given,
// the extensions only when set, and empty ones only with addEmpty.
func (o oauth1Params) protocolParams(hashAlgo string, body []byte, form bool, opts Options) []pair {
	nonce := o.val("nonce")
	if nonce == "" {
		nonce = randomString(11, oauth1NonceChars)
	}
	timestamp := o.val("timestamp")
	if timestamp == "" {
		timestamp = strconv.FormatInt(opts.now().Unix(), 10)
	}
	var bodyHash string
	// postman-runtime hashes no form-data body (its computeBodyHash has no
	// case for one: fresh-round10n-j).
	if !form && !opts.UnhashedBody && o.p.flag("includeBodyHash") {
		bodyHash = oauth1BodyHash(hashAlgo, body)
	}

	sigParams := []pair{
		{"oauth_consumer_key", o.val("consumerKey"), true},
		{"oauth_token", o.val("token"), true},
		{"oauth_signature_method", o.val("signatureMethod"), true},
		{"oauth_timestamp", timestamp, true},
		{"oauth_nonce", nonce, true},
		{"oauth_version", o.val("version"), true},
	}
	// Extensions are signed only when set, whatever addEmptyParamsToSign says.
	for _, ext := range []pair{
		{"oauth_body_hash", bodyHash, true},
		{"oauth_callback", o.val("callback"), true},
		{"oauth_verifier", o.val("verifier"), true},
	} {
		if ext.v != "" {
			sigParams = append(sigParams, ext)
		}
	}
	if o.addEmpty {
		return sigParams
	}
	kept := sigParams[:0]
	for _, sp := range sigParams {
		if sp.v != "" {
			kept = append(kept, sp)
		}
	}
	return kept
}

// oauth1BodyHash is the oauth_body_hash extension's value: the body's
// digest with the signature method's hash, base64; "" for an unknown hash.
func oauth1BodyHash(hashAlgo string, body []byte) string {
	h := oauth1Hash(hashAlgo)
	if h == nil {
		return ""
	}
	d := h()
	d.Write(body)
	return base64.StdEncoding.EncodeToString(d.Sum(nil))
}

// oauth1FormParams are a urlencoded body's pairs, oauth_* ones left out
// (Postman replaces them with its own).
func oauth1FormParams(body []byte) []pair {
	var formParams []pair
	for _, fp := range splitForm(string(body)) {
		if !isOAuth1Key(fp.k) {
			formParams = append(formParams, fp)
		}
	}
	return formParams
}

// oauth1SignedParams are all the parameters the signature covers: the
// protocol's, the query's and the form's.
func oauth1SignedParams(method string, sigParams, query, formParams []pair) []pair {
	all := append(append([]pair{}, sigParams...), query...)
	all = append(all, formParams...)
	if method != "" {
		return all
	}
	// node-oauth1 falls back to HMAC-SHA1 and signs that name (replacing
	// an empty one), although Postman then leaves it out of what it sends.
	kept := all[:0]
	for _, fp := range all {
		if fp.k != "oauth_signature_method" {
			kept = append(kept, fp)
		}
	}
	return append(kept, pair{"oauth_signature_method", "HMAC-SHA1", true})
}

// placeOAuth1 sends the signed parameters where the settings say: the
// Authorization header, the form body of a PUT or POST, or else the query
// (dropping an Authorization header of the request's).
func placeOAuth1(req *http.Request, u *url.URL, p params, sigParams, formParams []pair, form bool, opts Options) {
	switch {
	case p.flag("addParamsToHeader"):
		req.URL = u
		setHeader(req.Header, "Authorization", oauth1Header(p.get("realm"), sigParams, p.flag("disableHeaderEncoding")))
	case form && (strings.Contains(req.Method, "PUT") || strings.Contains(req.Method, "POST")):
		req.URL = u
		segs := make([]string, 0, len(formParams)+len(sigParams))
		for _, fp := range formParams {
			segs = append(segs, formSeg(fp))
		}
		for _, sp := range sigParams {
			segs = append(segs, rfc3986(sp.k)+"="+rfc3986(sp.v))
		}
		setBody(req, []byte(strings.Join(segs, "&")))
	default:
		for _, sp := range sigParams {
			if opts.DisableURLEncoding {
				addQueryRaw(u, sp.k+"="+sp.v)
			} else {
				addQueryRaw(u, rfc3986(sp.k)+"="+rfc3986(sp.v))
			}
		}
		req.URL = u
		delHeader(req.Header, "Authorization")
	}
}

func isOAuth1Key(k string) bool {
	for _, o := range oauth1Keys {
		if k == o {
			return true
		}
	}
	return false
}

// formSeg re-encodes a decoded form pair.
func formSeg(fp pair) string {
	if !fp.hasValue {
		return rfc3986(fp.k)
	}
	return rfc3986(fp.k) + "=" + rfc3986(fp.v)
}

// oauth1Reencode rewrites the query in RFC 3986 encoding, as Postman does
// before sending an oauth1 request.
func oauth1Reencode(raw string) string {
	if raw == "" {
		return raw
	}
	pairs := splitForm(raw)
	segs := make([]string, len(pairs))
	for i, fp := range pairs {
		segs[i] = formSeg(fp)
	}
	return strings.Join(segs, "&")
}

func oauth1Hash(name string) func() hash.Hash {
	switch strings.ToUpper(name) {
	case "SHA1":
		return sha1.New
	case "SHA256":
		return sha256.New
	case "SHA512":
		return sha512.New
	}
	return nil
}

// oauth1BaseURL is scheme://host[:port]/path with the scheme and host lower
// case and ports 80 and 443 dropped whatever the scheme (as Postman does).
func oauth1BaseURL(u *url.URL) string {
	scheme := strings.ToLower(u.Scheme)
	if scheme == "" {
		scheme = "http"
	}
	host := strings.ToLower(u.Hostname())
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port := u.Port(); port != "" && port != "80" && port != "443" {
		host += ":" + port
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	return scheme + "://" + host + path
}

// oauth1Normalize sorts the parameters by their encoded "name value" and
// form-encodes them; oauth_signature never takes part.
func oauth1Normalize(ps []pair) string {
	type entry struct{ sortKey, enc string }
	var es []entry
	for _, p := range ps {
		if p.k == "oauth_signature" {
			continue
		}
		k, v := rfc3986(p.k), rfc3986(p.v)
		es = append(es, entry{k + " " + v, k + "=" + v})
	}
	sort.SliceStable(es, func(i, j int) bool { return es[i].sortKey < es[j].sortKey })
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.enc
	}
	return strings.Join(out, "&")
}

// oauth1Sign computes oauth_signature for the base string.
func oauth1Sign(method, base, consumerSecret, tokenSecret, privateKey string) (string, error) {
	name := strings.TrimSuffix(method, "-Accessor")
	if name == "" {
		name = "HMAC-SHA1"
	}
	key := rfc3986(consumerSecret) + "&" + rfc3986(tokenSecret)
	mac := func(h func() hash.Hash) string {
		m := hmac.New(h, []byte(key))
		m.Write([]byte(base))
		return base64.StdEncoding.EncodeToString(m.Sum(nil))
	}
	switch name {
	case "PLAINTEXT":
		return key, nil
	case "HMAC-SHA1":
		return mac(sha1.New), nil
	case "HMAC-SHA256":
		return mac(sha256.New), nil
	case "HMAC-SHA512":
		return mac(sha512.New), nil
	case "RSA-SHA1":
		return rsaSign(privateKey, crypto.SHA1, base)
	case "RSA-SHA256":
		return rsaSign(privateKey, crypto.SHA256, base)
	case "RSA-SHA512":
		return rsaSign(privateKey, crypto.SHA512, base)
	}
	return "", fmt.Errorf("unsupported signature method %q", method)
}

// rsaSign signs base with PKCS #1 v1.5 using a PEM private key.
func rsaSign(pemKey string, h crypto.Hash, base string) (string, error) {
	key, err := parseRSAKey(pemKey)
	if err != nil {
		return "", err
	}
	d := h.New()
	d.Write([]byte(base))
	sig, err := rsa.SignPKCS1v15(rand.Reader, key, h, d.Sum(nil))
	if err != nil {
		return "", fmt.Errorf("rsa signing: %w", err)
	}
	return base64.StdEncoding.EncodeToString(sig), nil
}

// parsePrivateKey reads a PEM PKCS #8, PKCS #1 or SEC 1 private key.
func parsePrivateKey(pemKey string) (crypto.Signer, error) {
	block, _ := pem.Decode([]byte(strings.TrimSpace(pemKey)))
	if block == nil {
		return nil, errors.New("invalid private key: no PEM block")
	}
	if k, err := x509.ParsePKCS8PrivateKey(block.Bytes); err == nil {
		if s, ok := k.(crypto.Signer); ok {
			return s, nil
		}
	}
	if k, err := x509.ParsePKCS1PrivateKey(block.Bytes); err == nil {
		return k, nil
	}
	if k, err := x509.ParseECPrivateKey(block.Bytes); err == nil {
		return k, nil
	}
	return nil, errors.New("invalid private key: unsupported PEM content")
}

func parseRSAKey(pemKey string) (*rsa.PrivateKey, error) {
	s, err := parsePrivateKey(pemKey)
	if err != nil {
		return nil, err
	}
	k, ok := s.(*rsa.PrivateKey)
	if !ok {
		return nil, errors.New("invalid private key: not an RSA key")
	}
	return k, nil
}

// oauth1Header builds "OAuth realm=...,oauth_x=...": empty values are
// skipped, values trimmed, and everything percent-encoded unless
// disableHeaderEncoding is set.
func oauth1Header(realm string, ps []pair, noEncode bool) string {
	var parts []string
	if strings.TrimSpace(realm) != "" {
		if !noEncode {
			realm = rfc3986(realm)
		}
		parts = append(parts, `realm="`+realm+`"`)
	}
	for _, p := range ps {
		if p.v == "" {
			continue
		}
		k, v := p.k, strings.TrimSpace(p.v)
		if !noEncode {
			k, v = rfc3986(k), rfc3986(v)
		}
		if strings.HasPrefix(k, "oauth_") {
			parts = append(parts, k+`="`+v+`"`)
		}
	}
	return "OAuth " + strings.Join(parts, ",")
}
