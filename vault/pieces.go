package vault

import (
	"encoding/json"
	"iter"
	"net/url"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// maxPieceGap is how far, in bytes, a short piece may stand from a mask:
// a URL model's punctuation between two pieces (`","`, `', '`,
// `"},{"key":"`, console.log's line breaks and indentation) and no more.
const maxPieceGap = 32

// shortPieces returns the forms of v's URL pieces (withURLPieces' split)
// shorter than MinPieceLen: as written, JSON-escaped, percent-encoded and
// lower-cased (host labels).
func shortPieces(v string) []string {
	var out []string
	add := func(s string) {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for _, seps := range urlSeparators {
		if !strings.ContainsAny(v, seps) {
			continue
		}
		for _, p := range strings.FieldsFunc(v, func(r rune) bool { return strings.ContainsRune(seps, r) }) {
			if utf8.RuneCountInString(p) >= MinPieceLen || strings.TrimSpace(p) == "" {
				continue
			}
			add(p)
			if j, err := json.Marshal(p); err == nil {
				add(string(j[1 : len(j)-1]))
			}
			add(url.QueryEscape(p))
			add(url.PathEscape(p))
			add(strings.ToLower(p))
		}
	}
	return out
}

// shortPieceSpans returns spans with the short pieces of the values added
// where one stands as a token of its own (no letter or digit right
// before or after it) next to a span, with only punctuation, and a query
// object's "key" or "value", between them: the URL model's path segments,
// query keys and values or host labels a secret was split into, of which
// the long ones were masked. A piece masked so can be the neighbour of the
// next one (a chain of short pieces). Elsewhere a short piece is ordinary
// text and stays.
func shortPieceSpans(s string, vals []*secretValue, spans []span) []span {
	if len(spans) == 0 {
		return spans
	}
	for added := true; added; {
		added = false
		for _, v := range vals {
			for _, p := range v.short {
				// A piece's matches come left to right: the ones taken go
				// to extra (sorted, merged) and join spans once the piece
				// is done, so a body holding the secret many times is not
				// sorted again for each match.
				var extra []span
				for sp := range occurrences(s, p) {
					if isToken(s, sp) && !covered(spans, sp) && !covered(extra, sp) &&
						(besideSpan(s, sp, spans) || besideSpan(s, sp, extra)) {
						if n := len(extra); n > 0 && sp.start <= extra[n-1].end {
							extra[n-1].end = max(extra[n-1].end, sp.end)
						} else {
							extra = append(extra, sp)
						}
					}
				}
				if len(extra) > 0 {
					spans = mergeSpans(append(spans, extra...))
					added = true
				}
			}
		}
	}
	return spans
}

// isToken reports whether sp has no letter or digit right before or after.
func isToken(s string, sp span) bool {
	return (sp.start == 0 || !isAlnum(s[sp.start-1])) && (sp.end == len(s) || !isAlnum(s[sp.end]))
}

func isAlnum(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || isDigit(c) }

// covered reports whether a span of spans (sorted by start, merged)
// holds sp whole.
func covered(spans []span, sp span) bool {
	i := sort.Search(len(spans), func(k int) bool { return spans[k].start > sp.start })
	return i > 0 && spans[i-1].end >= sp.end
}

// besideSpan reports whether a span of spans (sorted by start, merged)
// ends or starts within maxPieceGap bytes of sp with only punctuation
// between. Only the spans that near are looked at: a body may hold
// thousands.
func besideSpan(s string, sp span, spans []span) bool {
	j := sort.Search(len(spans), func(k int) bool { return spans[k].start >= sp.end })
	for k := j; k < len(spans) && spans[k].start-sp.end <= maxPieceGap; k++ {
		if onlyPunctuation(s[sp.end:spans[k].start]) {
			return true
		}
	}
	// Before j the spans start before sp ends; merged, their ends grow
	// with their starts, and one of them may overlap sp.
	for k := j - 1; k >= 0 && sp.start-spans[k].end <= maxPieceGap; k-- {
		if spans[k].end <= sp.start && onlyPunctuation(s[spans[k].end:sp.start]) {
			return true
		}
	}
	return false
}

// onlyPunctuation reports whether gap holds no letter or digit but in the
// words "key" and "value" (a query parameter as an object).
func onlyPunctuation(gap string) bool {
	for i := 0; i < len(gap); i++ {
		switch {
		case strings.HasPrefix(gap[i:], "key"):
			i += len("key") - 1
		case strings.HasPrefix(gap[i:], "value"):
			i += len("value") - 1
		case isAlnum(gap[i]):
			return false
		}
	}
	return true
}

// portPiece is the part of v a URL takes as its port when v is a password
// written unencoded in the URL's user:password@ and holds "/", "?" or "#":
// the authority ends there, so what follows its last ":" before that is
// the port ("Zq9$Wx7" of "Zq9$Wx7/abc"), and the request fails with a
// RangeError quoting it. A piece of MinPieceLen or more is masked anyway
// (withURLPieces); one under MinSecretLen is not masked, as a secret that
// short is not. "" for none.
func portPiece(v string) string {
	end := strings.IndexAny(v, "/?#")
	if end < 0 {
		return ""
	}
	p := v[:end]
	if i := strings.LastIndexByte(p, ':'); i >= 0 {
		p = p[i+1:]
	}
	if n := utf8.RuneCountInString(p); n < MinSecretLen || n >= MinPieceLen {
		return ""
	}
	return p
}

// portSpans are the ports of values where a URL shows them on their own,
// with no mask of the secret's longer pieces beside them for
// shortPieceSpans to go by: after a host's ":" (the Host header,
// "user:Zq9$Wx7") and quoted by the bad-port RangeError ("Received type
// string ('Zq9$Wx7')"), as a token of its own.
func portSpans(s string, values []*secretValue) []span {
	var out []span
	for _, v := range values {
		p := v.port
		if p == "" {
			continue
		}
		for sp := range occurrences(s, p) {
			if sp.start > 0 && (s[sp.start-1] == ':' || s[sp.start-1] == '\'') && isToken(s, sp) {
				out = append(out, sp)
			}
		}
	}
	return out
}

// occurrences yields the spans of p in s, left to right, overlapping ones
// too.
func occurrences(s, p string) iter.Seq[span] {
	return func(yield func(span) bool) {
		for from := 0; from <= len(s)-len(p); {
			i := strings.Index(s[from:], p)
			if i < 0 {
				return
			}
			sp := span{from + i, from + i + len(p)}
			if !yield(sp) {
				return
			}
			from = sp.start + 1
		}
	}
}
