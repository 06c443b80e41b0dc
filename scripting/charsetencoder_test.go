package scripting

import (
	"testing"

	"github.com/courier-run/courier/collections"
)

// TestCharsetEncoderRoundTrips: what CharsetEncoder writes, the body text
// courier decodes (pm.response.text()) reads back as the same text, for
// the single-byte and the multi-byte legacy charsets; text a charset
// cannot hold, and the charsets vault handles by itself, give nothing.
func TestCharsetEncoderRoundTrips(t *testing.T) {
	t.Parallel()
	tests := []struct{ charset, text string }{
		{"windows-1251", "Пароль-Секрет-Ж2024"},
		{"koi8-r", "Пароль-Секрет-Ж2024"},
		{"ibm866", "Пароль-Секрет-Ж2024"},
		{"iso-8859-7", "Μυστικό-Κλειδί-77"},
		{"shift_jis", "秘密のパスワード鍵9"},
		{"euc-jp", "秘密のパスワード鍵9"},
		{"gbk", "秘密の鍵9"},
		{"big5", "秘密鍵9"},
	}
	for _, tc := range tests {
		header := []collections.Header{{Key: "Content-Type", Value: "text/plain; charset=" + tc.charset}}
		enc := CharsetEncoder(BodyCharset(header))
		if enc == nil {
			t.Errorf("%s: no encoder", tc.charset)
			continue
		}
		b, ok := enc(tc.text)
		if !ok {
			t.Errorf("%s: cannot write %q", tc.charset, tc.text)
			continue
		}
		if got := BodyText(b, header); got != tc.text {
			t.Errorf("%s: %q reads back as %q", tc.charset, tc.text, got)
		}
	}
	if _, ok := CharsetEncoder("windows1251")("秘密"); ok {
		t.Error("windows-1251 wrote Japanese")
	}
	for _, name := range []string{"utf8", "ucs2", "utf16be", "utf32", "utf7", "binary", "latin1", "ascii", ""} {
		if CharsetEncoder(name) != nil {
			t.Errorf("%q: an encoder for a charset vault handles", name)
		}
	}
}
