package scripting

import "testing"

// Number of a BigInt past 64 bits: goja wrapped it through Int64 (2n ** 64n
// gave 0). Each want line is what Postman CLI 1.34.0 printed for the same
// line.
func TestNumberOfBigIntAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`
p(() => [Number(12345678901234567890n), Number(2n**70n), Number(-(2n**63n)-1n), Number(BigInt.asUintN(64, -1n)), Number(2n**1024n), Number(-(2n**1024n)), new Number(2n**64n).valueOf(), Number(2n**53n + 1n), Number(2n**53n + 3n), Number(-(2n**65n) - 3n)].join());
p(() => [Number(Object(2n ** 64n)), Number(2n ** 1023n * 3n / 2n), Number((2n ** 1024n) - (2n ** 970n)), Number((2n ** 1024n) - (2n ** 970n) - 1n), Object.is(Number(-0n), 0), Number(0x1fffffffffffff1n), Number(-0x20000000000001n)].join());
p(() => { const big = JSON.parse('{"id":12345678901234567890123}', (k, v, c) => k === 'id' ? BigInt(c.source) : v).id; return [String(big), Number(big), Number(big) === 1.2345678901234568e22].join(); });
p(() => { class N extends Number {} return new N(2n ** 64n).valueOf(); });
p(() => Number.call(null, 2n ** 64n, 'extra'));
p(() => [parseInt(2n ** 64n), parseFloat(String(2n ** 70n)), Number('18446744073709551616n'), Number(2n ** 64n) / 2].join());`, []string{
		"12345678901234567000,1.1805916207174113e+21,-9223372036854776000,18446744073709552000,Infinity,-Infinity,18446744073709552000,9007199254740992,9007199254740996,-36893488147419103000",
		"18446744073709552000,1.348269851146737e+308,Infinity,1.7976931348623157e+308,true,144115188075855860,-9007199254740992",
		"12345678901234567890123,1.2345678901234568e+22,true",
		"18446744073709552000",
		"18446744073709552000",
		"18446744073709552000,1.1805916207174113e+21,NaN,9223372036854776000",
	})
}

func TestMayMakeBigInts(t *testing.T) {
	t.Parallel()
	for src, want := range map[string]bool{
		"const x = 10n;": true, "f(0xffn)": true, "BigInt(5)": true, "[1_000n]": true,
		"const n = 10; a.n": false, "x1n = 2": false, "pm.test('in', fn)": false, "'2n'": true,
	} {
		if got := mayMakeBigInts(src); got != want {
			t.Errorf("mayMakeBigInts(%q) = %v, want %v", src, got, want)
		}
	}
}
