// Package environments holds variable scopes (globals, collection,
// environment, iteration data, local), Postman's precedence between them,
// {{variable}} substitution and dynamic variables, and the environment and
// globals file formats.
package environments

// Variable is one variable in a scope. Values are kept as text; Type says
// how scripts read that text back (see types.go for the convention: text
// types "", "any", "default", "string", "secret", "text"; typed "number",
// "boolean", "object", "array").
type Variable struct {
	Key      string
	Value    string
	Type     string
	Disabled bool
	// Declared is the type the value is cast to on every set and get
	// (string, boolean, number, object, array; cast.go), "" for none.
	Declared string
	// Description is the file's description text, kept for exports.
	Description string
}

// Scope is an ordered set of variables. Disabled variables are kept (so they
// survive exports) but never resolve. Not safe for concurrent use: a run
// touches its scopes from one goroutine.
type Scope struct {
	Name  string
	vars  []Variable
	index map[string]int // key -> position of the last enabled definition
	// keyless is what a script's set() without a key left (keyless.go).
	keyless *Variable
}

// NewScope returns a scope holding vars in order.
func NewScope(name string, vars []Variable) *Scope {
	s := &Scope{Name: name}
	s.vars = append(s.vars, vars...)
	s.reindex()
	return s
}

func (s *Scope) reindex() {
	s.index = make(map[string]int, len(s.vars))
	for i, v := range s.vars {
		if !v.Disabled {
			s.index[v.Key] = i
		}
	}
}

// Lookup returns the enabled variable named key.
func (s *Scope) Lookup(key string) (Variable, bool) {
	if s == nil {
		return Variable{}, false
	}
	i, ok := s.index[key]
	if !ok {
		return Variable{}, false
	}
	return s.vars[i], true
}

// Get returns the value of the enabled variable named key.
func (s *Scope) Get(key string) (string, bool) {
	v, ok := s.Lookup(key)
	return v.Value, ok
}

// Has reports whether an enabled variable named key exists.
func (s *Scope) Has(key string) bool {
	_, ok := s.Lookup(key)
	return ok
}

// Set stores value under key, keeping the variable's type if it has one.
func (s *Scope) Set(key, value string) { s.SetTyped(key, value, "") }

// SetTyped stores value under key with the given type; an empty typ keeps
// the existing variable's type.
func (s *Scope) SetTyped(key, value, typ string) {
	if i, ok := s.index[key]; ok {
		s.vars[i].Value = value
		s.vars[i].Type = keptType(s.vars[i].Type, typ)
		return
	}
	// A disabled variable of that name is enabled again, as Postman does.
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].Key == key {
			s.vars[i].Value, s.vars[i].Disabled = value, false
			s.vars[i].Type = keptType(s.vars[i].Type, typ)
			s.index[key] = i
			return
		}
	}
	s.vars = append(s.vars, Variable{Key: key, Value: value, Type: typ})
	s.index[key] = len(s.vars) - 1
}

// keptType is the type after a set: typ when given; for a plain string
// (typ "") the old text type stays ("secret", "default"...), but a number,
// boolean, object, array, null or undefined becomes "any", since the value
// is now text.
func keptType(old, typ string) string {
	switch {
	case typ != "":
		return typ
	case IsTextType(old):
		return old
	}
	return TypeAny
}

// Unset removes every definition of key.
func (s *Scope) Unset(key string) {
	out := s.vars[:0]
	for _, v := range s.vars {
		if v.Key != key {
			out = append(out, v)
		}
	}
	s.vars = out
	s.reindex()
}

// Clear removes every variable.
func (s *Scope) Clear() {
	s.vars = nil
	s.index = map[string]int{}
	s.keyless = nil
}

// Variables returns a copy of all variables, disabled ones included, in order.
func (s *Scope) Variables() []Variable {
	if s == nil {
		return nil
	}
	return append([]Variable(nil), s.vars...)
}

// EachSecret calls fn with the value of every variable of type secret,
// disabled ones included, without copying the scope.
func (s *Scope) EachSecret(fn func(value string)) {
	if s == nil {
		return
	}
	for i := range s.vars {
		if s.vars[i].Type == TypeSecret && s.vars[i].Value != "" {
			fn(s.vars[i].Value)
		}
	}
}

// Len returns the number of variables, disabled ones included.
func (s *Scope) Len() int { return len(s.vars) }

// Scopes is the set of scopes one request sees.
type Scopes struct {
	Globals     *Scope
	Collection  *Scope
	Environment *Scope
	Data        *Scope // iteration data
	Local       *Scope // pm.variables.set, request-local
	// Gen generates the run's {{$dynamic}} values; nil is the process-wide
	// generator.
	Gen *Gen
}

// Lookup finds key by Postman's precedence:
// local > iteration data > environment > collection > globals.
func (s *Scopes) Lookup(key string) (Variable, bool) {
	for _, sc := range []*Scope{s.Local, s.Data, s.Environment, s.Collection, s.Globals} {
		if v, ok := sc.Lookup(key); ok {
			return v, true
		}
	}
	return Variable{}, false
}

// fromData reports whether key resolves from the iteration data.
func (s *Scopes) fromData(key string) bool {
	if _, ok := s.Local.Lookup(key); ok {
		return false
	}
	_, ok := s.Data.Lookup(key)
	return ok
}

// Get returns the value of key by precedence.
func (s *Scopes) Get(key string) (string, bool) {
	v, ok := s.Lookup(key)
	return v.Value, ok
}

// Replace makes vars the scope's variables, in order (a script's changes
// undone: scripting's syncVariablesFrom).
func (s *Scope) Replace(vars []Variable) {
	s.vars = append([]Variable(nil), vars...)
	s.reindex()
}
