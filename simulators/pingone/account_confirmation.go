package pingone

import (
	"mime"
	"net/http"
	"strings"
)

// Account confirmation after external authentication, as PingOne
// documents it ("Identity provider account confirmation"): when the
// action's registration sets confirmIdentityProviderAttributes and no user
// is linked to the external identity yet, the callback stops the flow in
// ACCOUNT_CONFIRMATION_REQUIRED, showing the attributes mapped from the
// provider; the user confirms or corrects them (user.confirm), after which
// PingOne looks for local users holding the same unique attributes
// (username, e-mail): a match goes to ACCOUNT_LINKING_REQUIRED, where that
// user proves the account is theirs (usernamePassword.check); no match
// registers a new user with the confirmed attributes and the flow goes on.
//
// Inferred, since the reference shows no body: user.confirm takes the user
// attributes at the top level, as user.register does (username, email,
// name.given, name.family); the flow embeds them as _embedded.user.

const (
	statusAccountConfirmation = "ACCOUNT_CONFIRMATION_REQUIRED"
	mtUserConfirm             = "application/vnd.pingidentity.user.confirm+json"
)

// confirmsAttributes reports whether the flow's action asks users to
// confirm what the identity provider returned before registration.
func (s *Server) confirmsAttributes(f *flow) bool {
	a := f.currentAction()
	return a != nil && obj(a.body, "registration")["confirmIdentityProviderAttributes"] == true
}

// confirmationFlowJSON shows the attributes to confirm and user.confirm.
func (s *Server) confirmationFlowJSON(f *flow, self string, links, emb map[string]any) {
	links["user.confirm"] = link(self)
	if f.pendingLink == nil || f.pendingLink.identity == nil {
		return
	}
	id := f.pendingLink.identity
	u := map[string]any{"username": orDefault(id.username, id.subject)}
	if id.email != "" {
		u["email"] = id.email
	}
	if id.given != "" || id.family != "" {
		u["name"] = map[string]any{"given": id.given, "family": id.family}
	}
	emb["user"] = u
	if idp := s.more().get(f.pendingLink.idpID, kindIdentityProvider.name, f.envID); idp != nil {
		emb["identityProvider"] = map[string]any{"id": idp.id, "name": str(idp.body, "name"), "type": str(idp.body, "type")}
	}
}

// confirmFlowAction serves user.confirm; it reports whether it answered.
// The caller holds s.mu.
func (s *Server) confirmFlowAction(w http.ResponseWriter, r *http.Request, env *environment, base string, f *flow) bool {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if !strings.EqualFold(mt, mtUserConfirm) {
		return false
	}
	if f.status != statusAccountConfirmation || f.pendingLink == nil {
		writeError(w, http.StatusBadRequest, "INVALID_REQUEST", msgInvalidReq, []detail{{
			Code: "INVALID_VALUE", Target: "status", Message: "The action is not valid in the flow's current status " + f.status,
		}})
		return true
	}
	body, ok := readJSONBody(w, r)
	if !ok {
		return true
	}
	id := f.pendingLink.identity
	username, email := strings.TrimSpace(str(body, "username")), strings.TrimSpace(str(body, "email"))
	var bad []detail
	if username == "" {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "username", Message: "must not be blank"})
	}
	if email != "" && !strings.Contains(email, "@") {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "email", Message: "must be a well-formed email address"})
	}
	if len(bad) > 0 {
		writeInvalidData(w, bad...)
		return true
	}
	// What the user confirmed replaces what the provider sent, for a new
	// account and for the mappings applied to a linked one.
	id.username, id.email = username, email
	if name := obj(body, "name"); name != nil {
		id.given, id.family = str(name, "given"), str(name, "family")
	}
	for i := range id.mapped {
		switch id.mapped[i].field {
		case "email":
			id.mapped[i].value = id.email
		case "name.given":
			id.mapped[i].value = id.given
		case "name.family":
			id.mapped[i].value = id.family
		}
	}
	if s.localMatch(env, id) != nil {
		f.status = statusAccountLinking
		writeHAL(w, http.StatusOK, s.flowJSON(f, base))
		return true
	}
	idp := s.more().get(f.pendingLink.idpID, kindIdentityProvider.name, env.id)
	if idp == nil {
		writeNotFound(w)
		return true
	}
	u := s.createLinkedUser(env, f, idp, id)
	if err := s.signOnLinked(f, u); err != nil {
		f.status, f.errCode, f.errMessage = statusFailed, "EXTERNAL_AUTHENTICATION_FAILED", err.Error()
	} else {
		f.pendingLink = nil
		s.signedIn(w, r, env, f)
	}
	writeHAL(w, http.StatusOK, s.flowJSON(f, base))
	return true
}

// localMatch is a user of the environment with PingOne authentication
// authority (linked to no provider) whose username or e-mail is the
// confirmed identity's.
func (s *Server) localMatch(env *environment, id *externalIdentity) *user {
	for _, u := range s.users {
		if u.envID != env.id || u.idpID != "" {
			continue
		}
		if strings.EqualFold(u.username, id.username) || (id.email != "" && strings.EqualFold(u.email, id.email)) {
			return u
		}
	}
	return nil
}
