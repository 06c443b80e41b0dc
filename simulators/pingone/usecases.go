package pingone

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"math/big"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Workflow-library additions: self-service registration with e-mail
// verification, agreements (terms of service) and the AGREEMENT action,
// device authentication policies, built-in admin roles and role
// assignments, and the implicit grant.

// Flow actions and statuses of registration and agreement consent.
const (
	mtUserRegister = "application/vnd.pingidentity.user.register+json"
	mtUserVerify   = "application/vnd.pingidentity.user.verify+json"
	mtUserConsent  = "application/vnd.pingidentity.user.consent+json"

	statusVerificationCode = "VERIFICATION_CODE_REQUIRED"
	statusAgreementConsent = "AGREEMENT_CONSENT_REQUIRED"
)

// --- agreements -----------------------------------------------------------

type agreement struct {
	id, envID, name, description string
	enabled                      bool
	reconsentDays                float64
	createdAt, updatedAt         time.Time
	seq                          int64
}

type agreementLanguage struct {
	id, envID, agreementID, locale, displayName string
	enabled                                     bool
	createdAt, updatedAt                        time.Time
	seq                                         int64
}

type agreementRevision struct {
	id, envID, agreementID, languageID string
	contentType, text                  string
	effectiveAt                        time.Time
	requireReconsent                   bool
	seq                                int64
}

// consent is a user's acceptance of an agreement revision.
type consent struct {
	userID, agreementID, languageID, revisionID string
	at                                          time.Time
}

// agreementTable lists and creates the environment's agreements.
func (s *Server) agreementTable(env *environment, base string) table[*agreement] {
	return table[*agreement]{
		name: "agreements", list: base + "/environments/" + env.id + "/agreements", items: s.agreements,
		owns: func(a *agreement) bool { return a.envID == env.id },
		seq:  func(a *agreement) int64 { return a.seq },
		json: func(a *agreement) map[string]any { return s.agreementJSON(a, base) },
		create: func(body map[string]any) (*agreement, []detail) {
			if strings.TrimSpace(str(body, "name")) == "" {
				return nil, []detail{{Code: "REQUIRED_VALUE", Target: "name", Message: "must not be blank"}}
			}
			// A new agreement has no effective revision yet, so it cannot
			// be enabled on creation.
			if body["enabled"] == true {
				return nil, []detail{{Code: "INVALID_VALUE", Target: "enabled", Message: "An agreement must have an enabled language with an effective revision before it can be enabled"}}
			}
			now := s.now()
			a := &agreement{id: newID(), envID: env.id, name: str(body, "name"), description: str(body, "description"),
				createdAt: now, updatedAt: now, seq: s.next()}
			a.reconsentDays, _ = body["reconsentPeriodDays"].(float64)
			s.agreements[a.id] = a
			return a, nil
		},
	}
}

func (s *Server) routeAgreements(w http.ResponseWriter, r *http.Request, env *environment, base string, rest []string) {
	t := s.agreementTable(env, base)
	if len(rest) == 0 {
		t.serveRoot(w, r)
		return
	}
	a, ok := t.find(rest[0])
	if !ok {
		writeNotFound(w)
		return
	}
	if len(rest) == 1 {
		switch r.Method {
		case http.MethodGet:
		case http.MethodPut:
			body, ok := readJSONBody(w, r, mtJSON)
			if !ok {
				return
			}
			if strings.TrimSpace(str(body, "name")) == "" {
				writeInvalidData(w, detail{Code: "REQUIRED_VALUE", Target: "name", Message: "must not be blank"})
				return
			}
			enable := body["enabled"] == true
			if enable && s.effectiveRevision(a, nil) == nil {
				writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "enabled", Message: "An agreement must have an enabled language with an effective revision before it can be enabled"})
				return
			}
			a.name, a.description, a.enabled = str(body, "name"), str(body, "description"), enable
			if d, ok := body["reconsentPeriodDays"].(float64); ok {
				a.reconsentDays = d
			}
			a.updatedAt = s.now()
		default:
			writeMethodNotAllowed(w)
			return
		}
		writeHAL(w, http.StatusOK, t.json(a))
		return
	}
	if rest[1] != "languages" {
		writeNotFound(w)
		return
	}
	s.routeAgreementLanguages(w, r, env, a, base, rest[2:])
}

// agreementLanguageTable lists and creates an agreement's languages: one
// per locale, and only locales the environment has.
func (s *Server) agreementLanguageTable(env *environment, a *agreement, base string) table[*agreementLanguage] {
	return table[*agreementLanguage]{
		name: "languages", list: base + "/environments/" + env.id + "/agreements/" + a.id + "/languages", items: s.agreementLangs,
		owns: func(l *agreementLanguage) bool { return l.agreementID == a.id },
		seq:  func(l *agreementLanguage) int64 { return l.seq },
		json: func(l *agreementLanguage) map[string]any { return s.agreementLanguageJSON(l, base) },
		create: func(body map[string]any) (*agreementLanguage, []detail) {
			locale := str(body, "locale")
			known := false
			for _, l := range s.languages(env.id) {
				known = known || l.locale == locale
			}
			if !known {
				return nil, []detail{{Code: "INVALID_VALUE", Target: "locale", Message: "must be a language of the environment"}}
			}
			for _, l := range s.agreementLangs {
				if l.agreementID == a.id && l.locale == locale {
					return nil, []detail{{Code: "UNIQUENESS_VIOLATION", Target: "locale", Message: "The agreement already has a language with this locale"}}
				}
			}
			now := s.now()
			l := &agreementLanguage{id: newID(), envID: env.id, agreementID: a.id, locale: locale, displayName: str(body, "displayName"),
				enabled: body["enabled"] == true, createdAt: now, updatedAt: now, seq: s.next()}
			s.agreementLangs[l.id] = l
			return l, nil
		},
	}
}

// revisionTable lists, creates and reads a language's revisions.
func (s *Server) revisionTable(env *environment, a *agreement, l *agreementLanguage, list, base string) table[*agreementRevision] {
	return table[*agreementRevision]{
		name: "revisions", list: list, items: s.revisions,
		owns: func(rev *agreementRevision) bool { return rev.languageID == l.id },
		seq:  func(rev *agreementRevision) int64 { return rev.seq },
		json: func(rev *agreementRevision) map[string]any { return s.revisionJSON(rev, base) },
		create: func(body map[string]any) (*agreementRevision, []detail) {
			var bad []detail
			at, err := time.Parse(time.RFC3339, str(body, "effectiveAt"))
			if err != nil {
				bad = append(bad, detail{Code: "INVALID_VALUE", Target: "effectiveAt", Message: "must be an RFC 3339 date and time"})
			}
			if _, isBool := body["requireReconsent"].(bool); !isBool {
				bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "requireReconsent", Message: "must not be null"})
			}
			if strings.TrimSpace(str(body, "text")) == "" {
				bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "text", Message: "must not be blank"})
			}
			ct := str(body, "contentType")
			if ct != "text/html" && ct != "text/plain" {
				bad = append(bad, detail{Code: "INVALID_VALUE", Target: "contentType", Message: "must be one of [text/html, text/plain]"})
			}
			if len(bad) > 0 {
				return nil, bad
			}
			rev := &agreementRevision{id: newID(), envID: env.id, agreementID: a.id, languageID: l.id, contentType: ct, text: str(body, "text"),
				effectiveAt: at.UTC(), requireReconsent: body["requireReconsent"] == true, seq: s.next()}
			s.revisions[rev.id] = rev
			return rev, nil
		},
	}
}

func (s *Server) routeAgreementLanguages(w http.ResponseWriter, r *http.Request, env *environment, a *agreement, base string, rest []string) {
	t := s.agreementLanguageTable(env, a, base)
	if len(rest) == 0 {
		t.serveRoot(w, r)
		return
	}
	l, ok := t.find(rest[0])
	if !ok {
		writeNotFound(w)
		return
	}
	if len(rest) == 1 {
		switch r.Method {
		case http.MethodGet:
		case http.MethodPut:
			body, ok := readJSONBody(w, r, mtJSON)
			if !ok {
				return
			}
			if loc := str(body, "locale"); loc != "" && loc != l.locale {
				writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "locale", Message: "is immutable"})
				return
			}
			if body["enabled"] == true && s.effectiveRevision(a, l) == nil {
				writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "enabled", Message: "A language must have an effective revision before it can be enabled"})
				return
			}
			l.enabled = body["enabled"] == true
			if d := str(body, "displayName"); d != "" {
				l.displayName = d
			}
			l.updatedAt = s.now()
		default:
			writeMethodNotAllowed(w)
			return
		}
		writeHAL(w, http.StatusOK, t.json(l))
		return
	}
	if rest[1] != "revisions" || len(rest) > 3 {
		writeNotFound(w)
		return
	}
	// Revisions are created and read, never changed or deleted.
	s.revisionTable(env, a, l, t.list+"/"+l.id+"/revisions", base).serve(w, r, rest[2:])
}

// effectiveRevision is the revision in force now: the latest whose
// effectiveAt has passed, in the given language (or any enabled one when
// l is nil).
func (s *Server) effectiveRevision(a *agreement, l *agreementLanguage) *agreementRevision {
	now := s.now()
	var best *agreementRevision
	for _, rev := range s.revisions {
		if rev.agreementID != a.id || rev.effectiveAt.After(now) {
			continue
		}
		if l != nil && rev.languageID != l.id {
			continue
		}
		if l == nil {
			if rl := s.agreementLangs[rev.languageID]; rl == nil || !rl.enabled {
				continue
			}
		}
		if best == nil || rev.effectiveAt.After(best.effectiveAt) || (rev.effectiveAt.Equal(best.effectiveAt) && rev.seq > best.seq) {
			best = rev
		}
	}
	return best
}

func (s *Server) agreementJSON(a *agreement, base string) map[string]any {
	self := base + "/environments/" + a.envID + "/agreements/" + a.id
	out := map[string]any{
		"_links":      map[string]any{"self": link(self), "environment": link(base + "/environments/" + a.envID), "languages": link(self + "/languages")},
		"id":          a.id,
		"environment": ref(a.envID),
		"name":        a.name,
		"enabled":     a.enabled,
		"createdAt":   ts(a.createdAt),
		"updatedAt":   ts(a.updatedAt),
	}
	if a.description != "" {
		out["description"] = a.description
	}
	if a.reconsentDays > 0 {
		out["reconsentPeriodDays"] = a.reconsentDays
	}
	return out
}

func (s *Server) agreementLanguageJSON(l *agreementLanguage, base string) map[string]any {
	self := base + "/environments/" + l.envID + "/agreements/" + l.agreementID + "/languages/" + l.id
	out := map[string]any{
		"_links": map[string]any{"self": link(self), "agreement": link(base + "/environments/" + l.envID + "/agreements/" + l.agreementID),
			"revisions": link(self + "/revisions")},
		"id": l.id, "environment": ref(l.envID), "agreement": ref(l.agreementID), "locale": l.locale,
		"enabled": l.enabled, "createdAt": ts(l.createdAt), "updatedAt": ts(l.updatedAt),
	}
	if l.displayName != "" {
		out["displayName"] = l.displayName
	}
	if rev := s.effectiveRevision(s.agreements[l.agreementID], l); rev != nil {
		out["currentRevision"] = ref(rev.id)
	}
	return out
}

func (s *Server) revisionJSON(rev *agreementRevision, base string) map[string]any {
	self := base + "/environments/" + rev.envID + "/agreements/" + rev.agreementID + "/languages/" + rev.languageID + "/revisions/" + rev.id
	return map[string]any{
		"_links": map[string]any{"self": link(self), "text": link(self + "/text")},
		"id":     rev.id, "environment": ref(rev.envID), "agreement": ref(rev.agreementID), "language": ref(rev.languageID),
		"contentType": rev.contentType, "effectiveAt": ts(rev.effectiveAt), "requireReconsent": rev.requireReconsent,
		"text":          rev.text, // required in PingOne's specification
		"notValidAfter": nil,
	}
}

// needsConsent reports whether the user must consent to the agreement:
// no recorded consent, one older than a revision that requires
// re-consent, or one older than the re-consent period.
func (s *Server) needsConsent(userID string, a *agreement) bool {
	c := s.consents[userID+"/"+a.id]
	if c == nil {
		return true
	}
	if rev := s.effectiveRevision(a, nil); rev != nil && rev.id != c.revisionID && rev.requireReconsent && rev.effectiveAt.After(c.at) {
		return true
	}
	return a.reconsentDays > 0 && s.now().After(c.at.Add(time.Duration(a.reconsentDays*24)*time.Hour))
}

// --- device authentication policies --------------------------------------

type deviceAuthPolicy struct {
	id, envID string
	body      map[string]any
	isDefault bool
	createdAt time.Time
	updatedAt time.Time
	seq       int64
}

func (p *deviceAuthPolicy) allows(typ string) bool {
	return obj(p.body, strings.ToLower(typ))["enabled"] == true
}

// deviceAuthPolicyDefaults fills in what PingOne answers for settings a
// request left out: every method's OTP failure limit and cool-down, the
// lifetime of the codes sent by SMS, voice and e-mail, forSignOnPolicy.
func deviceAuthPolicyDefaults(out map[string]any) {
	if _, ok := out["forSignOnPolicy"].(bool); !ok {
		out["forSignOnPolicy"] = false
	}
	failure := func() map[string]any {
		return map[string]any{"count": 3, "coolDown": map[string]any{"duration": 0, "timeUnit": "MINUTES"}}
	}
	for _, m := range []string{"sms", "voice", "email", "mobile", "totp"} {
		method, _ := out[m].(map[string]any)
		c := map[string]any{"enabled": false}
		for k, v := range method {
			c[k] = v
		}
		otp, _ := c["otp"].(map[string]any)
		o := map[string]any{}
		for k, v := range otp {
			o[k] = v
		}
		if o["failure"] == nil {
			o["failure"] = failure()
		}
		if m != "mobile" && m != "totp" && o["lifeTime"] == nil {
			o["lifeTime"] = map[string]any{"duration": 30, "timeUnit": "MINUTES"}
		}
		c["otp"] = o
		out[m] = c
	}
}

// seedDeviceAuthPolicy adds the default device authentication policy
// PingOne provisions in every environment, the first time the
// environment's policies are read. The caller holds s.mu.
func (s *Server) seedDeviceAuthPolicy(env *environment) {
	st := s.more()
	if st.seeded["deviceAuthenticationPolicies:"+env.id] {
		return
	}
	st.seeded["deviceAuthenticationPolicies:"+env.id] = true
	on := func() map[string]any { return map[string]any{"enabled": true} }
	now := s.now()
	p := &deviceAuthPolicy{id: newID(), envID: env.id, isDefault: true, createdAt: now, updatedAt: now, seq: s.next(),
		body: map[string]any{"name": "Default MFA Policy", "sms": on(), "voice": on(), "email": on(), "mobile": on(), "totp": on(),
			"fido2": on(), "authentication": map[string]any{"deviceSelection": "DEFAULT_TO_FIRST"}}}
	s.deviceAuthPolicies[p.id] = p
}

func (s *Server) routeDeviceAuthPolicies(w http.ResponseWriter, r *http.Request, env *environment, base string, rest []string) {
	list := base + "/environments/" + env.id + "/deviceAuthenticationPolicies"
	render := func(p *deviceAuthPolicy) map[string]any {
		out := map[string]any{}
		for k, v := range p.body {
			out[k] = v
		}
		out["_links"] = map[string]any{"self": link(list + "/" + p.id), "environment": link(base + "/environments/" + env.id)}
		out["id"], out["environment"], out["default"] = p.id, ref(env.id), p.isDefault
		out["createdAt"], out["updatedAt"] = ts(p.createdAt), ts(p.updatedAt)
		deviceAuthPolicyDefaults(out)
		return out
	}
	s.seedDeviceAuthPolicy(env)
	table[*deviceAuthPolicy]{
		name: "deviceAuthenticationPolicies", list: list, items: s.deviceAuthPolicies,
		owns: func(p *deviceAuthPolicy) bool { return p.envID == env.id },
		seq:  func(p *deviceAuthPolicy) int64 { return p.seq },
		json: render,
		create: func(body map[string]any) (*deviceAuthPolicy, []detail) {
			var bad []detail
			if strings.TrimSpace(str(body, "name")) == "" {
				bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "name", Message: "must not be blank"})
			}
			for _, k := range []string{"sms", "voice", "email", "mobile", "totp"} {
				if _, ok := obj(body, k)["enabled"].(bool); !ok {
					bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: k + ".enabled", Message: "must not be null"})
				}
			}
			for _, p := range s.deviceAuthPolicies {
				if p.envID == env.id && strings.EqualFold(str(p.body, "name"), str(body, "name")) {
					bad = append(bad, detail{Code: "UNIQUENESS_VIOLATION", Target: "name", Message: "A device authentication policy with the specified name already exists"})
				}
			}
			if len(bad) > 0 {
				return nil, bad
			}
			delete(body, "default")
			now := s.now()
			p := &deviceAuthPolicy{id: newID(), envID: env.id, body: body, createdAt: now, updatedAt: now, seq: s.next()}
			s.deviceAuthPolicies[p.id] = p
			return p, nil
		},
	}.serve(w, r, rest)
}

// --- roles and role assignments ------------------------------------------

type role struct {
	id, name, description string
	applicableTo          []string
	permissions           []string
}

// builtinRoles are PingOne's built-in admin roles (GET {{apiPath}}/roles).
// The ids are fixed per server so that collections can find them by name.
func builtinRoles() []*role {
	mk := func(name, desc string, to []string, perms ...string) *role {
		return &role{id: newID(), name: name, description: desc, applicableTo: to, permissions: perms}
	}
	return []*role{
		mk("Organization Admin", "Manages the organization and its environments", []string{"ORGANIZATION"},
			"orgmgt:read:organization", "orgmgt:update:organization", "orgmgt:create:environment", "orgmgt:delete:environment"),
		mk("Environment Admin", "Manages the configuration of environments", []string{"ORGANIZATION", "ENVIRONMENT"},
			"orgmgt:read:environment", "orgmgt:update:environment", "mgmt:create:application", "mgmt:read:application", "mgmt:update:application"),
		mk("Identity Data Admin", "Manages users, groups and populations", []string{"ENVIRONMENT", "POPULATION"},
			"identity:read:user", "identity:create:user", "identity:update:user", "identity:delete:user"),
		mk("Client Application Developer", "Manages applications", []string{"ENVIRONMENT"},
			"mgmt:read:application", "mgmt:create:application", "mgmt:update:application"),
		mk("Identity Data Read Only", "Reads users, groups and populations", []string{"ENVIRONMENT", "POPULATION"},
			"identity:read:user", "identity:read:group", "identity:read:population"),
		mk("Configuration Read Only", "Reads the configuration of environments", []string{"ENVIRONMENT"},
			"orgmgt:read:environment", "mgmt:read:application"),
	}
}

func (s *Server) roleJSON(rl *role, base string) map[string]any {
	perms := []any{}
	for _, p := range rl.permissions {
		perms = append(perms, map[string]any{"id": p})
	}
	return map[string]any{
		"_links":       map[string]any{"self": link(base + "/roles/" + rl.id)},
		"id":           rl.id,
		"name":         rl.name,
		"description":  rl.description,
		"applicableTo": rl.applicableTo,
		"permissions":  perms,
	}
}

// serveRoles handles GET {{apiPath}}/roles[/{roleID}].
func (s *Server) serveRoles(w http.ResponseWriter, r *http.Request, base string, rest []string) {
	if r.Method != http.MethodGet {
		writeMethodNotAllowed(w)
		return
	}
	if len(rest) == 1 {
		for _, rl := range s.roles {
			if rl.id == rest[0] {
				writeHAL(w, http.StatusOK, s.roleJSON(rl, base))
				return
			}
		}
		writeNotFound(w)
		return
	}
	if len(rest) > 1 {
		writeNotFound(w)
		return
	}
	var out []any
	for _, rl := range s.roles {
		out = append(out, s.roleJSON(rl, base))
	}
	writeHAL(w, http.StatusOK, collection(base+"/roles", "roles", out))
}

type roleAssignment struct {
	id, envID, actorID, actorType string // actorType: "users" or "applications"
	roleID, scopeID, scopeType    string
	createdAt                     time.Time
	seq                           int64
}

// routeRoleAssignments serves {users|applications}/{id}/roleAssignments.
func (s *Server) routeRoleAssignments(w http.ResponseWriter, r *http.Request, env *environment, base, actorType, actorID string, rest []string) {
	list := base + "/environments/" + env.id + "/" + actorType + "/" + actorID + "/roleAssignments"
	render := func(a *roleAssignment) map[string]any {
		return map[string]any{
			"_links": map[string]any{"self": link(list + "/" + a.id), "environment": link(base + "/environments/" + env.id),
				"role": link(base + "/roles/" + a.roleID)},
			"id": a.id, "environment": ref(env.id), "role": ref(a.roleID),
			"scope": map[string]any{"id": a.scopeID, "type": a.scopeType}, "readOnly": false, "createdAt": ts(a.createdAt),
		}
	}
	var t table[*roleAssignment]
	t = table[*roleAssignment]{
		name: "roleAssignments", list: list, items: s.roleAssignments,
		owns: func(a *roleAssignment) bool { return a.actorID == actorID },
		seq:  func(a *roleAssignment) int64 { return a.seq },
		json: render,
		create: func(body map[string]any) (*roleAssignment, []detail) {
			var rl *role
			for _, x := range s.roles {
				if x.id == str(obj(body, "role"), "id") {
					rl = x
				}
			}
			scope := obj(body, "scope")
			scopeID, scopeType := str(scope, "id"), str(scope, "type")
			var bad []detail
			if rl == nil {
				bad = append(bad, detail{Code: "INVALID_VALUE", Target: "role.id", Message: "Referenced role does not exist"})
			} else {
				applies := false
				for _, typ := range rl.applicableTo {
					applies = applies || typ == scopeType
				}
				if !applies {
					bad = append(bad, detail{Code: "INVALID_VALUE", Target: "scope.type", Message: "The role " + rl.name + " cannot be assigned with scope type " + strconvQuote(scopeType)})
				}
			}
			switch scopeType {
			case "ORGANIZATION":
				if scopeID != s.creds.OrgID {
					bad = append(bad, detail{Code: "INVALID_VALUE", Target: "scope.id", Message: "Referenced organization does not exist"})
				}
			case "ENVIRONMENT":
				if s.envs[scopeID] == nil {
					bad = append(bad, detail{Code: "INVALID_VALUE", Target: "scope.id", Message: "Referenced environment does not exist"})
				}
			case "POPULATION":
				if s.populations[scopeID] == nil {
					bad = append(bad, detail{Code: "INVALID_VALUE", Target: "scope.id", Message: "Referenced population does not exist"})
				}
			case "":
				bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "scope.type", Message: "must not be null"})
			}
			for _, a := range t.all() {
				if rl != nil && a.roleID == rl.id && a.scopeID == scopeID {
					bad = append(bad, detail{Code: "UNIQUENESS_VIOLATION", Target: "role.id", Message: "The role is already assigned with this scope"})
				}
			}
			if len(bad) > 0 {
				return nil, bad
			}
			a := &roleAssignment{id: newID(), envID: env.id, actorID: actorID, actorType: actorType, roleID: rl.id,
				scopeID: scopeID, scopeType: scopeType, createdAt: s.now(), seq: s.next()}
			s.roleAssignments[a.id] = a
			return a, nil
		},
		remove: func(a *roleAssignment) { delete(s.roleAssignments, a.id) },
	}
	t.serve(w, r, rest)
}

// --- registration and verification in the flow ---------------------------

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
		password: password, passwordChanged: now, lifecycle: "VERIFICATION_REQUIRED", verificationCode: newVerificationCode(),
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
	s.recordConsent(f, a) // usecases3.go: the AGREEMENT_CONSENT.ACCEPTED activity
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

// --- implicit grant --------------------------------------------------------

// implicitTypes parses an implicit response_type ("token", "id_token" or
// both, in any order); ok is false for anything else.
func implicitTypes(rt string) (token, idToken, ok bool) {
	fields := strings.Fields(rt)
	if len(fields) == 0 || len(fields) > 2 {
		return false, false, false
	}
	for _, f := range fields {
		switch f {
		case "token":
			token = true
		case "id_token":
			idToken = true
		default:
			return false, false, false
		}
	}
	return token, idToken, len(fields) == 1 || (token && idToken)
}

// implicitFragment builds the implicit-grant response: the tokens in the
// redirect URI's fragment, as OIDC Core 3.2.2.5 describes.
func (s *Server) implicitFragment(env *environment, base string, f *flow) url.Values {
	token, idToken, _ := implicitTypes(f.responseType)
	app, u := s.apps[f.appID], s.users[f.userID]
	now := s.now()
	v := url.Values{}
	var access string
	if token {
		claims := s.baseClaims(env, base, app, now)
		claims["sub"], claims["scope"], claims["sid"] = u.id, f.scope, f.sessionID
		if res, _ := s.checkScopes(app, f.scope, true); res != nil {
			claims["aud"] = []string{res.audience}
			s.addResourceClaims(claims, res, u)
		}
		access = s.sign(env, claims)
		v.Set("access_token", access)
		v.Set("token_type", "Bearer")
		v.Set("expires_in", itoa(int(s.opts.TokenTTL.Seconds())))
		v.Set("scope", f.scope)
	}
	if idToken {
		id := s.idTokenClaims(env, base, app, u, f.scope, f.nonce, f.sessionID, now)
		if access != "" {
			// at_hash: the left half of the SHA-256 of the access token.
			sum := sha256.Sum256([]byte(access))
			id["at_hash"] = base64.RawURLEncoding.EncodeToString(sum[:len(sum)/2])
		}
		v.Set("id_token", s.sign(env, id))
	}
	if f.state != "" {
		v.Set("state", f.state)
	}
	return v
}
