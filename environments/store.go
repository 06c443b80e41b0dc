package environments

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"
)

// Current values.
//
// An environment file holds the INITIAL values: shared, committed, public
// when published. Each user's CURRENT values live in a store outside the
// repository, one store file per environment, under the state directory
// (see StateDir). A run resolves a variable's current value first, then its
// initial value; what scripts change becomes the current value.
//
// A store file is keyed by the environment's identity:
//
//   - the file's "id" (Postman's environment UUID) when it has one. It
//     survives a git pull, a moved or second checkout, and a renamed file:
//     every copy of one exported environment shares one set of current
//     values, as it does in the Postman app;
//   - else the file's absolute path (symlinks resolved). It survives a git
//     pull and edits to the file, but not moving the checkout: the old
//     values stay in the store under the old path ("courier env list" shows
//     them) and the moved file starts from its initial values;
//   - a URL environment is keyed by its URL.

// StoreVersion is the version of the store file format.
const StoreVersion = 1

// Identity names the variable set a store file belongs to.
type Identity struct {
	// Kind is "environment", "globals" or "collection".
	Kind string `json:"kind"`
	// ID is the file's id (collections: _postman_id); empty when it has none.
	ID string `json:"id,omitempty"`
	// Path is the absolute path (or URL) the file was last seen at. It keys
	// the store only when ID is empty.
	Path string `json:"path,omitempty"`
	// Name is the file's name, for listings.
	Name string `json:"name,omitempty"`
}

// key is what the store file name is derived from.
func (id Identity) key() string {
	if id.ID != "" {
		return id.Kind + "\x00id\x00" + id.ID
	}
	return id.Kind + "\x00path\x00" + id.Path
}

// FileName is the store file's base name: a hash of the identity, so ids
// and paths of any shape make safe, fixed-length names.
func (id Identity) FileName() string {
	sum := sha256.Sum256([]byte(id.key()))
	return hex.EncodeToString(sum[:12]) + ".json"
}

// Describe says in words what keys the store, for messages.
func (id Identity) Describe() string {
	if id.ID != "" {
		return "id " + id.ID
	}
	return "path " + id.Path
}

// FileIdentity returns the identity of an environment or globals file.
// f.Source is the path (or URL) it was loaded from.
func FileIdentity(f *File) Identity {
	kind := f.VariableScope
	if kind != "globals" {
		kind = "environment"
	}
	return Identity{Kind: kind, ID: f.ID, Path: absSource(f.Source), Name: f.Name}
}

// absSource makes a path absolute with symlinks resolved, so "./env.json"
// and "/repo/env.json" are one store. URLs are kept as they are.
func absSource(src string) string {
	if src == "" || strings.Contains(src, "://") {
		return src
	}
	p, err := filepath.Abs(src)
	if err != nil {
		return src
	}
	if r, err := filepath.EvalSymlinks(p); err == nil {
		p = r
	}
	return p
}

// StateDir returns the directory courier keeps per-user state in:
// COURIER_STATE_DIR when set, else $XDG_STATE_HOME/courier, else the
// platform's local per-user directory: ~/.local/state/courier on Linux and
// other Unixes, ~/Library/Application Support/courier on macOS and
// %LocalAppData%\courier on Windows. getenv reads the process environment
// (nil: os.Getenv). The --state-dir flag overrides all of these.
func StateDir(getenv func(string) string) (string, error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	if d := getenv("COURIER_STATE_DIR"); d != "" {
		return d, nil
	}
	if d := getenv("XDG_STATE_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "courier"), nil
	}
	switch runtime.GOOS {
	case "windows":
		// Current values are local to a machine: LocalAppData, not the
		// roaming AppData os.UserConfigDir returns.
		if d := getenv("LocalAppData"); d != "" {
			return filepath.Join(d, "courier"), nil
		}
	case "darwin", "ios":
		if d, err := os.UserConfigDir(); err == nil {
			return filepath.Join(d, "courier"), nil
		}
	}
	home := getenv("HOME")
	if home == "" {
		var err error
		if home, err = os.UserHomeDir(); err != nil {
			return "", fmt.Errorf("finding the state directory: %w (set COURIER_STATE_DIR or --state-dir)", err)
		}
	}
	return filepath.Join(home, ".local", "state", "courier"), nil
}

// Entry is one current value.
type Entry struct {
	Key   string `json:"key"`
	Value string `json:"value"`
	// Type is set only for typed values a script stored (number, boolean,
	// object, array, null) or when the user chose one (secret); empty keeps
	// the type the file gives the variable.
	Type string `json:"type,omitempty"`
	// Unset records that the variable was removed (pm.environment.unset,
	// "courier env unset"): runs do not see it even though the file has it.
	Unset bool `json:"unset,omitempty"`
}

// Current is one environment's current values. A key without an entry
// follows its initial value. Not safe for concurrent use.
type Current struct {
	Identity Identity
	// Updated is when the store file was last written (zero when none).
	Updated time.Time
	// LastPath is the path of the file whose run (or courier env command)
	// last wrote these values: another path with the same id is a moved
	// checkout, or a copied file sharing current values with this one.
	LastPath string
	entries  []Entry
	index    map[string]int
}

// NewCurrent returns an empty set of current values for id.
func NewCurrent(id Identity) *Current {
	return &Current{Identity: id, index: map[string]int{}}
}

// Get returns the current entry for key.
func (c *Current) Get(key string) (Entry, bool) {
	if c == nil {
		return Entry{}, false
	}
	i, ok := c.index[key]
	if !ok {
		return Entry{}, false
	}
	return c.entries[i], true
}

// Set records value (with an optional type, see Entry.Type) as key's
// current value.
func (c *Current) Set(key, value, typ string) {
	c.put(Entry{Key: key, Value: value, Type: typ})
}

// Unset records that key was removed.
func (c *Current) Unset(key string) { c.put(Entry{Key: key, Unset: true}) }

// Reset forgets key's current value: it follows its initial value again.
func (c *Current) Reset(key string) {
	i, ok := c.index[key]
	if !ok {
		return
	}
	c.entries = append(c.entries[:i], c.entries[i+1:]...)
	c.reindex()
}

// Entries returns a copy of the entries, sorted by key.
func (c *Current) Entries() []Entry {
	if c == nil {
		return nil
	}
	return append([]Entry(nil), c.entries...)
}

// Len is the number of entries.
func (c *Current) Len() int {
	if c == nil {
		return 0
	}
	return len(c.entries)
}

// Emptied reports whether key's current value was explicitly set to "" while
// its initial value in f is not empty: the trap where a request silently
// sends nothing.
func (c *Current) Emptied(f *File, key string) bool {
	e, ok := c.Get(key)
	if !ok || e.Unset || e.Value != "" || e.Type == TypeNull {
		return false
	}
	v, ok := fileVar(f, key)
	return ok && v.Value != ""
}

func (c *Current) put(e Entry) {
	if i, ok := c.index[e.Key]; ok {
		c.entries[i] = e
		return
	}
	c.entries = append(c.entries, e)
	sort.SliceStable(c.entries, func(i, j int) bool { return c.entries[i].Key < c.entries[j].Key })
	c.reindex()
}

func (c *Current) reindex() {
	c.index = make(map[string]int, len(c.entries))
	for i, e := range c.entries {
		c.index[e.Key] = i
	}
}

// fileVar returns the last enabled definition of key in f, else the last
// disabled one.
func fileVar(f *File, key string) (Variable, bool) {
	if f == nil {
		return Variable{}, false
	}
	var found Variable
	ok := false
	for _, v := range f.Values {
		if v.Key == key && (!ok || found.Disabled || !v.Disabled) {
			found, ok = v, true
		}
	}
	return found, ok
}

// Merge returns the scope a run starts with: the file's variables in file
// order, each with its current value when it has one (current wins), its
// type and enabled flag from the file (a typed value a script stored keeps
// its type); then variables that exist only as current values (a script
// created them), in key order. Unset variables are left out.
func Merge(initial *File, cur *Current) *Scope {
	name := "environment"
	var vars []Variable
	if initial != nil {
		if initial.VariableScope != "" {
			name = initial.VariableScope
		}
		vars = initial.Values
	}
	return NewScope(name, MergeVariables(vars, cur))
}

// MergeVariables applies current values to a list of initial variables (an
// environment's, globals' or a collection's); see Merge.
func MergeVariables(initial []Variable, cur *Current) []Variable {
	out := make([]Variable, 0, len(initial)+cur.Len())
	seen := make(map[string]bool, len(initial))
	for _, v := range initial {
		seen[v.Key] = true
		e, ok := cur.Get(v.Key)
		switch {
		case !ok:
		case e.Unset:
			continue
		case v.Declared != "":
			// A value kept from an earlier run is cast as any other.
			v.Value, v.Type = castIn(v.Declared, e.Value, keptType(v.Type, e.Type))
		default:
			v.Value = e.Value
			v.Type = keptType(v.Type, e.Type)
		}
		out = append(out, v)
	}
	for _, e := range cur.Entries() {
		if seen[e.Key] || e.Unset {
			continue
		}
		typ := e.Type
		if typ == "" {
			typ = TypeAny
		}
		out = append(out, Variable{Key: e.Key, Value: e.Value, Type: typ})
	}
	return out
}

// Changes are what a run did to a scope: keys whose value was set and keys
// that were unset.
type Changes struct {
	Set   []Entry
	Unset []string
}

// Empty reports whether there is nothing to save.
func (c Changes) Empty() bool { return len(c.Set) == 0 && len(c.Unset) == 0 }

// Diff compares a scope's variables at the start of a run with the end and
// returns what changed: only keys whose value or type changed, that appeared,
// or that disappeared. Take before after --env-var and anything else the
// command line sets, so those are not persisted.
func Diff(before, after []Variable) Changes {
	b, a := enabledVars(before), enabledVars(after)
	var ch Changes
	for _, v := range after {
		cur, ok := a[v.Key]
		if !ok || cur != v {
			continue // a disabled or earlier duplicate definition
		}
		old, had := b[v.Key]
		if had && old.Value == v.Value && old.Type == v.Type {
			continue
		}
		typ := ""
		if !IsTextType(v.Type) || (had && v.Type != old.Type) {
			typ = v.Type
		}
		ch.Set = append(ch.Set, Entry{Key: v.Key, Value: v.Value, Type: typ})
	}
	for _, v := range before {
		if _, still := a[v.Key]; !still && b[v.Key] == v {
			ch.Unset = append(ch.Unset, v.Key)
		}
	}
	return ch
}

func enabledVars(vs []Variable) map[string]Variable {
	m := make(map[string]Variable, len(vs))
	for _, v := range vs {
		if !v.Disabled {
			m[v.Key] = v
		}
	}
	return m
}

// Store keeps current values in a directory. Loading needs no lock (store
// files are replaced atomically); every change is a read-modify-write of one
// store file under an advisory lock, so concurrent runs that change different
// keys all keep their changes.
type Store struct {
	Dir string
	// LockTimeout bounds the wait for another run's lock (default 30s).
	LockTimeout time.Duration
}

// OpenStore returns the store in stateDir (see StateDir). Nothing is created
// until the first write.
func OpenStore(stateDir string) *Store {
	return &Store{Dir: filepath.Join(stateDir, "environments")}
}

// Path returns the store file of id.
func (s *Store) Path(id Identity) string { return filepath.Join(s.Dir, id.FileName()) }

// storeFile is the JSON shape of a store file.
type storeFile struct {
	Version  int       `json:"courier_state"`
	Identity Identity  `json:"identity"`
	Updated  time.Time `json:"updated"`
	Values   []Entry   `json:"values"`
}

// Load returns the current values of the environment (or globals) file f;
// none when it has no store yet.
func (s *Store) Load(f *File) (*Current, error) { return s.LoadIdentity(FileIdentity(f)) }

// LoadIdentity returns the current values stored for id.
func (s *Store) LoadIdentity(id Identity) (*Current, error) {
	c, err := s.read(s.Path(id))
	if err != nil {
		return nil, err
	}
	if c == nil {
		return NewCurrent(id), nil
	}
	c.LastPath = c.Identity.Path
	c.Identity = id
	return c, nil
}

// read loads one store file; a missing file yields nil.
func (s *Store) read(path string) (*Current, error) {
	if err := s.checkDirs(); err != nil {
		return nil, err
	}
	data, err := readTrusted(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading current values: %w", err)
	}
	var sf storeFile
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&sf); err != nil {
		return nil, fmt.Errorf("reading current values from %s: %w (delete the file to start from the initial values)", path, err)
	}
	if sf.Version > StoreVersion {
		return nil, fmt.Errorf("reading current values from %s: written by a newer courier (format %d)", path, sf.Version)
	}
	c := NewCurrent(sf.Identity)
	c.Updated = sf.Updated
	for _, e := range sf.Values {
		if e.Key != "" {
			c.put(e)
		}
	}
	return c, nil
}

// Save persists a run's changes to f's current values; see Update.
func (s *Store) Save(f *File, ch Changes) error {
	if ch.Empty() {
		return nil
	}
	return s.Update(FileIdentity(f), func(c *Current) error {
		for _, e := range ch.Set {
			c.put(e)
		}
		for _, k := range ch.Unset {
			c.Unset(k)
		}
		return nil
	})
}

// Update runs fn on id's current values under the store's lock: the file is
// read afresh, fn changes it, and the result replaces the file atomically.
// A run killed at any point leaves either the old or the new file. fn
// returning an error writes nothing.
func (s *Store) Update(id Identity, fn func(*Current) error) error {
	if err := ensureTrustedDir(filepath.Dir(s.Dir)); err != nil {
		return err
	}
	if err := ensureTrustedDir(s.Dir); err != nil {
		return err
	}
	path := s.Path(id)
	unlock, err := LockFile(path+".lock", s.lockTimeout())
	if err != nil {
		return fmt.Errorf("locking current values of %s: %w", id.Describe(), err)
	}
	defer unlock()
	removeStaleTemps(path)
	c, err := s.read(path)
	if err != nil {
		return err
	}
	if c == nil {
		c = NewCurrent(id)
	}
	// The path and name are refreshed so listings show where the file is now.
	c.Identity = id
	if err := fn(c); err != nil {
		return err
	}
	sf := storeFile{Version: StoreVersion, Identity: id, Updated: time.Now().UTC(), Values: c.entries}
	if sf.Values == nil {
		sf.Values = []Entry{}
	}
	data, err := json.MarshalIndent(sf, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding current values: %w", err)
	}
	// 0600: current values are the user's own and may hold secrets.
	return WriteFileAtomic(path, append(data, '\n'), 0o600)
}

// checkDirs refuses a state directory someone else could have written.
func (s *Store) checkDirs() error {
	if err := checkTrustedDir(filepath.Dir(s.Dir)); err != nil {
		return err
	}
	return checkTrustedDir(s.Dir)
}

func (s *Store) lockTimeout() time.Duration {
	if s.LockTimeout > 0 {
		return s.LockTimeout
	}
	return 30 * time.Second
}

// removeStaleTemps deletes temporary files a killed writer left behind. It
// runs under the lock, so no live writer owns them.
func removeStaleTemps(path string) {
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*"))
	for _, m := range matches {
		os.Remove(m)
	}
}

// StoredSet is one store file found by List.
type StoredSet struct {
	Path    string
	Current *Current
}

// List returns every store file in the store, sorted by name then identity.
// Unreadable files are returned with their error rather than hidden.
func (s *Store) List() ([]StoredSet, []error) {
	matches, err := filepath.Glob(filepath.Join(s.Dir, "*.json"))
	if err != nil {
		return nil, []error{err}
	}
	var out []StoredSet
	var errs []error
	for _, m := range matches {
		c, err := s.read(m)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if c != nil {
			out = append(out, StoredSet{Path: m, Current: c})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].Current.Identity, out[j].Current.Identity
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.key() < b.key()
	})
	return out, errs
}

// WithoutSecrets drops the set values isSecret flags (a resolved vault
// secret, or text containing one), and the variables whose name
// isSecretName flags (a script may name one by a secret), and returns the
// keys it dropped: a resolved secret is never written to disk. A
// {{vault:NAME}} reference is not a secret and is kept. A nil check keeps
// everything it would flag.
func (c Changes) WithoutSecrets(isSecret, isSecretName func(string) bool) (Changes, []string) {
	if isSecret == nil && isSecretName == nil {
		return c, nil
	}
	out := Changes{Unset: c.Unset}
	var dropped []string
	for _, e := range c.Set {
		if isSecret != nil && e.Value != "" && isSecret(e.Value) || isSecretName != nil && isSecretName(e.Key) {
			dropped = append(dropped, e.Key)
			continue
		}
		out.Set = append(out.Set, e)
	}
	return out, dropped
}
