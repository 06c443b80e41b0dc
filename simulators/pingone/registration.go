package pingone

import (
	"crypto/rand"
	"math/big"
	"net/http"
	"strings"
)

// Self-service registration in a sign-on flow (user.register) with e-mail
// verification (user.verify), and the registration settings of a LOGIN
// action.

// Flow actions and statuses of registration and agreement consent.
const (
	mtUserRegister = "application/vnd.pingidentity.user.register+json"
	mtUserVerify   = "application/vnd.pingidentity.user.verify+json"
	mtUserConsent  = "application/vnd.pingidentity.user.consent+json"

	statusVerificationCode = "VERIFICATION_CODE_REQUIRED"
	statusAgreementConsent = "AGREEMENT_CONSENT_REQUIRED"
)

// currentAction is the sign-on action the flow is at, if any.
func (f *flow) currentAction() *policyAction {
	if f.step < len(f.actions) {
		return f.actions[f.step]
	}
	return nil
}

// registrationPopulation is the population of the LOGIN action's
// self-registration, or "" when registration is off.
func registrationPopulation(a *policyAction) string {
	if a == nil || a.typ != "LOGIN" {
		return ""
	}
	reg := obj(a.body, "registration")
	if reg["enabled"] != true {
		return ""
	}
	return str(obj(reg, "population"), "id")
}

// newVerificationCode is PingOne's account verification code: eight
// alphanumeric characters.
func newVerificationCode() string {
	const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 8)
	for i := range b {
		n, _ := rand.Int(rand.Reader, big.NewInt(int64(len(alphabet))))
		b[i] = alphabet[n.Int64()]
	}
	return string(b)
}

// registerUser handles user.register: the new account is created in the
// registration population with lifecycle VERIFICATION_REQUIRED, and a
// verification code is "e-mailed" (kept for GET /__test/verificationCode).
func (s *Server) registerUser(w http.ResponseWriter, env *environment, f *flow, body map[string]any) bool {
	popID := registrationPopulation(f.currentAction())
	if popID == "" {
		writeError(w, http.StatusBadRequest, "INVALID_REQUEST", msgInvalidReq, []detail{{
			Code: "INVALID_VALUE", Target: "registration", Message: "Registration is not enabled in the sign-on policy"}})
		return false
	}
	username, email, password := str(body, "username"), str(body, "email"), str(body, "password")
	var bad []detail
	if strings.TrimSpace(username) == "" {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "username", Message: "must not be blank"})
	}
	if !strings.Contains(email, "@") {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "email", Message: "must be a well-formed email address"})
	}
	if d, violated := passwordPolicyViolation(password); violated {
		bad = append(bad, d)
	}
	if s.findUser(env, username) != nil {
		bad = append(bad, detail{Code: "UNIQUENESS_VIOLATION", Target: "username", Message: "is unique and already exists"})
	}
	if len(bad) > 0 {
		writeInvalidData(w, bad...)
		return false
	}
	now := s.now()
	u := &user{id: newID(), envID: env.id, populationID: popID, username: username, email: email, enabled: true,
		password: hashPassword(password), passwordChanged: now, lifecycle: "VERIFICATION_REQUIRED", verificationCode: newVerificationCode(),
		createdAt: now, updatedAt: now, seq: s.next()}
	if name := obj(body, "name"); name != nil {
		u.given, u.family = str(name, "given"), str(name, "family")
	}
	s.users[u.id] = u
	f.userID = u.id
	f.status = statusVerificationCode
	return true
}

// verifyUser handles user.verify: the code confirms the account, which
// signs the user on (the LOGIN action is done).
func (s *Server) verifyUser(w http.ResponseWriter, r *http.Request, env *environment, f *flow, body map[string]any) bool {
	u := s.users[f.userID]
	if u == nil || u.verificationCode == "" || str(body, "verificationCode") != u.verificationCode {
		f.failures++
		writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "verificationCode", Message: "Invalid verification code"})
		return false
	}
	u.verificationCode, u.lifecycle, u.updatedAt = "", "ACCOUNT_OK", s.now()
	f.failures = 0
	s.ensureSession(w, r, env, f)
	f.step++
	return true
}

// consentAgreement handles user.consent for the flow's AGREEMENT action.
func (s *Server) consentAgreement(w http.ResponseWriter, f *flow, body map[string]any) bool {
	accept, isBool := body["accept"].(bool)
	if !isBool {
		writeInvalidData(w, detail{Code: "REQUIRED_VALUE", Target: "accept", Message: "must not be null"})
		return false
	}
	a := s.agreements[str(obj(f.currentAction().body, "agreement"), "id")]
	if !accept {
		f.status, f.errCode, f.errMessage = statusFailed, "AGREEMENT_DECLINED", "The user declined the agreement"
		return true
	}
	rev := s.effectiveRevision(a, nil)
	c := &consent{userID: f.userID, agreementID: a.id, revisionID: rev.id, languageID: rev.languageID, at: s.now()}
	s.consents[f.userID+"/"+a.id] = c
	s.consentLog = append(s.consentLog, c)
	s.recordConsent(f, a) // consent_activities.go: the AGREEMENT_CONSENT.ACCEPTED activity
	f.step++
	return true
}

// agreementStep decides an AGREEMENT action: true when the flow must wait
// for the user's consent.
func (s *Server) agreementStep(f *flow, a *policyAction) bool {
	ag := s.agreements[str(obj(a.body, "agreement"), "id")]
	if ag == nil || !ag.enabled || s.effectiveRevision(ag, nil) == nil || f.userID == "" {
		return false
	}
	return s.needsConsent(f.userID, ag)
}

func (s *Server) agreementEmbedded(f *flow, base string) map[string]any {
	a := f.currentAction()
	ag := s.agreements[str(obj(a.body, "agreement"), "id")]
	if ag == nil {
		return nil
	}
	rev := s.effectiveRevision(ag, nil)
	out := map[string]any{"id": ag.id, "name": ag.name}
	if rev != nil {
		out["revision"] = map[string]any{"id": rev.id, "contentType": rev.contentType, "text": rev.text}
		if l := s.agreementLangs[rev.languageID]; l != nil {
			out["language"] = map[string]any{"id": l.id, "locale": l.locale}
		}
	}
	out["disableDeclineOption"] = a.body["disableDeclineOption"] == true
	return out
}
