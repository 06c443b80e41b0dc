package scripting

import (
	"testing"

	"github.com/courier-run/courier/collections"
)

// FuzzBodyText decodes hostile bodies under hostile Content-Type values:
// no input may panic. ScriptText gives code units only for a lone
// surrogate (UTF-16, UTF-32 and UTF-7 since session 17).
func FuzzBodyText(f *testing.F) {
	for _, s := range [][2]string{
		{"caf\xe9", "text/plain; charset=latin1"},
		{"\xff\xfeh\x00i\x00", "text/plain; charset=utf-16"},
		{"h\x00i", "text/plain; charset=UTF-16BE"},
		{"\xe2\x82", "application/json; charset=utf8"},
		{"\x81\x40", "text/html; charset=\"shift_jis\""},
		{"x", "charset=;charset=windows-1252"},
		{"h\x00\x00\x00\x00\xd8\x00\x00", "text/plain; charset=utf-32"},
		{"\x00\x00\xfe\xff\x00\x00\x00h", "text/plain; charset=UTF-32BE"},
		{"\x00\x00\x00", "text/plain; charset=ucs-4"},
		{"Hi +ZeVnLIqe- +AGEAYgBj +2D3eAA- a+-b", "text/plain; charset=utf-7"},
		{"&ZeVnLIqe-&-x", "text/plain; charset=utf-7-imap"},
	} {
		f.Add([]byte(s[0]), s[1])
	}
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		if len(body) > 1<<14 || len(contentType) > 256 {
			return
		}
		_ = BodyText(body, []collections.Header{{Key: "Content-Type", Value: contentType}})
		_ = Charset(contentType)
		r := &Response{Body: body, Header: []collections.Header{{Key: "Content-Type", Value: contentType}}}
		// Code units only for text a Go string cannot carry, and then
		// no string beside them.
		if text, units := r.ScriptText(); units != nil && (text != "" || !loneSurrogate(units)) {
			t.Fatalf("ScriptText gave %q and %d code units (a lone surrogate: %v)", text, len(units), loneSurrogate(units))
		}
	})
}
