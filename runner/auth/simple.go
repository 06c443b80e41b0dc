package auth

import (
	"encoding/base64"
	"errors"
	"net/http"
	"slices"
	"strings"
)

// delHeader removes every header named key, whatever its case.
func delHeader(h http.Header, key string) {
	for k := range h {
		if strings.EqualFold(k, key) {
			delete(h, k)
		}
	}
}

// headerValues are the values of every header named key in any case, as
// postman-collection's case-insensitive lookup finds them: the runner keeps
// each row's own spelling ("content-type"), which Header.Get would miss.
// The exact spelling comes first, then the others in sorted order, never
// in map order.
func headerValues(h http.Header, key string) []string {
	out := h[key]
	var others []string
	for k := range h {
		if k != key && strings.EqualFold(k, key) {
			others = append(others, k)
		}
	}
	if len(others) == 0 {
		return out
	}
	slices.Sort(others)
	out = slices.Clone(out)
	for _, k := range others {
		out = append(out, h[k]...)
	}
	return out
}

// headerValue is the first of headerValues, "" when there is none.
func headerValue(h http.Header, key string) string {
	if vs := headerValues(h, key); len(vs) > 0 {
		return vs[0]
	}
	return ""
}

// setHeader replaces all headers named key (any case) with one value, sent
// with key's spelling (an API key's "X-API-Key" stays as written).
func setHeader(h http.Header, key, value string) {
	delHeader(h, key)
	h[key] = []string{value}
}

// applyBasic always sends, even with an empty username and password
// ("Basic Og=="), as Postman does. postman-runtime 7 encodes the
// credentials as UTF-8; with btoa, as the newer runtime does, each
// character is one byte (Latin-1), and one above U+00FF fails the request
// (fresh-round13v-auth.json).
func applyBasic(req *http.Request, p params, btoa bool) error {
	cred := []byte(p.get("username") + ":" + p.get("password"))
	if btoa {
		var err error
		if cred, err = latin1(string(cred)); err != nil {
			return err
		}
	}
	setHeader(req.Header, "Authorization", "Basic "+base64.StdEncoding.EncodeToString(cred))
	return nil
}

// ErrInvalidCharacter is btoa's error for text it cannot encode, which
// fails the request in Postman's newer runtime.
//
//lint:ignore ST1005 the runtime's own words, shown as Postman shows them
var ErrInvalidCharacter = errors.New("Invalid character")

// latin1 is s one byte per character, as btoa reads text.
func latin1(s string) ([]byte, error) {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		if r > 0xff {
			return nil, ErrInvalidCharacter
		}
		out = append(out, byte(r))
	}
	return out, nil
}

// applyBearer does nothing without a token, unless empty says to send
// "Bearer " anyway; an existing Authorization header then stays.
func applyBearer(req *http.Request, p params, empty bool) {
	token := p.get("token")
	if token == "" && !empty {
		return
	}
	setHeader(req.Header, "Authorization", "Bearer "+token)
}

// applyAPIKey puts key: value in a header (the default) or key=value in the
// query (in=query), replacing any same-named one. It needs a key or a value.
func applyAPIKey(req *http.Request, p params) {
	key, value := p.get("key"), p.get("value")
	if key == "" && value == "" {
		return
	}
	if p.get("in") == "query" {
		removeQuery(req.URL, key)
		addQuery(req.URL, key, value)
		return
	}
	if key == "" {
		// Postman would add a nameless header; no server can read it and
		// Go refuses to send one.
		return
	}
	setHeader(req.Header, key, value)
}

// applyOAuth2 sends a stored access token; Postman's runtime has no grant
// flow of its own. tokenType "mac" is left unsigned, as in Postman.
func applyOAuth2(req *http.Request, p params) {
	token := p.get("accessToken")
	if token == "" {
		return
	}
	if strings.EqualFold(p.get("tokenType"), "mac") {
		return
	}
	prefix := "Bearer"
	if p.has("headerPrefix") {
		prefix = strings.TrimSpace(p.get("headerPrefix"))
	}
	if prefix != "" {
		prefix += " "
	}
	addTo := p.get("addTokenTo")
	if addTo == "" {
		addTo = "header"
	}
	delHeader(req.Header, "Authorization")
	removeQuery(req.URL, "access_token")
	switch addTo {
	case "queryParams":
		addQuery(req.URL, "access_token", token)
	case "header":
		req.Header.Set("Authorization", prefix+token)
	}
}
