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

// RedactBytes masks b as Redact masks text and, when b holds a NUL byte
// (text in UTF-16 or UTF-32 has one in nearly every character of ASCII),
// also the secrets' UTF-16 and UTF-32 forms, each replaced by the mask in
// the same form. A body is kept as bytes in reports (the JSON report's
// response stream), where Redact alone does not see a secret two or four
// bytes a character. Bodies without a NUL pay one byte scan.
func (r *Redactor) RedactBytes(b []byte) []byte {
	if len(b) == 0 || r.Len() == 0 {
		return b
	}
	s := string(b)
	m := s
	if bytes.IndexByte(b, 0) >= 0 {
		m = redactWide(m, r.rawValues())
	}
	m = r.Redact(m)
	if m == s {
		return b
	}
	return []byte(m)
}

// redactWide replaces every wide form of the values in s. A match's span
// is widened to whole code units so the bytes after it keep their
// alignment.
func redactWide(s string, vals []*secretValue) string {
	// Text in UTF-32 has two NULs in a row in every character below
	// U+10000; text in UTF-16 rarely does (only U+0000 or a character
	// ending in a zero byte before one starting with one), so the UTF-32
	// forms are looked for only then: half the scans of a UTF-16 body.
	utf32 := strings.Contains(s, "\x00\x00")
	for _, v := range vals {
		for _, f := range v.wide {
			if f.width == 4 && !utf32 || !strings.Contains(s, f.needle) {
				continue
			}
			spans := wideSpans(s, f.needle)
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
