package auth

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/internal/testenv"
)

func TestInherit(t *testing.T) {
	t.Parallel()
	basic := &collections.Auth{Type: "basic"}
	bearer := &collections.Auth{Type: "bearer"}
	noauth := &collections.Auth{Type: "noauth"}
	inherit := &collections.Auth{Type: "inherit"}
	tests := []struct {
		name  string
		chain []*collections.Auth
		want  *collections.Auth
	}{
		{"empty", nil, nil},
		{"all nil", []*collections.Auth{nil, nil}, nil},
		{"request wins", []*collections.Auth{bearer, basic}, bearer},
		{"nil request inherits folder", []*collections.Auth{nil, basic, bearer}, basic},
		{"inherit type stops, as Postman has no handler for it", []*collections.Auth{inherit, nil, bearer}, inherit},
		{"empty type inherits", []*collections.Auth{{}, bearer}, bearer},
		{"noauth stops", []*collections.Auth{nil, noauth, bearer}, noauth},
		{"only inherit", []*collections.Auth{inherit}, inherit},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := Inherit(tc.chain...); got != tc.want {
				t.Errorf("Inherit = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestUnsupportedAndErrorsLeaveRequestAlone(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		auth        *collections.Auth
		unsupported bool
	}{
		{"asap missing claims", &collections.Auth{Type: "asap"}, false},
		{"asap bad claims", &collections.Auth{Type: "asap", Params: map[string]string{"kid": "k", "iss": "i", "aud": "a", "privateKey": "x", "claims": "{x"}}, false},
		{"asap bad key", &collections.Auth{Type: "asap", Params: map[string]string{"kid": "k", "iss": "i", "aud": "a", "privateKey": "not a key"}}, false},
		{"asap HS algorithm", &collections.Auth{Type: "asap", Params: map[string]string{"kid": "k", "iss": "i", "aud": "a", "privateKey": "x", "alg": "HS256"}}, false},
		{"unknown", &collections.Auth{Type: "kerberos"}, true},
		{"jwt bad algorithm", &collections.Auth{Type: "jwt", Params: map[string]string{"algorithm": "none", "secret": "s"}}, false},
		{"jwt no secret", &collections.Auth{Type: "jwt", Params: map[string]string{"algorithm": "HS256"}}, false},
		{"jwt bad payload", &collections.Auth{Type: "jwt", Params: map[string]string{"algorithm": "HS256", "secret": "s", "payload": "{x"}}, false},
		{"jwt array payload", &collections.Auth{Type: "jwt", Params: map[string]string{"algorithm": "HS256", "secret": "s", "payload": "[1]"}}, false},
		{"jwt bad key", &collections.Auth{Type: "jwt", Params: map[string]string{"algorithm": "RS256", "privateKey": "nope"}}, false},
		{"digest bad algorithm", &collections.Auth{Type: "digest", Params: map[string]string{
			"username": "u", "realm": "r", "nonce": "n", "algorithm": "MD4"}}, false},
		{"oauth1 bad method", &collections.Auth{Type: "oauth1", Params: map[string]string{
			"consumerKey": "k", "consumerSecret": "s", "signatureMethod": "HMAC-MD5", "addParamsToHeader": "true"}}, false},
		{"oauth1 rsa bad key", &collections.Auth{Type: "oauth1", Params: map[string]string{
			"consumerKey": "k", "privateKey": "junk", "signatureMethod": "RSA-SHA1"}}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			req := newRequest(t, "GET", "http://127.0.0.1/p?q=1", "", "Authorization", "Mine")
			err := Apply(req, tc.auth, nil)
			if err == nil {
				t.Fatal("Apply succeeded, want an error")
			}
			if errors.Is(err, ErrUnsupported) != tc.unsupported {
				t.Errorf("errors.Is(%v, ErrUnsupported) = %v, want %v", err, !tc.unsupported, tc.unsupported)
			}
			if got := req.Header.Get("Authorization"); got != "Mine" || req.URL.String() != "http://127.0.0.1/p?q=1" {
				t.Errorf("request changed: Authorization %q, URL %s", got, req.URL)
			}
		})
	}
}

func TestMissingCredentialsDoNothing(t *testing.T) {
	t.Parallel()
	for _, a := range []*collections.Auth{
		nil,
		{Type: "oauth1", Params: map[string]string{"consumerKey": "k"}},
		{Type: "oauth1", Params: map[string]string{"consumerKey": "k", "consumerSecret": "s", "signatureMethod": "RSA-SHA1"}},
		{Type: "hawk", Params: map[string]string{"authId": "id"}},
		{Type: "edgegrid", Params: map[string]string{"accessToken": "a", "clientToken": "c"}},
		{Type: "digest", Params: map[string]string{"username": "u", "realm": "r"}}, // no nonce yet
		{Type: "digest", Params: map[string]string{"realm": "r", "nonce": "n"}},    // no username
	} {
		req := newRequest(t, "GET", "http://127.0.0.1/", "", "Authorization", "Mine")
		if err := Apply(req, a, nil); err != nil {
			t.Errorf("Apply(%v): %v", a, err)
		}
		if got := req.Header.Get("Authorization"); got != "Mine" {
			t.Errorf("Apply(%v) set Authorization %q", a, got)
		}
	}
}

func pemKey(t *testing.T, k crypto.Signer) string {
	t.Helper()
	der, err := x509.MarshalPKCS8PrivateKey(k)
	if err != nil {
		t.Fatal(err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}))
}

// TestJWTAsymmetric signs with each RS/PS/ES algorithm and verifies the
// token with the public key.
func TestJWTAsymmetric(t *testing.T) {
	t.Parallel()
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	ecKeys := map[string]*ecdsa.PrivateKey{}
	for bits, c := range map[string]elliptic.Curve{"256": elliptic.P256(), "384": elliptic.P384(), "512": elliptic.P521()} {
		if ecKeys[bits], err = ecdsa.GenerateKey(c, rand.Reader); err != nil {
			t.Fatal(err)
		}
	}
	for _, alg := range []string{"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"} {
		t.Run(alg, func(t *testing.T) {
			t.Parallel()
			var key crypto.Signer = rsaKey
			if alg[:2] == "ES" {
				key = ecKeys[alg[2:]]
			}
			req := newRequest(t, "GET", "http://127.0.0.1/", "")
			a := &collections.Auth{Type: "jwt", Params: map[string]string{
				"algorithm": alg, "privateKey": pemKey(t, key), "payload": `{"sub":"me"}`,
			}}
			if err := Apply(req, a, nil); err != nil {
				t.Fatalf("Apply: %v", err)
			}
			token, ok := strings.CutPrefix(req.Header.Get("Authorization"), "Bearer ")
			if !ok {
				t.Fatalf("Authorization = %q", req.Header.Get("Authorization"))
			}
			parts := strings.Split(token, ".")
			if len(parts) != 3 {
				t.Fatalf("token %q", token)
			}
			hdr, _ := base64.RawURLEncoding.DecodeString(parts[0])
			if string(hdr) != `{"alg":"`+alg+`"}` {
				t.Errorf("header = %s", hdr)
			}
			sig, _ := base64.RawURLEncoding.DecodeString(parts[2])
			h := jwtHashes[alg[2:]]
			d := h.New()
			d.Write([]byte(parts[0] + "." + parts[1]))
			digest := d.Sum(nil)
			switch alg[:2] {
			case "RS":
				err = rsa.VerifyPKCS1v15(&rsaKey.PublicKey, h, digest, sig)
			case "PS":
				err = rsa.VerifyPSS(&rsaKey.PublicKey, h, digest, sig, &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash})
			case "ES":
				k := ecKeys[alg[2:]]
				n := len(sig) / 2
				if !ecdsa.Verify(&k.PublicKey, digest, new(big.Int).SetBytes(sig[:n]), new(big.Int).SetBytes(sig[n:])) {
					err = errors.New("ecdsa signature does not verify")
				}
			}
			if err != nil {
				t.Errorf("verify: %v", err)
			}
		})
	}
	t.Run("ES256 with P-384 key", func(t *testing.T) {
		t.Parallel()
		req := newRequest(t, "GET", "http://127.0.0.1/", "")
		a := &collections.Auth{Type: "jwt", Params: map[string]string{"algorithm": "ES256", "privateKey": pemKey(t, ecKeys["384"])}}
		if err := Apply(req, a, nil); err == nil {
			t.Error("want a curve mismatch error")
		}
	})
}

func TestOAuth1RSA(t *testing.T) {
	t.Parallel()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	req := newRequest(t, "GET", "http://example.com/r?b=2", "")
	a := &collections.Auth{Type: "oauth1", Params: map[string]string{
		"consumerKey": "ck", "privateKey": pemKey(t, key), "signatureMethod": "RSA-SHA1",
		"timestamp": "1", "nonce": "n", "version": "1.0", "addParamsToHeader": "true",
	}}
	if err := Apply(req, a, nil); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	h := req.Header.Get("Authorization")
	_, encSig, ok := strings.Cut(h, `oauth_signature="`)
	if !ok {
		t.Fatalf("Authorization = %q", h)
	}
	sig, err := base64.StdEncoding.DecodeString(formDecode(strings.TrimSuffix(encSig, `"`)))
	if err != nil {
		t.Fatal(err)
	}
	base := "GET&http%3A%2F%2Fexample.com%2Fr&b%3D2%26oauth_consumer_key%3Dck%26oauth_nonce%3Dn" +
		"%26oauth_signature_method%3DRSA-SHA1%26oauth_timestamp%3D1%26oauth_version%3D1.0"
	d := sha1.Sum([]byte(base))
	if err := rsa.VerifyPKCS1v15(&key.PublicKey, crypto.SHA1, d[:], sig); err != nil {
		t.Errorf("signature does not verify over the RFC 5849 base string: %v", err)
	}
}

func TestHawkDetails(t *testing.T) {
	t.Parallel()
	t.Run("unknown algorithm gives an empty header", func(t *testing.T) {
		t.Parallel()
		req := newRequest(t, "GET", "http://127.0.0.1/", "", "Authorization", "Mine")
		a := &collections.Auth{Type: "hawk", Params: map[string]string{"authId": "i", "authKey": "k", "algorithm": "SHA256"}}
		if err := Apply(req, a, nil); err != nil {
			t.Fatal(err)
		}
		if v, ok := req.Header["Authorization"]; !ok || len(v) != 1 || v[0] != "" {
			t.Errorf("Authorization = %q, want one empty value", v)
		}
	})
	t.Run("generated nonce and clock timestamp", func(t *testing.T) {
		t.Parallel()
		req := newRequest(t, "GET", "http://127.0.0.1/", "")
		a := &collections.Auth{Type: "hawk", Params: map[string]string{"authId": "i", "authKey": "k", "algorithm": "sha256", "timestamp": "0"}}
		if err := ApplyWith(req, a, nil, Options{Now: fixedClock}); err != nil {
			t.Fatal(err)
		}
		h := req.Header.Get("Authorization")
		if !strings.HasPrefix(h, `Hawk id="i", ts="1440938160", nonce="`) || len(extract(digestNonceRe, h)) != 6 {
			t.Errorf("Authorization = %q", h)
		}
	})
}

func TestOAuth1Defaults(t *testing.T) {
	t.Parallel()
	req := newRequest(t, "GET", "http://127.0.0.1/x?oauth_nonce=old&k=v", "", "Authorization", "Mine")
	a := &collections.Auth{Type: "oauth1", Params: map[string]string{"consumerKey": "ck", "consumerSecret": "cs"}}
	if err := ApplyWith(req, a, nil, Options{Now: fixedClock}); err != nil {
		t.Fatal(err)
	}
	q := req.URL.Query()
	if q.Get("oauth_timestamp") != "1440938160" || len(q.Get("oauth_nonce")) != 11 || len(q["oauth_nonce"]) != 1 {
		t.Errorf("query = %v", q)
	}
	// node-oauth1 signs with HMAC-SHA1 when no method is set, but Postman does
	// not send the method it used.
	if q.Has("oauth_signature_method") || !q.Has("oauth_signature") || q.Has("oauth_token") {
		t.Errorf("query = %v", q)
	}
	if req.Header.Get("Authorization") != "" {
		t.Errorf("Authorization kept in query mode: %q", req.Header.Get("Authorization"))
	}
	base := "GET&http%3A%2F%2F127.0.0.1%2Fx&k%3Dv%26oauth_consumer_key%3Dck%26oauth_nonce%3D" + q.Get("oauth_nonce") +
		"%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1440938160"
	m := hmac.New(sha1.New, []byte("cs&"))
	m.Write([]byte(base))
	if want := base64.StdEncoding.EncodeToString(m.Sum(nil)); q.Get("oauth_signature") != want {
		t.Errorf("signature = %s, want %s", q.Get("oauth_signature"), want)
	}
}

func TestAWSv4DateHeaderAndHost(t *testing.T) {
	t.Parallel()
	req := newRequest(t, "GET", "http://127.0.0.1:9000/", "", "Date", "Fri, 09 Sep 2011 23:36:00 GMT", "X-Amz-Date", "stale")
	a := &collections.Auth{Type: "awsv4", Params: map[string]string{"accessKey": "AK", "secretKey": "SK"}}
	if err := ApplyWith(req, a, nil, Options{Now: fixedClock}); err != nil {
		t.Fatal(err)
	}
	if got := req.Header.Get("X-Amz-Date"); got != "20110909T233600Z" {
		t.Errorf("X-Amz-Date = %q, want the Date header's time", got)
	}
	if got := req.Header.Get("Authorization"); !strings.Contains(got, "AK/20110909/us-east-1/execute-api/aws4_request") ||
		!strings.Contains(got, "SignedHeaders=date;host;x-amz-date,") {
		t.Errorf("Authorization = %q", got)
	}
	if req.Host != "127.0.0.1:9000" {
		t.Errorf("Host = %q", req.Host)
	}
}

func TestJSNumberString(t *testing.T) {
	t.Parallel()
	for in, want := range map[float64]string{
		0: "0", 1.5: "1.5", -2: "-2", 1e21: "1e+21", 1.5e-7: "1.5e-7", 123456789012345680000: "123456789012345680000",
		0.000001: "0.000001", 1e300: "1e+300",
	} {
		if got := jsNumberString(in); got != want {
			t.Errorf("jsNumberString(%v) = %q, want %q", in, got, want)
		}
	}
}

func TestQueryEscape(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in       string
		key      bool
		want     string
		wantFull string
	}{
		{"a b&c=d", false, "a%20b%26c=d", "a%20b%26c%3Dd"},
		{"a b&c=d", true, "a%20b%26c%3Dd", "a%20b%26c%3Dd"},
		{"%41%zz'\"<>#é", false, "%41%zz%27%22%3C%3E%23%C3%A9", "%2541%25zz%27%22%3C%3E%23%C3%A9"},
		{"~-._!*()", false, "~-._!*()", "~-._%21%2A%28%29"},
	} {
		if got := queryEscape(tc.in, tc.key); got != tc.want {
			t.Errorf("queryEscape(%q, %v) = %q, want %q", tc.in, tc.key, got, tc.want)
		}
		if got := rfc3986(tc.in); got != tc.wantFull {
			t.Errorf("rfc3986(%q) = %q, want %q", tc.in, got, tc.wantFull)
		}
	}
}

// TestCorpusAuthBlocks applies every auth block found in the shared corpus
// (both the v2.0 object and the v2.1 array form) and checks each produces
// what its type promises, with unresolved {{vars}} left in place.
func TestCorpusAuthBlocks(t *testing.T) {
	t.Parallel()
	root := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(root); err != nil {
		testenv.Skip(t, "../shared/corpus is absent (it sits beside the clone in CI)")
	}
	var blocks []*collections.Auth
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".json") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var doc any
		if json.Unmarshal(data, &doc) == nil {
			blocks = append(blocks, findAuthBlocks(doc)...)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, a := range blocks {
		counts[a.Type]++
		req := newRequest(t, "POST", "https://api.example.com/v1/items?x=1", `{"a":1}`, "Content-Type", "application/json")
		if err := ApplyWith(req, a, []byte(`{"a":1}`), Options{Now: fixedClock}); err != nil {
			t.Errorf("%s block %v: %v", a.Type, a.Params, err)
			continue
		}
		got := req.Header.Get("Authorization")
		var ok bool
		switch a.Type {
		case "basic":
			ok = strings.HasPrefix(got, "Basic ")
		case "bearer":
			ok = a.Params["token"] == "" || got == "Bearer "+a.Params["token"]
		case "oauth2":
			ok = a.Params["accessToken"] == "" || strings.HasSuffix(got, " "+a.Params["accessToken"])
		case "digest":
			ok = (a.Params["realm"] == "" || a.Params["nonce"] == "" || a.Params["username"] == "") || strings.HasPrefix(got, "Digest ")
		case "oauth1":
			ok = a.Params["consumerKey"] == "" || strings.HasPrefix(got, "OAuth ") || strings.Contains(req.URL.RawQuery, "oauth_signature=")
		case "hawk":
			switch {
			case a.Params["authId"] == "" || a.Params["authKey"] == "":
				ok = got == ""
			case hawkAlg(a.Params["algorithm"]) == nil:
				_, set := req.Header["Authorization"]
				ok = set && got == ""
			default:
				ok = strings.HasPrefix(got, "Hawk id=")
			}
		case "awsv4":
			ok = strings.HasPrefix(got, "AWS4-HMAC-SHA256 Credential=")
		default:
			ok = true
		}
		if !ok {
			t.Errorf("%s block %v: Authorization %q, URL %s", a.Type, a.Params, got, req.URL)
		}
	}
	for _, typ := range []string{"basic", "bearer", "oauth1", "oauth2", "digest", "hawk", "awsv4"} {
		if counts[typ] == 0 {
			t.Errorf("no %s block found in the corpus", typ)
		}
	}
	t.Logf("applied %d corpus auth blocks: %v", len(blocks), counts)
}

// findAuthBlocks normalizes auth blocks like the collections loader does.
func findAuthBlocks(v any) []*collections.Auth {
	var out []*collections.Auth
	switch x := v.(type) {
	case map[string]any:
		if typ, ok := x["type"].(string); ok {
			if raw, ok := x[typ]; ok {
				if a := normalizeAuth(typ, raw); a != nil {
					out = append(out, a)
				}
			}
		}
		for _, e := range x {
			out = append(out, findAuthBlocks(e)...)
		}
	case []any:
		for _, e := range x {
			out = append(out, findAuthBlocks(e)...)
		}
	}
	return out
}

func normalizeAuth(typ string, raw any) *collections.Auth {
	switch typ {
	case "basic", "bearer", "digest", "oauth1", "oauth2", "hawk", "awsv4", "apikey", "jwt":
	default:
		return nil
	}
	str := func(v any) string {
		if s, ok := v.(string); ok {
			return s
		}
		if v == nil {
			return ""
		}
		b, _ := json.Marshal(v)
		return string(b)
	}
	a := &collections.Auth{Type: typ, Params: map[string]string{}}
	switch r := raw.(type) {
	case []any:
		for _, e := range r {
			if kv, ok := e.(map[string]any); ok {
				a.Params[str(kv["key"])] = str(kv["value"])
				if _, text := kv["value"].(string); !text && kv["value"] != nil {
					a.SetParam(str(kv["key"]), str(kv["value"]), "", true)
				}
			}
		}
	case map[string]any:
		for k, v := range r {
			a.Params[k] = str(v)
			if _, text := v.(string); !text && v != nil {
				a.SetParam(k, str(v), "", true)
			}
		}
	default:
		return nil
	}
	return a
}
