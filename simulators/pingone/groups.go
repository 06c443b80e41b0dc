package pingone

import (
	"net/http"
	"strings"
)

// groupTable lists, creates, replaces and deletes the environment's groups.
func (s *Server) groupTable(env *environment, base string) table[*group] {
	return table[*group]{
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
}

func (s *Server) groupsRoute(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	s.groupTable(env, base).serve(w, r, r.PathValue("groupID"))
}

// groupRoleAssignments serves a group's role assignments (roles.go).
func (s *Server) groupRoleAssignments(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	g, ok := s.groupTable(env, base).find(r.PathValue("groupID"))
	if !ok {
		writeNotFound(w)
		return
	}
	s.routeRoleAssignments(w, r, env, base, "groups", g.id, r.PathValue("roleAssignmentID"))
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

// routeMemberOf serves /users/{id}/memberOfGroups (id "": list, add) and
// /users/{id}/memberOfGroups/{groupID} (read, remove).
func (s *Server) routeMemberOf(w http.ResponseWriter, r *http.Request, u *user, base, id string) {
	self := base + "/environments/" + u.envID + "/users/" + u.id + "/memberOfGroups"
	member := func(g *group) map[string]any {
		return map[string]any{
			"_links": map[string]any{"self": link(self + "/" + g.id), "group": link(base + "/environments/" + g.envID + "/groups/" + g.id)},
			"id":     g.id, "name": g.name, "type": "DIRECT",
		}
	}
	switch {
	case id == "" && r.Method == http.MethodGet:
		var out []any
		for _, g := range sortedBySeq(s.groups, func(g *group) (string, int64) { return g.envID, g.seq }, u.envID) {
			if u.groups[g.id] {
				out = append(out, member(g))
			}
		}
		writeHAL(w, http.StatusOK, collection(self, "groupMemberships", out))
	case id == "":
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
	default:
		g := s.groups[id]
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
	}
}

// userFilter is the subset of PingOne's SCIM filter the tutorials use:
// `memberOfGroups[id eq "…"]`, `username eq "…"`, `email eq "…"`
// (optionally joined with `or`). ok is false for anything else, which
// PingOne answers with 400 INVALID_FILTER.
var filterTerm = newLazyRegexp(`^\s*(memberOfGroups\[id eq "([^"]*)"\]|(username|email|id|population\.id) (eq|sw) "([^"]*)")\s*$`)

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
