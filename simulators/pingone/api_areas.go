package pingone

import (
	"net/http"
	"strings"
)

// The management API's areas: /v1/environments/{envID}/{area}/... goes to
// the area's handler with the path below the area. serveAPI has checked
// the token and the environment and holds s.mu.

type apiArea func(w http.ResponseWriter, r *http.Request, c *caller, env *environment, base string, rest []string)

func (s *Server) apiAreas() map[string]apiArea {
	// plain adapts the handlers that need neither the caller nor the
	// generic resources' state.
	plain := func(h func(http.ResponseWriter, *http.Request, *environment, string, []string)) apiArea {
		return func(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string, rest []string) {
			h(w, r, env, base, rest)
		}
	}
	// kindArea serves a generic resource kind at /{area}.
	kindArea := func(k *kind) apiArea {
		return func(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string, rest []string) {
			s.crud(w, r, s.more(), env, base, k, "", "/environments/"+env.id+"/"+k.name, rest)
		}
	}
	// withState adapts the handlers of kinds.go's family.
	withState := func(h func(http.ResponseWriter, *http.Request, *moreState, *environment, string, []string)) apiArea {
		return func(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string, rest []string) {
			h(w, r, s.more(), env, base, rest)
		}
	}
	return map[string]apiArea{
		"billOfMaterials":              s.billOfMaterialsArea,
		"populations":                  plain(s.routePopulations),
		"users":                        plain(s.routeUsers),
		"applications":                 s.applicationsArea,
		"signOnPolicies":               plain(s.routePolicies),
		"resources":                    plain(s.routeResources),
		"groups":                       plain(s.routeGroups),
		"languages":                    plain(s.routeLanguages),
		"agreements":                   plain(s.routeAgreements),
		"deviceAuthenticationPolicies": plain(s.routeDeviceAuthPolicies),
		"passwordPolicies":             kindArea(kindPasswordPolicy),
		"identityProviders":            s.identityProvidersArea,
		"gateways":                     s.gatewaysArea,
		"keyRotationPolicies":          kindArea(kindKeyRotationPolicy),   // key_rotation.go
		"notificationsPolicies":        kindArea(kindNotificationsPolicy), // notifications.go
		"riskPolicySets":               kindArea(kindRiskPolicySet),
		"mfaSettings":                  withState(s.serveMFASettings),           // mfa_settings.go
		"notificationsSettings":        withState(s.serveNotificationsSettings), // notifications.go
		"propagation":                  s.propagationArea,
		"templates":                    withState(s.routeTemplates),
		"riskEvaluations":              withState(s.routeRiskEvaluations),
		"activities":                   withState(s.routeActivities),
		"keys":                         withState(s.routeKeys),
		"certificates":                 withState(s.routeCertificates),
		"images":                       withState(s.routeImages),
		"integrations":                 withState(s.routeIntegrations),
		"flowPolicies":                 withState(s.routeFlowPolicies), // davinci.go
	}
}

func (s *Server) billOfMaterialsArea(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string, rest []string) {
	switch {
	case len(rest) > 0:
		writeNotFound(w)
	case r.Method == http.MethodGet:
		writeHAL(w, http.StatusOK, s.bomJSON(env, base))
	case r.Method == http.MethodPut:
		s.putBOM(w, r, env, base) // davinci.go
	default:
		writeNotFound(w)
	}
}

// applicationsArea sends an application's attribute mappings and flow
// policy assignments (generic kinds) to crud, the rest to routeApplications.
func (s *Server) applicationsArea(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string, rest []string) {
	if len(rest) < 2 || (rest[1] != "attributes" && rest[1] != "flowPolicyAssignments") {
		s.routeApplications(w, r, env, base, rest)
		return
	}
	app := s.apps[rest[0]]
	if app == nil || app.envID != env.id {
		writeNotFound(w)
		return
	}
	st := s.more()
	self := "/environments/" + env.id + "/applications/" + app.id + "/" + rest[1]
	if rest[1] == "attributes" {
		s.seedAppAttributes(st, app)
		s.crud(w, r, st, env, base, kindAppAttribute, app.id, self, rest[2:])
		return
	}
	s.crud(w, r, st, env, base, kindFlowPolicyAssignment, app.id, self, rest[2:])
}

func (s *Server) identityProvidersArea(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string, rest []string) {
	st := s.more()
	if len(rest) >= 2 && rest[1] == "attributes" {
		idp := st.get(rest[0], "identityProviders", env.id)
		if idp == nil {
			writeNotFound(w)
			return
		}
		s.seedIdPAttributes(st, idp) // social.go: the CORE mapping
		s.crud(w, r, st, env, base, kindIdPAttribute, idp.id, idp.self+"/attributes", rest[2:])
		return
	}
	s.crud(w, r, st, env, base, kindIdentityProvider, "", "/environments/"+env.id+"/identityProviders", rest)
}

func (s *Server) gatewaysArea(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string, rest []string) {
	st := s.more()
	if len(rest) >= 2 && rest[1] == "credentials" {
		gw := st.get(rest[0], "gateways", env.id)
		if gw == nil {
			writeNotFound(w)
			return
		}
		s.crud(w, r, st, env, base, kindGatewayCredential, gw.id, gw.self+"/credentials", rest[2:]) // gateway_credentials.go
		return
	}
	s.crud(w, r, st, env, base, kindGateway, "", "/environments/"+env.id+"/gateways", rest)
}

func (s *Server) propagationArea(w http.ResponseWriter, r *http.Request, c *caller, env *environment, base string, rest []string) {
	if len(rest) >= 1 && rest[0] == "revisions" {
		s.routePropagationRevisions(w, r, s.more(), c, env, base, rest[1:]) // propagation_revisions.go
		return
	}
	s.routePropagation(w, r, s.more(), env, base, rest)
}

// apiRoutes is the management API's router, by method and pattern: the
// environments collection, one environment, each area and the Authorize
// application-role routes below an environment, the platform roles.
// Every route checks the access token first (401 before 404), and the
// routes below an environment check it may be reached (PingOne answers 403
// for a missing environment as for a forbidden one).
func (s *Server) apiRoutes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/v1/environments", s.withBearer(func(w http.ResponseWriter, r *http.Request, c *caller) {
		base := baseURL(r) + "/v1"
		switch {
		case !c.app.orgAdmin:
			writeError(w, http.StatusForbidden, "ACCESS_FAILED", msgAccessFailed, nil)
		case r.Method == http.MethodGet:
			s.listEnvironments(w, base)
		case r.Method == http.MethodPost:
			s.createEnvironment(w, r, base)
		default:
			writeMethodNotAllowed(w)
		}
	}))
	mux.HandleFunc("/v1/environments/{envID}", s.inAPIEnvironment(func(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string, _ []string) {
		if r.Method != http.MethodGet {
			writeMethodNotAllowed(w)
			return
		}
		writeHAL(w, http.StatusOK, s.environmentJSON(env, base))
	}))
	under := func(path string, h apiArea) {
		mux.HandleFunc("/v1/environments/{envID}/"+path, s.inAPIEnvironment(h))
		mux.HandleFunc("/v1/environments/{envID}/"+path+"/{rest...}", s.inAPIEnvironment(h))
	}
	for name, area := range s.areas {
		under(name, func(w http.ResponseWriter, r *http.Request, c *caller, env *environment, base string, rest []string) {
			area(w, r, c, env, base, rest[1:])
		})
	}
	appRoles := func(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string, rest []string) {
		if !s.serveAppRoles(w, r, env, base, rest) { // app_roles.go
			writeNotFound(w)
		}
	}
	for _, path := range []string{"applicationResources", "applicationRoles", "resources/{resourceID}/applicationResources", "users/{userID}/applicationRoles"} {
		under(path, appRoles)
	}
	mux.HandleFunc("/v1/environments/{envID}/{rest...}", s.inAPIEnvironment(func(w http.ResponseWriter, _ *http.Request, _ *caller, _ *environment, _ string, _ []string) {
		writeNotFound(w)
	}))
	roles := s.withBearer(func(w http.ResponseWriter, r *http.Request, _ *caller) {
		s.serveRoles(w, r, baseURL(r)+"/v1", splitPath(strings.TrimPrefix(r.URL.Path, "/v1/roles")))
	})
	mux.HandleFunc("/v1/roles", roles)
	mux.HandleFunc("/v1/roles/{rest...}", roles)
	mux.HandleFunc("/", s.withBearer(func(w http.ResponseWriter, _ *http.Request, _ *caller) { writeNotFound(w) }))
	return mux
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

// inAPIEnvironment resolves {envID} for the caller and hands h the path
// below the environment; requests that reach an area are audited
// (activities.go).
func (s *Server) inAPIEnvironment(h apiArea) http.HandlerFunc {
	return s.withBearer(func(w http.ResponseWriter, r *http.Request, c *caller) {
		envID := r.PathValue("envID")
		env := s.envs[envID]
		if env == nil || !(c.app.orgAdmin || c.app.envID == env.id) {
			// PingOne does not tell a missing environment from a forbidden one.
			writeError(w, http.StatusForbidden, "ACCESS_FAILED", msgAccessFailed, nil)
			return
		}
		rest := splitPath(strings.TrimPrefix(r.URL.Path, "/v1/environments/"+envID))
		if len(rest) > 0 {
			w = s.audit(w, r, c, env, rest)
			s.seedMore(s.more(), env)
		}
		h(w, r, c, env, baseURL(r)+"/v1", rest)
	})
}
