// Package jsuri holds JavaScript's URI functions where Go code must write
// text exactly as a script or a Postman library would.
package jsuri

import "strings"

// EncodeURIComponent is JavaScript's encodeURIComponent of valid text:
// every byte of its UTF-8 but letters, digits and -_.!~*'() in %XX form.
func EncodeURIComponent(s string) string {
	return escape(s, "-_.!~*'()")
}

// EncodeUnreserved escapes every byte but RFC 3986's unreserved ones
// (letters, digits and -._~): encodeURIComponent that escapes !'()* too,
// as OAuth 1, AWS signing and strict URL encoders do.
func EncodeUnreserved(s string) string {
	return escape(s, "-._~")
}

// escape writes each byte of s that is not a letter, a digit or in keep
// as %XX (upper-case hex).
func escape(s, keep string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte(keep, c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}
