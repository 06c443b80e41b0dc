package vault

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// A secret's bytes or characters printed as a list of decimal numbers:
// console.log of a typed array or of Buffer#toJSON() (Node's inspection
// writes them in aligned columns, "   83, 101,  99,"), String() of a typed
// array ("83,101,99"), a join(' ') in a test name. The numbers are the
// value's UTF-8 bytes (a Uint8Array or Buffer made from it), the same bytes
// signed (an Int8Array), its UTF-16 code units (charCodeAt, an Int16Array
// or Uint16Array) or its code points (codePointAt). Between two numbers
// any mix of a comma, white space, the CLI's frame (│) and escaped line
// breaks (\n in a JSON string) may stand, as columns wrap and reports
// escape them. A list cut short where Node cuts an array ("... 15 more
// items") ends with the value's first numbers: a prefix of at least
// MinSecretLen of them is masked there, as a prefix before an ellipsis is.

// decimalForms are the number lists of v that decimalSpans looks for,
// distinct.
func decimalForms(v string) [][]int {
	var bytes, signed []int
	for i := 0; i < len(v); i++ {
		bytes = append(bytes, int(v[i]))
		signed = append(signed, int(int8(v[i])))
	}
	var units, points []int
	for _, r := range v {
		points = append(points, int(r))
	}
	for _, u := range utf16.Encode([]rune(v)) {
		units = append(units, int(u))
	}
	forms := [][]int{bytes}
	for _, f := range [][]int{signed, units, points} {
		if !slices.ContainsFunc(forms, func(g []int) bool { return slices.Equal(f, g) }) {
			forms = append(forms, f)
		}
	}
	return forms
}

// number is one decimal number of a list, and where it stands.
type number struct {
	val        int
	start, end int
}

// listPiece is how many numbers of a list decimalSpans holds at once: a
// longer list (a JSON array of data) is searched piece by piece, each
// piece starting with the last one's tail, so memory stays bounded
// whatever the body (the whole list took 24 bytes a number: 1 GB for a
// 16 MB array).
const listPiece = 4096

// decimalSpans finds the values' number lists in s.
func decimalSpans(s string, values []*secretValue) []span {
	var spans []span
	var buf [16]number // most runs of digits are no list at all
	list := buf[:0]
	longest := 0
	for _, v := range values {
		for _, form := range v.decimal {
			longest = max(longest, len(form))
		}
	}
	limit := max(listPiece, 2*longest)
	for i := 0; i < len(s); i++ {
		if s[i]-'0' > 9 { // not a digit: most bytes
			continue
		}
		start := i
		if i > 0 && s[i-1] == '-' {
			start = i - 1
		}
		if !numberStart(s, start) {
			for i+1 < len(s) && isDigit(s[i+1]) {
				i++
			}
			continue
		}
		var end, next int
		list, end, next = numberList(s, start, list[:0], limit)
		for next >= 0 {
			// The list goes on: search this piece, keep the tail a form
			// could start in.
			for _, v := range values {
				for _, form := range v.decimal {
					spans = append(spans, listSpans(s, list, form, whole)...)
				}
			}
			keep := min(len(list), longest-1)
			list = list[:copy(list, list[len(list)-keep:])]
			list, end, next = numberList(s, next, list, limit)
		}
		if len(list) >= MinSecretLen {
			cut := cutShort(s, end)
			for _, v := range values {
				for _, form := range v.decimal {
					spans = append(spans, listSpans(s, list, form, cut)...)
				}
			}
		}
		i = max(end, i+1) - 1
	}
	return spans
}

// numberStart: a number (an optional minus, then digits) starts at i and
// is not the tail of a word or of a longer number.
func numberStart(s string, i int) bool {
	j := i
	if s[j] == '-' {
		j++
	}
	if j >= len(s) || !isDigit(s[j]) {
		return false
	}
	return i == 0 || !isWordByte(s[i-1]) && s[i-1] != '.' && s[i-1] != '-'
}

func isWordByte(c byte) bool {
	return isDigit(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// numberList reads the list of numbers from i into list: numbers of up to
// seven digits, each followed by a separator, until something else or
// until list holds limit numbers. It returns the numbers, where the last
// one ends, and where the list goes on (-1 when it ended).
func numberList(s string, i int, list []number, limit int) ([]number, int, int) {
	end := i
	for {
		j := i
		if s[j] == '-' {
			j++
		}
		k := j
		for k < len(s) && isDigit(s[k]) && k-j < 8 {
			k++
		}
		if k-j == 0 || k-j > 7 || k < len(s) && (isWordByte(s[k]) || s[k] == '.') {
			return list, end, -1
		}
		n := 0
		for _, c := range s[j:k] {
			n = n*10 + int(c-'0')
		}
		if s[i] == '-' {
			n = -n
		}
		list, end = append(list, number{n, i, k}), k
		next := separator(s, k)
		if next == k || next >= len(s) || !numberStart(s, next) {
			return list, end, -1
		}
		if len(list) >= limit {
			return list, end, next
		}
		i = next
	}
}

// separator returns where the separator that starts at i ends (i when
// there is none): white space, the CLI's frame, escaped line breaks and
// at most one comma, which an index key may follow (a typed array set as
// a variable is an object, {"0":83,"1":101}, and prints as { '0': 83 }).
func separator(s string, i int) int {
	comma := false
	for i < len(s) {
		switch {
		case s[i] == ',' && !comma:
			comma = true
			i++
			if k := indexKey(s, separator(s, i)); k > i {
				return separator(s, k)
			}
		case s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r':
			i++
		case s[i] == '\\':
			j := i
			for j < len(s) && s[j] == '\\' {
				j++
			}
			if j == len(s) || s[j] != 'n' && s[j] != 'r' && s[j] != 't' {
				return i
			}
			i = j + 1
		case len(s) >= i+3 && s[i:i+3] == "│":
			i += 3
		default:
			return i
		}
	}
	return i
}

// How a list of numbers ends.
const (
	whole     = iota // as printed in full
	cutItems         // before Node's "... N more items": its numbers are whole
	cutInText        // before an ellipsis in text (chai's): the last number may be cut too
)

// indexKey returns where the index key that starts at i ends, after its
// colon (i when there is none): a quoted run of digits, the quotes maybe
// escaped.
func indexKey(s string, i int) int {
	j := i
	for j < len(s) && s[j] == '\\' {
		j++
	}
	if j == len(s) || s[j] != '"' && s[j] != '\'' {
		return i
	}
	quote := s[j]
	j++
	d := j
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	if j == d || j-d > 7 {
		return i
	}
	for j < len(s) && s[j] == '\\' {
		j++
	}
	if len(s) < j+2 || s[j] != quote || s[j+1] != ':' {
		return i
	}
	return j + 2
}

// cutShort tells how the list that ends at end is cut: by Node's mark of
// an array shown in part, "... N more item(s)", or by an ellipsis right
// after its last digit ("83,101,99…", as chai shortens a string).
func cutShort(s string, end int) int {
	for _, el := range ellipses {
		if strings.HasPrefix(s[end:], el) {
			return cutInText
		}
	}
	i := separator(s, end)
	const mark = "... "
	if len(s) < i+len(mark) || s[i:i+len(mark)] != mark {
		return whole
	}
	j := i + len(mark)
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	if j > i+len(mark) && strings.HasPrefix(s[j:], " more item") {
		return cutItems
	}
	return whole
}

// listSpans are the places the whole of form occurs in list, and, when the
// list was cut short, a prefix of form of at least MinSecretLen numbers at
// its end (cut in text, its last number may be the start of form's).
func listSpans(s string, list []number, form []int, cut int) []span {
	var spans []span
	for i := 0; i+len(form) <= len(list); i++ {
		if numbersEqual(list[i:i+len(form)], form) {
			spans = append(spans, span{list[i].start, list[i+len(form)-1].end})
		}
	}
	if cut == whole {
		return spans
	}
	for n := min(len(form)-1, len(list)); n >= MinSecretLen; n-- {
		head, last := list[len(list)-n:len(list)-1], list[len(list)-1]
		if !numbersEqual(head, form[:n-1]) {
			continue
		}
		if last.val == form[n-1] || cut == cutInText && strings.HasPrefix(strconv.Itoa(form[n-1]), s[last.start:last.end]) {
			spans = append(spans, span{list[len(list)-n].start, last.end})
			break
		}
	}
	return spans
}

func numbersEqual(list []number, form []int) bool {
	for i, n := range list {
		if n.val != form[i] {
			return false
		}
	}
	return true
}

// unexpectedToken is how a JSON parse error names the character it stopped
// at (liquid-json's and V8's "Unexpected token 'S' at 1:1"), which a
// secret's own character is when the text it parsed held the secret.
const unexpectedToken = "Unexpected token '"

// tokenSpans masks the character a parse error names, when the same text
// holds a masked secret (spans) and the character is one of a secret's:
// masking the quoted line left "Unexpected token 'S' at 1:1\n***", the
// secret's first character. A character that is in no secret stays.
func tokenSpans(s string, values []*secretValue, spans []span) []span {
	if len(spans) == 0 || !strings.Contains(s, unexpectedToken) {
		return nil
	}
	var out []span
	for from := 0; ; {
		i := strings.Index(s[from:], unexpectedToken)
		if i < 0 {
			return out
		}
		at := from + i + len(unexpectedToken)
		from = at
		r, n := utf8.DecodeRuneInString(s[at:])
		if n == 0 || !strings.HasPrefix(s[at+n:], "'") {
			continue
		}
		for _, v := range values {
			if strings.ContainsRune(v.text, r) {
				out = append(out, span{at, at + n})
				break
			}
		}
	}
}
