package scripting

import (
	"strings"
	"sync"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// Intl.PluralRules for every language Postman's runtime has rules for:
// which locales those are, their categories and their plural ranges come
// from Postman CLI's own answers (intl_regions_gen.go, genlocales); the
// rules themselves from golang.org/x/text's CLDR, corrected where CLDR has
// changed since (see pluralForm).

type pluralLocale struct {
	cardinal, ordinal []string
	ranges            map[string]string // "start-end": result, other when absent
}

var intlPlurals = sync.OnceValue(func() map[string]pluralLocale {
	m := map[string]pluralLocale{}
	for _, line := range strings.Split(strings.TrimSpace(intlPluralData), "\n") {
		f := strings.Split(line, "|")
		p := pluralLocale{cardinal: strings.Fields(f[1]), ordinal: strings.Fields(f[2]), ranges: map[string]string{}}
		for _, r := range strings.Fields(f[3]) {
			if k, v, ok := strings.Cut(r, ":"); ok {
				p.ranges[k] = v
			}
		}
		m[f[0]] = p
	}
	return m
})

// pluralLocaleFor is ECMA-402's lookup of the tags among the locales with
// plural rules (zh-TW finds zh, en-US en); none found is the default, en-US.
func pluralLocaleFor(tags []string) string {
	for _, t := range tags {
		if i := strings.Index(strings.ToLower(t), "-u-"); i >= 0 {
			t = t[:i]
		}
		for c := t; c != ""; {
			if _, ok := intlPlurals()[c]; ok {
				return c
			}
			i := strings.LastIndex(c, "-")
			if i < 0 {
				break
			}
			c = c[:i]
		}
	}
	return "en-US"
}

func pluralData(locale string) pluralLocale {
	if p, ok := intlPlurals()[locale]; ok {
		return p
	}
	return intlPlurals()["en"]
}

var millionsAreMany = map[string]bool{"fr": true, "es": true, "it": true, "pt": true, "pt-PT": true, "ca": true, "vec": true, "scn": true, "lld": true}

var formNames = map[plural.Form]string{plural.Other: "other", plural.Zero: "zero", plural.One: "one", plural.Two: "two", plural.Few: "few", plural.Many: "many"}

// pluralForm is the category of a formatted absolute number ("1.50").
func pluralForm(locale, typ, formatted string) string {
	in, fr, _ := strings.Cut(formatted, ".")
	if in == "" || strings.Trim(in+fr, "0123456789") != "" {
		return "other" // NaN, ∞
	}
	// Rules look at the last six integer digits at most; keep a larger
	// number large.
	i := atoiTail(in)
	v, w := len(fr), len(strings.TrimRight(fr, "0"))
	f, t := atoiTail(fr), atoiTail(strings.TrimRight(fr, "0"))
	lang := language.Make(strings.Replace(locale, "en-US", "en", 1))
	rules, cats := plural.Cardinal, pluralData(locale).cardinal
	if typ == "ordinal" {
		rules, cats = plural.Ordinal, pluralData(locale).ordinal
	}
	form := formNames[rules.MatchPlural(lang, i, v, w, f, t)]
	if rule, ok := newerCardinals[locale]; ok && typ != "ordinal" {
		form = rule(i, v, f, t)
	}
	// CLDR 38 gave French, Spanish, Italian, Portuguese, Catalan and their
	// neighbours "many" for exact millions; x/text's rules predate it.
	if form == "other" && typ != "ordinal" && millionsAreMany[locale] && v == 0 && i != 0 && i%1000000 == 0 {
		return "many"
	}
	// A category the current rules no longer have (Hebrew's "many").
	if !has(cats, form) {
		return "other"
	}
	return form
}

// newerCardinals are the cardinal rules of the languages whose rules CLDR
// changed after golang.org/x/text's copy, as Postman's ICU has them (i: the
// integer digits, v: how many fraction digits, f: the fraction digits, t:
// the same without trailing zeros). Checked against Postman CLI 1.34 on
// whole numbers, millions and fractions (TestIntlPluralRulesAsPostman).
var newerCardinals = map[string]func(i, v, f, t int) string{
	// Icelandic: a fraction is "one" only when it ends in 1 (not 11).
	"is": func(i, v, f, t int) string {
		if t == 0 && i%10 == 1 && i%100 != 11 || t%10 == 1 && t%100 != 11 {
			return "one"
		}
		return "other"
	},
	// Macedonian: 11, 111… are "other", as are fractions ending in 11.
	"mk": func(i, v, f, t int) string {
		if v == 0 && i%10 == 1 && i%100 != 11 || f%10 == 1 && f%100 != 11 {
			return "one"
		}
		return "other"
	},
	// Hebrew (CLDR 42): "one" is also a fraction of zero (0.5), and "many"
	// is gone.
	"he": hebrewCardinal,
	"iw": hebrewCardinal,
	// Maltese: 2 has a category of its own ("two"), and "few" starts at 3.
	"mt": func(i, v, f, t int) string {
		if t != 0 {
			return "other"
		}
		switch n := i % 100; {
		case i == 1:
			return "one"
		case i == 2:
			return "two"
		case i == 0 || n >= 3 && n <= 10:
			return "few"
		case n >= 11 && n <= 19:
			return "many"
		}
		return "other"
	},
}

func hebrewCardinal(i, v, f, t int) string {
	switch {
	case i == 1 && v == 0 || i == 0 && v != 0:
		return "one"
	case i == 2 && v == 0:
		return "two"
	}
	return "other"
}

// atoiTail reads the last nine digits of a digit string (1e9 more when it
// is longer, so that a large number stays large).
func atoiTail(s string) int {
	n, extra := 0, 0
	if len(s) > 9 {
		s, extra = s[len(s)-9:], 1000000000
	}
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n + extra
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
