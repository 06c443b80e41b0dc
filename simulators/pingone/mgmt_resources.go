package pingone

import (
	"net/http"
	"regexp"
	"sort"
	"strings"
	"time"
)

// resource is a PingOne resource: the built-in "openid" and "PingOne API"
// resources every environment has, or a CUSTOM one whose audience becomes
// the aud of access tokens carrying its scopes.
type resource struct {
	id, envID, name, description, typ, audience string
	ttl                                         int    // accessTokenValiditySeconds
	permissionsClaim                            bool   // applicationPermissionsSettings.claimEnabled: p1.permissions in user tokens
	secret                                      string // client secret for token introspection, made on first read
	createdAt, updatedAt                        time.Time
	seq                                         int64
}

type resourceScope struct {
	id, envID, resourceID, name, description string
	createdAt, updatedAt                     time.Time
	seq                                      int64
}

// grant is an application's access to some scopes of a resource.
type grant struct {
	id, envID, appID, resourceID string
	scopeIDs                     []string
	createdAt, updatedAt         time.Time
	seq                          int64
}

type group struct {
	id, envID, name, description string
	createdAt, updatedAt         time.Time
	seq                          int64
}

// builtinResources adds what PingOne provisions in every environment: the
// openid resource (its scopes are the OIDC ones) and the PingOne API.
func (s *Server) builtinResources(envID string, now time.Time) {
	oidc := &resource{id: newID(), envID: envID, name: "openid", description: "OpenID Connect resource", typ: "OPENID_CONNECT",
		ttl: 3600, createdAt: now, updatedAt: now, seq: s.next()}
	api := &resource{id: newID(), envID: envID, name: "PingOne API", description: "PingOne Platform API", typ: "PINGONE_API",
		audience: "https://api.pingone.com", ttl: 3600, createdAt: now, updatedAt: now, seq: s.next()}
	s.resources[oidc.id], s.resources[api.id] = oidc, api
	for _, name := range []string{"openid", "profile", "email", "address", "phone", "offline_access"} {
		sc := &resourceScope{id: newID(), envID: envID, resourceID: oidc.id, name: name, createdAt: now, updatedAt: now, seq: s.next()}
		s.scopes[sc.id] = sc
	}
}

// resourceFromBody validates a custom resource's create or replace body
// (old is the resource replaced, nil on create) and returns its fields.
func (s *Server) resourceFromBody(env *environment, body map[string]any, old *resource) (*resource, []detail) {
	name := str(body, "name")
	var bad []detail
	if strings.TrimSpace(name) == "" {
		bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "name", Message: "must not be blank"})
	}
	for _, o := range s.resources {
		if o != old && o.envID == env.id && strings.EqualFold(o.name, name) {
			bad = append(bad, detail{Code: "UNIQUENESS_VIOLATION", Target: "name", Message: "A resource with the specified name already exists"})
		}
	}
	ttl := 3600
	if v, isNum := body["accessTokenValiditySeconds"].(float64); isNum {
		if v < 300 || v > 2592000 {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "accessTokenValiditySeconds", Message: "must be between 300 and 2592000"})
		}
		ttl = int(v)
	}
	claim := false
	if set, present := body["applicationPermissionsSettings"]; present && set != nil {
		m, isObj := set.(map[string]any)
		v, isBool := m["claimEnabled"].(bool)
		if !isObj || (m["claimEnabled"] != nil && !isBool) {
			bad = append(bad, detail{Code: "INVALID_VALUE", Target: "applicationPermissionsSettings",
				Message: "must be an object whose claimEnabled is a boolean"})
		}
		claim = v
	}
	if len(bad) > 0 {
		return nil, bad
	}
	return &resource{name: name, description: str(body, "description"), audience: orDefault(str(body, "audience"), name), ttl: ttl, permissionsClaim: claim}, nil
}

func (s *Server) routeResources(w http.ResponseWriter, r *http.Request, env *environment, base string, rest []string) {
	list := base + "/environments/" + env.id + "/resources"
	t := table[*resource]{
		name: "resources", list: list, items: s.resources,
		owns: func(x *resource) bool { return x.envID == env.id },
		seq:  func(x *resource) int64 { return x.seq },
		json: func(x *resource) map[string]any { return s.resourceJSON(x, base) },
		create: func(body map[string]any) (*resource, []detail) {
			res, bad := s.resourceFromBody(env, body, nil)
			if len(bad) > 0 {
				return nil, bad
			}
			now := s.now()
			res.id, res.envID, res.typ, res.createdAt, res.updatedAt, res.seq = newID(), env.id, "CUSTOM", now, now, s.next()
			s.resources[res.id] = res
			return res, nil
		},
	}
	if len(rest) == 0 {
		t.serveRoot(w, r)
		return
	}
	res, ok := t.find(rest[0])
	if !ok {
		writeNotFound(w)
		return
	}
	switch {
	case len(rest) == 1 && r.Method == http.MethodGet:
		writeHAL(w, http.StatusOK, s.resourceJSON(res, base))
	case len(rest) == 1 && (r.Method == http.MethodPut || r.Method == http.MethodDelete):
		s.changeResource(w, r, env, res, base) // resource_secrets.go
	case len(rest) == 1:
		writeMethodNotAllowed(w)
	case len(rest) == 2 && (rest[1] == "secret" || rest[1] == "applicationPermissions"):
		s.serveResourceExtras(w, r, res, base, rest[1]) // resource_secrets.go
	case rest[1] == "scopes" && len(rest) == 2 && r.Method == http.MethodGet:
		var out []any
		for _, sc := range s.resourceScopes(res.id) {
			out = append(out, s.scopeJSON(sc, base))
		}
		writeHAL(w, http.StatusOK, collection(list+"/"+res.id+"/scopes", "scopes", out))
	case rest[1] == "scopes" && len(rest) == 2 && r.Method == http.MethodPost:
		if res.typ != "CUSTOM" {
			writeError(w, http.StatusForbidden, "ACCESS_FAILED", msgAccessFailed, []detail{{Code: "INVALID_VALUE", Target: "resource",
				Message: "Scopes can be added only to custom resources"}})
			return
		}
		body, ok := readJSONBody(w, r, mtJSON)
		if !ok {
			return
		}
		name := str(body, "name")
		if strings.TrimSpace(name) == "" || strings.ContainsAny(name, " \t") {
			writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "name", Message: "must be a non-blank value without spaces"})
			return
		}
		for _, o := range s.resourceScopes(res.id) {
			if o.name == name {
				writeInvalidData(w, detail{Code: "UNIQUENESS_VIOLATION", Target: "name", Message: "A scope with the specified name already exists for this resource"})
				return
			}
		}
		now := s.now()
		sc := &resourceScope{id: newID(), envID: env.id, resourceID: res.id, name: name, description: str(body, "description"),
			createdAt: now, updatedAt: now, seq: s.next()}
		s.scopes[sc.id] = sc
		writeHAL(w, http.StatusCreated, s.scopeJSON(sc, base))
	case rest[1] == "scopes" && len(rest) == 3 && r.Method == http.MethodGet:
		sc := s.scopes[rest[2]]
		if sc == nil || sc.resourceID != res.id {
			writeNotFound(w)
			return
		}
		writeHAL(w, http.StatusOK, s.scopeJSON(sc, base))
	case rest[1] == "scopes" && len(rest) <= 3:
		writeMethodNotAllowed(w)
	case rest[1] == "attributes" && len(rest) <= 3:
		s.routeResourceAttributes(w, r, env, res, base, rest[2:])
	default:
		writeNotFound(w)
	}
}

func (s *Server) resourceScopes(resourceID string) []*resourceScope {
	var out []*resourceScope
	for _, sc := range s.scopes {
		if sc.resourceID == resourceID {
			out = append(out, sc)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].seq < out[j].seq })
	return out
}

func (s *Server) resourceJSON(res *resource, base string) map[string]any {
	self := base + "/environments/" + res.envID + "/resources/" + res.id
	out := map[string]any{
		"_links": map[string]any{
			"self":        link(self),
			"environment": link(base + "/environments/" + res.envID),
			"scopes":      link(self + "/scopes"),
		},
		"id": res.id, "environment": ref(res.envID), "name": res.name, "type": res.typ,
		"accessTokenValiditySeconds": res.ttl, "createdAt": ts(res.createdAt), "updatedAt": ts(res.updatedAt),
	}
	if res.description != "" {
		out["description"] = res.description
	}
	if res.audience != "" {
		out["audience"] = res.audience
	}
	if res.typ == "CUSTOM" {
		out["applicationPermissionsSettings"] = map[string]any{"claimEnabled": res.permissionsClaim}
	}
	return out
}

func (s *Server) scopeJSON(sc *resourceScope, base string) map[string]any {
	resURL := base + "/environments/" + sc.envID + "/resources/" + sc.resourceID
	out := map[string]any{
		"_links": map[string]any{
			"self":     link(resURL + "/scopes/" + sc.id),
			"resource": link(resURL),
		},
		"id": sc.id, "name": sc.name, "resource": ref(sc.resourceID), "createdAt": ts(sc.createdAt), "updatedAt": ts(sc.updatedAt),
	}
	if sc.description != "" {
		out["description"] = sc.description
	}
	return out
}

// --- application grants -----------------------------------------------------

func (s *Server) routeGrants(w http.ResponseWriter, r *http.Request, env *environment, app *application, base string, rest []string) {
	table[*grant]{
		name: "grants", list: base + "/environments/" + env.id + "/applications/" + app.id + "/grants", items: s.grants,
		owns: func(g *grant) bool { return g.envID == env.id && g.appID == app.id },
		seq:  func(g *grant) int64 { return g.seq },
		json: func(g *grant) map[string]any { return s.grantJSON(g, base) },
		create: func(body map[string]any) (*grant, []detail) {
			res := s.resources[str(obj(body, "resource"), "id")]
			if res == nil || res.envID != env.id {
				return nil, []detail{{Code: "INVALID_VALUE", Target: "resource.id", Message: "Referenced resource does not exist"}}
			}
			list, _ := body["scopes"].([]any)
			if len(list) == 0 {
				return nil, []detail{{Code: "REQUIRED_VALUE", Target: "scopes", Message: "must not be empty"}}
			}
			var ids []string
			for i, v := range list {
				id := str(asMap(v), "id")
				sc := s.scopes[id]
				if sc == nil || sc.resourceID != res.id {
					return nil, []detail{{Code: "INVALID_VALUE", Target: "scopes[" + itoa(i) + "].id", Message: "Referenced scope does not belong to the resource"}}
				}
				ids = append(ids, id)
			}
			now := s.now()
			g := &grant{id: newID(), envID: env.id, appID: app.id, resourceID: res.id, scopeIDs: ids, createdAt: now, updatedAt: now, seq: s.next()}
			s.grants[g.id] = g
			return g, nil
		},
		remove: func(g *grant) { delete(s.grants, g.id) },
	}.serve(w, r, rest)
}

func asMap(v any) map[string]any { m, _ := v.(map[string]any); return m }

func (s *Server) grantJSON(g *grant, base string) map[string]any {
	appURL := base + "/environments/" + g.envID + "/applications/" + g.appID
	var scopes []any
	for _, id := range g.scopeIDs {
		scopes = append(scopes, ref(id))
	}
	return map[string]any{
		"_links": map[string]any{
			"self":        link(appURL + "/grants/" + g.id),
			"application": link(appURL),
			"resource":    link(base + "/environments/" + g.envID + "/resources/" + g.resourceID),
		},
		"id": g.id, "environment": ref(g.envID), "application": ref(g.appID), "resource": ref(g.resourceID),
		"scopes": scopes, "createdAt": ts(g.createdAt), "updatedAt": ts(g.updatedAt),
	}
}

// grantedScope finds a non-OIDC scope name granted to the application and
// returns the resource it belongs to. The caller holds s.mu.
func (s *Server) grantedScope(app *application, name string) *resource {
	for _, g := range s.grants {
		if g.appID != app.id {
			continue
		}
		for _, id := range g.scopeIDs {
			if sc := s.scopes[id]; sc != nil && sc.name == name {
				return s.resources[g.resourceID]
			}
		}
	}
	return nil
}

// grantedResource finds the resource with the audience among the
// application's grants and returns it with its granted scope names.
func (s *Server) grantedResource(app *application, audience string) (*resource, string) {
	for _, g := range sortedBySeq(s.grants, func(g *grant) (string, int64) { return g.envID, g.seq }, app.envID) {
		res := s.resources[g.resourceID]
		if g.appID != app.id || res == nil || res.audience != audience {
			continue
		}
		var names []string
		for _, id := range g.scopeIDs {
			if sc := s.scopes[id]; sc != nil {
				names = append(names, sc.name)
			}
		}
		return res, strings.Join(names, " ")
	}
	return nil, ""
}

// checkScopes validates requested scopes for an application: OIDC scopes
// (when the app speaks OIDC to users) or scopes granted to it. It returns
// the custom resource the scopes belong to (PingOne allows one per token),
// or an error description.
func (s *Server) checkScopes(app *application, scope string, allowOIDC bool) (*resource, string) {
	var res *resource
	for _, sc := range strings.Fields(scope) {
		if allowOIDC && oidcScopes[sc] {
			continue
		}
		r := s.grantedScope(app, sc)
		if r == nil {
			return nil, "the requested scope " + sc + " is not granted to the application"
		}
		if res != nil && res.id != r.id {
			return nil, "the requested scopes belong to more than one resource"
		}
		res = r
	}
	return res, ""
}

// --- groups -------------------------------------------------------------------

func (s *Server) routeGroups(w http.ResponseWriter, r *http.Request, env *environment, base string, rest []string) {
	t := table[*group]{
		name: "groups", list: base + "/environments/" + env.id + "/groups", items: s.groups,
		owns: func(g *group) bool { return g.envID == env.id },
		seq:  func(g *group) int64 { return g.seq },
		json: func(g *group) map[string]any { return s.groupJSON(g, base) },
		create: func(body map[string]any) (*group, []detail) {
			name := str(body, "name")
			if strings.TrimSpace(name) == "" {
				return nil, []detail{{Code: "REQUIRED_VALUE", Target: "name", Message: "must not be blank"}}
			}
			for _, o := range s.groups {
				if o.envID == env.id && strings.EqualFold(o.name, name) {
					return nil, []detail{{Code: "UNIQUENESS_VIOLATION", Target: "name", Message: "A group with the specified name already exists"}}
				}
			}
			now := s.now()
			g := &group{id: newID(), envID: env.id, name: name, description: str(body, "description"), createdAt: now, updatedAt: now, seq: s.next()}
			s.groups[g.id] = g
			return g, nil
		},
		update: func(g *group, body map[string]any) []detail {
			name := str(body, "name")
			if strings.TrimSpace(name) == "" {
				return []detail{{Code: "REQUIRED_VALUE", Target: "name", Message: "must not be blank"}}
			}
			for _, o := range s.groups {
				if o != g && o.envID == env.id && strings.EqualFold(o.name, name) {
					return []detail{{Code: "UNIQUENESS_VIOLATION", Target: "name", Message: "A group with the specified name already exists"}}
				}
			}
			g.name, g.description, g.updatedAt = name, str(body, "description"), s.now()
			return nil
		},
		remove: func(g *group) {
			delete(s.groups, g.id)
			for _, u := range s.users {
				delete(u.groups, g.id)
			}
		},
	}
	if len(rest) >= 2 && rest[1] == "roleAssignments" {
		g, ok := t.find(rest[0])
		if !ok {
			writeNotFound(w)
			return
		}
		s.routeRoleAssignments(w, r, env, base, "groups", g.id, rest[2:])
		return
	}
	t.serve(w, r, rest)
}

func (s *Server) groupJSON(g *group, base string) map[string]any {
	members := 0
	for _, u := range s.users {
		if u.groups[g.id] {
			members++
		}
	}
	out := map[string]any{
		"_links": map[string]any{
			"self":        link(base + "/environments/" + g.envID + "/groups/" + g.id),
			"environment": link(base + "/environments/" + g.envID),
		},
		"id": g.id, "environment": ref(g.envID), "name": g.name, "directMemberCounts": map[string]any{"users": members},
		"createdAt": ts(g.createdAt), "updatedAt": ts(g.updatedAt),
	}
	if g.description != "" {
		out["description"] = g.description
	}
	return out
}

// routeMemberOf serves /users/{id}/memberOfGroups[/{groupID}].
func (s *Server) routeMemberOf(w http.ResponseWriter, r *http.Request, u *user, base string, rest []string) {
	self := base + "/environments/" + u.envID + "/users/" + u.id + "/memberOfGroups"
	member := func(g *group) map[string]any {
		return map[string]any{
			"_links": map[string]any{"self": link(self + "/" + g.id), "group": link(base + "/environments/" + g.envID + "/groups/" + g.id)},
			"id":     g.id, "name": g.name, "type": "DIRECT",
		}
	}
	switch {
	case len(rest) == 0 && r.Method == http.MethodGet:
		var out []any
		for _, g := range sortedBySeq(s.groups, func(g *group) (string, int64) { return g.envID, g.seq }, u.envID) {
			if u.groups[g.id] {
				out = append(out, member(g))
			}
		}
		writeHAL(w, http.StatusOK, collection(self, "groupMemberships", out))
	case len(rest) == 0 && r.Method == http.MethodPost:
		body, ok := readJSONBody(w, r, mtJSON)
		if !ok {
			return
		}
		g := s.groups[str(body, "id")]
		if g == nil || g.envID != u.envID {
			writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "id", Message: "Referenced group does not exist"})
			return
		}
		if u.groups == nil {
			u.groups = map[string]bool{}
		}
		u.groups[g.id] = true
		writeHAL(w, http.StatusCreated, member(g))
	case len(rest) == 1 && (r.Method == http.MethodGet || r.Method == http.MethodDelete):
		g := s.groups[rest[0]]
		if g == nil || !u.groups[g.id] {
			writeNotFound(w)
			return
		}
		if r.Method == http.MethodDelete {
			delete(u.groups, g.id)
			w.WriteHeader(http.StatusNoContent)
			return
		}
		writeHAL(w, http.StatusOK, member(g))
	case len(rest) <= 1:
		writeMethodNotAllowed(w)
	default:
		writeNotFound(w)
	}
}

// userFilter is the subset of PingOne's SCIM filter the tutorials use:
// `memberOfGroups[id eq "…"]`, `username eq "…"`, `email eq "…"`
// (optionally joined with `or`). ok is false for anything else, which
// PingOne answers with 400 INVALID_FILTER.
var filterTerm = regexp.MustCompile(`^\s*(memberOfGroups\[id eq "([^"]*)"\]|(username|email|id|population\.id) (eq|sw) "([^"]*)")\s*$`)

func (s *Server) userMatches(u *user, filter string) (bool, bool) {
	if strings.TrimSpace(filter) == "" {
		return true, true
	}
	any := false
	for _, term := range strings.Split(filter, " or ") {
		m := filterTerm.FindStringSubmatch(term)
		if m == nil {
			return false, false
		}
		if m[2] != "" || strings.HasPrefix(m[1], "memberOfGroups") {
			any = any || u.groups[m[2]]
			continue
		}
		var v string
		switch m[3] {
		case "username":
			v = u.username
		case "email":
			v = u.email
		case "id":
			v = u.id
		case "population.id":
			v = u.populationID
		}
		if m[4] == "eq" {
			any = any || strings.EqualFold(v, m[5])
		} else {
			any = any || strings.HasPrefix(strings.ToLower(v), strings.ToLower(m[5]))
		}
	}
	return any, true
}
