package auth

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"hash"
	"net/http"
	"strconv"
	"strings"
)

// hawkArtifacts are the values the Hawk MAC covers.
type hawkArtifacts struct {
	ts, nonce, method, resource, host, port, hash, ext, app, dlg string
}

func hawkAlg(name string) func() hash.Hash {
	switch name {
	case "sha256":
		return sha256.New
	case "sha1":
		return sha1.New
	}
	return nil
}

// hawkMAC computes the header MAC over Hawk's normalized string.
func hawkMAC(alg func() hash.Hash, key string, a hawkArtifacts) string {
	var b strings.Builder
	b.WriteString("hawk.1.header\n")
	for _, s := range []string{a.ts, a.nonce, strings.ToUpper(a.method), a.resource, strings.ToLower(a.host), a.port, a.hash} {
		b.WriteString(s)
		b.WriteByte('\n')
	}
	if a.ext != "" {
		// postman-request escapes only the first backslash and newline
		// (JS String.replace with a string pattern).
		ext := strings.Replace(a.ext, `\`, `\\`, 1)
		ext = strings.Replace(ext, "\n", `\n`, 1)
		b.WriteString(ext)
	}
	b.WriteByte('\n')
	if a.app != "" {
		b.WriteString(a.app + "\n" + a.dlg + "\n")
	}
	m := hmac.New(alg, []byte(key))
	m.Write([]byte(b.String()))
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// hawkPayloadHash hashes the body with its media type, as Hawk requires.
func hawkPayloadHash(alg func() hash.Hash, contentType string, body []byte) string {
	mt, _, _ := strings.Cut(contentType, ";")
	d := alg()
	d.Write([]byte("hawk.1.payload\n" + strings.ToLower(strings.TrimSpace(mt)) + "\n"))
	d.Write(body)
	d.Write([]byte("\n"))
	return base64.StdEncoding.EncodeToString(d.Sum(nil))
}

// applyHawk builds a Hawk Authorization header. An unknown algorithm yields
// an empty header, exactly as postman-request's hawk.header returns "".
func applyHawk(req *http.Request, p params, body []byte, opts Options) error {
	id, key := p.get("authId"), p.get("authKey")
	if id == "" || key == "" {
		return nil
	}
	nonce := p.get("nonce")
	if nonce == "" {
		nonce = randomString(6, alnum)
	}
	ts := p.get("timestamp")
	if n, err := strconv.ParseInt(leadingInt(ts), 10, 64); err != nil || n == 0 {
		ts = strconv.FormatInt(opts.now().Unix(), 10)
	}
	algName := p.get("algorithm")
	alg := hawkAlg(algName)
	if alg == nil {
		setHeader(req.Header, "Authorization", "")
		return nil
	}
	a := hawkArtifacts{
		ts:     ts,
		nonce:  nonce,
		method: req.Method,
		host:   req.URL.Hostname(),
		port:   req.URL.Port(),
		ext:    p.get("extraData"),
		app:    p.get("app"),
		dlg:    p.get("delegation"),
	}
	a.resource = req.URL.EscapedPath()
	if req.URL.RawQuery != "" || req.URL.ForceQuery {
		a.resource += "?" + req.URL.RawQuery
	}
	if a.port == "" {
		a.port = "443"
		if strings.EqualFold(req.URL.Scheme, "http") {
			a.port = "80"
		}
	}
	// Postman hashes only a non-empty body, using the request's Content-Type,
	// and no form-data body (fresh-round10n-k).
	if p.flag("includePayloadHash") && len(body) > 0 && !opts.UnhashedBody {
		a.hash = hawkPayloadHash(alg, headerValue(req.Header, "Content-Type"), body)
	}
	mac := hawkMAC(alg, key, a)
	var b strings.Builder
	b.WriteString(`Hawk id="` + id + `", ts="` + a.ts + `", nonce="` + a.nonce)
	if a.hash != "" {
		b.WriteString(`", hash="` + a.hash)
	}
	if a.ext != "" {
		b.WriteString(`", ext="` + strings.ReplaceAll(strings.ReplaceAll(a.ext, `\`, `\\`), `"`, `\"`))
	}
	b.WriteString(`", mac="` + mac + `"`)
	if a.app != "" {
		b.WriteString(`, app="` + a.app)
		if a.dlg != "" {
			b.WriteString(`", dlg="` + a.dlg)
		}
		b.WriteString(`"`)
	}
	setHeader(req.Header, "Authorization", b.String())
	return nil
}

// leadingInt returns the leading decimal digits of s, as JS parseInt reads.
func leadingInt(s string) string {
	s = strings.TrimSpace(s)
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}
