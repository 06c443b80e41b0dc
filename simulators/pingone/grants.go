package pingone

import (
	"net/http"
	"strings"
)

func (s *Server) routeGrants(w http.ResponseWriter, r *http.Request, env *environment, app *application, base, id string) {
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
	}.serve(w, r, id)
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
