// Command genprops writes scripting/v8props_gen.go: the code points of each
// binary Unicode property that V8 reads in \p{…}, as the reference Postman
// CLI matches them; and scripting/v8strings_gen.go: the strings of each
// property of strings (\p{RGI_Emoji} and its parts, /v only). Go's unicode package is Unicode 15.0 and has no emoji
// properties; Postman CLI 1.34 runs Node 24's V8, whose ICU is Unicode
// 16.0. The tables are the reference's own answers: a probe collection
// runs under Postman CLI (offline, one request to a server on 127.0.0.1)
// and reports, for each property, the runs of consecutive code points
// /\p{Name}+/gu finds in a string of every code point in order (surrogates
// tested one by one, as a pair would join them). The properties of strings
// cannot be listed from a regular expression: the probe tests candidates
// against /^\p{Name}$/v, namely every code point (alone, with U+FE0F and
// with a skin tone), every sequence of the Unicode emoji files given
// (emoji-sequences.txt, emoji-zwj-sequences.txt of any version: Debian's
// unicode-data package has them), each of those followed by ZWJ ➡️ or a
// gender sign, every pair of emoji joined by ZWJ, families of up to four
// people and every pair of regional indicators; which covers what Unicode
// 15.1 and 16.0 added to the 15.0 files (the counts match Unicode's: 3,790
// RGI_Emoji in 16.0).
//
// The data is the Unicode Character Database's, under the Unicode License
// v3 (https://www.unicode.org/license.txt): permission to use, copy and
// distribute it with its notice.
//
//	cd scripting && POSTMAN=/path/to/postman EMOJI_DIR=/usr/share/unicode/emoji go generate
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/courier-run/courier/scripting/internal/pmprobe"
)

// properties are ECMAScript's binary Unicode properties (ECMA-262, table
// "Binary Unicode property aliases") but Any and ASCII, which are fixed.
var properties = map[string]string{
	"ASCII_Hex_Digit": "AHex", "Alphabetic": "Alpha", "Assigned": "", "Bidi_Control": "Bidi_C",
	"Bidi_Mirrored": "Bidi_M", "Case_Ignorable": "CI", "Cased": "", "Changes_When_Casefolded": "CWCF",
	"Changes_When_Casemapped": "CWCM", "Changes_When_Lowercased": "CWL", "Changes_When_NFKC_Casefolded": "CWKCF",
	"Changes_When_Titlecased": "CWT", "Changes_When_Uppercased": "CWU", "Dash": "", "Default_Ignorable_Code_Point": "DI",
	"Deprecated": "Dep", "Diacritic": "Dia", "Emoji": "", "Emoji_Component": "EComp", "Emoji_Modifier": "EMod",
	"Emoji_Modifier_Base": "EBase", "Emoji_Presentation": "EPres", "Extended_Pictographic": "ExtPict", "Extender": "Ext",
	"Grapheme_Base": "Gr_Base", "Grapheme_Extend": "Gr_Ext", "Hex_Digit": "Hex", "IDS_Binary_Operator": "IDSB",
	"IDS_Trinary_Operator": "IDST", "ID_Continue": "IDC", "ID_Start": "IDS", "Ideographic": "Ideo", "Join_Control": "Join_C",
	"Logical_Order_Exception": "LOE", "Lowercase": "Lower", "Math": "", "Noncharacter_Code_Point": "NChar",
	"Pattern_Syntax": "Pat_Syn", "Pattern_White_Space": "Pat_WS", "Quotation_Mark": "QMark", "Radical": "",
	"Regional_Indicator": "RI", "Sentence_Terminal": "STerm", "Soft_Dotted": "SD", "Terminal_Punctuation": "Term",
	"Unified_Ideograph": "UIdeo", "Uppercase": "Upper", "Variation_Selector": "VS", "White_Space": "space",
	"XID_Continue": "XIDC", "XID_Start": "XIDS",
}

// probe reports one pm.test per item [label, what \p{…} holds]: the label,
// then the ranges as JSON [[lo, hi], …], or null when V8 refuses the name.
const probe = `
const all = [];
for (let cp = 0; cp <= 0x10ffff; cp++) { if (cp < 0xd800 || cp > 0xdfff) all.push(String.fromCodePoint(cp)); }
const text = all.join('');
for (const [label, name] of ITEMS) {
  let re, out = [];
  try { re = new RegExp('\\p{' + name + '}+', 'gu'); } catch (e) { pm.test(label + ' null', () => {}); continue; }
  for (const m of text.matchAll(re)) { out.push([m[0].codePointAt(0), m[0].codePointAt(m[0].length - (m[0].codePointAt(m[0].length - 2) > 0xffff ? 2 : 1))]); }
  const one = new RegExp('^\\p{' + name + '}$', 'u');
  for (let cp = 0xd800; cp <= 0xdfff; cp++) { if (one.test(String.fromCharCode(cp))) out.push([cp, cp]); }
  pm.test(label + ' ' + JSON.stringify(out), () => {});
}
`

func main() {
	postman := flag.String("postman", envOr("POSTMAN", "postman"), "the Postman CLI binary (default $POSTMAN)")
	emojiDir := flag.String("emoji-dir", envOr("EMOJI_DIR", "/usr/share/unicode/emoji"),
		"the folder of emoji-sequences.txt and emoji-zwj-sequences.txt (default $EMOJI_DIR)")
	ucdDir := flag.String("ucd-dir", envOr("UCD_DIR", "/usr/share/unicode"), "the folder of PropertyValueAliases.txt (default $UCD_DIR)")
	propsOut := flag.String("props", "v8props_gen.go", "where to write the binary properties")
	stringsOut := flag.String("strings", "v8strings_gen.go", "where to write the properties of strings")
	flag.Parse()
	names := make([]string, 0, len(properties))
	for n := range properties {
		names = append(names, n)
	}
	sort.Strings(names)
	scripts, scriptAliases, err := scriptNames(*ucdDir)
	if err != nil {
		log.Fatal(err)
	}
	answers, err := runProbe(*postman, strings.Replace(probe, "ITEMS", probeItems(names, scripts), 1))
	if err != nil {
		log.Fatal(err)
	}
	write(*propsOut, propsSource(names, scripts, scriptAliases, readRanges(answers, names)))
	if err := stringProperties(*postman, *emojiDir, *stringsOut); err != nil {
		log.Fatal(err)
	}
}

// probeItems is the probe's ITEMS, as JSON [label, what \p{…} holds]: the
// binary properties, the General_Category leaves (gc:) and each script's
// Script (sc:) and Script_Extensions (scx:).
func probeItems(names, scripts []string) string {
	var items [][2]string
	for _, n := range names {
		items = append(items, [2]string{n, n})
	}
	for _, c := range leafCategories {
		items = append(items, [2]string{"gc:" + c, "gc=" + c})
	}
	for _, sc := range scripts {
		items = append(items, [2]string{"sc:" + sc, "sc=" + sc}, [2]string{"scx:" + sc, "scx=" + sc})
	}
	list, _ := json.Marshal(items)
	return string(list)
}

// readRanges reads the probe's answers: each label's ranges, names V8
// refuses left out (but a binary property must have an answer).
func readRanges(answers map[string]string, names []string) map[string][][2]int {
	ranges := map[string][][2]int{}
	for n, js := range answers {
		if js == "null" {
			log.Printf("V8 refuses %s: left out", n)
			continue
		}
		var rs [][2]int
		if err := json.Unmarshal([]byte(js), &rs); err != nil {
			log.Fatalf("%s: %v", n, err)
		}
		ranges[n] = rs
	}
	for _, n := range names {
		if _, ok := ranges[n]; !ok {
			log.Fatalf("no answer for %s", n)
		}
	}
	return ranges
}

// propsSource is v8props_gen.go before write makes its tables lazy: the
// binary properties and their aliases, the categories, and the scripts V8
// answered for with their extensions and aliases.
func propsSource(names, scripts []string, scriptAliases map[string]string, ranges map[string][][2]int) []byte {
	var b bytes.Buffer
	b.WriteString("// Code generated by go run ./scripting/internal/genprops; DO NOT EDIT.\n\n")
	b.WriteString("// The binary Unicode properties as Postman CLI 1.34's V8 (Unicode 16.0) matches them\n")
	b.WriteString("// in \\p{…}: Unicode Character Database data, Unicode License v3.\n\n")
	b.WriteString("package scripting\n\n")
	b.WriteString("var v8Properties = map[string][]runeRange{\n")
	for _, n := range names {
		rs := merge(ranges[n])
		if len(rs) == 0 {
			log.Fatalf("property %s: no code points", n)
		}
		fmt.Fprintf(&b, "\t%q: {", n)
		for i, r := range rs {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "{0x%x, 0x%x}", r[0], r[1])
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n\n// v8PropertyAliases are the short names V8 accepts.\nvar v8PropertyAliases = map[string]string{\n")
	for _, n := range names {
		if a := properties[n]; a != "" {
			fmt.Fprintf(&b, "\t%q: %q,\n", a, n)
		}
	}
	b.WriteString("}\n\n// v8Categories are the General_Category values that are no union of others.\n")
	writeTables(&b, "v8Categories", "gc:", leafCategories, ranges)
	var known []string
	for _, sc := range scripts {
		if _, ok := ranges["sc:"+sc]; ok {
			known = append(known, sc)
		}
	}
	b.WriteString("\n// v8Scripts are the Script values, by long name.\n")
	writeTables(&b, "v8Scripts", "sc:", known, ranges)
	b.WriteString("\n// v8ScriptExtensions are the Script_Extensions values, by long name.\n")
	writeTables(&b, "v8ScriptExtensions", "scx:", known, ranges)
	b.WriteString("\n// v8ScriptAliases are the other names of scripts V8 accepts.\nvar v8ScriptAliases = map[string]string{\n")
	aliases := make([]string, 0, len(scriptAliases))
	for a := range scriptAliases {
		aliases = append(aliases, a)
	}
	sort.Strings(aliases)
	for _, a := range aliases {
		if _, ok := ranges["sc:"+scriptAliases[a]]; ok {
			fmt.Fprintf(&b, "\t%q: %q,\n", a, scriptAliases[a])
		}
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// leafCategories are the General_Category values that are no union of
// others (L is Lu|Ll|Lt|Lm|Lo, and so on).
var leafCategories = []string{"Cc", "Cf", "Cn", "Co", "Cs", "Ll", "Lm", "Lo", "Lt", "Lu", "Mc", "Me", "Mn", "Nd", "Nl", "No",
	"Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "Sc", "Sk", "Sm", "So", "Zl", "Zp", "Zs"}

// newScripts are the scripts Unicode 16.0 added to the 15.0 files
// (PropertyValueAliases.txt of Debian's unicode-data is 15.0); names V8
// refuses are left out, so a newer file only adds what V8 knows.
var newScripts = map[string]string{"Gara": "Garay", "Gukh": "Gurung_Khema", "Krai": "Kirat_Rai", "Onao": "Ol_Onal",
	"Sunu": "Sunuwar", "Todr": "Todhri", "Tutg": "Tulu_Tigalari"}

// scriptNames reads the scripts' long names and their aliases from
// PropertyValueAliases.txt ("sc ; Latn ; Latin").
func scriptNames(ucdDir string) ([]string, map[string]string, error) {
	data, err := os.ReadFile(filepath.Join(ucdDir, "PropertyValueAliases.txt"))
	if err != nil {
		return nil, nil, err
	}
	aliases := map[string]string{}
	for k, v := range newScripts {
		aliases[k] = v
	}
	for _, line := range strings.Split(string(data), "\n") {
		line, _, _ = strings.Cut(line, "#")
		f := strings.Split(line, ";")
		if len(f) < 3 || strings.TrimSpace(f[0]) != "sc" {
			continue
		}
		long := strings.TrimSpace(f[2])
		for i, a := range f[1:] {
			if a = strings.TrimSpace(a); a != "" && i != 1 {
				aliases[a] = long
			}
		}
	}
	seen := map[string]bool{}
	var names []string
	for _, long := range aliases {
		if !seen[long] {
			seen[long] = true
			names = append(names, long)
		}
	}
	sort.Strings(names)
	return names, aliases, nil
}

func writeTables(b *bytes.Buffer, name, prefix string, keys []string, ranges map[string][][2]int) {
	fmt.Fprintf(b, "var %s = map[string][]runeRange{\n", name)
	for _, k := range keys {
		rs := merge(ranges[prefix+k])
		fmt.Fprintf(b, "\t%q: {", k)
		for i, r := range rs {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(b, "{0x%x, 0x%x}", r[0], r[1])
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n")
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// lazyTablesRe finds each table's opening line.
var lazyTablesRe = regexp.MustCompile(`(?m)^var (\w+) = (map\[[^{]*)\{$`)

// write formats a generated file whose tables are built on first use
// (sync.OnceValue): as map literals at package level they cost every
// run's start-up ~0.1 ms and ~100 KB of allocations.
func write(path string, b []byte) {
	if err := pmprobe.WriteGo(path, lazyTables(b)); err != nil {
		log.Fatal(err)
	}
}

// lazyTables puts each table of a generated file in a sync.OnceValue.
func lazyTables(b []byte) []byte {
	text := strings.Replace(string(b), "package scripting\n", "package scripting\n\nimport \"sync\"\n", 1)
	text = lazyTablesRe.ReplaceAllString(text, "var $1 = sync.OnceValue(func() $2 {\n\treturn $2{")
	text = strings.ReplaceAll(text, "\n}\n", "\n}\n})\n")
	return []byte(text)
}

// stringProperties are V8's properties of strings (ECMA-262, "Binary
// Unicode properties of strings"); RGI_Emoji is their union.
var stringPropertyNames = []string{"Basic_Emoji", "Emoji_Keycap_Sequence", "RGI_Emoji_Modifier_Sequence",
	"RGI_Emoji_Flag_Sequence", "RGI_Emoji_Tag_Sequence", "RGI_Emoji_ZWJ_Sequence"}

// stringsProbe reports, for each property of strings, the candidates it
// matches as JSON [[code point, …], …].
const stringsProbe = `
const props = PROPS;
const res = props.map(p => new RegExp('^\\p{' + p + '}$', 'v')), any = /^\p{RGI_Emoji}$/v, found = props.map(() => new Map());
function test(s) { if (!any.test(s)) return; for (let i = 0; i < props.length; i++) if (res[i].test(s)) found[i].set(s, true); }
const emoji = [], tones = [0x1f3fb, 0x1f3fc, 0x1f3fd, 0x1f3fe, 0x1f3ff].map(c => String.fromCodePoint(c)), Z = '\u200d', V = '\ufe0f';
for (let cp = 0; cp <= 0x10ffff; cp++) {
  if (cp >= 0xd800 && cp <= 0xdfff) continue;
  const s = String.fromCodePoint(cp);
  test(s);
  if (/\p{Emoji}/u.test(s)) { emoji.push(s); test(s + V); test(s + V + '\u20e3'); }
}
const bases = new Set();
for (const e of emoji) { bases.add(e); bases.add(e + V); if (/\p{Emoji_Modifier_Base}/u.test(e)) for (const t of tones) { bases.add(e + t); test(e + t); } }
for (const seq of LIST) { const s = String.fromCodePoint(...seq); test(s); bases.add(s); }
for (const b of bases) { test(b + Z + '\u27a1' + V); for (const g of ['\u2640', '\u2642']) { test(b + Z + g + V); test(b + Z + g + V + Z + '\u27a1' + V); } }
const elems = []; for (const e of emoji) { if (/\p{Emoji_Component}/u.test(e) && !/\p{Extended_Pictographic}/u.test(e)) continue; elems.push(e, e + V); }
for (const a of elems) for (const b of elems) test(a + Z + b);
const fam = ['\u{1F9D1}', '\u{1F9D2}', '\u{1F468}', '\u{1F469}', '\u{1F466}', '\u{1F467}'];
for (const a of fam) for (const b of fam) for (const c of fam) { test(a + Z + b + Z + c); for (const d of fam) test(a + Z + b + Z + c + Z + d); }
for (let a = 0x1f1e6; a <= 0x1f1ff; a++) for (let b = 0x1f1e6; b <= 0x1f1ff; b++) test(String.fromCodePoint(a, b));
props.forEach((p, i) => pm.test(p + ' ' + JSON.stringify([...found[i].keys()].map(s => [...s].map(c => c.codePointAt(0)))), () => {}));
`

func stringProperties(postman, emojiDir, out string) error {
	var seqs [][]int
	for _, f := range []string{"emoji-sequences.txt", "emoji-zwj-sequences.txt"} {
		data, err := os.ReadFile(filepath.Join(emojiDir, f))
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(data), "\n") {
			line, _, _ = strings.Cut(line, "#")
			cps, _, _ := strings.Cut(line, ";")
			fields := strings.Fields(cps)
			if len(fields) < 2 {
				continue // a code point or a range: every code point is tried anyway
			}
			var seq []int
			for _, f := range fields {
				var cp int
				if _, err := fmt.Sscanf(f, "%x", &cp); err != nil {
					return fmt.Errorf("%s: %q: %w", f, line, err)
				}
				seq = append(seq, cp)
			}
			seqs = append(seqs, seq)
		}
	}
	props, _ := json.Marshal(stringPropertyNames)
	list, _ := json.Marshal(seqs)
	answers, err := runProbe(postman, strings.NewReplacer("PROPS", string(props), "LIST", string(list)).Replace(stringsProbe))
	if err != nil {
		return err
	}
	var b bytes.Buffer
	b.WriteString("// Code generated by go run ./scripting/internal/genprops; DO NOT EDIT.\n\n")
	b.WriteString("// The properties of strings as Postman CLI 1.34's V8 (Unicode 16.0) matches them\n")
	b.WriteString("// in \\p{…} under /v: Unicode emoji data, Unicode License v3.\n\n")
	b.WriteString("package scripting\n\n")
	b.WriteString("var v8StringProperties = map[string][]string{\n")
	total := 0
	for _, n := range stringPropertyNames {
		var rs [][]int
		if err := json.Unmarshal([]byte(answers[n]), &rs); err != nil || len(rs) == 0 {
			return fmt.Errorf("%s: no strings (%v)", n, err)
		}
		total += len(rs)
		fmt.Fprintf(&b, "\t%q: {\n", n)
		for _, seq := range rs {
			rs := make([]rune, len(seq))
			for i, c := range seq {
				rs[i] = rune(c)
			}
			fmt.Fprintf(&b, "\t\t%s,\n", strconv.QuoteToASCII(string(rs)))
		}
		b.WriteString("\t},\n")
	}
	b.WriteString("}\n")
	log.Printf("properties of strings: %d strings in all", total)
	write(out, b.Bytes())
	return nil
}

// runProbe runs a test script under Postman CLI and returns its pm.test
// names, each split at its first space: name -> the rest.
func runProbe(postman, script string) (map[string]string, error) {
	names, err := pmprobe.Tests(postman, script)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, n := range names {
		if name, rest, ok := strings.Cut(n, " "); ok {
			out[name] = rest
		}
	}
	return out, nil
}

func merge(rs [][2]int) [][2]int {
	sort.Slice(rs, func(i, j int) bool { return rs[i][0] < rs[j][0] })
	var out [][2]int
	for _, r := range rs {
		if n := len(out); n > 0 && r[0] <= out[n-1][1]+1 {
			out[n-1][1] = max(out[n-1][1], r[1])
			continue
		}
		out = append(out, r)
	}
	return out
}
