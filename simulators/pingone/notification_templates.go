package pingone

import (
	"net/http"
	"strings"
)

// notificationTemplates are the templates every environment has, with the
// delivery methods each supports.
var notificationTemplates = []struct {
	name    string
	methods []string
	vars    []string
}{
	{"email_verification_admin", []string{"Email"}, []string{"user.username", "code"}},
	{"email_verification_user", []string{"Email"}, []string{"user.username", "code"}},
	{"general", []string{"Email", "SMS", "Voice"}, []string{"OTP", "user.username"}},
	{"transaction", []string{"Email", "SMS", "Voice", "Push"}, []string{"OTP", "user.username"}},
	{"verification_code_template", []string{"Email", "SMS", "Voice"}, []string{"OTP", "user.username"}},
	{"recovery_code_template", []string{"Email", "SMS", "Voice"}, []string{"OTP", "user.username"}},
	{"device_pairing", []string{"Email", "SMS", "Voice"}, []string{"OTP", "user.username"}},
	{"strong_authentication", []string{"Email", "SMS", "Voice", "Push"}, []string{"OTP", "user.username"}},
	{"new_device_paired", []string{"Email", "SMS"}, []string{"user.username", "device.name"}},
}

var kindTemplateContent = &kind{
	name: "contents", rtype: "NOTIFICATION_CONTENT",
	validate: func(_ *Server, st *moreState, env *environment, parent string, b map[string]any, old *rec) []detail {
		bad := required(b, "locale", "deliveryMethod")
		method := str(b, "deliveryMethod")
		bad = append(bad, oneOf(b, "deliveryMethod", "Email", "SMS", "Voice", "Push")...)
		// SMS and Voice contents carry their text in "content", Email in "body".
		switch method {
		case "Email":
			bad = append(bad, required(b, "body")...)
		case "SMS", "Voice":
			bad = append(bad, required(b, "content")...)
		}
		for _, t := range notificationTemplates {
			if t.name == parent && method != "" && !containsFold(t.methods, method) {
				bad = append(bad, detail{Code: "INVALID_VALUE", Target: "deliveryMethod", Message: "The template " + parent + " does not support " + method})
			}
		}
		if len(str(b, "subject")) > 256 {
			bad = append(bad, detail{Code: "SIZE_LIMIT_EXCEEDED", Target: "subject", Message: "must contain no more than 256 characters"})
		}
		for _, o := range st.list("contents", env.id, parent) {
			if (old == nil || o.id != old.id) && strings.EqualFold(str(o.body, "locale"), str(b, "locale")) &&
				str(o.body, "deliveryMethod") == method && str(o.body, "variant") == str(b, "variant") {
				bad = append(bad, detail{Code: "UNIQUENESS_VIOLATION", Target: "locale", Message: "Content with the specified locale, delivery method and variant already exists"})
			}
		}
		return bad
	},
	prepare: func(b map[string]any) {
		if _, ok := b["default"]; !ok {
			b["default"] = false
		}
		if str(b, "deliveryMethod") == "Email" {
			if b["from"] == nil {
				b["from"] = map[string]any{"name": "PingOne", "address": "noreply@pingidentity.com"}
			}
			if b["charset"] == nil {
				b["charset"] = "UTF-8"
			}
			if b["emailContentType"] == nil {
				b["emailContentType"] = "text/html"
			}
		}
	},
	update: http.MethodPut,
}

// templateJSON is notification template i as PingOne answers it.
func templateJSON(i int, env *environment, base string) map[string]any {
	list := base + "/environments/" + env.id + "/templates"
	t := notificationTemplates[i]
	methods := make([]any, len(t.methods))
	for j, m := range t.methods {
		methods[j] = m
	}
	// An object keyed by variable name, as PingOne's specification has it.
	vars := make(map[string]any, len(t.vars))
	for _, v := range t.vars {
		vars[v] = map[string]any{"required": false}
	}
	return map[string]any{
		"_links":          map[string]any{"self": link(list + "/" + t.name), "environment": link(base + "/environments/" + env.id), "contents": link(list + "/" + t.name + "/contents")},
		"id":              t.name,
		"environment":     ref(env.id),
		"displayName":     strings.ReplaceAll(t.name, "_", " "),
		"deliveryMethods": methods,
		"variables":       vars,
	}
}

func (s *Server) listTemplates(w http.ResponseWriter, _ *http.Request, _ *caller, env *environment, base string) {
	var out []any
	for i := range notificationTemplates {
		out = append(out, templateJSON(i, env, base))
	}
	writeHAL(w, http.StatusOK, collection(base+"/environments/"+env.id+"/templates", "templates", out))
}

// templateIndex finds {templateName}, answering 404 when there is none.
func templateIndex(w http.ResponseWriter, r *http.Request) int {
	for i, t := range notificationTemplates {
		if t.name == r.PathValue("templateName") {
			return i
		}
	}
	writeNotFound(w)
	return -1
}

func (s *Server) readTemplate(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	if i := templateIndex(w, r); i >= 0 {
		writeHAL(w, http.StatusOK, templateJSON(i, env, base))
	}
}

// templateContents serves a template's contents: a generic kind whose
// records carry the template they belong to.
func (s *Server) templateContents(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	i := templateIndex(w, r)
	if i < 0 {
		return
	}
	st, name := s.more(), notificationTemplates[i].name
	list := "/environments/" + env.id + "/templates/" + name + "/contents"
	id := r.PathValue("contentID")
	if id != "" || r.Method != http.MethodPost {
		s.crud(w, r, st, env, base, kindTemplateContent, name, list, id)
		return
	}
	body, ok := readJSONBody(w, r, mtJSON)
	if !ok {
		return
	}
	if bad := s.check(st, kindTemplateContent, env, name, body, nil); len(bad) > 0 {
		writeInvalidData(w, bad...)
		return
	}
	kindTemplateContent.prepare(body)
	body["template"] = ref(name)
	x := s.add(st, kindTemplateContent, env.id, name, list, body)
	writeHAL(w, http.StatusCreated, s.recJSON(x, kindTemplateContent, base))
}
