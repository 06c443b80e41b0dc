package auth

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"github.com/courier-run/courier/collections"
)

// TestTypedCredentials: in v12 runs an auth whose credential is not of the
// kind Postman's newer runtime takes goes unapplied, and jwt's null payload
// is none (fresh-round12v-creds*.json); JSON runs sign as before.
func TestTypedCredentials(t *testing.T) {
	t.Parallel()
	auth := func(typ string, kv ...string) *collections.Auth {
		a := &collections.Auth{Type: typ}
		for i := 0; i+1 < len(kv); i += 2 {
			k, v := kv[i], kv[i+1]
			if lit, ok := strings.CutPrefix(v, "lit:"); ok {
				a.SetParam(k, lit, "", true)
			} else {
				a.Set(k, v)
			}
		}
		return a
	}
	digest := []string{"username", "u", "password", "p", "realm", "r", "nonce", "n"}
	tests := []struct {
		name      string
		a         *collections.Auth
		typed     string // Authorization prefix with TypedCredentials, "" for none
		untyped   string // without
		typedOnly bool   // check only the typed run
	}{
		{"digest as text", auth("digest", digest...), "Digest ", "Digest ", false},
		{"digest username a number", auth("digest", append(digest, "username", "lit:5")...), "", "Digest ", false},
		{"digest realm null", auth("digest", append(digest, "realm", "lit:null")...), "", "Digest ", false},
		{"digest flag as text", auth("digest", append(digest, "disableRetryRequest", "")...), "", "Digest ", false},
		{"digest flag a boolean", auth("digest", append(digest, "disableRetryRequest", "lit:false")...), "Digest ", "Digest ", false},
		{"digest unknown key a number", auth("digest", append(digest, "nc", "lit:5")...), "Digest ", "Digest ", false},
		{"oauth1 timestamp a number", auth("oauth1", "consumerKey", "ck", "consumerSecret", "cs", "timestamp", "lit:5", "addParamsToHeader", "lit:true"), "OAuth ", "OAuth ", false},
		{"oauth1 token a boolean", auth("oauth1", "consumerKey", "ck", "consumerSecret", "cs", "token", "lit:true", "addParamsToHeader", "lit:true"), "", "OAuth ", false},
		{"jwt payload null", auth("jwt", "algorithm", "HS256", "secret", "s", "payload", "lit:null"), "Bearer eyJhbGciOiJIUzI1NiJ9.e30.", "", true},
		{"jwt secret null", auth("jwt", "algorithm", "HS256", "secret", "lit:null"), "", "", true},
		{"apikey value a number", auth("apikey", "key", "X-K", "value", "lit:5"), "", "", true},
		{"script left a credential undefined", func() *collections.Auth { a := auth("digest", digest...); a.SetUndefined("qop"); return a }(), "Digest ", "Digest ", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for _, typed := range []bool{true, false} {
				if !typed && tt.typedOnly {
					continue
				}
				req := newRequest(t, "GET", "http://127.0.0.1:9/headers", "")
				if err := ApplyWith(req, tt.a, nil, Options{TypedCredentials: typed, Now: fixedClock}); err != nil {
					t.Fatal(err)
				}
				want := map[bool]string{true: tt.typed, false: tt.untyped}[typed]
				got := req.Header.Get("Authorization")
				if want == "" && got != "" || !strings.HasPrefix(got, want) {
					t.Errorf("typed=%v: Authorization = %q, want %q...", typed, got, want)
				}
			}
		})
	}
	// The API key's value goes as its text, a number too.
	req := newRequest(t, "GET", "http://127.0.0.1:9/headers", "")
	if err := ApplyWith(req, auth("apikey", "key", "X-K", "value", "lit:5"), nil, Options{TypedCredentials: true}); err != nil {
		t.Fatal(err)
	}
	if got := req.Header.Get("X-K"); got != "5" {
		t.Errorf("X-K = %q, want 5", got)
	}
}

// TestAWSUnsignedS3: the newer runtime signs an S3 request without a body
// as UNSIGNED-PAYLOAD, never signs Content-Type, and hashes form-data as
// sent (fresh-round12v-awsv4.json).
func TestAWSUnsignedS3(t *testing.T) {
	t.Parallel()
	sum := func(b string) string { h := sha256.Sum256([]byte(b)); return hex.EncodeToString(h[:]) }
	tests := []struct {
		name, service, body string
		opts                Options
		wantSHA, wantSigned string
	}{
		{"s3 without a body", "s3", "", Options{AWSUnsignedS3: true, NoBody: true}, "UNSIGNED-PAYLOAD", "host;x-amz-content-sha256;x-amz-date"},
		{"s3 with an empty body", "s3", "", Options{AWSUnsignedS3: true}, awsEmptyHash, "host;x-amz-content-sha256;x-amz-date"},
		{"s3 with a body", "s3", "hello", Options{AWSUnsignedS3: true}, sum("hello"), "host;x-amz-content-sha256;x-amz-date"},
		{"s3 form-data", "s3", "--b--", Options{AWSUnsignedS3: true, UnhashedBody: true}, sum("--b--"), "host;x-amz-content-sha256;x-amz-date"},
		{"execute-api without a body", "execute-api", "", Options{AWSUnsignedS3: true, NoBody: true}, "", "host;x-amz-date"},
		{"JSON run, s3 without a body", "s3", "", Options{NoBody: true}, awsEmptyHash, "content-type;host;x-amz-content-sha256;x-amz-date"},
		{"JSON run, form-data", "s3", "--b--", Options{UnhashedBody: true}, awsEmptyHash, "content-type;host;x-amz-content-sha256;x-amz-date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			req := newRequest(t, "POST", "http://127.0.0.1:9/x", tt.body, "Content-Type", "text/plain")
			a := &collections.Auth{Type: "awsv4", Params: map[string]string{"accessKey": "AK", "secretKey": "SK", "service": tt.service}}
			tt.opts.Now = fixedClock
			if err := ApplyWith(req, a, []byte(tt.body), tt.opts); err != nil {
				t.Fatal(err)
			}
			if got := req.Header.Get("X-Amz-Content-Sha256"); got != tt.wantSHA {
				t.Errorf("X-Amz-Content-Sha256 = %q, want %q", got, tt.wantSHA)
			}
			if got := req.Header.Get("Authorization"); !strings.Contains(got, "SignedHeaders="+tt.wantSigned+",") {
				t.Errorf("Authorization = %q, want SignedHeaders=%s", got, tt.wantSigned)
			}
		})
	}
}

// TestBtoaBasic: the newer runtime encodes basic credentials with btoa,
// one byte per character, and a character above U+00FF fails the request
// (fresh-round13v-auth.json); JSON runs encode UTF-8.
func TestBtoaBasic(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		user, pass string
		btoa       bool
		want, err  string
	}{
		{"vuser", "pässwörd", true, "Basic dnVzZXI6cORzc3f2cmQ=", ""},
		{"vuser", "pässwörd", false, "Basic dnVzZXI6cMOkc3N3w7ZyZA==", ""},
		{"\u20ac", "x", true, "", "Invalid character"},
		{"\u20ac", "x", false, "Basic 4oKsOng=", ""},
		{"u", "p", true, "Basic dTpw", ""},
	} {
		req := newRequest(t, "GET", "http://127.0.0.1:9/x", "")
		a := &collections.Auth{Type: "basic", Params: map[string]string{"username": tt.user, "password": tt.pass}}
		err := ApplyWith(req, a, nil, Options{Btoa: tt.btoa})
		if tt.err != "" {
			if !errors.Is(err, ErrInvalidCharacter) || req.Header.Get("Authorization") != "" {
				t.Errorf("%q btoa: %v %q, want %s and no header", tt.user, err, req.Header.Get("Authorization"), tt.err)
			}
			continue
		}
		if got := req.Header.Get("Authorization"); err != nil || got != tt.want {
			t.Errorf("%q:%q btoa=%v: %q %v, want %q", tt.user, tt.pass, tt.btoa, got, err, tt.want)
		}
	}
}

// TestAWSOwnDate: the newer runtime keeps a request's own row spelled
// X-Amz-Date as written while it signs with its clock; a row spelled
// otherwise takes the signing date, and JSON runs replace both
// (fresh-round13v-auth.json).
func TestAWSOwnDate(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, key string
		newer     bool
		want      string
	}{
		{"newer runtime, X-Amz-Date", "X-Amz-Date", true, "20150830T123600Z"},
		{"newer runtime, x-amz-date", "x-amz-date", true, fixedClock().UTC().Format("20060102T150405Z")},
		{"JSON run, X-Amz-Date", "X-Amz-Date", false, fixedClock().UTC().Format("20060102T150405Z")},
	} {
		req := newRequest(t, "GET", "http://127.0.0.1:9/x", "")
		req.Header[tt.key] = []string{"20150830T123600Z"}
		a := &collections.Auth{Type: "awsv4", Params: map[string]string{"accessKey": "AK", "secretKey": "SK", "service": "s3"}}
		if err := ApplyWith(req, a, nil, Options{Now: fixedClock, AWSUnsignedS3: tt.newer, NoBody: true}); err != nil {
			t.Fatal(err)
		}
		var dates []string
		for k, vs := range req.Header {
			if strings.EqualFold(k, "X-Amz-Date") {
				dates = append(dates, vs...)
			}
		}
		if len(dates) != 1 || dates[0] != tt.want {
			t.Errorf("%s: X-Amz-Date rows %q, want one %q", tt.name, dates, tt.want)
		}
		if day := fixedClock().UTC().Format("20060102"); !strings.Contains(req.Header.Get("Authorization"), "/"+day+"/") {
			t.Errorf("%s: %q, want the clock's day in the scope", tt.name, req.Header.Get("Authorization"))
		}
	}
}
