package auth

import (
	"bytes"
	"crypto/md5"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/courier-run/courier/collections"
)

// send does what the runner does: apply auth, send, and resend once if the
// scheme's challenge handling asks for it. It returns the final response,
// its body, and how many requests went out.
func send(t *testing.T, req *http.Request, a *collections.Auth, body []byte) (*http.Response, string, int) {
	t.Helper()
	if err := Apply(req, a, body); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("sending: %v", err)
	}
	sent := 1
	retry, err := Challenge(req, a, resp, body)
	if err != nil {
		t.Fatalf("Challenge: %v", err)
	}
	if retry != nil {
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp, err = http.DefaultClient.Do(retry); err != nil {
			t.Fatalf("sending retry: %v", err)
		}
		sent++
		// A second challenge is never retried, as in Postman.
		if again, err := Challenge(retry, a, resp, body); err != nil || again != nil {
			t.Fatalf("second Challenge = %v, %v; want nil, nil", again, err)
		}
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("reading response: %v", err)
	}
	return resp, string(b), sent
}

// digestServer is an independent RFC 7616 verifier: it challenges requests
// without valid credentials and checks the response of the others.
type digestServer struct {
	user, pass, realm, qop, algorithm string
	hits                              atomic.Int32
}

func (d *digestServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	d.hits.Add(1)
	body, _ := io.ReadAll(r.Body)
	if err := d.verify(r, body); err != nil {
		ch := fmt.Sprintf(`Digest realm="%s", nonce="n0nce-%d", opaque="0paque"`, d.realm, d.hits.Load())
		if d.qop != "" {
			ch += fmt.Sprintf(`, qop="%s"`, d.qop)
		}
		if d.algorithm != "" {
			ch += ", algorithm=" + d.algorithm
		}
		w.Header().Add("WWW-Authenticate", `Basic realm="other"`)
		w.Header().Add("WWW-Authenticate", ch)
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, err)
		return
	}
	fmt.Fprint(w, "welcome")
}

func (d *digestServer) verify(r *http.Request, body []byte) error {
	h := r.Header.Get("Authorization")
	if !strings.HasPrefix(h, "Digest ") {
		return fmt.Errorf("no digest credentials")
	}
	f := map[string]string{}
	for _, part := range strings.Split(strings.TrimPrefix(h, "Digest "), ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		f[k] = strings.Trim(v, `"`)
	}
	var newHash func() hash.Hash = md5.New
	alg := f["algorithm"]
	if strings.HasPrefix(alg, "SHA-256") {
		newHash = sha256.New
	}
	if d.algorithm != "" && alg != d.algorithm {
		return fmt.Errorf("algorithm %q, want %q", alg, d.algorithm)
	}
	H := func(s string) string { x := newHash(); x.Write([]byte(s)); return hex.EncodeToString(x.Sum(nil)) }
	if !strings.HasPrefix(f["nonce"], "n0nce-") {
		return fmt.Errorf("nonce %q was never issued", f["nonce"])
	}
	if f["username"] != d.user || f["realm"] != d.realm || f["uri"] != r.URL.RequestURI() || f["opaque"] != "0paque" {
		return fmt.Errorf("bad fields %v", f)
	}
	ha1 := H(d.user + ":" + d.realm + ":" + d.pass)
	if strings.HasSuffix(alg, "-sess") {
		ha1 = H(ha1 + ":" + f["nonce"] + ":" + f["cnonce"])
	}
	a2 := r.Method + ":" + f["uri"]
	if f["qop"] == "auth-int" {
		a2 += ":" + H(string(body))
	}
	var want string
	if f["qop"] == "" {
		want = H(ha1 + ":" + f["nonce"] + ":" + H(a2))
	} else {
		if !strings.Contains(d.qop, f["qop"]) || f["nc"] == "" || f["cnonce"] == "" {
			return fmt.Errorf("bad qop fields %v", f)
		}
		want = H(strings.Join([]string{ha1, f["nonce"], f["nc"], f["cnonce"], f["qop"], H(a2)}, ":"))
	}
	if f["response"] != want {
		return fmt.Errorf("bad response %s", f["response"])
	}
	return nil
}

func TestDigestEndToEnd(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		server    *digestServer
		params    map[string]string
		method    string
		body      string
		wantCode  int
		wantSends int
	}{
		{
			name:   "md5 qop auth learned from challenge",
			server: &digestServer{user: "Mufasa", pass: "Circle Of Life", realm: "testrealm@host.com", qop: "auth"},
			params: map[string]string{"username": "Mufasa", "password": "Circle Of Life"},
			method: "GET", wantCode: 200, wantSends: 2,
		},
		{
			name:   "qop list picks auth",
			server: &digestServer{user: "u", pass: "p", realm: "r", qop: "auth,auth-int"},
			params: map[string]string{"username": "u", "password": "p", "algorithm": "MD5"},
			method: "GET", wantCode: 200, wantSends: 2,
		},
		{
			name:   "auth-int hashes the body",
			server: &digestServer{user: "u", pass: "p", realm: "r", qop: "auth-int"},
			params: map[string]string{"username": "u", "password": "p", "qop": "auth-int"},
			method: "POST", body: `{"x":1}`, wantCode: 200, wantSends: 2,
		},
		{
			name:   "sha-256-sess from the block",
			server: &digestServer{user: "u", pass: "p", realm: "r", qop: "auth"},
			params: map[string]string{"username": "u", "password": "p", "algorithm": "SHA-256-sess"},
			method: "PUT", body: "data", wantCode: 200, wantSends: 2,
		},
		{
			name:   "server algorithm used when the block has none",
			server: &digestServer{user: "u", pass: "p", realm: "r", qop: "auth", algorithm: "SHA-256"},
			params: map[string]string{"username": "u", "password": "p", "algorithm": ""},
			method: "GET", wantCode: 200, wantSends: 2,
		},
		{
			name:   "rfc2069 without qop",
			server: &digestServer{user: "u", pass: "p", realm: "r"},
			params: map[string]string{"username": "u", "password": "p"},
			method: "GET", wantCode: 200, wantSends: 2,
		},
		{
			name:   "wrong password is retried once only",
			server: &digestServer{user: "u", pass: "p", realm: "r", qop: "auth"},
			params: map[string]string{"username": "u", "password": "nope"},
			method: "GET", wantCode: 401, wantSends: 2,
		},
		{
			name:   "disableRetryRequest sends once",
			server: &digestServer{user: "u", pass: "p", realm: "r", qop: "auth"},
			params: map[string]string{"username": "u", "password": "p", "disableRetryRequest": "true"},
			method: "GET", wantCode: 401, wantSends: 1,
		},
		{
			name:   "block already holding realm and nonce is not retried",
			server: &digestServer{user: "u", pass: "p", realm: "r", qop: "auth"},
			params: map[string]string{"username": "u", "password": "p", "realm": "r", "nonce": "stale", "qop": "auth",
				"opaque": "0paque", "clientNonce": "abc", "nonceCount": "00000001"},
			method: "GET", wantCode: 401, wantSends: 1,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(tc.server)
			defer srv.Close()
			req := newRequest(t, tc.method, srv.URL+"/dir/index.html?a=1&b=two", tc.body)
			a := booleans(&collections.Auth{Type: "digest", Params: tc.params})
			resp, body, sends := send(t, req, a, []byte(tc.body))
			if resp.StatusCode != tc.wantCode {
				t.Errorf("status = %d (%s), want %d", resp.StatusCode, body, tc.wantCode)
			}
			if sends != tc.wantSends || int(tc.server.hits.Load()) != tc.wantSends {
				t.Errorf("sent %d, server saw %d, want %d", sends, tc.server.hits.Load(), tc.wantSends)
			}
		})
	}
}

func TestDigestChallengeLearnsParams(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(&digestServer{user: "u", pass: "p", realm: "r", qop: "auth"})
	defer srv.Close()
	a := &collections.Auth{Type: "digest", Params: map[string]string{"username": "u", "password": "p", "opaque": "mine"}}
	req := newRequest(t, "GET", srv.URL+"/", "")
	_, _, _ = send(t, req, a, nil)
	if a.Params["realm"] != "r" || a.Params["nonce"] != "n0nce-1" || a.Params["qop"] != "auth" || a.Params["nonceCount"] != "00000001" {
		t.Errorf("learned params = %v", a.Params)
	}
	if len(a.Params["clientNonce"]) != 8 {
		t.Errorf("clientNonce = %q, want 8 characters", a.Params["clientNonce"])
	}
	// A non-empty value from the block is never overwritten.
	if a.Params["opaque"] != "mine" {
		t.Errorf("opaque = %q, want the block's value kept", a.Params["opaque"])
	}
}

// echoAuthServer reports the credentials it received as "header|query".
func echoAuthServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "%s|%s|%s", r.Header.Get("Authorization"), r.Header.Get("X-Api-Key"), r.URL.RawQuery)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestSimpleSchemesEndToEnd(t *testing.T) {
	t.Parallel()
	srv := echoAuthServer(t)
	tests := []struct {
		name    string
		typ     string
		params  map[string]string
		query   string
		headers []string
		want    string
	}{
		{"basic", "basic", map[string]string{"username": "Aladdin", "password": "open sesame"}, "", nil,
			"Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==||"},
		{"basic empty still sends", "basic", map[string]string{}, "", nil, "Basic Og==||"},
		{"basic replaces user header", "basic", map[string]string{"username": "u", "password": ""}, "", []string{"authorization", "Token x"},
			"Basic " + base64.StdEncoding.EncodeToString([]byte("u:")) + "||"},
		{"bearer", "bearer", map[string]string{"token": "abc.def"}, "", nil, "Bearer abc.def||"},
		{"bearer without token leaves header", "bearer", map[string]string{"token": ""}, "", []string{"Authorization", "Custom 1"},
			"Custom 1||"},
		{"apikey header", "apikey", map[string]string{"key": "X-API-Key", "value": "s3cr3t"}, "", []string{"x-api-key", "old"},
			"|s3cr3t|"},
		{"apikey query replaces", "apikey", map[string]string{"key": "api key", "value": "a&b", "in": "query"}, "api%20key=old&z=1", nil,
			"||z=1&api%20key=a%26b"},
		{"apikey empty does nothing", "apikey", map[string]string{"in": "query"}, "q=1", nil, "||q=1"},
		{"oauth2 header default", "oauth2", map[string]string{"accessToken": "tok", "addTokenTo": "header", "tokenType": "Bearer"}, "", nil,
			"Bearer tok||"},
		{"oauth2 custom prefix", "oauth2", map[string]string{"accessToken": "tok", "headerPrefix": " Token "}, "", nil, "Token tok||"},
		{"oauth2 empty prefix", "oauth2", map[string]string{"accessToken": "tok", "headerPrefix": ""}, "", nil, "tok||"},
		{"oauth2 query", "oauth2", map[string]string{"accessToken": "t k", "addTokenTo": "queryParams"}, "access_token=old&x=1",
			[]string{"Authorization", "Basic zzz"}, "||x=1&access_token=t%20k"},
		{"oauth2 mac untouched", "oauth2", map[string]string{"accessToken": "tok", "tokenType": "mac"}, "", nil, "||"},
		{"oauth2 no token", "oauth2", map[string]string{"addTokenTo": "header"}, "", []string{"Authorization", "Keep"}, "Keep||"},
		{"noauth", "noauth", nil, "", []string{"Authorization", "Mine"}, "Mine||"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			u := srv.URL + "/x"
			if tc.query != "" {
				u += "?" + tc.query
			}
			req := newRequest(t, "GET", u, "", tc.headers...)
			resp, body, _ := send(t, req, booleans(&collections.Auth{Type: tc.typ, Params: tc.params}), nil)
			if resp.StatusCode != 200 || body != tc.want {
				t.Errorf("got %d %q, want %q", resp.StatusCode, body, tc.want)
			}
		})
	}
}

// TestOAuth1BodyEndToEnd checks the urlencoded body a server receives
// carries the signature and still parses.
func TestOAuth1BodyEndToEnd(t *testing.T) {
	t.Parallel()
	var got atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			http.Error(w, err.Error(), 400)
			return
		}
		got.Store(map[string][]string(r.PostForm))
	}))
	defer srv.Close()
	body := []byte("status=a+b&n=1")
	req := newRequest(t, "POST", srv.URL+"/u", string(body), "Content-Type", "application/x-www-form-urlencoded")
	resp, _, _ := send(t, req, booleans(&collections.Auth{Type: "oauth1", Params: with(twitterOAuth1)}), body)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	form, _ := got.Load().(map[string][]string)
	if form["status"][0] != "a b" || form["oauth_signature_method"][0] != "HMAC-SHA1" || form["oauth_signature"][0] == "" {
		t.Errorf("form = %v", form)
	}
}

func TestChallengeIgnoresOtherSchemes(t *testing.T) {
	t.Parallel()
	req := newRequest(t, "GET", "http://127.0.0.1/", "")
	resp := &http.Response{StatusCode: 401, Header: http.Header{"Www-Authenticate": {`Digest realm="r", nonce="n"`}}}
	for _, a := range []*collections.Auth{nil, {Type: "basic"}, {Type: "bearer", Params: map[string]string{"token": "x"}}} {
		if r, err := Challenge(req, a, resp, nil); r != nil || err != nil {
			t.Errorf("Challenge(%v) = %v, %v; want nil, nil", a, r, err)
		}
	}
	// A digest block facing a non-digest challenge or a success is not retried.
	a := &collections.Auth{Type: "digest", Params: map[string]string{"username": "u"}}
	for _, r := range []*http.Response{
		{StatusCode: 401, Header: http.Header{"Www-Authenticate": {`Basic realm="r"`}}},
		{StatusCode: 200, Header: http.Header{}},
		{StatusCode: 500, Header: http.Header{"Www-Authenticate": {`Digest realm="r", nonce="n"`}}},
	} {
		if got, err := Challenge(req, a, r, nil); got != nil || err != nil {
			t.Errorf("Challenge(status %d) = %v, %v; want nil, nil", r.StatusCode, got, err)
		}
	}
	// 403 with a digest challenge counts, as in Postman.
	r403 := &http.Response{StatusCode: 403, Header: http.Header{"Www-Authenticate": {`digest realm="r", nonce="n"`}}}
	retry, err := Challenge(req, a, r403, []byte("b"))
	if err != nil || retry == nil {
		t.Fatalf("Challenge(403) = %v, %v; want a retry", retry, err)
	}
	if !strings.HasPrefix(retry.Header.Get("Authorization"), `Digest username="u", realm="r", nonce="n"`) {
		t.Errorf("retry Authorization = %q", retry.Header.Get("Authorization"))
	}
	if b, _ := io.ReadAll(retry.Body); !bytes.Equal(b, []byte("b")) {
		t.Errorf("retry body = %q", b)
	}
	if req.Header.Get("Authorization") != "" {
		t.Errorf("original request was modified")
	}
}
