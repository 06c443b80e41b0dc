package pingone_test

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/pingone"
)

const jsonCT = "application/json"

func embedded(t *testing.T, r reply, name string) []any {
	t.Helper()
	require.Equal(t, 200, r.code, r.raw)
	emb, ok := r.body["_embedded"].(map[string]any)
	require.True(t, ok, "no _embedded in %s", r.raw)
	list, ok := emb[name].([]any)
	require.True(t, ok, "no _embedded.%s in %s", name, r.raw)
	return list
}

func assertResource(t *testing.T, r reply, status int, envID, path string) string {
	t.Helper()
	require.Equal(t, status, r.code, r.raw)
	assert.Equal(t, "application/json;charset=UTF-8", r.header.Get("Content-Type"))
	id, _ := r.body["id"].(string)
	require.NotEmpty(t, id, r.raw)
	assert.Equal(t, envID, r.body["environment"].(map[string]any)["id"], r.raw)
	self := r.body["_links"].(map[string]any)["self"].(map[string]any)["href"].(string)
	assert.True(t, strings.HasSuffix(self, path+"/"+id), "self %s does not end with %s/%s", self, path, id)
	assert.NotEmpty(t, r.body["createdAt"], r.raw)
	return id
}

// TestMoreResourcesCRUD creates, reads, lists, updates and deletes each
// generic resource, and checks its validation errors.
func TestMoreResourcesCRUD(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{Signing: "HS256"}, "")
	c, tok, env := f.c, f.token, "/environments/"+f.envID
	ldap := `{"name":"LDAP Gateway","type":"LDAP","enabled":true,"vendor":"PingDirectory","serversHostAndPort":["host1:389"],"bindDN":"cn=svc","bindPassword":"s3cret","userTypes":[]}`
	// Flow policy assignments name one of the environment's DaVinci flow
	// policies: add DaVinci and take its default policy (davinci.go).
	bom := c.api("PUT", env+"/billOfMaterials", tok, jsonCT, `{"products":[{"type":"PING_ONE_BASE"},{"type":"PING_ONE_DAVINCI"}]}`)
	require.Equal(t, 200, bom.code, bom.raw)
	dvPolicy := embedded(t, c.api("GET", env+"/flowPolicies", tok, "", ""), "flowPolicies")[0].(map[string]any)["id"].(string)
	oidc := `{"name":"Partner OIDC","type":"OPENID_CONNECT","enabled":true,"clientId":"cid","clientSecret":"csecret","authorizationEndpoint":"https://idp.example/authorize","tokenEndpoint":"https://idp.example/token","jwksEndpoint":"https://idp.example/jwks","issuer":"https://idp.example","scopes":["openid"],"tokenEndpointAuthMethod":"CLIENT_SECRET_BASIC"}`
	for _, tc := range []struct {
		name, path, embedded     string
		create                   string
		updateMethod, update     string
		updatedField, updatedVal string
		hidden                   string // write-only field that must not come back
		invalid, invalidDetail   string
		seeded                   int // resources PingOne provisions
	}{
		{"password policy", "/passwordPolicies", "passwordPolicies",
			`{"name":"Strict","default":false,"excludesCommonlyUsed":true,"excludesProfileData":true,"notSimilarToCurrent":true,"length":{"min":12,"max":64}}`,
			"PUT", `{"name":"Strict","description":"stricter","default":false,"excludesCommonlyUsed":true,"excludesProfileData":true,"notSimilarToCurrent":true}`,
			"description", "stricter", "", `{"name":"NoFlags"}`, "REQUIRED_VALUE", 3},
		{"identity provider", "/identityProviders", "identityProviders", oidc,
			"PUT", strings.Replace(oidc, `"enabled":true`, `"enabled":false`, 1), "enabled", "false", "", // clientSecret is returned: the specification requires it
			`{"name":"x","type":"OPENID_CONNECT"}`, "REQUIRED_VALUE", 0},
		{"gateway", "/gateways", "gateways", ldap,
			"PUT", strings.Replace(ldap, `"enabled":true`, `"enabled":false`, 1), "enabled", "false", "bindPassword",
			`{"name":"x","type":"SMOKE_SIGNALS","enabled":true}`, "INVALID_VALUE", 0},
		{"risk policy set", "/riskPolicySets", "riskPolicySets",
			`{"name":"Use_Case_Risk_Policy_Set","defaultResult":{"level":"Low"},"riskPolicies":[{"name":"WHITELIST","result":{"level":"LOW"},"condition":{"contains":"${transaction.ip}","ipRange":["1.1.1.1/32"]}}]}`,
			"PUT", `{"name":"Use_Case_Risk_Policy_Set","description":"edited","riskPolicies":[{"name":"P","result":{"level":"HIGH"},"condition":{"ipRange":["10.0.0.0/8"]}}]}`,
			"description", "edited", "", `{"name":"Empty","riskPolicies":[]}`, "REQUIRED_VALUE", 1},
		{"propagation store", "/propagation/stores", "stores",
			`{"name":"Directory","type":"LdapGateway","configuration":{"LDAP_TYPE":"PingDirectory"}}`,
			"PUT", `{"name":"Directory","type":"LdapGateway","description":"d"}`, "description", "d", "",
			`{"type":"LdapGateway"}`, "REQUIRED_VALUE", 0},
		{"application attribute", "/applications/" + f.appID + "/attributes", "attributes",
			`{"name":"email","value":"${user.email}","required":false}`,
			"PUT", `{"name":"email","value":"${user.email}","required":true}`, "required", "true", "",
			`{"name":"x"}`, "REQUIRED_VALUE", 1},
		{"flow policy assignment", "/applications/" + f.appID + "/flowPolicyAssignments", "flowPolicyAssignments",
			`{"priority":1,"flowPolicy":{"id":"` + dvPolicy + `"}}`,
			"PUT", `{"priority":3,"flowPolicy":{"id":"` + dvPolicy + `"}}`, "priority", "3", "",
			`{"priority":0,"flowPolicy":{"id":"nope"}}`, "INVALID_VALUE", 0},
		{"notification content", "/templates/general/contents", "contents",
			`{"locale":"en","subject":"PingOne: Email notification","variant":"variant_C","body":"Code: ${OTP}","deliveryMethod":"Email","template":{"id":"general"}}`,
			"PUT", `{"locale":"en","subject":"Test Email","variant":"variant_C","body":"New body ${OTP}","deliveryMethod":"Email"}`, "subject", "Test Email", "",
			`{"locale":"en","deliveryMethod":"Pigeon","body":"x"}`, "INVALID_VALUE", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			list := embedded(t, c.api("GET", env+tc.path, tok, "", ""), tc.embedded)
			assert.Len(t, list, tc.seeded)

			r := c.api("POST", env+tc.path, tok, jsonCT, tc.create)
			id := assertResource(t, r, 201, f.envID, tc.path)
			if tc.hidden != "" {
				assert.NotContains(t, r.body, tc.hidden, "write-only field returned")
			}
			got := c.api("GET", env+tc.path+"/"+id, tok, "", "")
			assert.Equal(t, 200, got.code, got.raw)
			assert.Equal(t, id, got.body["id"])
			assert.Len(t, embedded(t, c.api("GET", env+tc.path, tok, "", ""), tc.embedded), tc.seeded+1)

			up := c.api(tc.updateMethod, env+tc.path+"/"+id, tok, jsonCT, tc.update)
			require.Equal(t, 200, up.code, up.raw)
			assert.Equal(t, tc.updatedVal, jsonString(up.body[tc.updatedField]), up.raw)

			assertPlatformError(t, c.api("POST", env+tc.path, tok, jsonCT, tc.invalid), 400, "INVALID_DATA", tc.invalidDetail)
			assertPlatformError(t, c.api("POST", env+tc.path, tok, "text/plain", tc.create), 415, "INVALID_REQUEST", "INVALID_VALUE")

			del := c.api("DELETE", env+tc.path+"/"+id, tok, "", "")
			require.Equal(t, 204, del.code, del.raw)
			assertPlatformError(t, c.api("GET", env+tc.path+"/"+id, tok, "", ""), 404, "NOT_FOUND", "")
			assertPlatformError(t, c.api("DELETE", env+tc.path+"/"+id, tok, "", ""), 404, "NOT_FOUND", "")
		})
	}

	t.Run("defaults cannot be deleted", func(t *testing.T) {
		for _, p := range []string{"/passwordPolicies", "/riskPolicySets"} {
			var def string
			for _, x := range embedded(t, c.api("GET", env+p, tok, "", ""), p[1:]) {
				if x.(map[string]any)["default"] == true {
					def = x.(map[string]any)["id"].(string)
				}
			}
			require.NotEmpty(t, def, p)
			assertPlatformError(t, c.api("DELETE", env+p+"/"+def, tok, "", ""), 400, "INVALID_DATA", "INVALID_VALUE")
		}
		core := embedded(t, c.api("GET", env+"/applications/"+f.appID+"/attributes", tok, "", ""), "attributes")[0].(map[string]any)
		assert.Equal(t, "CORE", core["mappingType"])
		assertPlatformError(t, c.api("DELETE", env+"/applications/"+f.appID+"/attributes/"+core["id"].(string), tok, "", ""), 400, "INVALID_DATA", "INVALID_VALUE")
	})

	t.Run("a new default moves", func(t *testing.T) {
		r := c.api("POST", env+"/passwordPolicies", tok, jsonCT, `{"name":"NewDefault","default":true,"excludesCommonlyUsed":true,"excludesProfileData":true,"notSimilarToCurrent":true}`)
		require.Equal(t, 201, r.code, r.raw)
		n := 0
		for _, x := range embedded(t, c.api("GET", env+"/passwordPolicies", tok, "", ""), "passwordPolicies") {
			if x.(map[string]any)["default"] == true {
				n++
				assert.Equal(t, "NewDefault", x.(map[string]any)["name"])
			}
		}
		assert.Equal(t, 1, n)
		assertPlatformError(t, c.api("POST", env+"/passwordPolicies", tok, jsonCT, `{"name":"newdefault","default":false,"excludesCommonlyUsed":true,"excludesProfileData":true,"notSimilarToCurrent":true}`), 400, "INVALID_DATA", "UNIQUENESS_VIOLATION")
	})

	t.Run("templates", func(t *testing.T) {
		tpls := embedded(t, c.api("GET", env+"/templates", tok, "", ""), "templates")
		assert.NotEmpty(t, tpls)
		g := c.api("GET", env+"/templates/general", tok, "", "")
		require.Equal(t, 200, g.code)
		assert.Equal(t, "general", g.body["id"])
		assertPlatformError(t, c.api("GET", env+"/templates/nope", tok, "", ""), 404, "NOT_FOUND", "")
		sms := c.api("POST", env+"/templates/email_verification_user/contents", tok, jsonCT, `{"locale":"en","deliveryMethod":"SMS","content":"x"}`)
		assertPlatformError(t, sms, 400, "INVALID_DATA", "INVALID_VALUE")
	})

	t.Run("identity provider attributes", func(t *testing.T) {
		idp := c.api("POST", env+"/identityProviders", tok, jsonCT, strings.Replace(oidc, "Partner OIDC", "IdP2", 1))
		require.Equal(t, 201, idp.code, idp.raw)
		p := env + "/identityProviders/" + idp.body["id"].(string) + "/attributes"
		a := c.api("POST", p, tok, jsonCT, `{"name":"email","value":"${providerAttributes.email_address}","update":"ALWAYS"}`)
		assertResource(t, a, 201, f.envID, strings.TrimPrefix(p, ""))
		assertPlatformError(t, c.api("POST", p, tok, jsonCT, `{"name":"email","value":"x","update":"SOMETIMES"}`), 400, "INVALID_DATA", "INVALID_VALUE")
		assert.Len(t, embedded(t, c.api("GET", p, tok, "", ""), "attributes"), 1)
	})
}

// jsonString renders a decoded JSON scalar as it was sent.
func jsonString(v any) string { return fmt.Sprint(v) }

// TestPropagation follows the identity propagation chain: stores, the one
// plan, a rule between the stores, its mappings, and the cascade on delete.
func TestPropagation(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{Signing: "HS256"}, "")
	c, tok, p := f.c, f.token, "/environments/"+f.envID+"/propagation"
	src := c.api("POST", p+"/stores", tok, jsonCT, `{"name":"PingOne","type":"PingOne","configuration":{"ENVIRONMENT_ID":"`+f.envID+`","REGION":"North America"}}`)
	dst := c.api("POST", p+"/stores", tok, jsonCT, `{"name":"LDAP","type":"LdapGateway"}`)
	plan := c.api("POST", p+"/plans", tok, jsonCT, `{"name":"Plan"}`)
	planID := assertResource(t, plan, 201, f.envID, p+"/plans")
	assert.Equal(t, "INACTIVE", plan.body["status"])
	assertPlatformError(t, c.api("POST", p+"/plans", tok, jsonCT, `{"name":"Second"}`), 400, "INVALID_DATA", "INVALID_VALUE")

	rule := c.api("POST", p+"/rules", tok, jsonCT, `{"name":"Outbound","environment":{"id":"`+f.envID+`"},"plan":{"id":"`+planID+`"},"sourceStore":{"id":"`+src.body["id"].(string)+`"},"targetStore":{"id":"`+dst.body["id"].(string)+`"},"populations":[]}`)
	ruleID := assertResource(t, rule, 201, f.envID, p+"/rules")
	assert.Equal(t, false, rule.body["active"])
	assertPlatformError(t, c.api("POST", p+"/rules", tok, jsonCT, `{"name":"Bad","environment":{"id":"`+f.envID+`"},"plan":{"id":"`+planID+`"},"sourceStore":{"id":"00000000-0000-4000-8000-000000000000"},"targetStore":{"id":"`+dst.body["id"].(string)+`"}}`), 400, "INVALID_DATA", "INVALID_VALUE")
	assert.Len(t, embedded(t, c.api("GET", p+"/plans/"+planID+"/rules", tok, "", ""), "rules"), 1)

	m := c.api("POST", p+"/rules/"+ruleID+"/mappings", tok, jsonCT, `{"sourceAttribute":"accountId","targetAttribute":"userName","attributeMappingType":"userAttributeMapping"}`)
	mapID := assertResource(t, m, 201, f.envID, p+"/mappings")
	assert.Equal(t, ruleID, m.body["rule"].(map[string]any)["id"])
	assertPlatformError(t, c.api("POST", p+"/rules/"+ruleID+"/mappings", tok, jsonCT, `{"sourceAttribute":"a","expression":"b","targetAttribute":"c"}`), 400, "INVALID_DATA", "INVALID_VALUE")
	assert.Len(t, embedded(t, c.api("GET", p+"/rules/"+ruleID+"/mappings", tok, "", ""), "mappings"), 1)
	up := c.api("PUT", p+"/mappings/"+mapID, tok, jsonCT, `{"rule":{"id":"`+ruleID+`"},"sourceAttribute":"username","targetAttribute":"accountId"}`)
	require.Equal(t, 200, up.code, up.raw)
	assert.Equal(t, "username", up.body["sourceAttribute"])

	require.Equal(t, 204, c.api("DELETE", p+"/plans/"+planID, tok, "", "").code)
	assertPlatformError(t, c.api("GET", p+"/rules/"+ruleID, tok, "", ""), 404, "NOT_FOUND", "")
	assertPlatformError(t, c.api("GET", p+"/mappings/"+mapID, tok, "", ""), 404, "NOT_FOUND", "")
}

// TestPropagationWorkday follows the workflow library's "Create a Workday
// Propagation Connection": Workday, PingOne and directory stores with
// their required configuration and hidden secrets, an inbound rule and a
// writeback rule created under the plan, and a store that a rule uses
// cannot be deleted.
func TestPropagationWorkday(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{Signing: "HS256"}, "")
	c, tok, p := f.c, f.token, "/environments/"+f.envID+"/propagation"
	workday := `{"type":"Workday","name":"Workday","configuration":{"username":"isu","password":"wd-secret","tenantId":"tenant_Id","host":"example.workday.com"}}`
	pingOne := `{"type":"PingOne","name":"PingOne","configuration":{"ENVIRONMENT_ID":"` + f.envID + `","REGION":"North America","CLIENT_SECRET":"p1-secret"}}`
	for _, tc := range []struct {
		name, body     string
		status         int
		detail, target string
		hidden         string // configuration key that must not come back
	}{
		{"workday", workday, 201, "", "", "password"},
		{"workday without password", strings.Replace(workday, `"password":"wd-secret",`, "", 1), 400, "REQUIRED_VALUE", "configuration.password", ""},
		{"workday without configuration", `{"type":"Workday","name":"Bare"}`, 400, "REQUIRED_VALUE", "configuration.username", ""},
		{"pingone", pingOne, 201, "", "", "CLIENT_SECRET"},
		{"pingone without region", `{"type":"PingOne","name":"NoRegion","configuration":{"ENVIRONMENT_ID":"x"}}`, 400, "REQUIRED_VALUE", "configuration.REGION", ""},
		{"directory", `{"type":"directory","name":"Writeback"}`, 201, "", "", ""},
	} {
		t.Run("store "+tc.name, func(t *testing.T) {
			r := c.api("POST", p+"/stores", tok, jsonCT, tc.body)
			if tc.status != 201 {
				assertPlatformError(t, r, tc.status, "INVALID_DATA", tc.detail)
				assert.Contains(t, r.raw, `"target":"`+tc.target+`"`)
				return
			}
			id := assertResource(t, r, 201, f.envID, p+"/stores")
			assert.Equal(t, "INACTIVE", r.body["status"]) // the default, the only value in the specification
			if tc.hidden == "" {
				return
			}
			got := c.api("GET", p+"/stores/"+id, tok, "", "")
			for _, resp := range []reply{r, got} {
				conf := resp.body["configuration"].(map[string]any)
				assert.NotContains(t, conf, tc.hidden, resp.raw)
				assert.NotEmpty(t, conf, resp.raw)
			}
			assert.NotContains(t, got.raw, "secret")
		})
	}
	stores := embedded(t, c.api("GET", p+"/stores", tok, "", ""), "stores")
	require.Len(t, stores, 3)
	storeID := map[string]string{}
	for _, s := range stores {
		storeID[s.(map[string]any)["type"].(string)] = s.(map[string]any)["id"].(string)
	}
	planID := assertResource(t, c.api("POST", p+"/plans", tok, jsonCT, `{"name":"Workday Plan"}`), 201, f.envID, p+"/plans")
	rule := func(name, src, dst, extra string) string {
		return `{"name":"` + name + `","environment":{"id":"` + f.envID + `"},"plan":{"id":"` + planID + `"},"sourceStore":{"id":"` + src + `"},"targetStore":{"id":"` + dst + `"}` + extra + `}`
	}
	inbound := c.api("POST", p+"/plans/"+planID+"/rules", tok, jsonCT, rule("Inbound", storeID["Workday"], storeID["PingOne"], `,"deprovision":true,"populationExpression":"population.id eq \"x\""`))
	inboundID := assertResource(t, inbound, 201, f.envID, p+"/rules")
	assert.Equal(t, false, inbound.body["active"])
	assert.Equal(t, planID, inbound.body["plan"].(map[string]any)["id"])

	for _, tc := range []struct {
		name, path, body string
		status           int
		detail           string
	}{
		{"writeback under the plan", "/plans/" + planID + "/rules", rule("Writeback", storeID["directory"], storeID["Workday"], `,"parentRule":{"id":"`+inboundID+`"}`), 201, ""},
		{"unknown parent rule", "/plans/" + planID + "/rules", rule("Orphan", storeID["directory"], storeID["Workday"], `,"parentRule":{"id":"00000000-0000-4000-8000-000000000000"}`), 400, "INVALID_VALUE"},
		{"plan of the body is not the path's", "/plans/" + planID + "/rules", strings.Replace(rule("Other", storeID["directory"], storeID["Workday"], ""), `"plan":{"id":"`+planID, `"plan":{"id":"`+inboundID, 1), 400, "INVALID_VALUE"},
		{"unknown plan in the path", "/plans/00000000-0000-4000-8000-000000000000/rules", rule("Lost", storeID["directory"], storeID["Workday"], ""), 404, ""},
		{"no name", "/plans/" + planID + "/rules", strings.Replace(rule("", storeID["directory"], storeID["Workday"], ""), `"name":"",`, "", 1), 400, "REQUIRED_VALUE"},
		{"other environment", "/plans/" + planID + "/rules", strings.Replace(rule("Elsewhere", storeID["directory"], storeID["Workday"], ""), f.envID, "00000000-0000-4000-8000-000000000000", 1), 400, "INVALID_VALUE"},
	} {
		t.Run("rule "+tc.name, func(t *testing.T) {
			r := c.api("POST", p+tc.path, tok, jsonCT, tc.body)
			switch tc.status {
			case 201:
				assertResource(t, r, 201, f.envID, p+"/rules")
				assert.Equal(t, inboundID, r.body["parentRule"].(map[string]any)["id"])
			case 404:
				assertPlatformError(t, r, 404, "NOT_FOUND", "")
			default:
				assertPlatformError(t, r, tc.status, "INVALID_DATA", tc.detail)
			}
		})
	}
	assert.Len(t, embedded(t, c.api("GET", p+"/rules", tok, "", ""), "rules"), 2)
	assert.Len(t, embedded(t, c.api("GET", p+"/plans/"+planID+"/rules", tok, "", ""), "rules"), 2)

	m := c.api("POST", p+"/rules/"+inboundID+"/mappings", tok, jsonCT, `{"sourceAttribute":"wid","targetAttribute":"externalId"}`)
	assertResource(t, m, 201, f.envID, p+"/mappings")

	assertPlatformError(t, c.api("DELETE", p+"/stores/"+storeID["Workday"], tok, "", ""), 400, "INVALID_DATA", "INVALID_VALUE")
	require.Equal(t, 204, c.api("DELETE", p+"/plans/"+planID, tok, "", "").code)
	assert.Empty(t, embedded(t, c.api("GET", p+"/rules", tok, "", ""), "rules"))
	assert.Equal(t, 204, c.api("DELETE", p+"/stores/"+storeID["Workday"], tok, "", "").code, "no rule uses the store any more")
}

// TestRiskEvaluation: the evaluation is deterministic, from the policy set.
func TestRiskEvaluation(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{Signing: "HS256"}, "")
	c, tok, env := f.c, f.token, "/environments/"+f.envID
	set := c.api("POST", env+"/riskPolicySets", tok, jsonCT, `{"name":"Blocklist","defaultResult":{"level":"Low"},"riskPolicies":[{"name":"BAD_NET","result":{"level":"High"},"condition":{"contains":"${transaction.ip}","ipRange":["203.0.113.0/24"]}}]}`)
	require.Equal(t, 201, set.code, set.raw)
	setID := set.body["id"].(string)
	for _, tc := range []struct {
		name, body, level string
		status            int
		detail            string
	}{
		{"listed ip is high", `{"event":{"ip":"203.0.113.7","user":{"id":"` + f.userID + `","name":"ada","type":"PING_ONE"},"flow":{"type":"AUTHENTICATION"}},"riskPolicySet":{"id":"` + setID + `"}}`, "HIGH", 201, ""},
		{"other ip gets the default", `{"event":{"ip":"198.51.100.1","user":{"id":"` + f.userID + `"}},"riskPolicySet":{"id":"` + setID + `"}}`, "LOW", 201, ""},
		{"environment default set", `{"event":{"ip":"198.51.100.1","user":{"id":"` + f.userID + `"}}}`, "LOW", 201, ""},
		{"missing ip", `{"event":{"user":{"id":"` + f.userID + `"}}}`, "", 400, "REQUIRED_VALUE"},
		{"bad ip", `{"event":{"ip":"999.1.1.1","user":{"id":"x"}}}`, "", 400, "INVALID_VALUE"},
		{"unknown set", `{"event":{"ip":"1.2.3.4","user":{"id":"x"}},"riskPolicySet":{"id":"00000000-0000-4000-8000-000000000000"}}`, "", 400, "INVALID_VALUE"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := c.api("POST", env+"/riskEvaluations", tok, jsonCT, tc.body)
			if tc.status != 201 {
				assertPlatformError(t, r, tc.status, "INVALID_DATA", tc.detail)
				return
			}
			id := assertResource(t, r, 201, f.envID, env+"/riskEvaluations")
			assert.Equal(t, tc.level, r.body["result"].(map[string]any)["level"], r.raw)
			got := c.api("GET", env+"/riskEvaluations/"+id, tok, "", "")
			assert.Equal(t, tc.level, got.body["result"].(map[string]any)["level"])
			done := c.api("PUT", env+"/riskEvaluations/"+id+"/event", tok, jsonCT, `{"completionStatus":"SUCCESS"}`)
			require.Equal(t, 200, done.code, done.raw)
			assert.Equal(t, "SUCCESS", done.body["event"].(map[string]any)["completionStatus"])
		})
	}
}

// TestActivities: the server records its management writes as audit
// activities, readable with PingOne's filter.
func TestActivities(t *testing.T) {
	t.Parallel()
	clk := &clock{t: time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)}
	f := newFixture(t, pingone.Options{Signing: "HS256", Now: clk.now}, "")
	c, tok, env := f.c, f.token, "/environments/"+f.envID
	clk.add(time.Minute)
	gw := c.api("POST", env+"/gateways", tok, jsonCT, `{"name":"PF","type":"PING_FEDERATE","enabled":true}`)
	require.Equal(t, 201, gw.code, gw.raw)
	require.Equal(t, 204, c.api("DELETE", env+"/gateways/"+gw.body["id"].(string), tok, "", "").code)
	// A failed write is not an activity.
	require.Equal(t, 400, c.api("POST", env+"/gateways", tok, jsonCT, `{}`).code)

	since := `recordedAt gt "2000-01-01T00:00:00Z"`
	all := embedded(t, c.api("GET", env+"/activities?filter="+urlQuery(since), tok, "", ""), "activities")
	var types []string
	for _, a := range all {
		types = append(types, a.(map[string]any)["action"].(map[string]any)["type"].(string))
	}
	// Newest first: the fixture's user, password and application, then the gateway.
	assert.Equal(t, []string{"GATEWAY.DELETED", "GATEWAY.CREATED", "APPLICATION.CREATED", "USER.UPDATED", "USER.CREATED"}, types)
	first := all[1].(map[string]any)
	assert.Equal(t, gw.body["id"], first["resources"].([]any)[0].(map[string]any)["id"])
	assert.Equal(t, "PF", first["resources"].([]any)[0].(map[string]any)["name"])
	assert.Equal(t, f.c.run.Credentials().AdminAppID, first["actors"].(map[string]any)["client"].(map[string]any)["id"])
	assert.Equal(t, "SUCCESS", first["result"].(map[string]any)["status"])

	for _, tc := range []struct {
		name, filter string
		want         int
		status       int
	}{
		{"time window", `recordedAt gt "2026-03-01T10:00:30Z" AND recordedAt lt "2026-03-02T00:00:00Z"`, 2, 200},
		{"action type", since + ` and action.type eq "USER.CREATED"`, 1, 200},
		{"resource id", since + ` and resources.id eq "` + f.userID + `"`, 2, 200},
		{"before everything", `recordedAt lt "2026-03-01T09:00:00Z"`, 0, 200},
		// SCIM attribute names, operators and these values are case-insensitive;
		// PingOne's own examples write them so.
		{"lower case", `recordedat ge "2000-01-01T00:00:00Z" AND resources.type EQ "user" and (action.type eq "user.created")`, 1, 200},
		{"no date range", `action.type eq "USER.CREATED"`, 0, 400},
		{"no filter", ``, 0, 400},
		{"unsupported attribute", since + ` and result.status eq "SUCCESS"`, 0, 400},
		{"bad date", `recordedAt gt "yesterday"`, 0, 400},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := c.api("GET", env+"/activities?filter="+urlQuery(tc.filter), tok, "", "")
			if tc.status == 400 {
				assertPlatformError(t, r, 400, "INVALID_FILTER", "INVALID_FILTER")
				return
			}
			assert.Len(t, embedded(t, r, "activities"), tc.want)
		})
	}
	// POST carries the filter in the body, form-encoded or JSON, with limit.
	byUser := since + ` and resources.id eq "` + f.userID + `"`
	form := url.Values{"filter": {byUser}, "limit": {"1"}}.Encode()
	assert.Len(t, embedded(t, c.api("POST", env+"/activities", tok, "application/x-www-form-urlencoded", form), "activities"), 1)
	js, _ := json.Marshal(map[string]any{"filter": byUser})
	assert.Len(t, embedded(t, c.api("POST", env+"/activities", tok, jsonCT, string(js)), "activities"), 2)
	assertPlatformError(t, c.api("POST", env+"/activities", tok, jsonCT, `{"limit":5}`), 400, "INVALID_FILTER", "INVALID_FILTER")
	assert.Equal(t, 405, c.api("POST", env+"/activities/"+first["id"].(string), tok, jsonCT, string(js)).code)

	one := c.api("GET", env+"/activities/"+first["id"].(string), tok, "", "")
	require.Equal(t, 200, one.code)
	assert.Equal(t, "GATEWAY.CREATED", one.body["action"].(map[string]any)["type"])
}

func urlQuery(s string) string {
	r := strings.NewReplacer(" ", "%20", `"`, "%22")
	return r.Replace(s)
}

// TestKeysAndCertificates: generated key pairs with real certificates, and
// uploaded certificates parsed from PEM.
func TestKeysAndCertificates(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{Signing: "HS256"}, "")
	c, tok, env := f.c, f.token, "/environments/"+f.envID
	keys := embedded(t, c.api("GET", env+"/keys", tok, "", ""), "keys")
	require.Len(t, keys, 1, "PingOne provisions a signing key")
	assert.Equal(t, true, keys[0].(map[string]any)["default"])

	for _, tc := range []struct {
		name, body string
		status     int
		detail     string
	}{
		{"rsa", `{"name":"Doc test cert","serialNumber":1575483893597,"subjectDN":"CN=Doc test cert, OU=Ping Identity, O=Ping Identity, L=, ST=, C=US","algorithm":"RSA","keyLength":2048,"validityPeriod":365,"signatureAlgorithm":"SHA256withRSA","usageType":"SIGNING","default":false}`, 201, ""},
		{"ec", `{"name":"EC key","serialNumber":42,"subjectDN":"CN=EC, OU=x, O=y, L=z, ST=w, C=US","algorithm":"EC","keyLength":384,"validityPeriod":30,"signatureAlgorithm":"SHA384withECDSA","usageType":"ENCRYPTION","default":true}`, 201, ""},
		{"mismatched signature", `{"serialNumber":1,"subjectDN":"CN=x","algorithm":"EC","keyLength":256,"validityPeriod":30,"signatureAlgorithm":"SHA256withRSA","usageType":"SIGNING","default":false}`, 400, "INVALID_VALUE"},
		{"bad length", `{"serialNumber":1,"subjectDN":"CN=x","algorithm":"RSA","keyLength":1000,"validityPeriod":30,"signatureAlgorithm":"SHA256withRSA","usageType":"SIGNING","default":false}`, 400, "INVALID_VALUE"},
		{"missing fields", `{"name":"x"}`, 400, "REQUIRED_VALUE"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := c.api("POST", env+"/keys", tok, jsonCT, tc.body)
			if tc.status != 201 {
				assertPlatformError(t, r, tc.status, "INVALID_DATA", tc.detail)
				return
			}
			id := assertResource(t, r, 201, f.envID, env+"/keys")
			assert.Equal(t, "VALID", r.body["status"])
			pemResp := c.do("GET", c.run.APIURL+env+"/keys/"+id, map[string]string{"Authorization": "Bearer " + tok, "Accept": "application/x-x509-ca-cert"}, "")
			require.Equal(t, 200, pemResp.code)
			block, _ := pem.Decode([]byte(pemResp.raw))
			require.NotNil(t, block, pemResp.raw)
			assert.Equal(t, "CERTIFICATE", block.Type)

			// Upload the key's certificate as a trusted certificate.
			var buf bytes.Buffer
			mw := multipart.NewWriter(&buf)
			fw, _ := mw.CreateFormFile("file", "cert.pem")
			_, _ = fw.Write([]byte(pemResp.raw))
			_ = mw.WriteField("usageType", "ENCRYPTION")
			_ = mw.Close()
			up := c.api("POST", env+"/certificates", tok, mw.FormDataContentType(), buf.String())
			certID := assertResource(t, up, 202, f.envID, env+"/certificates")
			assert.Equal(t, r.body["serialNumber"], up.body["serialNumber"])
			assert.Equal(t, r.body["signatureAlgorithm"], up.body["signatureAlgorithm"])
			require.Equal(t, 204, c.api("DELETE", env+"/certificates/"+certID, tok, "", "").code)
		})
	}
	// The default key is RSA, as PingOne's; the EC one is the test's.
	assert.Len(t, embedded(t, c.api("GET", env+"/keys?filter="+urlQuery(`algorithm eq "EC"`), tok, "", ""), "keys"), 1)
	rsaKeys := embedded(t, c.api("GET", env+"/keys?filter="+urlQuery(`algorithm eq "RSA"`), tok, "", ""), "keys")
	require.NotEmpty(t, rsaKeys)
	def, _ := rsaKeys[0].(map[string]any)
	assert.Equal(t, "SHA256withRSA", def["signatureAlgorithm"], "the seeded default key")
	assert.EqualValues(t, 2048, def["keyLength"])
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", "junk.pem")
	_, _ = fw.Write([]byte("not a certificate"))
	_ = mw.Close()
	assertPlatformError(t, c.api("POST", env+"/certificates", tok, mw.FormDataContentType(), buf.String()), 400, "INVALID_DATA", "REQUIRED_VALUE")
}

func pngBytes(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	img.Set(0, 0, color.RGBA{R: 255, A: 255})
	var buf bytes.Buffer
	require.NoError(t, png.Encode(&buf, img))
	return buf.Bytes()
}

// TestImages uploads a user image both ways PingOne documents and fetches
// the stored file back from the image's href.
func TestImages(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{Signing: "HS256"}, "")
	c, tok, env := f.c, f.token, "/environments/"+f.envID
	data := pngBytes(t, 200, 100)
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", "200.png")
	_, _ = fw.Write(data)
	_ = mw.Close()
	for _, tc := range []struct {
		name, ctype, body string
		status            int
		code, detail      string
	}{
		{"multipart", mw.FormDataContentType(), buf.String(), 201, "", ""},
		{"raw body", "image/png", string(data), 201, "", ""},
		{"not an image", "image/png", "hello", 400, "INVALID_DATA", "INVALID_VALUE"},
		{"json", "application/json", `{}`, 415, "INVALID_REQUEST", "INVALID_VALUE"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := c.do("POST", c.run.APIURL+env+"/images", map[string]string{"Authorization": "Bearer " + tok, "Content-Type": tc.ctype, "Content-Disposition": "attachment; filename=200.png"}, tc.body)
			if tc.status != 201 {
				assertPlatformError(t, r, tc.status, tc.code, tc.detail)
				return
			}
			id := assertResource(t, r, 201, f.envID, env+"/images")
			orig := r.body["targets"].(map[string]any)["original"].(map[string]any)
			assert.Equal(t, "png", orig["type"])
			assert.EqualValues(t, 200, orig["width"])
			assert.EqualValues(t, 100, orig["height"])
			file := c.do("GET", orig["href"].(string), nil, "")
			require.Equal(t, 200, file.code)
			assert.Equal(t, "image/png", file.header.Get("Content-Type"))
			assert.Equal(t, string(data), file.raw)
			require.Equal(t, 204, c.api("DELETE", env+"/images/"+id, tok, "", "").code)
			assert.Equal(t, 404, c.do("GET", orig["href"].(string), nil, "").code)
		})
	}
}

// TestIntegrationCatalog follows the "Download an Integration Binary"
// steps: search, versions, and the redirect to the zip.
func TestIntegrationCatalog(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{Signing: "HS256"}, "")
	c, tok, env := f.c, f.token, "/environments/"+f.envID
	list := embedded(t, c.api("GET", env+"/integrations?expand=latestVersion&filter="+urlQuery(`(name co "PingID")`), tok, "", ""), "integrations")
	require.Len(t, list, 1)
	in := list[0].(map[string]any)
	latest := in["_embedded"].(map[string]any)["latestVersion"].(map[string]any)
	versions := embedded(t, c.api("GET", env+"/integrations/"+in["id"].(string)+"/versions", tok, "", ""), "versions")
	require.NotEmpty(t, versions)
	assert.Equal(t, latest["id"], versions[0].(map[string]any)["id"])

	asset := c.api("GET", env+"/integrations/"+in["id"].(string)+"/versions/"+latest["id"].(string)+"/asset", tok, "", "")
	require.Equal(t, 307, asset.code, asset.raw)
	loc := asset.header.Get("Location")
	assert.True(t, strings.HasSuffix(loc, "-"+latest["number"].(string)+".zip"), loc)
	resp, err := http.Get(loc)
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	require.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, "application/zip", resp.Header.Get("Content-Type"))
	sum := sha256.Sum256(raw)
	assert.Equal(t, "sha256="+hex.EncodeToString(sum[:]), resp.Header.Get("x-amz-meta-etag"))
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	require.NoError(t, err)
	assert.NotEmpty(t, zr.File)

	assertPlatformError(t, c.api("GET", env+"/integrations?filter="+urlQuery(`version gt "1"`), tok, "", ""), 400, "INVALID_FILTER", "INVALID_FILTER")
	assertPlatformError(t, c.api("GET", env+"/integrations/00000000-0000-4000-8000-000000000000", tok, "", ""), 404, "NOT_FOUND", "")
	assert.Equal(t, 403, c.do("GET", strings.Replace(loc, "/assets/", "/assets/x", 1), nil, "").code)
}

// TestMoreAuth: the new resources check the bearer token like the rest.
func TestMoreAuth(t *testing.T) {
	t.Parallel()
	clk := &clock{t: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	f := newFixture(t, pingone.Options{Now: clk.now, Signing: "HS256"}, "")
	c, env := f.c, "/environments/"+f.envID
	userTok := f.exchange(f.login()).body["access_token"].(string)
	for _, path := range []string{"/passwordPolicies", "/gateways", "/keys", "/activities?filter=" + urlQuery(`recordedAt gt "2000-01-01T00:00:00Z"`), "/integrations", "/riskPolicySets", "/templates", "/propagation/plans"} {
		t.Run(path, func(t *testing.T) {
			assertPlatformError(t, c.api("GET", env+path, "", "", ""), 401, "ACCESS_FAILED", "INVALID_TOKEN")
			assertPlatformError(t, c.api("GET", env+path, userTok, "", ""), 403, "ACCESS_FAILED", "")
			assertPlatformError(t, c.api("GET", "/environments/00000000-0000-4000-8000-000000000000"+path, f.token, "", ""), 403, "ACCESS_FAILED", "")
			assert.Equal(t, 200, c.api("GET", env+path, f.token, "", "").code)
		})
	}
	clk.add(time.Hour + time.Second)
	assertPlatformError(t, c.api("GET", env+"/gateways", f.token, "", ""), 401, "ACCESS_FAILED", "INVALID_TOKEN")
}
