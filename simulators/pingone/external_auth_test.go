package pingone_test

import (
	"net/http/cookiejar"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/pingone"
)

// externalFixture: the fixture's environment is the destination; a source
// environment with user grace and an app redirecting to the destination's
// callback is its OPENID_CONNECT provider (with the given issuer, or the
// source's), chosen by a discovery rule for "@source.test".
// The action enables registration, so the callback links or creates the
// user itself; linking == true leaves registration off, so the callback
// stops in ACCOUNT_LINKING_REQUIRED.
func externalFixture(t *testing.T, issuer string) (f *fixture, srcEnv string) {
	t.Helper()
	return externalFixtureWith(t, issuer, false)
}

func externalFixtureWith(t *testing.T, issuer string, linking bool) (f *fixture, srcEnv string) {
	t.Helper()
	return externalFixtureReg(t, issuer, linking, "")
}

// externalFixtureReg is externalFixtureWith whose action's registration
// also carries the extra JSON members regExtra (e.g. `"confirmIdentityProviderAttributes":true,`).
func externalFixtureReg(t *testing.T, issuer string, linking bool, regExtra string) (f *fixture, srcEnv string) {
	t.Helper()
	f = newFixture(t, pingone.Options{}, "")
	c := f.c
	r := c.api("POST", "/environments", f.token, "application/json", `{"name":"Source","type":"SANDBOX","region":"NA"}`)
	require.Equal(t, 201, r.code, r.raw)
	srcEnv = r.body["id"].(string)
	r = c.api("POST", "/environments/"+srcEnv+"/users", f.token, "application/json", `{"username":"grace","email":"grace@source.test"}`)
	require.Equal(t, 201, r.code, r.raw)
	r = c.api("PUT", "/environments/"+srcEnv+"/users/"+r.body["id"].(string)+"/password", f.token, "application/vnd.pingidentity.password.set+json", `{"value":"2FederateM0re!","forceChange":false}`)
	require.Equal(t, 200, r.code, r.raw)
	r = c.api("POST", "/environments/"+srcEnv+"/applications", f.token, "application/json", `{"enabled":true,"name":"Src","type":"WEB_APP","protocol":"OPENID_CONNECT","grantTypes":["AUTHORIZATION_CODE"],"redirectUris":["`+c.run.URL+"/"+f.envID+`/rp/callback/openid_connect"],"tokenEndpointAuthMethod":"CLIENT_SECRET_BASIC"}`)
	require.Equal(t, 201, r.code, r.raw)
	appID := r.body["id"].(string)
	r = c.api("GET", "/environments/"+srcEnv+"/applications/"+appID+"/secret", f.token, "", "")
	require.Equal(t, 200, r.code, r.raw)
	as := c.run.URL + "/" + srcEnv + "/as"
	if issuer == "" {
		issuer = as
	}
	r = c.api("POST", "/environments/"+f.envID+"/identityProviders", f.token, "application/json", `{"name":"Source","type":"OPENID_CONNECT","enabled":true,
		"clientId":"`+appID+`","clientSecret":"`+r.body["secret"].(string)+`","authorizationEndpoint":"`+as+`/authorize","tokenEndpoint":"`+as+`/token","jwksEndpoint":"`+as+`/jwks",
		"issuer":"`+issuer+`","scopes":["openid","profile","email"],"tokenEndpointAuthMethod":"CLIENT_SECRET_BASIC"}`)
	require.Equal(t, 201, r.code, r.raw)
	idp := r.body["id"].(string)
	reg := ""
	if !linking {
		r = c.api("POST", "/environments/"+f.envID+"/populations", f.token, "application/json", `{"name":"Linked"}`)
		require.Equal(t, 201, r.code, r.raw)
		reg = `"registration":{` + regExtra + `"enabled":true,"population":{"id":"` + r.body["id"].(string) + `"}},`
	}
	f.policyWith(t, `{"type":"IDENTIFIER_FIRST","priority":1,`+reg+`"discoveryRules":[{"condition":{"value":"${identifier}","contains":"@source.test"},"identityProvider":{"id":"`+idp+`"}}]}`)
	f.c.hc.Jar, _ = cookiejar.New(nil)
	return f, srcEnv
}

// toSource starts a destination flow, looks up grace and follows
// rp/authenticate to the source's flow; it returns both flow ids.
func toSource(t *testing.T, f *fixture) (flowID, srcFlowID string) {
	t.Helper()
	flowID = flowIDFrom(t, f.authorize())
	r := f.flowPost(flowID, "user.lookup", `{"username":"grace@source.test"}`)
	require.Equal(t, 200, r.code, r.raw)
	require.Equal(t, "EXTERNAL_AUTHENTICATION_REQUIRED", r.body["status"], r.raw)
	href := r.body["_links"].(map[string]any)["authenticate"].(map[string]any)["href"].(string)
	r = f.c.do("GET", href, nil, "")
	require.Equal(t, 302, r.code, r.raw)
	return flowID, flowIDFrom(t, f.c.do("GET", r.header.Get("Location"), nil, ""))
}

// TestExternalAuthentication: a discovery rule sends grace to the source;
// her code comes back through the callback, which links a new destination
// user and completes the flow; failures leave the flow without a code.
func TestExternalAuthentication(t *testing.T) {
	t.Parallel()
	srcPost := func(f *fixture, src, flowID, body string) reply {
		return f.c.do("POST", f.c.run.URL+"/"+src+"/flows/"+flowID, map[string]string{"Content-Type": "application/vnd.pingidentity.usernamePassword.check+json"}, body)
	}
	callback := func(t *testing.T, f *fixture, src, srcFlow string) reply {
		t.Helper()
		r := srcPost(f, src, srcFlow, `{"username":"grace","password":"2FederateM0re!"}`)
		require.Equal(t, 200, r.code, r.raw)
		r = f.c.do("GET", f.c.run.URL+"/"+src+"/as/resume?flowId="+srcFlow, nil, "")
		require.Equal(t, 302, r.code, r.raw)
		return f.c.do("GET", r.header.Get("Location"), nil, "")
	}
	for _, tc := range []struct {
		name  string
		check func(t *testing.T, f *fixture, src string)
	}{
		{"linked and signed on", func(t *testing.T, f *fixture, src string) {
			flowID, srcFlow := toSource(t, f)
			require.Equal(t, 302, callback(t, f, src, srcFlow).code)
			r := f.c.do("GET", f.auth("/flows/"+flowID), nil, "")
			require.Equal(t, "COMPLETED", r.body["status"], r.raw)
			u := r.body["_embedded"].(map[string]any)["user"].(map[string]any)
			assert.Equal(t, "grace", u["username"])
			r = f.c.api("GET", "/environments/"+f.envID+"/users/"+u["id"].(string), f.token, "", "")
			assert.NotEmpty(t, r.body["identityProvider"].(map[string]any)["id"], r.raw)
			r = f.c.do("GET", f.auth("/as/resume?flowId="+flowID), nil, "")
			require.Equal(t, 302, r.code, r.raw)
			loc, _ := url.Parse(r.header.Get("Location"))
			r = f.exchange(loc.Query().Get("code"))
			require.Equal(t, 200, r.code, r.raw)
			assert.Equal(t, u["id"], decodeClaims(t, r.body["access_token"].(string))["sub"])
		}},
		{"bad state", func(t *testing.T, f *fixture, _ string) {
			toSource(t, f)
			assertPlatformError(t, f.c.do("GET", f.auth("/rp/callback/openid_connect?code=x&state=nope"), nil, ""), 400, "INVALID_REQUEST", "INVALID_VALUE")
		}},
		{"state replayed", func(t *testing.T, f *fixture, src string) {
			_, srcFlow := toSource(t, f)
			r := srcPost(f, src, srcFlow, `{"username":"grace","password":"2FederateM0re!"}`)
			require.Equal(t, 200, r.code, r.raw)
			r = f.c.do("GET", f.c.run.URL+"/"+src+"/as/resume?flowId="+srcFlow, nil, "")
			require.Equal(t, 302, f.c.do("GET", r.header.Get("Location"), nil, "").code)
			assertPlatformError(t, f.c.do("GET", r.header.Get("Location"), nil, ""), 400, "INVALID_REQUEST", "INVALID_VALUE")
		}},
		{"unknown provider", func(t *testing.T, f *fixture, _ string) {
			flowID, _ := toSource(t, f)
			assertPlatformError(t, f.c.do("GET", f.auth("/rp/authenticate?providerId="+f.appID+"&flowId="+flowID), nil, ""), 400, "INVALID_DATA", "INVALID_VALUE")
		}},
		{"source refuses the password", func(t *testing.T, f *fixture, src string) {
			flowID, srcFlow := toSource(t, f)
			assertPlatformError(t, srcPost(f, src, srcFlow, `{"username":"grace","password":"wrong"}`), 400, "INVALID_DATA", "INVALID_VALUE")
			r := f.c.do("GET", f.auth("/flows/"+flowID), nil, "")
			assert.Equal(t, "EXTERNAL_AUTHENTICATION_REQUIRED", r.body["status"], r.raw)
			assert.Equal(t, 400, f.c.do("GET", f.auth("/as/resume?flowId="+flowID), nil, "").code)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f, src := externalFixture(t, "")
			tc.check(t, f, src)
		})
	}
	t.Run("ID token from the wrong issuer", func(t *testing.T) {
		t.Parallel()
		f, src := externalFixture(t, "https://auth.pingone.com/not-the-source/as")
		flowID, srcFlow := toSource(t, f)
		require.Equal(t, 302, callback(t, f, src, srcFlow).code)
		r := f.c.do("GET", f.auth("/flows/"+flowID), nil, "")
		assert.Equal(t, "FAILED", r.body["status"], r.raw)
		assert.Contains(t, r.body["error"].(map[string]any)["message"], "issuer")
		assert.Equal(t, 400, f.c.do("GET", f.auth("/as/resume?flowId="+flowID), nil, "").code)
	})
}

// TestAccountLinking: with registration off, the callback stops in
// ACCOUNT_LINKING_REQUIRED; the destination user's username and password
// link the external identity to that user and complete the flow.
func TestAccountLinking(t *testing.T) {
	t.Parallel()
	const destPassword = "2Destinati0n!"
	// toLinking runs the external sign-on up to the linking step and
	// returns the flow id, the callback URL and the destination user's id.
	toLinking := func(t *testing.T, f *fixture, src string) (flowID, callbackURL, destID string) {
		t.Helper()
		r := f.c.api("POST", "/environments/"+f.envID+"/users", f.token, "application/json", `{"username":"gdest","email":"gdest@dest.test"}`)
		require.Equal(t, 201, r.code, r.raw)
		destID = r.body["id"].(string)
		r = f.c.api("PUT", "/environments/"+f.envID+"/users/"+destID+"/password", f.token, "application/vnd.pingidentity.password.set+json", `{"value":"`+destPassword+`","forceChange":false}`)
		require.Equal(t, 200, r.code, r.raw)
		flowID, srcFlow := toSource(t, f)
		r = f.c.do("POST", f.c.run.URL+"/"+src+"/flows/"+srcFlow, map[string]string{"Content-Type": "application/vnd.pingidentity.usernamePassword.check+json"}, `{"username":"grace","password":"2FederateM0re!"}`)
		require.Equal(t, 200, r.code, r.raw)
		r = f.c.do("GET", f.c.run.URL+"/"+src+"/as/resume?flowId="+srcFlow, nil, "")
		require.Equal(t, 302, r.code, r.raw)
		callbackURL = r.header.Get("Location")
		require.Equal(t, 302, f.c.do("GET", callbackURL, nil, "").code)
		r = f.c.do("GET", f.auth("/flows/"+flowID), nil, "")
		require.Equal(t, "ACCOUNT_LINKING_REQUIRED", r.body["status"], r.raw)
		assert.Contains(t, r.body["_links"], "usernamePassword.check", r.raw)
		assert.NotEmpty(t, r.body["_embedded"].(map[string]any)["identityProvider"], r.raw)
		return flowID, callbackURL, destID
	}
	link := func(f *fixture, flowID, username, password string) reply {
		return f.flowPost(flowID, "usernamePassword.check", `{"username":"`+username+`","password":"`+password+`"}`)
	}
	for _, tc := range []struct {
		name  string
		check func(t *testing.T, f *fixture, src string)
	}{
		{"destination credentials link and complete", func(t *testing.T, f *fixture, src string) {
			flowID, _, destID := toLinking(t, f, src)
			r := link(f, flowID, "gdest", destPassword)
			require.Equal(t, 200, r.code, r.raw)
			assert.Equal(t, "COMPLETED", r.body["status"], r.raw)
			r = f.c.api("GET", "/environments/"+f.envID+"/users/"+destID, f.token, "", "")
			assert.NotEmpty(t, r.body["identityProvider"].(map[string]any)["id"], r.raw)
			r = f.c.do("GET", f.auth("/as/resume?flowId="+flowID), nil, "")
			require.Equal(t, 302, r.code, r.raw)
			loc, _ := url.Parse(r.header.Get("Location"))
			r = f.exchange(loc.Query().Get("code"))
			require.Equal(t, 200, r.code, r.raw)
			assert.Equal(t, destID, decodeClaims(t, r.body["access_token"].(string))["sub"])
		}},
		{"wrong linking password", func(t *testing.T, f *fixture, src string) {
			flowID, _, destID := toLinking(t, f, src)
			assertPlatformError(t, link(f, flowID, "gdest", "wrong"), 400, "INVALID_DATA", "INVALID_VALUE")
			r := f.c.do("GET", f.auth("/flows/"+flowID), nil, "")
			assert.Equal(t, "ACCOUNT_LINKING_REQUIRED", r.body["status"], r.raw)
			assert.Equal(t, 400, f.c.do("GET", f.auth("/as/resume?flowId="+flowID), nil, "").code)
			r = f.c.api("GET", "/environments/"+f.envID+"/users/"+destID, f.token, "", "")
			assert.NotContains(t, r.body["identityProvider"], "id", r.raw)
			r = link(f, flowID, "gdest", destPassword) // the right password still links
			require.Equal(t, 200, r.code, r.raw)
			assert.Equal(t, "COMPLETED", r.body["status"], r.raw)
		}},
		{"unknown destination user", func(t *testing.T, f *fixture, src string) {
			flowID, _, _ := toLinking(t, f, src)
			assertPlatformError(t, link(f, flowID, "nobody", destPassword), 400, "INVALID_DATA", "INVALID_VALUE")
		}},
		{"replayed flow", func(t *testing.T, f *fixture, src string) {
			flowID, callbackURL, _ := toLinking(t, f, src)
			require.Equal(t, 200, link(f, flowID, "gdest", destPassword).code)
			assertPlatformError(t, link(f, flowID, "gdest", destPassword), 400, "INVALID_REQUEST", "INVALID_VALUE")
			assertPlatformError(t, f.c.do("GET", callbackURL, nil, ""), 400, "INVALID_REQUEST", "INVALID_VALUE")
			r := f.c.do("GET", f.auth("/flows/"+flowID), nil, "")
			assert.Equal(t, "COMPLETED", r.body["status"], r.raw)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f, src := externalFixtureWith(t, "", true)
			tc.check(t, f, src)
		})
	}
}
