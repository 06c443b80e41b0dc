package vault

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// flushWriter is what JSONWriter and XMLWriter both are.
type flushWriter interface {
	Write(p []byte) (int, error)
	Flush() error
}

// writePieces writes in to w in pieces of the sizes size gives (a secret
// or a token then spans writes) and flushes it.
func writePieces(t testing.TB, w flushWriter, in []byte, size func() int) {
	t.Helper()
	for rest := in; len(rest) > 0; {
		n := min(len(rest), size())
		if _, err := w.Write(rest[:n]); err != nil {
			t.Fatal(err)
		}
		rest = rest[n:]
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
}

// pieceSize is a writePieces size of n bytes a write.
func pieceSize(n int) func() int { return func() int { return n } }

// bytewiseOrWhole writes in every byte on its own (a secret split over
// writes) or all at once.
func bytewiseOrWhole(bytewise bool, in string) func() int {
	if bytewise {
		return pieceSize(1)
	}
	return pieceSize(max(1, len(in)))
}

// fuzzable reports whether a fuzzer's secret and document are worth a
// run: a secret the redactor masks (long enough, not blank, valid UTF-8,
// none of the mask's characters or an ellipsis in it) and a document of at
// most 4 KB.
func fuzzable(secret, doc string) bool {
	return utf8.RuneCountInString(secret) >= MinSecretLen && strings.TrimSpace(secret) != "" && utf8.ValidString(secret) &&
		!strings.ContainsAny(secret, "*…") && !strings.Contains(secret, "...") && len(doc) <= 4096
}
