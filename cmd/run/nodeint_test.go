package run

import "testing"

// The answers are Node 20's Number(s), kept when Number.isSafeInteger
// (newman/bin/util.js cast.integer, before its "> 0" check): -1 marks
// "refused" ("" and blanks read as 0 in Node, which Newman then refuses
// as not positive; courier refuses them as no number).
func TestParseNodeIntAsNumber(t *testing.T) {
	t.Parallel()
	const refused = -1
	for _, tc := range []struct {
		in   string
		want int64 // int64: 2^53-1 does not fit a 32-bit int
	}{
		{"10", 10}, {" 10 ", 10}, {"+10", 10}, {"10.0", 10}, {"1e3", 1000}, {"0x10", 16}, {"0X1f", 31},
		{"0b11", 3}, {"0o17", 15}, {"010", 10}, {"00", 0}, {"-5", -5}, {"-0", 0}, {".5e1", 5}, {"5.", 5},
		{"\t7\n", 7}, {"\u00a08\u2003", 8}, {"9007199254740991", 9007199254740991}, {"0.1e1", 1},
		{"1.5", refused}, {"2x", refused}, {"abc", refused}, {"", refused}, {"  ", refused}, {"Infinity", refused},
		{"0x", refused}, {"1_0", refused}, {"0x1_0", refused}, {"-0x1", refused}, {"1e400", refused},
		{"9007199254740992", refused}, {"1e21", refused}, {"+-1", refused}, {"0x1p3", refused},
	} {
		got, err := parseNodeInt(tc.in)
		switch {
		case tc.want == refused && err == nil:
			t.Errorf("parseNodeInt(%q) = %d, want it refused as Newman refuses it", tc.in, got)
		case tc.want != refused && (err != nil || int64(got) != tc.want):
			t.Errorf("parseNodeInt(%q) = %d, %v; Newman reads %d", tc.in, got, err, tc.want)
		}
	}
}
