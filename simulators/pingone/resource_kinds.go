package pingone

import "net/http"

// Kinds of the generic resources (kinds.go) with PingOne's required
// fields and enumerations from the Platform API reference.

var kindPasswordPolicy = &kind{
	name: "passwordPolicies", rtype: "PASSWORD_POLICY", unique: "name",
	validate: func(_ *Server, _ *moreState, _ *environment, _ string, b map[string]any, _ *rec) []detail {
		bad := required(b, "name")
		bad = append(bad, requiredBools(b, "excludesCommonlyUsed", "excludesProfileData", "notSimilarToCurrent")...)
		if l, ok := b["length"].(map[string]any); ok {
			minL, _ := l["min"].(float64)
			maxL, _ := l["max"].(float64)
			if minL < 0 || (maxL > 0 && minL > maxL) || maxL > 255 {
				bad = append(bad, detail{Code: "INVALID_VALUE", Target: "length", Message: "length.min must be between 0 and length.max, and length.max at most 255"})
			}
		}
		return bad
	},
	prepare: func(b map[string]any) {
		if _, ok := b["default"].(bool); !ok {
			b["default"] = false // optional in PingOne's specification
		}
	},
	afterWrite: moveDefault,
	canDelete:  notDefault("password policy"),
}

var idpTypes = []string{"FACEBOOK", "GOOGLE", "LINKEDIN", "APPLE", "TWITTER", "AMAZON", "YAHOO", "MICROSOFT", "PAYPAL", "GITHUB", "OPENID_CONNECT", "SAML"}

var kindIdentityProvider = &kind{
	name: "identityProviders", rtype: "IDENTITY_PROVIDER", unique: "name",
	validate: func(_ *Server, st *moreState, env *environment, _ string, b map[string]any, _ *rec) []detail {
		bad := required(b, "name", "type")
		bad = append(bad, oneOf(b, "type", idpTypes...)...)
		switch str(b, "type") {
		case "OPENID_CONNECT":
			bad = append(bad, required(b, "clientId", "clientSecret", "authorizationEndpoint", "jwksEndpoint", "tokenEndpoint", "issuer", "scopes", "tokenEndpointAuthMethod")...)
			bad = append(bad, oneOf(b, "tokenEndpointAuthMethod", "CLIENT_SECRET_BASIC", "CLIENT_SECRET_POST", "NONE")...)
		case "SAML":
			bad = append(bad, checkSAMLProvider(st, env, b)...) // saml_sp.go
		case "FACEBOOK":
			bad = append(bad, required(b, "appId", "appSecret")...)
		case "":
		default:
			bad = append(bad, required(b, "clientId", "clientSecret")...)
		}
		return bad
	},
	prepare: func(b map[string]any) {
		if _, ok := b["enabled"]; !ok {
			b["enabled"] = false
		}
	},
	// PingOne's models require an OIDC provider's clientSecret and a
	// Facebook provider's appSecret in answers, so neither is write-only.
	afterWrite: samlProviderCoreAttribute, // saml_sp.go
	onDelete: func(st *moreState, x *rec) {
		for _, a := range st.list("attributes", x.envID, x.id) {
			delete(st.recs, a.id)
		}
	},
}

var kindIdPAttribute = &kind{
	name: "attributes", rtype: "IDENTITY_PROVIDER_ATTRIBUTE", unique: "name", parentRef: "identityProvider",
	validate: func(_ *Server, _ *moreState, _ *environment, _ string, b map[string]any, _ *rec) []detail {
		bad := required(b, "name", "value", "update")
		return append(bad, oneOf(b, "update", "EMPTY_ONLY", "ALWAYS")...)
	},
	prepare: func(b map[string]any) {
		if _, ok := b["mappingType"]; !ok {
			b["mappingType"] = "CUSTOM"
		}
	},
}

var kindGateway = &kind{
	name: "gateways", rtype: "GATEWAY", unique: "name",
	validate: func(_ *Server, _ *moreState, _ *environment, _ string, b map[string]any, _ *rec) []detail {
		bad := required(b, "name", "type")
		bad = append(bad, requiredBools(b, "enabled")...)
		bad = append(bad, oneOf(b, "type", "LDAP", "PING_FEDERATE", "PING_INTELLIGENCE", "API_GATEWAY_INTEGRATION", "RADIUS")...)
		if str(b, "type") == "LDAP" {
			bad = append(bad, required(b, "bindDN", "bindPassword", "serversHostAndPort", "vendor")...)
			bad = append(bad, oneOf(b, "connectionSecurity", "None", "TLS", "StartTLS")...)
			bad = append(bad, oneOf(b, "vendor", "PingDirectory", "Microsoft Active Directory", "Oracle Directory Server Enterprise Edition",
				"Oracle Unified Directory", "CA Directory", "OpenDJ Directory", "IBM (Tivoli) Security Directory Server", "LDAP v3 compliant Directory Server")...)
		}
		return bad
	},
	prepare: func(b map[string]any) {
		if str(b, "type") == "LDAP" && b["connectionSecurity"] == nil {
			b["connectionSecurity"] = "None"
		}
	},
	writeOnly: []string{"bindPassword"},
}

// propagationStoreConfig lists, per store type, the configuration keys
// the Create Store pages mark required and the secrets among them. Types
// not listed here (directory, LdapGateway, the SaaS connectors) are
// stored as sent.
var propagationStoreConfig = map[string]struct{ required, secret []string }{
	// Create Store (Workday): username, tenantId and password are required.
	"Workday": {required: []string{"username", "tenantId", "password"}, secret: []string{"password"}},
	// Create Store (PingOne): REGION and ENVIRONMENT_ID are required;
	// CLIENT_SECRET is optional.
	"PingOne": {required: []string{"ENVIRONMENT_ID", "REGION"}, secret: []string{"CLIENT_SECRET"}},
}

var kindPropagationStore = &kind{
	name: "stores", rtype: "PROPAGATION_STORE", unique: "name",
	validate: func(_ *Server, _ *moreState, _ *environment, _ string, b map[string]any, _ *rec) []detail {
		bad := required(b, "name", "type")
		for _, key := range propagationStoreConfig[str(b, "type")].required {
			bad = append(bad, required(b, "configuration."+key)...)
		}
		return bad
	},
	prepare: func(b map[string]any) {
		if b["status"] == nil {
			b["status"] = "INACTIVE" // the default, and the only value, PingOne's specification has
		}
	},
	// The connection secrets are sent, never shown, as the gateway's
	// bindPassword and the identity providers' client secrets.
	hide: func(b map[string]any) []string {
		var out []string
		for _, key := range propagationStoreConfig[str(b, "type")].secret {
			out = append(out, "configuration."+key)
		}
		return out
	},
	// "Store instances ... must not be deleted when referred to by a rule
	// instance."
	canDelete: func(st *moreState, x *rec) *detail {
		for _, rule := range st.list("rules", x.envID, "") {
			src, _ := lookup(rule.body, "sourceStore.id")
			dst, _ := lookup(rule.body, "targetStore.id")
			if src == x.id || dst == x.id {
				return &detail{Code: "INVALID_VALUE", Target: "id", Message: "The propagation store is used by propagation rule " + rule.id + " and cannot be deleted"}
			}
		}
		return nil
	},
}

var kindPropagationPlan = &kind{
	name: "plans", rtype: "PROPAGATION_PLAN", unique: "name",
	validate: func(_ *Server, st *moreState, env *environment, _ string, b map[string]any, old *rec) []detail {
		bad := required(b, "name")
		bad = append(bad, oneOf(b, "status", "ACTIVE", "INACTIVE")...)
		// "At this time, a customer can define one plan per environment."
		if old == nil && len(st.list("plans", env.id, "")) > 0 {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "plan", Message: "Only one propagation plan can exist in an environment"})
		}
		return bad
	},
	prepare: func(b map[string]any) {
		if b["status"] == nil {
			b["status"] = "INACTIVE"
		}
	},
	onDelete: func(st *moreState, x *rec) {
		for _, rule := range st.list("rules", x.envID, "") {
			if id, _ := lookup(rule.body, "plan.id"); id == x.id {
				delete(st.recs, rule.id)
				kindPropagationRule.onDelete(st, rule)
			}
		}
	},
}

var kindPropagationRule = &kind{
	name: "rules", rtype: "PROPAGATION_RULE",
	validate: func(_ *Server, st *moreState, env *environment, _ string, b map[string]any, old *rec) []detail {
		// The Create Rule pages require name and environment.id besides
		// the plan and both stores.
		bad := required(b, "name", "environment.id")
		if id, _ := lookup(b, "environment.id"); id != nil && id != "" && id != env.id {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "environment.id", Message: "must be the environment in the request path"})
		}
		bad = append(bad, refExists(st, b, "plan.id", "plans", env.id, "propagation plan")...)
		bad = append(bad, refExists(st, b, "sourceStore.id", "stores", env.id, "propagation store")...)
		bad = append(bad, refExists(st, b, "targetStore.id", "stores", env.id, "propagation store")...)
		// A writeback rule (Workday) names the inbound rule it writes back for.
		if _, ok := b["parentRule"]; ok {
			bad = append(bad, refExists(st, b, "parentRule.id", "rules", env.id, "propagation rule")...)
			if id, _ := lookup(b, "parentRule.id"); old != nil && id == old.id {
				bad = append(bad, detail{Code: "INVALID_VALUE", Target: "parentRule.id", Message: "A propagation rule cannot be its own parent"})
			}
		}
		return bad
	},
	prepare: func(b map[string]any) {
		if b["active"] == nil {
			b["active"] = false
		}
	},
	onDelete: func(st *moreState, x *rec) {
		for _, m := range st.list("mappings", x.envID, x.id) {
			delete(st.recs, m.id)
		}
	},
}

var kindPropagationMapping = &kind{
	name: "mappings", rtype: "PROPAGATION_MAPPING",
	validate: func(_ *Server, _ *moreState, _ *environment, _ string, b map[string]any, _ *rec) []detail {
		bad := required(b, "targetAttribute")
		_, hasExpr := b["expression"].(string)
		_, hasSrc := b["sourceAttribute"].(string)
		if hasExpr == hasSrc {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "sourceAttribute", Message: "Either expression or sourceAttribute is required, but not both"})
		}
		return bad
	},
}

// propagationRoutes adds /propagation/{stores,plans,rules,mappings,revisions}:
// rules are created at /propagation/plans/{id}/rules (the Create Rule
// pages' path) or /propagation/rules (the path their text names), listed
// per plan there and all together at /propagation/rules, and read or
// changed at /propagation/rules/{id}; mappings are created and listed at
// /propagation/rules/{id}/mappings and read or changed at
// /propagation/mappings/{id}.
func (s *Server) propagationRoutes(add addRoute, kindAt kindRoute) {
	kindAt("propagation/stores", "storeID", kindPropagationStore, "GET PUT DELETE")
	kindAt("propagation/plans", "planID", kindPropagationPlan, "GET PUT DELETE")
	// POST here is courier's: PingOne's specification has only GET, but
	// the Create Rule pages (and the Workday tutorial) post to it.
	add("GET POST", "propagation/plans/{planID}/rules", s.planRules)
	kindAt("propagation/rules", "ruleID", kindPropagationRule, "GET PUT DELETE")
	add("GET POST", "propagation/rules/{ruleID}/mappings", s.ruleMappings)
	mapping := func(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
		s.crud(w, r, s.more(), env, base, kindPropagationMapping, "", "/environments/"+env.id+"/propagation/mappings", r.PathValue("mappingID"))
	}
	add("GET PUT DELETE", "propagation/mappings/{mappingID}", mapping)
	// PingOne's specification (and so its SDK) spells the DELETE singular.
	add("DELETE", "propagation/mapping/{mappingID}", mapping)
	add("POST", "propagation/revisions", s.createRevision) // propagation_revisions.go
	add("GET", "propagation/revisions/{revisionID}", s.readRevision)
	add("GET", "propagation/revisions/id:latest", s.readRevision)
}

// planRules lists a plan's rules (GET) and creates one in it (POST).
func (s *Server) planRules(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	st := s.more()
	plan := st.get(r.PathValue("planID"), "plans", env.id)
	if plan == nil {
		writeNotFound(w)
		return
	}
	if r.Method == http.MethodPost {
		s.createPlanRule(w, r, st, env, base, plan, "/environments/"+env.id+"/propagation/rules")
		return
	}
	var out []any
	for _, rule := range st.list("rules", env.id, "") {
		if id, _ := lookup(rule.body, "plan.id"); id == plan.id {
			out = append(out, s.recJSON(rule, kindPropagationRule, base))
		}
	}
	writeHAL(w, http.StatusOK, collection(base+plan.self+"/rules", "rules", out))
}

// ruleMappings lists a rule's mappings (GET) and creates one (POST):
// created under the rule, addressed under /propagation/mappings.
func (s *Server) ruleMappings(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	st := s.more()
	rule := st.get(r.PathValue("ruleID"), "rules", env.id)
	if rule == nil {
		writeNotFound(w)
		return
	}
	if r.Method == http.MethodGet {
		s.crud(w, r, st, env, base, kindPropagationMapping, rule.id, rule.self+"/mappings", "")
		return
	}
	body, ok := readJSONBody(w, r, mtJSON)
	if !ok {
		return
	}
	if bad := s.check(st, kindPropagationMapping, env, rule.id, body, nil); len(bad) > 0 {
		writeInvalidData(w, bad...)
		return
	}
	body["rule"] = ref(rule.id)
	x := s.add(st, kindPropagationMapping, env.id, rule.id, "/environments/"+env.id+"/propagation/mappings", body)
	writeHAL(w, http.StatusCreated, s.recJSON(x, kindPropagationMapping, base))
}

// createPlanRule creates a rule under /propagation/plans/{id}/rules. The
// body still names its plan (plan.id is required), which must be the plan
// of the path; the rule is addressed under /propagation/rules.
func (s *Server) createPlanRule(w http.ResponseWriter, r *http.Request, st *moreState, env *environment, base string, plan *rec, listPath string) {
	body, ok := readJSONBody(w, r, mtJSON)
	if !ok {
		return
	}
	bad := s.check(st, kindPropagationRule, env, "", body, nil)
	if id, _ := lookup(body, "plan.id"); id != nil && id != "" && id != plan.id {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "plan.id", Message: "must be the propagation plan in the request path"})
	}
	if len(bad) > 0 {
		writeInvalidData(w, bad...)
		return
	}
	kindPropagationRule.prepare(body)
	x := s.add(st, kindPropagationRule, env.id, "", listPath, body)
	writeHAL(w, http.StatusCreated, s.recJSON(x, kindPropagationRule, base))
}

// seedMore adds, once per environment, what PingOne provisions in each:
// the three password policies (Standard is the default) and a default risk
// policy set.
func (s *Server) seedMore(st *moreState, env *environment) {
	if st.seeded[env.id] {
		return
	}
	st.seeded[env.id] = true
	p := "/environments/" + env.id
	mk := func(k *kind, path string, body map[string]any) {
		x := s.add(st, k, env.id, "", p+path, body)
		x.createdAt, x.updatedAt = env.createdAt, env.createdAt
	}
	chars := map[string]any{"ABCDEFGHIJKLMNOPQRSTUVWXYZ": 1, "abcdefghijklmnopqrstuvwxyz": 1, "0123456789": 1, "~!@#$%^&*()-_=+[]{}|;:,.<>/?": 1}
	mk(kindPasswordPolicy, "/passwordPolicies", map[string]any{
		"name": "Standard", "description": "A standard policy that incorporates industry best practices",
		"excludesCommonlyUsed": true, "excludesProfileData": true, "notSimilarToCurrent": true,
		"history": map[string]any{"count": 6, "retentionDays": 365}, "lockout": map[string]any{"failureCount": 5, "durationSeconds": 900},
		"length": map[string]any{"min": 8, "max": 255}, "minCharacters": chars, "maxAgeDays": 182, "minAgeDays": 1,
		"maxRepeatedCharacters": 2, "minUniqueCharacters": 5, "default": true,
	})
	mk(kindPasswordPolicy, "/passwordPolicies", map[string]any{
		"name": "Passphrase", "description": "A policy that encourages the use of passphrases",
		"excludesCommonlyUsed": true, "excludesProfileData": true, "notSimilarToCurrent": true,
		"history": map[string]any{"count": 6, "retentionDays": 365}, "lockout": map[string]any{"failureCount": 5, "durationSeconds": 900},
		"length": map[string]any{"min": 30, "max": 255}, "minAgeDays": 1, "minComplexity": 7, "default": false,
	})
	mk(kindPasswordPolicy, "/passwordPolicies", map[string]any{
		"name": "Basic", "description": "A relaxed standard policy to allow for maximum customer flexibility",
		"excludesCommonlyUsed": true, "excludesProfileData": false, "notSimilarToCurrent": false,
		"length": map[string]any{"min": 8, "max": 255}, "default": false,
	})
	mk(kindRiskPolicySet, "/riskPolicySets", map[string]any{
		"name": "Default Risk Policy", "description": "Default risk policy set", "default": true,
		"defaultResult": map[string]any{"level": "LOW", "type": "VALUE"},
		"riskPolicies": []any{map[string]any{
			"id": newID(), "name": "GEOVELOCITY_ANOMALY", "priority": 1,
			"result":    map[string]any{"level": "HIGH", "type": "VALUE"},
			"condition": map[string]any{"equals": true, "value": "${details.impossibleTravel}"},
		}},
	})
}

// idpAttributes serves an identity provider's attribute mappings, seeded
// with its CORE mapping (social.go).
func (s *Server) idpAttributes(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	st := s.more()
	idp := st.get(r.PathValue("providerID"), "identityProviders", env.id)
	if idp == nil {
		writeNotFound(w)
		return
	}
	s.seedIdPAttributes(st, idp)
	s.crud(w, r, st, env, base, kindIdPAttribute, idp.id, idp.self+"/attributes", r.PathValue("attributeID"))
}
