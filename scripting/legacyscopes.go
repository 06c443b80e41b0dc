package scripting

import "strings"

// legacyWords are the legacy objects Newman makes when a script starts,
// with the bit callScript hands the bootstrap's begin for each (the
// environment and globals share one).
var legacyWords = [...]struct {
	word string
	bit  int
}{{"environment", 16}, {"globals", 16}, {"data", 32}, {"request", 64}}

// mayReadLegacyScopes reports, as begin's bits, the legacy objects src
// names: the word alone, not a member (pm.environment, pm.request). Newman
// makes them when a script starts, so a script that changes what one
// reflects through pm.* (a variable, the iteration data, the request) and
// then reads the legacy object sees it from before (fresh-round10p-f,
// fresh-round10p-g); courier makes them when the script starts only for
// scripts that name one, and on first use otherwise.
func mayReadLegacyScopes(src string) int {
	bits := 0
	for _, lw := range legacyWords {
		if bits&lw.bit == 0 && namesWord(src, lw.word) {
			bits |= lw.bit
		}
	}
	return bits
}

// namesWord reports whether src has w as a word that is not a member.
func namesWord(src, w string) bool {
	for i := strings.Index(src, w); i >= 0; {
		end := i + len(w)
		if (i == 0 || !isIdentByte(src[i-1]) && src[i-1] != '.') && (end == len(src) || !isIdentByte(src[end])) {
			return true
		}
		next := strings.Index(src[end:], w)
		if next < 0 {
			return false
		}
		i = end + next
	}
	return false
}
