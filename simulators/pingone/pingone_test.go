package pingone_test

import (
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/tls"
	"encoding/base64"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/pingone"
	"github.com/courier-run/courier/simulators/pingone/pingonetest"
)

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// client talks to one server with its own cookie jar (net/http's, which
// scopes cookies by path as browsers and Postman do).
type client struct {
	t   *testing.T
	run *pingone.Running
	hc  *http.Client
}

type reply struct {
	code   int
	header http.Header
	body   map[string]any
	raw    string
}

func newClient(t *testing.T, run *pingone.Running) *client {
	jar, _ := cookiejar.New(nil)
	hc := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
	if pool := run.CertPool(); pool != nil { // a TLS server trusts its own certificate
		hc.Transport = &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}}
	}
	return &client{t: t, run: run, hc: hc}
}

func (c *client) do(method, u string, header map[string]string, body string) reply {
	c.t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	require.NoError(c.t, err)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := c.hc.Do(req)
	require.NoError(c.t, err)
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var m map[string]any
	_ = json.Unmarshal(raw, &m)
	return reply{code: resp.StatusCode, header: resp.Header, body: m, raw: string(raw)}
}

func form(kv ...string) string {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return v.Encode()
}

func basicAuth(id, secret string) string {
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(id+":"+secret))
}

const formCT = "application/x-www-form-urlencoded"

// adminToken gets a Worker token for the seeded admin app.
func (c *client) adminToken() string {
	c.t.Helper()
	cr := c.run.Credentials()
	r := c.do("POST", c.run.URL+"/"+cr.AdminEnvID+"/as/token",
		map[string]string{"Content-Type": formCT, "Authorization": basicAuth(cr.AdminAppID, cr.AdminAppSecret)},
		form("grant_type", "client_credentials"))
	require.Equal(c.t, 200, r.code, r.raw)
	return r.body["access_token"].(string)
}

func (c *client) api(method, path, token, ctype, body string) reply {
	c.t.Helper()
	h := map[string]string{}
	if token != "" {
		h["Authorization"] = "Bearer " + token
	}
	if ctype != "" {
		h["Content-Type"] = ctype
	}
	return c.do(method, c.run.APIURL+path, h, body)
}

// fixture is an environment with a population, a user with a password and
// an OIDC web app, built through the API.
type fixture struct {
	c                          *client
	token, envID, userID       string
	appID, appSecret, redirect string
}

func newFixture(t *testing.T, opts pingone.Options, appBody string) *fixture {
	run := pingonetest.StartWith(t, opts)
	c := newClient(t, run)
	f := &fixture{c: c, token: c.adminToken(), redirect: "https://example.com/cb"}
	r := c.api("POST", "/environments", f.token, "application/json", `{"name":"Fixture","type":"SANDBOX","region":"NA"}`)
	require.Equal(t, 201, r.code, r.raw)
	f.envID = r.body["id"].(string)
	r = c.api("POST", "/environments/"+f.envID+"/users", f.token, "application/json", `{"username":"ada","email":"ada@example.com","name":{"given":"Ada","family":"L"}}`)
	require.Equal(t, 201, r.code, r.raw)
	f.userID = r.body["id"].(string)
	r = c.api("PUT", "/environments/"+f.envID+"/users/"+f.userID+"/password", f.token, "application/vnd.pingidentity.password.set+json", `{"value":"2FederateM0re!","forceChange":false}`)
	require.Equal(t, 200, r.code, r.raw)
	if appBody == "" {
		appBody = `{"enabled":true,"name":"Web","type":"WEB_APP","protocol":"OPENID_CONNECT","grantTypes":["AUTHORIZATION_CODE","REFRESH_TOKEN"],"redirectUris":["https://example.com/cb"],"tokenEndpointAuthMethod":"CLIENT_SECRET_BASIC"}`
	}
	r = c.api("POST", "/environments/"+f.envID+"/applications", f.token, "application/json", appBody)
	require.Equal(t, 201, r.code, r.raw)
	f.appID = r.body["id"].(string)
	if r := c.api("GET", "/environments/"+f.envID+"/applications/"+f.appID+"/secret", f.token, "", ""); r.code == 200 {
		f.appSecret = r.body["secret"].(string)
	}
	return f
}

func (f *fixture) auth(path string) string { return f.c.run.URL + "/" + f.envID + path }

// authorize starts a flow and returns its id.
func (f *fixture) authorize(extra ...string) reply {
	f.c.t.Helper()
	q := url.Values{"response_type": {"code"}, "client_id": {f.appID}, "redirect_uri": {f.redirect}, "scope": {"openid profile email"}, "state": {"st8"}}
	for i := 0; i+1 < len(extra); i += 2 {
		q.Set(extra[i], extra[i+1])
	}
	return f.c.do("GET", f.auth("/as/authorize?"+q.Encode()), nil, "")
}

func flowIDFrom(t *testing.T, r reply) string {
	t.Helper()
	require.Equal(t, 302, r.code, r.raw)
	u, err := url.Parse(r.header.Get("Location"))
	require.NoError(t, err)
	id := u.Query().Get("flowId")
	require.NotEmpty(t, id, "Location %s", r.header.Get("Location"))
	return id
}

// login runs authorize → password check → resume and returns the code.
func (f *fixture) login(extra ...string) string {
	t := f.c.t
	t.Helper()
	// A fresh jar: an earlier session would complete the flow at once.
	f.c.hc.Jar, _ = cookiejar.New(nil)
	flowID := flowIDFrom(t, f.authorize(extra...))
	r := f.c.do("POST", f.auth("/flows/"+flowID), map[string]string{"Content-Type": "application/vnd.pingidentity.usernamePassword.check+json"}, `{"username":"ada","password":"2FederateM0re!"}`)
	require.Equal(t, 200, r.code, r.raw)
	require.Equal(t, "COMPLETED", r.body["status"])
	r = f.c.do("GET", f.auth("/as/resume?flowId="+flowID), nil, "")
	require.Equal(t, 302, r.code, r.raw)
	loc, _ := url.Parse(r.header.Get("Location"))
	require.Equal(t, "st8", loc.Query().Get("state"))
	return loc.Query().Get("code")
}

func (f *fixture) exchange(code string, extra ...string) reply {
	kv := append([]string{"grant_type", "authorization_code", "code", code, "redirect_uri", f.redirect}, extra...)
	return f.c.do("POST", f.auth("/as/token"), map[string]string{"Content-Type": formCT, "Authorization": basicAuth(f.appID, f.appSecret)}, form(kv...))
}

func assertPlatformError(t *testing.T, r reply, status int, code string, detailCode string) {
	t.Helper()
	assert.Equal(t, status, r.code, r.raw)
	assert.Equal(t, code, r.body["code"], r.raw)
	assert.NotEmpty(t, r.body["id"])
	assert.NotEmpty(t, r.body["message"])
	if detailCode != "" {
		details, _ := r.body["details"].([]any)
		require.NotEmpty(t, details, r.raw)
		assert.Equal(t, detailCode, details[0].(map[string]any)["code"], r.raw)
	}
}

func assertOAuthError(t *testing.T, r reply, status int, code string) {
	t.Helper()
	assert.Equal(t, status, r.code, r.raw)
	assert.Equal(t, code, r.body["error"], r.raw)
	assert.Contains(t, r.body["error_description"], "Correlation ID")
}

func TestListenLoopbackOnly(t *testing.T) {
	t.Parallel()
	_, err := pingone.Listen("0.0.0.0:0", pingone.Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "only loopback")
}

func TestTokenEndpoint(t *testing.T) {
	t.Parallel()
	run := pingonetest.Start(t)
	c := newClient(t, run)
	cr := run.Credentials()
	tokenURL := run.URL + "/" + cr.AdminEnvID + "/as/token"
	for _, tc := range []struct {
		name    string
		header  map[string]string
		body    string
		status  int
		errCode string
	}{
		{"basic", map[string]string{"Content-Type": formCT, "Authorization": basicAuth(cr.AdminAppID, cr.AdminAppSecret)}, form("grant_type", "client_credentials"), 200, ""},
		{"wrong secret", map[string]string{"Content-Type": formCT, "Authorization": basicAuth(cr.AdminAppID, "nope")}, form("grant_type", "client_credentials"), 401, "invalid_client"},
		{"post to a basic client", map[string]string{"Content-Type": formCT}, form("grant_type", "client_credentials", "client_id", cr.AdminAppID, "client_secret", cr.AdminAppSecret), 401, "invalid_client"},
		{"unknown client", map[string]string{"Content-Type": formCT, "Authorization": basicAuth("00000000-0000-4000-8000-000000000000", "x")}, form("grant_type", "client_credentials"), 401, "invalid_client"},
		{"no credentials", map[string]string{"Content-Type": formCT}, form("grant_type", "client_credentials"), 401, "invalid_client"},
		{"unsupported grant", map[string]string{"Content-Type": formCT, "Authorization": basicAuth(cr.AdminAppID, cr.AdminAppSecret)}, form("grant_type", "password"), 400, "unsupported_grant_type"},
		{"grant not enabled", map[string]string{"Content-Type": formCT, "Authorization": basicAuth(cr.AdminAppID, cr.AdminAppSecret)}, form("grant_type", "authorization_code", "code", "x"), 400, "unauthorized_client"},
		{"json body", map[string]string{"Content-Type": "application/json", "Authorization": basicAuth(cr.AdminAppID, cr.AdminAppSecret)}, `{"grant_type":"client_credentials"}`, 400, "invalid_request"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := c.do("POST", tokenURL, tc.header, tc.body)
			if tc.errCode != "" {
				assertOAuthError(t, r, tc.status, tc.errCode)
				return
			}
			require.Equal(t, tc.status, r.code, r.raw)
			assert.Equal(t, "application/json;charset=UTF-8", r.header.Get("Content-Type"))
			assert.Equal(t, "Bearer", r.body["token_type"])
			assert.EqualValues(t, 3600, r.body["expires_in"])
			claims := decodeClaims(t, r.body["access_token"].(string))
			assert.Equal(t, cr.AdminAppID, claims["client_id"])
			assert.Equal(t, cr.AdminEnvID, claims["env"])
			assert.Equal(t, cr.OrgID, claims["org"])
			assert.Equal(t, run.URL+"/"+cr.AdminEnvID+"/as", claims["iss"])
			assert.EqualValues(t, 3600, claims["exp"].(float64)-claims["iat"].(float64))
		})
	}
}

// TestTokenSignature verifies an RS256 access token against the JWKS.
func TestTokenSignature(t *testing.T) {
	t.Parallel()
	run := pingonetest.Start(t)
	c := newClient(t, run)
	tok := c.adminToken()
	jwks := c.do("GET", run.URL+"/"+run.Credentials().AdminEnvID+"/as/jwks", nil, "")
	require.Equal(t, 200, jwks.code)
	key := jwks.body["keys"].([]any)[0].(map[string]any)
	n, _ := base64.RawURLEncoding.DecodeString(key["n"].(string))
	e, _ := base64.RawURLEncoding.DecodeString(key["e"].(string))
	pub := &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(new(big.Int).SetBytes(e).Int64())}
	parts := strings.Split(tok, ".")
	sig, _ := base64.RawURLEncoding.DecodeString(parts[2])
	sum := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	require.NoError(t, rsa.VerifyPKCS1v15(pub, crypto.SHA256, sum[:], sig))
	// A token with a tampered payload is refused by the API.
	tampered := parts[0] + "." + base64.RawURLEncoding.EncodeToString([]byte(`{"env":"`+run.Credentials().AdminEnvID+`","exp":9999999999}`)) + "." + parts[2]
	assertPlatformError(t, c.api("GET", "/environments", tampered, "", ""), 401, "ACCESS_FAILED", "INVALID_TOKEN")
}

func TestManagementAuth(t *testing.T) {
	t.Parallel()
	clk := &clock{t: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	f := newFixture(t, pingone.Options{Now: clk.now, Signing: "HS256"}, "")
	c := f.c
	code := f.login()
	userTok := f.exchange(code).body["access_token"].(string)
	for _, tc := range []struct {
		name, token, path string
		status            int
		code, detail      string
	}{
		{"missing token", "", "/environments", 401, "ACCESS_FAILED", "INVALID_TOKEN"},
		{"garbage token", "abc.def.ghi", "/environments", 401, "ACCESS_FAILED", "INVALID_TOKEN"},
		{"user token", userTok, "/environments/" + f.envID + "/users", 403, "ACCESS_FAILED", ""},
		{"unknown environment", f.token, "/environments/00000000-0000-4000-8000-000000000000/users", 403, "ACCESS_FAILED", ""},
		{"unknown user", f.token, "/environments/" + f.envID + "/users/00000000-0000-4000-8000-000000000000", 404, "NOT_FOUND", ""},
		{"unknown path", f.token, "/environments/" + f.envID + "/nothing", 404, "NOT_FOUND", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := c.api("GET", tc.path, tc.token, "", "")
			assertPlatformError(t, r, tc.status, tc.code, tc.detail)
			if tc.status == 401 {
				assert.Equal(t, "The authorization token is either missing or invalid, or it has expired.", r.body["details"].([]any)[0].(map[string]any)["message"])
			}
		})
	}
	require.Equal(t, 200, c.api("GET", "/environments/"+f.envID, f.token, "", "").code)
	clk.add(time.Hour + time.Second)
	assertPlatformError(t, c.api("GET", "/environments/"+f.envID, f.token, "", ""), 401, "ACCESS_FAILED", "INVALID_TOKEN")
}

func TestManagementResources(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{Signing: "HS256"}, "")
	c, tok, env := f.c, f.token, "/environments/"+f.envID
	r := c.api("GET", env, tok, "", "")
	require.Equal(t, 200, r.code)
	assert.Equal(t, "application/json;charset=UTF-8", r.header.Get("Content-Type"))
	assert.Contains(t, r.body["_links"].(map[string]any)["self"].(map[string]any)["href"], env)
	assert.NotEmpty(t, r.body["createdAt"])
	for _, tc := range []struct {
		name, method, path, ctype, body string
		status                          int
		code, detail                    string
	}{
		{"environment without name", "POST", "/environments", "application/json", `{"type":"SANDBOX","region":"NA"}`, 400, "INVALID_DATA", "REQUIRED_VALUE"},
		{"environment bad type", "POST", "/environments", "application/json", `{"name":"x","type":"TEST","region":"NA"}`, 400, "INVALID_DATA", "INVALID_VALUE"},
		{"duplicate environment", "POST", "/environments", "application/json", `{"name":"Fixture","type":"SANDBOX","region":"NA"}`, 400, "INVALID_DATA", "UNIQUENESS_VIOLATION"},
		{"population without name", "POST", env + "/populations", "application/json", `{}`, 400, "INVALID_DATA", "REQUIRED_VALUE"},
		{"duplicate username", "POST", env + "/users", "application/json", `{"username":"ada"}`, 400, "INVALID_DATA", "UNIQUENESS_VIOLATION"},
		{"user in unknown population", "POST", env + "/users", "application/json", `{"username":"bob","population":{"id":"00000000-0000-4000-8000-000000000000"}}`, 400, "INVALID_DATA", "INVALID_VALUE"},
		{"password as plain JSON", "PUT", env + "/users/" + f.userID + "/password", "application/json", `{"value":"2FederateM0re!"}`, 415, "INVALID_REQUEST", "INVALID_VALUE"},
		{"weak password", "PUT", env + "/users/" + f.userID + "/password", "application/vnd.pingidentity.password.set+json", `{"value":"short"}`, 400, "INVALID_DATA", "INVALID_VALUE"},
		{"malformed JSON", "POST", env + "/populations", "application/json", `{"name":`, 400, "INVALID_REQUEST", "INVALID_VALUE"},
		{"web app without redirect", "POST", env + "/applications", "application/json", `{"enabled":true,"name":"x","type":"WEB_APP","protocol":"OPENID_CONNECT","grantTypes":["AUTHORIZATION_CODE"]}`, 400, "INVALID_DATA", "REQUIRED_VALUE"},
		{"MFA action without a method", "POST", env + "/signOnPolicies/POLICY/actions", "application/json", `{"priority":1,"type":"MULTI_FACTOR_AUTHENTICATION"}`, 400, "INVALID_DATA", "INVALID_VALUE"},
		{"device of unknown type", "POST", env + "/users/" + f.userID + "/devices", "application/json", `{"type":"CARRIER_PIGEON"}`, 400, "INVALID_DATA", "INVALID_VALUE"},
		{"delete environment", "DELETE", env, "", "", 405, "METHOD_NOT_ALLOWED", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := tc.path
			if strings.Contains(path, "POLICY") {
				p := c.api("POST", env+"/signOnPolicies", tok, "application/json", `{"name":"P_`+strings.ReplaceAll(tc.name, " ", "_")+`"}`)
				require.Equal(t, 201, p.code, p.raw)
				path = strings.Replace(path, "POLICY", p.body["id"].(string), 1)
			}
			assertPlatformError(t, c.api(tc.method, path, tok, tc.ctype, tc.body), tc.status, tc.code, tc.detail)
		})
	}

	t.Run("environment products and lists", func(t *testing.T) {
		r := c.api("POST", "/environments", tok, "application/json", `{"name":"MFA env","type":"SANDBOX","region":"EU","billOfMaterials":{"products":[{"type":"PING_ONE_BASE"},{"type":"PING_ONE_MFA"}]}}`)
		require.Equal(t, 201, r.code, r.raw)
		var types []string
		for _, p := range r.body["billOfMaterials"].(map[string]any)["products"].([]any) {
			types = append(types, p.(map[string]any)["type"].(string))
		}
		assert.Equal(t, []string{"PING_ONE_BASE", "PING_ONE_MFA"}, types)
		list := c.api("GET", "/environments", tok, "", "")
		require.Equal(t, 200, list.code)
		assert.EqualValues(t, 3, list.body["count"]) // admin, Fixture, MFA env
		pops := c.api("GET", "/environments/"+r.body["id"].(string)+"/populations", tok, "", "")
		assert.Equal(t, "Default", pops.body["_embedded"].(map[string]any)["populations"].([]any)[0].(map[string]any)["name"])
	})

	t.Run("user, mfaEnabled and device", func(t *testing.T) {
		u := c.api("GET", env+"/users/"+f.userID, tok, "", "")
		require.Equal(t, 200, u.code)
		assert.Equal(t, false, u.body["mfaEnabled"])
		m := c.api("PUT", env+"/users/"+f.userID+"/mfaEnabled", tok, "application/json", `{"mfaEnabled":true}`)
		require.Equal(t, 200, m.code, m.raw)
		assert.Equal(t, true, m.body["mfaEnabled"])
		assert.Equal(t, true, c.api("GET", env+"/users/"+f.userID, tok, "", "").body["mfaEnabled"])
		d := c.api("POST", env+"/users/"+f.userID+"/devices", tok, "application/json", `{"type":"EMAIL","email":"ada@example.com"}`)
		require.Equal(t, 201, d.code, d.raw)
		assert.Equal(t, "ACTIVE", d.body["status"])
		devs := c.api("GET", env+"/users/"+f.userID+"/devices", tok, "", "")
		assert.EqualValues(t, 1, devs.body["count"])
	})

	t.Run("policy, action and assignment", func(t *testing.T) {
		p := c.api("POST", env+"/signOnPolicies", tok, "application/json", `{"name":"MFA_Policy"}`)
		require.Equal(t, 201, p.code)
		pid := p.body["id"].(string)
		a := c.api("POST", env+"/signOnPolicies/"+pid+"/actions", tok, "application/json", `{"priority":1,"type":"LOGIN"}`)
		require.Equal(t, 201, a.code, a.raw)
		dup := c.api("POST", env+"/signOnPolicies/"+pid+"/actions", tok, "application/json", `{"priority":1,"type":"MULTI_FACTOR_AUTHENTICATION","email":{"enabled":true}}`)
		assertPlatformError(t, dup, 400, "INVALID_DATA", "UNIQUENESS_VIOLATION")
		as := c.api("POST", env+"/applications/"+f.appID+"/signOnPolicyAssignments", tok, "application/json", `{"priority":1,"signOnPolicy":{"id":"`+pid+`"}}`)
		require.Equal(t, 201, as.code, as.raw)
		assert.Equal(t, pid, as.body["signOnPolicy"].(map[string]any)["id"])
		list := c.api("GET", env+"/applications/"+f.appID+"/signOnPolicyAssignments", tok, "", "")
		assert.EqualValues(t, 1, list.body["count"])
	})
}
