package runner

import (
	"encoding/base64"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/collections"
)

// mapSecrets is a RequestSecrets over a map, for the concealer's tests.
type mapSecrets map[string]string

func (m mapSecrets) ResolveSecret(name string) (string, error) {
	if v, ok := m[name]; ok {
		return v, nil
	}
	return "", errors.New("no such secret")
}

func (mapSecrets) Check(string) error { return nil }

func testConcealer(t *testing.T, secrets map[string]string) *concealer {
	t.Helper()
	u := &usedSecrets{RequestSecrets: mapSecrets(secrets)}
	for name := range secrets {
		_, err := u.ResolveSecret(name)
		require.NoError(t, err)
	}
	_, err := u.ResolveSecret("missing")
	require.Error(t, err, "a failed resolution is not recorded")
	return u.concealer()
}

func TestConcealText(t *testing.T) {
	t.Parallel()
	c := testConcealer(t, map[string]string{"k": `a b&c/d"e`, "long": `a b&c/d"e-and-more`, "short": "ab"})
	b64 := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	jwt := func(claims string) string {
		return "eyJhbGciOiJIUzI1NiJ9." + base64.RawURLEncoding.EncodeToString([]byte(claims)) + ".c2ln"
	}
	tests := []struct{ name, in, want string }{
		{"as written", `x=a b&c/d"e;`, `x={{vault:k}};`},
		{"the longer value first", `a b&c/d"e-and-more`, `{{vault:long}}`},
		{"query encoding", `q=a+b%26c%2Fd%22e`, `q={{vault:k}}`},
		{"path encoding, lower-case hex", `/a%20b&c/d%22e/`, `/{{vault:k}}/`},
		{"encoded twice", `sig=a%2520b%2526c%252Fd%2522e%26`, `sig={{vault:k}}%26`},
		{"twice", `a b&c/d"e a b&c/d"e`, `{{vault:k}} {{vault:k}}`},
		{"too short to conceal", `ab`, `ab`},
		{"lower-cased, as in a Host header", `Host: A B&C/D"E.example`, `Host: {{vault:k}}.example`},
		{"other text", `nothing here`, `nothing here`},
		{"basic credentials", "Basic " + b64(`user:a b&c/d"e`), "Basic " + b64("user:{{vault:k}}")},
		{"basic without a secret", "Basic " + b64("user:pw"), "Basic " + b64("user:pw")},
		{"jwt claims", "Bearer " + jwt(`{"sub":"a b&c/d\"e"}`), "Bearer " + jwt(`{"sub":"{{vault:k}}"}`)},
		{"jwt without a secret", "Bearer " + jwt(`{"sub":"x"}`), "Bearer " + jwt(`{"sub":"x"}`)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tc.want, c.text(tc.in))
		})
	}
}

func TestConcealRequest(t *testing.T) {
	t.Parallel()
	c := testConcealer(t, map[string]string{"k": "s3cr&t=x/y"})
	v := "s3cr%26t=x/y"
	req := &collections.Request{
		Method: "POST",
		// The value spread over two query parameters and two path segments.
		URL: collections.ParseURL("http://h/p/s3cr&t=x/y?a=" + v + "&b=1"),
		Header: []collections.Header{
			{Key: "X-Key", Value: "s3cr&t=x/y"},
			{Key: "Authorization", Value: "Hawk id=\"i\", mac=\"m\""},
		},
		Body: &collections.Body{Mode: "urlencoded", URLEncoded: []collections.FormParam{{Key: "f", Value: "s3cr&t=x/y"}}},
		Auth: &collections.Auth{Type: "hawk", Params: map[string]string{"authKey": "s3cr&t=x/y"}},
	}
	got := c.request(req)
	assert.Equal(t, "http://h/p/{{vault:k}}?a={{vault:k}}&b=1", got.URL.String())
	assert.Equal(t, "{{vault:k}}", got.Header[0].Value)
	assert.Equal(t, concealedDerived, got.Header[1].Value, "a header signed with a secret")
	assert.Equal(t, "{{vault:k}}", got.Body.URLEncoded[0].Value)
	assert.Equal(t, "{{vault:k}}", got.Auth.Params["authKey"])
	assert.Equal(t, "s3cr&t=x/y", req.Header[0].Value, "the request itself is left alone")

	// A transparent auth (bearer) shows its header built from the reference.
	req.Auth = &collections.Auth{Type: "bearer", Params: map[string]string{"token": "s3cr&t=x/y"}}
	req.Header[1].Value = "Bearer s3cr&t=x/y"
	assert.Equal(t, "Bearer {{vault:k}}", c.request(req).Header[1].Value)

	// OAuth 1 in the query: the signature is concealed, the rest stays.
	sig := "s3cr%2526t%253Dx%252Fy%26"
	req.Auth = &collections.Auth{Type: "oauth1", Params: map[string]string{"consumerSecret": "s3cr&t=x/y"}}
	req.URL = collections.ParseURL("http://h/p?oauth_consumer_key=ck&oauth_signature=" + sig)
	got = c.request(req)
	assert.Equal(t, "http://h/p?oauth_consumer_key=ck&oauth_signature=***", got.URL.String())
	assert.NotContains(t, got.URL.Raw, "s3cr")

	// Typed rows (an array or object the collection gave): scripts read
	// the typed value, so the strings inside it are concealed too.
	req.Body = &collections.Body{Mode: "urlencoded", URLEncoded: []collections.FormParam{
		collections.TypedFormParam(collections.FormParam{Key: "a"}, []byte(`["s3cr&t=x/y",2]`), true)}}
	got = c.request(req)
	assert.Equal(t, `["{{vault:k}}",2]`, got.Body.URLEncoded[0].JSON)
	assert.Equal(t, "{{vault:k}},2", got.Body.URLEncoded[0].Value)
	req.Body = &collections.Body{Mode: "formdata", FormData: []collections.FormParam{
		collections.TypedFormParam(collections.FormParam{Key: "o", Type: "text"}, []byte(`{"k":"s3cr&t=x/y"}`), false)}}
	assert.Equal(t, `{"k":"{{vault:k}}"}`, c.request(req).Body.FormData[0].JSON)
	req.URL.Variables = []collections.Variable{{Key: "id", JSON: `["s3cr&t=x/y"]`}}
	req.URL.Query = []collections.QueryParam{{Key: "q", JSON: `{"k":"s3cr&t=x/y"}`}}
	got = c.request(req)
	assert.Equal(t, `["{{vault:k}}"]`, got.URL.Variables[0].JSON)
	assert.Equal(t, `{"k":"{{vault:k}}"}`, got.URL.Query[0].JSON)

	var none *usedSecrets
	assert.Nil(t, none.concealer(), "with --vault-scripts nothing is recorded")
	assert.Same(t, req, none.concealer().request(req))
}
