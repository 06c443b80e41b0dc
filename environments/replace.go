package environments

import (
	"strings"
)

// maxPasses is how many substitution passes Postman makes before giving up
// on nested references (postman-collection Substitutor.VARS_SUBREPLACE_LIMIT).
// Each pass replaces every {{token}} of the current text once; the values it
// inserts are only looked at by the next pass.
const maxPasses = 19

// vaultPrefix marks a vault reference inside {{…}}: {{vault:name}}.
const vaultPrefix = "vault:"

// vaultAngleOpen starts the other vault reference form, <<vault:name>>,
// which Postman writes for a variable whose value is a vault secret.
const vaultAngleOpen = "<<vault:"

// SecretResolver supplies vault secrets for {{vault:NAME}} and
// <<vault:NAME>>. The vault package implements it; an error leaves the
// reference in place.
type SecretResolver interface {
	ResolveSecret(name string) (string, error)
}

// Resolver substitutes {{variables}} the way Postman does. The zero value
// with Scopes set is ready to use; it holds no state between calls, so one
// Resolver may be reused for every string of a request.
type Resolver struct {
	Scopes *Scopes
	// Secrets resolves vault references. Nil leaves them literally, and they
	// are never reported as unresolved.
	Secrets SecretResolver
	// SecretError, when set, learns of each vault reference Secrets failed
	// to resolve. The error must not carry the secret value.
	SecretError func(name string, err error)
	// NoDynamic turns off $guid, $randomInt and the other dynamic variables.
	NoDynamic bool
	// Override, when set, is asked first for a name's substitution: a
	// running script's live values (a Date substitutes its toString()).
	Override func(name string) (string, bool)
	// InScript is a script's replaceIn: there a null from the data file
	// substitutes as "null" (postman-collection's VariableScope), where a
	// request's own references leave {{name}} as written.
	InScript bool
	// NullUnresolved leaves {{name}} as written for a variable whose value
	// is null or undefined, from any scope: Postman CLI's newer runtime,
	// which runs v12 collections, does so in requests (its scripts'
	// replaceIn still give "null").
	NullUnresolved bool
}

// Replace resolves {{name}} references in in by Postman's precedence,
// expanding nested references and dynamic variables. Unknown references are
// left as they are.
func (s *Scopes) Replace(in string) string {
	r := Resolver{Scopes: s}
	return r.ReplaceTrack(in, nil)
}

// ReplaceTrack is Replace that also calls unresolved once for each distinct
// name left unresolved, in order of appearance.
func (s *Scopes) ReplaceTrack(in string, unresolved func(name string)) string {
	r := Resolver{Scopes: s}
	return r.ReplaceTrack(in, unresolved)
}

// Replace resolves references in in; see Scopes.Replace.
func (r *Resolver) Replace(in string) string { return r.ReplaceTrack(in, nil) }

// ReplaceTrack resolves references in in and reports each distinct name left
// unresolved (vault references excepted) to unresolved, which may be nil.
func (r *Resolver) ReplaceTrack(in string, unresolved func(name string)) string {
	// Fast path: most header names, bodies and URL parts hold no reference.
	if !strings.Contains(in, "{{") && (r.Secrets == nil || !strings.Contains(in, vaultAngleOpen)) {
		return in
	}
	out := in
	for pass := 0; pass < maxPasses; pass++ {
		next, changed := r.pass(out)
		out = next
		// Postman keeps looping while any token matched, but a pass that
		// changed nothing would be repeated identically, so stop early.
		if !changed {
			break
		}
	}
	if unresolved != nil {
		reportUnresolved(out, unresolved)
	}
	return out
}

// pass makes one left-to-right substitution over s.
func (r *Resolver) pass(s string) (string, bool) {
	var b strings.Builder
	changed := false
	last := 0 // s[last:] has not been copied to b yet
	for i := 0; i < len(s); {
		start, end, name, angle := nextToken(s, i, r.Secrets != nil)
		if start < 0 {
			break
		}
		val, ok := r.resolve(name, angle)
		if !ok {
			i = end
			continue
		}
		if !changed {
			b.Grow(len(s) + len(val))
			changed = true
		}
		b.WriteString(s[last:start])
		b.WriteString(val)
		last, i = end, end
	}
	if !changed {
		return s, false
	}
	b.WriteString(s[last:])
	return b.String(), true
}

// nextToken finds the first reference at or after i. It matches Postman's
// /\{\{([^{}]*?)}}/: the name holds no braces, may be empty and may contain
// spaces. With angle set it also matches <<vault:NAME>>, whose name holds no
// angle brackets or braces. It returns start = -1 when there is none.
func nextToken(s string, i int, angle bool) (start, end int, name string, isAngle bool) {
	for ; i+1 < len(s); i++ {
		switch {
		case s[i] == '{' && s[i+1] == '{':
			j := i + 2
			for j < len(s) && s[j] != '{' && s[j] != '}' {
				j++
			}
			if j+1 < len(s) && s[j] == '}' && s[j+1] == '}' {
				return i, j + 2, s[i+2 : j], false
			}
			// No match here; like the regexp, retry from the next byte.
		case angle && s[i] == '<' && strings.HasPrefix(s[i:], vaultAngleOpen):
			j := i + len(vaultAngleOpen)
			for j < len(s) && !strings.ContainsRune("<>{}", rune(s[j])) {
				j++
			}
			if j+1 < len(s) && s[j] == '>' && s[j+1] == '>' {
				return i, j + 2, s[i+2 : j], true
			}
		}
	}
	return -1, -1, "", false
}

// resolve returns the replacement for one token. angle tokens carry the
// "vault:" prefix in name.
func (r *Resolver) resolve(name string, angle bool) (string, bool) {
	if strings.HasPrefix(name, vaultPrefix) {
		return r.vault(name, angle)
	}
	if r.Override != nil {
		if v, ok := r.Override(name); ok {
			return v, true
		}
	}
	if v, ok, found := r.scoped(name); found {
		return v, ok
	}
	return r.dynamic(name)
}

// vault resolves a {{vault:x}} reference: a user variable of that literal
// name first (not for <<vault:x>>), then the secret store, which reports
// a failure through SecretError.
func (r *Resolver) vault(name string, angle bool) (string, bool) {
	if !angle && r.Scopes != nil {
		// A user variable literally named "vault:x" still wins, as any
		// other scope layer would in Postman.
		if v, ok := r.Scopes.Lookup(name); ok {
			return v.Substitution(), true
		}
	}
	if r.Secrets == nil {
		return "", false
	}
	secret := name[len(vaultPrefix):]
	v, err := r.Secrets.ResolveSecret(secret)
	if err != nil {
		if r.SecretError != nil {
			r.SecretError(secret, err)
		}
		return "", false
	}
	return v, true
}

// scoped resolves name from the variable scopes. found reports that a
// scope holds it; ok is false when it does but its value stays
// unresolved (a null from the data file, or any null with NullUnresolved),
// and then no later layer is asked.
func (r *Resolver) scoped(name string) (value string, ok, found bool) {
	if r.Scopes == nil {
		return "", false, false
	}
	v, found := r.Scopes.Lookup(name)
	if !found && r.InScript && name == "undefined" {
		// The script's own set() without a key (keyless.go), which
		// postman-collection stores under the key undefined.
		v, found = r.Scopes.Lookup(KeylessKey)
	}
	if !found {
		return "", false, false
	}
	if v.Type == TypeNull && !r.InScript && r.Scopes.fromData(name) {
		return "", false, true // Postman leaves {{name}} for a null in the data file
	}
	if r.NullUnresolved && (v.Type == TypeNull || v.Type == TypeUndefined) {
		return "", false, true
	}
	if r.InScript {
		v = v.ForScript()
	}
	return v.Substitution(), true, true
}

// dynamic resolves a dynamic variable ($guid, $randomInt...), Postman's
// last layer: any user variable of the same name shadows it.
func (r *Resolver) dynamic(name string) (string, bool) {
	if r.NoDynamic || len(name) <= 1 || name[0] != '$' {
		return "", false
	}
	var g *Gen
	if r.Scopes != nil {
		g = r.Scopes.Gen
	}
	return g.Dynamic(name)
}

// References returns the names of the {{references}} in s (vault ones
// included, as written after "{{"), each once, in order of appearance.
func References(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		start, end, name, _ := nextToken(s, i, false)
		if start < 0 {
			break
		}
		i = end
		if !contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

// reportUnresolved calls fn once per distinct normal reference left in s.
func reportUnresolved(s string, fn func(string)) {
	var seen []string
	for i := 0; i < len(s); {
		start, end, name, _ := nextToken(s, i, false)
		if start < 0 {
			return
		}
		i = end
		if strings.HasPrefix(name, vaultPrefix) || contains(seen, name) {
			continue
		}
		seen = append(seen, name)
		fn(name)
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
