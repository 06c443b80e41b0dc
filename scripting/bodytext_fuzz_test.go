package scripting

import (
	"testing"

	"github.com/courier-run/courier/collections"
)

// FuzzBodyText decodes hostile bodies under hostile Content-Type values:
// no input may panic.
func FuzzBodyText(f *testing.F) {
	for _, s := range [][2]string{
		{"caf\xe9", "text/plain; charset=latin1"},
		{"\xff\xfeh\x00i\x00", "text/plain; charset=utf-16"},
		{"h\x00i", "text/plain; charset=UTF-16BE"},
		{"\xe2\x82", "application/json; charset=utf8"},
		{"\x81\x40", "text/html; charset=\"shift_jis\""},
		{"x", "charset=;charset=windows-1252"},
	} {
		f.Add([]byte(s[0]), s[1])
	}
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		if len(body) > 1<<14 || len(contentType) > 256 {
			return
		}
		_ = BodyText(body, []collections.Header{{Key: "Content-Type", Value: contentType}})
		_ = Charset(contentType)
	})
}
