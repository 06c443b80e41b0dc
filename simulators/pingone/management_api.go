package pingone

import (
	"net/http"
	"strings"
)

// Media types of the management actions the tutorials call.
const (
	mtJSON        = "application/json"
	mtPasswordSet = "application/vnd.pingidentity.password.set+json"
	mtUserImport  = "application/vnd.pingidentity.user.import+json"
)

// caller is the authenticated client of a management request.
type caller struct {
	app *application
}

// serveAPI handles {{apiPath}} = B/v1. parts excludes the "v1".
func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request, parts []string) {
	if len(parts) == 0 || parts[0] != "environments" {
		s.mu.Lock()
		defer s.mu.Unlock()
		if _, ok := s.bearer(w, r); ok {
			if len(parts) > 0 && parts[0] == "roles" {
				s.serveRoles(w, r, baseURL(r)+"/v1", parts[1:])
				return
			}
			writeNotFound(w)
		}
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.bearer(w, r)
	if !ok {
		return
	}
	base := baseURL(r) + "/v1"
	if len(parts) == 1 {
		if !c.app.orgAdmin {
			writeError(w, http.StatusForbidden, "ACCESS_FAILED", msgAccessFailed, nil)
			return
		}
		switch r.Method {
		case http.MethodGet:
			s.listEnvironments(w, base)
		case http.MethodPost:
			s.createEnvironment(w, r, base)
		default:
			writeMethodNotAllowed(w)
		}
		return
	}
	env := s.envs[parts[1]]
	if env == nil || !(c.app.orgAdmin || c.app.envID == env.id) {
		// PingOne does not tell a missing environment from a forbidden one.
		writeError(w, http.StatusForbidden, "ACCESS_FAILED", msgAccessFailed, nil)
		return
	}
	rest := parts[2:]
	if len(rest) == 0 {
		if r.Method != http.MethodGet {
			writeMethodNotAllowed(w)
			return
		}
		writeHAL(w, http.StatusOK, s.environmentJSON(env, base))
		return
	}
	w = s.audit(w, r, c, env, rest)             // activities.go
	if s.serveAppRoles(w, r, env, base, rest) { // app_roles.go: application resources, permissions, roles
		return
	}
	s.seedMore(s.more(), env)
	if area := s.areas[rest[0]]; area != nil {
		area(w, r, c, env, base, rest[1:])
		return
	}
	writeNotFound(w)
}

// bearer checks the access token of a management call. The caller holds
// s.mu. A missing, malformed, badly signed, expired or revoked token gets
// PingOne's 401; a token that is not a Worker app's gets 403.
func (s *Server) bearer(w http.ResponseWriter, r *http.Request) (*caller, bool) {
	deny := func() (*caller, bool) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="PingOne"`)
		writeError(w, http.StatusUnauthorized, "ACCESS_FAILED", msgAccessFailed, []detail{{
			Code: "INVALID_TOKEN", Target: "Authentication Credentials",
			Message: "The authorization token is either missing or invalid, or it has expired.",
		}})
		return nil, false
	}
	h := r.Header.Get("Authorization")
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(tok) == "" {
		return deny()
	}
	claims, _, err := s.verify(strings.TrimSpace(tok))
	if err != nil || numClaim(claims, "exp") <= s.now().Unix() {
		return deny()
	}
	if jti, _ := claims["jti"].(string); s.revoked[jti] {
		return deny()
	}
	clientID, _ := claims["client_id"].(string)
	app := s.apps[clientID]
	if app == nil {
		return deny()
	}
	// Only Worker tokens (no user subject) carry admin roles here.
	if sub, _ := claims["sub"].(string); app.str("type") != "WORKER" || (sub != "" && sub != clientID) {
		writeError(w, http.StatusForbidden, "ACCESS_FAILED", msgAccessFailed, nil)
		return nil, false
	}
	return &caller{app: app}, true
}
