package pingone

import (
	"crypto/rand"
	"fmt"
	"math/big"
	"mime"
	"net/http"
	"strings"
)

// The password lifecycle inside a sign-on flow, as PingOne's flow API
// documents it: a user created or set with forceChange signs in to
// MUST_CHANGE_PASSWORD, and one whose password is older than the policy's
// maxAgeDays to PASSWORD_EXPIRED, and picks a new password (password.reset); a user
// who forgot it asks for a recovery code (password.forgot, sent again with
// password.sendRecoveryCode) and sets a new one with it (password.recover);
// session.reset starts the sign-on over; user.sendVerificationCode sends a
// new account verification code. The codes a real PingOne would e-mail are
// readable at GET /__test/otp?userId=… (recovery) and
// /__test/verificationCode?userId=… here.

const (
	statusMustChangePassword = "MUST_CHANGE_PASSWORD"
	statusRecoveryCode       = "RECOVERY_CODE_REQUIRED"
	statusPasswordExpired    = "PASSWORD_EXPIRED"

	mtPasswordForgot       = "application/vnd.pingidentity.password.forgot+json"
	mtPasswordRecover      = "application/vnd.pingidentity.password.recover+json"
	mtPasswordSendRecovery = "application/vnd.pingidentity.password.sendRecoveryCode+json"
	mtSessionReset         = "application/vnd.pingidentity.session.reset+json"
	mtUserSendVerification = "application/vnd.pingidentity.user.sendVerificationCode+json"
)

// passwordAction is one action of the password lifecycle: its media type,
// its name, and the flow statuses it is valid in (nil: any).
type passwordAction struct {
	mt, name string
	in       []string
}

var passwordActions = []passwordAction{
	{mtPasswordForgot, "password.forgot", []string{statusUsernamePassword, statusPassword, statusSignOn}},
	{mtPasswordRecover, "password.recover", []string{statusRecoveryCode}},
	{mtPasswordSendRecovery, "password.sendRecoveryCode", []string{statusRecoveryCode}},
	{mtPasswordReset, "password.reset", []string{statusMustChangePassword, statusPasswordExpired}},
	{mtSessionReset, "session.reset", nil},
	{mtUserSendVerification, "user.sendVerificationCode", []string{statusVerificationCode}},
}

// passwordFlowAction handles the actions above; it reports false for any
// other media type.
func (s *Server) passwordFlowAction(w http.ResponseWriter, r *http.Request, env *environment, base string, f *flow) bool {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var a *passwordAction
	for i := range passwordActions {
		if strings.EqualFold(mt, passwordActions[i].mt) {
			a = &passwordActions[i]
		}
	}
	if a == nil {
		return false
	}
	if a.in != nil && !contains(a.in, f.status) {
		writeError(w, http.StatusBadRequest, "INVALID_REQUEST", msgInvalidReq, []detail{{
			Code: "INVALID_VALUE", Target: "status", Message: "The action is not valid in the flow's current status " + f.status,
		}})
		return true
	}
	body, ok := readJSONBody(w, r)
	if !ok {
		return true
	}
	if s.runPasswordAction(w, r, env, f, a.name, body) {
		writeHAL(w, http.StatusOK, s.flowJSON(f, base))
	}
	return true
}

// runPasswordAction applies the action to the flow; it reports false when
// it has answered itself (a wrong code or password).
func (s *Server) runPasswordAction(w http.ResponseWriter, r *http.Request, env *environment, f *flow, action string, body map[string]any) bool {
	u := s.users[f.userID]
	switch action {
	case "session.reset":
		s.restartSignOn(f)
	case "password.forgot":
		s.forgotPassword(env, f, u, str(body, "username"))
	case "password.sendRecoveryCode":
		if u != nil {
			s.sendRecoveryCode(f, u)
		}
	case "password.recover":
		if !s.recoverPassword(w, u, str(body, "recoveryCode"), str(body, "newPassword")) {
			return false
		}
		s.signedIn(w, r, env, f)
	case "password.reset":
		if !s.resetPassword(w, u, str(body, "currentPassword"), str(body, "newPassword")) {
			return false
		}
		s.signedIn(w, r, env, f)
	case "user.sendVerificationCode":
		if u != nil && u.verificationCode != "" {
			u.verificationCode = newVerificationCode()
		}
	}
	return true
}

// restartSignOn is session.reset: the flow's session ends and sign-on
// starts over.
func (s *Server) restartSignOn(f *flow) {
	if sess := s.sessions[f.sessionID]; sess != nil {
		s.endSession(sess.id)
	}
	f.userID, f.sessionID, f.step, f.status, f.failures = "", "", 0, "", 0
	s.advance(f)
}

// forgotPassword is password.forgot: the flow's user, or the one named,
// gets a recovery code. The flow asks for one either way, so PingOne does
// not say whether the user exists.
func (s *Server) forgotPassword(env *environment, f *flow, u *user, username string) {
	if u == nil {
		u = s.findUser(env, username)
	}
	f.status = statusRecoveryCode
	if u == nil {
		return
	}
	f.userID = u.id
	s.sendRecoveryCode(f, u)
}

// recoverPassword is password.recover: with the user's recovery code the
// new password is set (and the code used up); it answers 400 itself
// otherwise.
func (s *Server) recoverPassword(w http.ResponseWriter, u *user, code, pw string) bool {
	if u == nil || u.recoveryCode == "" || code != u.recoveryCode {
		writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "recoveryCode", Message: "Invalid recovery code"})
		return false
	}
	if !s.setFlowPassword(w, u, pw) {
		return false
	}
	u.recoveryCode = ""
	delete(s.otps, u.id)
	return true
}

// resetPassword is password.reset: with the current password the new one
// is set; it answers 400 itself otherwise.
func (s *Server) resetPassword(w http.ResponseWriter, u *user, current, pw string) bool {
	if u == nil || !u.passwordIs(current) {
		writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "currentPassword", Message: "The current password is not correct"})
		return false
	}
	return s.setFlowPassword(w, u, pw)
}

// setFlowPassword sets a new password that the policy accepts and that is
// not the current one; it answers 400 itself otherwise.
func (s *Server) setFlowPassword(w http.ResponseWriter, u *user, pw string) bool {
	if pw == "" {
		writeInvalidData(w, detail{Code: "REQUIRED_VALUE", Target: "newPassword", Message: "must not be blank"})
		return false
	}
	if u.passwordIs(pw) {
		writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "newPassword", Message: "The new password must differ from the current one"})
		return false
	}
	if d, bad := s.userPasswordViolation(u, pw); bad {
		writeInvalidData(w, d)
		return false
	}
	u.password, u.mustChangePassword = hashPassword(pw), false
	u.passwordChanged = s.now()
	u.updatedAt = u.passwordChanged
	return true
}

// signedIn continues a flow whose user has just proved who they are.
func (s *Server) signedIn(w http.ResponseWriter, r *http.Request, env *environment, f *flow) {
	s.ensureSession(w, r, env, f)
	f.step++
	s.advance(f)
	s.afterStep(f)
}

// sendRecoveryCode "e-mails" a new recovery code: kept on the user and in
// the test inbox (GET /__test/otp?userId=…).
func (s *Server) sendRecoveryCode(f *flow, u *user) {
	n, _ := rand.Int(rand.Reader, big.NewInt(100000000))
	u.recoveryCode = fmt.Sprintf("%08d", n.Int64())
	s.otps[u.id] = &OTPRecord{UserID: u.id, FlowID: f.id, OTP: u.recoveryCode,
		Message: "Your password recovery code is " + u.recoveryCode, ExpiresAt: s.now().Add(otpTTL)}
}
