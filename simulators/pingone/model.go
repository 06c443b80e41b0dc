package pingone

import (
	"crypto/rsa"
	"time"
)

type product struct {
	ID          string
	Type        string
	Description string
}

type environment struct {
	id, name, description, typ, region string
	products                           []product
	createdAt, updatedAt               time.Time
	seq                                int64
	rsaKey                             *rsa.PrivateKey
	hsKey                              []byte
	defaultPopulation                  string
	defaultPolicy                      string
}

type population struct {
	id, envID, name, description string
	isDefault                    bool
	createdAt, updatedAt         time.Time
	seq                          int64
}

type user struct {
	id, envID, populationID string
	username, email         string
	given, family           string
	enabled                 bool
	mfaEnabled              bool
	password                string // hashed (password_hash.go): the tenant is kept in a file
	lifecycle               string // "" (ACCOUNT_OK) or VERIFICATION_REQUIRED
	verifyStatus            string // "" (NOT_INITIATED), ENABLED or DISABLED
	mustChangePassword      bool   // set with forceChange: the next sign-on asks for a new one
	recoveryCode            string // pending password recovery code (flow_password.go)
	verificationCode        string // pending account verification code
	groups                  map[string]bool
	idpID, externalID       string // linked external identity provider and the user's id there
	passwordChanged         time.Time
	createdAt, updatedAt    time.Time
	seq                     int64
}

// application keeps the request body (PingOne echoes what it stored) plus
// the fields the authorization server reads.
type application struct {
	id, envID string
	body      map[string]any
	secret    string
	orgAdmin  bool // the seeded Worker: admin of every environment in the org
	createdAt time.Time
	updatedAt time.Time
	seq       int64
}

func (a *application) str(key string) string {
	v, _ := a.body[key].(string)
	return v
}

func (a *application) list(key string) []string {
	var out []string
	if arr, ok := a.body[key].([]any); ok {
		for _, v := range arr {
			if s, ok := v.(string); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

func (a *application) has(key, want string) bool {
	for _, v := range a.list(key) {
		if v == want {
			return true
		}
	}
	return false
}

func (a *application) enabled() bool {
	v, ok := a.body["enabled"].(bool)
	return !ok || v
}

type signOnPolicy struct {
	id, envID, name, description string
	isDefault                    bool
	createdAt, updatedAt         time.Time
	seq                          int64
}

type policyAction struct {
	id, envID, policyID, typ string
	priority                 int
	body                     map[string]any
	createdAt, updatedAt     time.Time
	seq                      int64
}

type policyAssignment struct {
	id, envID, appID, policyID string
	priority                   int
	createdAt, updatedAt       time.Time
	seq                        int64
}

type device struct {
	id, envID, userID, typ, status string
	email, phone, nickname         string
	policyID                       string // device authentication policy
	appID                          string // a MOBILE device's native application
	createdAt, updatedAt           time.Time
	seq                            int64
}

// flow is one sign-on transaction started by /as/authorize.
type flow struct {
	id, envID, appID     string
	interactionToken     string
	redirectURI          string
	responseType         string
	responseMode         string // "", "query", "fragment", "pi.flow"
	scope, state, nonce  string
	challenge, method    string
	userID               string
	actions              []*policyAction // the policy's steps, by priority
	step                 int             // index of the current action
	status               string
	deviceID             string
	failures             int
	sessionID            string
	code                 string // issued on completion in pi.flow mode
	createdAt, expiresAt time.Time
	errCode, errMessage  string
	// Device authorization grant flows (GET /{envID}/device).
	device          bool
	prefillUserCode string
	deviceCode      string // set by userCode.verify
	consented       bool
	// External authentication (external_auth.go): the identity provider
	// a discovery rule chose, and the identifier the user typed.
	extIdP, loginHint string
	// An external identity waiting in ACCOUNT_LINKING_REQUIRED for the
	// destination user's credentials (external_auth.go).
	pendingLink *pendingLink
	// The push notification a MOBILE device was sent (flow_push.go).
	push *pushRecord
	// A SAML sign-on (saml_idp.go): the AuthnRequest the flow answers.
	saml *samlRequest
}

type session struct {
	id, envID, userID   string
	mfaDone             bool
	remoteIP            string
	createdAt, activeAt time.Time
	expiresAt           time.Time
}

type authCode struct {
	code, envID, appID, userID string
	redirectURI, scope, nonce  string
	challenge, method          string
	sessionID                  string
	expiresAt                  time.Time
	used                       bool
	issued                     []string // jti of tokens issued from it, revoked on replay
}

type refreshToken struct {
	token, envID, appID, userID, scope, sessionID string
	expiresAt                                     time.Time
}

// OTPRecord is a one-time passcode the local PingOne "sent" (no mail is
// sent: tests read it from Server.OTP or GET /__test/otp).
type OTPRecord struct {
	UserID    string    `json:"userId"`
	DeviceID  string    `json:"deviceId"`
	FlowID    string    `json:"flowId"`
	OTP       string    `json:"otp"`
	Message   string    `json:"message,omitempty"` // the text that would have been sent
	ExpiresAt time.Time `json:"expiresAt"`
}

// environmentID names the environment a record lives in (envItem).
func (u *user) environmentID() string         { return u.envID }
func (a *application) environmentID() string  { return a.envID }
func (p *signOnPolicy) environmentID() string { return p.envID }
func (r *resource) environmentID() string     { return r.envID }
func (r *appRole) environmentID() string      { return r.envID }
