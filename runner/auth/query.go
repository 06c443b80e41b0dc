package auth

import (
	"net/url"
	"strings"

	"github.com/courier-run/courier/internal/jsuri"
)

const upperhex = "0123456789ABCDEF"

// rfc3986 percent-encodes everything but the unreserved set (ALPHA, DIGIT,
// "-", ".", "_", "~"): JS encodeURIComponent plus !'()* as OAuth and AWS
// require.
func rfc3986(s string) string {
	return jsuri.EncodeUnreserved(s)
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// queryEscape encodes a query key or value with postman-url-encoder's query
// sets: C0 controls, space, non-ASCII, " # ' < > always, & in values and
// & = in keys. An existing %XX escape is kept as it is.
func queryEscape(s string, key bool) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b.WriteByte(c)
			continue
		}
		enc := c <= 0x20 || c >= 0x7f
		switch c {
		case '"', '#', '\'', '<', '>', '&':
			enc = true
		case '=':
			enc = key
		}
		if enc {
			b.WriteByte('%')
			b.WriteByte(upperhex[c>>4])
			b.WriteByte(upperhex[c&15])
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// formDecode decodes one form component as node-oauth1's decodePercent does
// ("+" is a space); a malformed escape is kept literally.
func formDecode(s string) string {
	s = strings.ReplaceAll(s, "+", " ")
	if d, err := url.PathUnescape(s); err == nil {
		return d
	}
	return s
}

// pair is one ordered name/value pair; hasValue is false for "name" with no "=".
type pair struct {
	k, v     string
	hasValue bool
}

// splitForm splits an encoded query or form body into decoded pairs, in order.
func splitForm(raw string) []pair {
	var out []pair
	for _, seg := range strings.Split(raw, "&") {
		if seg == "" {
			continue
		}
		k, v, ok := strings.Cut(seg, "=")
		out = append(out, pair{formDecode(k), formDecode(v), ok})
	}
	return out
}

// removeQuery drops every query parameter whose key is one of keys. Keys
// are compared both as written and decoded, since the runner has already
// encoded the URL.
func removeQuery(u *url.URL, keys ...string) {
	if u.RawQuery == "" {
		return
	}
	drop := func(seg string) bool {
		k, _, _ := strings.Cut(seg, "=")
		dk := formDecode(k)
		for _, want := range keys {
			if k == want || dk == want || k == queryEscape(want, true) {
				return true
			}
		}
		return false
	}
	segs := strings.Split(u.RawQuery, "&")
	kept := segs[:0]
	for _, seg := range segs {
		if !drop(seg) {
			kept = append(kept, seg)
		}
	}
	u.RawQuery = strings.Join(kept, "&")
}

// addQuery appends an already encoded "key=value" segment to the query.
func addQueryRaw(u *url.URL, seg string) {
	if u.RawQuery == "" {
		u.RawQuery = seg
		return
	}
	u.RawQuery += "&" + seg
}

// addQuery appends key=value, encoded as Postman encodes query params.
func addQuery(u *url.URL, key, value string) {
	addQueryRaw(u, queryEscape(key, true)+"="+queryEscape(value, false))
}

// hasQuery reports whether the query has a parameter named key.
func hasQuery(u *url.URL, key string) bool {
	for _, p := range splitForm(u.RawQuery) {
		if p.k == key {
			return true
		}
	}
	return false
}
