package pingone

import (
	"net/http"
	"strings"
	"time"
)

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
		update: func(a *agreement, body map[string]any) []detail {
			if strings.TrimSpace(str(body, "name")) == "" {
				return []detail{{Code: "REQUIRED_VALUE", Target: "name", Message: "must not be blank"}}
			}
			enable := body["enabled"] == true
			if enable && s.effectiveRevision(a, nil) == nil {
				return []detail{{Code: "INVALID_VALUE", Target: "enabled", Message: "An agreement must have an enabled language with an effective revision before it can be enabled"}}
			}
			a.name, a.description, a.enabled = str(body, "name"), str(body, "description"), enable
			if d, ok := body["reconsentPeriodDays"].(float64); ok {
				a.reconsentDays = d
			}
			a.updatedAt = s.now()
			return nil
		},
	}
}

// agreementRoutes adds the agreements area: agreements, their languages
// and the languages' revisions (created and read, never changed).
func (s *Server) agreementRoutes(add addRoute) {
	agreements := func(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
		s.agreementTable(env, base).serve(w, r, r.PathValue("agreementID"))
	}
	add("GET POST", "agreements", agreements)
	add("GET PUT", "agreements/{agreementID}", agreements)
	languages := s.withAgreement(func(w http.ResponseWriter, r *http.Request, env *environment, a *agreement, base string) {
		s.agreementLanguageTable(env, a, base).serve(w, r, r.PathValue("languageID"))
	})
	add("GET POST", "agreements/{agreementID}/languages", languages)
	add("GET PUT", "agreements/{agreementID}/languages/{languageID}", languages)
	revisions := s.withAgreement(func(w http.ResponseWriter, r *http.Request, env *environment, a *agreement, base string) {
		t := s.agreementLanguageTable(env, a, base)
		l, ok := t.find(r.PathValue("languageID"))
		if !ok {
			writeNotFound(w)
			return
		}
		s.revisionTable(env, a, l, t.list+"/"+l.id+"/revisions", base).serve(w, r, r.PathValue("revisionID"))
	})
	add("GET POST", "agreements/{agreementID}/languages/{languageID}/revisions", revisions)
	add("GET", "agreements/{agreementID}/languages/{languageID}/revisions/{revisionID}", revisions)
}

// withAgreement resolves {agreementID} in the environment (404 when it is
// not there).
func (s *Server) withAgreement(h func(http.ResponseWriter, *http.Request, *environment, *agreement, string)) apiHandler {
	return func(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
		a, ok := s.agreementTable(env, base).find(r.PathValue("agreementID"))
		if !ok {
			writeNotFound(w)
			return
		}
		h(w, r, env, a, base)
	}
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
		update: func(l *agreementLanguage, body map[string]any) []detail {
			if loc := str(body, "locale"); loc != "" && loc != l.locale {
				return []detail{{Code: "INVALID_VALUE", Target: "locale", Message: "is immutable"}}
			}
			if body["enabled"] == true && s.effectiveRevision(a, l) == nil {
				return []detail{{Code: "INVALID_VALUE", Target: "enabled", Message: "A language must have an effective revision before it can be enabled"}}
			}
			l.enabled = body["enabled"] == true
			if d := str(body, "displayName"); d != "" {
				l.displayName = d
			}
			l.updatedAt = s.now()
			return nil
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
