package pingone

import (
	"mime"
	"net/http"
	"strings"
	"unicode"
)

// The third batch of workflow-library use cases: a population's password
// policy (Create a Password Policy), the self-service password change,
// PATCH /users/{id} (Add User Image) and the audit activity an agreement
// consent leaves (Audit for Agreement Consents). The management routes
// call these hooks; the state lives here so the older files stay small.

const mtPasswordReset = "application/vnd.pingidentity.password.reset+json"

type uc3State struct {
	popPolicy map[string]string // population id → password policy id
}

func (s *Server) uc3() *uc3State {
	if s.uc3s == nil {
		s.uc3s = &uc3State{popPolicy: map[string]string{}}
	}
	return s.uc3s
}

// --- population password policies ------------------------------------------

// populationPolicy reads passwordPolicy.id from a population create, with
// the validation detail when the policy does not exist.
func (s *Server) populationPolicy(env *environment, body map[string]any) (string, []detail) {
	pp := obj(body, "passwordPolicy")
	if pp == nil {
		return "", nil
	}
	id := str(pp, "id")
	if id == "" || s.more().get(id, "passwordPolicies", env.id) == nil {
		return "", []detail{{Code: "INVALID_VALUE", Target: "passwordPolicy.id", Message: "Referenced password policy does not exist"}}
	}
	return id, nil
}

// populationExtraJSON adds the population's password policy, as PingOne
// shows it.
func (s *Server) populationExtraJSON(popID string, out map[string]any) {
	if id := s.uc3().popPolicy[popID]; id != "" {
		out["passwordPolicy"] = map[string]any{"id": id}
	}
}

// userPasswordViolation checks a new password against the password policy
// of the user's population, or PingOne's default policy when it has none.
func (s *Server) userPasswordViolation(u *user, pw string) (detail, bool) {
	id := s.uc3().popPolicy[u.populationID]
	p := s.more().get(id, "passwordPolicies", u.envID)
	if id == "" || p == nil {
		return passwordPolicyViolation(pw)
	}
	if policyRejects(p.body, pw, u) {
		return detail{Code: "INVALID_VALUE", Target: "password", Message: "User password did not satisfy password policy requirements"}, true
	}
	return detail{}, false
}

// policyRejects applies the measurable rules of a password policy:
// length, minimum characters per class, repeated and unique characters,
// and (excludesProfileData) the username.
func policyRejects(p map[string]any, pw string, u *user) bool {
	runes := []rune(pw)
	length := obj(p, "length")
	if n, ok := intOf(length["min"]); ok && len(runes) < n {
		return true
	}
	if n, ok := intOf(length["max"]); ok && len(runes) > n {
		return true
	}
	for set, want := range obj(p, "minCharacters") {
		n, _ := intOf(want)
		got := 0
		for _, r := range runes {
			if strings.ContainsRune(set, r) {
				got++
			}
		}
		if got < n {
			return true
		}
	}
	if n, ok := intOf(p["maxRepeatedCharacters"]); ok && n > 0 {
		run := 1
		for i := 1; i < len(runes); i++ {
			if runes[i] == runes[i-1] {
				run++
				if run > n {
					return true
				}
			} else {
				run = 1
			}
		}
	}
	if n, ok := intOf(p["minUniqueCharacters"]); ok {
		seen := map[rune]bool{}
		for _, r := range runes {
			seen[unicode.ToLower(r)] = true
		}
		if len(seen) < n {
			return true
		}
	}
	if p["excludesProfileData"] == true && len(u.username) >= 3 && strings.Contains(strings.ToLower(pw), strings.ToLower(u.username)) {
		return true
	}
	return false
}

func intOf(v any) (int, bool) {
	switch n := v.(type) {
	case float64:
		return int(n), true
	case int:
		return n, true
	}
	return 0, false
}

// --- self-service password change --------------------------------------------

// isPasswordReset tells the self-change request (password.reset media
// type) from the administrative set.
func isPasswordReset(r *http.Request) bool {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return strings.EqualFold(mt, mtPasswordReset)
}

// changeOwnPassword serves PUT /users/{id}/password with the password.reset
// media type: the current password must match, the new one must satisfy
// the population's policy (and, when the policy says notSimilarToCurrent,
// differ from the current one).
func (s *Server) changeOwnPassword(w http.ResponseWriter, r *http.Request, u *user, base string) {
	body, ok := readJSONBody(w, r, mtPasswordReset)
	if !ok {
		return
	}
	var bad []detail
	cur, next := str(body, "currentPassword"), str(body, "newPassword")
	if cur == "" {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "currentPassword", Message: "must not be blank"})
	}
	if next == "" {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "newPassword", Message: "must not be blank"})
	}
	if len(bad) > 0 {
		writeInvalidData(w, bad...)
		return
	}
	if u.password == "" || cur != u.password {
		writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "currentPassword", Message: "The current password is incorrect"})
		return
	}
	if next == cur {
		writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "newPassword", Message: "The new password must not be the same as the current password"})
		return
	}
	if d, violated := s.userPasswordViolation(u, next); violated {
		d.Target = "newPassword"
		writeInvalidData(w, d)
		return
	}
	u.password = next
	u.passwordChanged = s.now()
	u.updatedAt = u.passwordChanged
	writeHAL(w, http.StatusOK, s.passwordJSON(u, base, false))
}

// --- PATCH /users/{id} ---------------------------------------------------------

// --- agreement consent activities --------------------------------------------

// activityRes is a further resource of an activity: an agreement consent
// names both the user and the agreement, so either id finds it.
type activityRes struct{ typ, id, name string }

func (a *activity) hasResource(match func(activityRes) bool) bool {
	for _, x := range a.extra {
		if match(x) {
			return true
		}
	}
	return false
}

func (a *activity) extraJSON() []any {
	var out []any
	for _, x := range a.extra {
		out = append(out, map[string]any{"type": x.typ, "id": x.id, "name": x.name, "environment": ref(a.envID)})
	}
	return out
}

// recordConsent leaves the AGREEMENT_CONSENT.ACCEPTED activity of a
// consent given in a sign-on flow. The caller holds s.mu.
func (s *Server) recordConsent(f *flow, ag *agreement) {
	u := s.users[f.userID]
	app := s.apps[f.appID]
	if u == nil || ag == nil {
		return
	}
	a := &activity{
		id: newID(), envID: f.envID, correlationID: f.id, recordedAt: s.now(),
		actionType: "AGREEMENT_CONSENT.ACCEPTED", description: "Agreement Consent Accepted",
		resType: "USER", resID: u.id, resName: u.username,
		extra:  []activityRes{{typ: "AGREEMENT", id: ag.id, name: ag.name}},
		status: "SUCCESS",
	}
	if app != nil {
		a.clientID, a.clientName, a.clientEnv = app.id, app.str("name"), app.envID
	}
	s.more().activities = append(s.more().activities, a)
}
