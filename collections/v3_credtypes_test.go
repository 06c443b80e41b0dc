package collections

import (
	"strings"
	"testing"
)

// TestV3CredentialNotices: a credential Postman's newer runtime refuses
// for its auth type (which then sends the request without auth) is named
// with its place and the fix, in a request, a list of credentials and the
// last entry of a definition's multi-auth list; what it takes (a boolean
// flag, oauth1's numeric timestamp, jwt's null payload, keys the type does
// not have, apikey's value) is not (fresh-round12v-creds*.json). A
// notice never shows a credential's value: it may be a password.
func TestV3CredentialNotices(t *testing.T) {
	t.Parallel()
	c := loadMap(t, map[string]string{
		".resources/definition.yaml": "$kind: collection\nauth:\n  - id: a\n    name: basic auth\n    type: basic\n    credentials:\n      username: 5\n  - id: b\n    name: awsv4 auth\n    type: awsv4\n    credentials:\n      accessKey: AK\n      secretKey: 918273645\n",
		"a.request.yaml":             req("http://x/a", "order: 1\nauth:\n  type: digest\n  credentials:\n    username: u\n    realm:\n    disableRetryRequest: ''\n"),
		"b.request.yaml":             req("http://x/b", "order: 2\nauth:\n  type: oauth1\n  credentials:\n    - key: consumerKey\n      value: true\n    - key: timestamp\n      value: 5\n    - key: addParamsToHeader\n      value: true\n"),
		"c.request.yaml":             req("http://x/c", "order: 3\nauth:\n  type: jwt\n  credentials:\n    algorithm: HS256\n    secret: s\n    payload:\n    isSecretBase64Encoded: false\n    foo: 5\n"),
		"d.request.yaml":             req("http://x/d", "order: 4\nauth:\n  type: apikey\n  credentials:\n    key: X-K\n    value: 5\n"),
	})
	got := noticeText(c)
	for _, want := range []string{
		"definition.yaml:13:18: auth.credentials.secretKey: Postman's runtime expects text here, got a number, and sends the request without awsv4 auth; write it in quotes",
		"a.request.yaml:9:11: auth.credentials.realm: Postman's runtime expects text here, got nothing (null), and sends the request without digest auth; give it a value ('' for none) or leave the key out",
		"a.request.yaml:10:26: auth.credentials.disableRetryRequest: Postman's runtime expects true or false here, got the text \"\", and sends the request without digest auth; write true or false without quotes",
		"b.request.yaml:9:14: auth.credentials.consumerKey: Postman's runtime expects text here, got a boolean, and sends the request without oauth1 auth; write it in quotes",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing notice %q", want)
		}
	}
	if strings.Contains(got, "918273645") {
		t.Errorf("a notice shows the credential's value (a secret key):\n%s", got)
	}
	if n := strings.Count(got, "auth.credentials."); n != 4 {
		t.Errorf("%d credential notices, want 4 (not basic's, which the list overrides, nor c's and d's):\n%s", n, got)
	}
	// The model keeps what the file says; the runner decides.
	a := c.Items[0].Request.Auth
	if k, g := RefusedCredential(a); k != "disableRetryRequest" || g != gotText {
		t.Errorf("RefusedCredential = %q, %q; want the first by name, disableRetryRequest, text", k, g)
	}
	if k, _ := RefusedCredential(c.Items[2].Request.Auth); k != "" {
		t.Errorf("jwt: RefusedCredential = %q, want none", k)
	}
	if !NullCredential(c.Items[2].Request.Auth, "payload") {
		t.Error("jwt's null payload is not read as none")
	}
	if k, _ := RefusedCredential(c.Items[3].Request.Auth); k != "" {
		t.Errorf("apikey: RefusedCredential = %q, want none", k)
	}
}

// TestV3SettingKindsAndDocuments: a flag setting written as text or a
// number, a maxRedirects that is not a number, and a second YAML document
// in a file skip the request, as Postman CLI 1.34 skips it
// (fresh-round12v-misc.json); "---" inside a block scalar is text.
func TestV3SettingKindsAndDocuments(t *testing.T) {
	t.Parallel()
	c := loadMap(t, map[string]string{
		"a.request.yaml": req("http://x/a", "order: 1\nsettings:\n  followRedirects: 'false'\n"),
		"b.request.yaml": req("http://x/b", "order: 2\nsettings:\n  maxRedirects: '5'\n"),
		"c.request.yaml": req("http://x/c", "order: 3\nsettings:\n  disableCookies: 0\n"),
		"d.request.yaml": "---\n" + req("http://x/d", "order: 4\n") + "---\n" + req("http://x/e", ""),
		"e.request.yaml": "---\n" + req("http://x/e", "order: 5\nsettings:\n  followRedirects: false\n  maxRedirects: 3\ndescription: |\n  a\n  ---\n  b\n") + "...\n",
	})
	if got := strings.Join(names(c), ","); got != "e" {
		t.Errorf("ran %q, want only e", got)
	}
	got := noticeText(c)
	for _, want := range []string{
		"a.request.yaml:6:20: settings.followRedirects: Postman expects true or false here, got the text \"false\", and skips the request; write it without quotes",
		"b.request.yaml:6:17: settings.maxRedirects: Postman expects a number here, got the text \"5\"",
		"c.request.yaml:6:19: settings.disableCookies: Postman expects true or false here, got a number (0)",
		"d.request.yaml:7:1: a second YAML document (after a second ---)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing notice %q in:\n%s", want, got)
		}
	}
}
