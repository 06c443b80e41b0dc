package scripting

import (
	"encoding/base64"
	"encoding/hex"
	"regexp"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/internal/latin1"
)

// Text is the body as postman-collection's Response#text gives it: decoded
// with the charset the last Content-Type names (through iconv-lite, which
// drops a leading byte order mark for the Unicode charsets), UTF-8 when it
// names none. A charset iconv-lite does not know reads as Buffer's UTF-8,
// BOM and all. Bytes that are not valid in the charset become U+FFFD, as
// the sandbox replaces them, so the text is always valid UTF-8: a Go string
// with raw bytes in it would reach reports and assertion names unchanged.
func (r *Response) Text() string { return BodyText(r.Body, r.Header) }

// BodyText is Response.Text for a body and its headers.
func BodyText(body []byte, header []collections.Header) string {
	text, units := scriptText(body, header)
	if units != nil {
		return string(utf16.Decode(units)) // a lone surrogate reads U+FFFD
	}
	return text
}

// scriptText is the body's text as scripts get it: a string, or, when
// the text holds a lone surrogate that a Go string cannot carry (a UTF-16,
// UTF-32 or UTF-7 body), its UTF-16 code units instead.
func scriptText(body []byte, header []collections.Header) (string, []uint16) {
	name, known := bodyCharset(header)
	if u, ok := unicodeUnits(body, name); ok {
		if loneSurrogate(u) {
			return "", u
		}
		return string(utf16.Decode(u)), nil
	}
	return decodeNamed(body, name, known), nil
}

// BodyCharset is iconv-lite's name ("utf8", "ucs2", "utf16be", "utf32",
// "utf7", "binary"...) for the charset the last Content-Type of header
// names, the one Text decodes the body by: "utf8" when it names none, ""
// when iconv-lite does not know it (Text reads UTF-8 then). vault masks a
// body's bytes by it.
func BodyCharset(header []collections.Header) string {
	name, _ := bodyCharset(header)
	return name
}

func bodyCharset(header []collections.Header) (string, bool) {
	ct := ""
	for _, h := range header {
		if strings.EqualFold(h.Key, "Content-Type") {
			ct = h.Value
		}
	}
	name, known := charsetAliases[canonicalCharset(Charset(ct))]
	return name, known
}

// charsetPattern is the charset module's (mime-format's): a charset= or
// encoding= parameter anywhere in the value, quoted or not.
var charsetPattern = regexp.MustCompile(`(?i)(?:charset|encoding)\s{0,10}=\s{0,10}['"]? {0,10}([\w\-]{1,100})`)

// Charset is the charset contentInfo() names for a Content-Type value:
// lower case, utf-8 written utf8, utf8 when there is none.
func Charset(contentType string) string {
	// Most types name no charset, or UTF-8 plainly: no pattern needed.
	if !containsFold(contentType, "charset") && !containsFold(contentType, "encoding") {
		return "utf8"
	}
	m := charsetPattern.FindStringSubmatch(contentType)
	if m == nil {
		return "utf8"
	}
	cs := strings.ToLower(m[1])
	if cs == "utf-8" {
		cs = "utf8"
	}
	return cs
}

// containsFold reports whether s holds word (lower case ASCII) in any case.
func containsFold(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(word)], word) {
			return true
		}
	}
	return false
}

// canonicalCharset is iconv-lite's name for a charset: lower case, only
// letters and digits, no ":yyyy" year after it.
func canonicalCharset(name string) string {
	name = strings.ToLower(name)
	if i := strings.LastIndexByte(name, ':'); i >= 0 && len(name)-i == 5 && strings.Trim(name[i+1:], "0123456789") == "" {
		name = name[:i]
	}
	var b strings.Builder
	for _, c := range name {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// charsetAliases are iconv-lite's other names for the charsets courier
// decodes, each beside the name it stands for.
var charsetAliases = func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(`utf8: unicode11utf8 cesu8
ucs2: utf16le
utf32: ucs4
utf32le: ucs4le
utf32be: ucs4be
utf7: unicode11utf7
ascii: ascii8bit usascii ansix34 ansix341968 ansix341986 csascii cp367 ibm367 isoir6 iso646us iso646irv us
binary: iso88591 28591 latin1 csisolatin1 l1 isoir100 cp819 ibm819 cp28591
windows874: 874 win874 cp874
windows1250: 1250 msee win1250 cp1250
windows1251: 1251 mscyrl win1251 cp1251
windows1252: 1252 msansi win1252 cp1252
windows1253: 1253 msgreek win1253 cp1253
windows1254: 1254 msturk win1254 cp1254
windows1255: 1255 mshebr win1255 cp1255
windows1256: 1256 msarab win1256 cp1256
windows1257: 1257 winbaltrim win1257 cp1257
windows1258: 1258 win1258 cp1258
iso88592: 28592 latin2 csisolatin2 l2 isoir101 cp28592
iso88593: 28593 latin3 csisolatin3 l3 isoir109 cp28593
iso88594: 28594 latin4 csisolatin4 l4 isoir110 cp28594
iso88595: 28595 csisolatincyrillic isoir144 cyrillic cp28595
iso88596: 28596 csisolatinarabic isoir127 arabic arabic8 ecma114 asmo708 cp28596
iso88597: 28597 csisolatingreek isoir126 greek greek8 ecma118 elot928 cp28597
iso88598: 28598 csisolatinhebrew isoir138 hebrew hebrew8 cp28598
iso88599: 28599 latin5 csisolatin5 l5 isoir148 turkish turkish8 cp28599
iso885910: 28600 latin6 csisolatin6 l6 isoir157 cp28600
iso885913: 28603 latin7 l7 isoir179 cp28603
iso885914: 28604 latin8 l8 isoir199 celtic celtic8 isoceltic cp28604
iso885915: 28605 latin9 l9 isoir203 cp28605
iso885916: 28606 latin10 l10 isoir226 cp28606
koi8r: 20866 cp20866 ibm878 cskoi8r
koi8u: 21866 cp21866 ibm1168
cp437: 437 cspc8codepage437 ibm437 csibm437
cp850: 850 cspc850multilingual ibm850 csibm850
cp852: 852 cspcp852 ibm852 csibm852
cp855: 855 ibm855 csibm855
cp858: 858 ibm858 csibm858
cp860: 860 ibm860 csibm860
cp862: 862 cspc862latinhebrew ibm862 csibm862
cp863: 863 ibm863 csibm863
cp865: 865 ibm865 csibm865
cp866: 866 ibm866 csibm866
macintosh: mac csmacintosh
maccyrillic: 10007
shiftjis: 932 csshiftjis mskanji sjis windows31j ms31j xsjis windows932 ms932 cp932
gbk: xgbk isoir58 cp936 936 gb2312 gb231280 gb23121980 csgb2312 csiso58gb231280 euccn windows936 ms936
gb18030: chinese
big5: big5hkscs cnbig5 csbig5 xxbig5 cp950 950 windows950 ms950
euckr: cp949 949 windows949 ms949 cseuckr csksc56011987 isoir149 korean ksc56011987 ksc56011989 ksc5601`, "\n") {
		name, rest, _ := strings.Cut(line, ": ")
		m[name] = name
		for _, a := range strings.Fields(rest) {
			m[a] = name
		}
	}
	for _, n := range []string{"utf16", "utf16be", "base64", "hex", "eucjp", "utf7imap"} {
		m[n] = n
	}
	return m
}()

// charmaps are the single-byte charsets, from x/text; testdata/iconv-sbcs.json
// holds iconv-lite's tables they are checked against.
var charmaps = map[string]*charmap.Charmap{
	"windows874": charmap.Windows874, "windows1250": charmap.Windows1250, "windows1251": charmap.Windows1251,
	"windows1252": charmap.Windows1252, "windows1253": charmap.Windows1253, "windows1254": charmap.Windows1254,
	"windows1255": charmap.Windows1255, "windows1256": charmap.Windows1256, "windows1257": charmap.Windows1257,
	"windows1258": charmap.Windows1258, "iso88592": charmap.ISO8859_2, "iso88593": charmap.ISO8859_3,
	"iso88594": charmap.ISO8859_4, "iso88595": charmap.ISO8859_5, "iso88596": charmap.ISO8859_6,
	"iso88597": charmap.ISO8859_7, "iso88598": charmap.ISO8859_8, "iso88599": charmap.ISO8859_9,
	"iso885910": charmap.ISO8859_10, "iso885913": charmap.ISO8859_13, "iso885914": charmap.ISO8859_14,
	"iso885915": charmap.ISO8859_15, "iso885916": charmap.ISO8859_16, "koi8r": charmap.KOI8R,
	"koi8u": charmap.KOI8U, "cp437": charmap.CodePage437, "cp850": charmap.CodePage850,
	"cp852": charmap.CodePage852, "cp855": charmap.CodePage855, "cp858": charmap.CodePage858,
	"cp860": charmap.CodePage860, "cp862": charmap.CodePage862, "cp863": charmap.CodePage863,
	"cp865": charmap.CodePage865, "cp866": charmap.CodePage866, "macintosh": charmap.Macintosh,
	"maccyrillic": charmap.MacintoshCyrillic,
}

// iconvDiffers are the bytes iconv-lite's tables read otherwise than
// x/text's (older editions of the charsets); besides, iconv-lite reads
// 0x80-0x9f of the ISO-8859 charsets as the C1 controls, where x/text
// (after WHATWG) has no character.
var iconvDiffers = map[string]map[byte]rune{
	"macintosh":   {0xbd: '\u2126', 0xdb: '\u00a4', 0xf0: utf8.RuneError},
	"maccyrillic": {0xa2: '\u00a2', 0xb6: '\u2202', 0xff: '\u00a4'},
	"koi8u":       {0xae: '\u255d', 0xbe: '\u256c'},
}

var (
	tablesMu sync.Mutex
	tables   = map[string]*[256]rune{}
)

// singleByteTable is a single-byte charset as iconv-lite reads it.
func singleByteTable(name string, cm *charmap.Charmap) *[256]rune {
	tablesMu.Lock()
	defer tablesMu.Unlock()
	if t := tables[name]; t != nil {
		return t
	}
	t := new([256]rune)
	for i := range t {
		t[i] = cm.DecodeByte(byte(i))
		if i >= 0x80 && i < 0xa0 && strings.HasPrefix(name, "iso8859") {
			t[i] = rune(i)
		}
	}
	for b, r := range iconvDiffers[name] {
		t[b] = r
	}
	tables[name] = t
	return t
}

// multiByte are the multi-byte charsets, from x/text.
var multiByte = map[string]encoding.Encoding{
	"shiftjis": japanese.ShiftJIS, "eucjp": japanese.EUCJP, "gbk": simplifiedchinese.GBK,
	"gb18030": simplifiedchinese.GB18030, "big5": traditionalchinese.Big5, "euckr": korean.EUCKR,
}

// decodeNamed decodes body from the charset iconv-lite calls name (known:
// iconv-lite knows it), other than the Unicode ones of unicodeUnits.
func decodeNamed(body []byte, name string, known bool) string {
	if !known {
		return sandboxUTF8(body) // Buffer#toString: the BOM stays
	}
	switch name {
	case "utf8":
		return strings.TrimPrefix(iconvUTF8(body), "\ufeff")
	case "binary":
		return latin1.DecodeBytes(body)
	case "ascii":
		return strings.Map(func(r rune) rune {
			if r >= 0x80 {
				return utf8.RuneError
			}
			return r
		}, latin1.DecodeBytes(body))
	case "base64":
		return base64.StdEncoding.EncodeToString(body)
	case "hex":
		return hex.EncodeToString(body)
	}
	if cm, ok := charmaps[name]; ok {
		table := singleByteTable(name, cm)
		rs := make([]rune, len(body))
		for i, c := range body {
			rs[i] = table[c]
		}
		return string(rs)
	}
	enc, ok := multiByte[name]
	if !ok {
		return sandboxUTF8(body)
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return sandboxUTF8(body)
	}
	return string(out)
}

// utf16BigEndian is iconv-lite's guess for "utf-16": the byte order mark
// says which; without one, whichever order reads more of the first 100
// characters as ASCII, little-endian on a tie.
func utf16BigEndian(b []byte) bool {
	if len(b) >= 2 && (b[0] == 0xff && b[1] == 0xfe || b[0] == 0xfe && b[1] == 0xff) {
		return b[0] == 0xfe
	}
	le, be := 0, 0
	for i := 0; i+1 < len(b) && i < 200; i += 2 {
		switch {
		case b[i] == 0 && b[i+1] != 0:
			be++
		case b[i] != 0 && b[i+1] == 0:
			le++
		}
	}
	return be > le
}

// sandboxUTF8 decodes UTF-8 as the sandbox's Buffer (the browser build
// Newman's scripts run with) does: each byte of an invalid sequence is one
// U+FFFD, which is also Go's rule. Node's own Buffer differs (one U+FFFD
// per maximal invalid part), but text() never meets it.
func sandboxUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var out strings.Builder
	out.Grow(len(b) + 8)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		out.WriteRune(r)
		b = b[n:]
	}
	return out.String()
}

// iconvUTF8 is iconv-lite's UTF-8 in the sandbox: its StringDecoder holds
// back a sequence cut off at the end of the body and ends with one U+FFFD
// for it, where Buffer would give one per byte.
func iconvUTF8(b []byte) string {
	cut := incompleteTail(b)
	if cut == 0 {
		return sandboxUTF8(b)
	}
	return sandboxUTF8(b[:len(b)-cut]) + "\ufffd"
}

// incompleteTail is how many bytes at the end of b start a UTF-8 sequence
// that needs more: the StringDecoder looks at the last three bytes for a
// lead byte whose sequence is longer than what follows it (it does not
// check that the bytes between are continuation bytes).
func incompleteTail(b []byte) int {
	// need is how long a sequence the byte starts: 0 for ASCII, -1 for a
	// continuation byte, -2 for a byte that starts none.
	need := func(c byte) int {
		switch {
		case c <= 0x7f:
			return 0
		case c>>5 == 0x06:
			return 2
		case c>>4 == 0x0e:
			return 3
		case c>>3 == 0x1e:
			return 4
		case c>>6 == 0x02:
			return -1
		}
		return -2
	}
	for back := 1; back <= 3 && back <= len(b); back++ {
		n := need(b[len(b)-back])
		switch {
		case n == -1:
			continue
		case n > back:
			return back
		}
		return 0
	}
	return 0
}

// CharsetEncoder returns how text is written in the legacy charset
// iconv-lite calls name (BodyCharset's names): its bytes, and false for
// text the charset cannot hold. It is nil for the Unicode charsets, the
// latin1 ones and names courier does not decode, whose forms vault finds
// by itself. vault masks a secret in a body's bytes by it: a server that
// keeps text in windows-1251 or Shift_JIS echoes a secret in those bytes.
func CharsetEncoder(name string) func(string) ([]byte, bool) {
	if cm, ok := charmaps[name]; ok {
		table := singleByteTable(name, cm)
		back := make(map[rune]byte, 256)
		for b := len(table) - 1; b >= 0; b-- {
			back[table[b]] = byte(b)
		}
		return func(s string) ([]byte, bool) {
			out := make([]byte, 0, len(s))
			for _, r := range s {
				b, ok := back[r]
				if !ok || r == utf8.RuneError {
					return nil, false
				}
				out = append(out, b)
			}
			return out, true
		}
	}
	if enc, ok := multiByte[name]; ok {
		return func(s string) ([]byte, bool) {
			out, err := enc.NewEncoder().Bytes([]byte(s))
			return out, err == nil
		}
	}
	return nil
}
