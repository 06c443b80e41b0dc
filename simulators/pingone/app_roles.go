package pingone

import (
	"net/http"
	"sort"
	"strings"
	"time"
)

// PingOne Authorize application permissions ("Create and Assign App
// Roles"): application resources hang off a custom resource, permissions
// (resource:action) off an application resource, application roles hold
// permissions and are assigned to users.

type appResource struct {
	id, envID, resourceID, name, description string
	createdAt, updatedAt                     time.Time
	seq                                      int64
}

type appPermission struct {
	id, envID, appResourceID, action, description string
	createdAt, updatedAt                          time.Time
	seq                                           int64
}

type appRole struct {
	id, envID, name, description string
	permissions                  []string // appPermission ids, in the order added
	createdAt, updatedAt         time.Time
	seq                          int64
}

type appRoleAssignment struct {
	id, envID, roleID, userID string
	createdAt                 time.Time
	seq                       int64
}

type appRoleState struct {
	resources   map[string]*appResource
	permissions map[string]*appPermission
	roles       map[string]*appRole
	assignments map[string]*appRoleAssignment
}

func (s *Server) appRoleState() *appRoleState {
	if s.appRoles == nil {
		s.appRoles = &appRoleState{resources: map[string]*appResource{}, permissions: map[string]*appPermission{},
			roles: map[string]*appRole{}, assignments: map[string]*appRoleAssignment{}}
	}
	return s.appRoles
}

// PingOne limits application role names to letters, numbers, spaces and a
// few punctuation marks; actions are single tokens.
var (
	appRoleNameRE = newLazyRegexp(`^[\p{L}\p{M}\p{N} /.'_-]+$`)
	appActionRE   = newLazyRegexp(`^[A-Za-z0-9_-]+$`)
)

// appRoleRoutes adds the PingOne Authorize routes: application resources
// (made under a custom resource), their permissions, application roles with
// their permissions and assignments, and a user's application roles.
func (s *Server) appRoleRoutes(add addRoute) {
	add("GET POST", "resources/{resourceID}/applicationResources", s.withResource(s.resourceAppResources))
	add("GET", "resources/{resourceID}/applicationResources/{applicationResourceID}", s.withResource(s.resourceAppResources))
	add("GET", "applicationResources", s.appResources)
	add("GET", "applicationResources/{applicationResourceID}", s.appResources)
	add("GET POST", "applicationResources/{applicationResourceID}/permissions", s.appResourcePermissions)
	add("GET DELETE", "applicationResources/{applicationResourceID}/permissions/{permissionID}", s.appResourcePermissions)
	add("GET POST", "applicationRoles", s.applicationRoles)
	add("GET DELETE", "applicationRoles/{applicationRoleID}", s.applicationRoles)
	add("GET POST", "applicationRoles/{applicationRoleID}/permissions", s.withAppRole(s.serveRolePermissions))
	add("GET", "applicationRoles/{applicationRoleID}/assignments", s.withAppRole(s.appRoleAssignments))
	user := s.withUser(func(w http.ResponseWriter, r *http.Request, env *environment, u *user, base string) {
		s.userAppRoleTable(s.appRoleState(), env, base, u).serve(w, r, r.PathValue("applicationRoleID"))
	})
	add("GET POST", "users/{userID}/applicationRoles", user)
	add("DELETE", "users/{userID}/applicationRoles/{applicationRoleID}", user)
}

func (s *Server) resourceAppResources(w http.ResponseWriter, r *http.Request, env *environment, res *resource, base string) {
	s.appResourceTable(s.appRoleState(), env, base, res).serve(w, r, r.PathValue("applicationResourceID"))
}

// appResources lists and reads application resources across the
// environment; they are created under their custom resource.
func (s *Server) appResources(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	s.appResourceTable(s.appRoleState(), env, base, nil).serve(w, r, r.PathValue("applicationResourceID"))
}

func (s *Server) appResourcePermissions(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	st := s.appRoleState()
	ar := st.resources[r.PathValue("applicationResourceID")]
	if ar == nil || ar.envID != env.id {
		writeNotFound(w)
		return
	}
	s.appPermissionTable(st, env, base, ar).serve(w, r, r.PathValue("permissionID"))
}

func (s *Server) applicationRoles(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	s.appRoleTable(s.appRoleState(), env, base).serve(w, r, r.PathValue("applicationRoleID"))
}

// withAppRole resolves {applicationRoleID} in the environment.
func (s *Server) withAppRole(h itemHandler[*appRole]) apiHandler {
	return inEnvironment("applicationRoleID", func(id string) *appRole { return s.appRoleState().roles[id] }, h)
}

// appRoleAssignments lists the users a role is assigned to.
func (s *Server) appRoleAssignments(w http.ResponseWriter, _ *http.Request, env *environment, role *appRole, base string) {
	st := s.appRoleState()
	var out []any
	for _, a := range st.assignmentsWhere(func(a *appRoleAssignment) bool { return a.roleID == role.id }) {
		out = append(out, s.appAssignmentJSON(a, base))
	}
	writeHAL(w, http.StatusOK, collection(base+"/environments/"+env.id+"/applicationRoles/"+role.id+"/assignments", "assignments", out))
}

// appResourceTable lists an environment's application resources, or
// those of one custom resource (which alone may create them).
func (s *Server) appResourceTable(st *appRoleState, env *environment, base string, res *resource) table[*appResource] {
	list := base + "/environments/" + env.id + "/applicationResources"
	if res != nil {
		list = base + "/environments/" + env.id + "/resources/" + res.id + "/applicationResources"
	}
	return table[*appResource]{
		name: "applicationResources", list: list, items: st.resources,
		owns: func(x *appResource) bool { return x.envID == env.id && (res == nil || x.resourceID == res.id) },
		seq:  func(x *appResource) int64 { return x.seq },
		json: func(x *appResource) map[string]any { return s.appResourceJSON(x, base) },
		create: func(body map[string]any) (*appResource, []detail) {
			name := str(body, "name")
			if strings.TrimSpace(name) == "" {
				return nil, []detail{{Code: "REQUIRED_VALUE", Target: "name", Message: "must not be blank"}}
			}
			if res.typ != "CUSTOM" {
				return nil, []detail{{Code: "INVALID_VALUE", Target: "resource", Message: "Application resources can be added only to custom resources"}}
			}
			for _, o := range st.resources {
				if o.envID == env.id && strings.EqualFold(o.name, name) {
					return nil, []detail{{Code: "UNIQUENESS_VIOLATION", Target: "name", Message: "An application resource with the specified name already exists"}}
				}
			}
			now := s.now()
			x := &appResource{id: newID(), envID: env.id, resourceID: res.id, name: name, description: str(body, "description"),
				createdAt: now, updatedAt: now, seq: s.next()}
			st.resources[x.id] = x
			return x, nil
		},
	}
}

func (s *Server) appPermissionTable(st *appRoleState, env *environment, base string, ar *appResource) table[*appPermission] {
	return table[*appPermission]{
		name: "permissions", list: base + "/environments/" + env.id + "/applicationResources/" + ar.id + "/permissions", items: st.permissions,
		owns: func(p *appPermission) bool { return p.appResourceID == ar.id },
		seq:  func(p *appPermission) int64 { return p.seq },
		json: func(p *appPermission) map[string]any { return s.appPermissionJSON(st, p, base) },
		create: func(body map[string]any) (*appPermission, []detail) {
			action := str(body, "action")
			if strings.TrimSpace(action) == "" {
				return nil, []detail{{Code: "REQUIRED_VALUE", Target: "action", Message: "must not be blank"}}
			}
			if !appActionRE.MatchString(action) {
				return nil, []detail{{Code: "INVALID_VALUE", Target: "action", Message: "may contain only letters, numbers, underscores and hyphens"}}
			}
			for _, o := range st.permissions {
				if o.appResourceID == ar.id && o.action == action {
					return nil, []detail{{Code: "UNIQUENESS_VIOLATION", Target: "action", Message: "A permission with the specified action already exists for this application resource"}}
				}
			}
			now := s.now()
			p := &appPermission{id: newID(), envID: env.id, appResourceID: ar.id, action: action, description: str(body, "description"),
				createdAt: now, updatedAt: now, seq: s.next()}
			st.permissions[p.id] = p
			return p, nil
		},
		remove: func(p *appPermission) {
			delete(st.permissions, p.id)
			for _, role := range st.roles {
				role.permissions = without(role.permissions, p.id)
			}
		},
	}
}

func (s *Server) appRoleTable(st *appRoleState, env *environment, base string) table[*appRole] {
	return table[*appRole]{
		name: "applicationRoles", list: base + "/environments/" + env.id + "/applicationRoles", items: st.roles,
		owns: func(x *appRole) bool { return x.envID == env.id },
		seq:  func(x *appRole) int64 { return x.seq },
		json: func(x *appRole) map[string]any { return s.appRoleJSON(x, base) },
		create: func(body map[string]any) (*appRole, []detail) {
			name := str(body, "name")
			switch {
			case strings.TrimSpace(name) == "":
				return nil, []detail{{Code: "REQUIRED_VALUE", Target: "name", Message: "must not be blank"}}
			case len([]rune(name)) > 20 || !appRoleNameRE.MatchString(name):
				return nil, []detail{{Code: "INVALID_VALUE", Target: "name",
					Message: "must be at most 20 letters, numbers, spaces, slashes, dots, apostrophes, underscores or hyphens"}}
			}
			for _, o := range st.roles {
				if o.envID == env.id && strings.EqualFold(o.name, name) {
					return nil, []detail{{Code: "UNIQUENESS_VIOLATION", Target: "name", Message: "An application role with the specified name already exists"}}
				}
			}
			now := s.now()
			x := &appRole{id: newID(), envID: env.id, name: name, description: str(body, "description"), createdAt: now, updatedAt: now, seq: s.next()}
			st.roles[x.id] = x
			return x, nil
		},
		remove: func(x *appRole) {
			delete(st.roles, x.id)
			for id, a := range st.assignments {
				if a.roleID == x.id {
					delete(st.assignments, id)
				}
			}
		},
	}
}

// serveRolePermissions lists a role's permissions and adds an existing
// one by id; PingOne answers the added permission.
func (s *Server) serveRolePermissions(w http.ResponseWriter, r *http.Request, env *environment, role *appRole, base string) {
	st := s.appRoleState()
	switch r.Method {
	case http.MethodGet:
		var out []any
		for _, id := range role.permissions {
			out = append(out, s.appPermissionJSON(st, st.permissions[id], base))
		}
		writeHAL(w, http.StatusOK, collection(base+"/environments/"+env.id+"/applicationRoles/"+role.id+"/permissions", "permissions", out))
	case http.MethodPost:
		body, ok := readJSONBody(w, r, mtJSON)
		if !ok {
			return
		}
		id := str(body, "id")
		p := st.permissions[id]
		switch {
		case id == "":
			writeInvalidData(w, detail{Code: "REQUIRED_VALUE", Target: "id", Message: "must not be blank"})
			return
		case p == nil || p.envID != env.id:
			writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "id", Message: "Referenced application permission does not exist"})
			return
		}
		for _, have := range role.permissions {
			if have == id {
				writeInvalidData(w, detail{Code: "UNIQUENESS_VIOLATION", Target: "id", Message: "The permission is already part of the role"})
				return
			}
		}
		role.permissions = append(role.permissions, id)
		role.updatedAt = s.now()
		writeHAL(w, http.StatusOK, s.appPermissionJSON(st, p, base))
	default:
		writeMethodNotAllowed(w)
	}
}

func (s *Server) userAppRoleTable(st *appRoleState, env *environment, base string, u *user) table[*appRoleAssignment] {
	return table[*appRoleAssignment]{
		name: "applicationRoles", list: base + "/environments/" + env.id + "/users/" + u.id + "/applicationRoles", items: st.assignments,
		owns: func(a *appRoleAssignment) bool { return a.userID == u.id },
		seq:  func(a *appRoleAssignment) int64 { return a.seq },
		json: func(a *appRoleAssignment) map[string]any { return s.appAssignmentJSON(a, base) },
		create: func(body map[string]any) (*appRoleAssignment, []detail) {
			id := str(body, "id")
			role := st.roles[id]
			switch {
			case id == "":
				return nil, []detail{{Code: "REQUIRED_VALUE", Target: "id", Message: "must not be blank"}}
			case role == nil || role.envID != env.id:
				return nil, []detail{{Code: "INVALID_VALUE", Target: "id", Message: "Referenced application role does not exist"}}
			}
			for _, a := range st.assignments {
				if a.userID == u.id && a.roleID == id {
					return nil, []detail{{Code: "UNIQUENESS_VIOLATION", Target: "id", Message: "The application role is already assigned to the user"}}
				}
			}
			a := &appRoleAssignment{id: newID(), envID: env.id, roleID: id, userID: u.id, createdAt: s.now(), seq: s.next()}
			st.assignments[a.id] = a
			return a, nil
		},
		remove: func(a *appRoleAssignment) { delete(st.assignments, a.id) },
	}
}

func (st *appRoleState) assignmentsWhere(keep func(*appRoleAssignment) bool) []*appRoleAssignment {
	var out []*appRoleAssignment
	for _, a := range st.assignments {
		if keep(a) {
			out = append(out, a)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].seq < out[j].seq })
	return out
}

func without(ids []string, drop string) []string {
	var out []string
	for _, id := range ids {
		if id != drop {
			out = append(out, id)
		}
	}
	return out
}

func (s *Server) appResourceJSON(x *appResource, base string) map[string]any {
	self := base + "/environments/" + x.envID + "/applicationResources/" + x.id
	return map[string]any{
		"_links": map[string]any{"self": link(self), "permissions": link(self + "/permissions")},
		"id":     x.id, "environment": ref(x.envID), "name": x.name, "description": x.description,
		"parent":    map[string]any{"type": "PING_ONE_RESOURCE", "id": x.resourceID},
		"createdAt": ts(x.createdAt), "updatedAt": ts(x.updatedAt),
	}
}

// appPermissionJSON names the permission resource:action, as PingOne
// puts it in tokens and lists.
func (s *Server) appPermissionJSON(st *appRoleState, p *appPermission, base string) map[string]any {
	ar := st.resources[p.appResourceID]
	return map[string]any{
		"_links": map[string]any{"self": link(base + "/environments/" + p.envID + "/applicationResources/" + p.appResourceID + "/permissions/" + p.id)},
		"id":     p.id, "environment": ref(p.envID), "action": p.action, "description": p.description,
		"key":       ar.name + ":" + p.action,
		"resource":  map[string]any{"id": ar.id, "name": ar.name},
		"createdAt": ts(p.createdAt), "updatedAt": ts(p.updatedAt),
	}
}

func (s *Server) appRoleJSON(x *appRole, base string) map[string]any {
	self := base + "/environments/" + x.envID + "/applicationRoles/" + x.id
	return map[string]any{
		"_links": map[string]any{"self": link(self), "permissions": link(self + "/permissions"), "assignments": link(self + "/assignments")},
		"id":     x.id, "environment": ref(x.envID), "name": x.name, "description": x.description,
		"createdAt": ts(x.createdAt), "updatedAt": ts(x.updatedAt),
	}
}

func (s *Server) appAssignmentJSON(a *appRoleAssignment, base string) map[string]any {
	return map[string]any{
		"_links": map[string]any{"self": link(base + "/environments/" + a.envID + "/users/" + a.userID + "/applicationRoles/" + a.id)},
		"id":     a.id, "environment": ref(a.envID), "role": ref(a.roleID), "subject": map[string]any{"id": a.userID, "type": "USER"},
		"createdAt": ts(a.createdAt),
	}
}

// userPermissions are the "resource:action" keys of the permissions the
// user holds through application roles on application resources of res:
// the p1.permissions claim of the user's tokens for res. Sorted, without
// duplicates (two roles may hold the same permission).
func (s *Server) userPermissions(res *resource, u *user) []string {
	if s.appRoles == nil {
		return nil
	}
	st := s.appRoles
	seen := map[string]bool{}
	var out []string
	for _, a := range st.assignmentsWhere(func(a *appRoleAssignment) bool { return a.userID == u.id }) {
		role := st.roles[a.roleID]
		if role == nil {
			continue
		}
		for _, id := range role.permissions {
			p := st.permissions[id]
			if p == nil {
				continue
			}
			ar := st.resources[p.appResourceID]
			if ar == nil || ar.resourceID != res.id {
				continue
			}
			key := ar.name + ":" + p.action
			if !seen[key] {
				seen[key] = true
				out = append(out, key)
			}
		}
	}
	sort.Strings(out)
	return out
}
