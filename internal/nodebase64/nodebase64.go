// Package nodebase64 decodes base64 the lenient way Node's Buffer does,
// which postman-runtime (a file body's content, a form file row's value) and
// iconv-lite (UTF-7's runs) rely on; encoding/base64 refuses what Node
// skips.
package nodebase64

// Decode decodes as Node's Buffer.from(s, 'base64'): either alphabet,
// characters outside them skipped, the end at the first '=', a last
// partial byte dropped.
func Decode(s string) []byte {
	out := make([]byte, 0, len(s)*3/4)
	var acc uint32
	bits := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		var v byte
		switch {
		case c >= 'A' && c <= 'Z':
			v = c - 'A'
		case c >= 'a' && c <= 'z':
			v = c - 'a' + 26
		case c >= '0' && c <= '9':
			v = c - '0' + 52
		case c == '+' || c == '-':
			v = 62
		case c == '/' || c == '_':
			v = 63
		case c == '=':
			return out
		default:
			continue
		}
		acc = acc<<6 | uint32(v)
		bits += 6
		if bits >= 8 {
			bits -= 8
			out = append(out, byte(acc>>bits))
		}
	}
	return out
}
