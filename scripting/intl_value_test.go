package scripting

import "testing"

// Intl.NumberFormat formats a BigInt, and a string holding a finite
// decimal, exactly (goja's Number of a BigInt past 64 bits wrapped, and a
// string went through a double); PluralRules and RelativeTimeFormat refuse
// a BigInt as ToNumber does. Each want line is what Postman CLI 1.34.0
// printed for the same line.
func TestIntlExactValuesAsPostman(t *testing.T) {
	t.Parallel()
	checkTestNames(t, probeHarness+`const nf = new Intl.NumberFormat('en');
p(() => [nf.format(12345678901234567890n), nf.format(-(2n ** 70n)), nf.format(0n), nf.format(-0n), new Intl.NumberFormat('en', { notation: 'compact' }).format(12345678901234567890n), new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(10n ** 20n), new Intl.NumberFormat('en', { maximumSignificantDigits: 3 }).format(98765432109876543210n), new Intl.NumberFormat('en', { notation: 'scientific' }).format(10n ** 30n), new Intl.NumberFormat('en', { style: 'percent' }).format(5n), new Intl.NumberFormat('en', { style: 'unit', unit: 'byte' }).format(2n ** 70n)].join(' | '));
p(() => JSON.stringify(nf.formatToParts(-98765432109876543210n)));
p(() => [nf.formatRange(10n ** 19n, 10n ** 20n), nf.formatRange(5n, 5n), nf.formatRange(1, 10n ** 20n), nf.formatRange('1.5', '2.50')].join(' | '));
p(() => [nf.format('12345678901234567890.5'), new Intl.NumberFormat('en', { maximumFractionDigits: 20 }).format('0.12345678901234567890123'), nf.format('1e400'), nf.format('-0'), nf.format(' 42 '), nf.format('0x10'), nf.format('abc'), nf.format(''), nf.format('1e-400'), nf.format('.5'), nf.format('5.'), nf.format('+7'), nf.format('1_000'), nf.format('Infinity'), nf.format('-Infinity'), nf.format('1E3'), nf.format('12345678901234567890e-5'), nf.format('0b11'), nf.format('\n9\t')].join(' | '));
p(() => JSON.stringify(new Intl.NumberFormat('en', { maximumFractionDigits: 20 }).formatToParts('-1234567890123456789.25')));
p(() => new Intl.PluralRules('en').select(1n));
p(() => [new Intl.PluralRules('en').select('1'), new Intl.PluralRules('en').select('1.0'), new Intl.PluralRules('en', { type: 'ordinal' }).select('22')].join());
p(() => nf.format(Symbol()));
p(() => [nf.format(Object(5n)), nf.format({ valueOf: () => 7n }), nf.format({ toString: () => '12345678901234567890123' }), nf.format([3]), nf.format(new Date(5)), nf.format(true), nf.format(null), nf.format(undefined), nf.format()].join(' | '));
p(() => [(12345678901234567890n).toLocaleString(), (12345678901234567890n).toLocaleString('en', { notation: 'compact' }), new Intl.RelativeTimeFormat('en').format('3', 'day')].join(' | '));
p(() => new Intl.RelativeTimeFormat('en').format(3n, 'day'));`, []string{
		"12,345,678,901,234,567,890 | -1,180,591,620,717,411,303,424 | 0 | 0 | 12,345,679T | $100,000,000,000,000,000,000.00 | 98,800,000,000,000,000,000 | 1E30 | 500% | 1,180,591,620,717,411,303,424 byte",
		"[{\"type\":\"minusSign\",\"value\":\"-\"},{\"type\":\"integer\",\"value\":\"98\"},{\"type\":\"group\",\"value\":\",\"},{\"type\":\"integer\",\"value\":\"765\"},{\"type\":\"group\",\"value\":\",\"},{\"type\":\"integer\",\"value\":\"432\"},{\"type\":\"group\",\"value\":\",\"},{\"type\":\"integer\",\"value\":\"109\"},{\"type\":\"group\",\"value\":\",\"},{\"type\":\"integer\",\"value\":\"876\"},{\"type\":\"group\",\"value\":\",\"},{\"type\":\"integer\",\"value\":\"543\"},{\"type\":\"group\",\"value\":\",\"},{\"type\":\"integer\",\"value\":\"210\"}]",
		"10,000,000,000,000,000,000–100,000,000,000,000,000,000 | ~5 | 1–100,000,000,000,000,000,000 | 1.5–2.5",
		"12,345,678,901,234,567,890.5 | 0.1234567890123456789 | ∞ | -0 | 42 | 16 | NaN | 0 | 0 | 0.5 | 5 | 7 | NaN | ∞ | -∞ | 1,000 | 123,456,789,012,345.679 | 3 | 9",
		"[{\"type\":\"minusSign\",\"value\":\"-\"},{\"type\":\"integer\",\"value\":\"1\"},{\"type\":\"group\",\"value\":\",\"},{\"type\":\"integer\",\"value\":\"234\"},{\"type\":\"group\",\"value\":\",\"},{\"type\":\"integer\",\"value\":\"567\"},{\"type\":\"group\",\"value\":\",\"},{\"type\":\"integer\",\"value\":\"890\"},{\"type\":\"group\",\"value\":\",\"},{\"type\":\"integer\",\"value\":\"123\"},{\"type\":\"group\",\"value\":\",\"},{\"type\":\"integer\",\"value\":\"456\"},{\"type\":\"group\",\"value\":\",\"},{\"type\":\"integer\",\"value\":\"789\"},{\"type\":\"decimal\",\"value\":\".\"},{\"type\":\"fraction\",\"value\":\"25\"}]",
		"E:TypeError: Cannot convert a BigInt value to a number",
		"one,one,two",
		"E:TypeError: Cannot convert a Symbol value to a number",
		"5 | 7 | 12,345,678,901,234,567,890,123 | 3 | 5 | 1 | 0 | NaN | NaN",
		"12,345,678,901,234,567,890 | 12,345,679T | in 3 days",
		"E:TypeError: Cannot convert a BigInt value to a number",
	})
}
