package pingone

import (
	"crypto/rand"
	"encoding/hex"
	"html"
	"net/http"
	"strings"
)

// PingOne DaVinci, as far as the workflow library's DaVinci use cases reach
// into it from the Platform API and the authorization server:
//
//   - GET /environments/{envID}/flowPolicies lists the flow policies of the
//     environment's DaVinci applications. An environment whose bill of
//     materials holds PING_ONE_DAVINCI inherits a default DaVinci
//     application with one predefined flow policy (trigger AUTHENTICATION);
//     without DaVinci the list is empty. The flows themselves are built in
//     DaVinci's designer and are not modelled.
//   - PUT /environments/{envID}/billOfMaterials replaces the products, so a
//     collection can add DaVinci to an environment created without it.
//   - An application with a flow policy assignment starts that policy's
//     flow at /as/authorize instead of a sign-on policy. Only the first
//     screen of a minimal username/password flow exists: with
//     response_mode=pi.flow the answer is DaVinci's JSON for that screen
//     (concise with X-Requested-With: ping-sdk, detailed without), in
//     redirect mode DaVinci's widget page. Nothing can be submitted to it.

const davinciProduct = "PING_ONE_DAVINCI"

// Names of what PingOne provisions with DaVinci. The docs say only that a
// default DaVinci application with one predefined flow policy exists; the
// names are the local server's.
const (
	davinciDefaultAppName    = "PingOne DaVinci Default Application"
	davinciDefaultPolicyName = "PingOne DaVinci Default Flow Policy"
	kindFlowPolicies         = "flowPolicies"
)

func hasDaVinci(env *environment) bool {
	for _, p := range env.products {
		if p.Type == davinciProduct {
			return true
		}
	}
	return false
}

// davinciID returns an id in DaVinci's style (32 hex digits, as its flow
// and connection ids in the docs' examples).
func davinciID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// seedDaVinci creates the default DaVinci application's flow policy the
// first time a DaVinci environment's flow policies are needed. The caller
// holds s.mu.
func (s *Server) seedDaVinci(st *moreState, env *environment) {
	key := "davinci:" + env.id
	if !hasDaVinci(env) || st.seeded[key] {
		return
	}
	st.seeded[key] = true
	x := s.add(st, &kind{name: kindFlowPolicies}, env.id, "", "/environments/"+env.id+"/flowPolicies", map[string]any{
		"name":        davinciDefaultPolicyName,
		"enabled":     true,
		"application": map[string]any{"id": davinciID(), "name": davinciDefaultAppName},
		"trigger":     map[string]any{"type": "AUTHENTICATION"},
	})
	// DaVinci's ids for the flow behind the policy and the connection that
	// renders its screen; never part of the flow policy resource.
	x.body["_flowId"], x.body["_connectionId"] = davinciID(), davinciID()
}

// flowPolicy returns the environment's flow policy with that id, or nil
// (also when the environment has no DaVinci). The caller holds s.mu.
func (s *Server) flowPolicy(st *moreState, env *environment, id string) *rec {
	if !hasDaVinci(env) {
		return nil
	}
	s.seedDaVinci(st, env)
	return st.get(id, kindFlowPolicies, env.id)
}

func flowPolicyJSON(x *rec, base string) map[string]any {
	out := map[string]any{
		"_links":      map[string]any{"self": link(base + x.self), "environment": link(base + "/environments/" + x.envID)},
		"id":          x.id,
		"environment": ref(x.envID),
	}
	for k, v := range x.body {
		if !strings.HasPrefix(k, "_") {
			out[k] = v
		}
	}
	return out
}

// flowPolicies serves the read-only flow policies and one flow policy.
func (s *Server) flowPolicies(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	st := s.more()
	if id := r.PathValue("flowPolicyID"); id != "" {
		x := s.flowPolicy(st, env, id)
		if x == nil {
			writeNotFound(w)
			return
		}
		writeHAL(w, http.StatusOK, flowPolicyJSON(x, base))
		return
	}
	var out []any
	if hasDaVinci(env) {
		s.seedDaVinci(st, env)
		for _, x := range st.list(kindFlowPolicies, env.id, "") {
			out = append(out, flowPolicyJSON(x, base))
		}
	}
	writeHAL(w, http.StatusOK, collection(base+"/environments/"+env.id+"/flowPolicies", "flowPolicies", out))
}

// putBOM replaces the environment's products (PUT billOfMaterials). A
// product type already present keeps its id. The caller holds s.mu.
func (s *Server) putBOM(w http.ResponseWriter, r *http.Request, env *environment, base string) {
	body, ok := readJSONBody(w, r, mtJSON)
	if !ok {
		return
	}
	list, isList := body["products"].([]any)
	var bad []detail
	if !isList {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "products", Message: "must not be null"})
	}
	old := map[string]product{}
	for _, p := range env.products {
		old[p.Type] = p
	}
	var products []product
	seen := map[string]bool{}
	for i, p := range list {
		pm, _ := p.(map[string]any)
		t := str(pm, "type")
		desc, known := productDescriptions[t]
		if !known {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "products[" + itoa(i) + "].type", Message: "unknown product type"})
			continue
		}
		if seen[t] {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "products[" + itoa(i) + "].type", Message: "duplicate product type"})
			continue
		}
		seen[t] = true
		if d := str(pm, "description"); d != "" {
			desc = d
		}
		id := old[t].ID
		if id == "" {
			id = newID()
		}
		products = append(products, product{ID: id, Type: t, Description: desc})
	}
	if len(bad) > 0 {
		writeInvalidData(w, bad...)
		return
	}
	env.products = products
	env.updatedAt = s.now()
	writeHAL(w, http.StatusOK, s.bomJSON(env, base))
}

// davinciAuthorize starts the flow of the application's highest-priority
// flow policy assignment, if it has one, and reports whether it answered.
// The request's parameters are already checked. The caller holds s.mu.
func (s *Server) davinciAuthorize(w http.ResponseWriter, r *http.Request, env *environment, base string, app *application, f *flow) bool {
	st := s.more()
	var pol *rec
	best := 0
	for _, a := range st.list("flowPolicyAssignments", env.id, app.id) {
		id, _ := lookup(a.body, "flowPolicy.id")
		p, _ := id.(string)
		prio, _ := a.body["priority"].(int)
		if x := s.flowPolicy(st, env, p); x != nil && (pol == nil || prio < best) {
			pol, best = x, prio
		}
	}
	if pol == nil {
		return false
	}
	// The interaction is DaVinci's, not a PingOne sign-on flow: it is not
	// kept in s.flows, so the flow API does not know it.
	http.SetCookie(w, s.cookie(r, env, "interactionId", f.id, 0))
	http.SetCookie(w, s.cookie(r, env, "interactionToken", f.interactionToken, 0))
	flowID, _ := pol.body["_flowId"].(string)
	connID, _ := pol.body["_connectionId"].(string)
	if f.responseMode != "pi.flow" {
		// Redirect mode: DaVinci's widget page renders the flow in the
		// browser (the docs' example answer of DaVinci's authorize).
		w.Header().Set("Content-Type", "text/html;charset=UTF-8")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte("<!DOCTYPE html>\n<html>\n<head>\n<title>DaVinci Authentication Widget</title>\n</head>\n<body>\n<div id=\"widget\" data-company-id=\"" +
			html.EscapeString(env.id) + "\" data-flow-id=\"" + flowID + "\" data-interaction-id=\"" + html.EscapeString(f.id) + "\"></div>\n</body>\n</html>\n"))
		return true
	}
	out := map[string]any{
		"id":               davinciID()[:10],
		"companyId":        env.id,
		"flowId":           flowID,
		"connectionId":     connID,
		"capabilityName":   "customHTMLTemplate",
		"interactionId":    f.id,
		"interactionToken": f.interactionToken,
	}
	if r.Header.Get("X-Requested-With") == "ping-sdk" {
		// The concise JSON of the docs' "JSON Responses" page.
		out["connectorId"] = "api"
		out["success"] = true
		out["startUiSubFlow"] = true
		out["eventName"] = "continue"
		out["isResponseCompatibleWithMobileAndWebSdks"] = true
		out["_links"] = map[string]any{"next": link(base + "/" + env.id + "/davinci/connections/" + connID + "/capabilities/customHTMLTemplate")}
		out["formData"] = map[string]any{"value": map[string]any{"username": "", "password": ""}}
		out["form"] = map[string]any{
			"name": "Sign On Form", "description": "Prompt for username and password", "category": "CUSTOM_HTML",
			"components": map[string]any{"fields": []any{
				map[string]any{"type": "TEXT", "key": "username", "label": "Username"},
				map[string]any{"type": "PASSWORD", "key": "password", "label": "Password"},
				map[string]any{"type": "SUBMIT_BUTTON", "label": "Sign On", "key": "SIGNON"},
			}},
		}
	} else {
		// The detailed answer of the "Detailed Responses" page: the screen
		// with the HTML that renders the form.
		out["screen"] = map[string]any{"name": "HTTP", "properties": map[string]any{
			"customHTML": map[string]any{"type": "string", "displayName": "HTML Template", "value": `<div class="app-container"><form id="signOnForm">` +
				`<input type="text" id="username" name="username"><input type="password" id="password" name="password">` +
				`<button type="submit" data-id="SIGNON">Sign On</button></form></div>`},
		}}
	}
	writeJSON(w, http.StatusOK, plainJSON, out)
	return true
}
