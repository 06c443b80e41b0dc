package environments

// A script's set() without a key: postman-collection stores the variable
// under the key undefined, which the same script's get() and has(), with
// no key or "undefined", and its replaceIn('{{undefined}}') find (a
// variable really named "undefined" first); the script lists it as
// "undefined" (toObject, toJSON), and once it has crossed back
// to the run as JSON the key is null: later scripts list it as "null", and
// nothing else (requests, reports, exports, stored values) sees it.

// KeylessKey is the key a script's set() without a key stores under until
// the script ends: no key a script passes is it; "undefined" finds it when
// no variable has that name.
const KeylessKey = "\x00undefined"

// ListedKey is the key toObject and toJSON show for a variable's key.
func ListedKey(key string) string {
	if key == KeylessKey {
		return "undefined"
	}
	return key
}

// SettleKeyless takes the variable set without a key out of the scope when
// the script ends; Keyless then gives it, listed as "null".
func (s *Scope) SettleKeyless() {
	if s == nil {
		return
	}
	v, ok := s.Lookup(KeylessKey)
	if !ok {
		return
	}
	s.Unset(KeylessKey)
	v.Key = "null"
	if v.Type == TypeUndefined {
		v.Type = TypeNull // as JSON carries undefined back
	}
	s.keyless = &v
}

// Keyless is the variable an earlier script set without a key, if any.
func (s *Scope) Keyless() (Variable, bool) {
	if s == nil || s.keyless == nil {
		return Variable{}, false
	}
	return *s.keyless, true
}

// DropKeyless forgets the variable set without a key: the script's unset()
// with no key, which postman-runtime carries back as a removal.
func (s *Scope) DropKeyless() {
	if s == nil {
		return
	}
	s.Unset(KeylessKey)
	s.keyless = nil
}
