package scripting

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/courier-run/courier/environments"
)

// Newman's sandbox hands a script copies of the environment, the globals
// and the collection variables, tracks the script's set, unset and clear
// as mutations, compacted by key (postman-collection's MutationTracker
// with autoCompact: an object keyed by the variable's name), and the
// runtime applies them to its own scopes in that object's key order when
// the script ends. So the script itself sees its changes in the order it
// made them, while the next script, the request and the exported files
// see: a variable that was there before the script in its old place, even
// when the script unset it and set it again; the variables the script
// created after those, array-index names ("0", "7", "10") first in
// numeric order, then the others in the order the script first touched
// them (an unset of a name not yet there counts). courier changes its
// scopes as the script runs, so it puts the variables in that order when
// the script ends (fresh-round11p-h.json, second case). pm.variables'
// local variables go back whole and keep the script's order.

// scopeMut is the first set or unset of key in scope during a script.
type scopeMut struct {
	scope   string
	key     string
	existed bool // the scope held key before (the script had not touched it)
	unset   bool // the first mutation was an unset
}

// mutState is a script's record of its first mutations and, for each
// scope one of whose variables it unset, the variables' keys before.
type mutState struct {
	muts  []scopeMut
	index map[[2]string]struct{} // scope and key of each mut, once there are many
	snaps map[string][]string
}

// trackedScope reports a scope postman-runtime takes back as mutations.
func trackedScope(scope string) bool {
	return scope == "environment" || scope == "globals" || scope == "collection"
}

// noteMut records a set (or an unset) of key in scope before it is made.
func (e *Engine) noteMut(scope, key string, unset bool) {
	st := e.cur
	if st == nil || st.syncing || !trackedScope(scope) {
		return
	}
	sc := e.scope(scope)
	_, existed := sc.Lookup(key)
	if unset && existed {
		e.snapScope(st, scope, sc)
	}
	m := &st.muts
	if m.seen(scope, key) {
		return
	}
	if m.muts == nil {
		m.muts = e.mutBuf[:0]
	}
	m.muts = append(m.muts, scopeMut{scope: scope, key: key, existed: existed, unset: unset})
	if m.index != nil {
		m.index[[2]string{scope, key}] = struct{}{}
	}
}

// noteClearMut records a clear of scope: an unset of each of its keys.
func (e *Engine) noteClearMut(scope string) {
	st := e.cur
	if st == nil || st.syncing || !trackedScope(scope) {
		return
	}
	sc := e.scope(scope)
	for _, v := range sc.Variables() {
		e.noteMut(scope, v.Key, true)
	}
}

// settleUnsets keeps, in Postman's current sandbox (v12 runs), each
// environment or globals variable the script unset (or cleared, or set
// and then unset) as a variable without a value: that runtime carries an
// unset back as a set to undefined, so later scripts find the name
// (has() is true, toObject() and toJSON() list it, get() is undefined, a
// collection variable of the same name stays hidden and {{name}} goes
// unresolved), where JSON runs remove it; collection variables are
// removed in both (fresh-round14v-f.json). The script itself saw the
// variable go. settleMutOrder then puts it back in its place.
func (e *Engine) settleUnsets(st *execState) {
	for _, x := range st.muts.muts {
		if x.scope != "environment" && x.scope != "globals" {
			continue
		}
		if sc := e.scope(x.scope); sc != nil {
			if _, ok := sc.Lookup(x.key); !ok {
				sc.SetTyped(x.key, "", environments.TypeUndefined)
			}
		}
	}
}

// seen reports a mutation of key in scope already recorded.
func (m *mutState) seen(scope, key string) bool {
	if m.index == nil && len(m.muts) > 16 {
		m.index = make(map[[2]string]struct{}, 2*len(m.muts))
		for _, x := range m.muts {
			m.index[[2]string{x.scope, x.key}] = struct{}{}
		}
	}
	if m.index != nil {
		_, ok := m.index[[2]string{scope, key}]
		return ok
	}
	for _, x := range m.muts {
		if x.scope == scope && x.key == key {
			return true
		}
	}
	return false
}

// snapScope keeps scope's keys as they were before its first unset.
func (e *Engine) snapScope(st *execState, scope string, sc *environments.Scope) {
	if _, ok := st.muts.snaps[scope]; ok {
		return
	}
	if st.muts.snaps == nil {
		st.muts.snaps = map[string][]string{}
	}
	vars := sc.Variables()
	keys := make([]string, len(vars))
	for i, v := range vars {
		keys[i] = v.Key
	}
	st.muts.snaps[scope] = keys
}

// settleMutOrder puts the variables of each scope the script changed in
// the order Newman's runtime leaves them.
func (e *Engine) settleMutOrder(st *execState) {
	m := &st.muts
	if len(m.muts) == 0 {
		return
	}
	for _, scope := range [...]string{"environment", "globals", "collection"} {
		if st.syncedScope(scope) == nil {
			e.orderScope(scope, m)
		}
	}
	e.mutBuf = m.muts[:0]
	*m = mutState{}
}

// orderScope reorders one scope's variables (see the top of the file);
// it leaves the scope alone when the order would not change.
func (e *Engine) orderScope(scope string, m *mutState) {
	snap, snapped := m.snaps[scope]
	if !snapped && !newOutOfOrder(scope, m) {
		return
	}
	// int64: the ranks pass 32 bits (array indexes go up to 2^32-2), and
	// courier builds for 32-bit platforms too.
	rank := map[string]int64{}
	for i, x := range m.muts {
		if x.scope != scope || x.existed {
			continue
		}
		if n, ok := arrayIndex(x.key); ok {
			rank[x.key] = 1<<40 + n
		} else {
			rank[x.key] = 1<<41 + int64(i)
		}
	}
	old := map[string]int64{}
	for i, k := range snap {
		if _, seen := old[k]; !seen {
			old[k] = int64(i)
		}
	}
	sc := e.scope(scope)
	vars := sc.Variables()
	at := func(v environments.Variable, i int) int64 {
		if r, ok := rank[v.Key]; ok {
			return r
		}
		if r, ok := old[v.Key]; ok {
			return r
		}
		return int64(i) // not in the snapshot: never moved
	}
	type ranked struct {
		v    environments.Variable
		rank int64
	}
	rs := make([]ranked, len(vars))
	for i, v := range vars {
		rs[i] = ranked{v, at(v, i)}
	}
	slices.SortStableFunc(rs, func(a, b ranked) int { return cmp.Compare(a.rank, b.rank) })
	for i := range rs {
		vars[i] = rs[i].v
	}
	sc.Replace(vars)
}

// newOutOfOrder reports that the variables the script created in scope
// may stand otherwise in the runtime than in the order of creation: two
// or more, one of them named as an array index, or first unset (the
// scope made it after the others it created meanwhile, the runtime
// before).
func newOutOfOrder(scope string, m *mutState) bool {
	n, odd := 0, false
	for _, x := range m.muts {
		if x.scope != scope || x.existed {
			continue
		}
		n++
		if _, ok := arrayIndex(x.key); ok || x.unset {
			odd = true
		}
	}
	return n >= 2 && odd
}

// arrayIndex reports a name JavaScript orders as an array index ("0",
// "7", "10"; not "07" or "-1") and its number.
func arrayIndex(key string) (int64, bool) {
	if key == "" || len(key) > 10 || key[0] == '0' && len(key) > 1 {
		return 0, false
	}
	for i := 0; i < len(key); i++ {
		if key[i] < '0' || key[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseUint(key, 10, 64)
	if err != nil || n >= 1<<32-1 {
		return 0, false
	}
	return int64(n), true
}
