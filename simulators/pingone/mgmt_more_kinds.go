package pingone

import (
	"net/http"
	"strings"
)

// Kinds of the generic resources (mgmt_more.go) with PingOne's required
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
	// PingOne's models require an OIDC provider's clientSecret in answers;
	// Apple's private key is still never shown.
	writeOnly:  []string{"appSecret"},
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

// routePropagation serves /propagation/{stores,plans,rules,mappings}:
// rules are created at /propagation/plans/{id}/rules (the Create Rule
// pages' path) or /propagation/rules (the path their text names), listed
// per plan there and all together at /propagation/rules, and read or
// changed at /propagation/rules/{id}; mappings are created and listed at
// /propagation/rules/{id}/mappings and read or changed at
// /propagation/mappings/{id}.
func (s *Server) routePropagation(w http.ResponseWriter, r *http.Request, st *moreState, env *environment, base string, rest []string) {
	p := "/environments/" + env.id + "/propagation"
	if len(rest) == 0 {
		writeNotFound(w)
		return
	}
	switch rest[0] {
	case "stores":
		s.crud(w, r, st, env, base, kindPropagationStore, "", p+"/stores", rest[1:])
	case "plans":
		if len(rest) == 3 && rest[2] == "rules" {
			plan := st.get(rest[1], "plans", env.id)
			if plan == nil {
				writeNotFound(w)
				return
			}
			if r.Method == http.MethodPost {
				s.createPlanRule(w, r, st, env, base, plan, p+"/rules")
				return
			}
			if r.Method != http.MethodGet {
				writeMethodNotAllowed(w)
				return
			}
			var out []any
			for _, rule := range st.list("rules", env.id, "") {
				if id, _ := lookup(rule.body, "plan.id"); id == plan.id {
					out = append(out, s.recJSON(rule, kindPropagationRule, base))
				}
			}
			writeHAL(w, http.StatusOK, collection(base+plan.self+"/rules", "rules", out))
			return
		}
		s.crud(w, r, st, env, base, kindPropagationPlan, "", p+"/plans", rest[1:])
	case "rules":
		if len(rest) == 3 && rest[2] == "mappings" {
			rule := st.get(rest[1], "rules", env.id)
			if rule == nil {
				writeNotFound(w)
				return
			}
			if r.Method == http.MethodPost {
				// Created under the rule, addressed under /propagation/mappings.
				body, ok := readJSONBody(w, r, mtJSON)
				if !ok {
					return
				}
				if bad := s.check(st, kindPropagationMapping, env, rule.id, body, nil); len(bad) > 0 {
					writeInvalidData(w, bad...)
					return
				}
				body["rule"] = ref(rule.id)
				x := s.add(st, kindPropagationMapping, env.id, rule.id, p+"/mappings", body)
				writeHAL(w, http.StatusCreated, s.recJSON(x, kindPropagationMapping, base))
				return
			}
			s.crud(w, r, st, env, base, kindPropagationMapping, rule.id, rule.self+"/mappings", nil)
			return
		}
		s.crud(w, r, st, env, base, kindPropagationRule, "", p+"/rules", rest[1:])
	case "mappings":
		if len(rest) != 2 {
			writeNotFound(w)
			return
		}
		s.crud(w, r, st, env, base, kindPropagationMapping, "", p+"/mappings", rest[1:])
	default:
		writeNotFound(w)
	}
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

// --- risk policy sets ----------------------------------------------------------

var riskLevels = []string{"LOW", "MEDIUM", "HIGH"}

var kindRiskPolicySet = &kind{
	name: "riskPolicySets", rtype: "RISK_POLICY_SET", unique: "name",
	validate: func(_ *Server, _ *moreState, _ *environment, _ string, b map[string]any, _ *rec) []detail {
		bad := required(b, "name", "riskPolicies")
		list, _ := b["riskPolicies"].([]any)
		for i, p := range list {
			pm := asMap(p)
			at := "riskPolicies[" + itoa(i) + "]"
			for _, f := range []string{"name", "condition", "result"} {
				if pm[f] == nil {
					bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: at + "." + f, Message: "must not be null"})
				}
			}
			if lvl := str(obj(pm, "result"), "level"); lvl != "" && !containsFold(riskLevels, lvl) {
				bad = append(bad, detail{Code: "INVALID_VALUE", Target: at + ".result.level", Message: "must be one of [LOW, MEDIUM, HIGH]"})
			}
		}
		return bad
	},
	prepare: func(b map[string]any) {
		if _, ok := b["default"]; !ok {
			b["default"] = false
		}
		// PingOne assigns priorities in list order.
		list, _ := b["riskPolicies"].([]any)
		for i, p := range list {
			pm := asMap(p)
			if pm["id"] == nil {
				pm["id"] = newID()
			}
			pm["priority"] = i + 1
			if res := obj(pm, "result"); res != nil && str(res, "level") != "" {
				res["level"] = strings.ToUpper(str(res, "level"))
				if res["type"] == nil {
					res["type"] = "VALUE"
				}
			}
		}
		if dr := obj(b, "defaultResult"); dr != nil && str(dr, "level") != "" {
			dr["level"] = strings.ToUpper(str(dr, "level"))
			if dr["type"] == nil {
				dr["type"] = "VALUE"
			}
		}
	},
	afterWrite: moveDefault,
	canDelete:  notDefault("risk policy set"),
}

func containsFold(list []string, v string) bool {
	for _, x := range list {
		if strings.EqualFold(x, v) {
			return true
		}
	}
	return false
}

// --- application attribute mappings and flow policy assignments -------------

var kindAppAttribute = &kind{
	name: "attributes", rtype: "APPLICATION_ATTRIBUTE_MAPPING", unique: "name", parentRef: "application",
	validate: func(_ *Server, _ *moreState, _ *environment, _ string, b map[string]any, old *rec) []detail {
		bad := required(b, "name", "value")
		bad = append(bad, oneOf(b, "mappingType", "CORE", "SCOPE", "CUSTOM")...)
		if old != nil && str(old.body, "mappingType") == "CORE" && str(b, "name") != str(old.body, "name") {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "name", Message: "The name of a CORE attribute mapping cannot be changed"})
		}
		return bad
	},
	prepare: func(b map[string]any) {
		if b["mappingType"] == nil {
			b["mappingType"] = "CUSTOM"
		}
		if _, ok := b["required"]; !ok {
			b["required"] = false
		}
	},
	canDelete: func(_ *moreState, x *rec) *detail {
		if str(x.body, "mappingType") != "CUSTOM" {
			return &detail{Code: "INVALID_VALUE", Target: "mappingType", Message: "CORE and SCOPE attribute mappings cannot be deleted"}
		}
		return nil
	},
}

// seedAppAttributes adds the CORE "sub" mapping PingOne gives every OIDC
// application the first time its attributes are read.
func (s *Server) seedAppAttributes(st *moreState, app *application) {
	key := "attributes:" + app.id
	if st.seeded[key] {
		return
	}
	st.seeded[key] = true
	if app.str("protocol") != "OPENID_CONNECT" {
		return
	}
	x := s.add(st, kindAppAttribute, app.envID, app.id, "/environments/"+app.envID+"/applications/"+app.id+"/attributes",
		map[string]any{"name": "sub", "value": "${user.id}", "required": true, "mappingType": "CORE"})
	x.createdAt, x.updatedAt = app.createdAt, app.createdAt
}

var kindFlowPolicyAssignment = &kind{
	name: "flowPolicyAssignments", rtype: "FLOW_POLICY_ASSIGNMENT",
	validate: func(s *Server, st *moreState, env *environment, parent string, b map[string]any, old *rec) []detail {
		var bad []detail
		id, _ := lookup(b, "flowPolicy.id")
		if p, _ := id.(string); p == "" {
			bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "flowPolicy.id", Message: "must not be blank"})
		} else if s.flowPolicy(st, env, p) == nil { // davinci.go: one of the environment's DaVinci flow policies
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "flowPolicy.id", Message: "Referenced flow policy does not exist"})
		}
		prio, isNum := b["priority"].(float64)
		if !isNum || prio < 1 {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "priority", Message: "must be greater than or equal to 1"})
		}
		for _, o := range st.list("flowPolicyAssignments", env.id, parent) {
			// Stored priorities are ints (prepare), request ones float64.
			if op, _ := o.body["priority"].(int); (old == nil || o.id != old.id) && isNum && float64(op) == prio {
				bad = append(bad, detail{Code: "UNIQUENESS_VIOLATION", Target: "priority", Message: "An assignment with the specified priority already exists for the application"})
			}
		}
		return bad
	},
	prepare: func(b map[string]any) {
		if p, ok := b["priority"].(float64); ok {
			b["priority"] = int(p)
		}
	},
}

// --- notification templates and contents -----------------------------------

// notificationTemplates are the templates every environment has, with the
// delivery methods each supports.
var notificationTemplates = []struct {
	name    string
	methods []string
	vars    []string
}{
	{"email_verification_admin", []string{"Email"}, []string{"user.username", "code"}},
	{"email_verification_user", []string{"Email"}, []string{"user.username", "code"}},
	{"general", []string{"Email", "SMS", "Voice"}, []string{"OTP", "user.username"}},
	{"transaction", []string{"Email", "SMS", "Voice", "Push"}, []string{"OTP", "user.username"}},
	{"verification_code_template", []string{"Email", "SMS", "Voice"}, []string{"OTP", "user.username"}},
	{"recovery_code_template", []string{"Email", "SMS", "Voice"}, []string{"OTP", "user.username"}},
	{"device_pairing", []string{"Email", "SMS", "Voice"}, []string{"OTP", "user.username"}},
	{"strong_authentication", []string{"Email", "SMS", "Voice", "Push"}, []string{"OTP", "user.username"}},
	{"new_device_paired", []string{"Email", "SMS"}, []string{"user.username", "device.name"}},
}

var kindTemplateContent = &kind{
	name: "contents", rtype: "NOTIFICATION_CONTENT",
	validate: func(_ *Server, st *moreState, env *environment, parent string, b map[string]any, old *rec) []detail {
		bad := required(b, "locale", "deliveryMethod")
		method := str(b, "deliveryMethod")
		bad = append(bad, oneOf(b, "deliveryMethod", "Email", "SMS", "Voice", "Push")...)
		// SMS and Voice contents carry their text in "content", Email in "body".
		switch method {
		case "Email":
			bad = append(bad, required(b, "body")...)
		case "SMS", "Voice":
			bad = append(bad, required(b, "content")...)
		}
		for _, t := range notificationTemplates {
			if t.name == parent && method != "" && !containsFold(t.methods, method) {
				bad = append(bad, detail{Code: "INVALID_VALUE", Target: "deliveryMethod", Message: "The template " + parent + " does not support " + method})
			}
		}
		if len(str(b, "subject")) > 256 {
			bad = append(bad, detail{Code: "SIZE_LIMIT_EXCEEDED", Target: "subject", Message: "must contain no more than 256 characters"})
		}
		for _, o := range st.list("contents", env.id, parent) {
			if (old == nil || o.id != old.id) && strings.EqualFold(str(o.body, "locale"), str(b, "locale")) &&
				str(o.body, "deliveryMethod") == method && str(o.body, "variant") == str(b, "variant") {
				bad = append(bad, detail{Code: "UNIQUENESS_VIOLATION", Target: "locale", Message: "Content with the specified locale, delivery method and variant already exists"})
			}
		}
		return bad
	},
	prepare: func(b map[string]any) {
		if _, ok := b["default"]; !ok {
			b["default"] = false
		}
		if str(b, "deliveryMethod") == "Email" {
			if b["from"] == nil {
				b["from"] = map[string]any{"name": "PingOne", "address": "noreply@pingidentity.com"}
			}
			if b["charset"] == nil {
				b["charset"] = "UTF-8"
			}
			if b["emailContentType"] == nil {
				b["emailContentType"] = "text/html"
			}
		}
	},
	update: http.MethodPut,
}

func (s *Server) routeTemplates(w http.ResponseWriter, r *http.Request, st *moreState, env *environment, base string, rest []string) {
	list := "/environments/" + env.id + "/templates"
	tplJSON := func(i int) map[string]any {
		t := notificationTemplates[i]
		methods := make([]any, len(t.methods))
		for j, m := range t.methods {
			methods[j] = m
		}
		// An object keyed by variable name, as PingOne's specification has it.
		vars := make(map[string]any, len(t.vars))
		for _, v := range t.vars {
			vars[v] = map[string]any{"required": false}
		}
		return map[string]any{
			"_links":          map[string]any{"self": link(base + list + "/" + t.name), "environment": link(base + "/environments/" + env.id), "contents": link(base + list + "/" + t.name + "/contents")},
			"id":              t.name,
			"environment":     ref(env.id),
			"displayName":     strings.ReplaceAll(t.name, "_", " "),
			"deliveryMethods": methods,
			"variables":       vars,
		}
	}
	if len(rest) == 0 {
		if r.Method != http.MethodGet {
			writeMethodNotAllowed(w)
			return
		}
		var out []any
		for i := range notificationTemplates {
			out = append(out, tplJSON(i))
		}
		writeHAL(w, http.StatusOK, collection(base+list, "templates", out))
		return
	}
	idx := -1
	for i, t := range notificationTemplates {
		if t.name == rest[0] {
			idx = i
		}
	}
	if idx < 0 {
		writeNotFound(w)
		return
	}
	if len(rest) == 1 {
		if r.Method != http.MethodGet {
			writeMethodNotAllowed(w)
			return
		}
		writeHAL(w, http.StatusOK, tplJSON(idx))
		return
	}
	if rest[1] != "contents" {
		writeNotFound(w)
		return
	}
	name := notificationTemplates[idx].name
	if len(rest) == 2 && r.Method == http.MethodPost {
		body, ok := readJSONBody(w, r, mtJSON)
		if !ok {
			return
		}
		if bad := s.check(st, kindTemplateContent, env, name, body, nil); len(bad) > 0 {
			writeInvalidData(w, bad...)
			return
		}
		kindTemplateContent.prepare(body)
		body["template"] = ref(name)
		x := s.add(st, kindTemplateContent, env.id, name, list+"/"+name+"/contents", body)
		writeHAL(w, http.StatusCreated, s.recJSON(x, kindTemplateContent, base))
		return
	}
	s.crud(w, r, st, env, base, kindTemplateContent, name, list+"/"+name+"/contents", rest[2:])
}

// --- seeding ---------------------------------------------------------------------

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
