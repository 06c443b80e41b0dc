package pingone

import (
	"net/http"
	"sort"
)

// What PingOne's API models on a resource beyond its scopes: replace and
// delete of a custom resource, its client secret (a resource server's
// credential for token introspection) and the application permissions
// defined under it.

// changeResource answers PUT and DELETE on a resource. PingOne's own
// resources (openid, the PingOne API) are not the administrator's to change.
func (s *Server) changeResource(w http.ResponseWriter, r *http.Request, env *environment, res *resource, base string) {
	if res.typ != "CUSTOM" {
		writeInvalidData(w, detail{Code: "INVALID_VALUE", Target: "type", Message: "Only custom resources can be changed"})
		return
	}
	if r.Method == http.MethodDelete {
		delete(s.resources, res.id)
		for _, sc := range s.resourceScopes(res.id) {
			delete(s.scopes, sc.id)
		}
		w.WriteHeader(http.StatusNoContent)
		return
	}
	body, ok := readJSONBody(w, r, mtJSON)
	if !ok {
		return
	}
	upd, bad := s.resourceFromBody(env, body, res)
	if len(bad) > 0 {
		writeInvalidData(w, bad...)
		return
	}
	res.name, res.description, res.audience, res.ttl, res.permissionsClaim = upd.name, upd.description, upd.audience, upd.ttl, upd.permissionsClaim
	res.updatedAt = s.now()
	writeHAL(w, http.StatusOK, s.resourceJSON(res, base))
}

// resourceAppPermissions lists the application permissions defined under
// a resource (app_roles.go).
func (s *Server) resourceAppPermissions(w http.ResponseWriter, _ *http.Request, _ *environment, res *resource, base string) {
	st := s.appRoleState()
	var perms []*appPermission
	for _, p := range st.permissions {
		if ar := st.resources[p.appResourceID]; ar != nil && ar.resourceID == res.id {
			perms = append(perms, p)
		}
	}
	sort.Slice(perms, func(i, j int) bool { return perms[i].seq < perms[j].seq })
	var out []any
	for _, p := range perms {
		j := s.appPermissionJSON(st, p, base)
		j["resourceServer"] = map[string]any{"id": res.id, "environment": ref(res.envID)}
		out = append(out, j)
	}
	writeHAL(w, http.StatusOK, collection(base+"/environments/"+res.envID+"/resources/"+res.id+"/applicationPermissions", "permissions", out))
}

// resourceSecret reads a custom resource's secret (GET; made on first
// read) or makes a new one (POST).
func (s *Server) resourceSecret(w http.ResponseWriter, r *http.Request, _ *environment, res *resource, base string) {
	self := base + "/environments/" + res.envID + "/resources/" + res.id + "/secret"
	if res.typ != "CUSTOM" {
		writeNotFound(w) // only custom resources introspect tokens
		return
	}
	if res.secret == "" || r.Method == http.MethodPost {
		res.secret = newSecret()
		res.updatedAt = s.now()
	}
	writeHAL(w, http.StatusOK, map[string]any{
		"_links":      map[string]any{"self": link(self), "resource": link(base + "/environments/" + res.envID + "/resources/" + res.id)},
		"environment": ref(res.envID), "secret": res.secret,
	})
}
