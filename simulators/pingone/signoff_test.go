package pingone_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/pingone"
)

const signoffApp = `{"enabled":true,"name":"Web","type":"WEB_APP","protocol":"OPENID_CONNECT","grantTypes":["AUTHORIZATION_CODE"],
	"redirectUris":["https://example.com/cb"],"postLogoutRedirectUris":["https://example.com/bye"],"idpSignoff":true,"tokenEndpointAuthMethod":"CLIENT_SECRET_BASIC"}`

// signedOn signs ada on and returns her ID token; the client holds the ST
// cookie.
func (f *fixture) signedOn(t *testing.T) string {
	t.Helper()
	tok := f.exchange(f.login())
	require.Equal(t, 200, tok.code, tok.raw)
	return tok.body["id_token"].(string)
}

// sessionEnded: a new authorization request asks for the password again.
func (f *fixture) sessionEnded(t *testing.T) {
	t.Helper()
	r := f.c.do("GET", f.auth("/flows/"+flowIDFrom(t, f.authorize())), nil, "")
	assert.Equal(t, "USERNAME_PASSWORD_REQUIRED", r.body["status"], r.raw)
}

// TestIdPSignoff: /as/idpSignoff as PingOne documents it: id_token_hint
// required, its application enabled with idpSignoff true, client_id (when
// given) that application, a registered post_logout_redirect_uri, 204 for
// a JSON client, else the signed-off page.
func TestIdPSignoff(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{}, signoffApp)
	hint := f.signedOn(t)
	call := func(accept string, kv ...string) reply {
		q := url.Values{}
		for i := 0; i+1 < len(kv); i += 2 {
			q.Set(kv[i], kv[i+1])
		}
		return f.c.do("GET", f.auth("/as/idpSignoff?"+q.Encode()), map[string]string{"Accept": accept}, "")
	}
	assertPlatformError(t, call(""), 400, "INVALID_REQUEST", "REQUIRED_VALUE")
	assertPlatformError(t, call("", "id_token_hint", "a.b.c"), 400, "INVALID_REQUEST", "INVALID_VALUE")
	assertPlatformError(t, call("", "id_token_hint", hint, "client_id", "00000000-0000-4000-8000-000000000000"), 400, "INVALID_REQUEST", "INVALID_VALUE")
	assertPlatformError(t, call("", "id_token_hint", hint, "post_logout_redirect_uri", "https://example.com/BYE"), 400, "INVALID_REQUEST", "INVALID_VALUE")

	r := call("application/json", "id_token_hint", hint, "client_id", f.appID)
	assert.Equal(t, 204, r.code, r.raw)
	assert.Empty(t, r.raw)
	assert.Contains(t, r.header.Get("Set-Cookie"), "ST=;")
	f.sessionEnded(t)

	hint = f.signedOn(t)
	r = call("text/html", "id_token_hint", hint, "post_logout_redirect_uri", "https://example.com/bye", "state", "s1")
	require.Equal(t, 302, r.code, r.raw)
	assert.Equal(t, "https://example.com/bye?state=s1", r.header.Get("Location"))
	f.sessionEnded(t)

	r = call("text/html", "id_token_hint", f.signedOn(t))
	require.Equal(t, 302, r.code, r.raw)
	page := f.c.do("GET", r.header.Get("Location"), nil, "")
	require.Equal(t, 200, page.code, page.raw)
	assert.Contains(t, page.raw, "<title>Signed Off</title>")

	// An application without idpSignoff may not use it.
	g := newFixture(t, pingone.Options{}, "")
	assertPlatformError(t, g.c.do("GET", g.auth("/as/idpSignoff?id_token_hint="+g.signedOn(t)), nil, ""), 400, "INVALID_REQUEST", "INVALID_VALUE")
}

// TestSignOffPages: without a post_logout_redirect_uri a browser lands on
// the hosted signed-out page, or on the application's own sign-on UI
// (loginPageUrl) with the environmentId; that UI is also where an
// authorization request sends the browser, with the flowId.
func TestSignOffPages(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{}, signoffApp)
	f.signedOn(t)
	r := f.c.do("GET", f.auth("/as/signoff"), nil, "")
	require.Equal(t, 302, r.code, r.raw)
	loc, err := url.Parse(r.header.Get("Location"))
	require.NoError(t, err)
	assert.Equal(t, f.envID, loc.Query().Get("environmentId"))
	page := f.c.do("GET", loc.String(), nil, "")
	require.Equal(t, 200, page.code, page.raw)
	assert.Contains(t, page.raw, "Signed Off")
	f.sessionEnded(t)

	custom := strings.Replace(signoffApp, `"idpSignoff":true,`, `"loginPageUrl":"https://login.example.com/ui?brand=x",`, 1)
	g := newFixture(t, pingone.Options{}, custom)
	a := g.authorize()
	require.Equal(t, 302, a.code, a.raw)
	loc, err = url.Parse(a.header.Get("Location"))
	require.NoError(t, err)
	assert.Equal(t, "login.example.com", loc.Host)
	assert.Equal(t, "x", loc.Query().Get("brand"))
	flowID := loc.Query().Get("flowId")
	require.NotEmpty(t, flowID)
	fl := g.c.do("GET", g.auth("/flows/"+flowID), nil, "")
	assert.Equal(t, a.header.Get("Location"), fl.body["_links"].(map[string]any)["signOnPage"].(map[string]any)["href"])

	hint := g.signedOn(t)
	r = g.c.do("GET", g.auth("/as/signoff?id_token_hint="+url.QueryEscape(hint)), nil, "")
	require.Equal(t, 302, r.code, r.raw)
	assert.Equal(t, "https://login.example.com/ui?brand=x&environmentId="+g.envID, r.header.Get("Location"))
}

// TestSessionCookies: the interaction and session cookies are scoped to
// the environment's path and HttpOnly, as PingOne's; over HTTPS they are
// Secure and SameSite=None as PingOne sets them, over plain HTTP neither
// (a client would not send a Secure cookie back over HTTP); sign-off
// clears ST with the same attributes.
func TestSessionCookies(t *testing.T) {
	t.Parallel()
	for _, tls := range []bool{false, true} {
		t.Run(map[bool]string{false: "http", true: "https"}[tls], func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, pingone.Options{TLS: tls}, "")
			check := func(t *testing.T, r reply, names ...string) map[string]*http.Cookie {
				t.Helper()
				got := map[string]*http.Cookie{}
				for _, line := range r.header.Values("Set-Cookie") {
					c, err := http.ParseSetCookie(line)
					require.NoError(t, err, line)
					got[c.Name] = c
					assert.Equal(t, "/"+f.envID, c.Path, line)
					assert.True(t, c.HttpOnly, line)
					assert.Equal(t, tls, c.Secure, line)
					if tls {
						assert.Equal(t, http.SameSiteNoneMode, c.SameSite, line)
					} else {
						assert.Zero(t, c.SameSite, line) // no SameSite attribute
					}
				}
				for _, n := range names {
					assert.Contains(t, got, n)
				}
				return got
			}
			a := f.authorize()
			require.Equal(t, 302, a.code, a.raw)
			check(t, a, "interactionId", "interactionToken")
			flowID := flowIDFrom(t, a)
			r := f.flowPost(flowID, "usernamePassword.check", `{"username":"ada","password":"2FederateM0re!"}`)
			require.Equal(t, "COMPLETED", r.body["status"], r.raw)
			st := check(t, r, "ST")["ST"]
			assert.Positive(t, st.MaxAge)
			out := f.c.do("GET", f.auth("/as/signoff"), nil, "")
			require.Equal(t, 302, out.code, out.raw)
			gone := check(t, out, "ST")["ST"]
			assert.Empty(t, gone.Value)
			assert.Negative(t, gone.MaxAge, "Max-Age=0 on the wire")
		})
	}
}
