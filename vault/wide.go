package vault

import (
	"bytes"
	"encoding/binary"
	"strings"
	"unicode/utf16"
)

// wideForm is a secret as UTF-16 or UTF-32 text in one byte order, with
// the mask in the same form, so a masked body still decodes.
type wideForm struct {
	needle, mask string
	width        int // bytes a code unit
}

// wideForms returns v as UTF-16 and UTF-32, little- and big-endian: the
// forms a server answering in those charsets (which text() decodes since
// session 16 and 17) gives a secret in a body's bytes.
func wideForms(v string) []wideForm {
	enc := func(s string, width int, order binary.AppendByteOrder) string {
		var b []byte
		if width == 2 {
			for _, u := range utf16.Encode([]rune(s)) {
				b = order.AppendUint16(b, u)
			}
		} else {
			for _, c := range s {
				b = order.AppendUint32(b, uint32(c))
			}
		}
		return string(b)
	}
	var out []wideForm
	for _, width := range []int{2, 4} {
		for _, order := range []binary.AppendByteOrder{binary.LittleEndian, binary.BigEndian} {
			out = append(out, wideForm{needle: enc(v, width, order), mask: enc(Mask, width, order), width: width})
		}
	}
	return out
}

// RedactBytes is RedactBody for a body whose charset is not known.
func (r *Redactor) RedactBytes(b []byte) []byte { return r.RedactBody(b, "") }

// RedactBody masks a body's bytes as Redact masks text and, by the charset
// the body declares (iconv-lite's name for it, as scripting.BodyCharset
// gives it: "utf8", "ucs2", "utf16be", "utf32", "utf7"...; "" for none it
// knows), also where the secret is not in it as UTF-8: a body is kept as
// bytes in reports (the JSON report's request and response streams, the
// cli's --verbose), where Redact alone does not see a secret two or four
// bytes a character or in UTF-7's base64. Each match is replaced by the
// mask in the body's own encoding, so the body still decodes.
//
//   - UTF-16 and UTF-32 (either byte order): the secrets' forms in that
//     width. A body that declares no Unicode charset is searched for both
//     widths when it starts with a byte order mark or its start looks like
//     wide text (looksWide), or when it holds a NUL (binary ones); a body
//     without a NUL pays one look at its first 512 bytes and one search
//     for a NUL.
//   - UTF-7 and its IMAP variant: the body's text, as text() decodes it,
//     is masked, and the shifted runs a mask touches are written anew.
func (r *Redactor) RedactBody(b []byte, charset string) []byte {
	if len(b) == 0 || r.Len() == 0 {
		return b
	}
	s := string(b)
	m := s
	switch widths := wideWidths(b, charset); {
	case charset == "utf7" || charset == "utf7imap":
		m = r.redactUTF7(b, m, charset == "utf7imap")
	case widths != 0:
		m = redactWide(m, r.rawValues(), widths)
	}
	m = r.Redact(m)
	if m == s {
		return b
	}
	return []byte(m)
}

// Code unit widths redactWide searches, as bits.
const (
	wide16 = 2
	wide32 = 4
)

// wideWidths says which wide forms a body's bytes are searched for: those
// of the Unicode charset it declares, else both when it looks wide.
func wideWidths(b []byte, charset string) int {
	switch charset {
	case "ucs2", "utf16", "utf16be":
		return wide16
	case "utf32", "utf32le", "utf32be":
		return wide32
	case "utf7", "utf7imap":
		return 0
	}
	if looksWide(b) {
		return wide16 | wide32
	}
	if bytes.IndexByte(b, 0) >= 0 {
		// Binary, or text with a wide piece: a secret as UTF-16 or UTF-32
		// may sit anywhere in it (a file a server echoes). wideSpans
		// looks for each form from its first byte that is not a NUL, so
		// the NULs all over binary data are no false starts.
		return wide16 | wide32
	}
	return 0
}

// wideSample is how much of a body looksWide reads.
const wideSample = 512

// looksWide reports whether b starts with a UTF-16 or UTF-32 byte order
// mark, or whether at least a quarter of the two-byte units of its first
// wideSample bytes have a NUL on one side and not the other, all on the
// same side: text of Latin letters, digits and punctuation in UTF-16 has
// that in nearly every unit, in UTF-32 in every other one; binary data
// rarely (a random byte pair 1 in 128, and its NULs fall on either side).
func looksWide(b []byte) bool {
	if len(b) >= 2 && (b[0] == 0xff && b[1] == 0xfe || b[0] == 0xfe && b[1] == 0xff) ||
		len(b) >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xfe && b[3] == 0xff {
		return true
	}
	n := min(len(b), wideSample) &^ 1
	le, be := 0, 0
	for i := 0; i < n; i += 2 {
		switch {
		case b[i] != 0 && b[i+1] == 0:
			le++
		case b[i] == 0 && b[i+1] != 0:
			be++
		}
	}
	units := n / 2
	return units > 0 && (le*4 >= units && be*8 <= le || be*4 >= units && le*8 <= be)
}

// redactWide replaces every wide form of the values in s, of the widths
// asked for. A match's span is widened to whole code units so the bytes
// after it keep their alignment.
func redactWide(s string, vals []*secretValue, widths int) string {
	// Text in UTF-32 has two NULs in a row in every character below
	// U+10000; text in UTF-16 rarely does (only U+0000 or a character
	// ending in a zero byte before one starting with one), so the UTF-32
	// forms are looked for only then: half the scans of a UTF-16 body.
	if widths&wide32 != 0 && !strings.Contains(s, "\x00\x00") {
		widths &^= wide32
	}
	for _, v := range vals {
		for _, f := range v.wide {
			if widths&f.width == 0 {
				continue
			}
			spans := wideSpans(s, f.needle)
			if len(spans) == 0 {
				continue
			}
			for i := range spans {
				if n := (spans[i].end - spans[i].start) % f.width; n != 0 {
					spans[i].end = min(len(s), spans[i].end+f.width-n)
				}
			}
			spans = mergeSpans(spans)
			var b strings.Builder
			last := 0
			for _, sp := range spans {
				b.WriteString(s[last:sp.start])
				b.WriteString(f.mask)
				last = sp.end
			}
			b.WriteString(s[last:])
			s = b.String()
		}
	}
	return s
}

// wideSpans finds needle in s. A big-endian form starts with NULs, which
// a wide body holds every other byte: searching for them first made every
// NUL a false start (4x slower in BenchmarkRedactBodyBytes), so the search
// is for the part after them, and the NULs are checked before it.
func wideSpans(s, needle string) []span {
	lead := len(needle) - len(strings.TrimLeft(needle, "\x00"))
	rest := needle[lead:]
	var spans []span
	for from := 0; from <= len(s)-len(rest); {
		i := strings.Index(s[from:], rest)
		if i < 0 {
			break
		}
		at := from + i
		if at >= lead && strings.TrimLeft(s[at-lead:at], "\x00") == "" {
			spans = append(spans, span{at - lead, at + len(rest)})
		}
		from = at + 1
	}
	return spans
}

// RedactCharsetBody masks the secrets in a body's bytes as encode writes
// them in the legacy charset the body declares (scripting.CharsetEncoder:
// windows-1251, Shift_JIS…), after RedactBody: a server that keeps text in
// such a charset echoes a secret in those bytes, which the JSON report
// keeps as the response's stream. A secret the charset cannot write, or
// writes as its UTF-8 bytes (ASCII), is left to RedactBody.
func (r *Redactor) RedactCharsetBody(b []byte, encode func(string) ([]byte, bool)) []byte {
	if len(b) == 0 || encode == nil || r.Len() == 0 {
		return b
	}
	out := b
	for _, v := range r.rawValues() {
		e, ok := encode(v.text)
		if !ok || len(e) == 0 || string(e) == v.text || !bytes.Contains(out, e) {
			continue
		}
		out = bytes.ReplaceAll(out, e, []byte(Mask))
	}
	return out
}
