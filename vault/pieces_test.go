package vault

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestRedactShortPiecesBesideTheirSecret: a URL model splits a secret in a
// URL into path segments, query keys and values or host labels (the JSON
// report's url object, console.log(pm.request.url)), and pieces shorter
// than MinPieceLen were left in clear between the masks of the long ones
// (K7MDENG of an AWS-style secret key). A short piece is masked where it
// stands as a token of its own next to a mask, with only the model's
// punctuation (and a query's "key" or "value") between them; elsewhere it
// is ordinary text.
func TestRedactShortPiecesBesideTheirSecret(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, secret, in, want string
	}{
		{"path segments", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
			`"path":["v1","wJalrXUtnFEMI","K7MDENG","bPxRfiCYEXAMPLEKEY"]`, `"path":["v1","***","***","***"]`},
		{"console.log of a path", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
			`path: [ 'v1', 'wJalrXUtnFEMI', 'K7MDENG', 'bPxRfiCYEXAMPLEKEY' ]`, `path: [ 'v1', '***', '***', '***' ]`},
		{"short piece first", "ab/cdefghijk", `"path":["x","ab","cdefghijk"]`, `"path":["x","***","***"]`},
		{"query key and value", "Ab12Cd34Ef&Gh5=Kl90Mn12Op",
			`[{"key":"k","value":"Ab12Cd34Ef"},{"key":"Gh5","value":"Kl90Mn12Op"}]`,
			`[{"key":"k","value":"***"},{"key":"***","value":"***"}]`},
		{"host labels", "PBhjSVA9h2pxMWea.0Y8n5o.hsjdIKLt6PJmQcVna3CtGCwS",
			`"host":["PBhjSVA9h2pxMWea","0Y8n5o","hsjdIKLt6PJmQcVna3CtGCwS","example","com"]`, `"host":["***","***","***","example","com"]`},
		{"a chain of short pieces", "Zk8Qw2Lm4Tp/a1/b2/c3", `"path":["Zk8Qw2Lm4Tp","a1","b2","c3","next"]`, `"path":["***","***","***","***","next"]`},
		{"escaped", `Zk8Qw2Lm4Tp/a"1`, `"path":["Zk8Qw2Lm4Tp","a\"1"]`, `"path":["***","***"]`},
		// A password with "/" written unencoded in a URL's user:password@:
		// what comes before the "/" is the URL's port, quoted alone by the
		// bad-port RangeError (after the last ":" when it has one).
		{"port of a password", "Zq9$Wx7/abcdefghij", `RangeError: Port should be >= 0 and < 65536. Received type string ('Zq9$Wx7').`,
			`RangeError: Port should be >= 0 and < 65536. Received type string ('***').`},
		{"port after a colon", "p:Zq9#rest", `Received type string ('Zq9'). and (Zq9)`, `Received type string ('***'). and (Zq9)`},
		{"Host header", "Zq9$Wx7/abcdefghij", `{"key":"Host","value":"user:Zq9$Wx7"}`, `{"key":"Host","value":"user:***"}`},
		{"inside a longer word", "Zq9$Wx7/abcdefghij", `x:Zq9$Wx7a`, `x:Zq9$Wx7a`},
		{"port too short to mask", "Zq/abcdefghij", `Received type string ('Zq').`, `Received type string ('Zq').`},
		{"not its port", "Zq9$Wx7/abcdefghij", `Received type string ('8080x').`, `Received type string ('8080x').`},
		// Not beside a mask, or inside a longer word: ordinary text.
		{"alone", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", `K7MDENG is a word here`, `K7MDENG is a word here`},
		{"far from the mask", "ab/cdefghijk", `"a":"cdefghijk","note":"text text","b":"ab"`, `"a":"***","note":"text text","b":"ab"`},
		{"inside a word", "ab/cdefghijk", `cdefghijk abc`, `*** abc`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := NewRedactor()
			r.Add(tt.secret)
			assert.Equal(t, tt.want, r.Redact(tt.in))
		})
	}
}

// TestBesideSpanLooksOnlyNearby: covered and besideSpan search the sorted,
// merged spans around sp (a body may hold its secret thousands of times)
// and answer as a scan of every span does, on random spans and gaps of
// punctuation, letters and the words "key" and "value".
func TestBesideSpanLooksOnlyNearby(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	punct := []string{",", "\"", " ", ":", "[", "\n  ", "key", "value"}
	words := []string{"a", "1", "ke", "valu", "keys"}
	for round := range 300 {
		// Rounds with few letters reach gaps of maxPieceGap bytes and more.
		letters := rng.Float64() * 0.3
		var sb strings.Builder
		for sb.Len() < 400 {
			if rng.Float64() < letters {
				sb.WriteString(words[rng.IntN(len(words))])
			} else {
				sb.WriteString(punct[rng.IntN(len(punct))])
			}
		}
		s := sb.String()
		var spans []span
		for at := rng.IntN(20); at < len(s)-2; at += 2 + rng.IntN(60) {
			end := min(at+1+rng.IntN(12), len(s))
			spans = append(spans, span{at, end})
			at = end
		}
		spans = mergeSpans(spans)
		for start := 0; start < len(s); start++ {
			sp := span{start, min(start+1+rng.IntN(6), len(s))}
			wantCovered, wantBeside := false, false
			for _, o := range spans {
				wantCovered = wantCovered || o.start <= sp.start && sp.end <= o.end
				wantBeside = wantBeside ||
					o.end <= sp.start && sp.start-o.end <= maxPieceGap && naivePunctuation(s[o.end:sp.start]) ||
					o.start >= sp.end && o.start-sp.end <= maxPieceGap && naivePunctuation(s[sp.end:o.start])
			}
			if got := covered(spans, sp); got != wantCovered {
				t.Fatalf("round %d: covered(%v) = %v, a scan says %v (spans %v)", round, sp, got, wantCovered, spans)
			}
			if got := besideSpan(s, sp, spans); got != wantBeside {
				t.Fatalf("round %d: besideSpan(%v) = %v, a scan says %v in %q (spans %v)", round, sp, got, wantBeside, s, spans)
			}
		}
	}
}

// naivePunctuation is onlyPunctuation as first written: the words taken
// out, then no letter or digit left.
func naivePunctuation(gap string) bool {
	gap = strings.NewReplacer("key", "", "value", "").Replace(gap)
	return !strings.ContainsFunc(gap, func(r rune) bool { return r < 0x80 && isAlnum(byte(r)) })
}

// BenchmarkRedactSecretManyTimes: a body holding a secret with a short URL
// piece thousands of times (a list of records each carrying the token):
// the short pieces' search must stay linear in the body (it was quadratic
// after a3b5461: 4.2 s and 880,000 allocations for this 1.2 MB body, 66 ms after).
func BenchmarkRedactSecretManyTimes(b *testing.B) {
	r := NewRedactor()
	r.Add("wJalrXUtnFEMIK7MDENG/a1")
	body := strings.Repeat(`{"t":"wJalrXUtnFEMIK7MDENG/a1","n":"x a1 y","p":["a1","b"]},`, 20000)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		_ = r.Redact(body)
	}
}
