package latin1

import (
	"strings"
	"testing"
)

func TestDecode(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"plain ascii", "plain ascii"},
		{"caf\xc3\xa9", "cafÃ©"},                // UTF-8 bytes read one by one
		{"\xe9t\xe9", "été"},                    // latin1 bytes
		{"\x80\xff\x00\x7f", "\u0080ÿ\x00\x7f"}, // the range's edges
		{"\xe2\x82\xac", "â\u0082¬"},            // a three-byte character
	} {
		if got := Decode(c.in); got != c.want {
			t.Errorf("Decode(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := DecodeBytes([]byte(c.in)); got != c.want {
			t.Errorf("DecodeBytes(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestEncode(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"", "", true},
		{"plain ascii", "plain ascii", true},
		{"café", "caf\xe9", true},
		{"\u0080ÿ\x00", "\x80\xff\x00", true},
		{"€uro", "", false},     // U+20AC
		{"ok\u0100", "", false}, // just past the range
		{"a\xffb", "", false},   // not UTF-8: U+FFFD
		{"a😀", "", false},
	} {
		got, ok := Encode(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("Encode(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

// Every byte survives the round trip, and Decode gives valid text.
func TestRoundTrip(t *testing.T) {
	t.Parallel()
	var all strings.Builder
	for i := range 256 {
		all.WriteByte(byte(i))
	}
	text := Decode(all.String())
	if n := len([]rune(text)); n != 256 {
		t.Fatalf("Decode gave %d characters, want 256", n)
	}
	back, ok := Encode(text)
	if !ok || back != all.String() {
		t.Errorf("Encode(Decode(all bytes)) = %q, %v", back, ok)
	}
}

// Not parallel: AllocsPerRun refuses to run in a parallel test.
func TestAsciiIsNotCopied(t *testing.T) {
	s := strings.Repeat("header-value ", 8)
	if n := testing.AllocsPerRun(50, func() {
		_ = Decode(s)
		_, _ = Encode(s)
	}); n != 0 {
		t.Errorf("ASCII text allocated %v times, want 0", n)
	}
}
