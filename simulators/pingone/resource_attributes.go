package pingone

import (
	"net/http"
	"sort"
	"strings"
	"time"
)

type resourceAttr struct {
	id, envID, resourceID, name, value, typ string
	idToken, userInfo                       bool
	createdAt, updatedAt                    time.Time
	seq                                     int64
}

// reservedClaims are the core claims a resource attribute cannot replace.
var reservedClaims = map[string]bool{
	"acr": true, "amr": true, "aud": true, "auth_time": true, "client_id": true, "env": true, "exp": true, "iat": true,
	"iss": true, "jti": true, "nbf": true, "nonce": true, "org": true, "scope": true, "sid": true, "sub": true, "at_hash": true, "c_hash": true,
	"may_act": true, "act": true, "cnf": true,
}

func (s *Server) resourceAttrs(resID string) []*resourceAttr {
	var out []*resourceAttr
	for _, a := range s.uc2().resAttrs {
		if a.resourceID == resID {
			out = append(out, a)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].seq < out[j].seq })
	return out
}

func (s *Server) resourceAttrJSON(a *resourceAttr, base string) map[string]any {
	resURL := base + "/environments/" + a.envID + "/resources/" + a.resourceID
	out := map[string]any{
		"_links": map[string]any{"self": link(resURL + "/attributes/" + a.id), "environment": link(base + "/environments/" + a.envID),
			"resource": link(resURL)},
		"id": a.id, "environment": ref(a.envID), "resource": ref(a.resourceID), "name": a.name, "value": a.value, "type": a.typ,
		"createdAt": ts(a.createdAt), "updatedAt": ts(a.updatedAt),
	}
	if a.typ == "CUSTOM" {
		out["idToken"], out["userInfo"] = a.idToken, a.userInfo
	}
	return out
}

// seedCoreAttr gives a custom resource its CORE "sub" attribute, listed
// first, as PingOne does.
func (s *Server) seedCoreAttr(env *environment, res *resource) {
	if res.typ != "CUSTOM" {
		return
	}
	for _, a := range s.resourceAttrs(res.id) {
		if a.typ == "CORE" {
			return
		}
	}
	now := s.now()
	a := &resourceAttr{id: newID(), envID: env.id, resourceID: res.id, name: "sub", value: "${user.id}", typ: "CORE",
		createdAt: now, updatedAt: now, seq: s.next()}
	s.uc2().resAttrs[a.id] = a
}

// readAttrBody decodes and checks an attribute's create or update body.
func readAttrBody(w http.ResponseWriter, r *http.Request) (name, value string, body map[string]any, ok bool) {
	body, ok = readJSONBody(w, r, mtJSON)
	if !ok {
		return "", "", nil, false
	}
	name, value = str(body, "name"), str(body, "value")
	var bad []detail
	if strings.TrimSpace(name) == "" {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "name", Message: "must not be blank"})
	} else if reservedClaims[name] {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "name", Message: "is a reserved name: " + strconvQuote(name)})
	}
	if strings.TrimSpace(value) == "" {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "value", Message: "must not be blank"})
	} else if msg := checkExpression(value); msg != "" {
		bad = append(bad, detail{Code: "INVALID_VALUE", Target: "value", Message: msg})
	}
	if len(bad) > 0 {
		writeInvalidData(w, bad...)
		return "", "", nil, false
	}
	return name, value, body, true
}

// resourceAttributes lists (GET) and adds (POST) resources/{id}/attributes.
func (s *Server) resourceAttributes(w http.ResponseWriter, r *http.Request, env *environment, res *resource, base string) {
	s.seedCoreAttr(env, res)
	if r.Method == http.MethodGet {
		var out []any
		for _, a := range s.resourceAttrs(res.id) {
			out = append(out, s.resourceAttrJSON(a, base))
		}
		writeHAL(w, http.StatusOK, collection(base+"/environments/"+env.id+"/resources/"+res.id+"/attributes", "attributes", out))
		return
	}
	if res.typ != "CUSTOM" && res.typ != "OPENID_CONNECT" {
		writeError(w, http.StatusForbidden, "ACCESS_FAILED", msgAccessFailed, []detail{{Code: "INVALID_VALUE", Target: "resource",
			Message: "Attributes can be added only to custom and OpenID Connect resources"}})
		return
	}
	name, value, body, ok := readAttrBody(w, r)
	if !ok {
		return
	}
	for _, a := range s.resourceAttrs(res.id) {
		if a.name == name {
			writeInvalidData(w, detail{Code: "UNIQUENESS_VIOLATION", Target: "name", Message: "An attribute with the specified name already exists for this resource"})
			return
		}
	}
	now := s.now()
	a := &resourceAttr{id: newID(), envID: env.id, resourceID: res.id, name: name, value: value, typ: "CUSTOM",
		idToken: body["idToken"] == true, userInfo: body["userInfo"] == true, createdAt: now, updatedAt: now, seq: s.next()}
	s.uc2().resAttrs[a.id] = a
	writeHAL(w, http.StatusCreated, s.resourceAttrJSON(a, base))
}

// resourceAttribute reads, replaces and deletes one attribute; the CORE
// one is PingOne's and stays as it is.
func (s *Server) resourceAttribute(w http.ResponseWriter, r *http.Request, env *environment, res *resource, base string) {
	s.seedCoreAttr(env, res)
	a := s.uc2().resAttrs[r.PathValue("attributeID")]
	if a == nil || a.resourceID != res.id {
		writeNotFound(w)
		return
	}
	if r.Method == http.MethodGet {
		writeHAL(w, http.StatusOK, s.resourceAttrJSON(a, base))
		return
	}
	if a.typ == "CORE" {
		verb := map[string]string{http.MethodPut: "changed", http.MethodDelete: "deleted"}[r.Method]
		writeError(w, http.StatusForbidden, "ACCESS_FAILED", msgAccessFailed, []detail{{Code: "INVALID_VALUE", Target: "type", Message: "CORE attributes cannot be " + verb}})
		return
	}
	if r.Method == http.MethodDelete {
		delete(s.uc2().resAttrs, a.id)
		w.WriteHeader(http.StatusNoContent)
		return
	}
	name, value, body, ok := readAttrBody(w, r)
	if !ok {
		return
	}
	a.name, a.value, a.idToken, a.userInfo, a.updatedAt = name, value, body["idToken"] == true, body["userInfo"] == true, s.now()
	writeHAL(w, http.StatusOK, s.resourceAttrJSON(a, base))
}

// exprPattern matches one ${...} placeholder of a mapping value.
var exprPattern = newLazyRegexp(`\$\{([^}]*)\}`)

// checkExpression accepts literal text with ${user.*} placeholders, and
// PingOne's #root.context.* expressions.
func checkExpression(v string) string {
	for _, m := range exprPattern.FindAllStringSubmatch(v, -1) {
		e := strings.TrimSpace(m[1])
		if !strings.HasPrefix(e, "user.") && !strings.HasPrefix(e, "#root.") {
			return "unsupported expression " + strconvQuote(m[0]) + " (use ${user.<attribute>})"
		}
	}
	return ""
}

// evalExpression resolves a mapping value for a user; ok is false when a
// placeholder names an attribute the user does not have (PingOne then
// leaves the claim out).
func (s *Server) evalExpression(v string, u *user) (string, bool) {
	ok := true
	out := exprPattern.ReplaceAllStringFunc(v, func(m string) string {
		e := strings.TrimSpace(m[2 : len(m)-1])
		if !strings.HasPrefix(e, "user.") || u == nil {
			ok = false
			return ""
		}
		val := s.userAttr(u, strings.TrimPrefix(e, "user."))
		if val == "" {
			ok = false
		}
		return val
	})
	return out, ok
}

// addResourceClaims puts the custom attributes of the token's resource in
// its claims.
func (s *Server) addResourceClaims(claims map[string]any, res *resource, u *user) {
	if res == nil {
		return
	}
	for _, a := range s.resourceAttrs(res.id) {
		if a.typ != "CUSTOM" {
			continue
		}
		if v, ok := s.evalExpression(a.value, u); ok {
			claims[a.name] = v
		}
	}
	if res.permissionsClaim && u != nil {
		if perms := s.userPermissions(res, u); len(perms) > 0 {
			claims["p1.permissions"] = perms
		}
	}
}
