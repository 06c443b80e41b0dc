package pingone

import (
	"html"
	"net/http"
	"strings"
)

// serveSAML serves {{authPath}}/{envID}/saml20/...: the IdP's single
// sign-on service (idp/sso, HTTP-POST and HTTP-Redirect bindings), the
// resume endpoint that answers a completed flow with the SAMLResponse, and
// the SP's assertion consumer service (sp/acs, saml_sp_flow.go). The caller
// holds s.mu.
func (s *Server) serveSAML(w http.ResponseWriter, r *http.Request, env *environment, base string, rest []string) {
	switch {
	case len(rest) == 2 && rest[0] == "idp" && rest[1] == "sso":
		s.samlSSO(w, r, env, base)
	case len(rest) == 2 && rest[0] == "sp" && rest[1] == "acs":
		s.samlACS(w, r, env, base) // saml_sp_flow.go
	case len(rest) == 1 && rest[0] == "resume":
		if r.Method != http.MethodGet && r.Method != http.MethodPost {
			writeMethodNotAllowed(w)
			return
		}
		s.samlResume(w, r, env, base)
	default:
		writeNotFound(w)
	}
}

func writeSAMLError(w http.ResponseWriter, d detail) {
	writeError(w, http.StatusBadRequest, "INVALID_REQUEST", msgInvalidReq, []detail{d})
}

// samlSSO starts a sign-on flow for an AuthnRequest: the SP's issuer must
// be a SAML application's spEntityId and its ACS URL one of the
// application's acsUrls. Like /as/authorize it sets the interaction
// cookies and redirects to the sign-on page with the flowId.
func (s *Server) samlSSO(w http.ResponseWriter, r *http.Request, env *environment, base string) {
	var raw, relay string
	deflated := false
	switch r.Method {
	case http.MethodGet: // HTTP-Redirect binding
		q := r.URL.Query()
		raw, relay, deflated = q.Get("SAMLRequest"), q.Get("RelayState"), true
	case http.MethodPost: // HTTP-POST binding
		if err := r.ParseForm(); err != nil {
			writeSAMLError(w, detail{Code: "INVALID_VALUE", Target: "SAMLRequest", Message: "The request body is not a form"})
			return
		}
		raw, relay = r.PostForm.Get("SAMLRequest"), r.PostForm.Get("RelayState")
	default:
		writeMethodNotAllowed(w)
		return
	}
	if raw == "" {
		writeSAMLError(w, detail{Code: "REQUIRED_VALUE", Target: "SAMLRequest", Message: "SAMLRequest is required"})
		return
	}
	doc, err := decodeSAMLMessage(raw, deflated)
	if err != nil {
		writeSAMLError(w, detail{Code: "INVALID_VALUE", Target: "SAMLRequest", Message: err.Error()})
		return
	}
	req, app, bad := s.parseAuthnRequest(env, doc)
	if bad != nil {
		writeSAMLError(w, *bad)
		return
	}
	req.relayState = relay
	now := s.now()
	f := &flow{id: newID(), envID: env.id, appID: app.id, interactionToken: newSecret(), saml: req,
		createdAt: now, expiresAt: now.Add(s.opts.FlowTTL)}
	f.actions = s.policyFor(env, app)
	if sess := s.sessionFrom(r, env); sess != nil && doc.Root().SelectAttrValue("ForceAuthn", "") != "true" {
		f.userID, f.sessionID = sess.userID, sess.id
	}
	s.flows[f.id] = f
	s.advance(f)
	http.SetCookie(w, s.cookie(r, env, "interactionId", f.id, 0))
	http.SetCookie(w, s.cookie(r, env, "interactionToken", f.interactionToken, 0))
	if f.status == statusCompleted {
		s.answerSAML(w, env, base, f) // an existing session signs on at once
		return
	}
	w.Header().Set("Location", s.signOnURL(base, env.id, s.apps[f.appID], f.id))
	w.WriteHeader(http.StatusFound)
}

// samlResume answers a completed SAML flow with the auto-posting form
// that carries the SAMLResponse to the ACS URL. The flow is spent: a
// second resume finds nothing.
func (s *Server) samlResume(w http.ResponseWriter, r *http.Request, env *environment, base string) {
	f := s.liveFlow(env, r.URL.Query().Get("flowId"))
	if f == nil || f.saml == nil {
		writeNotFound(w)
		return
	}
	if f.status != statusCompleted {
		writeFlowNotCompleted(w, f)
		return
	}
	if sess := s.sessionFrom(r, env); sess == nil || sess.id != f.sessionID {
		writeError(w, http.StatusBadRequest, "INVALID_REQUEST", msgInvalidReq, []detail{{
			Code: "INVALID_VALUE", Target: "ST", Message: "The session cookie (ST) is missing or does not belong to this flow",
		}})
		return
	}
	s.answerSAML(w, env, base, f)
}

// answerSAML writes PingOne's saml20.response.autopost page: a form that
// posts SAMLResponse (and RelayState) to the ACS URL.
func (s *Server) answerSAML(w http.ResponseWriter, env *environment, base string, f *flow) {
	app := s.apps[f.appID]
	if app == nil {
		writeNotFound(w)
		return
	}
	xml, err := s.samlResponse(env, base, app, f, s.users[f.userID])
	if err != nil {
		writeError(w, http.StatusInternalServerError, "UNEXPECTED_ERROR", "The request could not be completed. An unexpected error occurred.", nil)
		return
	}
	delete(s.flows, f.id)
	fields := [][2]string{{"SAMLResponse", base64Std(xml)}}
	if f.saml.relayState != "" {
		fields = append(fields, [2]string{"RelayState", f.saml.relayState})
	}
	writeAutopost(w, "saml20.response.autopost.ftl", f.saml.acsURL, fields)
}

// writeAutopost writes PingOne's auto-posting page: a form that the
// browser's onload posts to action with the hidden fields (the first one,
// the SAML message, also carries its name as id).
func writeAutopost(w http.ResponseWriter, template, action string, fields [][2]string) {
	var inputs strings.Builder
	for i, kv := range fields {
		id := ""
		if i == 0 {
			id = " id=\"" + kv[0] + "\""
		}
		inputs.WriteString("\n            <input type=\"hidden\"" + id + " name=\"" + kv[0] + "\" value=\"" + html.EscapeString(kv[1]) + "\"/>")
	}
	w.Header().Set("Content-Type", "text/html;charset=UTF-8")
	w.Header().Set("Cache-Control", "no-cache, no-store")
	_, _ = w.Write([]byte("\n\n<!-- template name: " + template + " -->\n<html>\n    <head>\n        <title>Submit Form</title>\n    </head>\n" +
		"    <body onload=\"javascript:document.forms[0].submit()\">\n" +
		"        <noscript>\n            <p>\n                <strong>Note:</strong> Since your browser does not support JavaScript,\n" +
		"                        you must press the Resume button once to proceed.\n            </p>\n        </noscript>\n" +
		"        <form method=\"post\" action=\"" + html.EscapeString(action) + "\">" + inputs.String() + "\n" +
		"            <noscript><input type=\"submit\" value=\"Resume\"/></noscript>\n        </form>\n    </body>\n</html>\n"))
}
