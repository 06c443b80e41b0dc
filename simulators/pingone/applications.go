package pingone

import (
	"net/http"
	"sort"
	"strings"
)

var (
	appTypes        = map[string]bool{"WEB_APP": true, "NATIVE_APP": true, "SINGLE_PAGE_APP": true, "WORKER": true, "SERVICE": true, "CUSTOM_APP": true}
	grantTypes      = map[string]bool{"AUTHORIZATION_CODE": true, "IMPLICIT": true, "REFRESH_TOKEN": true, "CLIENT_CREDENTIALS": true, "DEVICE_CODE": true, "TOKEN_EXCHANGE": true}
	authMethods     = map[string]bool{"NONE": true, "CLIENT_SECRET_BASIC": true, "CLIENT_SECRET_POST": true, "CLIENT_SECRET_JWT": true, "PRIVATE_KEY_JWT": true}
	pkceEnforcement = map[string]bool{"OPTIONAL": true, "REQUIRED": true, "S256_REQUIRED": true}
)

// applicationRoutes adds the applications area: the collection, one
// application, its secret and its sub-collections (sign-on policy and flow
// policy assignments, grants, role assignments, attribute mappings).
func (s *Server) applicationRoutes(add addRoute) {
	add("GET POST", "applications", s.applicationsCollection)
	a := s.withApp
	add("GET PUT DELETE", "applications/{applicationID}", a(s.applicationItem))
	add("GET POST", "applications/{applicationID}/secret", a(s.applicationSecret))
	sop := a(func(w http.ResponseWriter, r *http.Request, env *environment, app *application, base string) {
		s.routeAssignments(w, r, env, app, base, r.PathValue("assignmentID"))
	})
	add("GET POST", "applications/{applicationID}/signOnPolicyAssignments", sop)
	add("GET", "applications/{applicationID}/signOnPolicyAssignments/{assignmentID}", sop)
	grants := a(func(w http.ResponseWriter, r *http.Request, env *environment, app *application, base string) {
		s.routeGrants(w, r, env, app, base, r.PathValue("grantID")) // grants.go
	})
	add("GET POST", "applications/{applicationID}/grants", grants)
	add("GET DELETE", "applications/{applicationID}/grants/{grantID}", grants)
	roles := a(func(w http.ResponseWriter, r *http.Request, env *environment, app *application, base string) {
		s.routeRoleAssignments(w, r, env, base, "applications", app.id, r.PathValue("roleAssignmentID")) // roles.go
	})
	add("GET POST", "applications/{applicationID}/roleAssignments", roles)
	add("GET DELETE", "applications/{applicationID}/roleAssignments/{roleAssignmentID}", roles)
	// Attribute mappings and flow policy assignments are generic kinds
	// (application_attributes.go).
	attrs := a(func(w http.ResponseWriter, r *http.Request, env *environment, app *application, base string) {
		st := s.more()
		s.seedAppAttributes(st, app)
		s.crud(w, r, st, env, base, kindAppAttribute, app.id, "/environments/"+env.id+"/applications/"+app.id+"/attributes", r.PathValue("attributeID"))
	})
	add("GET POST", "applications/{applicationID}/attributes", attrs)
	add("GET PUT DELETE", "applications/{applicationID}/attributes/{attributeID}", attrs)
	flows := a(func(w http.ResponseWriter, r *http.Request, env *environment, app *application, base string) {
		s.crud(w, r, s.more(), env, base, kindFlowPolicyAssignment, app.id, "/environments/"+env.id+"/applications/"+app.id+"/flowPolicyAssignments", r.PathValue("assignmentID"))
	})
	add("GET POST", "applications/{applicationID}/flowPolicyAssignments", flows)
	add("GET PUT DELETE", "applications/{applicationID}/flowPolicyAssignments/{assignmentID}", flows)
}

// withApp resolves {applicationID} in the environment.
func (s *Server) withApp(h itemHandler[*application]) apiHandler {
	return inEnvironment("applicationID", func(id string) *application { return s.apps[id] }, h)
}

func (s *Server) applicationsCollection(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	if r.Method == http.MethodPost {
		s.createApplication(w, r, env, base)
		return
	}
	var out []any
	for _, a := range sortedBySeq(s.apps, func(a *application) (string, int64) { return a.envID, a.seq }, env.id) {
		out = append(out, s.applicationJSON(a, base))
	}
	writeHAL(w, http.StatusOK, collection(base+"/environments/"+env.id+"/applications", "applications", out))
}

func (s *Server) applicationItem(w http.ResponseWriter, r *http.Request, _ *environment, app *application, base string) {
	switch r.Method {
	case http.MethodPut:
		s.replaceApplication(w, r, app, base)
	case http.MethodDelete:
		if app.orgAdmin {
			writeError(w, http.StatusForbidden, "ACCESS_FAILED", msgAccessFailed, nil)
			return
		}
		delete(s.apps, app.id)
		w.WriteHeader(http.StatusNoContent)
	default:
		writeHAL(w, http.StatusOK, s.applicationJSON(app, base))
	}
}

// applicationSecret reads (GET) or regenerates (POST) a client's secret;
// public clients have none.
func (s *Server) applicationSecret(w http.ResponseWriter, r *http.Request, env *environment, app *application, base string) {
	if app.str("tokenEndpointAuthMethod") == "NONE" {
		writeNotFound(w)
		return
	}
	if r.Method == http.MethodPost {
		app.secret = newSecret()
		app.updatedAt = s.now()
	}
	self := base + "/environments/" + env.id + "/applications/" + app.id
	writeHAL(w, http.StatusOK, map[string]any{
		"_links": map[string]any{"self": link(self + "/secret"), "application": link(self)},
		"secret": app.secret,
	})
}

func (s *Server) createApplication(w http.ResponseWriter, r *http.Request, env *environment, base string) {
	body, ok := readJSONBody(w, r, mtJSON)
	if !ok {
		return
	}
	if str(body, "protocol") == "SAML" { // saml.go
		s.createSAMLApplication(w, env, base, body)
		return
	}
	bad := validateOIDCApp(body)
	if len(bad) > 0 {
		writeInvalidData(w, bad...)
		return
	}
	now := s.now()
	app := &application{id: newID(), envID: env.id, body: body, createdAt: now, updatedAt: now, seq: s.next()}
	if str(body, "tokenEndpointAuthMethod") != "NONE" {
		app.secret = newSecret()
	}
	s.apps[app.id] = app
	writeHAL(w, http.StatusCreated, s.applicationJSON(app, base))
}

// validateOIDCApp checks an OIDC application's create or replace body and
// fills PingOne's defaults into it.
func validateOIDCApp(body map[string]any) []detail {
	bad := oidcAppIdentityProblems(body)
	grantsBad, needsRedirect := oidcGrantProblems(body)
	bad = append(bad, grantsBad...)
	bad = append(bad, oidcClientAuthProblems(body)...)
	if len(bad) == 0 && needsRedirect && body["responseTypes"] == nil {
		body["responseTypes"] = []any{"CODE"}
	}
	return bad
}

// oidcAppIdentityProblems checks what an application is: its name, type,
// protocol and whether it is enabled.
func oidcAppIdentityProblems(body map[string]any) []detail {
	var bad []detail
	if strings.TrimSpace(str(body, "name")) == "" {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "name", Message: "must not be blank"})
	}
	if !appTypes[str(body, "type")] {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "type", Message: "must be one of [WEB_APP, NATIVE_APP, SINGLE_PAGE_APP, WORKER, SERVICE, CUSTOM_APP]"})
	}
	if str(body, "protocol") != "OPENID_CONNECT" {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "protocol", Message: "must be OPENID_CONNECT"})
	}
	if _, ok := body["enabled"]; !ok {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "enabled", Message: "must not be null"})
	}
	return bad
}

// oidcGrantProblems checks the grant types and, where one of them sends
// the user back (authorization code, implicit), the redirect URIs; it
// also reports whether one does.
func oidcGrantProblems(body map[string]any) (bad []detail, needsRedirect bool) {
	grants, _ := body["grantTypes"].([]any)
	if len(grants) == 0 {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "grantTypes", Message: "must not be empty"})
	}
	for _, g := range grants {
		gs, _ := g.(string)
		if !grantTypes[gs] {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "grantTypes", Message: "unsupported grant type " + gs})
		}
		if gs == "AUTHORIZATION_CODE" || gs == "IMPLICIT" {
			needsRedirect = true
		}
	}
	if uris, _ := body["redirectUris"].([]any); needsRedirect && len(uris) == 0 {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "redirectUris", Message: "must not be empty for the authorization code and implicit grant types"})
	}
	return bad, needsRedirect
}

// oidcClientAuthProblems checks how the client authenticates (token
// endpoint method, PKCE), filling in PingOne's defaults for both.
func oidcClientAuthProblems(body map[string]any) []detail {
	var bad []detail
	method := str(body, "tokenEndpointAuthMethod")
	if method == "" {
		method = "CLIENT_SECRET_BASIC"
		body["tokenEndpointAuthMethod"] = method
	}
	if !authMethods[method] {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "tokenEndpointAuthMethod", Message: "must be one of [NONE, CLIENT_SECRET_BASIC, CLIENT_SECRET_POST, CLIENT_SECRET_JWT, PRIVATE_KEY_JWT]"})
	}
	if str(body, "type") == "WORKER" && method == "NONE" {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "tokenEndpointAuthMethod", Message: "a WORKER application must authenticate with a client secret"})
	}
	if p := str(body, "pkceEnforcement"); p == "" {
		body["pkceEnforcement"] = "OPTIONAL"
	} else if !pkceEnforcement[p] {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "pkceEnforcement", Message: "must be one of [OPTIONAL, REQUIRED, S256_REQUIRED]"})
	}
	return bad
}

// replaceApplication answers PUT: the body replaces the stored one (the
// protocol and type of an application cannot change), the id, secret and
// assignments stay.
func (s *Server) replaceApplication(w http.ResponseWriter, r *http.Request, app *application, base string) {
	body, ok := readJSONBody(w, r, mtJSON)
	if !ok {
		return
	}
	for _, k := range []string{"id", "environment", "createdAt", "updatedAt", "_links"} {
		delete(body, k)
	}
	var bad []detail
	if str(body, "protocol") != app.str("protocol") {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "protocol", Message: "cannot be changed"})
	}
	if str(body, "type") != app.str("type") {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "type", Message: "cannot be changed"})
	}
	if app.str("protocol") == "OPENID_CONNECT" {
		bad = append(bad, validateOIDCApp(body)...)
	} else if strings.TrimSpace(str(body, "name")) == "" {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "name", Message: "must not be blank"})
	}
	if len(bad) > 0 {
		writeInvalidData(w, bad...)
		return
	}
	app.body, app.updatedAt = body, s.now()
	writeHAL(w, http.StatusOK, s.applicationJSON(app, base))
}

func (s *Server) applicationJSON(a *application, base string) map[string]any {
	self := base + "/environments/" + a.envID + "/applications/" + a.id
	out := map[string]any{}
	for k, v := range a.body {
		out[k] = v
	}
	out["_links"] = map[string]any{
		"self":                    link(self),
		"environment":             link(base + "/environments/" + a.envID),
		"attributes":              link(self + "/attributes"),
		"grants":                  link(self + "/grants"),
		"secret":                  link(self + "/secret"),
		"signOnPolicyAssignments": link(self + "/signOnPolicyAssignments"),
	}
	out["id"] = a.id
	out["environment"] = ref(a.envID)
	out["createdAt"] = ts(a.createdAt)
	out["updatedAt"] = ts(a.updatedAt)
	return out
}

// routeAssignments lists (GET) and adds (POST) an application's sign-on
// policy assignments (id ""), or reads one.
func (s *Server) routeAssignments(w http.ResponseWriter, r *http.Request, env *environment, app *application, base, id string) {
	list := base + "/environments/" + env.id + "/applications/" + app.id + "/signOnPolicyAssignments"
	switch {
	case id == "" && r.Method == http.MethodGet:
		var out []any
		for _, a := range s.appAssignments(app.id) {
			out = append(out, s.assignmentJSON(a, base))
		}
		writeHAL(w, http.StatusOK, collection(list, "signOnPolicyAssignments", out))
	case id == "":
		body, ok := readJSONBody(w, r, mtJSON)
		if !ok {
			return
		}
		polID := str(obj(body, "signOnPolicy"), "id")
		pol := s.policies[polID]
		var bad []detail
		if pol == nil || pol.envID != env.id {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "signOnPolicy.id", Message: "Referenced sign-on policy does not exist"})
		}
		prio, isNum := body["priority"].(float64)
		if !isNum || prio < 1 {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "priority", Message: "must be greater than or equal to 1"})
		}
		if len(bad) > 0 {
			writeInvalidData(w, bad...)
			return
		}
		now := s.now()
		a := &policyAssignment{id: newID(), envID: env.id, appID: app.id, policyID: polID, priority: int(prio), createdAt: now, updatedAt: now, seq: s.next()}
		s.assignments[a.id] = a
		writeHAL(w, http.StatusCreated, s.assignmentJSON(a, base))
	default:
		a := s.assignments[id]
		if a == nil || a.appID != app.id {
			writeNotFound(w)
			return
		}
		writeHAL(w, http.StatusOK, s.assignmentJSON(a, base))
	}
}

func (s *Server) appAssignments(appID string) []*policyAssignment {
	var out []*policyAssignment
	for _, a := range s.assignments {
		if a.appID == appID {
			out = append(out, a)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].priority != out[j].priority {
			return out[i].priority < out[j].priority
		}
		return out[i].seq < out[j].seq
	})
	return out
}

func (s *Server) assignmentJSON(a *policyAssignment, base string) map[string]any {
	envURL := base + "/environments/" + a.envID
	return map[string]any{
		"_links": map[string]any{
			"self":         link(envURL + "/applications/" + a.appID + "/signOnPolicyAssignments/" + a.id),
			"environment":  link(envURL),
			"application":  link(envURL + "/applications/" + a.appID),
			"signOnPolicy": link(envURL + "/signOnPolicies/" + a.policyID),
		},
		"id": a.id, "environment": ref(a.envID), "application": ref(a.appID), "signOnPolicy": ref(a.policyID),
		"priority": a.priority, "createdAt": ts(a.createdAt), "updatedAt": ts(a.updatedAt),
	}
}
