package pingone

import (
	"net/http"
	"strings"
	"time"
)

// language is an environment language; PingOne provisions English as the
// enabled default in every environment, with a few more locales disabled.
type language struct {
	id, envID, locale, name string
	isDefault, enabled      bool
	customerAdded           bool
	createdAt, updatedAt    time.Time
}

// localeNames are the ISO names PingOne uses when a language is added
// without one.
var localeNames = map[string]string{
	"en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian", "nl": "Dutch",
	"pt": "Portuguese", "ja": "Japanese", "ko": "Korean", "zh": "Chinese", "ru": "Russian", "pl": "Polish",
	"sv": "Swedish", "cs": "Czech", "hu": "Hungarian", "tr": "Turkish", "th": "Thai", "cy": "Welsh",
	"fr-CA": "French (Canada)", "zh-TW": "Chinese (Taiwan)", "en-GB": "English (United Kingdom)",
}

// languages returns (creating on first use) the environment's languages.
func (s *Server) languages(envID string) []*language {
	if l := s.langs[envID]; l != nil {
		return l
	}
	now := s.now()
	l := []*language{
		{id: newID(), envID: envID, locale: "en", name: "English", isDefault: true, enabled: true, createdAt: now, updatedAt: now},
		{id: newID(), envID: envID, locale: "fr", name: "French", createdAt: now, updatedAt: now},
		{id: newID(), envID: envID, locale: "de", name: "German", createdAt: now, updatedAt: now},
		{id: newID(), envID: envID, locale: "es", name: "Spanish", createdAt: now, updatedAt: now},
	}
	s.langs[envID] = l
	return l
}

func (s *Server) languageJSON(l *language, base string) map[string]any {
	list := base + "/environments/" + l.envID + "/languages"
	return map[string]any{
		"_links":      map[string]any{"self": link(list + "/" + l.id), "environment": link(base + "/environments/" + l.envID)},
		"id":          l.id,
		"environment": ref(l.envID),
		"locale":      l.locale, "name": l.name,
		"default": l.isDefault, "enabled": l.enabled, "customerAdded": l.customerAdded,
		"createdAt": ts(l.createdAt), "updatedAt": ts(l.updatedAt),
	}
}

// listLanguages lists an environment's languages (GET) and adds one
// (POST: disabled, not default, as PingOne requires).
func (s *Server) listLanguages(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	if r.Method == http.MethodPost {
		s.addLanguage(w, r, env, base)
		return
	}
	var out []any
	for _, l := range s.languages(env.id) {
		out = append(out, s.languageJSON(l, base))
	}
	writeHAL(w, http.StatusOK, collection(base+"/environments/"+env.id+"/languages", "languages", out))
}

// languageItem reads, updates (enable, make default) and deletes (a
// language an administrator added) one language.
func (s *Server) languageItem(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	langs := s.languages(env.id)
	var l *language
	for _, x := range langs {
		if x.id == r.PathValue("languageID") {
			l = x
		}
	}
	switch {
	case l == nil:
		writeNotFound(w)
	case r.Method == http.MethodDelete:
		s.deleteLanguage(w, env, langs, l)
	case r.Method == http.MethodPut:
		s.updateLanguage(w, r, langs, l, base)
	default:
		writeHAL(w, http.StatusOK, s.languageJSON(l, base))
	}
}

func (s *Server) deleteLanguage(w http.ResponseWriter, env *environment, langs []*language, l *language) {
	if !l.customerAdded || l.isDefault {
		writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "id", Message: "Only a language an administrator added, and not the default, can be deleted"})
		return
	}
	kept := langs[:0]
	for _, x := range langs {
		if x != l {
			kept = append(kept, x)
		}
	}
	s.langs[env.id] = kept
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) updateLanguage(w http.ResponseWriter, r *http.Request, langs []*language, l *language, base string) {
	body, ok := readJSONBody(w, r, mtJSON)
	if !ok {
		return
	}
	enabled, _ := body["enabled"].(bool)
	def, _ := body["default"].(bool)
	if def && !enabled {
		writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "default", Message: "The default language must be enabled"})
		return
	}
	if l.isDefault && !def {
		writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "default", Message: "Make another language the default instead"})
		return
	}
	if def {
		for _, x := range langs {
			x.isDefault = false
		}
	}
	l.enabled, l.isDefault, l.updatedAt = enabled, def, s.now()
	writeHAL(w, http.StatusOK, s.languageJSON(l, base))
}

func (s *Server) addLanguage(w http.ResponseWriter, r *http.Request, env *environment, base string) {
	body, ok := readJSONBody(w, r, mtJSON)
	if !ok {
		return
	}
	locale := str(body, "locale")
	var bad []detail
	if strings.TrimSpace(locale) == "" {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "locale", Message: "must not be blank"})
	}
	for _, x := range s.languages(env.id) {
		if strings.EqualFold(x.locale, locale) {
			bad = append(bad, detail{Code: "UNIQUENESS_VIOLATION", Target: "locale", Message: "The language already exists in the environment"})
		}
	}
	if body["enabled"] == true || body["default"] == true {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "enabled", Message: "A language must be created disabled and not default"})
	}
	if len(bad) > 0 {
		writeInvalidData(w, bad...)
		return
	}
	now := s.now()
	name := orDefault(str(body, "name"), orDefault(localeNames[locale], locale))
	l := &language{id: newID(), envID: env.id, locale: locale, name: name, customerAdded: true, createdAt: now, updatedAt: now}
	s.langs[env.id] = append(s.languages(env.id), l)
	// 200, not 201: the status PingOne's specification declares for it.
	writeHAL(w, http.StatusOK, s.languageJSON(l, base))
}
