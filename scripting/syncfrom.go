package scripting

import "github.com/courier-run/courier/environments"

// syncVariablesFrom in Newman changes the script's copy of a scope only:
// postman-collection's VariableList#syncFromObject records no mutation, and
// postman-runtime carries a script's changes back as its mutations. So the
// script itself reads the synced values, but the request and later scripts
// see the scope as it was, with only the changes the script made with set,
// unset and clear (before or after the sync) applied. pm.variables is the
// exception: the runtime takes its local variables back whole, so a sync
// of them stays.
//
// courier changes the scope itself (the script reads through it), and puts
// it back when the script ends: as it was at the first sync, then each
// write the script made after it (syncedScope.writes), in order.

// syncedScope is one scope a script synced: its variables before the first
// sync and the writes that followed.
type syncedScope struct {
	name   string
	before []environments.Variable
	writes []syncWrite
}

// syncWrite is a set (the variable as stored) or an unset of key.
type syncWrite struct {
	key string
	v   environments.Variable
	set bool
}

// varSync is the bootstrap's native around a sync: begin notes the scope
// (its variables, the first time) and stops recording writes, which are
// the sync's own; the end records them again.
func (e *Engine) varSync(scope string, begin bool) {
	st := e.state()
	if !begin {
		st.syncing = false
		return
	}
	st.syncing = true
	// pm.variables' own (local) variables go back to the runtime whole,
	// not as mutations: a sync of them outlives the script.
	if scope == "variables" || st.syncedScope(scope) != nil {
		return
	}
	st.synced = append(st.synced, &syncedScope{name: scope, before: e.scope(scope).Variables()})
}

func (st *execState) syncedScope(name string) *syncedScope {
	for _, s := range st.synced {
		if s.name == name {
			return s
		}
	}
	return nil
}

// noteWrite records a set or unset of key in scope (already mapped from
// "variables") that the script made after syncing that scope.
func (e *Engine) noteWrite(scope, key string) {
	st := e.cur
	if st == nil || st.syncing || len(st.synced) == 0 {
		return
	}
	s := st.syncedScope(scope)
	if s == nil {
		return
	}
	v, ok := e.scope(scope).Lookup(key)
	s.writes = append(s.writes, syncWrite{key: key, v: v, set: ok})
}

// noteClear records a clear of scope as the unset of each of its keys,
// as postman-collection tracks it.
func (e *Engine) noteClear(scope string) {
	st := e.cur
	if st == nil || st.syncing {
		return
	}
	s := st.syncedScope(scope)
	if s == nil {
		return
	}
	for _, v := range e.scope(scope).Variables() {
		s.writes = append(s.writes, syncWrite{key: v.Key})
	}
}

// restoreSynced puts each synced scope back as Newman's run holds it once
// the script is over.
func (e *Engine) restoreSynced(st *execState) {
	for _, s := range st.synced {
		sc := e.scope(s.name)
		if sc == nil {
			continue
		}
		after := environments.NewScope(s.name, s.before)
		for _, w := range s.writes {
			if w.set {
				after.SetTyped(w.key, w.v.Value, w.v.Type)
			} else {
				after.Unset(w.key)
			}
		}
		sc.Replace(after.Variables())
	}
	st.synced = nil
}
