package pingone

import (
	"net/http"
	"time"
)

type role struct {
	id, name, description string
	applicableTo          []string
	permissions           []string
}

// builtinRoles are PingOne's built-in admin roles (GET {{apiPath}}/roles).
// The ids are fixed per server so that collections can find them by name.
func builtinRoles() []*role {
	mk := func(name, desc string, to []string, perms ...string) *role {
		return &role{id: newID(), name: name, description: desc, applicableTo: to, permissions: perms}
	}
	return []*role{
		mk("Organization Admin", "Manages the organization and its environments", []string{"ORGANIZATION"},
			"orgmgt:read:organization", "orgmgt:update:organization", "orgmgt:create:environment", "orgmgt:delete:environment"),
		mk("Environment Admin", "Manages the configuration of environments", []string{"ORGANIZATION", "ENVIRONMENT"},
			"orgmgt:read:environment", "orgmgt:update:environment", "mgmt:create:application", "mgmt:read:application", "mgmt:update:application"),
		mk("Identity Data Admin", "Manages users, groups and populations", []string{"ENVIRONMENT", "POPULATION"},
			"identity:read:user", "identity:create:user", "identity:update:user", "identity:delete:user"),
		mk("Client Application Developer", "Manages applications", []string{"ENVIRONMENT"},
			"mgmt:read:application", "mgmt:create:application", "mgmt:update:application"),
		mk("Identity Data Read Only", "Reads users, groups and populations", []string{"ENVIRONMENT", "POPULATION"},
			"identity:read:user", "identity:read:group", "identity:read:population"),
		mk("Configuration Read Only", "Reads the configuration of environments", []string{"ENVIRONMENT"},
			"orgmgt:read:environment", "mgmt:read:application"),
	}
}

func (s *Server) roleJSON(rl *role, base string) map[string]any {
	perms := []any{}
	for _, p := range rl.permissions {
		perms = append(perms, map[string]any{"id": p})
	}
	return map[string]any{
		"_links":       map[string]any{"self": link(base + "/roles/" + rl.id)},
		"id":           rl.id,
		"name":         rl.name,
		"description":  rl.description,
		"applicableTo": rl.applicableTo,
		"permissions":  perms,
	}
}

// serveRoles handles GET {{apiPath}}/roles (id "") and /roles/{roleID}.
func (s *Server) serveRoles(w http.ResponseWriter, _ *http.Request, base, id string) {
	if id != "" {
		for _, rl := range s.roles {
			if rl.id == id {
				writeHAL(w, http.StatusOK, s.roleJSON(rl, base))
				return
			}
		}
		writeNotFound(w)
		return
	}
	var out []any
	for _, rl := range s.roles {
		out = append(out, s.roleJSON(rl, base))
	}
	writeHAL(w, http.StatusOK, collection(base+"/roles", "roles", out))
}

type roleAssignment struct {
	id, envID, actorID, actorType string // actorType: "users" or "applications"
	roleID, scopeID, scopeType    string
	createdAt                     time.Time
	seq                           int64
}

// routeRoleAssignments serves {users|applications}/{id}/roleAssignments.
func (s *Server) routeRoleAssignments(w http.ResponseWriter, r *http.Request, env *environment, base, actorType, actorID, id string) {
	list := base + "/environments/" + env.id + "/" + actorType + "/" + actorID + "/roleAssignments"
	render := func(a *roleAssignment) map[string]any {
		return map[string]any{
			"_links": map[string]any{"self": link(list + "/" + a.id), "environment": link(base + "/environments/" + env.id),
				"role": link(base + "/roles/" + a.roleID)},
			"id": a.id, "environment": ref(env.id), "role": ref(a.roleID),
			"scope": map[string]any{"id": a.scopeID, "type": a.scopeType}, "readOnly": false, "createdAt": ts(a.createdAt),
		}
	}
	var t table[*roleAssignment]
	t = table[*roleAssignment]{
		name: "roleAssignments", list: list, items: s.roleAssignments,
		owns: func(a *roleAssignment) bool { return a.actorID == actorID },
		seq:  func(a *roleAssignment) int64 { return a.seq },
		json: render,
		create: func(body map[string]any) (*roleAssignment, []detail) {
			var rl *role
			for _, x := range s.roles {
				if x.id == str(obj(body, "role"), "id") {
					rl = x
				}
			}
			scope := obj(body, "scope")
			scopeID, scopeType := str(scope, "id"), str(scope, "type")
			var bad []detail
			if rl == nil {
				bad = append(bad, detail{Code: "INVALID_VALUE", Target: "role.id", Message: "Referenced role does not exist"})
			} else {
				applies := false
				for _, typ := range rl.applicableTo {
					applies = applies || typ == scopeType
				}
				if !applies {
					bad = append(bad, detail{Code: "INVALID_VALUE", Target: "scope.type", Message: "The role " + rl.name + " cannot be assigned with scope type " + strconvQuote(scopeType)})
				}
			}
			switch scopeType {
			case "ORGANIZATION":
				if scopeID != s.creds.OrgID {
					bad = append(bad, detail{Code: "INVALID_VALUE", Target: "scope.id", Message: "Referenced organization does not exist"})
				}
			case "ENVIRONMENT":
				if s.envs[scopeID] == nil {
					bad = append(bad, detail{Code: "INVALID_VALUE", Target: "scope.id", Message: "Referenced environment does not exist"})
				}
			case "POPULATION":
				if s.populations[scopeID] == nil {
					bad = append(bad, detail{Code: "INVALID_VALUE", Target: "scope.id", Message: "Referenced population does not exist"})
				}
			case "":
				bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: "scope.type", Message: "must not be null"})
			}
			for _, a := range t.all() {
				if rl != nil && a.roleID == rl.id && a.scopeID == scopeID {
					bad = append(bad, detail{Code: "UNIQUENESS_VIOLATION", Target: "role.id", Message: "The role is already assigned with this scope"})
				}
			}
			if len(bad) > 0 {
				return nil, bad
			}
			a := &roleAssignment{id: newID(), envID: env.id, actorID: actorID, actorType: actorType, roleID: rl.id,
				scopeID: scopeID, scopeType: scopeType, createdAt: s.now(), seq: s.next()}
			s.roleAssignments[a.id] = a
			return a, nil
		},
		remove: func(a *roleAssignment) { delete(s.roleAssignments, a.id) },
	}
	t.serve(w, r, id)
}
