package pingone

import "strings"

// otpMessage is the text the local inbox shows with a passcode: the flow's
// transaction template (request JWT pi.template) when there is one, else a
// plain passcode message.
func (s *Server) otpMessage(f *flow, otp string) string {
	vars := map[string]string{"otp": otp, "OTP": otp}
	if u := s.users[f.userID]; u != nil {
		vars["user.username"], vars["user.email"] = u.username, u.email
	}
	text := "Your passcode is ${otp}"
	if tmpl := s.uc2().flowTemplates[f.id]; tmpl != nil {
		if v, ok := tmpl["variables"].(map[string]any); ok {
			for k, x := range v {
				if xs, ok := x.(string); ok {
					vars[k] = xs
				}
			}
		}
		method := "SMS"
		if d := s.devices[f.deviceID]; d != nil {
			method = map[string]string{"EMAIL": "Email", "SMS": "SMS", "VOICE": "Voice"}[d.typ]
		}
		if body := s.templateBody(f.envID, str(tmpl, "name"), str(tmpl, "variant"), method); body != "" {
			text = body
		}
	}
	return exprPattern.ReplaceAllStringFunc(text, func(m string) string {
		if v, ok := vars[strings.TrimSpace(m[2:len(m)-1])]; ok {
			return v
		}
		return m
	})
}

// applyLoginHint makes the flow the hinted user's (a session of another
// user does not count) and keeps the request JWT's template for the
// passcode message.
func (s *Server) applyLoginHint(f *flow, hint *user, template map[string]any) {
	if hint != nil && f.userID != hint.id {
		f.userID, f.sessionID = hint.id, ""
	}
	if template != nil {
		s.uc2().flowTemplates[f.id] = template
	}
}

// templateBody is the text of the environment's notification content for
// a template, variant and delivery method (mgmt_more's template contents),
// "" when it has none: the variant's content, or else the content without
// a variant. SMS and Voice contents keep their text in "content", Email and
// Push in "body".
func (s *Server) templateBody(envID, tmpl, variant, method string) string {
	field := "content"
	if method == "Email" || method == "Push" {
		field = "body"
	}
	fallback := ""
	for _, x := range s.more().list(kindTemplateContent.name, envID, tmpl) {
		if str(x.body, "deliveryMethod") != method {
			continue
		}
		text := str(x.body, field)
		if text == "" {
			text = str(x.body, "body")
		}
		v := str(x.body, "variant")
		if variant != "" && v == variant {
			return text
		}
		if v == "" && fallback == "" {
			fallback = text
		}
	}
	return fallback
}
