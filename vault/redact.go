package vault

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/courier-run/courier/internal/jsuri"
	"github.com/courier-run/courier/internal/latin1"
	"golang.org/x/net/idna"
)

// Mask replaces every secret in redacted text.
const Mask = "***"

// MinSecretLen is the shortest value, in characters, the Redactor masks. A
// one- or two-character secret would turn most output into asterisks and
// still not hide itself, so such values (and values made only of spaces)
// are not masked; "courier vault set" warns about them. The Postman CLI
// masks from three characters too.
const MinSecretLen = 3

// Redactor masks secret values in text: every vault value a run resolves,
// and any value registered with Add (variables of type "secret"). It also
// masks the forms a value takes in JSON and XML reports and in URLs. The
// zero value is ready; a nil *Redactor masks nothing. Safe for concurrent
// use.
type Redactor struct {
	mu      sync.RWMutex
	secrets []string       // distinct needles, longest first; replaced, never mutated
	held    []string       // secrets and the values' base64 forms, longest first (holdFrom)
	values  []*secretValue // the values as added, for matching their encoded forms
}

// secretValue is a value as added, with the table encodedSpans scans by,
// built once here rather than on every call (it was most of the cost of
// masking the short strings an event is made of).
type secretValue struct {
	text   string
	runes  []rune
	starts [256]bool  // the bytes an encoded form of it can start with
	wide   []wideForm // as UTF-16 and UTF-32 (RedactBytes)
	// decimal are its bytes, code units and code points as numbers, the
	// lists a typed array prints (decimal.go).
	decimal [][]int
	// base64 and hex are its base64 and hex forms (computed.go), and
	// short its URL pieces shorter than MinPieceLen (pieces.go), for a
	// secret a run was given; nil for pieces and derived values.
	base64, hex, short []string
	// port is the part of it a URL reads as a port when it is written
	// unencoded as a URL's password (portPiece); "" for none.
	port    string
	windows map[string]struct{} // base64's and hex's, encodingWindows
}

func newSecretValue(v string, encoded bool) *secretValue {
	sv := &secretValue{text: v, runes: []rune(v), wide: wideForms(v), decimal: decimalForms(v)}
	if encoded {
		sv.base64, sv.hex = scriptEncodings(v)
		sv.windows = encodingWindows(sv.base64, sv.hex)
		sv.short = shortPieces(v)
		sv.port = portPiece(v)
	}
	for b := range 256 {
		sv.starts[b] = mayStart(byte(b), sv.runes[0])
	}
	return sv
}

// NewRedactor returns an empty Redactor.
func NewRedactor() *Redactor { return &Redactor{} }

// Add registers values to mask from now on: each value, and the pieces
// of at least MinPieceLen characters a URL would split it into.
func (r *Redactor) Add(values ...string) {
	if r == nil {
		return
	}
	r.add(withURLPieces(values), values)
}

// AddDerived registers values derived from a secret (an Authorization
// header a signer built, a signature, a JWT) whole, without their URL
// pieces: those are the signer's own words, dates and regions
// ("AWS4-HMAC-SHA256 Credential", "20261206", "aws4_request", a JWT's
// common header), which masked on their own would hide ordinary text
// everywhere, and a derived value is not split into a URL the way a
// secret a script builds a URL from is.
func (r *Redactor) AddDerived(values ...string) {
	if r == nil {
		return
	}
	r.add(values, nil)
}

// add registers values with their variants, and the encodings scripts
// compute (scriptEncodings) of the values in encoded: the secrets a run was
// given, not the pieces or the derived values (whose base64 or hex no
// script has reason to compute).
func (r *Redactor) add(values, encoded []string) {
	var needles []string
	for _, v := range values {
		if utf8.RuneCountInString(v) < MinSecretLen || strings.TrimSpace(v) == "" {
			continue
		}
		needles = append(needles, variants(v)...)
	}
	var held []string
	for _, v := range encoded {
		// Hex is found with the needles; base64 by base64Spans alone,
		// which widens its matches, and held back by Writers.
		b64, hexes := scriptEncodings(v)
		needles = append(needles, hexes...)
		held = append(held, b64...)
	}
	if len(needles) == 0 {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	vals := slices.Clone(r.values)
	for _, v := range values {
		if utf8.RuneCountInString(v) >= MinSecretLen && strings.TrimSpace(v) != "" &&
			!slices.ContainsFunc(vals, func(x *secretValue) bool { return x.text == v }) {
			vals = append(vals, newSecretValue(v, slices.Contains(encoded, v)))
		}
	}
	r.values = vals
	next := slices.Clone(r.secrets)
	for _, n := range needles {
		if !slices.Contains(next, n) {
			next = append(next, n)
		}
	}
	sort.SliceStable(next, func(i, j int) bool { return len(next[i]) > len(next[j]) })
	r.secrets = next
	hold := slices.Clone(next)
	for _, h := range append(slices.Clone(r.held), held...) {
		if !slices.Contains(hold, h) {
			hold = append(hold, h)
		}
	}
	sort.SliceStable(hold, func(i, j int) bool { return len(hold[i]) > len(hold[j]) })
	r.held = hold
}

// holdSnapshot is what a Writer holds back a tail of: the needles and the
// base64 forms, longest first.
func (r *Redactor) holdSnapshot() []string {
	if r == nil {
		return nil
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.held
}

// MinPieceLen is the shortest piece of a secret, in characters, masked on
// its own (see withURLPieces). It is longer than MinSecretLen because a
// piece is not a whole value somebody chose to keep secret: a short one
// ("api", "v2") is ordinary text far more often than it is the secret.
const MinPieceLen = 8

// urlSeparators are the sets of characters a URL model splits a value at
// when the value sits in a URL: path segments at "/", query keys and values
// at "&" and "=" (postman-collection's url.path array and url.query list;
// WHATWG's pathname and searchParams), host labels at "." (url.host) with
// the user and password before them at ":" and "@" (url.auth). "?" and
// "#" end all three.
var urlSeparators = []string{"/?#", "&=?#", ".:@/?#"}

// withURLPieces returns values and, for each value that holds URL
// separators, its pieces of at least MinPieceLen characters. A secret in a
// URL that a script built (with --vault-scripts) and then wrote elsewhere,
// say the request's JSON inside a pm.sendRequest body, reaches a report as
// path segments or query keys and values, none of them the whole secret.
func withURLPieces(values []string) []string {
	var pieces []string
	for _, v := range values {
		for _, seps := range urlSeparators {
			if !strings.ContainsAny(v, seps) {
				continue
			}
			for _, p := range strings.FieldsFunc(v, func(r rune) bool { return strings.ContainsRune(seps, r) }) {
				if utf8.RuneCountInString(p) >= MinPieceLen && strings.TrimSpace(p) != "" &&
					!slices.Contains(values, p) && !slices.Contains(pieces, p) {
					pieces = append(pieces, p)
				}
			}
		}
	}
	if len(pieces) == 0 {
		return values
	}
	return append(slices.Clone(values), pieces...) // the caller's slice stays as it was
}

// punycoded is v as IDNA writes it for a host name, when that differs
// from v lower-cased: v beyond ASCII, valid as a host (or as a label).
func punycoded(v string) (string, bool) {
	if isASCII(v) {
		return "", false
	}
	a, err := idna.Lookup.ToASCII(strings.ToLower(v))
	return a, err == nil && a != "" && a != strings.ToLower(v)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// variants returns v and the other spellings it takes on the way to a
// writer: JSON string escaping (with and without HTML escaping), XML
// character escaping, URL query and path escaping, and the latin1 forms
// header text takes beyond ASCII.
func variants(v string) []string {
	out := []string{v}
	add := func(s string) {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	if b, err := json.Marshal(v); err == nil {
		add(string(b[1 : len(b)-1]))
	}
	var jb bytes.Buffer
	enc := json.NewEncoder(&jb)
	enc.SetEscapeHTML(false)
	if enc.Encode(v) == nil {
		s := strings.TrimSuffix(jb.String(), "\n")
		add(s[1 : len(s)-1])
	}
	var xb bytes.Buffer
	if xml.EscapeText(&xb, []byte(v)) == nil {
		add(xb.String())
	}
	add(url.QueryEscape(v))
	add(url.PathEscape(v))
	add(strings.ReplaceAll(url.QueryEscape(v), "+", "%20")) // form bodies as Postman sends them
	add(percentEncodeAll(v))
	// Host names are printed lower-cased, and so are the forms above
	// when a secret sits in a host.
	for _, o := range slices.Clone(out) {
		add(strings.ToLower(o))
	}
	// A host name beyond ASCII goes out punycoded ("xn--…"): in the request
	// line, a report's host labels and getaddrinfo's errors. The lookup
	// profile is the one the runner's wire host and scripts' URLs use.
	if a, ok := punycoded(v); ok {
		add(a)
	}
	// Header text is latin1 both ways, as Node has it: a value beyond
	// ASCII goes out as one byte a character (a server echoing it in a
	// body returns those bytes), and a server answering with the value's
	// UTF-8 bytes in a header or cookie shows them read as latin1.
	if asLatin1, ok := latin1.Encode(v); ok {
		add(asLatin1)
	}
	add(latin1.Decode(v))
	// console.log of a Buffer that holds it (Node's "<Buffer 56 71 37>",
	// as a script logs pm.response.stream or Buffer.from(value)): its
	// UTF-8 bytes in lower-case hex, a space between.
	add(spacedHex(v))
	return out
}

// spacedHex is s's bytes as Node's inspection of a Buffer writes them.
func spacedHex(s string) string {
	const digits = "0123456789abcdef"
	b := make([]byte, 0, 3*len(s))
	for i := 0; i < len(s); i++ {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, digits[s[i]>>4], digits[s[i]&15])
	}
	return string(b)
}

// percentEncodeAll escapes every byte but RFC 3986's unreserved ones, as
// encodeURIComponent and strict URL encoders do.
func percentEncodeAll(v string) string {
	return jsuri.EncodeUnreserved(v)
}

// Len returns how many distinct strings (values and their variants) are
// masked.
func (r *Redactor) Len() int {
	return len(r.snapshot())
}

func (r *Redactor) snapshot() []string {
	if r == nil {
		return nil
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.secrets
}

// Redact returns s with every registered secret replaced by Mask. Where
// occurrences overlap or touch, the whole stretch becomes one Mask, so no
// part of any secret survives.
func (r *Redactor) Redact(s string) string { return r.redact(s, false) }

// redact is Redact of text that follows a digit when digitBefore is set.
func (r *Redactor) redact(s string, digitBefore bool) string {
	return replaceSpans(s, r.spans(s, digitBefore))
}

// spans are the sorted, disjoint stretches of s that Redact masks.
func (r *Redactor) spans(s string, digitBefore bool) []span {
	secrets := r.snapshot()
	if len(secrets) == 0 {
		return nil
	}
	return outsideNumbers(s, textSpans(s, secrets, r.rawValues()), digitBefore)
}

// textSpans are the merged spans of s that hold a secret in any of the
// forms text carries: as registered (findSpans), encoded (encodedSpans),
// cut short (truncatedSpans), as a list of numbers (decimalSpans), in
// base64 with its edges (base64Spans), the character a parse error quotes
// from it (tokenSpans), the port a bad-port error quotes from it
// (portSpans), and its short URL pieces beside those (shortPieceSpans).
func textSpans(s string, secrets []string, vals []*secretValue) []span {
	spans := append(findSpans(s, secrets), encodedSpans(s, vals)...)
	spans = append(spans, decimalSpans(s, vals)...)
	spans = append(spans, truncatedSpans(s, vals)...)
	spans = append(spans, base64Spans(s, vals)...)
	spans = append(spans, portSpans(s, vals)...)
	spans = mergeSpans(append(spans, tokenSpans(s, vals, spans)...))
	return shortPieceSpans(s, vals, spans)
}

// outsideNumbers drops the spans that are digits inside a longer number: a
// numeric secret (a PIN) also occurs in timestamps and sizes by chance,
// and masking those would turn a report's numbers into "***" (invalid
// JSON) while hiding nothing. A number that is the secret on its own is
// still masked.
// digitBefore says s follows a digit (a Writer's earlier output).
func outsideNumbers(s string, spans []span, digitBefore bool) []span {
	out := spans[:0:0]
	for _, sp := range spans {
		if !insideNumber(s, sp, digitBefore) {
			out = append(out, sp)
		}
	}
	return out
}

func insideNumber(s string, sp span, digitBefore bool) bool {
	before := digitBefore
	if sp.start > 0 {
		before = isDigit(s[sp.start-1])
	}
	return allDigits(s[sp.start:sp.end]) && (before || sp.end < len(s) && isDigit(s[sp.end]))
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func (r *Redactor) rawValues() []*secretValue {
	if r == nil {
		return nil
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.values
}

// NamesSecret reports whether name (a variable's, a key) holds a secret:
// the masks Redact would put in it cover the whole name or at least
// MinPieceLen bytes of it. A short secret inside a longer name ("api" in
// "apiPath") does not count: names are ordinary words far more often than
// they are secrets, and Redact still masks it wherever the name is shown.
func (r *Redactor) NamesSecret(name string) bool {
	n := 0
	for _, sp := range r.spans(name, false) {
		n += sp.end - sp.start
	}
	return n > 0 && (n == len(name) || n >= MinPieceLen)
}

// RedactError returns err's message redacted (for printing an error).
func (r *Redactor) RedactError(err error) string {
	if err == nil {
		return ""
	}
	return r.Redact(err.Error())
}

type span struct{ start, end int }

// findSpans returns the merged byte ranges of s covered by any secret.
func findSpans(s string, secrets []string) []span {
	var spans []span
	for _, sec := range secrets {
		for from := 0; from <= len(s)-len(sec); {
			i := strings.Index(s[from:], sec)
			if i < 0 {
				break
			}
			start := from + i
			spans = append(spans, span{start, start + len(sec)})
			from = start + 1 // overlapping occurrences too
		}
	}
	return mergeSpans(spans)
}

// mergeSpans sorts spans and merges those that overlap or touch.
func mergeSpans(spans []span) []span {
	if len(spans) < 2 {
		return spans
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	merged := spans[:1]
	for _, sp := range spans[1:] {
		last := &merged[len(merged)-1]
		if sp.start <= last.end {
			last.end = max(last.end, sp.end)
			continue
		}
		merged = append(merged, sp)
	}
	return merged
}

// ellipses are the marks a shortened value ends with (chai's inspect, our
// own truncation) or starts with.
var ellipses = []string{"…", "..."}

// truncatedSpans finds what is left of a secret cut from the front: a
// suffix of it right after an ellipsis ("…cr3t"), and its base64 or hex
// cut short before one (truncatedEncodingSpans). A prefix of the secret
// cut short before an ellipsis is found by encodedSpans, in any encoding.
func truncatedSpans(s string, values []*secretValue) []span {
	spans := inspectedTailSpans(s, values)
	for _, el := range ellipses {
		for from := 0; ; {
			i := strings.Index(s[from:], el)
			if i < 0 {
				break
			}
			spans = append(spans, truncatedEncodingSpans(s, from+i, values)...)
			from += i + len(el)
			if from >= len(s) {
				break
			}
			for _, v := range values {
				sec := v.text
				if strings.IndexByte(sec, s[from]) < 0 {
					continue // the common case: no suffix can start here
				}
				for n := min(len(sec)-1, len(s)-from); n >= MinSecretLen; n-- {
					if s[from] == sec[len(sec)-n] && strings.HasPrefix(s[from:], sec[len(sec)-n:]) {
						spans = append(spans, span{from, from + n})
						break
					}
				}
			}
		}
	}
	return spans
}

// replaceSpans masks the given (sorted, disjoint) spans of s; spans past
// len(s) are ignored.
func replaceSpans(s string, spans []span) string {
	if len(spans) == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for _, sp := range spans {
		if sp.end > len(s) {
			break
		}
		b.WriteString(s[last:sp.start])
		b.WriteString(Mask)
		last = sp.end
	}
	b.WriteString(s[last:])
	return b.String()
}

// Writer returns a writer that redacts everything written through it to w.
// A secret split over several Write calls is still masked: the writer holds
// back a tail of output that could be the start of a secret until the next
// Write shows otherwise, so call Flush when the stream ends. Only such a
// tail is held; other output passes through at once.
func (r *Redactor) Writer(w io.Writer) *Writer {
	return &Writer{r: r, w: w}
}

// Writer redacts a stream; see Redactor.Writer. Safe for concurrent use.
type Writer struct {
	r   *Redactor
	w   io.Writer
	mu  sync.Mutex
	buf []byte // held-back output, not yet redacted
	// digit says the output so far ends with a digit: a numeric secret
	// right after it is inside a longer number (see outsideNumbers).
	digit bool
}

// Write implements io.Writer. It reports len(p) written unless the
// underlying writer fails.
func (rw *Writer) Write(p []byte) (int, error) {
	rw.mu.Lock()
	defer rw.mu.Unlock()
	secrets := rw.r.snapshot()
	if len(secrets) == 0 && len(rw.buf) == 0 {
		if _, err := rw.w.Write(p); err != nil {
			return 0, err
		}
		if len(p) > 0 {
			rw.digit = isDigit(p[len(p)-1])
		}
		return len(p), nil
	}
	rw.buf = append(rw.buf, p...)
	s := string(rw.buf)
	spans := textSpans(s, secrets, rw.r.rawValues())
	cut := holdFrom(s, rw.r.holdSnapshot())
	for _, sp := range spans {
		if sp.end == len(s) && allDigits(s[sp.start:sp.end]) {
			// Digits at the end: the next write may continue the number.
			cut = min(cut, sp.start)
		}
	}
	spans = outsideNumbers(s, spans, rw.digit)
	for i, sp := range spans {
		if sp.start < cut && sp.end > cut {
			// A match straddles the cut: an overlapping secret may still
			// extend it, so hold the whole match back.
			cut = sp.start
		}
		if sp.start >= cut {
			spans = spans[:i]
			break
		}
	}
	out := replaceSpans(s[:cut], spans)
	rw.buf = append(rw.buf[:0], s[cut:]...)
	if out == "" {
		return len(p), nil
	}
	rw.digit = isDigit(s[cut-1])
	if _, err := io.WriteString(rw.w, out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// holdFrom returns the first offset of s from which the rest of s is a
// proper prefix of some secret (so the next write may complete it), or
// len(s).
func holdFrom(s string, secrets []string) int {
	longest := 0
	if len(secrets) > 0 {
		longest = len(secrets[0])
	}
	for p := max(0, len(s)-longest+1); p < len(s); p++ {
		tail := s[p:]
		for _, sec := range secrets {
			if len(sec) > len(tail) && strings.HasPrefix(sec, tail) {
				return p
			}
		}
	}
	return len(s)
}

// Flush writes the held-back tail, redacted.
func (rw *Writer) Flush() error {
	rw.mu.Lock()
	defer rw.mu.Unlock()
	if len(rw.buf) == 0 {
		return nil
	}
	out := rw.r.redact(string(rw.buf), rw.digit)
	rw.digit = isDigit(rw.buf[len(rw.buf)-1])
	rw.buf = rw.buf[:0]
	_, err := io.WriteString(rw.w, out)
	return err
}

// Close flushes; it does not close the underlying writer.
func (rw *Writer) Close() error { return rw.Flush() }

// Contains reports whether s holds any registered secret (or one of its
// encoded forms): "courier env persist" uses it to refuse vault-resolved
// values.
func (r *Redactor) Contains(s string) bool {
	for _, sec := range r.holdSnapshot() {
		if strings.Contains(s, sec) {
			return true
		}
	}
	return false
}

// Without returns a Redactor that masks what r masks but the given values
// (and the pieces a URL splits them into): suite uses it to tell a value
// that holds another secret from one that is only a value scripts gave a
// variable of type secret.
func (r *Redactor) Without(values []string) *Redactor {
	skip := withURLPieces(values)
	var keep []string
	for _, v := range r.rawValues() {
		if !slices.Contains(skip, v.text) {
			keep = append(keep, v.text)
		}
	}
	out := NewRedactor()
	out.add(keep, keep)
	return out
}
