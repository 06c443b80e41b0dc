package scripting

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// A WHATWG URL parser for the sandbox's URL class. The goja_nodejs URL (used before) is
// built on net/url and differs from Node and Postman where scripts notice:
// the origin loses its port, "../c" resolves against the wrong directory,
// %7e is decoded, IPv6 hosts lose their brackets, bad ports parse. This
// follows the URL Standard's parser for the forms scripts meet (special
// and non-special schemes, opaque paths, IPv4/IPv6 hosts, IDNA).

// wurl is a parsed URL record.
type wurl struct {
	scheme, username, password string
	host                       *string // nil: no host
	port                       string  // empty: default or none
	path                       []string
	opaque                     *string // opaque path (mailto:x)
	query, fragment            *string
}

var errInvalidURL = errors.New("invalid URL")

var specialPorts = map[string]string{"http": "80", "https": "443", "ws": "80", "wss": "443", "ftp": "21", "file": ""}

func isSpecial(s string) bool { _, ok := specialPorts[s]; return ok }

type encodeSet func(c byte) bool

func c0Set(c byte) bool { return c < 0x20 || c > 0x7e }
func fragmentSet(c byte) bool {
	return c0Set(c) || c == ' ' || c == '"' || c == '<' || c == '>' || c == '`'
}
func querySet(c byte) bool {
	return c0Set(c) || c == ' ' || c == '"' || c == '#' || c == '<' || c == '>'
}
func specialQuerySet(c byte) bool { return querySet(c) || c == '\'' }
func pathSet(c byte) bool {
	return querySet(c) || c == '?' || c == '^' || c == '`' || c == '{' || c == '}'
}
func userinfoSet(c byte) bool {
	return pathSet(c) || c == '/' || c == ':' || c == ';' || c == '=' || c == '@' || (c >= '[' && c <= ']') || c == '|'
}

func pctEncode(s string, set encodeSet) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if set(c) {
			b.WriteByte('%')
			b.WriteByte("0123456789ABCDEF"[c>>4])
			b.WriteByte("0123456789ABCDEF"[c&15])
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func pctDecode(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			h, ok1 := unhex(s[i+1])
			l, ok2 := unhex(s[i+2])
			if ok1 && ok2 {
				b = append(b, h<<4|l)
				i += 2
				continue
			}
		}
		b = append(b, s[i])
	}
	return string(b)
}

func parseWURL(input string, base *wurl) (*wurl, error) {
	input = cleanURLInput(input)
	i := schemeEnd(input)
	if i <= 0 {
		return parseSchemeless(input, base)
	}
	u := &wurl{scheme: strings.ToLower(input[:i])}
	return u, u.afterScheme(input[i+1:], base)
}

// cleanURLInput drops leading and trailing C0 controls and spaces, and
// tabs and newlines everywhere.
func cleanURLInput(input string) string {
	input = strings.TrimFunc(input, func(r rune) bool { return r <= ' ' })
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, input)
}

// parseSchemeless parses input without a scheme of its own: relative to
// base, or, against an opaque base (mailto:x), only a fragment.
func parseSchemeless(input string, base *wurl) (*wurl, error) {
	if base == nil {
		return nil, errInvalidURL
	}
	if base.opaque != nil {
		if !strings.HasPrefix(input, "#") {
			return nil, errInvalidURL
		}
		c := *base
		f := pctEncode(input[1:], fragmentSet)
		c.fragment = &f
		return &c, nil
	}
	u := &wurl{scheme: base.scheme}
	return u, u.relative(input, base)
}

// afterScheme parses what follows the scheme's colon.
func (u *wurl) afterScheme(rest string, base *wurl) error {
	switch {
	case u.scheme == "file":
		return u.afterFileScheme(rest, base)
	case isSpecial(u.scheme):
		if base != nil && base.scheme == u.scheme && (rest == "" || !specialSlash(rest[0])) {
			return u.relative(rest, base)
		}
		for rest != "" && specialSlash(rest[0]) {
			rest = rest[1:]
		}
		return u.authority(rest)
	case strings.HasPrefix(rest, "//"):
		return u.authority(rest[2:])
	case strings.HasPrefix(rest, "/"):
		return u.pathQuery(rest)
	}
	return u.opaquePath(rest)
}

// specialSlash: special schemes take a backslash for a slash.
func specialSlash(c byte) bool { return c == '/' || c == '\\' }

// afterFileScheme parses what follows "file:": a host after two slashes,
// else a path, relative to a file base when it does not start with one.
func (u *wurl) afterFileScheme(rest string, base *wurl) error {
	if len(rest) >= 2 && specialSlash(rest[0]) && specialSlash(rest[1]) {
		return u.authority(rest[2:])
	}
	if base != nil && base.scheme == "file" && (rest == "" || !specialSlash(rest[0])) {
		return u.relative(rest, base)
	}
	empty := ""
	u.host = &empty
	return u.pathQuery(rest)
}

// opaquePath parses a non-special URL's opaque path (up to ? or #) and
// what follows it.
func (u *wurl) opaquePath(rest string) error {
	p := rest
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p, rest = p[:i], p[i:]
	} else {
		rest = ""
	}
	op := pctEncode(p, c0Set)
	u.opaque = &op
	return u.queryFragment(rest)
}

func schemeEnd(s string) int {
	if s == "" || !isAlpha(s[0]) {
		return -1
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ':':
			return i
		case isAlpha(c) || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.':
		default:
			return -1
		}
	}
	return -1
}

func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// relative resolves rest (after any scheme) against base.
func (u *wurl) relative(rest string, base *wurl) error {
	special := isSpecial(u.scheme)
	slash := func(c byte) bool { return c == '/' || (special && c == '\\') }
	if len(rest) >= 2 && slash(rest[0]) && slash(rest[1]) {
		return u.authority(rest[2:])
	}
	u.username, u.password, u.host, u.port = base.username, base.password, base.host, base.port
	switch {
	case rest != "" && slash(rest[0]):
		return u.pathQuery(rest)
	case rest == "":
		u.path, u.query = append([]string(nil), base.path...), base.query
		return nil
	case rest[0] == '?':
		u.path = append([]string(nil), base.path...)
		return u.queryFragment(rest)
	case rest[0] == '#':
		u.path, u.query = append([]string(nil), base.path...), base.query
		return u.queryFragment(rest)
	}
	u.path = append([]string(nil), base.path...)
	if len(u.path) > 0 {
		u.path = u.path[:len(u.path)-1]
	}
	return u.pathQuery(rest)
}

// authority parses s from just after "//": [user[:password]@]host[:port],
// up to the path, query or fragment, which it goes on to parse.
func (u *wurl) authority(s string) error {
	special := isSpecial(u.scheme)
	end := authorityEnd(s, special)
	auth, rest := s[:end], s[end:]
	if at := strings.LastIndexByte(auth, '@'); at >= 0 {
		user, pass, _ := strings.Cut(auth[:at], ":")
		u.username, u.password = pctEncode(user, userinfoSet), pctEncode(pass, userinfoSet)
		auth = auth[at+1:]
	}
	hostPart, port, _ := cutHostPort(auth)
	if hostPart == "" && (special && u.scheme != "file" || port != "" || u.username != "" || u.password != "") {
		return errInvalidURL
	}
	h := ""
	if hostPart != "" {
		var err error
		if h, err = parseHost(hostPart, special); err != nil {
			return err
		}
	}
	if u.scheme == "file" && h == "localhost" {
		h = ""
	}
	u.host = &h
	if port != "" {
		p, err := parsePort(port, u.scheme)
		if err != nil {
			return err
		}
		u.port = p
	}
	return u.pathQuery(rest)
}

// authorityEnd is where the authority ends: at the first "/", "?" or "#"
// (or "\\" in a special URL); len(s) when none.
func authorityEnd(s string, special bool) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '/' || c == '?' || c == '#' || (special && c == '\\') {
			return i
		}
	}
	return len(s)
}

// parsePort is the port as the URL keeps it: digits only, leading zeros
// dropped, at most 65535, none on a file URL; "" for the scheme's default.
func parsePort(port, scheme string) (string, error) {
	for i := 0; i < len(port); i++ {
		if port[i] < '0' || port[i] > '9' {
			return "", errInvalidURL
		}
	}
	n, err := strconv.Atoi(strings.TrimLeft(port, "0") + "0")
	if err != nil || n/10 > 65535 || scheme == "file" {
		return "", errInvalidURL
	}
	p := strconv.Itoa(n / 10)
	if specialPorts[scheme] == p {
		return "", nil
	}
	return p, nil
}

func parseHost(s string, special bool) (string, error) {
	if strings.HasPrefix(s, "[") {
		if !strings.HasSuffix(s, "]") {
			return "", errInvalidURL
		}
		ip, ok := parseIPv6(s[1 : len(s)-1])
		if !ok {
			return "", errInvalidURL
		}
		return "[" + ip + "]", nil
	}
	if !special {
		for i := 0; i < len(s); i++ {
			if strings.IndexByte(" #/:<>?@[\\]^|", s[i]) >= 0 || s[i] == 0 {
				return "", errInvalidURL
			}
		}
		return pctEncode(s, c0Set), nil
	}
	d := pctDecode(s)
	if !utf8.ValidString(d) {
		return "", errInvalidURL
	}
	a, err := idna.Lookup.ToASCII(strings.ToLower(d))
	if err != nil {
		// Lookup is strict about labels Node lets through (underscores);
		// those that are plain ASCII are kept as written.
		a = strings.ToLower(d)
		for i := 0; i < len(a); i++ {
			if a[i] >= 0x80 {
				return "", errInvalidURL
			}
		}
	}
	if a == "" {
		return "", errInvalidURL
	}
	for i := 0; i < len(a); i++ {
		c := a[i]
		if c <= ' ' || c == 0x7f || strings.IndexByte("#%/:<>?@[\\]^|", c) >= 0 {
			return "", errInvalidURL
		}
	}
	if ip, isV4, err := parseIPv4(a); isV4 {
		return ip, err
	}
	return a, nil
}

// parseIPv4 reads the URL Standard's IPv4 forms (0x7f.1, 2130706433): a
// host whose last label is a number is an address or an error.
func parseIPv4(s string) (string, bool, error) {
	parts := strings.Split(s, ".")
	if parts[len(parts)-1] == "" && len(parts) > 1 {
		parts = parts[:len(parts)-1]
	}
	if _, ok := ipv4Number(parts[len(parts)-1]); !ok {
		return "", false, nil
	}
	if len(parts) > 4 {
		return "", true, errInvalidURL
	}
	var nums []uint64
	for _, p := range parts {
		n, ok := ipv4Number(p)
		if !ok {
			return "", true, errInvalidURL
		}
		nums = append(nums, n)
	}
	for _, n := range nums[:len(nums)-1] {
		if n > 255 {
			return "", true, errInvalidURL
		}
	}
	last := nums[len(nums)-1]
	if last >= 1<<(8*(5-len(nums))) {
		return "", true, errInvalidURL
	}
	v := last
	for i, n := range nums[:len(nums)-1] {
		v += n << (8 * (3 - i))
	}
	return strconv.FormatUint(v>>24, 10) + "." + strconv.FormatUint(v>>16&255, 10) + "." +
		strconv.FormatUint(v>>8&255, 10) + "." + strconv.FormatUint(v&255, 10), true, nil
}

func ipv4Number(p string) (uint64, bool) {
	if p == "" {
		return 0, false
	}
	base := 10
	switch {
	case len(p) >= 2 && (p[:2] == "0x" || p[:2] == "0X"):
		p, base = p[2:], 16
		if p == "" {
			return 0, true
		}
	case len(p) >= 2 && p[0] == '0':
		p, base = p[1:], 8
	}
	n, err := strconv.ParseUint(p, base, 64)
	if err != nil {
		return 0, false
	}
	return n, true
}

// parseIPv6 parses and serialises an IPv6 address (compressing the
// longest run of zero pieces).
func parseIPv6(s string) (string, bool) {
	pieces, ok := ipv6Pieces(s)
	if !ok {
		return "", false
	}
	return serializeIPv6(&pieces), true
}

// ipv6Pieces reads the eight 16-bit pieces of an IPv6 address: hex
// pieces, at most one "::" standing for the zero pieces it leaves out, and
// an IPv4 address as the last two.
func ipv6Pieces(s string) (pieces [8]uint16, ok bool) {
	n, compress := 0, -1
	if strings.HasPrefix(s, ":") {
		if !strings.HasPrefix(s, "::") {
			return pieces, false
		}
		s = s[2:]
		compress = 0
	}
	for s != "" {
		if n == 8 {
			return pieces, false
		}
		if s[0] == ':' {
			if compress >= 0 {
				return pieces, false
			}
			s = s[1:]
			compress = n
			continue
		}
		if strings.Contains(s, ".") && !strings.Contains(s, ":") {
			hi, lo, ok := ipv4Pieces(s)
			if !ok || n > 6 {
				return pieces, false
			}
			pieces[n], pieces[n+1] = hi, lo
			n += 2
			break
		}
		if pieces[n], s, ok = hexPiece(s); !ok {
			return pieces, false
		}
		n++
	}
	if compress < 0 {
		return pieces, n == 8
	}
	// The pieces after the "::" move to the end; zeros fill the gap.
	moved := n - compress
	copy(pieces[8-moved:], pieces[compress:n])
	for i := compress; i < 8-moved; i++ {
		pieces[i] = 0
	}
	return pieces, true
}

// hexPiece reads one piece of an IPv6 address (one to four hex digits)
// and the colon after it, and returns what follows; a colon that ends the
// address is refused.
func hexPiece(s string) (uint16, string, bool) {
	j := 0
	for j < len(s) && j < 5 && s[j] != ':' {
		j++
	}
	if j == 0 || j > 4 {
		return 0, "", false
	}
	v, err := strconv.ParseUint(s[:j], 16, 16)
	if err != nil {
		return 0, "", false
	}
	s = s[j:]
	if s != "" {
		s = s[1:]
		if s == "" {
			return 0, "", false
		}
	}
	return uint16(v), s, true
}

// ipv4Pieces reads the IPv4 address that ends an IPv6 address as its last
// two pieces; it must have all four parts.
func ipv4Pieces(s string) (hi, lo uint16, ok bool) {
	ip, isV4, err := parseIPv4(s)
	if !isV4 || err != nil || strings.Count(s, ".") != 3 {
		return 0, 0, false
	}
	var a [4]int
	for i, p := range strings.Split(ip, ".") {
		a[i], _ = strconv.Atoi(p)
	}
	return uint16(a[0]<<8 | a[1]), uint16(a[2]<<8 | a[3]), true
}

// serializeIPv6 writes the pieces in lowercase hex, the longest run of two
// or more zero pieces (the first of equal runs) as "::".
func serializeIPv6(pieces *[8]uint16) string {
	best, bestLen := -1, 1
	for i := 0; i < 8; {
		if pieces[i] != 0 {
			i++
			continue
		}
		j := i
		for j < 8 && pieces[j] == 0 {
			j++
		}
		if j-i > bestLen {
			best, bestLen = i, j-i
		}
		i = j
	}
	var b strings.Builder
	for i := 0; i < 8; i++ {
		if i == best {
			if i == 0 {
				b.WriteString(":")
			}
			b.WriteString(":")
			i += bestLen - 1
			continue
		}
		b.WriteString(strconv.FormatUint(uint64(pieces[i]), 16))
		if i < 7 {
			b.WriteString(":")
		}
	}
	return b.String()
}

func isSingleDot(s string) bool { return s == "." || strings.EqualFold(s, "%2e") }
func isDoubleDot(s string) bool {
	switch strings.ToLower(s) {
	case "..", ".%2e", "%2e.", "%2e%2e":
		return true
	}
	return false
}

// pathQuery parses a path (appending to u.path), then query and fragment.
func (u *wurl) pathQuery(s string) error {
	end := strings.IndexAny(s, "?#")
	p := s
	if end >= 0 {
		p, s = s[:end], s[end:]
	} else {
		s = ""
	}
	u.parsePath(p)
	return u.queryFragment(s)
}

// parsePath appends the segments of p to u.path, resolving dot segments.
func (u *wurl) parsePath(p string) {
	special := isSpecial(u.scheme)
	if special {
		p = strings.ReplaceAll(p, "\\", "/")
	}
	if p != "" || special {
		p = strings.TrimPrefix(p, "/")
		segs := strings.Split(p, "/")
		for i, seg := range segs {
			last := i == len(segs)-1
			switch {
			case isDoubleDot(seg):
				if len(u.path) > 0 && !(u.scheme == "file" && len(u.path) == 1 && isDriveLetter(u.path[0])) {
					u.path = u.path[:len(u.path)-1]
				}
				if last {
					u.path = append(u.path, "")
				}
			case isSingleDot(seg):
				if last {
					u.path = append(u.path, "")
				}
			default:
				u.path = append(u.path, pctEncode(seg, pathSet))
			}
		}
	}
}

func isDriveLetter(s string) bool {
	return len(s) == 2 && isAlpha(s[0]) && (s[1] == ':' || s[1] == '|')
}

func (u *wurl) queryFragment(s string) error {
	if strings.HasPrefix(s, "?") {
		q := s[1:]
		f := ""
		hasF := false
		if i := strings.IndexByte(q, '#'); i >= 0 {
			q, f, hasF = q[:i], q[i+1:], true
		}
		set := querySet
		if isSpecial(u.scheme) {
			set = specialQuerySet
		}
		qq := pctEncode(q, set)
		u.query = &qq
		if hasF {
			ff := pctEncode(f, fragmentSet)
			u.fragment = &ff
		}
		return nil
	}
	if strings.HasPrefix(s, "#") {
		ff := pctEncode(s[1:], fragmentSet)
		u.fragment = &ff
	}
	return nil
}

func (u *wurl) pathname() string {
	if u.opaque != nil {
		return *u.opaque
	}
	if len(u.path) == 0 {
		return ""
	}
	return "/" + strings.Join(u.path, "/")
}

func (u *wurl) hostport() string {
	if u.host == nil {
		return ""
	}
	if u.port != "" {
		return *u.host + ":" + u.port
	}
	return *u.host
}

func (u *wurl) href() string {
	var b strings.Builder
	b.WriteString(u.scheme)
	b.WriteByte(':')
	if u.host != nil {
		b.WriteString("//")
		if u.username != "" || u.password != "" {
			b.WriteString(u.username)
			if u.password != "" {
				b.WriteString(":" + u.password)
			}
			b.WriteByte('@')
		}
		b.WriteString(u.hostport())
	} else if u.opaque == nil && len(u.path) > 1 && u.path[0] == "" {
		b.WriteString("/.")
	}
	b.WriteString(u.pathname())
	if u.query != nil {
		b.WriteString("?" + *u.query)
	}
	if u.fragment != nil {
		b.WriteString("#" + *u.fragment)
	}
	return b.String()
}

func (u *wurl) origin() string {
	switch u.scheme {
	case "http", "https", "ws", "wss", "ftp":
		return u.scheme + "://" + u.hostport()
	case "blob":
		if in, err := parseWURL(u.pathname(), nil); err == nil && (in.scheme == "http" || in.scheme == "https") {
			return in.origin()
		}
	}
	return "null"
}
