package pingone_test

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/pingone"
)

// TestRevoke: a client revokes its own access and refresh tokens (RFC
// 7009); another client's token or an unknown one is answered 200 and left
// alone; discovery names the endpoint.
func TestRevoke(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{}, "")
	disc := f.c.do("GET", f.auth("/as/.well-known/openid-configuration"), nil, "")
	require.Equal(t, 200, disc.code, disc.raw)
	assert.Equal(t, f.auth("/as/revoke"), disc.body["revocation_endpoint"])
	assert.Contains(t, disc.body["response_modes_supported"], "form_post")

	tok := f.exchange(f.login("scope", "openid offline_access"))
	require.Equal(t, 200, tok.code, tok.raw)
	access, refresh := tok.body["access_token"].(string), tok.body["refresh_token"].(string)
	hdr := map[string]string{"Content-Type": formCT, "Authorization": basicAuth(f.appID, f.appSecret)}
	active := func(token string) any {
		r := f.c.do("POST", f.auth("/as/introspect"), hdr, form("token", token))
		require.Equal(t, 200, r.code, r.raw)
		return r.body["active"]
	}
	require.Equal(t, true, active(access))

	// Another client cannot revoke it (and learns nothing).
	cr := f.c.run.Credentials()
	r := f.c.do("POST", f.c.run.URL+"/"+cr.AdminEnvID+"/as/revoke", map[string]string{"Content-Type": formCT, "Authorization": basicAuth(cr.AdminAppID, cr.AdminAppSecret)}, form("token", access))
	assert.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, true, active(access))

	r = f.c.do("POST", f.auth("/as/revoke"), hdr, form("token", access))
	assert.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, false, active(access))
	r = f.c.do("POST", f.auth("/as/revoke"), hdr, form("token", "not-a-token"))
	assert.Equal(t, 200, r.code, r.raw)

	r = f.c.do("POST", f.auth("/as/revoke"), hdr, form("token", refresh, "token_type_hint", "refresh_token"))
	assert.Equal(t, 200, r.code, r.raw)
	again := f.c.do("POST", f.auth("/as/token"), hdr, form("grant_type", "refresh_token", "refresh_token", refresh))
	assertOAuthError(t, again, 400, "invalid_grant")

	wrong := map[string]string{"Content-Type": formCT, "Authorization": basicAuth(f.appID, "wrong")}
	assertOAuthError(t, f.c.do("POST", f.auth("/as/revoke"), wrong, form("token", refresh)), 401, "invalid_client")
	assert.Equal(t, 405, f.c.do("GET", f.auth("/as/revoke"), nil, "").code)
}

// TestFormPost: response_mode=form_post answers with a page that posts the
// code and state to the redirect URI.
func TestFormPost(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{}, "")
	flowID := flowIDFrom(t, f.authorize("response_mode", "form_post"))
	r := f.c.do("POST", f.auth("/flows/"+flowID), map[string]string{"Content-Type": "application/vnd.pingidentity.usernamePassword.check+json"}, `{"username":"ada","password":"2FederateM0re!"}`)
	require.Equal(t, 200, r.code, r.raw)
	r = f.c.do("GET", f.auth("/as/resume?flowId="+flowID), nil, "")
	require.Equal(t, 200, r.code, r.raw)
	assert.Contains(t, r.header.Get("Content-Type"), "text/html")
	assert.Contains(t, r.raw, `<form method="post" action="https://example.com/cb">`)
	assert.Contains(t, r.raw, `name="state" value="st8"`)
	code := regexp.MustCompile(`name="code" value="([^"]+)"`).FindStringSubmatch(r.raw)
	require.Len(t, code, 2, r.raw)
	assert.Equal(t, 200, f.exchange(code[1]).code)
}

// TestUserinfoClientToken: a client-credentials token at userinfo gets
// PingOne's platform ACCESS_FAILED error, not an OAuth one.
func TestUserinfoClientToken(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{}, "")
	cr := f.c.run.Credentials()
	r := f.c.do("GET", f.c.run.URL+"/"+cr.AdminEnvID+"/as/userinfo", map[string]string{"Authorization": "Bearer " + f.c.adminToken()}, "")
	assertPlatformError(t, r, 403, "ACCESS_FAILED", "INVALID_TOKEN")
}
