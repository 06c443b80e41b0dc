package pingone

import (
	"net/http"
	"strings"
	"time"
)

// propRevision is a propagation configuration revision: PingOne's
// point-in-time snapshot of an environment's plans, stores, rules and
// mappings, which the admin console shows. Its data model is only ids and
// times.
type propRevision struct {
	id, envID, createdBy, previous string
	createdAt                      time.Time
}

// createRevision takes a new revision (POST, an empty body), pointing at
// the one before it. The caller holds s.mu.
func (s *Server) createRevision(w http.ResponseWriter, _ *http.Request, c *caller, env *environment, base string) {
	st := s.more()
	rev := &propRevision{id: newID(), envID: env.id, createdAt: s.now()}
	if c != nil && c.app != nil {
		rev.createdBy = c.app.id
	}
	for _, old := range st.revisions {
		if old.envID == env.id {
			rev.previous = old.id
		}
	}
	st.revisions = append(st.revisions, rev)
	writeHAL(w, http.StatusCreated, propRevisionJSON(rev, base+"/environments/"+env.id+"/propagation/revisions"))
}

// readRevision reads one revision; id:latest names the newest, as
// PingOne's API has it.
func (s *Server) readRevision(w http.ResponseWriter, r *http.Request, _ *caller, env *environment, base string) {
	st := s.more()
	id := r.PathValue("revisionID")
	if strings.HasSuffix(r.URL.Path, "/id:latest") {
		id = "id:latest"
	}
	for i := len(st.revisions) - 1; i >= 0; i-- {
		if rev := st.revisions[i]; rev.envID == env.id && (rev.id == id || id == "id:latest") {
			writeHAL(w, http.StatusOK, propRevisionJSON(rev, base+"/environments/"+env.id+"/propagation/revisions"))
			return
		}
	}
	writeNotFound(w)
}

func propRevisionJSON(rev *propRevision, list string) map[string]any {
	out := map[string]any{
		"_links":      map[string]any{"self": link(list + "/" + rev.id)},
		"id":          rev.id,
		"environment": ref(rev.envID),
		"createdAt":   ts(rev.createdAt),
	}
	if rev.createdBy != "" {
		out["createdBy"] = rev.createdBy
	}
	if rev.previous != "" {
		out["previousRevision"] = ref(rev.previous)
		out["_links"].(map[string]any)["previousRevision"] = link(list + "/" + rev.previous)
	}
	return out
}
