package auth

import (
	"encoding/base64"
	"net/http"
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

// setHeader replaces all headers named key (any case) with one value, sent
// with key's spelling (an API key's "X-API-Key" stays as written).
func setHeader(h http.Header, key, value string) {
	delHeader(h, key)
	h[key] = []string{value}
}

// applyBasic always sends, even with an empty username and password
// ("Basic Og=="), as Postman does.
func applyBasic(req *http.Request, p params) {
	cred := p.get("username") + ":" + p.get("password")
	setHeader(req.Header, "Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(cred)))
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
