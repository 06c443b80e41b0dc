package vault

import (
	"encoding/base64"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRedactEncodedAndTruncatedForms(t *testing.T) {
	t.Parallel()
	const secret = `Ab"<c&d>'e%2F f+g=h/i@j!k~L`
	r := NewRedactor()
	r.Add(secret)
	j, _ := json.Marshal(secret)
	jsonInJSON, _ := json.Marshal(string(j))
	tests := []struct{ name, text string }{
		{"as is", "x " + secret + " y"},
		{"query escaped", "?k=" + url.QueryEscape(secret)},
		{"path escaped", "/p/" + url.PathEscape(secret)},
		{"lower-case hex", "/p/" + strings.ToLower(url.QueryEscape(secret))},
		{"lower-cased", "http://" + strings.ToLower(secret)},
		{"JSON", string(j)},
		{"JSON in JSON", string(jsonInJSON)},
		{"XML", `<a v="Ab&quot;&lt;c&amp;d&gt;&#39;e%2F f+g=h/i@j!k~L"/>`},
		{"HTML hex refs", "Ab&#x22;&#x3C;c&#x26;d&#x3E;&#x27;e%2F f+g=h/i@j!k~L"},
		{"mixed", `Ab\"%3Cc\u0026d&gt;'e%252F+f%2Bg=h/i@j!k~L`},
		{"truncated by chai", `expected 'Ab"<c&d>\'e%2F f+g=h…' to equal 'x'`},
		{"truncated with dots", "value: Ab\"<c&d>'e%2F f+..."},
		{"truncated inside an escape", `'{"k":"Ab\"\u003cc\u00…' to include`},
		{"cut from the front", "…e%2F f+g=h/i@j!k~L"},
	}
	for _, tc := range tests {
		got := r.Redact(tc.text)
		if !strings.Contains(got, Mask) {
			t.Errorf("%s: nothing masked in %q", tc.name, got)
		}
		for _, piece := range []string{"Ab\"<c&d", "e%2F f+g", "h/i@j!k~L", "i@j!k~L", `c\u0026d`, "c%26d"} {
			if strings.Contains(got, piece) {
				t.Errorf("%s: %q survives in %q", tc.name, piece, got)
			}
		}
	}
	for _, keep := range []string{"Ab is fine", "just some text…", "Ab\"<c and more", "Ab\"<…"} {
		if got := r.Redact(keep); got != keep && keep != "Ab\"<…" {
			t.Errorf("%q masked as %q", keep, got)
		}
	}
	// A three-character prefix before an ellipsis is masked too.
	if got := r.Redact(`'Ab"…'`); strings.Contains(got, `Ab"`) {
		t.Errorf("short truncated prefix kept: %q", got)
	}
}

// TestRedactMultiByteAndControlForms: a secret with characters of more
// than one UTF-8 byte and control characters is masked in each form that
// spells those characters differently (%XX per byte, \uXXXX, \r \n \t).
func TestRedactMultiByteAndControlForms(t *testing.T) {
	t.Parallel()
	const secret = "s3cr€t\r\n\tpäss"
	r := NewRedactor()
	r.Add(secret)
	j, _ := json.Marshal(secret)
	ascii := strings.NewReplacer("€", `\u20ac`, "ä", `\u00E4`).Replace(string(j))
	for name, text := range map[string]string{
		"query escaped":   "?k=" + url.QueryEscape(secret),
		"path escaped":    "/p/" + url.PathEscape(secret),
		"JSON":            string(j),
		"ASCII-only JSON": ascii,
		"mixed":           "s3cr%e2%82%act\r\n\\tp%C3%A4ss",
	} {
		if got := r.Redact(text); strings.Contains(got, "s3cr") || strings.Contains(got, "ss") || !strings.Contains(got, Mask) {
			t.Errorf("%s: %q redacted as %q", name, text, got)
		}
	}
}

// FuzzRedact: whatever surrounds a secret, and whichever of courier's
// encodings it is written in, the redacted text holds neither the secret
// nor that encoding; and no input makes the redactor fail.
func FuzzRedact(f *testing.F) {
	f.Add("s3cr3t-value", "before ", " after", uint8(0))
	f.Add(`q"<&>'%`, "{\"a\":\"", "\"}", uint8(2))
	f.Add("CaseSecret", "http://", ".example.com", uint8(5))
	f.Add("päss wörd", "x=", "&y", uint8(1))
	f.Fuzz(func(t *testing.T, secret, before, after string, enc uint8) {
		if utf8.RuneCountInString(secret) < MinSecretLen || strings.TrimSpace(secret) == "" || !utf8.ValidString(secret) ||
			strings.ContainsAny(secret, "*…") || strings.Contains(secret, "...") {
			return
		}
		r := NewRedactor()
		r.Add(secret)
		forms := []func(string) string{
			func(s string) string { return s },
			url.QueryEscape,
			func(s string) string { b, _ := json.Marshal(s); return string(b) },
			url.PathEscape,
			percentEncodeAll,
			strings.ToLower,
			func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) },
		}
		form := forms[int(enc)%len(forms)]
		written := form(secret)
		if enc%uint8(len(forms)) == 6 {
			r.Add(written) // derived values are registered by whoever derives them
		}
		got := r.Redact(before + written + after)
		if strings.Contains(got, written) && len(written) > 0 {
			t.Fatalf("%q survives in %q", written, got)
		}
		if strings.Contains(got, secret) {
			t.Fatalf("secret survives in %q", got)
		}
		_ = r.Redact(before + after) // never panics
	})
}

// BenchmarkRedactBody: masking a 1 MB JSON body with escapes, percent
// signs and ellipses in it (the worst text for the encoded-form matcher),
// for three registered secrets.
func BenchmarkRedactBody(b *testing.B) {
	r := NewRedactor()
	r.Add(`Vq7"<Zk&9>'Lm%2Fx Rt4`, "plain-secret-value-123", "CaseSecret")
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		sb.WriteString(`{"k":"v\"a\\lue%20with%2Fescapes\u0026more…","url":"https://x/y?q=%41%42&r=1...","CaseSecreT":0},`)
	}
	body := sb.String()
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = r.Redact(body)
	}
}

// BenchmarkRedactShort: masking the short strings an event is made of
// (names, header values, URLs), where fixed costs per call dominate.
func BenchmarkRedactShort(b *testing.B) {
	r := NewRedactor()
	r.Add("eyJhbGciOiJIUzI1NiJ9.bench.token", "client-secret-0042")
	fields := []string{"Create user", "application/json", "Bearer abc.def", "http://127.0.0.1:18080/post?x=1", "Content-Length"}
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range fields {
			_ = r.Redact(f)
		}
	}
}

// TestRedactQueryReencoded: a secret in a query that a signer decoded and
// encoded again (OAuth 1 signs, and sends, the query so): bytes encoded
// twice (%253E), the "+" a query reads as a space written %20, either
// alone or mixed with bytes encoded once.
func TestRedactQueryReencoded(t *testing.T) {
	t.Parallel()
	r := NewRedactor()
	r.Add(`EnvQ"K<8&>p'Z% 3mT9xL2vB7`, `Vq7"<Zk1&9>'Lm%2Fx Rt4+Wn8`)
	for in, want := range map[string]string{
		"q=%253Ep%2527Z%25%25203mT9xL2vB7&x":  "q=***&x",                // the piece after "&", encoded once more as a whole
		"&9%3E%27Lm%2Fx%20Rt4%20Wn8":          "&***",                   // "+" read as a space
		"9%253E%2527Lm%252Fx%2520Rt4%252BWn8": "***",                    // every byte twice
		"%25%2520 and 9%3E%27Lm":              "%25%2520 and 9%3E%27Lm", // pieces too short alone
	} {
		if got := r.Redact(in); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}
