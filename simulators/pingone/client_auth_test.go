package pingone_test

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/pingone"
)

// PingOne's invalid_client descriptions: the text, then the correlation
// id PingOne appends (sources in oauth.go, clientFor).
var (
	badCredentials  = regexp.MustCompile(`^Request denied: Invalid client credentials \(Correlation ID: [0-9a-f-]{36}\)$`)
	unsupportedAuth = regexp.MustCompile(`^Request denied: Unsupported authentication method \(Correlation ID: [0-9a-f-]{36}\)$`)
)

// TestInvalidClientDescriptions drives the token, introspection and
// revocation endpoints with each way client authentication fails and
// checks PingOne's text for it.
func TestInvalidClientDescriptions(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{}, "")
	// A second, public client (tokenEndpointAuthMethod NONE) and a
	// client_secret_post one in the same environment.
	public := f.c.api("POST", "/environments/"+f.envID+"/applications", f.token, "application/json",
		`{"enabled":true,"name":"SPA","type":"SINGLE_PAGE_APP","protocol":"OPENID_CONNECT","grantTypes":["AUTHORIZATION_CODE"],"redirectUris":["https://example.com/cb"],"pkceEnforcement":"S256_REQUIRED","tokenEndpointAuthMethod":"NONE"}`)
	require.Equal(t, 201, public.code, public.raw)
	publicID := public.body["id"].(string)
	post := f.c.api("POST", "/environments/"+f.envID+"/applications", f.token, "application/json",
		`{"enabled":true,"name":"Post","type":"WORKER","protocol":"OPENID_CONNECT","grantTypes":["CLIENT_CREDENTIALS"],"tokenEndpointAuthMethod":"CLIENT_SECRET_POST"}`)
	require.Equal(t, 201, post.code, post.raw)
	postID := post.body["id"].(string)
	sec := f.c.api("GET", "/environments/"+f.envID+"/applications/"+postID+"/secret", f.token, "", "")
	require.Equal(t, 200, sec.code, sec.raw)
	postSecret := sec.body["secret"].(string)

	const unknown = "00000000-0000-4000-8000-000000000000"
	for _, tc := range []struct {
		name   string
		header map[string]string
		body   []string
		want   *regexp.Regexp
	}{
		{"unknown client, basic", map[string]string{"Authorization": basicAuth(unknown, "x")}, nil, badCredentials},
		{"unknown client, post", nil, []string{"client_id", unknown, "client_secret", "x"}, badCredentials},
		{"wrong secret, basic app", map[string]string{"Authorization": basicAuth(f.appID, "wrong")}, nil, badCredentials},
		{"wrong secret, post app", nil, []string{"client_id", postID, "client_secret", "wrong"}, badCredentials},
		{"post to a basic app", nil, []string{"client_id", f.appID, "client_secret", f.appSecret}, unsupportedAuth},
		{"basic to a post app", map[string]string{"Authorization": basicAuth(postID, postSecret)}, nil, unsupportedAuth},
		{"only a client id to a basic app", nil, []string{"client_id", f.appID}, unsupportedAuth},
		{"empty secret to a public app", nil, []string{"client_id", publicID, "client_secret", ""}, unsupportedAuth},
		{"basic to a public app", map[string]string{"Authorization": basicAuth(publicID, "")}, nil, unsupportedAuth},
		{"no credentials", nil, nil, unsupportedAuth},
		{"form id contradicts basic", map[string]string{"Authorization": basicAuth(f.appID, f.appSecret)}, []string{"client_id", postID}, unsupportedAuth},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hdr := map[string]string{"Content-Type": formCT}
			for k, v := range tc.header {
				hdr[k] = v
			}
			for _, ep := range []struct{ path, param string }{
				{"/as/token", "grant_type=client_credentials"},
				{"/as/introspect", "token=x"},
				{"/as/revoke", "token=x"},
			} {
				body := ep.param
				if len(tc.body) > 0 {
					body += "&" + form(tc.body...)
				}
				r := f.c.do("POST", f.auth(ep.path), hdr, body)
				assert.Equal(t, 401, r.code, "%s: %s", ep.path, r.raw)
				assert.Equal(t, "invalid_client", r.body["error"], "%s: %s", ep.path, r.raw)
				desc, _ := r.body["error_description"].(string)
				assert.Regexp(t, tc.want, desc, ep.path)
			}
		})
	}
	// The right credentials, the right way, still work.
	ok := f.c.do("POST", f.auth("/as/token"), map[string]string{"Content-Type": formCT}, form("grant_type", "client_credentials", "client_id", postID, "client_secret", postSecret))
	assert.Equal(t, 200, ok.code, ok.raw)

	// The device authorization endpoint names the client only: an unknown
	// one is PingOne's "Invalid client credentials".
	r := f.c.do("POST", f.auth("/as/device_authorization"), map[string]string{"Content-Type": formCT}, form("client_id", unknown, "scope", "openid"))
	assert.Equal(t, 401, r.code, r.raw)
	desc, _ := r.body["error_description"].(string)
	assert.Regexp(t, badCredentials, desc)
}
