package auth

import (
	"reflect"
	"testing"
	"time"
)

func TestOAuth1HasCredentials(t *testing.T) {
	t.Parallel()
	tests := []struct {
		method string
		m      map[string]string
		want   bool
	}{
		{"HMAC-SHA1", map[string]string{"consumerKey": "k", "consumerSecret": "s"}, true},
		{"", map[string]string{"consumerKey": "k", "consumerSecret": "s"}, true},
		{"HMAC-SHA1", map[string]string{"consumerKey": "k"}, false},
		{"HMAC-SHA1", map[string]string{"consumerSecret": "s"}, false},
		{"RSA-SHA256", map[string]string{"consumerKey": "k", "privateKey": "pem"}, true},
		{"rsa-sha1", map[string]string{"consumerKey": "k", "consumerSecret": "s"}, false}, // RSA needs the key, any case
		{"RSA-SHA1", map[string]string{"consumerKey": "k", "consumerSecret": "s", "privateKey": "pem"}, true},
	}
	for _, tc := range tests {
		if got := oauth1HasCredentials(params{m: tc.m}, tc.method); got != tc.want {
			t.Errorf("%s %v: %v, want %v", tc.method, tc.m, got, tc.want)
		}
	}
}

// The protocol parameters in node-oauth1's order; blank ones dropped
// unless addEmptyParamsToSign, extensions only when set; the clock's time
// when no timestamp is given.
func TestOAuth1ProtocolParams(t *testing.T) {
	t.Parallel()
	opts := Options{Now: func() time.Time { return time.Unix(1700000000, 0) }}
	base := map[string]string{"consumerKey": "ck", "token": " ", "signatureMethod": "HMAC-SHA256", "nonce": "n1", "version": "1.0"}
	with := func(extra map[string]string) map[string]string {
		m := map[string]string{}
		for k, v := range base {
			m[k] = v
		}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	tests := []struct {
		name     string
		m        map[string]string
		addEmpty bool
		form     bool
		want     []string
	}{
		{"blank token dropped, clock's time", base, false, false,
			[]string{"oauth_consumer_key=ck", "oauth_signature_method=HMAC-SHA256", "oauth_timestamp=1700000000", "oauth_nonce=n1", "oauth_version=1.0"}},
		{"blank token signed with addEmpty", with(map[string]string{"timestamp": "42"}), true, false,
			[]string{"oauth_consumer_key=ck", "oauth_token= ", "oauth_signature_method=HMAC-SHA256", "oauth_timestamp=42", "oauth_nonce=n1", "oauth_version=1.0"}},
		{"extensions after, body hash of the body", with(map[string]string{"includeBodyHash": "true", "callback": "cb", "verifier": "v", "timestamp": "7"}), false, false,
			[]string{"oauth_consumer_key=ck", "oauth_signature_method=HMAC-SHA256", "oauth_timestamp=7", "oauth_nonce=n1", "oauth_version=1.0",
				"oauth_body_hash=wi/qXXQo5c9H72NUyXySI8ldbc3D4NIwD/eQVrH/PYU=", "oauth_callback=cb", "oauth_verifier=v"}},
		{"no body hash for a form", with(map[string]string{"includeBodyHash": "true", "timestamp": "7"}), false, true,
			[]string{"oauth_consumer_key=ck", "oauth_signature_method=HMAC-SHA256", "oauth_timestamp=7", "oauth_nonce=n1", "oauth_version=1.0"}},
		{"blank extension left out even with addEmpty", with(map[string]string{"callback": "", "timestamp": "7"}), true, false,
			[]string{"oauth_consumer_key=ck", "oauth_token= ", "oauth_signature_method=HMAC-SHA256", "oauth_timestamp=7", "oauth_nonce=n1", "oauth_version=1.0"}},
	}
	for _, tc := range tests {
		o := oauth1Params{p: params{m: tc.m}, addEmpty: tc.addEmpty}
		var got []string
		for _, sp := range o.protocolParams("SHA256", []byte("a=1"), tc.form, opts) {
			got = append(got, sp.k+"="+sp.v)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\n got  %q\n want %q", tc.name, got, tc.want)
		}
	}
	o := oauth1Params{p: params{m: map[string]string{"consumerKey": "ck"}}}
	for _, sp := range o.protocolParams("", nil, false, opts) {
		if sp.k == "oauth_nonce" && len(sp.v) != 11 {
			t.Errorf("made-up nonce %q is not 11 characters", sp.v)
		}
	}
}

func TestOAuth1BodyHash(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ algo, body, want string }{
		{"SHA1", "", "2jmj7l5rSw0yVb/vlWAYkK/YBwk="},
		{"sha256", "a=1", "wi/qXXQo5c9H72NUyXySI8ldbc3D4NIwD/eQVrH/PYU="},
		{"MD5", "a=1", ""},
		{"", "a=1", ""},
	} {
		if got := oauth1BodyHash(tc.algo, []byte(tc.body)); got != tc.want {
			t.Errorf("%s %q: %q, want %q", tc.algo, tc.body, got, tc.want)
		}
	}
}

// What the signature covers: protocol, query and form parameters, the
// form's own oauth_* pairs left out; with no method, HMAC-SHA1 is signed.
func TestOAuth1SignedParams(t *testing.T) {
	t.Parallel()
	form := oauth1FormParams([]byte("a=1&oauth_nonce=theirs&b=x%20y&c"))
	if want := []pair{{"a", "1", true}, {"b", "x y", true}, {"c", "", false}}; !reflect.DeepEqual(form, want) {
		t.Errorf("form params %v, want %v", form, want)
	}
	sig := []pair{{"oauth_consumer_key", "ck", true}, {"oauth_signature_method", "", true}}
	query := []pair{{"q", "1", true}}
	got := oauth1SignedParams("", sig, query, form)
	want := []pair{{"oauth_consumer_key", "ck", true}, {"q", "1", true}, {"a", "1", true}, {"b", "x y", true}, {"c", "", false}, {"oauth_signature_method", "HMAC-SHA1", true}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("no method: %v, want %v", got, want)
	}
	if sig[1].v != "" || len(sig) != 2 {
		t.Errorf("the protocol params were changed: %v", sig)
	}
	got = oauth1SignedParams("PLAINTEXT", sig, query, nil)
	if want := []pair{sig[0], sig[1], query[0]}; !reflect.DeepEqual(got, want) {
		t.Errorf("with a method: %v, want %v", got, want)
	}
}
