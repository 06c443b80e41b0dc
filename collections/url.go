package collections

import (
	"strings"
)

// ParseURL splits a raw URL the way Postman's Url.parse does: nothing is
// decoded, and {{variables}} stay whole even when they contain separators
// such as "/", "?", "." or ":". Parts that are absent stay nil/empty, so that
// String can rebuild the same text.
func ParseURL(raw string) URL {
	u := URL{Raw: raw}
	s := strings.TrimLeft(raw, " \t\r\n\v\f\u00a0\ufeff")
	if s == "" {
		return u
	}
	s, vars := protectVariables(s)
	restore := func(x string) string { return vars.restore(x) }

	if i := strings.IndexByte(s, '#'); i >= 0 {
		u.Hash = restore(s[i+1:])
		u.EmptyHash = u.Hash == ""
		s = s[:i]
	}
	if i := strings.IndexByte(s, '?'); i >= 0 {
		u.Query = parseQueryString(s[i+1:], restore)
		s = s[:i]
	}
	s = strings.ReplaceAll(s, `\`, "/")
	if i := strings.Index(s, "://"); i >= 0 {
		u.Protocol = restore(s[:i])
		s = s[i+3:]
		if strings.EqualFold(u.Protocol, "file") {
			// file:////path keeps one leading slash, like Postman.
			if t := strings.TrimLeft(s, "/"); len(t) < len(s) {
				s = "/" + t
			}
		} else {
			s = strings.TrimLeft(s, "/")
		}
	}
	if i := strings.IndexByte(s, '/'); i >= 0 {
		for _, seg := range strings.Split(s[i+1:], "/") {
			u.Path = append(u.Path, restore(seg))
		}
		s = s[:i]
	}
	if i := strings.LastIndexByte(s, '@'); i >= 0 {
		auth := s[:i]
		s = s[i+1:]
		ui := &UserInfo{}
		if j := strings.IndexByte(auth, ':'); j >= 0 {
			ui.User = restore(auth[:j])
			p := restore(auth[j+1:])
			ui.Password = &p
		} else {
			ui.User = restore(auth)
		}
		u.UserInfo = ui
	}
	// A port is whatever follows the last ':' unless that text has a ']'
	// (an IPv6 literal).
	if i := strings.LastIndexByte(s, ':'); i >= 0 && !strings.Contains(s[i+1:], "]") {
		u.Port = restore(s[i+1:])
		s = s[:i]
	}
	if s != "" {
		for _, h := range strings.Split(s, ".") {
			u.Host = append(u.Host, restore(h))
		}
	}
	u.Variables = pathVariables(u.Path)
	return u
}

// parseQueryString splits "a=b&c" into params; like Postman, an empty
// segment that is not the last one yields a null key with a nil value.
func parseQueryString(q string, restore func(string) string) []QueryParam {
	segs := strings.Split(q, "&")
	out := make([]QueryParam, 0, len(segs))
	for i, seg := range segs {
		if seg == "" && i < len(segs)-1 {
			out = append(out, QueryParam{KeyNull: true})
			continue
		}
		if k, v, ok := strings.Cut(seg, "="); ok {
			v = restore(v)
			out = append(out, QueryParam{Key: restore(k), Value: &v})
		} else {
			out = append(out, QueryParam{Key: restore(seg)})
		}
	}
	return out
}

// pathVariables lists the distinct ":name" segments of a path; the name
// stops at the first ".", as in Postman.
func pathVariables(path []string) []Variable {
	var vars []Variable
	seen := map[string]bool{}
	for _, seg := range path {
		name := pathVariableName(seg)
		if name == "" || seen[name] {
			continue
		}
		seen[name] = true
		vars = append(vars, Variable{Key: name, NoValue: true})
	}
	return vars
}

func pathVariableName(seg string) string {
	if !strings.HasPrefix(seg, ":") {
		return ""
	}
	name := seg[1:]
	if i := strings.IndexByte(name, '.'); i >= 0 {
		name = name[:i]
	}
	return name
}

// varTable maps placeholders back to the {{variables}} they replaced.
type varTable struct {
	open, close rune
	vars        []string
}

// protectVariables replaces every {{...}} that contains a URL separator
// with a placeholder free of separators, so that splitting cannot cut a
// variable in two. Placeholders use private-use runes absent from s.
func protectVariables(s string) (string, *varTable) {
	t := &varTable{}
	if !strings.Contains(s, "{{") {
		return s, t
	}
	for r := rune(0xE000); r < 0xF8FF; r += 2 {
		if !strings.ContainsRune(s, r) && !strings.ContainsRune(s, r+1) {
			t.open, t.close = r, r+1
			break
		}
	}
	if t.open == 0 {
		return s, t
	}
	var b strings.Builder
	rest := s
	for {
		i := strings.Index(rest, "{{")
		if i < 0 {
			break
		}
		// The variable is the shortest {{...}} with no braces inside,
		// starting at the last "{{" of a run of braces.
		j := i + 2
		for j < len(rest) && rest[j] == '{' {
			j++
		}
		start := j - 2
		end := strings.Index(rest[j:], "}}")
		inner := ""
		if end >= 0 {
			inner = rest[j : j+end]
		}
		if end < 0 || strings.ContainsAny(inner, "{}") {
			b.WriteString(rest[:j])
			rest = rest[j:]
			continue
		}
		b.WriteString(rest[:start])
		v := rest[start : j+end+2]
		if strings.ContainsAny(inner, ".:/?#@&]") {
			b.WriteRune(t.open)
			b.WriteString(itoa(len(t.vars)))
			b.WriteRune(t.close)
			t.vars = append(t.vars, v)
		} else {
			b.WriteString(v)
		}
		rest = rest[j+end+2:]
	}
	b.WriteString(rest)
	return b.String(), t
}

func (t *varTable) restore(s string) string {
	if len(t.vars) == 0 || !strings.ContainsRune(s, t.open) {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexRune(s, t.open)
		if i < 0 {
			break
		}
		b.WriteString(s[:i])
		s = s[i+len(string(t.open)):]
		j := strings.IndexRune(s, t.close)
		n, ok := atoi(s[:max(j, 0)])
		if j < 0 || !ok || n >= len(t.vars) {
			b.WriteRune(t.open)
			continue
		}
		b.WriteString(t.vars[n])
		s = s[j+len(string(t.close)):]
	}
	b.WriteString(s)
	return b.String()
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var d []byte
	for n > 0 {
		d = append([]byte{byte('0' + n%10)}, d...)
		n /= 10
	}
	return string(d)
}

func atoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// String rebuilds the URL from its parts the way Postman's Url.toString
// does, which is what Postman sends when the parts exist:
// protocol://user:password@host:port/path?query#hash. Disabled query params
// are left out, a nil query value gives "key" with no "=", and ":name" path
// segments are replaced by non-empty path variable values. Nothing is
// encoded except "&", "#" (and "=" in keys) inside query params, outside
// {{variables}}, so that the text parses back to the same params.
func (u URL) String() string {
	var b strings.Builder
	if u.Protocol != "" {
		b.WriteString(u.Protocol)
		if !strings.HasSuffix(u.Protocol, "://") {
			b.WriteString("://")
		}
	}
	if u.UserInfo != nil {
		b.WriteString(u.UserInfo.User)
		if u.UserInfo.Password != nil {
			b.WriteString(":")
			b.WriteString(*u.UserInfo.Password)
		}
		b.WriteString("@")
	}
	b.WriteString(strings.Join(u.Host, "."))
	if u.Port != "" {
		b.WriteString(":")
		b.WriteString(u.Port)
	}
	if u.Path != nil {
		for _, seg := range u.Path {
			b.WriteString("/")
			b.WriteString(u.substitutePathVariable(seg))
		}
		if len(u.Path) == 0 {
			b.WriteString("/")
		}
	}
	if len(u.Query) > 0 {
		var q strings.Builder
		enabled := false
		for _, p := range u.Query {
			if p.Disabled {
				continue
			}
			if enabled {
				q.WriteByte('&')
			}
			enabled = true
			q.WriteString(escapeQueryPart(p.Key, true))
			if p.Value != nil {
				q.WriteByte('=')
				q.WriteString(escapeQueryPart(*p.Value, false))
			}
		}
		if enabled {
			b.WriteByte('?')
			b.WriteString(q.String())
		}
	}
	if u.Hash != "" || u.EmptyHash {
		b.WriteByte('#')
		b.WriteString(u.Hash)
	}
	return b.String()
}

func (u URL) substitutePathVariable(seg string) string {
	name := pathVariableName(seg)
	if name == "" {
		return seg
	}
	val := ""
	for _, v := range u.Variables {
		if v.Key == name && !v.Disabled {
			val = v.Value
		}
	}
	if val == "" {
		return seg
	}
	return val + seg[1+len(name):]
}

// escapeQueryPart percent-encodes "&", "#" and, in keys, "=" outside
// {{variables}} that contain one of them, as Postman's QueryParam does.
func escapeQueryPart(s string, key bool) string {
	reserved := "&#"
	if key {
		reserved = "&#="
	}
	if !strings.ContainsAny(s, reserved) {
		return s
	}
	var b strings.Builder
	rest := s
	for rest != "" {
		i := strings.Index(rest, "{{")
		if i < 0 {
			b.WriteString(encodeReserved(rest, key))
			break
		}
		end := strings.Index(rest[i+2:], "}}")
		if end < 0 {
			b.WriteString(encodeReserved(rest, key))
			break
		}
		inner := rest[i+2 : i+2+end]
		if strings.ContainsAny(inner, "{}") {
			// Not a variable; skip one brace and keep scanning.
			b.WriteString(encodeReserved(rest[:i+1], key))
			rest = rest[i+1:]
			continue
		}
		b.WriteString(encodeReserved(rest[:i], key))
		b.WriteString(rest[i : i+4+end])
		rest = rest[i+4+end:]
	}
	return b.String()
}

func encodeReserved(s string, key bool) string {
	s = strings.ReplaceAll(s, "&", "%26")
	s = strings.ReplaceAll(s, "#", "%23")
	if key {
		s = strings.ReplaceAll(s, "=", "%3D")
	}
	return s
}

// WithQueryRows is query with a v12 file's queryParams rows applied, as
// Postman CLI 1.34 applies them when it loads the file and again when it
// sends (the runner): query's parameters that the rows name (even by a
// disabled row) and any rows already in it (FromV3) are dropped, and the
// rows follow the rest in their own order (?x=0&a=1&y=2 with rows a, z
// gives ?x=0&y=2&a&z; fresh-round13v-yaml.json, fresh-round14v-f.json).
func WithQueryRows(query, rows []QueryParam) []QueryParam {
	if len(query) == 0 && len(rows) == 0 {
		return nil
	}
	named := make(map[string]bool, len(rows))
	for _, q := range rows {
		named[q.Key] = true
	}
	out := make([]QueryParam, 0, len(query)+len(rows))
	for _, q := range query {
		if !q.FromV3 && !named[q.Key] {
			out = append(out, q)
		}
	}
	return append(out, rows...)
}
