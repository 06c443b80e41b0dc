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

// routeResourceAttributes serves resources/{id}/attributes[/{attrID}]. Every
// custom resource lists its CORE "sub" attribute first, as PingOne does.
func (s *Server) routeResourceAttributes(w http.ResponseWriter, r *http.Request, env *environment, res *resource, base string, rest []string) {
	list := base + "/environments/" + env.id + "/resources/" + res.id + "/attributes"
	if res.typ == "CUSTOM" {
		has := false
		for _, a := range s.resourceAttrs(res.id) {
			has = has || a.typ == "CORE"
		}
		if !has {
			now := s.now()
			a := &resourceAttr{id: newID(), envID: env.id, resourceID: res.id, name: "sub", value: "${user.id}", typ: "CORE",
				createdAt: now, updatedAt: now, seq: s.next()}
			s.uc2().resAttrs[a.id] = a
		}
	}
	readBody := func() (string, string, map[string]any, bool) {
		body, ok := readJSONBody(w, r, mtJSON)
		if !ok {
			return "", "", nil, false
		}
		name, value := str(body, "name"), str(body, "value")
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
	switch {
	case len(rest) == 0 && r.Method == http.MethodGet:
		var out []any
		for _, a := range s.resourceAttrs(res.id) {
			out = append(out, s.resourceAttrJSON(a, base))
		}
		writeHAL(w, http.StatusOK, collection(list, "attributes", out))
	case len(rest) == 0 && r.Method == http.MethodPost:
		if res.typ != "CUSTOM" && res.typ != "OPENID_CONNECT" {
			writeError(w, http.StatusForbidden, "ACCESS_FAILED", msgAccessFailed, []detail{{Code: "INVALID_VALUE", Target: "resource",
				Message: "Attributes can be added only to custom and OpenID Connect resources"}})
			return
		}
		name, value, body, ok := readBody()
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
	case len(rest) == 1:
		a := s.uc2().resAttrs[rest[0]]
		if a == nil || a.resourceID != res.id {
			writeNotFound(w)
			return
		}
		switch r.Method {
		case http.MethodGet:
			writeHAL(w, http.StatusOK, s.resourceAttrJSON(a, base))
		case http.MethodPut:
			if a.typ == "CORE" {
				writeError(w, http.StatusForbidden, "ACCESS_FAILED", msgAccessFailed, []detail{{Code: "INVALID_VALUE", Target: "type", Message: "CORE attributes cannot be changed"}})
				return
			}
			name, value, body, ok := readBody()
			if !ok {
				return
			}
			a.name, a.value, a.idToken, a.userInfo, a.updatedAt = name, value, body["idToken"] == true, body["userInfo"] == true, s.now()
			writeHAL(w, http.StatusOK, s.resourceAttrJSON(a, base))
		case http.MethodDelete:
			if a.typ == "CORE" {
				writeError(w, http.StatusForbidden, "ACCESS_FAILED", msgAccessFailed, []detail{{Code: "INVALID_VALUE", Target: "type", Message: "CORE attributes cannot be deleted"}})
				return
			}
			delete(s.uc2().resAttrs, a.id)
			w.WriteHeader(http.StatusNoContent)
		default:
			writeMethodNotAllowed(w)
		}
	case len(rest) == 0:
		writeMethodNotAllowed(w)
	default:
		writeNotFound(w)
	}
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
