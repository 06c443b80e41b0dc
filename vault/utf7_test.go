package vault

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"

	"github.com/courier-run/courier/internal/utf7"
)

// TestRedactBodyMasksUTF7: a secret beyond ASCII, or with characters an
// encoder shifts, sits in a UTF-7 body as base64 of UTF-16. RedactBody
// masks it by the text text() reads, writes the mask in UTF-7, and keeps
// every other byte as it was; the body still decodes, to the text with
// the secret masked.
func TestRedactBodyMasksUTF7(t *testing.T) {
	t.Parallel()
	const (
		wide   = "Sëcret-🔑-42"
		canary = `EnvQ"K<8&>p'Z% 3mT9xL2vB7`
	)
	r := NewRedactor()
	r.Add(wide, canary)
	// shiftAll writes every character shifted, as the audit's server does.
	shiftAll := func(s string, mark byte) string {
		var u []byte
		for _, c := range utf16.Encode([]rune(s)) {
			u = binary.BigEndian.AppendUint16(u, c)
		}
		enc := base64.RawStdEncoding.EncodeToString(u)
		if mark == '&' {
			enc = strings.ReplaceAll(enc, "/", ",")
		}
		return string(mark) + enc + "-"
	}
	for _, c := range []struct {
		name, body, charset string
		want                string // the masked body's text
		kept                []string
	}{
		{name: "iconv-lite's encoder: direct ASCII, shifted runs", body: string(utf7.Encode("a="+wide+" b="+canary+" end", false)),
			charset: "utf7", want: "a=*** b=*** end", kept: []string{"a=", " end"}},
		{name: "every character shifted", body: shiftAll("k="+wide+" e="+canary+" end", '+'), charset: "utf7", want: "k=*** e=*** end"},
		{name: "the secret in a run with text around it, twice", body: "head " + shiftAll("é"+wide+"ü"+wide+"ö", '+') + " tail",
			charset: "utf7", want: "head é***ü***ö tail", kept: []string{"head ", " tail"}},
		{name: "split over two runs and direct bytes", body: "x+AFMA6w-cret-+2D3dEQ--42+AOk-y", charset: "utf7",
			want: "x***éy", kept: []string{"x", "+AOk-y"}},
		{name: "run open at the end", body: "ok " + strings.TrimSuffix(shiftAll(wide, '+'), "-"), charset: "utf7", want: "ok ***"},
		{name: "imap", body: "a&-b" + shiftAll(wide+"/", '&') + "c" + string(utf7.Encode(canary, true)), charset: "utf7imap",
			want: "a&b***/c***", kept: []string{"a&-b"}},
		{name: "after a run no '-' closed (imap)", body: "&AOk" + shiftAll(wide, '&') + "z", charset: "utf7imap", want: "é***z"},
		{name: "after a run no '-' closed, a byte past ASCII", body: "+AOk\xe9" + shiftAll(wide, '+'), charset: "utf7", want: "é\ufffd***"},
	} {
		got := r.RedactBody([]byte(c.body), c.charset)
		imap := c.charset == "utf7imap"
		assert.Equal(t, c.want, string(utf16.Decode(utf7.Decode(got, imap))), "%s: %q", c.name, got)
		for _, k := range c.kept {
			assert.Contains(t, string(got), k, "%s: bytes away from the secret kept", c.name)
		}
		// Not as UTF-7 (no charset): the base64 stays, as it is no text
		// of the secret in the body's declared charset.
		if c.name == "every character shifted" {
			assert.Equal(t, c.body, string(r.RedactBody([]byte(c.body), "utf8")))
		}
	}
	clean := []byte("+AOk- nothing secret")
	assert.Same(t, &clean[0], &r.RedactBody(clean, "utf7")[0], "no copy without a secret")
}

// TestAppendUnitsAsDecode: appendUnits writes what utf16.Decode gives,
// lone surrogates as U+FFFD.
func TestAppendUnitsAsDecode(t *testing.T) {
	t.Parallel()
	for _, u := range [][]uint16{{0x61, 0xd83d, 0xde00, 0x62}, {0xd83d}, {0xde00, 0xd83d}, {0xd83d, 0x61}, {}, {0xfeff, 0xe9}} {
		assert.Equal(t, string(utf16.Decode(u)), string(appendUnits(nil, u)), "%x", u)
	}
}

// TestRedactUTF7BigBodyMemory: a large UTF-7 body (4 MiB, ASCII but for
// one shifted secret at its end) is masked without copies of it as code
// units or runes: the allocations stay under five times its size (4x
// measured: the body as a string, its text, the masked body, its bytes).
func TestRedactUTF7BigBodyMemory(t *testing.T) {
	r := NewRedactor()
	r.Add("Sëcret-🔑-42")
	body := append(bytes.Repeat([]byte("plain ascii text, "), 4<<20/18), utf7.Encode(" Sëcret-🔑-42 end", false)...)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	got := r.RedactBody(body, "utf7")
	runtime.ReadMemStats(&after)
	assert.True(t, bytes.HasSuffix(got, []byte(" *** end")), "%q", got[len(got)-20:])
	t.Logf("%d bytes allocated for a %d-byte body", after.TotalAlloc-before.TotalAlloc, len(body))
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(5*len(body)))
}

// FuzzRedactBodyUTF7: whatever bytes a server sends as UTF-7, masking
// neither panics nor leaves a secret in the text the body decodes to, and
// the text elsewhere is what Redact makes of the original's, unless the
// raw bytes held a secret as such, masked as bytes too (compared
// without U+FEFF, which a rewritten run may drop at its start, and U+FFFD,
// what a lone surrogate in a rewritten run becomes).
func FuzzRedactBodyUTF7(f *testing.F) {
	r := NewRedactor()
	r.Add("Sëcret-🔑-42", `EnvQ"K<8&>p'Z%`)
	for _, seed := range []string{"a +AFMA6w-cret-+2D3dEQ--42 b", "&AOk&AFMA6w-cret-&2D3dEQ--42", "+AFMA6wBjAHIAZQB0AC3YPd0RAC0ANAAy",
		"x+AEUAbgB2AFEAIgBL-<8&>p'Z% y", "+/v8-Sëcret-🔑-42", "+-+-Sëcret-\xff-42"} {
		f.Add([]byte(seed), false)
		f.Add([]byte(seed), true)
	}
	clean := strings.NewReplacer("\ufeff", "", "\ufffd", "")
	f.Fuzz(func(t *testing.T, body []byte, imap bool) {
		charset := map[bool]string{false: "utf7", true: "utf7imap"}[imap]
		got := r.RedactBody(body, charset)
		text := string(utf16.Decode(utf7.Decode(got, imap)))
		for _, s := range []string{"Sëcret-🔑-42", `EnvQ"K<8&>p'Z%`} {
			if strings.Contains(text, s) {
				t.Fatalf("%q masked to %q still reads %q", body, got, text)
			}
		}
		if r.Redact(string(body)) != string(body) {
			return // the raw bytes held a secret too (as UTF-8, say), masked as bytes
		}
		want := r.Redact(string(utf16.Decode(utf7.Decode(body, imap))))
		if clean.Replace(text) != clean.Replace(want) && !strings.Contains(want, Mask) {
			t.Fatalf("%q: text %q, want %q", body, text, want)
		}
	})
}

// TestRedactUTF7ManySecrets: a body with the secret 20,000 times, in
// shifted runs and direct text, comes back with 20,000 masks and nothing
// else changed (each stretch is written from its own spans, one pass).
func TestRedactUTF7ManySecrets(t *testing.T) {
	t.Parallel()
	r := NewRedactor()
	r.Add("Sëcret-🔑-42")
	var body bytes.Buffer
	for i := range 10000 {
		body.Write(utf7.Encode(fmt.Sprintf("%d Sëcret-🔑-42 é", i), false))
		body.WriteString(" S+AOs-cret-+2D3dEQ--42 ")
	}
	text := string(utf16.Decode(utf7.Decode(r.RedactBody(body.Bytes(), "utf7"), false)))
	assert.Equal(t, 20000, strings.Count(text, Mask))
	assert.True(t, strings.HasPrefix(text, "0 *** é *** 1 *** é"), text[:40])
}
