package runner

import (
	"math"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/courier-run/courier/collections"
)

func TestBodyMode(t *testing.T) {
	t.Parallel()
	tests := []struct {
		body *collections.Body
		want string
	}{
		{nil, ""},
		{&collections.Body{Mode: collections.BodyRaw}, collections.BodyRaw},
		{&collections.Body{Mode: collections.BodyRaw, Language: "json"}, "raw+language"},
		{&collections.Body{Mode: collections.BodyGraphQL, Language: "json"}, collections.BodyGraphQL},
		{&collections.Body{Mode: collections.BodyFile}, collections.BodyFile},
	}
	for _, tc := range tests {
		if got := bodyMode(tc.body); got != tc.want {
			t.Errorf("bodyMode(%+v) = %q, want %q", tc.body, got, tc.want)
		}
	}
}

// The Content-Type a body implies goes out only when the request has none
// and does not disable it, except for forms, whose writer always sets it.
func TestSetBodyType(t *testing.T) {
	t.Parallel()
	raw := &collections.Body{Mode: collections.BodyRaw}
	form := &collections.Body{Mode: collections.BodyURLEncoded}
	multipart := &collections.Body{Mode: collections.BodyFormData}
	tests := []struct {
		name     string
		own      string // the request's Content-Type row, "" for none
		body     *collections.Body
		built    *builtBody
		data     []byte
		disabled bool
		// added is what setBodyType returns; sent the Content-Type field
		// afterwards (key: value), "" for none.
		added, sent string
	}{
		{"raw body gets its type", "", raw, &builtBody{contentType: "text/plain"}, []byte("x"), false, "text/plain", "Content-Type: text/plain"},
		{"no body sent (pruned)", "", raw, &builtBody{contentType: "text/plain"}, nil, false, "", ""},
		{"no body at all", "", nil, nil, nil, false, "", ""},
		{"empty raw body gets no type", "", raw, &builtBody{contentType: "text/plain"}, []byte{}, false, "", ""},
		{"empty form still gets its type", "", form, &builtBody{contentType: "application/x-www-form-urlencoded"}, []byte{}, false, "application/x-www-form-urlencoded", "Content-Type: application/x-www-form-urlencoded"},
		{"mode without a type", "", raw, &builtBody{}, []byte("x"), false, "", ""},
		// The wire leaves it out (wireOrder.block); scripts see it disabled.
		{"disabled in the settings is still set", "", raw, &builtBody{contentType: "text/plain"}, []byte("x"), true, "text/plain", "Content-Type: text/plain"},
		{"the request's own type stays", "application/xml", raw, &builtBody{contentType: "text/plain"}, []byte("x"), false, "", "content-type: application/xml"},
		{"a form's row gets the writer's type", "text/x", form, &builtBody{contentType: "application/x-www-form-urlencoded"}, []byte("a=1"), false, "", "content-type: application/x-www-form-urlencoded"},
		{"a multipart row gets the boundary", "multipart/form-data", multipart, &builtBody{contentType: "multipart/form-data; boundary=b"}, []byte("--b--"), false, "", "content-type: multipart/form-data; boundary=b"},
		// allowContentTypeOverride (fresh-round10n-a).
		{"a form's own type stands when the type is disabled", "multipart/form-data", multipart, &builtBody{contentType: "multipart/form-data; boundary=b"}, []byte("--b--"), true, "", "content-type: multipart/form-data"},
	}
	for _, tc := range tests {
		h := http.Header{}
		if tc.own != "" {
			h["content-type"] = []string{tc.own}
		}
		got := setBodyType(h, tc.body, tc.built, tc.data, map[string]bool{"content-type": tc.disabled}, false)
		sent := ""
		if k := headerKey(h, "Content-Type"); k != "" {
			sent = k + ": " + h[k][0]
		}
		if got != tc.added || sent != tc.sent {
			t.Errorf("%s: added %q, sent %q; want %q, %q", tc.name, got, sent, tc.added, tc.sent)
		}
	}
}

// The runtime's own headers, in its order, skip those the request gives
// (any letter case) or disables; Host keeps the place a Host row gave it.
func TestAddRuntimeHeaders(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		keys     []string // the order so far (the request's rows)
		own      http.Header
		disabled map[string]bool
		want     []string
	}{
		{"none of the request's", nil, http.Header{}, nil,
			[]string{"User-Agent", "Accept", "Cache-Control", "Postman-Token", "Host", "Accept-Encoding", "Connection"}},
		{"own rows are not repeated", []string{"accept", "Host"}, http.Header{"accept": {"x"}, "USER-AGENT": {"me"}}, nil,
			[]string{"accept", "Host", "Cache-Control", "Postman-Token", "Accept-Encoding", "Connection"}},
		{"disabled ones are left out", nil, http.Header{}, map[string]bool{"user-agent": true, "postman-token": true, "connection": true, "host": true},
			[]string{"Accept", "Cache-Control", "Host", "Accept-Encoding"}},
	}
	for _, tc := range tests {
		order := wireOrder{keys: tc.keys}
		addRuntimeHeaders(tc.own, &order, tc.disabled, "agent/1", nil)
		if !reflect.DeepEqual(order.keys, tc.want) {
			t.Errorf("%s: order %q, want %q", tc.name, order.keys, tc.want)
		}
		if ua := tc.own[headerKey(tc.own, "User-Agent")]; !tc.disabled["user-agent"] && (len(ua) != 1 || ua[0] != "agent/1" && ua[0] != "me") {
			t.Errorf("%s: User-Agent %q", tc.name, ua)
		}
		if tok := tc.own.Get("Postman-Token"); !tc.disabled["postman-token"] && len(tok) != 36 {
			t.Errorf("%s: Postman-Token %q is no UUID", tc.name, tok)
		}
	}
}

// The order of the fields around the runtime's: the body's type around the
// auth slot, the hidden form type and URL credentials, the lengths and the
// cookie.
func TestBodyTypeLengthAndCookiePlaces(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, method, contentType, mode, userinfo string
		own                                       http.Header // the request's rows
		data                                      []byte
		want                                      []string // "|" is the auth slot
		hidden                                    []string
	}{
		{"raw with a language: type before auth", "POST", "application/json", "raw+language", "", http.Header{}, []byte("{}"),
			[]string{"Content-Type", "|", "RUNTIME", "Content-Length", "Cookie"}, nil},
		{"plain raw: type after auth", "POST", "text/plain", collections.BodyRaw, "", http.Header{}, []byte("x"),
			[]string{"|", "Content-Type", "RUNTIME", "Content-Length", "Cookie"}, nil},
		{"form: type below the runtime, hidden", "POST", "application/x-www-form-urlencoded", collections.BodyURLEncoded, "", http.Header{}, []byte("a=1"),
			[]string{"|", "RUNTIME", "Content-Type", "Content-Length", "Cookie"}, []string{"content-type"}},
		{"file: the cookie, then the length, then the type", "POST", "application/octet-stream", collections.BodyFile, "", http.Header{}, []byte("x"),
			[]string{"|", "RUNTIME", "Cookie", "Content-Length", "Content-Type"}, []string{"content-type"}},
		{"multipart: the cookie before the length", "POST", "multipart/form-data; boundary=b", collections.BodyFormData, "", http.Header{}, []byte("--b--"),
			[]string{"|", "RUNTIME", "Content-Type", "Cookie", "Content-Length"}, []string{"content-type"}},
		{"empty multipart: the cookie, then length 0", "POST", "", collections.BodyFormData, "", http.Header{}, nil,
			[]string{"|", "RUNTIME", "Cookie", "Content-Length"}, nil},
		{"URL credentials, hidden", "GET", "", "", "Basic dTpw", http.Header{}, nil,
			[]string{"|", "RUNTIME", "Authorization", "Cookie"}, []string{"authorization"}},
		{"the request's Authorization wins over URL credentials", "GET", "", "", "Basic dTpw", http.Header{"authorization": {"Bearer t"}}, nil,
			[]string{"|", "RUNTIME", "Cookie"}, nil},
		{"bodiless POST: length 0 last", "POST", "", "", "", http.Header{}, nil,
			[]string{"|", "RUNTIME", "Cookie", "Content-Length"}, nil},
		{"bodiless GET: no length", "GET", "", "", "", http.Header{}, nil,
			[]string{"|", "RUNTIME", "Cookie"}, nil},
		{"own length row: none added", "PUT", "", "", "", http.Header{"content-length": {"0"}}, nil,
			[]string{"|", "RUNTIME", "Cookie"}, nil},
	}
	for _, tc := range tests {
		var order wireOrder
		order.placeBodyType(tc.contentType, tc.mode)
		order.add("RUNTIME")
		hidden := addHiddenHeaders(tc.own, &order, tc.contentType, tc.userinfo)
		order.placeLengthAndCookie(tc.own, tc.contentType, tc.mode, tc.data, !noBodyMethods[strings.ToUpper(tc.method)])
		var got []string
		for i, k := range order.keys {
			if i == order.authAt {
				got = append(got, "|")
			}
			got = append(got, k)
		}
		var gotHidden []string
		for _, k := range []string{"content-type", "authorization"} {
			if hidden[k] {
				gotHidden = append(gotHidden, k)
			}
		}
		if !reflect.DeepEqual(got, tc.want) || !reflect.DeepEqual(gotHidden, tc.hidden) {
			t.Errorf("%s: order %q hidden %q, want %q %q", tc.name, got, gotHidden, tc.want, tc.hidden)
		}
		if tc.userinfo != "" && headerKey(tc.own, "Authorization") == "" {
			t.Errorf("%s: no Authorization set", tc.name)
		}
	}
}

// TestDisabledHeadersAsTheRuntimeReadsThem: disabledSystemHeaders' keys are
// looked up by exact lower-case name and any truthy value disables
// (Newman 6.2.2, fresh-round10n-a).
func TestDisabledHeadersAsTheRuntimeReadsThem(t *testing.T) {
	t.Parallel()
	b := behavior{"disabledSystemHeaders": map[string]any{
		"accept": true, "user-agent": float64(1), "connection": "false", "host": "yes",
		"cache-control": false, "postman-token": float64(0), "content-type": nil, "accept-encoding": "",
		"Content-Length": true,
	}}
	got := b.disabledHeaders()
	want := map[string]bool{"accept": true, "user-agent": true, "connection": true, "host": true, "Content-Length": true}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for k := range want {
		if !got[k] {
			t.Errorf("%s not disabled", k)
		}
	}
	if got["content-length"] {
		t.Error("a title-case key disabled the lower-case header")
	}
	if n := len(behavior{"disabledSystemHeaders": []any{"accept"}}.disabledHeaders()); n != 0 {
		t.Errorf("a list disabled %d headers", n)
	}
}

// TestJSRedirectLimit: maxRedirects as postman-request compares it
// (redirectsFollowed >= value), recorded in fresh-round10n-e.
func TestJSRedirectLimit(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		v    any
		want int
	}{
		{float64(2), 2}, {"2", 2}, {" 3 ", 3}, {"", 0}, {nil, 0}, {true, 1}, {false, 0},
		{float64(1.5), 2}, {float64(-1), -1}, {"abc", math.MaxInt}, {map[string]any{}, math.MaxInt},
	} {
		if got := jsRedirectLimit(c.v); got != c.want {
			t.Errorf("jsRedirectLimit(%#v) = %d, want %d", c.v, got, c.want)
		}
	}
}

// TestBooleanOptionWords: Node's ERR_INVALID_ARG_TYPE for a non-boolean
// insecureHTTPParser, in its words (fresh-round10n-e for the first four).
func TestBooleanOptionWords(t *testing.T) {
	t.Parallel()
	for v, want := range map[any]string{
		"false":                         "Received type string ('false')",
		float64(1):                      "Received type number (1)",
		"a value long enough to be cut": "Received type string ('a value long enough to b...)",
		float64(0.5):                    "Received type number (0.5)",
	} {
		err := booleanOption(behavior{"insecureHTTPParser": v}, "insecureHTTPParser")
		if err == nil || !strings.HasSuffix(err.Error(), want) {
			t.Errorf("%#v: %v, want ...%s", v, err, want)
		}
	}
	if err := booleanOption(behavior{"insecureHTTPParser": nil}, "insecureHTTPParser"); err == nil || !strings.HasSuffix(err.Error(), "Received null") {
		t.Errorf("null: %v", err)
	}
	for _, b := range []behavior{{}, {"insecureHTTPParser": true}, {"insecureHTTPParser": false}} {
		if err := booleanOption(b, "insecureHTTPParser"); err != nil {
			t.Errorf("%v: %v", b, err)
		}
	}
}

// TestWireHostIPv6: IPv6 literals go out as the WHATWG serializer writes
// them, as Node sends them (fresh-round10n-g).
func TestWireHostIPv6(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"[::1]":                    "[::1]",
		"[0:0:0:0:0:0:0:1]":        "[::1]",
		"[::FFFF:7F00:1]":          "[::ffff:7f00:1]",
		"[::ffff:127.0.0.1]":       "[::ffff:7f00:1]",
		"[2001:db8:0:0:1:0:0:1]":   "[2001:db8::1:0:0:1]",
		"[2001:0db8:0000:0000::1]": "[2001:db8::1]",
		"[1:0:0:2:0:0:0:3]":        "[1:0:0:2::3]",
		"[1:2:3:4:5:6:7:8]":        "[1:2:3:4:5:6:7:8]",
		"[1:0:3:4:5:6:7:8]":        "[1:0:3:4:5:6:7:8]",
		"[not an address]":         "[not an address]",
	} {
		if got := wireHost([]string{in}, ""); got != want {
			t.Errorf("wireHost(%q) = %q, want %q", in, got, want)
		}
	}
}

// Response headers are listed as postman-runtime's arrayPairsToObject
// leaves them: grouped by exact spelling at the first place, array-index
// names first in numeric order (fresh-round12c-e.json recorded Newman's).
func TestGroupedAsObject(t *testing.T) {
	t.Parallel()
	hs := func(kv ...string) []collections.Header {
		var out []collections.Header
		for i := 0; i+1 < len(kv); i += 2 {
			out = append(out, collections.Header{Key: kv[i], Value: kv[i+1]})
		}
		return out
	}
	tests := []struct {
		name     string
		in, want []collections.Header
	}{
		{"as it came", hs("A", "1", "B", "2", "B", "3"), hs("A", "1", "B", "2", "B", "3")},
		{"a repeat joins its first place", hs("X-R", "1", "x-r", "2", "X-R", "3"), hs("X-R", "1", "X-R", "3", "x-r", "2")},
		{"array indices first", hs("Z", "z", "200", "a", "10", "b", "007", "c", "4294967295", "d", "10", "e"),
			hs("10", "b", "10", "e", "200", "a", "Z", "z", "007", "c", "4294967295", "d")},
		{"nothing", nil, nil},
	}
	for _, tc := range tests {
		if got := groupedAsObject(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

// A Location's bytes are read as Latin-1 characters, as Node reads header
// values, before they are percent-encoded.
func TestLatin1Text(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"/a b": "/a b", "/\xe9": "/é", "/\xc3\xa9": "/Ã©"} {
		if got := latin1Text(in); got != want {
			t.Errorf("latin1Text(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestArrayIndexAllocatesNothing: every response's header names are
// checked (wireResponseHeaders), and strconv's error for a name that is
// not a number allocated once per name, and again per comparison when the
// names are sorted.
func TestArrayIndexAllocatesNothing(t *testing.T) {
	for _, tc := range []struct {
		k    string
		want bool
	}{{"0", true}, {"200", true}, {"4294967294", true}, {"4294967295", false}, {"9999999999", false},
		{"007", false}, {"", false}, {"Content-Type", false}, {"1a", false}, {"+1", false}, {"-1", false}, {"12345678901", false}} {
		if got := arrayIndex(tc.k); got != tc.want {
			t.Errorf("arrayIndex(%q) = %v, want %v", tc.k, got, tc.want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { arrayIndex("Content-Type"); arrayIndex("X-1") }); n != 0 {
		t.Errorf("arrayIndex allocates %v times for names that are not numbers", n)
	}
}

// TestNodeRawHeaderFields: how many fields Node 20's IncomingMessage keeps
// in rawHeaders (checked with node: 1,000 fields and Content-Length keep
// 1,001; 1,023 or more keep 1,023).
func TestNodeRawHeaderFields(t *testing.T) {
	t.Parallel()
	for n, want := range map[int]int{0: 0, 1: 1, 31: 31, 32: 32, 999: 999, 1001: 1001, 1023: 1023, 1024: 1023, 1101: 1023, 2101: 1023} {
		if got := nodeRawHeaderFields(n); got != want {
			t.Errorf("nodeRawHeaderFields(%d) = %d, want %d", n, got, want)
		}
	}
}
