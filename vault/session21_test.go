package vault

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// TestRedactStringCutByInspect: Node's util.inspect (console.log of an
// object, an array, a Map) cuts a string after 10,000 characters and
// closes its quote before the ellipsis ('xx…Hk4mZ'... 12 more
// characters): the prefix of a secret left before that quote is masked as
// one before a bare ellipsis is, whatever the quote and its escaping.
func TestRedactStringCutByInspect(t *testing.T) {
	t.Parallel()
	const secret = "EnvCurr/Hb3?Nd8#Qf5&Vs1=Yg7"
	r := NewRedactor()
	r.Add(secret, "Hk4mZq9TwLp2Rv7Xn")
	for _, text := range []string{
		"{ long: 'xxxxEnvCurr/Hb'... 66 more characters }",
		"[ 'yyyyyHk4mZ'... 12 more characters ]",
		`{ s: "xxEnvCurr/Hb"... 66 more characters }`,
		"{ s: `xxEnvCurr/Hb`... 66 more characters }",
		`"{ long: 'xxEnvCurr/Hb'... 66 more characters }\n"`,
		`{\"s\":\"xxEnvCurr/Hb\"... 66 more characters}`,
		`xxEnvCurr/Hb&#39;... 66 more characters`,
		`xxEnvCurr/Hb&quot;... 66 more characters`,
		`xxEnvCurr/Hb\u0027... 66 more characters`,
	} {
		got := r.Redact(text)
		for _, piece := range []string{"EnvCurr", "Hk4mZ"} {
			if strings.Contains(got, piece) {
				t.Errorf("%q survives in %q", piece, got)
			}
		}
		if !strings.Contains(got, "... ") {
			t.Errorf("the cut's ellipsis went with the mask: %q", got)
		}
	}
	// A quote after a prefix without an ellipsis is ordinary text.
	for _, keep := range []string{"'EnvC' is a name", `"Hk4" ... not cut`} {
		if got := r.Redact(keep); got != keep {
			t.Errorf("%q masked as %q", keep, got)
		}
	}
}

// TestRedactPunycodedSecret: a secret beyond ASCII in a host name goes out
// punycoded (the request line, the JSON report's host labels, getaddrinfo
// errors): that form is masked too, for the secret as a whole host and for
// each of its labels.
func TestRedactPunycodedSecret(t *testing.T) {
	t.Parallel()
	r := NewRedactor()
	r.Add("Ünï-çødé-Sëcrét-7Qž", "bücher-tenant.exämple-corp.test")
	for _, text := range []string{
		"getaddrinfo ENOTFOUND xn--n-d-scrt-7q-n9a1ae1a1d9itcw9l.invalid",
		`"host":["xn--n-d-scrt-7q-n9a1ae1a1d9itcw9l","invalid"]`,
		"GET http://xn--n-d-scrt-7q-n9a1ae1a1d9itcw9l.invalid/x",
		"https://xn--bcher-tenant-dlb.xn--exmple-corp-m8a.test/v1",
		`"host":["xn--bcher-tenant-dlb","xn--exmple-corp-m8a","test"]`,
	} {
		got := r.Redact(text)
		if strings.Contains(strings.ToLower(got), "xn--") {
			t.Errorf("punycode survives: %q", got)
		}
	}
	if got := r.Redact("xn--bcher-kva.example"); got != "xn--bcher-kva.example" {
		t.Errorf("another name's punycode masked: %q", got)
	}
}

// BenchmarkRedactInspectCuts: a console line full of strings Node's inspect
// cut inside a secret, each prefix before a closed quote and an ellipsis
// (20,000 copies, ~0.9 MB), and of secrets whole: the quote check runs at
// every partial match that fails.
func BenchmarkRedactInspectCuts(b *testing.B) {
	r := NewRedactor()
	r.Add("EnvCurr/Hb3?Nd8#Qf5&Vs1=Yg7", "Ünï-çødé-Sëcrét-7Qž")
	body := strings.Repeat(`[ 'xxEnvCurr/Hb'... 66 more characters, "EnvCurr/Hb3?Nd8#Qf5&Vs1=Yg7", 'Env' ],`, 10000) +
		strings.Repeat(`{ h: 'xn--n-d-scrt-7q-n9a1ae1a1d9itcw9l', s: "Ünï-çø"... 3 more characters },`, 10000)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		_ = r.Redact(body)
	}
}

// TestRedactLegacyEscapeForm: JavaScript's escape() (and a server that
// percent-encodes latin1) writes a character below 256 as one %XX and any
// other as %uXXXX, a UTF-16 unit each: a secret beyond ASCII in that form
// is masked as in its UTF-8 percent-encoding.
func TestRedactLegacyEscapeForm(t *testing.T) {
	t.Parallel()
	r := NewRedactor()
	r.Add("Ünï-çødé-Sëcrét-7Qž", "Pw😀xyz12345")
	for _, text := range []string{
		"'%DCn%EF-%E7%F8d%E9-S%EBcr%E9t-7Q%u017E'",
		"q=%dcn%ef-%e7%f8d%e9-s%ebcr%e9t-7q%u017e&x=1",
		"Pw%uD83D%uDE00xyz12345",
		"%u00DCn%u00EF-%u00E7%u00F8d%u00E9-S%u00EBcr%u00E9t-7Q%u017E",
	} {
		if got := r.Redact(text); !strings.Contains(got, Mask) || strings.Contains(got, "%E7%F8") || strings.Contains(got, "xyz123") {
			t.Errorf("escape() form survives: %q", got)
		}
	}
}

// TestRedactCharsetBody: a body in a legacy charset that echoes a secret
// holds it in that charset's bytes; each is masked, the body's other bytes
// stay as they were, and a secret the charset cannot write is skipped.
func TestRedactCharsetBody(t *testing.T) {
	t.Parallel()
	r := NewRedactor()
	r.Add("Пароль-Секрет-Ж2024", "秘密のパスワード鍵9")
	enc := func(s string) ([]byte, bool) {
		b, err := charmap.Windows1251.NewEncoder().Bytes([]byte(s))
		return b, err == nil
	}
	secret, _ := enc("Пароль-Секрет-Ж2024")
	body := append(append([]byte("value: \xc0\xc1 "), secret...), " end "...)
	body = append(body, secret...)
	got := r.RedactCharsetBody(body, enc)
	if want := "value: \xc0\xc1 *** end ***"; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := r.RedactCharsetBody([]byte("plain"), enc); string(got) != "plain" {
		t.Errorf("a body without the secret changed: %q", got)
	}
	if got := NewRedactor().RedactCharsetBody(body, enc); string(got) != string(body) {
		t.Error("no secrets, yet the body changed")
	}
}

// BenchmarkRedactCharsetBody: a 1.1 MB windows-1251 body that holds its
// secret 20,000 times, and the same secret in escape() form (the %XX and
// %uXXXX the UTF-8 percent search tries after it fails) 20,000 times.
func BenchmarkRedactCharsetBody(b *testing.B) {
	r := NewRedactor()
	r.Add("Пароль-Секрет-Ж2024", "Ünï-çødé-Sëcrét-7Qž")
	enc := func(s string) ([]byte, bool) {
		out, err := charmap.Windows1251.NewEncoder().Bytes([]byte(s))
		return out, err == nil
	}
	secret, _ := enc("Пароль-Секрет-Ж2024")
	var body []byte
	for range 20000 {
		body = append(append(body, "value: "...), secret...)
		body = append(body, " %DCn%EF-%E7%F8d%E9-S%EBcr%E9t-7Q%u017E; "...)
	}
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		_ = r.RedactCharsetBody(r.RedactBody(body, "windows1251"), enc)
	}
}
