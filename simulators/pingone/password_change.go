package pingone

import (
	"mime"
	"net/http"
	"strings"
)

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
	if !u.passwordIs(cur) {
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
	u.password = hashPassword(next)
	u.passwordChanged = s.now()
	u.updatedAt = u.passwordChanged
	writeHAL(w, http.StatusOK, s.passwordJSON(u, base, false))
}
