package runner

import (
	"fmt"
	"net/netip"
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/net/idna"

	"github.com/courier-run/courier/collections"
)

// The encode sets of postman-url-encoder (WHATWG-like): C0 controls, DEL
// and every non-ASCII byte always, plus these characters per component.
const (
	fragmentChars = " \"<>`"
	pathChars     = fragmentChars + "#?{}"
	userinfoChars = pathChars + "/:;=@[\\]^|"
	queryChars    = " \"#'<>"
)

// percentEncode encodes the bytes of s in the set, leaving existing %XX
// escapes alone so nothing is double-encoded.
func percentEncode(s, set string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b.WriteString(s[i : i+3])
			i += 2
			continue
		}
		if c < 0x20 || c >= 0x7f || strings.IndexByte(set, c) >= 0 {
			b.WriteByte('%')
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&15])
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// normalizeParam encodes the characters that would break a query string
// apart (&, #, and = in keys), as postman-collection's QueryParam does.
func normalizeParam(s string, key bool) string {
	if !strings.ContainsAny(s, "&#=") {
		return s
	}
	r := strings.NewReplacer("&", "%26", "#", "%23")
	if key {
		r = strings.NewReplacer("&", "%26", "#", "%23", "=", "%3D")
	}
	return r.Replace(s)
}

// URLEncodedText is an urlencoded body as postman-collection's
// RequestBody#toString writes it (QueryParam.unparse): the enabled rows,
// "&", "#" (and "=" in keys) escaped, nothing else; a row without a text
// value (none, null, a number) is its key alone. Newman's --verbose shows it as the request's body.
func URLEncodedText(rows []collections.FormParam) string {
	var b strings.Builder
	first := true
	for _, p := range rows {
		if p.Disabled {
			continue
		}
		if !first {
			b.WriteByte('&')
		}
		first = false
		b.WriteString(normalizeParam(p.Key, true))
		if p.NoValue == collections.HasValue && p.JSON == "" {
			b.WriteString("=" + normalizeParam(p.Value, false))
		}
	}
	return b.String()
}

// wireURL is a request URL split the way Postman sends it.
type wireURL struct {
	scheme   string
	user     *url.Userinfo
	host     string // host[:port]
	path     string // encoded, starts with "/"
	query    string // encoded, without "?"
	hasQuery bool   // send "?" even when query is empty
	// hash is the fragment, encoded, shown (with hasHash: "#" even when
	// empty) in the URL that reports name but never sent.
	hash    string
	hasHash bool
}

func (w wireURL) String() string {
	var b strings.Builder
	b.WriteString(w.scheme)
	b.WriteString("://")
	if w.user != nil {
		b.WriteString(w.user.String())
		b.WriteByte('@')
	}
	b.WriteString(w.host)
	b.WriteString(w.path)
	if w.hasQuery {
		b.WriteByte('?')
		b.WriteString(w.query)
	}
	if w.hasHash {
		b.WriteByte('#')
		b.WriteString(w.hash)
	}
	return b.String()
}

// toURL returns the *url.URL net/http sends. Opaque carries the path byte
// for byte, so Go does not re-escape what Postman leaves alone. The
// fragment rides along (RawFragment as encoded) for the URLs errors and
// the Referer name, as Node's uri.href has it; the request line
// (RequestURI) never carries it.
func (w wireURL) toURL() *url.URL {
	u := w.toURLNoFragment()
	if w.hasHash && w.hash != "" {
		u.RawFragment = w.hash
		if f, err := url.PathUnescape(w.hash); err == nil {
			u.Fragment = f
		} else {
			u.Fragment = w.hash
		}
	}
	return u
}

func (w wireURL) toURLNoFragment() *url.URL {
	if strings.HasPrefix(w.path, "//") {
		// Go would send an Opaque of "//x" as an absolute URL
		// (http://x); a RawPath that encodes Path keeps "//x" as sent.
		if p, err := url.PathUnescape(w.path); err == nil {
			u := &url.URL{Scheme: w.scheme, User: w.user, Host: w.host, Path: p, RawPath: w.path,
				RawQuery: w.query, ForceQuery: w.hasQuery && w.query == ""}
			if u.EscapedPath() == w.path {
				return u
			}
		}
	}
	return &url.URL{
		Scheme:     w.scheme,
		User:       w.user,
		Host:       w.host,
		Opaque:     w.path,
		RawQuery:   w.query,
		ForceQuery: w.hasQuery && w.query == "",
	}
}

// buildWireURL renders a resolved URL as postman-runtime does: path
// variables substituted, disabled query params dropped, each component
// percent-encoded with its own set unless noEncode, hostnames lowercased
// and punycoded, http:// assumed when there is no protocol.
func buildWireURL(u collections.URL, noEncode bool) wireURL {
	// Substitute path variables, then render and re-parse: a variable may
	// hold several parts ({{baseUrl}} = "http://host:port/v1"), which is
	// why Postman also re-parses the resolved text.
	if segs := substitutePathVariables(u.Path, u.Variables); len(segs) > 0 {
		u.Path = segs // an empty, non-nil path would render as a trailing "/"
	}
	if len(u.Host) > 0 || len(u.Path) > 0 {
		u = collections.ParseURL(u.String())
	} else {
		u = collections.ParseURL(u.Raw)
	}
	w := wireURL{scheme: strings.ToLower(u.Protocol)}
	if w.scheme == "" {
		w.scheme = "http"
	}
	w.host = wireHost(u.Host, u.Port)
	w.path = "/" + strings.Join(u.Path, "/")
	if !noEncode {
		w.path = percentEncode(w.path, pathChars)
	}
	w.query, w.hasQuery = wireQuery(u.Query, noEncode)
	if u.Hash != "" || u.EmptyHash {
		w.hash, w.hasHash = u.Hash, true
		if !noEncode {
			w.hash = percentEncode(w.hash, fragmentChars)
		}
	}
	if ui := u.UserInfo; ui != nil {
		w.user = wireUserinfo(ui, noEncode)
	}
	return w
}

// substitutePathVariables replaces each ":name" segment (":name.ext" keeps
// its ".ext") with the last variable of that name when its value is not
// empty. As in Newman 6.2.2, a disabled one counts too, and an empty last
// one leaves the segment even after a non-empty one (fresh-round4n-a.json).
func substitutePathVariables(path []string, vars []collections.Variable) []string {
	segs := make([]string, len(path))
	for i, seg := range path {
		segs[i] = seg
		if !strings.HasPrefix(seg, ":") {
			continue
		}
		key := seg[1:]
		if dot := strings.IndexByte(key, '.'); dot >= 0 {
			key = key[:dot]
		}
		if key == "" {
			continue // ":" or ":.x" names no variable (postman-collection's null)
		}
		for j := len(vars) - 1; j >= 0; j-- {
			if v := vars[j]; v.Key == key {
				if v.Value != "" {
					segs[i] = v.Value + seg[1+len(key):]
				}
				break
			}
		}
	}
	return segs
}

// wholeSegmentPathVariables substitutes path variables as the newer
// runtime (v12 runs) sends them: a ":name" segment names the variable with
// all that follows the colon (":id.json" is the variable id.json, not id),
// and a disabled variable is not used (fresh-round12v-misc.json). The URL
// it returns has no variables left, so buildWireURL's Newman rule finds
// none to apply.
func wholeSegmentPathVariables(u collections.URL) collections.URL {
	if len(u.Variables) == 0 {
		return u
	}
	path := make([]string, len(u.Path))
	for i, seg := range u.Path {
		path[i] = seg
		if !strings.HasPrefix(seg, ":") {
			continue
		}
		for j := len(u.Variables) - 1; j >= 0; j-- {
			if v := u.Variables[j]; v.Key == seg[1:] && !v.Disabled {
				if v.Value != "" {
					path[i] = v.Value
				}
				break
			}
		}
	}
	u.Path, u.Variables = path, nil
	return u
}

// wireHost is the host as sent: lowercased, an IPv4 shorthand expanded,
// an international name punycoded, the port appended.
func wireHost(labels []string, port string) string {
	host := strings.ToLower(strings.Join(labels, "."))
	switch {
	case strings.HasPrefix(host, "[") && strings.HasSuffix(host, "]"):
		if a, err := netip.ParseAddr(host[1 : len(host)-1]); err == nil && a.Is6() && a.Zone() == "" {
			host = "[" + whatwgIPv6(a.As16()) + "]"
		}
	case isDottedQuad(host): // the usual IP literal, sent as written
	case asciiHost(host):
		if ip, ok := parseIPv4Shorthand(host); ok {
			host = ip
		}
		// idna would give back the same name or fail, which keeps it too.
	default:
		if ascii, err := idna.Lookup.ToASCII(host); err == nil && ascii != "" {
			host = ascii
		}
	}
	if port != "" {
		host += ":" + port
	}
	return host
}

// wireQuery is the query of the enabled params (a param without a value
// has no "="); hasQuery is false when none is enabled, so no "?" is sent.
func wireQuery(params []collections.QueryParam, noEncode bool) (query string, hasQuery bool) {
	var parts []string
	for _, q := range params {
		if q.Disabled {
			continue
		}
		hasQuery = true
		p := normalizeParam(q.Key, true)
		if q.Value != nil {
			p += "=" + normalizeParam(*q.Value, false)
		}
		parts = append(parts, p)
	}
	if !hasQuery {
		return "", false
	}
	query = strings.Join(parts, "&")
	if !noEncode {
		query = percentEncode(query, queryChars)
	}
	return query, true
}

// wireUserinfo is the URL's user:password@, encoded unless noEncode.
func wireUserinfo(ui *collections.UserInfo, noEncode bool) *url.Userinfo {
	user, pass := ui.User, ""
	if ui.Password != nil {
		pass = *ui.Password
	}
	if !noEncode {
		user, pass = percentEncode(user, userinfoChars), percentEncode(pass, userinfoChars)
	}
	return rawUserinfo(user, pass, ui.Password != nil)
}

func rawUserinfo(user, pass string, hasPass bool) *url.Userinfo {
	u, _ := url.PathUnescape(user)
	if !hasPass {
		return url.User(u)
	}
	p, _ := url.PathUnescape(pass)
	return url.UserPassword(u, p)
}

// isDottedQuad reports whether host is an IPv4 address in its canonical
// form (four decimal numbers up to 255, no leading zeros).
func isDottedQuad(host string) bool {
	parts, n, digits := 0, 0, 0
	for i := 0; i <= len(host); i++ {
		if i == len(host) || host[i] == '.' {
			if digits == 0 || n > 255 || (digits > 1 && host[i-digits] == '0') {
				return false
			}
			parts, n, digits = parts+1, 0, 0
			continue
		}
		c := host[i]
		if c < '0' || c > '9' || digits == 3 {
			return false
		}
		n, digits = n*10+int(c-'0'), digits+1
	}
	return parts == 4
}

// whatwgIPv6 is an IPv6 address as the WHATWG URL serializer writes it:
// eight groups in lower-case hex without leading zeros, the first longest
// run of two or more zero groups as "::", an embedded IPv4 address in hex
// too ([::ffff:127.0.0.1] is [::ffff:7f00:1], as Node sends it).
func whatwgIPv6(b [16]byte) string {
	var groups [8]uint16
	for i := range groups {
		groups[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	start, length := -1, 1
	for i := 0; i < 8; {
		j := i
		for j < 8 && groups[j] == 0 {
			j++
		}
		if j-i > length {
			start, length = i, j-i
		}
		i = max(j, i+1)
	}
	var sb strings.Builder
	for i := 0; i < 8; i++ {
		if i == start {
			sb.WriteString("::")
			i += length - 1
			continue
		}
		if i > 0 && i != start+length {
			sb.WriteByte(':')
		}
		sb.WriteString(strconv.FormatUint(uint64(groups[i]), 16))
	}
	return sb.String()
}

// asciiHost reports whether a lowercased host is plain ASCII without
// punycode labels: idna's lookup profile leaves such a name unchanged (or
// rejects it, and we then send it as written).
func asciiHost(host string) bool {
	for i := 0; i < len(host); i++ {
		if host[i] >= 0x80 {
			return false
		}
	}
	return !strings.Contains(host, "xn--")
}

// parseIPv4Shorthand reads the IPv4 forms a WHATWG URL parser accepts
// (127.1, 0x7f.1, 2130706433) and returns the dotted quad, as Node does
// before connecting and in the Host header.
func parseIPv4Shorthand(host string) (string, bool) {
	if host == "" || strings.Trim(host, "0123456789abcdefx.") != "" {
		return "", false
	}
	parts := strings.Split(strings.TrimSuffix(host, "."), ".")
	if len(parts) > 4 {
		return "", false
	}
	nums := make([]uint64, len(parts))
	for i, p := range parts {
		if p == "" {
			return "", false
		}
		base := 10
		switch {
		case strings.HasPrefix(p, "0x"):
			base, p = 16, p[2:]
			if p == "" {
				p = "0"
			}
		case len(p) > 1 && p[0] == '0':
			base, p = 8, p[1:]
		}
		n, err := strconv.ParseUint(p, base, 64)
		if err != nil {
			return "", false
		}
		nums[i] = n
	}
	last := nums[len(nums)-1]
	if last >= 1<<(8*(5-len(nums))) {
		return "", false
	}
	for _, n := range nums[:len(nums)-1] {
		if n > 255 {
			return "", false
		}
	}
	ip := last
	for i, n := range nums[:len(nums)-1] {
		ip += n << (8 * (3 - i))
	}
	return fmt.Sprintf("%d.%d.%d.%d", ip>>24, ip>>16&255, ip>>8&255, ip&255), true
}

// parsed is the URL as net/url would parse the wire text, for signers that
// read its parts (EscapedPath, Hostname, RawQuery), built from the parts we
// already hold. nil when the path holds a broken escape, as url.Parse fails.
func (w wireURL) parsed() *url.URL {
	p, err := url.PathUnescape(w.path)
	if err != nil {
		return nil
	}
	return &url.URL{Scheme: w.scheme, Host: w.host, Path: p, RawPath: w.path,
		RawQuery: w.query, ForceQuery: w.hasQuery && w.query == ""}
}
