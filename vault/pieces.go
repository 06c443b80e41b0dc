package vault

import (
	"encoding/json"
	"net/url"
	"slices"
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
				for from := 0; from <= len(s)-len(p); {
					i := strings.Index(s[from:], p)
					if i < 0 {
						break
					}
					sp := span{from + i, from + i + len(p)}
					from = sp.start + 1
					if isToken(s, sp) && !covered(spans, sp) && besideSpan(s, sp, spans) {
						spans = mergeSpans(append(spans, sp))
						added = true
					}
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

func covered(spans []span, sp span) bool {
	for _, o := range spans {
		if o.start <= sp.start && sp.end <= o.end {
			return true
		}
	}
	return false
}

// besideSpan reports whether a span of spans (sorted) ends or starts within
// maxPieceGap bytes of sp with only punctuation between.
func besideSpan(s string, sp span, spans []span) bool {
	for _, o := range spans {
		switch {
		case o.end <= sp.start && sp.start-o.end <= maxPieceGap && onlyPunctuation(s[o.end:sp.start]):
			return true
		case o.start >= sp.end && o.start-sp.end <= maxPieceGap && onlyPunctuation(s[sp.end:o.start]):
			return true
		}
	}
	return false
}

// onlyPunctuation reports whether gap holds no letter or digit but in the
// words "key" and "value" (a query parameter as an object).
func onlyPunctuation(gap string) bool {
	gap = strings.NewReplacer("key", "", "value", "").Replace(gap)
	for i := 0; i < len(gap); i++ {
		if isAlnum(gap[i]) {
			return false
		}
	}
	return true
}
