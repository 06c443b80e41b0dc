package pingone

import (
	"strings"
	"time"
	"unicode"
)

// A population's password policy (Create a Password Policy): the policy a
// user's password is checked against is their population's, else the
// environment's default.

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

// passwordExpired reports whether the user's password is older than the
// maxAgeDays of their policy (their population's, else the environment's
// default policy), which PingOne answers at sign-on with PASSWORD_EXPIRED.
func (s *Server) passwordExpired(u *user) bool {
	st := s.more()
	s.seedMore(st, s.envs[u.envID])
	p := st.get(s.uc3().popPolicy[u.populationID], "passwordPolicies", u.envID)
	if p == nil {
		for _, x := range st.list("passwordPolicies", u.envID, "") {
			if x.body["default"] == true {
				p = x
			}
		}
	}
	if p == nil || u.passwordChanged.IsZero() {
		return false
	}
	days, ok := p.body["maxAgeDays"].(float64)
	if n, isInt := p.body["maxAgeDays"].(int); isInt {
		days, ok = float64(n), true
	}
	return ok && days > 0 && s.now().Sub(u.passwordChanged) > time.Duration(days*24)*time.Hour
}
