package pingone

// templateBody is the text of the environment's notification content for
// a template, variant and delivery method, "" when it has none.
func (s *Server) templateBody(envID, tmpl, variant, method string) string {
	return ""
}
