package environments

import (
	"github.com/courier-run/courier/collections"
)

// RunState carries one scope's current values through a run:
//
//	rs, err := store.BeginRun(FileIdentity(envFile))  // before the run
//	env := NewScope("environment", rs.Merge(envFile.Values))
//	env.Set(...)                                        // --env-var, --local-echo…
//	rs.Snapshot(env.Variables())                        // what the run starts from
//	... run ...
//	dropped, err := rs.Finish(env.Variables(), isSecret, isSecretName) // unless --no-persist
//
// Finish saves only what the run itself changed, merged into the store file
// under its lock, so command-line overrides are never persisted and two runs
// changing different keys both keep their changes.
type RunState struct {
	Store    *Store
	Identity Identity
	Current  *Current
	before   []Variable
}

// BeginRun loads id's current values.
func (s *Store) BeginRun(id Identity) (*RunState, error) {
	cur, err := s.LoadIdentity(id)
	if err != nil {
		return nil, err
	}
	return &RunState{Store: s, Identity: id, Current: cur}, nil
}

// Merge applies the current values to the initial variables (see
// MergeVariables) and takes the snapshot Finish diffs against; call
// Snapshot again after applying command-line overrides.
func (rs *RunState) Merge(initial []Variable) []Variable {
	vars := MergeVariables(initial, rs.Current)
	rs.before = append([]Variable(nil), vars...)
	return vars
}

// Snapshot records the variables the run starts with.
func (rs *RunState) Snapshot(vars []Variable) { rs.before = append([]Variable(nil), vars...) }

// Changes returns what the run changed, given the scope's final variables.
func (rs *RunState) Changes(after []Variable) Changes { return Diff(rs.before, after) }

// Finish persists the run's changes. Values isSecret flags (resolved vault
// secrets) and variables whose name isSecretName flags are not written;
// their keys are returned so the caller can say so. Either may be nil.
func (rs *RunState) Finish(after []Variable, isSecret, isSecretName func(string) bool) ([]string, error) {
	ch, dropped := rs.Changes(after).WithoutSecrets(isSecret, isSecretName)
	if ch.Empty() {
		return dropped, nil
	}
	err := rs.Store.Update(rs.Identity, func(c *Current) error {
		for _, e := range ch.Set {
			c.put(e)
		}
		for _, k := range ch.Unset {
			c.Unset(k)
		}
		return nil
	})
	return dropped, err
}

// CollectionIdentity returns the identity of a collection's variables: its
// _postman_id when it has one, else its path.
func CollectionIdentity(c *collections.Collection) Identity {
	return Identity{Kind: "collection", ID: c.Info.ID, Path: absSource(c.Source), Name: c.Info.Name}
}

// SetCollectionVariables replaces a collection's variables with vars (the
// result of RunState.Merge), keeping the ids of the ones it had.
func SetCollectionVariables(c *collections.Collection, vars []Variable) {
	// The file's id, name, system flag and description type stay with
	// the key.
	was := map[string]collections.Variable{}
	for _, v := range c.Variables {
		was[v.Key] = v
	}
	out := make([]collections.Variable, 0, len(vars))
	for _, v := range vars {
		cv := CollectionVariable(v)
		cv.ID, cv.Name, cv.System = was[v.Key].ID, was[v.Key].Name, was[v.Key].System
		if cv.Description == was[v.Key].Description {
			cv.DescriptionType = was[v.Key].DescriptionType
		}
		out = append(out, cv)
	}
	c.Variables = out
}

// GlobalsIdentity returns the identity of a globals file (-g), which is a
// store of its own even when the file does not say it holds globals.
func GlobalsIdentity(f *File) Identity {
	id := FileIdentity(f)
	id.Kind = "globals"
	return id
}
