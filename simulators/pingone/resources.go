package pingone

import (
	"net/http"
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

// resourceRoutes adds the resources area: custom resources, their
// scopes, attributes (resource_attributes.go), secret and application
// permissions (resource_secrets.go).
func (s *Server) resourceRoutes(add addRoute) {
	add("GET POST", "resources", s.resourcesCollection)
	x := s.withResource
	add("GET PUT DELETE", "resources/{resourceID}", x(s.resourceItem))
	add("GET POST", "resources/{resourceID}/secret", x(s.resourceSecret))
	add("GET", "resources/{resourceID}/applicationPermissions", x(s.resourceAppPermissions))
	add("GET POST", "resources/{resourceID}/scopes", x(s.resourceScopesRoute))
	add("GET", "resources/{resourceID}/scopes/{scopeID}", x(s.readScope))
	add("GET POST", "resources/{resourceID}/attributes", x(s.resourceAttributes))
	add("GET PUT DELETE", "resources/{resourceID}/attributes/{attributeID}", x(s.resourceAttribute))
}

// withResource resolves {resourceID} in the environment.
func (s *Server) withResource(h itemHandler[*resource]) apiHandler {
	return inEnvironment("resourceID", func(id string) *resource { return s.resources[id] }, h)
}

func (s *Server) resourcesCollection(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	table[*resource]{
		name: "resources", list: base + "/environments/" + env.id + "/resources", items: s.resources,
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
	}.serveRoot(w, r)
}

func (s *Server) resourceItem(w http.ResponseWriter, r *http.Request, env *environment, res *resource, base string) {
	if r.Method == http.MethodGet {
		writeHAL(w, http.StatusOK, s.resourceJSON(res, base))
		return
	}
	s.changeResource(w, r, env, res, base) // resource_secrets.go
}

func (s *Server) resourceScopesRoute(w http.ResponseWriter, r *http.Request, env *environment, res *resource, base string) {
	if r.Method == http.MethodPost {
		s.createScope(w, r, env, res, base)
		return
	}
	var out []any
	for _, sc := range s.resourceScopes(res.id) {
		out = append(out, s.scopeJSON(sc, base))
	}
	writeHAL(w, http.StatusOK, collection(base+"/environments/"+env.id+"/resources/"+res.id+"/scopes", "scopes", out))
}

func (s *Server) createScope(w http.ResponseWriter, r *http.Request, env *environment, res *resource, base string) {
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
}

func (s *Server) readScope(w http.ResponseWriter, r *http.Request, _ *environment, res *resource, base string) {
	sc := s.scopes[r.PathValue("scopeID")]
	if sc == nil || sc.resourceID != res.id {
		writeNotFound(w)
		return
	}
	writeHAL(w, http.StatusOK, s.scopeJSON(sc, base))
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
