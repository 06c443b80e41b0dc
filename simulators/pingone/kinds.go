package pingone

import (
	"net/http"
	"sort"
	"strings"
	"time"
)

// The generic resource model: most management resources the workflow
// library uses beyond users, applications and sign-on policies (password
// policies, identity providers, gateways, identity propagation, notification
// templates, risk policy sets, attribute mappings, flow policy assignments,
// key rotation and notification policies...) are records of a kind: a kind
// says how its bodies are validated, defaulted, hidden and linked, and
// crud serves them all the same way. The records live in the server's
// moreState, guarded by s.mu like the rest of the server.

// rec is one stored management resource of the generic kinds: PingOne
// echoes what it stored, so the body is kept as sent (minus write-only
// fields on output) with the server-assigned fields beside it.
type rec struct {
	id, envID, kind, parent string
	self                    string // path below base, e.g. /environments/{env}/gateways/{id}
	body                    map[string]any
	createdAt, updatedAt    time.Time
	seq                     int64
}

type moreState struct {
	recs       map[string]*rec
	seeded     map[string]bool // environments whose defaults exist
	activities []*activity
	keys       map[string]*keyRec
	certs      map[string]*certRec
	images     map[string]*imageRec
	assets     map[string]*assetRec // by download token
	evals      map[string]*rec
	revisions  []*propRevision // propagation_revisions.go, oldest first
}

// more returns the server's extra state, creating it on first use. The
// caller holds s.mu.
func (s *Server) more() *moreState {
	if s.moreSt == nil {
		s.moreSt = &moreState{recs: map[string]*rec{}, seeded: map[string]bool{}, keys: map[string]*keyRec{},
			certs: map[string]*certRec{}, images: map[string]*imageRec{}, assets: map[string]*assetRec{}, evals: map[string]*rec{}}
	}
	return s.moreSt
}

// kind describes one generic resource: how it is validated, which fields
// never leave the server and what else it links to.
type kind struct {
	name   string // path segment and _embedded key
	rtype  string // audit resource type
	unique string // body field unique within the parent, "" for none
	// parentRef is the property naming the parent ({"id": parent}), which
	// PingOne's SDK uses to tell apart variants that share a list
	// (application, identity provider and resource attributes).
	parentRef string
	// createStatus answers a create when PingOne's specification declares
	// 200 rather than 201.
	createStatus int
	// bodyless creates take no request body (PingOne makes the resource).
	bodyless bool
	// validate checks a create (old == nil) or update body.
	validate func(s *Server, st *moreState, env *environment, parent string, body map[string]any, old *rec) []detail
	// prepare fills defaults before storing.
	prepare func(body map[string]any)
	// writeOnly fields are accepted but never returned (secrets); a dotted
	// name ("configuration.password") reaches into a nested object.
	writeOnly []string
	// hide names more write-only fields that depend on the body (a
	// propagation store's secrets depend on its type).
	hide func(body map[string]any) []string
	// update is the method that replaces ("PUT") or merges ("PATCH").
	update string
	// canDelete vetoes a delete with a validation detail.
	canDelete func(st *moreState, x *rec) *detail
	// afterWrite runs after a create or update (e.g. to move "default").
	afterWrite func(st *moreState, x *rec)
	// onDelete removes dependents.
	onDelete func(st *moreState, x *rec)
}

func (st *moreState) get(id, kindName, envID string) *rec {
	x := st.recs[id]
	if x == nil || x.kind != kindName || x.envID != envID {
		return nil
	}
	return x
}

func (st *moreState) list(kindName, envID, parent string) []*rec {
	var out []*rec
	for _, x := range st.recs {
		if x.kind == kindName && x.envID == envID && (parent == "" || x.parent == parent) {
			out = append(out, x)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].seq < out[j].seq })
	return out
}

// add stores a new record; the caller holds s.mu.
func (s *Server) add(st *moreState, k *kind, envID, parent, listPath string, body map[string]any) *rec {
	now := s.now()
	x := &rec{id: newID(), envID: envID, kind: k.name, parent: parent, body: body, createdAt: now, updatedAt: now, seq: s.next()}
	x.self = listPath + "/" + x.id
	st.recs[x.id] = x
	return x
}

// crud serves a generic kind below parent: the collection at listPath
// (id "": list, create) or the record the route named (read, update,
// delete).
func (s *Server) crud(w http.ResponseWriter, r *http.Request, st *moreState, env *environment, base string, k *kind, parent, listPath, id string) {
	if id != "" {
		x := st.get(id, k.name, env.id)
		if x == nil || (parent != "" && x.parent != parent) {
			writeNotFound(w)
			return
		}
		s.item(w, r, st, env, base, k, x)
		return
	}
	if r.Method == http.MethodPost {
		s.create(w, r, st, env, base, k, parent, listPath)
		return
	}
	var out []any
	for _, x := range st.list(k.name, env.id, parent) {
		out = append(out, s.recJSON(x, k, base))
	}
	writeHAL(w, http.StatusOK, collection(base+listPath, k.name, out))
}

// create is the generic kinds' shape of a create: decode, check, fill
// defaults, store, answer.
func (s *Server) create(w http.ResponseWriter, r *http.Request, st *moreState, env *environment, base string, k *kind, parent, listPath string) {
	body := map[string]any{}
	if !k.bodyless {
		var ok bool
		if body, ok = readJSONBody(w, r, mtJSON); !ok {
			return
		}
	}
	if bad := s.check(st, k, env, parent, body, nil); len(bad) > 0 {
		writeInvalidData(w, bad...)
		return
	}
	if k.prepare != nil {
		k.prepare(body)
	}
	k.hashSecretFields(body, nil) // write_only.go
	x := s.add(st, k, env.id, parent, listPath, body)
	if k.afterWrite != nil {
		k.afterWrite(st, x)
	}
	status := http.StatusCreated
	if k.createStatus != 0 {
		status = k.createStatus
	}
	writeHAL(w, status, s.recJSON(x, k, base))
}

// item serves GET, the update method and DELETE of one record.
func (s *Server) item(w http.ResponseWriter, r *http.Request, st *moreState, env *environment, base string, k *kind, x *rec) {
	switch r.Method {
	case http.MethodGet:
		writeHAL(w, http.StatusOK, s.recJSON(x, k, base))
	case http.MethodPut, http.MethodPatch:
		if r.Method != orDefault(k.update, http.MethodPut) {
			writeMethodNotAllowed(w)
			return
		}
		body, ok := readJSONBody(w, r, mtJSON)
		if !ok {
			return
		}
		if r.Method == http.MethodPatch {
			merged := map[string]any{}
			for key, v := range x.body {
				merged[key] = v
			}
			for key, v := range body {
				merged[key] = v
			}
			body = merged
		}
		if bad := s.check(st, k, env, x.parent, body, x); len(bad) > 0 {
			writeInvalidData(w, bad...)
			return
		}
		if k.prepare != nil {
			k.prepare(body)
		}
		k.hashSecretFields(body, x.body) // write_only.go
		x.body = body
		x.updatedAt = s.now()
		if k.afterWrite != nil {
			k.afterWrite(st, x)
		}
		writeHAL(w, http.StatusOK, s.recJSON(x, k, base))
	case http.MethodDelete:
		if k.canDelete != nil {
			if d := k.canDelete(st, x); d != nil {
				writeInvalidData(w, *d)
				return
			}
		}
		delete(st.recs, x.id)
		if k.onDelete != nil {
			k.onDelete(st, x)
		}
		w.WriteHeader(http.StatusNoContent)
	default:
		writeMethodNotAllowed(w)
	}
}

// check runs the uniqueness rule and the kind's validation.
func (s *Server) check(st *moreState, k *kind, env *environment, parent string, body map[string]any, old *rec) []detail {
	var bad []detail
	if k.validate != nil {
		bad = k.validate(s, st, env, parent, body, old)
	}
	if k.unique != "" {
		if v := str(body, k.unique); v != "" {
			for _, o := range st.list(k.name, env.id, parent) {
				if (old == nil || o.id != old.id) && strings.EqualFold(str(o.body, k.unique), v) {
					bad = append(bad, detail{Code: "UNIQUENESS_VIOLATION", Target: k.unique, Message: "A resource with the specified " + k.unique + " already exists"})
				}
			}
		}
	}
	return bad
}

func (s *Server) recJSON(x *rec, k *kind, base string) map[string]any {
	out := map[string]any{}
	for key, v := range x.body {
		out[key] = v
	}
	for _, f := range k.writeOnly {
		dropPath(out, f)
	}
	if k.hide != nil {
		for _, f := range k.hide(x.body) {
			dropPath(out, f)
		}
	}
	out["_links"] = map[string]any{
		"self":        link(base + x.self),
		"environment": link(base + "/environments/" + x.envID),
	}
	out["id"] = x.id
	out["environment"] = ref(x.envID)
	if k.parentRef != "" && x.parent != "" {
		out[k.parentRef] = ref(x.parent)
	}
	out["createdAt"] = ts(x.createdAt)
	out["updatedAt"] = ts(x.updatedAt)
	return out
}

// dropPath deletes a dotted field from out, copying the nested objects on
// the way so that the stored body keeps it.
func dropPath(out map[string]any, path string) {
	parts := strings.Split(path, ".")
	cur := out
	for _, part := range parts[:len(parts)-1] {
		next, ok := cur[part].(map[string]any)
		if !ok {
			return
		}
		cp := make(map[string]any, len(next))
		for k, v := range next {
			cp[k] = v
		}
		cur[part] = cp
		cur = cp
	}
	delete(cur, parts[len(parts)-1])
}

func required(body map[string]any, fields ...string) []detail {
	var bad []detail
	for _, f := range fields {
		v, ok := lookup(body, f)
		blank := !ok || v == nil
		if s, isStr := v.(string); isStr && strings.TrimSpace(s) == "" {
			blank = true
		}
		if a, isArr := v.([]any); isArr && len(a) == 0 {
			blank = true
		}
		if blank {
			bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: f, Message: "must not be blank"})
		}
	}
	return bad
}

func requiredBools(body map[string]any, fields ...string) []detail {
	var bad []detail
	for _, f := range fields {
		if _, ok := body[f].(bool); !ok {
			bad = append(bad, detail{Code: "REQUIRED_VALUE", Target: f, Message: "must not be null"})
		}
	}
	return bad
}

func oneOf(body map[string]any, field string, allowed ...string) []detail {
	v, present := lookup(body, field)
	if !present {
		return nil
	}
	s, _ := v.(string)
	for _, a := range allowed {
		if s == a {
			return nil
		}
	}
	return []detail{{Code: "INVALID_VALUE", Target: field, Message: "must be one of [" + strings.Join(allowed, ", ") + "]"}}
}

// lookup reads a dotted path ("plan.id") from a JSON object.
func lookup(body map[string]any, path string) (any, bool) {
	var cur any = body
	for _, part := range strings.Split(path, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		cur, ok = m[part]
		if !ok {
			return nil, false
		}
	}
	return cur, true
}

func refExists(st *moreState, body map[string]any, field, kindName, envID, what string) []detail {
	v, _ := lookup(body, field)
	id, _ := v.(string)
	if id == "" {
		return []detail{{Code: "REQUIRED_VALUE", Target: field, Message: "must not be blank"}}
	}
	if st.get(id, kindName, envID) == nil {
		return []detail{{Code: "INVALID_VALUE", Target: field, Message: "Referenced " + what + " does not exist"}}
	}
	return nil
}

// moveDefault clears "default" on the other records of the kind when x
// became the default: PingOne keeps one default per environment.
func moveDefault(st *moreState, x *rec) {
	if x.body["default"] != true {
		return
	}
	for _, o := range st.list(x.kind, x.envID, "") {
		if o.id != x.id && o.body["default"] == true {
			o.body["default"] = false
		}
	}
}

func notDefault(what string) func(st *moreState, x *rec) *detail {
	return func(st *moreState, x *rec) *detail {
		if x.body["default"] == true {
			return &detail{Code: "INVALID_VALUE", Target: "default", Message: "The default " + what + " cannot be deleted"}
		}
		return nil
	}
}
