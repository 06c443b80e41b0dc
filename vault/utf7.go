package vault

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/courier-run/courier/internal/utf7"
)

// redactUTF7 masks a UTF-7 body (imap: IMAP's variant) by its text: a
// secret beyond ASCII, or with characters an encoder shifts ("<&'% and
// the like), is in the bytes as base64 of UTF-16, where Redact cannot see
// it. The text is decoded as text() decodes it, masked as Redact masks
// text, and each stretch of the body a mask touches is written anew:
// direct bytes are cut where the mask starts and ends, a shifted run is
// written whole, its text around the mask shifted again. The rest of the
// body keeps its bytes.
// b is s's bytes (the body as received, so Pieces needs no copy).
func (r *Redactor) redactUTF7(b []byte, s string, imap bool) string {
	pieces := utf7.Pieces(b, imap)
	at := make([]int, len(pieces)+1) // where each piece's text starts
	var tb strings.Builder
	tb.Grow(len(s))
	var buf []byte
	for i, p := range pieces {
		at[i] = tb.Len()
		switch {
		case p.Shifted:
			buf = appendUnits(buf[:0], p.Units)
			tb.Write(buf)
		case s[p.Start] < 0x80:
			tb.WriteString(s[p.Start:p.End]) // ASCII: the text is the bytes
		default:
			tb.WriteRune(utf8.RuneError)
		}
	}
	at[len(pieces)] = tb.Len()
	text := tb.String()
	spans := r.spans(text, false)
	if len(spans) == 0 {
		return s
	}
	// oneByte: a piece whose text is its bytes, so a mask can start or
	// end inside it.
	oneByte := func(i int) bool {
		return !pieces[i].Shifted && at[i+1]-at[i] == pieces[i].End-pieces[i].Start
	}
	piece := func(textAt int) int { // the piece holding text byte textAt
		i, j := 0, len(pieces)
		for i < j {
			if h := (i + j) / 2; at[h+1] <= textAt {
				i = h + 1
			} else {
				j = h
			}
		}
		return i
	}
	// Each span widened to whole pieces where it starts or ends inside a
	// shifted one, in text and in bytes; widened spans that meet are one.
	type stretch struct{ text, bytes span }
	var out []stretch
	for _, sp := range spans {
		st := stretch{text: sp}
		i, j := piece(sp.start), piece(sp.end-1)
		if oneByte(i) {
			st.bytes.start = pieces[i].Start + sp.start - at[i]
		} else {
			// Written anew from the piece's start, the stretch may
			// start with a base64 letter or a shift mark: a run before it
			// that no "-" closed would read them as its own, so such runs
			// are written anew too (and closed).
			for i > 0 && pieces[i-1].Shifted && s[pieces[i-1].End-1] != '-' {
				i--
			}
			st.text.start, st.bytes.start = at[i], pieces[i].Start
		}
		if oneByte(j) {
			st.bytes.end = pieces[j].Start + sp.end - at[j]
		} else {
			st.text.end, st.bytes.end = at[j+1], pieces[j].End
		}
		if n := len(out); n > 0 && out[n-1].text.end >= st.text.start {
			out[n-1].text.end, out[n-1].bytes.end = st.text.end, st.bytes.end
			continue
		}
		out = append(out, st)
	}
	var ob strings.Builder
	ob.Grow(len(s))
	last, k := 0, 0
	var inside []span
	for _, st := range out {
		ob.WriteString(s[last:st.bytes.start])
		// The spans inside this stretch: both lists are in order and each
		// span lies in one stretch, so one pass over the spans in all.
		inside = inside[:0]
		for ; k < len(spans) && spans[k].end <= st.text.end; k++ {
			inside = append(inside, span{spans[k].start - st.text.start, spans[k].end - st.text.start})
		}
		ob.Write(utf7.Encode(replaceSpans(text[st.text.start:st.text.end], inside), imap))
		last = st.bytes.end
	}
	ob.WriteString(s[last:])
	return ob.String()
}

// appendUnits appends UTF-16 code units to b as UTF-8, a lone surrogate
// as U+FFFD (utf16.Decode's rule), without a slice of runes between.
func appendUnits(b []byte, u []uint16) []byte {
	for i := 0; i < len(u); i++ {
		r := rune(u[i])
		if utf16.IsSurrogate(r) && i+1 < len(u) {
			if pair := utf16.DecodeRune(r, rune(u[i+1])); pair != utf8.RuneError {
				b = utf8.AppendRune(b, pair)
				i++
				continue
			}
		}
		if utf16.IsSurrogate(r) {
			r = utf8.RuneError
		}
		b = utf8.AppendRune(b, r)
	}
	return b
}
