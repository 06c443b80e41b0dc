package run

// Preparing a corpus collection for the Newman suite test: the same host
// rewrites as ../shared/tools/parity (the script that recorded Newman's
// outcomes), ported to Go so the test needs neither Python nor Node, plus a
// "blackhole" for every other host so the test never reaches the network.

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

var (
	suiteLocalHosts     = map[string]bool{"127.0.0.1": true, "localhost": true, "::1": true, "[::1]": true, "127.1": true, "0.0.0.0": true}
	suiteNoRewriteHosts = map[string]bool{"schema.getpostman.com": true, "schema.postman.com": true}
	suiteEchoHosts      = map[string]bool{"postman-echo.com": true, "echo.getpostman.com": true}

	// parity's lookarounds are checked by hand (RE2 has none): see subGuarded.
	suitePEScheme = regexp.MustCompile(`(?i)https?://(?:postman-echo\.com|echo\.getpostman\.com)`)
	suitePEUser   = regexp.MustCompile(`(?i)https?://([^/\s"'{}]*@)(?:postman-echo\.com|echo\.getpostman\.com)`)
	suitePEBare   = regexp.MustCompile(`(?i)(?:postman-echo\.com|echo\.getpostman\.com)`)
	suiteLocal    = regexp.MustCompile(`(localhost|127\.0\.0\.1|127\.1):(\d+)`)
	suiteAbsHost  = regexp.MustCompile(`(?i)\b(https?)://([A-Za-z0-9][A-Za-z0-9.-]*)(:\d+)?`)
	suiteVarHost  = regexp.MustCompile(`^\{\{([^{}]+)\}\}$`)
)

func isWordByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}

// notHostEnd is parity's (?![\w.-]).
func notHostEnd(b byte) bool { return isWordByte(b) || b == '.' || b == '-' }

// subGuarded replaces the matches of re in s whose preceding byte is not
// refused by before and whose end (possibly extended by ext) is not followed
// by a byte refused by after. repl gets the submatch indexes and the end.
func subGuarded(s string, re *regexp.Regexp, before, after func(byte) bool, ext func(s string, end int) []int,
	repl func(s string, m []int, end int) string) string {
	var b strings.Builder
	last := 0
	for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
		if before != nil && m[0] > 0 && before(s[m[0]-1]) {
			continue
		}
		ends := []int{m[1]}
		if ext != nil {
			ends = append(ext(s, m[1]), m[1]) // longest first, as a regex would backtrack
		}
		end := -1
		for _, e := range ends {
			if after == nil || e >= len(s) || !after(s[e]) {
				end = e
				break
			}
		}
		if end < 0 {
			continue
		}
		b.WriteString(s[last:m[0]])
		b.WriteString(repl(s, m, end))
		last = end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// echoPort extends a postman-echo match over an explicit :80 or :443.
func echoPort(s string, end int) []int {
	for _, p := range []string{":443", ":80"} {
		if strings.HasPrefix(s[end:], p) {
			return []int{end + len(p)}
		}
	}
	return nil
}

// suiteRewriter is parity's Rewriter for one collection, with every request
// URL to a host that is neither postman-echo nor one of our local servers sent
// to blackhole (Newman's recorded run had no network: those requests failed).
type suiteRewriter struct {
	echo, echoHost, echoPort string
	rawPort, redirectPort    string
	blackhole, blackholeHost string
	blackholePort            string
	ownPorts                 map[string]bool
	httpsVars                map[string]bool
}

func newSuiteRewriter(echo, raw, redirect, blackhole string) *suiteRewriter {
	rw := &suiteRewriter{echo: echo, blackhole: blackhole, httpsVars: map[string]bool{}}
	rw.echoHost, rw.echoPort = splitHostPort(echo)
	_, rw.rawPort = splitHostPort(raw)
	_, rw.redirectPort = splitHostPort(redirect)
	rw.blackholeHost, rw.blackholePort = splitHostPort(blackhole)
	rw.ownPorts = map[string]bool{rw.echoPort: true, rw.rawPort: true, rw.redirectPort: true, rw.blackholePort: true}
	return rw
}

func splitHostPort(addr string) (string, string) {
	i := strings.LastIndexByte(addr, ':')
	return addr[:i], addr[i+1:]
}

// text applies parity's string rules.
func (rw *suiteRewriter) text(s string) string {
	s = subGuarded(s, suitePEScheme, nil, notHostEnd, echoPort, func(string, []int, int) string { return "http://" + rw.echo })
	s = subGuarded(s, suitePEUser, nil, notHostEnd, echoPort, func(s string, m []int, _ int) string {
		return "http://" + s[m[2]:m[3]] + rw.echo
	})
	s = subGuarded(s, suitePEBare, func(b byte) bool { return notHostEnd(b) || b == '/' || b == '@' }, notHostEnd, echoPort,
		func(string, []int, int) string { return rw.echo })
	s = subGuarded(s, suiteLocal, notHostEnd, func(b byte) bool { return b >= '0' && b <= '9' }, nil,
		func(s string, m []int, _ int) string {
			host, port := s[m[2]:m[3]], s[m[4]:m[5]]
			switch {
			case port == "4041":
				return host + ":" + rw.rawPort
			case port == "4042":
				return host + ":" + rw.redirectPort
			case port == "18080" && host != "127.1":
				return rw.echo
			}
			return s[m[0]:m[1]]
		})
	for name := range rw.httpsVars {
		s = strings.ReplaceAll(s, "https://{{"+name+"}}", "http://{{"+name+"}}")
	}
	return s
}

// requestURL sends absolute URLs to hosts other than ours to the blackhole.
func (rw *suiteRewriter) requestURL(s string) string {
	return suiteAbsHost.ReplaceAllStringFunc(s, func(m string) string {
		sm := suiteAbsHost.FindStringSubmatch(m)
		host, port := strings.ToLower(sm[2]), strings.TrimPrefix(sm[3], ":")
		if suiteNoRewriteHosts[host] || suiteLocalHosts[host] && rw.ownPorts[port] {
			return m
		}
		return "http://" + rw.blackhole
	})
}

func setHost(u map[string]any, list bool, host string) {
	if list {
		var parts []any
		for _, p := range strings.Split(host, ".") {
			parts = append(parts, p)
		}
		u["host"] = parts
		return
	}
	u["host"] = host
}

// urlObj fixes a structured URL, whose fields beat "raw".
func (rw *suiteRewriter) urlObj(u map[string]any) {
	var hs string
	list := false
	switch h := u["host"].(type) {
	case []any:
		list = true
		var parts []string
		for _, p := range h {
			if p != nil {
				parts = append(parts, fmt.Sprint(p))
			}
		}
		hs = strings.Join(parts, ".")
	case string:
		hs = h
	default:
		return
	}
	port := ""
	if p, ok := u["port"]; ok && p != nil {
		port = fmt.Sprint(p)
	}
	proto, protoIsString := u["protocol"].(string)
	low := strings.ToLower(hs)
	plainProto := protoIsString && (strings.TrimRight(strings.ToLower(proto), ":/") == "http" || strings.TrimRight(strings.ToLower(proto), ":/") == "https")
	switch {
	case suiteEchoHosts[low]:
		setHost(u, list, rw.echoHost)
		u["port"] = rw.echoPort
		if plainProto {
			u["protocol"] = "http"
		}
	case !strings.Contains(hs, "{{") && low != "" && !suiteLocalHosts[low] && !suiteNoRewriteHosts[low] &&
		strings.Contains(low, ".") && !strings.Contains(proto, "{{"):
		setHost(u, list, rw.blackholeHost)
		u["port"] = rw.blackholePort
		if plainProto {
			u["protocol"] = "http"
		}
	case low == "localhost" || low == "127.0.0.1" || low == "127.1":
		switch {
		case port == "4041":
			u["port"] = rw.rawPort
		case port == "4042":
			u["port"] = rw.redirectPort
		case port == "18080":
			setHost(u, list, rw.echoHost)
			u["port"] = rw.echoPort
		case !rw.ownPorts[port]:
			u["port"] = rw.blackholePort
		}
	default:
		if m := suiteVarHost.FindStringSubmatch(hs); m != nil && rw.httpsVars[m[1]] && proto == "https" {
			u["protocol"] = "http"
		}
	}
}

func isURLObj(m map[string]any) bool {
	if _, ok := m["host"]; !ok {
		return false
	}
	for _, k := range []string{"raw", "path", "protocol", "port"} {
		if _, ok := m[k]; ok {
			return true
		}
	}
	return false
}

// walk rewrites every string of a decoded JSON document; key is the field the
// node sits under ("url" and a URL object's "raw" are request URLs).
func (rw *suiteRewriter) walk(node any, key string) any {
	switch n := node.(type) {
	case map[string]any:
		for k, v := range n {
			n[k] = rw.walk(v, k)
		}
		if isURLObj(n) || key == "url" {
			if raw, ok := n["raw"].(string); ok {
				n["raw"] = rw.requestURL(raw)
			}
		}
		if isURLObj(n) {
			rw.urlObj(n)
		}
		return n
	case []any:
		for i, v := range n {
			n[i] = rw.walk(v, key)
		}
		return n
	case string:
		if key == "schema" {
			return n
		}
		s := rw.text(n)
		if key == "url" {
			s = rw.requestURL(s)
		}
		return s
	}
	return node
}

// noteHTTPSVars records variables whose value is a bare host rewritten to the
// echo server: "https://{{v}}" must then become "http://{{v}}".
func (rw *suiteRewriter) noteHTTPSVars(docs []any) {
	var visit func(any)
	visit = func(node any) {
		switch n := node.(type) {
		case map[string]any:
			k, kok := n["key"].(string)
			v, vok := n["value"].(string)
			if kok && vok && strings.TrimSpace(v) == rw.echo {
				rw.httpsVars[k] = true
			}
			for _, x := range n {
				visit(x)
			}
		case []any:
			for _, x := range n {
				visit(x)
			}
		}
	}
	for _, d := range docs {
		visit(d)
	}
}

// Text encodings corpus files come in; a rewritten file keeps its own.
const (
	encUTF8 = iota
	encUTF8BOM
	encUTF16
)

func decodeText(b []byte) (string, int) {
	switch {
	case bytes.HasPrefix(b, []byte{0xef, 0xbb, 0xbf}):
		return string(b[3:]), encUTF8BOM
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}), bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		var order binary.ByteOrder = binary.LittleEndian
		if b[0] == 0xfe {
			order = binary.BigEndian
		}
		u := make([]uint16, 0, len(b)/2)
		for i := 2; i+1 < len(b); i += 2 {
			u = append(u, order.Uint16(b[i:]))
		}
		return string(utf16.Decode(u)), encUTF16
	}
	return string(b), encUTF8
}

func encodeText(s string, enc int) []byte {
	switch enc {
	case encUTF8BOM:
		return append([]byte{0xef, 0xbb, 0xbf}, s...)
	case encUTF16:
		out := []byte{0xff, 0xfe}
		for _, u := range utf16.Encode([]rune(s)) {
			out = binary.LittleEndian.AppendUint16(out, u)
		}
		return out
	}
	return []byte(s)
}

func decodeJSONDoc(text string) (any, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

func loadJSONDoc(path string) (any, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	text, _ := decodeText(b)
	return decodeJSONDoc(text)
}

func marshalDoc(v any) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return ""
	}
	return buf.String()
}

// rewriteJSONFile copies src to dst through the rewriter; an unparseable or
// untouched file is copied byte for byte. It returns the (rewritten) document.
func rewriteJSONFile(src, dst string, rw *suiteRewriter) (any, error) {
	b, err := os.ReadFile(src)
	if err != nil {
		return nil, err
	}
	text, enc := decodeText(b)
	doc, err := decodeJSONDoc(text)
	if err != nil || !utf8.ValidString(text) {
		return nil, os.WriteFile(dst, b, 0o644)
	}
	before := marshalDoc(doc)
	doc = rw.walk(doc, "")
	after := marshalDoc(doc)
	if after == before {
		return doc, os.WriteFile(dst, b, 0o644)
	}
	return doc, os.WriteFile(dst, encodeText(after, enc), 0o644)
}

// useCompanion copies a suite collection's companion file of kind
// (environment, globals or data) into dir through the rewriter and points
// o at the copy, as Newman's suite passes it with -e, -g or -d.
func useCompanion(o *Options, kind, src, dir string, rw *suiteRewriter) error {
	cp := filepath.Join(dir, kind+filepath.Ext(src))
	var err error
	if strings.HasSuffix(src, ".json") {
		_, err = rewriteJSONFile(src, cp, rw)
	} else {
		err = rewriteTextFile(src, cp, rw)
	}
	if err != nil {
		return fmt.Errorf("copying %s: %w", src, err)
	}
	switch kind {
	case "environment":
		o.Environment = cp
	case "globals":
		o.Globals = cp
	case "data":
		o.IterationData = cp
	}
	return nil
}

func rewriteTextFile(src, dst string, rw *suiteRewriter) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	text, enc := decodeText(b)
	if out := rw.text(text); out != text {
		b = encodeText(out, enc)
	}
	return os.WriteFile(dst, b, 0o644)
}

func unwrapCollection(doc any) any {
	if m, ok := doc.(map[string]any); ok {
		if inner, ok := m["collection"].(map[string]any); ok {
			if _, hasItem := m["item"]; !hasItem {
				return inner
			}
		}
	}
	return doc
}

// uploadSources lists the relative files form-data and file bodies upload.
func uploadSources(doc any) []string {
	set := map[string]bool{}
	var visit func(any)
	visit = func(node any) {
		switch n := node.(type) {
		case map[string]any:
			if n["type"] == "file" {
				switch src := n["src"].(type) {
				case string:
					set[src] = src != ""
				case []any:
					for _, s := range src {
						if s, ok := s.(string); ok && s != "" {
							set[s] = true
						}
					}
				}
			}
			if n["mode"] == "file" {
				if f, ok := n["file"].(map[string]any); ok {
					if s, ok := f["src"].(string); ok && s != "" {
						set[s] = true
					}
				}
			}
			for _, v := range n {
				visit(v)
			}
		case []any:
			for _, v := range n {
				visit(v)
			}
		}
	}
	visit(doc)
	var out []string
	for s, ok := range set {
		if ok {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

func trimDotSlash(s string) string {
	s = strings.ReplaceAll(s, `\`, "/")
	for strings.HasPrefix(s, "./") {
		s = s[2:]
	}
	return s
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// findUpload finds an upload in the flattened corpus: beside the collection,
// with "/" turned into "__", or by its base name.
func findUpload(src, collDir string) string {
	rel := trimDotSlash(src)
	if filepath.IsAbs(rel) {
		return ""
	}
	for _, c := range []string{filepath.Join(collDir, rel), filepath.Join(collDir, strings.ReplaceAll(rel, "/", "__")),
		filepath.Join(collDir, filepath.Base(rel))} {
		if isFile(c) {
			return c
		}
	}
	return ""
}

func TestSuiteRewriterText(t *testing.T) {
	t.Parallel()
	rw := newSuiteRewriter("127.0.0.1:5000", "127.0.0.1:5001", "127.0.0.1:5002", "127.0.0.1:5003")
	tests := []struct{ in, want string }{
		{"https://postman-echo.com/get", "http://127.0.0.1:5000/get"},
		{"HTTP://Postman-Echo.com:443/x", "http://127.0.0.1:5000/x"},
		{"https://postman-echo.com:8080/x", "http://127.0.0.1:5000:8080/x"},
		{"https://us@r:p@ss@postman-echo.com/get", "http://us@r:p@ss@127.0.0.1:5000/get"},
		{`pm.variables.set("h", "postman-echo.com")`, `pm.variables.set("h", "127.0.0.1:5000")`},
		{"postman-echo.community", "postman-echo.community"},
		{"x.postman-echo.com", "x.postman-echo.com"},
		{`https:\\postman-echo.com/get`, `https:\\127.0.0.1:5000/get`},
		{"http://localhost:4041/a", "http://localhost:5001/a"},
		{"127.1:4041", "127.1:5001"},
		{"127.0.0.1:40415", "127.0.0.1:40415"},
		{"http://localhost:4042/2", "http://localhost:5002/2"},
		{"localhost:18080/get", "127.0.0.1:5000/get"},
		{"no hosts here", "no hosts here"},
	}
	for _, tt := range tests {
		if got := rw.text(tt.in); got != tt.want {
			t.Errorf("text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSuiteRewriterRequestURLs(t *testing.T) {
	t.Parallel()
	rw := newSuiteRewriter("127.0.0.1:5000", "127.0.0.1:5001", "127.0.0.1:5002", "127.0.0.1:5003")
	doc, err := decodeJSONDoc(`{"item":[
		{"request":{"url":"https://123.random.z/get","description":"see https://example.com"}},
		{"request":{"url":{"raw":"  ","protocol":"https","host":["httpbin","org"],"path":["","get"]}}},
		{"request":{"url":{"raw":"https://postman-echo.com/get","protocol":"https","host":["postman-echo","com"],"path":["get"]}}},
		{"request":{"url":"https://localhost:3000/"}},
		{"request":{"url":{"raw":"http://localhost:4041/x","host":["localhost"],"port":"4041"}}},
		{"request":{"url":"https://{{host}}/get"}}
	],"info":{"schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}}`)
	if err != nil {
		t.Fatal(err)
	}
	rw.httpsVars["host"] = true
	doc = rw.walk(doc, "")
	got := marshalDoc(doc)
	want, _ := decodeJSONDoc(`{"item":[
		{"request":{"url":"http://127.0.0.1:5003/get","description":"see https://example.com"}},
		{"request":{"url":{"raw":"  ","protocol":"http","host":["127","0","0","1"],"port":"5003","path":["","get"]}}},
		{"request":{"url":{"raw":"http://127.0.0.1:5000/get","protocol":"http","host":["127","0","0","1"],"port":"5000","path":["get"]}}},
		{"request":{"url":"http://127.0.0.1:5003/"}},
		{"request":{"url":{"raw":"http://localhost:5001/x","host":["localhost"],"port":"5001"}}},
		{"request":{"url":"http://{{host}}/get"}}
	],"info":{"schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}}`)
	if got != marshalDoc(want) {
		t.Errorf("rewritten collection:\n%s\nwant:\n%s", got, marshalDoc(want))
	}
}

func TestSuiteTextEncodings(t *testing.T) {
	t.Parallel()
	for _, enc := range []int{encUTF8, encUTF8BOM, encUTF16} {
		s := `{"a":"héllo 🍪"}`
		got, gotEnc := decodeText(encodeText(s, enc))
		if got != s || gotEnc != enc {
			t.Errorf("encoding %d: round trip gave %q (%d)", enc, got, gotEnc)
		}
	}
}
