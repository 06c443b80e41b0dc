package vault

import (
	"encoding/base64"
	"encoding/hex"
	"net/url"
	"slices"
	"strings"
)

// scriptEncodings returns the encodings of v's UTF-8 bytes that scripts
// compute for credentials and that courier then prints as a request's
// header, query or body: base64 (btoa, CryptoJS.enc.Base64, Buffer's
// toString('base64')) and base64url in any of the three byte offsets the
// secret can start at inside longer data (btoa(id + ':' + secret) for a
// Basic header, a token's claims), that base64 percent-encoded in a query,
// and hex in either case (CryptoJS.enc.Hex, Buffer's toString('hex')).
// Only the characters that depend on v's bytes alone are kept, and only
// forms of MinPieceLen characters or more: a shorter run is ordinary
// base64 or hex too often. A script's other transformations (reversing,
// hashing, slicing) are not followed (docs/security.md).
// The base64 forms and the hex forms come apart: base64Spans widens a
// base64 form's matches by the characters that mix the secret's bits with
// its neighbours'.
func scriptEncodings(v string) (b64, hexes []string) {
	add := func(out *[]string, s string) {
		if len(s) >= MinPieceLen && !slices.Contains(*out, s) {
			*out = append(*out, s)
		}
	}
	for lead := range 3 {
		// lead bytes before v in its 3-byte group; zero bytes after so
		// no padding falls inside. Characters [first, last) cover v's
		// bits only.
		buf := make([]byte, 0, lead+len(v)+3)
		buf = append(append(append(buf, make([]byte, lead)...), v...), 0, 0, 0)
		enc := base64.StdEncoding.EncodeToString(buf)
		first, last := (8*lead+5)/6, 8*(lead+len(v))/6
		if last-first < MinPieceLen {
			continue
		}
		core := enc[first:last]
		add(&b64, core)
		add(&b64, strings.NewReplacer("+", "-", "/", "_").Replace(core))
		add(&b64, url.QueryEscape(core))
	}
	h := hex.EncodeToString([]byte(v))
	add(&hexes, h)
	add(&hexes, strings.ToUpper(h))
	return b64, hexes
}

// encodingWindows returns every MinPieceLen bytes in a row of the forms:
// text cut short before an ellipsis ends with one of them if it ends with
// a prefix of a form that truncatedEncodingSpans masks.
func encodingWindows(forms ...[]string) map[string]struct{} {
	w := map[string]struct{}{}
	for _, fs := range forms {
		for _, f := range fs {
			for i := 0; i+MinPieceLen <= len(f); i++ {
				w[f[i:i+MinPieceLen]] = struct{}{}
			}
		}
	}
	return w
}

// base64Spans finds the values' base64 forms in s, each widened by the
// base64 character on either side: where the secret does not start or
// end on a 3-byte boundary that character holds some of its bits (2 to 6)
// mixed with its neighbours', which would tell two secrets apart.
func base64Spans(s string, vals []*secretValue) []span {
	var spans []span
	for _, v := range vals {
		for _, f := range v.base64 {
			for from := 0; from <= len(s)-len(f); {
				i := strings.Index(s[from:], f)
				if i < 0 {
					break
				}
				sp := span{from + i, from + i + len(f)}
				if sp.start > 0 && isBase64Char(s[sp.start-1]) {
					sp.start--
				}
				if sp.end < len(s) && isBase64Char(s[sp.end]) {
					sp.end++
				}
				spans = append(spans, sp)
				from += i + 1
			}
		}
	}
	return spans
}

// isBase64Char reports whether c is in the standard or URL-safe base64
// alphabet.
func isBase64Char(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '+' || c == '/' || c == '-' || c == '_'
}

// truncatedEncodingSpans finds a value's base64 or hex form cut short
// before the ellipsis at end, as chai prints a long string it was handed
// ("expected '567137223c5a…' to equal …"): the MinPieceLen or more
// characters right before it that start one of the forms, with base64's
// mixed character before them.
func truncatedEncodingSpans(s string, end int, vals []*secretValue) []span {
	if end < MinPieceLen {
		return nil
	}
	var spans []span
	for _, v := range vals {
		if _, ok := v.windows[s[end-MinPieceLen:end]]; !ok {
			continue // the common case: no form holds the text's last bytes
		}
		for _, f := range v.base64 {
			if sp, ok := endsWithPrefix(s, end, f); ok {
				if sp.start > 0 && isBase64Char(s[sp.start-1]) {
					sp.start--
				}
				spans = append(spans, sp)
			}
		}
		for _, f := range v.hex {
			if sp, ok := endsWithPrefix(s, end, f); ok {
				spans = append(spans, sp)
			}
		}
	}
	return spans
}

// endsWithPrefix returns the span of the longest prefix of f, of
// MinPieceLen bytes or more, that s[:end] ends with. Such a prefix holds
// s's last MinPieceLen bytes, so only where f does are longer ones tried:
// a report full of ellipses pays one short search a form at each.
func endsWithPrefix(s string, end int, f string) (span, bool) {
	if end < MinPieceLen {
		return span{}, false
	}
	tail, best := s[end-MinPieceLen:end], 0
	for from := 0; ; {
		i := strings.Index(f[from:], tail)
		if i < 0 {
			break
		}
		if n := from + i + MinPieceLen; n <= end && s[end-n:end] == f[:n] {
			best = n
		}
		from += i + 1
	}
	return span{end - best, end}, best > 0
}
