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
