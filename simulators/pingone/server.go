// Package pingone is a local, in-memory PingOne for replaying PingOne's
// developer tutorials headlessly (`courier run --local-pingone`, `courier
// serve pingone`). It speaks the parts of the PingOne Platform API and of the
// PingOne authorization server that the 49 collections of testdata/pingone
// (the three tutorials and the workflow library's use cases) exercise, with
// PingOne's paths, status codes, HAL shapes, error bodies and content types:
//
//   - OAuth and OIDC (oauth*.go, flows.go): client credentials, authorization
//     code with PKCE, refresh tokens, client_secret_jwt, the device grant,
//     token exchange, introspection, the implicit grant, login_hint_token and
//     request JWTs, sign-on flows with their actions (login, MFA, agreement,
//     progressive profiling, identifier first, registration), sessions and
//     sign-off;
//   - external authentication (external_auth.go, identifier_first.go,
//     social.go): OIDC providers in another environment, account linking;
//   - SAML 2.0 (saml*.go) as an identity provider (/saml20/idp/sso, a signed
//     SAMLResponse from /saml20/resume) and as a service provider
//     (/rp/authenticate sends the AuthnRequest, /saml20/sp/acs verifies it);
//   - DaVinci flow policies seen from PingOne (davinci.go);
//   - the management API (mgmt*.go, usecases*.go, app_roles.go,
//     propagation_revisions.go): environments, populations, users, groups,
//     roles, applications, resources and scopes, sign-on and password and
//     device authentication policies, identity providers, keys and
//     certificates, gateways, identity propagation, agreements, templates,
//     risk, activities, the integration catalog.
//
// One server plays both PingOne hosts. With the server at base URL B:
//
//	authPath = B        (https://auth.pingone.{{tld}}   → B/{envID}/as/token ...)
//	apiPath  = B + "/v1" (https://api.pingone.{{tld}}/v1 → B/v1/environments ...)
//
// so pointing the PingOne Postman template's authPath and apiPath at it is
// the only change a collection needs. Environment ids are UUIDs, so they
// never collide with the "v1" and "__test" prefixes.
//
// Because no e-mail is sent, one-time passcodes are readable from the
// test-only endpoint GET B/__test/otp?userId={id} (or Server.OTP), and
// account verification codes from GET B/__test/verificationCode?userId={id};
// no phone answers push notifications, so GET/POST
// B/__test/push?userId={id}[&decision=approve|deny] shows and answers them.
package pingone

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/hex"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Default lifetimes (PingOne's defaults for access tokens and codes).
const (
	DefaultTokenTTL = time.Hour
	DefaultCodeTTL  = time.Minute
	DefaultFlowTTL  = 15 * time.Minute
	sessionTTL      = 30 * 24 * time.Hour
)

// Options configures a Server. The zero value generates fresh ids and
// secrets, signs tokens with RS256 and uses PingOne's lifetimes.
type Options struct {
	// OrgID, AdminEnvID, AdminAppID and AdminAppSecret fix the seeded
	// organization, admin environment and Worker app credentials; empty
	// fields are generated.
	OrgID          string
	AdminEnvID     string
	AdminAppID     string
	AdminAppSecret string
	// Signing is "RS256" (default, as PingOne) or "HS256" (a per-environment
	// random secret; faster to start).
	Signing string
	// TokenTTL (access tokens), CodeTTL (authorization codes) and FlowTTL
	// (sign-on flows) default to DefaultTokenTTL, DefaultCodeTTL and
	// DefaultFlowTTL.
	TokenTTL time.Duration
	CodeTTL  time.Duration
	FlowTTL  time.Duration
	// Now is the clock (time.Now if nil); tests move it to expire tokens.
	Now func() time.Time
	// TLS serves HTTPS with a generated certificate (Listen only).
	TLS bool
	// StateFile keeps the tenant (environments, users, applications, keys,
	// sessions, tokens) in this file across restarts (Listen only); ""
	// keeps it in memory. ResetState starts empty whatever the file holds.
	StateFile  string
	ResetState bool
}

// Credentials are the seeded admin identifiers a user puts in the
// template's adminEnvID, adminAppID and adminAppSecret.
type Credentials struct {
	OrgID          string
	AdminEnvID     string
	AdminAppID     string
	AdminAppSecret string
}

// Server is the local PingOne http.Handler. It is safe for concurrent use.
type Server struct {
	opts  Options
	creds Credentials

	mu          sync.Mutex
	licenseID   string
	envs        map[string]*environment
	envOrder    []string
	populations map[string]*population
	users       map[string]*user
	apps        map[string]*application
	policies    map[string]*signOnPolicy
	actions     map[string]*policyAction
	assignments map[string]*policyAssignment
	devices     map[string]*device
	flows       map[string]*flow
	sessions    map[string]*session
	codes       map[string]*authCode
	refresh     map[string]*refreshToken
	revoked     map[string]bool // jti of revoked access tokens
	otps        map[string]*OTPRecord
	resources   map[string]*resource
	scopes      map[string]*resourceScope
	grants      map[string]*grant
	groups      map[string]*group
	deviceAuths map[string]*deviceAuth // by device_code
	usedJTI     map[string]bool        // client assertion ids already seen
	// Workflow-library resources (agreements.go, roles.go, device_auth_policies.go).
	langs              map[string][]*language // by environment
	agreements         map[string]*agreement
	agreementLangs     map[string]*agreementLanguage
	revisions          map[string]*agreementRevision
	consents           map[string]*consent // by userID/agreementID
	consentLog         []*consent
	deviceAuthPolicies map[string]*deviceAuthPolicy
	roles              []*role
	roleAssignments    map[string]*roleAssignment
	uc2s               *uc2State           // user_attributes.go, progressive_profiling.go: created on first use
	uc3s               *uc3State           // password_policies.go, created on first use
	extAuths           map[string]*extAuth // by state, created on first use (external_auth.go)
	appRoles           *appRoleState       // PingOne Authorize application roles (app_roles.go), created on first use
	order              int64               // creation counter so listings keep insertion order
	// AuthnRequests sent to SAML providers, by ID, created on first use
	// (saml_sp_flow.go).
	samlAuths map[string]*samlAuth

	moreSt *moreState     // the generic resources (kinds.go), created on first use
	auth   *http.ServeMux // the authentication host's routes (auth_routes.go)

	api *http.ServeMux // the management API's routes (api_areas.go)

	persist *persister // the state file, when there is one (persist.go)
}

// New returns a Server seeded with an organization, an admin environment
// (products PING_ONE_BASE and PING_ONE_MFA) and a Worker app with
// organization-wide admin rights.
func New(opts Options) *Server {
	if opts.Signing == "" {
		opts.Signing = "RS256"
	}
	if opts.TokenTTL <= 0 {
		opts.TokenTTL = DefaultTokenTTL
	}
	if opts.CodeTTL <= 0 {
		opts.CodeTTL = DefaultCodeTTL
	}
	if opts.FlowTTL <= 0 {
		opts.FlowTTL = DefaultFlowTTL
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	s := &Server{
		opts:        opts,
		envs:        map[string]*environment{},
		populations: map[string]*population{},
		users:       map[string]*user{},
		apps:        map[string]*application{},
		policies:    map[string]*signOnPolicy{},
		actions:     map[string]*policyAction{},
		assignments: map[string]*policyAssignment{},
		devices:     map[string]*device{},
		flows:       map[string]*flow{},
		sessions:    map[string]*session{},
		codes:       map[string]*authCode{},
		refresh:     map[string]*refreshToken{},
		revoked:     map[string]bool{},
		otps:        map[string]*OTPRecord{},
		resources:   map[string]*resource{},
		scopes:      map[string]*resourceScope{},
		grants:      map[string]*grant{},
		groups:      map[string]*group{},
		deviceAuths: map[string]*deviceAuth{},
		usedJTI:     map[string]bool{},

		langs:              map[string][]*language{},
		agreements:         map[string]*agreement{},
		agreementLangs:     map[string]*agreementLanguage{},
		revisions:          map[string]*agreementRevision{},
		consents:           map[string]*consent{},
		deviceAuthPolicies: map[string]*deviceAuthPolicy{},
		roles:              builtinRoles(),
		roleAssignments:    map[string]*roleAssignment{},
	}
	s.creds = Credentials{
		OrgID:          orDefault(opts.OrgID, newID()),
		AdminEnvID:     orDefault(opts.AdminEnvID, newID()),
		AdminAppID:     orDefault(opts.AdminAppID, newID()),
		AdminAppSecret: orDefault(opts.AdminAppSecret, newSecret()),
	}
	s.licenseID = newID()
	s.auth = s.authRoutes()
	s.api = s.apiRoutes()
	s.seed()
	return s
}

// Credentials returns the seeded admin identifiers.
func (s *Server) Credentials() Credentials { return s.creds }

func (s *Server) seed() {
	s.mu.Lock()
	defer s.mu.Unlock()
	env := s.addEnvironment(s.creds.AdminEnvID, "Administrators", "The organization's admin environment", "PRODUCTION", "NA",
		[]product{{Type: "PING_ONE_BASE", Description: "PingOne Base"}, {Type: "PING_ONE_MFA", Description: "PingOne MFA"}})
	now := s.now()
	app := &application{
		id: s.creds.AdminAppID, envID: env.id, seq: s.next(),
		body: map[string]any{
			"name":                    "Courier Admin Worker",
			"description":             "Seeded admin Worker app (local PingOne)",
			"enabled":                 true,
			"type":                    "WORKER",
			"protocol":                "OPENID_CONNECT",
			"grantTypes":              []any{"CLIENT_CREDENTIALS"},
			"tokenEndpointAuthMethod": "CLIENT_SECRET_BASIC",
		},
		secret: s.creds.AdminAppSecret, orgAdmin: true, createdAt: now, updatedAt: now,
	}
	s.apps[app.id] = app
}

func (s *Server) now() time.Time { return s.opts.Now().UTC() }

func (s *Server) next() int64 { s.order++; return s.order }

func orDefault(v, def string) string {
	if v != "" {
		return v
	}
	return def
}

// newID returns a random (version 4) UUID, the shape of every PingOne id.
func newID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// newSecret returns a client secret in PingOne's style (64 URL-safe chars).
func newSecret() string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_~."
	var b [64]byte
	_, _ = rand.Read(b[:])
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b[:])
}

func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i, c := range s {
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
				return false
			}
		}
	}
	return true
}

// ServeHTTP routes the API host (/v1/...), the auth host (/{envID}/...) and
// the test-only endpoints (/__test/...).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 8<<20)
	defer s.touched() // even a GET moves state: flows, sessions, codes
	path := r.URL.Path
	switch {
	case path == "/v1" || strings.HasPrefix(path, "/v1/"):
		s.api.ServeHTTP(w, r) // api_areas.go
	case strings.HasPrefix(path, "/__test/"):
		s.serveTest(w, r, strings.TrimPrefix(path, "/__test/"))
	case strings.HasPrefix(path, "/__files/"): // images.go, integrations.go
		s.serveFiles(w, r, strings.TrimPrefix(path, "/__files/"))
	default:
		s.auth.ServeHTTP(w, r) // auth_routes.go
	}
}

func splitPath(p string) []string {
	p = strings.Trim(p, "/")
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}

// baseURL is the scheme and host the client used, so links point back at
// whichever address (127.0.0.1, localhost, a forwarded port) it called.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// keyFor returns (creating on first use) the environment's signing keys.
// Generation is lazy because an RSA key costs tens of milliseconds and most
// environments created by tests never sign a token.
func (s *Server) keyFor(env *environment) (*rsa.PrivateKey, []byte) {
	if s.opts.Signing == "HS256" {
		if env.hsKey == nil {
			env.hsKey = make([]byte, 32)
			_, _ = rand.Read(env.hsKey)
		}
		return nil, env.hsKey
	}
	if env.rsaKey == nil {
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			panic("pingone: generating an RSA key: " + err.Error()) // crypto/rand failing is unrecoverable
		}
		env.rsaKey = k
	}
	return env.rsaKey, nil
}
