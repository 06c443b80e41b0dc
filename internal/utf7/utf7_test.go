package utf7

import (
	"math/rand/v2"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDecode: iconv-lite's answers (scripting's bodytext tests hold the
// same through text(); fresh-round9n-a.json has Newman's).
func TestDecode(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   string
		imap bool
		want string
	}{
		{"Hi -+Jjo--! A+ImIDkQ. +- +AOk", false, "Hi -☺-! A≢Α. + é"},
		{"x+AO!y+Z", false, "x!y"},
		{"a\xe9", false, "a\ufffd"},
		{"a&AOk-b&-c&2D3eAA-", true, "aéb&c😀"},
		{"&AGE&AGI-", true, "ab"},
		{"+AGEAYgBjAGQ", false, "abcd"}, // open at the end: 8 characters, then the rest
		{"+/v8AYQ-", false, "a"},        // a run's leading BOM dropped
	} {
		assert.Equal(t, c.want, string(utf16.Decode(Decode([]byte(c.in), c.imap))), "%q", c.in)
	}
}

// TestPiecesCoverTheBody: on random bytes drawn from UTF-7's own
// characters, the pieces are contiguous, cover the body, are each read on
// their own as they are read in the body, and a direct piece has a unit a
// byte.
func TestPiecesCoverTheBody(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(7, 7))
	const alphabet = "+&-AaZz09/,.! \xe9"
	for range 3000 {
		b := make([]byte, rng.IntN(24))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		for _, imap := range []bool{false, true} {
			ps := Pieces(b, imap)
			at := 0
			var units []uint16
			for _, p := range ps {
				require.Equal(t, at, p.Start, "%q", b)
				require.Greater(t, p.End, p.Start, "%q", b)
				if p.Shifted {
					alone := Decode(b[p.Start:p.End], imap)
					assert.Equal(t, string(utf16.Decode(p.Units)), string(utf16.Decode(alone)), "%q piece %q", b, b[p.Start:p.End])
					units = append(units, p.Units...)
				} else {
					assert.Nil(t, p.Units, "%q", b)
					units = append(units, Decode(b[p.Start:p.End], imap)...)
					assert.True(t, p.End-p.Start == 1 || b[p.Start] < 0x80, "%q: a byte past ASCII is a piece of its own", b)
				}
				at = p.End
			}
			require.Equal(t, len(b), at, "%q", b)
			assert.Equal(t, string(utf16.Decode(Decode(b, imap))), string(utf16.Decode(units)), "%q", b)
		}
	}
}

// TestEncodeReadsBack: Encode's output decodes to the text, and bytes
// after it (a shifted run's base64 letters or a '-') are read as they
// were.
func TestEncodeReadsBack(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	chars := []rune("aZ9+&-/,~\\ \t\né\"<&'%*😀中\u00ff")
	for range 2000 {
		rs := make([]rune, rng.IntN(12))
		for i := range rs {
			rs[i] = chars[rng.IntN(len(chars))]
		}
		text := string(rs)
		for _, imap := range []bool{false, true} {
			for _, after := range []string{"", "A", "-", "x+AGE-", "&AGE-"} {
				got := Decode(append(Encode(text, imap), after...), imap)
				want := append(utf16.Encode([]rune(text)), Decode([]byte(after), imap)...)
				require.Equal(t, string(utf16.Decode(want)), string(utf16.Decode(got)), "%q imap=%v then %q: %q", text, imap, after, Encode(text, imap))
			}
		}
	}
	assert.Equal(t, "a+-b+AOk-***+2D3eAA-", string(Encode("a+bé***😀", false)))
	assert.Equal(t, "a&-b&AOk-,", string(Encode("a&bé,", true)))
}
