package pingone

import (
	"net/http"
	"sort"
)

// table is the list/create/read/delete plumbing shared by the management
// resources kept in Server's typed maps (the generic kinds of kinds.go
// have their own). A route with more than that (updates, sub-resources)
// uses the pieces it shares and keeps the rest itself.
type table[T any] struct {
	name  string // the _embedded key
	list  string // the collection's URL
	items map[string]T
	owns  func(T) bool  // the item belongs to the parent in the path
	seq   func(T) int64 // creation order, the listing order
	json  func(T) map[string]any
	// create validates a decoded body and stores the new item; details
	// are answered with 400 INVALID_DATA and nothing is stored.
	create func(body map[string]any) (T, []detail)
	// update, when set, allows PUT: it validates a decoded body and
	// replaces the item's fields; details are answered with 400.
	update func(v T, body map[string]any) []detail
	// remove, when set, allows DELETE; it drops what refers to the item.
	remove func(T)
	// keep, when set, may refuse a DELETE with details (answered 400).
	keep func(T) []detail
}

// all lists the parent's items in creation order.
func (t table[T]) all() []T {
	var out []T
	for _, v := range t.items {
		if t.owns(v) {
			out = append(out, v)
		}
	}
	sort.Slice(out, func(i, j int) bool { return t.seq(out[i]) < t.seq(out[j]) })
	return out
}

// find returns the parent's item with the id.
func (t table[T]) find(id string) (T, bool) {
	v, ok := t.items[id]
	if !ok || !t.owns(v) {
		var zero T
		return zero, false
	}
	return v, true
}

// serveRoot answers GET (list) and POST (create) on the collection URL.
func (t table[T]) serveRoot(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		var out []any
		for _, v := range t.all() {
			out = append(out, t.json(v))
		}
		writeHAL(w, http.StatusOK, collection(t.list, t.name, out))
	case http.MethodPost:
		body, ok := readJSONBody(w, r, mtJSON)
		if !ok {
			return
		}
		v, bad := t.create(body)
		if len(bad) > 0 {
			writeInvalidData(w, bad...)
			return
		}
		writeHAL(w, http.StatusCreated, t.json(v))
	default:
		writeMethodNotAllowed(w)
	}
}

func (t table[T]) allows(method string) bool {
	switch method {
	case http.MethodGet:
		return true
	case http.MethodPut:
		return t.update != nil
	case http.MethodDelete:
		return t.remove != nil
	}
	return false
}

// serveItem answers GET, PUT and DELETE on an item found.
func (t table[T]) serveItem(w http.ResponseWriter, r *http.Request, v T) {
	if !t.allows(r.Method) {
		writeMethodNotAllowed(w)
		return
	}
	switch r.Method {
	case http.MethodDelete:
		if t.keep != nil {
			if bad := t.keep(v); len(bad) > 0 {
				writeInvalidData(w, bad...)
				return
			}
		}
		t.remove(v)
		w.WriteHeader(http.StatusNoContent)
	case http.MethodPut:
		body, ok := readJSONBody(w, r, mtJSON)
		if !ok {
			return
		}
		if bad := t.update(v, body); len(bad) > 0 {
			writeInvalidData(w, bad...)
			return
		}
		writeHAL(w, http.StatusOK, t.json(v))
	default:
		writeHAL(w, http.StatusOK, t.json(v))
	}
}

// serve answers the collection (id "") or the item with the id the route
// named: an unknown item is 404, a method the resource lacks 405.
func (t table[T]) serve(w http.ResponseWriter, r *http.Request, id string) {
	switch {
	case id == "":
		t.serveRoot(w, r)
	case !t.allows(r.Method):
		writeMethodNotAllowed(w)
	default:
		v, ok := t.find(id)
		if !ok {
			writeNotFound(w)
			return
		}
		t.serveItem(w, r, v)
	}
}
