package pingone_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/pingone"
)

// signAppJWT signs claims with secret, as an application signs its
// login_hint_token or request JWT.
func signAppJWT(t *testing.T, claims map[string]any, secret string) string {
	t.Helper()
	b, err := json.Marshal(claims)
	require.NoError(t, err)
	enc := base64.RawURLEncoding
	input := enc.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`)) + "." + enc.EncodeToString(b)
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(input))
	return input + "." + enc.EncodeToString(m.Sum(nil))
}

// TestProgressiveProfiling: the action is validated; after the password
// the flow asks for the attribute; user.update refuses attributes the
// action does not ask for and stores the phone number, which the user
// record then shows; the next sign-on within the interval is not prompted.
func TestProgressiveProfiling(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{Signing: "HS256"}, "")
	env := "/environments/" + f.envID
	r := f.c.api("POST", env+"/signOnPolicies", f.token, "application/json", `{"name":"PP"}`)
	require.Equal(t, 201, r.code, r.raw)
	bad := f.c.api("POST", env+"/signOnPolicies/"+r.body["id"].(string)+"/actions", f.token, "application/json",
		`{"priority":2,"type":"PROGRESSIVE_PROFILING","promptText":"x","promptIntervalSeconds":60,"preventMultiplePromptsPerFlow":false,"attributes":[{"name":"shoeSize","required":true}]}`)
	assertPlatformError(t, bad, 400, "INVALID_DATA", "INVALID_VALUE")

	f.policyWith(t, `{"priority":1,"type":"LOGIN"}`,
		`{"priority":50,"type":"PROGRESSIVE_PROFILING","promptText":"Tell us more","promptIntervalSeconds":3600,"preventMultiplePromptsPerFlow":false,"attributes":[{"name":"mobilePhone","required":true}]}`)
	flowID := flowIDFrom(t, f.authorize())
	r = f.flowPost(flowID, "user.update", `{"mobilePhone":"+1.5125551111"}`)
	assertPlatformError(t, r, 400, "INVALID_REQUEST", "INVALID_VALUE") // not yet: the password comes first
	r = f.flowPost(flowID, "usernamePassword.check", `{"username":"ada","password":"2FederateM0re!"}`)
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "PROFILE_DATA_REQUIRED", r.body["status"])
	assert.Equal(t, "Tell us more", r.body["promptText"])
	assert.Contains(t, r.body["_links"], "user.update")

	assertPlatformError(t, f.flowPost(flowID, "user.update", `{}`), 400, "INVALID_DATA", "REQUIRED_VALUE")
	assertPlatformError(t, f.flowPost(flowID, "user.update", `{"title":"Dr"}`), 400, "INVALID_DATA", "INVALID_VALUE")
	assertPlatformError(t, f.flowPost(flowID, "user.update", `{"mobilePhone":"call me"}`), 400, "INVALID_DATA", "INVALID_VALUE")
	r = f.flowPost(flowID, "user.update", `{"mobilePhone":"+1.5125551111"}`)
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "COMPLETED", r.body["status"])
	u := f.c.api("GET", env+"/users/"+f.userID, f.token, "", "")
	assert.Equal(t, "+1.5125551111", u.body["mobilePhone"])

	// The attribute is now set: the next sign-on is not prompted.
	code := f.login()
	assert.NotEmpty(t, code)
}

// TestResourceAttributeClaims: reserved names and unknown expressions are
// refused; a mapping puts the user's value in access tokens for the
// resource (and is left out when the user lacks the attribute).
func TestResourceAttributeClaims(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{Signing: "HS256"}, "")
	env := "/environments/" + f.envID
	r := f.c.api("POST", env+"/resources", f.token, "application/json", `{"name":"claims.api"}`)
	require.Equal(t, 201, r.code, r.raw)
	resID := r.body["id"].(string)
	attrs := env + "/resources/" + resID + "/attributes"
	assertPlatformError(t, f.c.api("POST", attrs, f.token, "application/json", `{"name":"sub","value":"${user.email}"}`), 400, "INVALID_DATA", "INVALID_VALUE")
	assertPlatformError(t, f.c.api("POST", attrs, f.token, "application/json", `{"name":"x","value":"${session.id}"}`), 400, "INVALID_DATA", "INVALID_VALUE")
	r = f.c.api("POST", attrs, f.token, "application/json", `{"name":"mail","value":"${user.email}"}`)
	require.Equal(t, 201, r.code, r.raw)
	assert.Equal(t, "CUSTOM", r.body["type"])
	r = f.c.api("POST", attrs, f.token, "application/json", `{"name":"phone","value":"tel:${user.mobilePhone}"}`)
	require.Equal(t, 201, r.code, r.raw)
	list := f.c.api("GET", attrs, f.token, "", "")
	names := []string{}
	for _, a := range list.body["_embedded"].(map[string]any)["attributes"].([]any) {
		names = append(names, a.(map[string]any)["name"].(string))
	}
	assert.Equal(t, []string{"sub", "mail", "phone"}, names)

	r = f.c.api("POST", env+"/resources/"+resID+"/scopes", f.token, "application/json", `{"name":"claims:read"}`)
	require.Equal(t, 201, r.code, r.raw)
	g := f.c.api("POST", env+"/applications/"+f.appID+"/grants", f.token, "application/json",
		`{"resource":{"id":"`+resID+`"},"scopes":[{"id":"`+r.body["id"].(string)+`"}]}`)
	require.Equal(t, 201, g.code, g.raw)
	tok := f.exchange(f.login("scope", "claims:read"))
	require.Equal(t, 200, tok.code, tok.raw)
	claims := decodeClaims(t, tok.body["access_token"].(string))
	assert.Equal(t, "ada@example.com", claims["mail"])
	assert.NotContains(t, claims, "phone", "the user has no mobilePhone")
	assert.Equal(t, f.userID, claims["sub"])
}

// TestLoginHintTokenAndRequestJWT: an MFA-only policy with a login hint
// starts at OTP_REQUIRED for the hinted user; a badly signed or expired
// hint is refused; a request JWT's pi.template shapes the passcode text.
func TestLoginHintTokenAndRequestJWT(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{Signing: "HS256"}, "")
	env := "/environments/" + f.envID
	require.Equal(t, 200, f.c.api("PUT", env+"/users/"+f.userID+"/mfaEnabled", f.token, "application/json", `{"mfaEnabled":true}`).code)
	require.Equal(t, 201, f.c.api("POST", env+"/users/"+f.userID+"/devices", f.token, "application/json", `{"type":"SMS","phone":"+1.5125550199"}`).code)
	f.policyWith(t, `{"priority":1,"type":"MULTI_FACTOR_AUTHENTICATION","sms":{"enabled":true}}`)
	r := f.c.api("POST", env+"/templates/transaction/contents", f.token, "application/json",
		`{"locale":"en","deliveryMethod":"SMS","variant":"pay","content":"Pay ${sum} to ${recipient}? Code ${OTP}"}`)
	require.Equal(t, 201, r.code, r.raw)

	aud := f.c.run.URL + "/" + f.envID + "/as"
	now := time.Now().Unix()
	hint := func(claims map[string]any, secret string) reply {
		return f.authorize("response_mode", "pi.flow", "login_hint_token", signAppJWT(t, claims, secret))
	}
	base := map[string]any{"iss": f.appID, "sub": "ada", "aud": aud, "iat": now, "exp": now + 300}
	assertOAuthError(t, hint(base, "not-the-secret"), 400, "invalid_request")
	expired := map[string]any{"iss": f.appID, "sub": "ada", "aud": aud, "iat": now - 600, "exp": now - 300}
	assertOAuthError(t, hint(expired, f.appSecret), 400, "invalid_request")
	wrongAud := map[string]any{"iss": f.appID, "sub": "ada", "aud": "https://elsewhere/as", "exp": now + 300}
	assertOAuthError(t, hint(wrongAud, f.appSecret), 400, "invalid_request")

	r = hint(base, f.appSecret)
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "OTP_REQUIRED", r.body["status"])
	inbox := f.c.do("GET", f.c.run.URL+"/__test/otp?userId="+url.QueryEscape(f.userID), nil, "")
	require.Equal(t, 200, inbox.code, inbox.raw)
	assert.Equal(t, "Your passcode is "+inbox.body["otp"].(string), inbox.body["message"])

	req := map[string]any{"iss": f.appID, "aud": aud, "sub": f.userID, "exp": now + 300, "scope": "openid",
		"pi.template": map[string]any{"name": "transaction", "variant": "pay", "variables": map[string]any{"sum": "$5", "recipient": "Bob"}}}
	signed := signAppJWT(t, req, f.appSecret)
	r = f.authorize("response_mode", "pi.flow", "request", signed, "login_hint_token", signed)
	require.Equal(t, 200, r.code, r.raw)
	flowID := r.body["id"].(string)
	inbox = f.c.do("GET", f.c.run.URL+"/__test/otp?userId="+url.QueryEscape(f.userID), nil, "")
	otp := inbox.body["otp"].(string)
	assert.Equal(t, "Pay $5 to Bob? Code "+otp, inbox.body["message"])
	r = f.flowPost(flowID, "otp.check", `{"otp":"`+otp+`"}`)
	require.Equal(t, 200, r.code, r.raw)
	assert.Equal(t, "COMPLETED", r.body["status"])
	code := r.body["authorizeResponse"].(map[string]any)["code"].(string)
	tok := f.exchange(code)
	require.Equal(t, 200, tok.code, tok.raw)
	assert.Equal(t, f.userID, decodeClaims(t, tok.body["id_token"].(string))["sub"])
}
