package pingone

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
