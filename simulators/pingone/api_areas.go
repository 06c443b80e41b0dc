package pingone

import (
	"net/http"
	"sort"
	"strings"
)

// The management API's routes. Every route below an environment is one
// method+pattern entry of the ServeMux (managementRoutes is the whole list:
// what the local PingOne serves, and what its SDK contract test must
// drive); a path with none of its methods answers PingOne's JSON 405, an
// unknown path 404.

// apiHandler serves a route below /v1/environments/{envID}/: the token
// and the environment are checked and s.mu is held; the route's other
// wildcards are in r.PathValue.
type apiHandler func(w http.ResponseWriter, r *http.Request, c *caller, env *environment, base string)

// itemHandler serves a route below one item of the environment.
type itemHandler[T any] func(w http.ResponseWriter, r *http.Request, env *environment, item T, base string)

// envItem is a record that lives in one environment (a pointer type).
type envItem interface {
	comparable
	environmentID() string
}

// inEnvironment serves h with the item that find returns for the route's
// {idName}. An unknown id and another environment's item get the same
// PingOne 404 (NOT_FOUND), so no environment learns another's ids. find
// runs per request because Restore replaces the server's maps.
func inEnvironment[T envItem](idName string, find func(id string) T, h itemHandler[T]) apiHandler {
	return func(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
		var none T
		item := find(r.PathValue(idName))
		if item == none || item.environmentID() != env.id {
			writeNotFound(w)
			return
		}
		h(w, r, env, item, base)
	}
}

// apiRoute is one line of the table: its methods (space-separated) on a
// path below the environment.
type apiRoute struct {
	methods, path string
	h             apiHandler
}

// addRoute adds a line to the table; kindRoute adds a generic kind's
// collection at path and its items at path/{id}.
type (
	addRoute  func(methods, path string, h apiHandler)
	kindRoute func(path, id string, k *kind, itemMethods string)
)

// managementRoutes is the management API below an environment, area by
// area (each area's handlers live in the file named for it).
func (s *Server) managementRoutes() []apiRoute {
	var rs []apiRoute
	var add addRoute = func(methods, path string, h apiHandler) { rs = append(rs, apiRoute{methods, path, h}) }
	// kindAt serves a generic resource kind (kinds.go) at path and
	// path/{id}, with the item methods the kind has there.
	var kindAt kindRoute = func(path, id string, k *kind, itemMethods string) {
		h := func(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
			s.crud(w, r, s.more(), env, base, k, "", "/environments/"+env.id+"/"+path, r.PathValue(id))
		}
		add("GET POST", path, h)
		add(itemMethods, path+"/{"+id+"}", h)
	}

	add("GET PUT", "billOfMaterials", s.billOfMaterials) // davinci.go

	add("GET POST", "populations", s.populationsRoute) // populations.go
	add("GET PUT DELETE", "populations/{populationID}", s.populationsRoute)

	s.userRoutes(add) // users.go

	s.applicationRoutes(add) // applications.go

	s.signOnPolicyRoutes(add) // sign_on_policies.go

	s.resourceRoutes(add) // resources.go

	add("GET POST", "groups", s.groupsRoute) // groups.go
	add("GET PUT DELETE", "groups/{groupID}", s.groupsRoute)
	add("GET POST", "groups/{groupID}/roleAssignments", s.groupRoleAssignments)
	add("GET DELETE", "groups/{groupID}/roleAssignments/{roleAssignmentID}", s.groupRoleAssignments)

	add("GET POST", "languages", s.listLanguages) // languages.go
	add("GET PUT DELETE", "languages/{languageID}", s.languageItem)

	s.agreementRoutes(add) // agreements.go

	add("GET POST", "deviceAuthenticationPolicies", s.deviceAuthPoliciesRoute) // device_auth_policies.go
	add("GET", "deviceAuthenticationPolicies/{deviceAuthenticationPolicyID}", s.deviceAuthPoliciesRoute)
	add("GET PUT DELETE", "mfaSettings", s.serveMFASettings) // mfa_settings.go

	kindAt("passwordPolicies", "passwordPolicyID", kindPasswordPolicy, "GET PUT DELETE")
	kindAt("identityProviders", "providerID", kindIdentityProvider, "GET PUT DELETE")
	add("GET POST", "identityProviders/{providerID}/attributes", s.idpAttributes) // social.go
	add("GET PUT DELETE", "identityProviders/{providerID}/attributes/{attributeID}", s.idpAttributes)
	kindAt("gateways", "gatewayID", kindGateway, "GET PUT DELETE")
	add("GET POST", "gateways/{gatewayID}/credentials", s.gatewayCredentials) // gateway_credentials.go
	add("GET DELETE", "gateways/{gatewayID}/credentials/{credentialID}", s.gatewayCredentials)

	kindAt("keyRotationPolicies", "keyRotationPolicyID", kindKeyRotationPolicy, "GET PUT DELETE") // key_rotation.go
	s.keyRoutes(add)                                                                              // keys.go

	kindAt("notificationsPolicies", "notificationsPolicyID", kindNotificationsPolicy, "GET PUT DELETE") // notifications.go
	add("GET PUT DELETE", "notificationsSettings", s.serveNotificationsSettings)
	add("GET", "templates", s.listTemplates) // notification_templates.go
	add("GET", "templates/{templateName}", s.readTemplate)
	add("GET POST", "templates/{templateName}/contents", s.templateContents)
	add("GET PUT DELETE", "templates/{templateName}/contents/{contentID}", s.templateContents)

	kindAt("riskPolicySets", "riskPolicySetID", kindRiskPolicySet, "GET PUT DELETE") // risk.go
	add("POST", "riskEvaluations", s.createRiskEvaluation)
	add("GET", "riskEvaluations/{riskEvaluationID}", s.readRiskEvaluation)
	add("PUT", "riskEvaluations/{riskEvaluationID}/event", s.riskEvaluationEvent)

	s.propagationRoutes(add, kindAt) // resource_kinds.go, propagation_revisions.go

	add("GET POST", "activities", s.listActivities) // activities.go
	add("GET", "activities/{activityID}", s.readActivity)

	add("POST", "images", s.createImage) // images.go
	add("GET DELETE", "images/{imageID}", s.imageItem)

	add("GET", "integrations", s.listIntegrations) // integrations.go
	add("GET", "integrations/{integrationID}", s.readIntegration)
	add("GET", "integrations/{integrationID}/versions", s.listIntegrationVersions)
	add("GET", "integrations/{integrationID}/versions/{versionID}", s.readIntegrationVersion)
	add("GET", "integrations/{integrationID}/versions/{versionID}/asset", s.integrationAsset)

	add("GET", "flowPolicies", s.flowPolicies) // davinci.go
	add("GET", "flowPolicies/{flowPolicyID}", s.flowPolicies)

	s.appRoleRoutes(add) // app_roles.go
	return rs
}

func (s *Server) billOfMaterials(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	if r.Method == http.MethodPut {
		s.putBOM(w, r, env, base) // davinci.go
		return
	}
	writeHAL(w, http.StatusOK, s.bomJSON(env, base))
}

// apiRoutes is the management API's router, by method and pattern: the
// environments collection, one environment, managementRoutes below it, the
// platform roles. Every route checks the access token first (401 before
// 404), and the routes below an environment check it may be reached
// (PingOne answers 403 for a missing environment as for a forbidden one).
func (s *Server) apiRoutes() *http.ServeMux {
	mux := http.NewServeMux()
	environments := s.withBearer(func(w http.ResponseWriter, r *http.Request, c *caller) {
		base := baseURL(r) + "/v1"
		switch {
		case !c.app.orgAdmin:
			writeError(w, http.StatusForbidden, "ACCESS_FAILED", msgAccessFailed, nil)
		case r.Method == http.MethodGet:
			s.listEnvironments(w, base)
		default:
			s.createEnvironment(w, r, base)
		}
	})
	mux.HandleFunc("GET /v1/environments", environments)
	mux.HandleFunc("POST /v1/environments", environments)
	mux.HandleFunc("GET /v1/environments/{envID}", s.inAPIEnvironment(func(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
		writeHAL(w, http.StatusOK, s.environmentJSON(env, base))
	}))
	// paths holds each path's methods, so the others answer PingOne's JSON
	// 405 (the ServeMux's own would be plain text).
	paths := map[string]string{"/v1/environments": "GET POST", "/v1/environments/{envID}": "GET", "/v1/roles": "GET", "/v1/roles/{roleID}": "GET"}
	for _, rt := range s.managementRoutes() {
		path := "/v1/environments/{envID}/" + rt.path
		h := s.inAPIEnvironment(rt.h)
		for _, m := range strings.Fields(rt.methods) {
			mux.HandleFunc(m+" "+path, h)
		}
		paths[path] += " " + rt.methods
	}
	roles := s.withBearer(func(w http.ResponseWriter, r *http.Request, _ *caller) {
		s.serveRoles(w, r, baseURL(r)+"/v1", r.PathValue("roleID")) // roles.go
	})
	mux.HandleFunc("GET /v1/roles", roles)
	mux.HandleFunc("GET /v1/roles/{roleID}", roles)
	notAllowed := s.withBearer(func(w http.ResponseWriter, _ *http.Request, _ *caller) { writeMethodNotAllowed(w) })
	envNotAllowed := s.inAPIEnvironment(func(w http.ResponseWriter, _ *http.Request, _ *caller, _ *environment, _ string) {
		writeMethodNotAllowed(w)
	})
	for path, methods := range paths {
		for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
			if strings.Contains(" "+methods+" ", " "+m+" ") {
				continue
			}
			if strings.Contains(path, "/{envID}/") {
				mux.HandleFunc(m+" "+path, envNotAllowed)
			} else {
				mux.HandleFunc(m+" "+path, notAllowed)
			}
		}
	}
	mux.HandleFunc("/v1/environments/{envID}/{rest...}", s.inAPIEnvironment(func(w http.ResponseWriter, _ *http.Request, _ *caller, _ *environment, _ string) {
		writeNotFound(w)
	}))
	mux.HandleFunc("/", s.withBearer(func(w http.ResponseWriter, _ *http.Request, _ *caller) { writeNotFound(w) }))
	return mux
}

// routePatterns lists the management routes as the ServeMux has them
// ("GET /v1/environments/{envID}/users"), sorted: the inventory the SDK
// contract test checks its coverage against.
func (s *Server) routePatterns() []string {
	out := []string{"GET /v1/environments", "POST /v1/environments", "GET /v1/environments/{envID}", "GET /v1/roles", "GET /v1/roles/{roleID}"}
	for _, rt := range s.managementRoutes() {
		for _, m := range strings.Fields(rt.methods) {
			out = append(out, m+" /v1/environments/{envID}/"+rt.path)
		}
	}
	sort.Strings(out)
	return out
}

// withBearer runs h under s.mu for a request whose access token passes.
func (s *Server) withBearer(h func(http.ResponseWriter, *http.Request, *caller)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		if c, ok := s.bearer(w, r); ok {
			h(w, r, c)
		}
	}
}

// inAPIEnvironment resolves {envID} for the caller; requests below the
// environment are audited (activities.go).
func (s *Server) inAPIEnvironment(h apiHandler) http.HandlerFunc {
	return s.withBearer(func(w http.ResponseWriter, r *http.Request, c *caller) {
		envID := r.PathValue("envID")
		env := s.envs[envID]
		if env == nil || !(c.app.orgAdmin || c.app.envID == env.id) {
			// PingOne does not tell a missing environment from a forbidden one.
			writeError(w, http.StatusForbidden, "ACCESS_FAILED", msgAccessFailed, nil)
			return
		}
		if rest := splitPath(strings.TrimPrefix(r.URL.Path, "/v1/environments/"+envID)); len(rest) > 0 {
			w = s.audit(w, r, c, env, rest)
			s.seedMore(s.more(), env)
		}
		h(w, r, c, env, baseURL(r)+"/v1")
	})
}
