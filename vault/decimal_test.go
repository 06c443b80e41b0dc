package vault

import (
	"runtime"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestRedactDecimalLists: a secret's bytes, code units or code points as
// the decimal lists typed arrays print (texts from Node 22's util.inspect
// and Newman 6.2.2's CLI) are masked, whole or cut where Node cuts an
// array; other lists of numbers are left alone.
func TestRedactDecimalLists(t *testing.T) {
	t.Parallel()
	r := NewRedactor()
	r.Add("SecretQ7zK9-abcdefghijXYZ", "Sécret-Q7zK9")
	for _, tc := range []struct{ name, in, want string }{
		{"Uint8Array columns", "Uint8Array(25) [\n   83, 101,  99, 114, 101, 116,  81,\n   55, 122,  75,  57,  45,  97,  98,\n   99, 100, 101, 102, 103, 104, 105,\n  106,  88,  89,  90\n]",
			"Uint8Array(25) [\n   ***\n]"},
		{"in the cli's frame", "  │    83, 101,  99, 114, 101, 116,  81,\n  │    55, 122,  75,  57,  45,  97,  98,\n  │    99, 100, 101, 102, 103, 104, 105,\n  │   106,  88,  89,  90\n  │ ]",
			"  │    ***\n  │ ]"},
		{"JSON-escaped", `"Uint8Array(25) [\n   83, 101,  99, 114, 101, 116,  81,\n   55, 122,  75,  57,  45,  97,  98,\n   99, 100, 101, 102, 103, 104, 105,\n  106,  88,  89,  90\n]"`,
			`"Uint8Array(25) [\n   ***\n]"`},
		{"String() of a typed array", "'83,101,99,114,101,116,81,55,122,75,57,45,97,98,99,100\n  │ ,101,102,103,104,105,106,88,89,90'", "'***'"},
		{"join(' ') in a test name", "✓  t 83 101 99 114 101 116 81 55 122 75 57 45 97 98 99 100 101 102 103 104 105 106 88 89 90", "✓  t ***"},
		{"inside a longer array", "[ 120, 120, 83, 101, 99, 114, 101, 116, 81, 55, 122, 75, 57, 45, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 88, 89, 90, 7 ]",
			"[ 120, 120, ***, 7 ]"},
		{"cut where Node cuts", "  120, 120, 120, 120, 120, 120,  83, 101,  99, 114, 101, 116,\n   81,  55, 122,  75,\n  ... 15 more items\n]",
			"  120, 120, 120, 120, 120, 120,  ***,\n  ... 15 more items\n]"},
		{"cut by chai", "expected '83,101,99,114,101,116,81,55,122,75,57,45,97,98,99,10…' to equal 'x'", "expected '***…' to equal 'x'"},
		{"cut by chai after a whole number", "expected '120,83,101,99…' to equal 'x'", "expected '120,***…' to equal 'x'"},
		{"a typed array set as a variable", `{"0":83,"1":101,"2":99,"3":114,"4":101,"5":116,"6":81,"7":55,"8":122,"9":75,"10":57,"11":45,"12":97,"13":98,"14":99,"15":100,"16":101,"17":102,"18":103,"19":104,"20":105,"21":106,"22":88,"23":89,"24":90}`,
			`{"0":***}`},
		{"the same, inspected", "{\n  '0': 83,\n  '1': 101,\n  '2': 99,\n  '3': 114,\n  '4': 101,\n  '5': 116,\n  '6': 81,\n  '7': 55,\n  '8': 122,\n  '9': 75,\n  '10': 57,\n  '11': 45,\n  '12': 97,\n  '13': 98,\n  '14': 99,\n  '15': 100,\n  '16': 101,\n  '17': 102,\n  '18': 103,\n  '19': 104,\n  '20': 105,\n  '21': 106,\n  '22': 88,\n  '23': 89,\n  '24': 90\n}",
			"{\n  '0': ***\n}"},
		{"the same, JSON-escaped", `"{\"0\":83,\"1\":101,\"2\":99,\"3\":114,\"4\":101,\"5\":116,\"6\":81,\"7\":55,\"8\":122,\"9\":75,\"10\":57,\"11\":45,\"12\":97,\"13\":98,\"14\":99,\"15\":100,\"16\":101,\"17\":102,\"18\":103,\"19\":104,\"20\":105,\"21\":106,\"22\":88,\"23\":89,\"24\":90}"`,
			`"{\"0\":***}"`},
		{"Int8Array of UTF-8", "Int8Array(13) [\n   83, -61, -87, 99, 114,\n  101, 116,  45, 81,  55,\n  122,  75,  57\n]", "Int8Array(13) [\n   ***\n]"},
		{"Uint16Array of code units", "Uint16Array(12) [\n   83, 233, 99, 114, 101,\n  116,  45, 81,  55, 122,\n   75,  57\n]", "Uint16Array(12) [\n   ***\n]"},
		// Not the secret: other numbers, a list that is only a prefix
		// and not cut, numbers inside words and decimals.
		{"ordinary numbers", "2026-12-06 83 ms, 101 requests, 99 passed", "2026-12-06 83 ms, 101 requests, 99 passed"},
		{"a prefix of a list not cut", "[ 83, 101, 99, 114 ]", "[ 83, 101, 99, 114 ]"},
		{"too short a prefix before an ellipsis", "'120,83,101…'", "'120,83,101…'"},
		{"digits inside words", "x83, 101, 99, 114, 101, 116, 81, 55, 122, 75, 57, 45, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 88, 89, 90.5",
			"x83, 101, 99, 114, 101, 116, 81, 55, 122, 75, 57, 45, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 88, 89, 90.5"},
	} {
		if got := r.Redact(tc.in); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

// TestWriterMasksDecimalLists: the writers behind the reporters mask the
// lists as well (the second net).
func TestWriterMasksDecimalLists(t *testing.T) {
	t.Parallel()
	r := NewRedactor()
	r.Add("SecretQ7zK9-abcdefghijXYZ")
	var b strings.Builder
	w := r.Writer(&b)
	_, _ = w.Write([]byte("log: 83, 101, 99, 114, 101, 116, 81, 55, 122, 75, 57, 45, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 88, 89, 90 end\n"))
	_ = w.Flush()
	if got, want := b.String(), "log: *** end\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// BenchmarkRedactNumbers: masking 1 MB of JSON number arrays (a response
// of measurements, the worst text for decimalSpans: every number starts a
// list), for three registered secrets.
func BenchmarkRedactNumbers(b *testing.B) {
	r := NewRedactor()
	r.Add(`Vq7"<Zk&9>'Lm%2Fx Rt4`, "plain-secret-value-123", "CaseSecret")
	var sb strings.Builder
	for i := 0; sb.Len() < 1<<20; i++ {
		sb.WriteString(`{"id":`)
		sb.WriteString(strings.Repeat("7", i%5+1))
		sb.WriteString(`,"v":[86, 113, 55, 34, 60, 90, 107, 38, 57, 62, 39, 76, 109, 37, 50, 70, 120, 32, 82, 116],"t":[1733472000, 1733472060, -5, 12.5]},`)
	}
	body := sb.String()
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = r.Redact(body)
	}
}

// FuzzRedactDecimal: a secret's bytes, signed bytes, UTF-16 units or code
// points written as a list with any of the separators typed arrays print,
// between any text, never survive, and no input panics.
func FuzzRedactDecimal(f *testing.F) {
	f.Add("s3cr3t-value", "before [ ", " ] after", uint8(0), uint8(0))
	f.Add("päss wörd", "x=", ",7", uint8(1), uint8(3))
	f.Add("Ω-Sécret", "'", "…'", uint8(2), uint8(2))
	f.Fuzz(func(t *testing.T, secret, before, after string, form, sep uint8) {
		if utf8.RuneCountInString(secret) < MinSecretLen || strings.TrimSpace(secret) == "" || !utf8.ValidString(secret) {
			return
		}
		r := NewRedactor()
		r.Add(secret)
		forms := decimalForms(secret)
		nums := forms[int(form)%len(forms)]
		seps := []string{", ", ",", " ", ",\n  ", ",\n  │   ", `,\n   `, `,"1":`, ",\n  '12': "}
		parts := make([]string, len(nums))
		for i, n := range nums {
			parts[i] = strconv.Itoa(n)
		}
		written := strings.Join(parts, seps[int(sep)%len(seps)])
		got := r.Redact(before + written + after)
		if before != "" && (isWordByte(before[len(before)-1]) || strings.ContainsRune(".-\\'\"", rune(before[len(before)-1]))) ||
			after != "" && (isWordByte(after[0]) || after[0] == '.') {
			return // the list runs on into other numbers or words: not the secret's
		}
		if strings.Contains(got, written) {
			t.Fatalf("%q survives in %q", written, got)
		}
	})
}

// TestRedactParseErrorToken: a JSON parse error of text holding a secret
// names the secret's character it stopped at; with the quoted line masked,
// that character is masked too (texts as liquid-json, which the sandbox's
// JSON.parse and pm.response.json() use, words them).
func TestRedactParseErrorToken(t *testing.T) {
	t.Parallel()
	r := NewRedactor()
	r.Add(`Sec"ret<Q7zK9-abcdefghijXYZ`)
	for _, tc := range []struct{ in, want string }{
		{"Unexpected token 'S' at 1:1\nSec\"ret<Q7zK9-abcdefghijXYZ\n^", "Unexpected token '***' at 1:1\n***\n^"},
		{"Unexpected token 'r' at 1:6\n\"Sec\"ret<Q7zK9-abcdefghijXYZ\"\n     ^", "Unexpected token '***' at 1:6\n\"***\"\n     ^"},
		{`"JSONError: Unexpected token 'e' at 1:13\n" +` + "\n" + `  '{"a": "Sec"ret<Q7zK9-abcdefghijXYZ"}\n' +`, `"JSONError: Unexpected token '***' at 1:13\n" +` + "\n" + `  '{"a": "***"}\n' +`},
		// A character in no secret, or no secret in the text: as written.
		{"Unexpected token 'x' at 1:1\nxxxSec\"ret<Q7zK9-abcdefghijXYZ\n^", "Unexpected token 'x' at 1:1\nxxx***\n^"},
		{"Unexpected token 'S' at 1:1\nSomething else\n^", "Unexpected token 'S' at 1:1\nSomething else\n^"},
	} {
		if got := r.Redact(tc.in); got != tc.want {
			t.Errorf("\n got %q\nwant %q", got, tc.want)
		}
	}
}

// TestDecimalListsInBoundedMemory: a long list of numbers (a JSON array of
// 8 million numbers, 16 MB: an ordinary data response) is searched in
// pieces, not read whole into a list of 24-byte entries (1 GB allocated
// for this body before), and a secret's numbers across a piece's edge or
// cut at the very end are still masked. Not parallel: it reads the
// process's allocation count.
func TestDecimalListsInBoundedMemory(t *testing.T) {
	const secret = "SecretQ7zK9-abcdefghijXYZ"
	var codes []string
	for i := 0; i < len(secret); i++ {
		codes = append(codes, strconv.Itoa(int(secret[i])))
	}
	r := NewRedactor()
	r.Add(secret)
	for _, at := range []int{0, 1000, 1020, 4090, 100_000} {
		in := "[" + strings.Repeat("1,", at) + strings.Join(codes, ",") + strings.Repeat(",1", 5000) + "]"
		if got := r.Redact(in); strings.Contains(got, strings.Join(codes[:4], ",")) || !strings.Contains(got, "***") {
			t.Errorf("secret's numbers after %d others not masked", at)
		}
	}
	cut := strings.Repeat("1, ", 5000) + strings.Join(codes[:10], ", ") + "\n  ... 15 more items\n]"
	if got := r.Redact(cut); !strings.HasSuffix(got, "1, ***\n  ... 15 more items\n]") {
		t.Errorf("cut list's end: %q", got[len(got)-60:])
	}
	body := []byte("[" + strings.Repeat("1,", 8<<20) + "1]")
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	out := r.RedactBody(body, "")
	runtime.ReadMemStats(&after)
	if len(out) != len(body) {
		t.Fatalf("body changed: %d bytes -> %d", len(body), len(out))
	}
	// The body, its string copy and the masked text: 3x the body, with
	// room; the whole list took 60x.
	got := after.TotalAlloc - before.TotalAlloc
	t.Logf("%d MB allocated", got>>20)
	if got > 6*uint64(len(body)) {
		t.Errorf("masking a %d MB list of numbers allocated %d MB", len(body)>>20, got>>20)
	}
}
