package pingone

import (
	"net/http"
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

// routePropagationRevisions serves /propagation/revisions: POST (an empty
// body) takes a new revision, GET lists them newest first, GET
// /revisions/{id} reads one. The caller holds s.mu.
func (s *Server) routePropagationRevisions(w http.ResponseWriter, r *http.Request, st *moreState, c *caller, env *environment, base string, rest []string) {
	list := base + "/environments/" + env.id + "/propagation/revisions"
	switch {
	case len(rest) == 0 && r.Method == http.MethodPost:
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
		writeHAL(w, http.StatusCreated, propRevisionJSON(rev, list))
	case len(rest) == 0 && r.Method == http.MethodGet:
		var out []any
		for i := len(st.revisions) - 1; i >= 0; i-- {
			if rev := st.revisions[i]; rev.envID == env.id {
				out = append(out, propRevisionJSON(rev, list))
			}
		}
		writeHAL(w, http.StatusOK, collection(list, "revisions", out))
	case len(rest) == 1 && r.Method == http.MethodGet:
		for i := len(st.revisions) - 1; i >= 0; i-- {
			// id:latest names the newest revision, as PingOne's API has it.
			if rev := st.revisions[i]; rev.envID == env.id && (rev.id == rest[0] || rest[0] == "id:latest") {
				writeHAL(w, http.StatusOK, propRevisionJSON(rev, list))
				return
			}
		}
		writeNotFound(w)
	case len(rest) <= 1:
		writeMethodNotAllowed(w)
	default:
		writeNotFound(w)
	}
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
