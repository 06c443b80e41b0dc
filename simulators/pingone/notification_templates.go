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

func (s *Server) routeTemplates(w http.ResponseWriter, r *http.Request, st *moreState, env *environment, base string, rest []string) {
	list := "/environments/" + env.id + "/templates"
	tplJSON := func(i int) map[string]any {
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
			"_links":          map[string]any{"self": link(base + list + "/" + t.name), "environment": link(base + "/environments/" + env.id), "contents": link(base + list + "/" + t.name + "/contents")},
			"id":              t.name,
			"environment":     ref(env.id),
			"displayName":     strings.ReplaceAll(t.name, "_", " "),
			"deliveryMethods": methods,
			"variables":       vars,
		}
	}
	if len(rest) == 0 {
		if r.Method != http.MethodGet {
			writeMethodNotAllowed(w)
			return
		}
		var out []any
		for i := range notificationTemplates {
			out = append(out, tplJSON(i))
		}
		writeHAL(w, http.StatusOK, collection(base+list, "templates", out))
		return
	}
	idx := -1
	for i, t := range notificationTemplates {
		if t.name == rest[0] {
			idx = i
		}
	}
	if idx < 0 {
		writeNotFound(w)
		return
	}
	if len(rest) == 1 {
		if r.Method != http.MethodGet {
			writeMethodNotAllowed(w)
			return
		}
		writeHAL(w, http.StatusOK, tplJSON(idx))
		return
	}
	if rest[1] != "contents" {
		writeNotFound(w)
		return
	}
	name := notificationTemplates[idx].name
	if len(rest) == 2 && r.Method == http.MethodPost {
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
		x := s.add(st, kindTemplateContent, env.id, name, list+"/"+name+"/contents", body)
		writeHAL(w, http.StatusCreated, s.recJSON(x, kindTemplateContent, base))
		return
	}
	s.crud(w, r, st, env, base, kindTemplateContent, name, list+"/"+name+"/contents", rest[2:])
}
