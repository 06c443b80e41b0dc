package environments

import (
	"fmt"
	"sort"
	"strings"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/internal/lazyre"
)

// Ref is one place a collection reads a variable.
type Ref struct {
	Name string
	// Where names the place: "Folder / Request: URL", "…: header Authorization",
	// "…: body", "…: auth bearer.token", "…: prerequest script",
	// "collection: test script".
	Where string
}

// scriptGetRe finds variable reads with a literal name in scripts.
var scriptGetRe = lazyre.New(`(?:pm\.(?:environment|variables|globals|collectionVariables)\.get|postman\.get(?:Environment|Global)Variable)\(\s*(?:'([^'\\]+)'|"([^"\\]+)"|` + "`([^`$\\\\]+)`" + `)\s*\)`)

// scriptSetRe finds variable writes with a literal name in scripts.
var scriptSetRe = lazyre.New(`(?:pm\.(?:environment|variables|globals|collectionVariables)\.set|postman\.set(?:Environment|Global)Variable)\(\s*(?:'([^'\\]+)'|"([^"\\]+)"|` + "`([^`$\\\\]+)`" + `)\s*,`)

// Scan lists the variables the given items read, in order of first
// appearance per place: {{name}} in URLs, headers, bodies and auth
// parameters (the effective auth, inherited from folders and the
// collection), and {{name}} or pm.*.get('name') in the scripts that run for
// them (the collection's, their folders' and their own). items nil scans the
// whole collection. Vault references and dynamic variables ($guid…) are
// left out.
func Scan(coll *collections.Collection, items []*collections.Item) []Ref {
	return scan(coll, items, templateNames, true)
}

// VaultRefs lists the vault secrets the given items (nil: all) reference as
// {{vault:NAME}} or <<vault:NAME>> in URLs, headers, bodies, auth and
// scripts, then in the values of vars (the run's scopes), in order of first
// appearance. Where is as in Scan, or the scope's name.
func VaultRefs(coll *collections.Collection, items []*collections.Item, vars ...*Scope) []Ref {
	var refs []Ref
	for _, r := range scan(coll, items, vaultNames, false) {
		// In a script, '{{vault:' + name + '}}' is code building a
		// reference at run time, not a reference.
		if strings.HasSuffix(r.Where, " script") && strings.ContainsAny(r.Name, "'\"`+ $()") {
			continue
		}
		refs = append(refs, r)
	}
	for _, sc := range vars {
		if sc == nil {
			continue
		}
		for _, v := range sc.Variables() {
			if v.Disabled {
				continue
			}
			for _, n := range vaultNames(v.Value) {
				refs = append(refs, Ref{Name: n, Where: sc.Name + " variable " + v.Key})
			}
		}
	}
	return refs
}

// vaultNames returns the distinct secret names referenced in s.
func vaultNames(s string) []string {
	var out []string
	for i := 0; ; {
		start, end, name, _ := nextToken(s, i, true)
		if start < 0 {
			return out
		}
		i = end
		if n, ok := strings.CutPrefix(name, vaultPrefix); ok && n != "" && !contains(out, n) {
			out = append(out, n)
		}
	}
}

// scan walks what the items send and run, collecting the names pick finds
// (and, with scriptGets, the literal names scripts read).
func scan(coll *collections.Collection, items []*collections.Item, pick func(string) []string, scriptGets bool) []Ref {
	if items == nil {
		items = coll.Items
	}
	sc := &scanner{coll: coll, pick: pick, scriptGets: scriptGets, seen: map[string]bool{}}
	sc.events("collection", coll.Events)
	for _, root := range items {
		// A selected item starts below its own folders.
		var ancestors []*collections.Item
		for p := root.Parent; p != nil; p = p.Parent {
			ancestors = append(ancestors, p)
		}
		sc.stack, sc.names = sc.stack[:0], sc.names[:0]
		for i := len(ancestors) - 1; i >= 0; i-- {
			sc.push(ancestors[i])
		}
		sc.walk([]*collections.Item{root})
	}
	return sc.refs
}

// scanner is one scan's state. It walks once with the path on a stack,
// which keeps deep trees linear: a folder's scripts are scanned once, when
// the first request under it is reached (folders without requests run no
// scripts), and the inherited auth travels down with the walk.
type scanner struct {
	coll       *collections.Collection
	pick       func(string) []string
	scriptGets bool
	refs       []Ref
	seen       map[string]bool // name NUL where, for refs
	stack      []frame         // the folders above the walk
	names      []string        // their names
}

// frame is a folder on the walk's stack.
type frame struct {
	it       *collections.Item
	where    string
	auth     *collections.Auth // the auth its requests inherit
	authFrom string
	scanned  bool // its scripts are scanned
}

// add records the names text holds at where; a script's text also gives
// the names it reads, with scriptGets.
func (sc *scanner) add(where, text string, script bool) {
	record := func(name string) {
		if k := name + "\x00" + where; !sc.seen[k] {
			sc.seen[k] = true
			sc.refs = append(sc.refs, Ref{Name: name, Where: where})
		}
	}
	for _, name := range sc.pick(text) {
		record(name)
	}
	if !script || !sc.scriptGets {
		return
	}
	for _, m := range scriptGetRe().FindAllStringSubmatch(text, -1) {
		if name := m[1] + m[2] + m[3]; !skipName(name) {
			record(name)
		}
	}
}

func (sc *scanner) events(where string, evs []collections.Event) {
	for _, ev := range evs {
		if !ev.Disabled {
			sc.add(where+": "+ev.Listen+" script", ev.Script.Exec, true)
		}
	}
}

// request scans what a request sends and runs, with the auth it inherits
// from authFrom unless it has its own.
func (sc *scanner) request(where string, it *collections.Item, auth *collections.Auth, authFrom string) {
	sc.events(where, it.Events)
	req := it.Request
	sc.add(where+": URL", urlText(req.URL), false)
	for _, h := range req.Header {
		if !h.Disabled {
			sc.add(where+": header "+h.Key, h.Key+"\n"+h.Value, false)
		}
	}
	if b := req.Body; b != nil && !b.Disabled {
		sc.add(where+": body", bodyText(b), false)
	}
	if req.Auth != nil {
		auth, authFrom = req.Auth, where
	}
	if a := auth; a != nil && a.Type != "noauth" {
		keys := make([]string, 0, len(a.Params))
		for k := range a.Params {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			sc.add(authFrom+": auth "+a.Type+"."+k, a.Params[k], false)
		}
	}
}

// bodyText is every part of a body that can hold a reference, one text.
func bodyText(b *collections.Body) string {
	var sb strings.Builder
	sb.WriteString(b.Raw)
	for _, p := range append(append([]collections.FormParam(nil), b.URLEncoded...), b.FormData...) {
		if !p.Disabled {
			sb.WriteString("\n" + p.Key + "\n" + p.Value + "\n" + strings.Join(p.Src, "\n"))
		}
	}
	sb.WriteString("\n" + b.File)
	if b.GraphQL != nil {
		sb.WriteString("\n" + b.GraphQL.Query + "\n" + b.GraphQL.Variables)
	}
	return sb.String()
}

// inherited is the auth a request under the stack inherits, and where
// it is set.
func (sc *scanner) inherited() (*collections.Auth, string) {
	if n := len(sc.stack); n > 0 {
		return sc.stack[n-1].auth, sc.stack[n-1].authFrom
	}
	return sc.coll.Auth, "collection"
}

func (sc *scanner) push(it *collections.Item) {
	f := frame{it: it}
	f.auth, f.authFrom = sc.inherited()
	sc.names = append(sc.names, it.Name)
	f.where = placeName(sc.names)
	if it.Auth != nil {
		f.auth, f.authFrom = it.Auth, f.where
	}
	sc.stack = append(sc.stack, f)
}

// visit scans a request, after the scripts of the folders above it not
// scanned yet: they sit on top of the stack, and below the first scanned
// one, all are.
func (sc *scanner) visit(it *collections.Item) {
	i := len(sc.stack)
	for i > 0 && !sc.stack[i-1].scanned {
		i--
	}
	for ; i < len(sc.stack); i++ {
		sc.stack[i].scanned = true
		sc.events(sc.stack[i].where, sc.stack[i].it.Events)
	}
	auth, from := sc.inherited()
	sc.request(placeName(append(sc.names, it.Name)), it, auth, from)
}

func (sc *scanner) walk(items []*collections.Item) {
	for _, it := range items {
		if !it.IsFolder() {
			sc.visit(it)
			continue
		}
		sc.push(it)
		sc.walk(it.Items)
		sc.stack, sc.names = sc.stack[:len(sc.stack)-1], sc.names[:len(sc.names)-1]
	}
}

// placeName joins a path of item names for messages. Past a dozen levels
// the middle is elided, so a deep tree's places stay short (and building
// them stays linear in the tree's size).
func placeName(names []string) string {
	const keep = 4
	if len(names) <= 3*keep {
		return strings.Join(names, " / ")
	}
	return strings.Join(names[:keep], " / ") + " / … / " + strings.Join(names[len(names)-keep:], " / ")
}

func urlText(u collections.URL) string {
	var b strings.Builder
	b.WriteString(u.Raw)
	for _, q := range u.Query {
		if !q.Disabled {
			b.WriteString("\n" + q.Key)
			if q.Value != nil {
				b.WriteString("\n" + *q.Value)
			}
		}
	}
	for _, v := range u.Variables {
		if !v.Disabled {
			b.WriteString("\n" + v.Value)
		}
	}
	return b.String()
}

// templateNames returns the distinct {{names}} in s, vault references and
// dynamic variables excepted.
func templateNames(s string) []string {
	var out []string
	for i := 0; ; {
		start, end, name, _ := nextToken(s, i, false)
		if start < 0 {
			return out
		}
		i = end
		if !skipName(name) && !contains(out, name) {
			out = append(out, name)
		}
	}
}

func skipName(name string) bool {
	if name == "" || strings.HasPrefix(name, vaultPrefix) {
		return true
	}
	if name[0] == '$' {
		_, ok := Dynamic(name)
		return ok
	}
	return false
}

// ScriptSets returns the names the collection's scripts set with a literal
// name (pm.environment.set('x', …) and the other scopes'), anywhere in the
// collection: such variables may legitimately be empty before a run.
func ScriptSets(coll *collections.Collection) map[string]bool {
	out := map[string]bool{}
	scan := func(evs []collections.Event) {
		for _, ev := range evs {
			if ev.Disabled {
				continue
			}
			for _, m := range scriptSetRe().FindAllStringSubmatch(ev.Script.Exec, -1) {
				out[m[1]+m[2]+m[3]] = true
			}
		}
	}
	scan(coll.Events)
	var walk func([]*collections.Item)
	walk = func(items []*collections.Item) {
		for _, it := range items {
			scan(it.Events)
			walk(it.Items)
		}
	}
	walk(coll.Items)
	return out
}

// Problem kinds.
const (
	// ProblemMissing: no scope defines the variable.
	ProblemMissing = "missing"
	// ProblemEmpty: defined, but its value is empty.
	ProblemEmpty = "empty"
	// ProblemEmptied: the current value was set to "" while the initial
	// value is not empty: the request silently sends nothing.
	ProblemEmptied = "emptied"
	// ProblemUnset: the initial file defines it, but it was unset (by a
	// script or "courier env unset") in the current values.
	ProblemUnset = "unset"
	// ProblemDisabled: only a disabled definition exists.
	ProblemDisabled = "disabled"
	// ProblemNull: a script stored null in it.
	ProblemNull = "null"
)

// Problem is a variable the selected requests need that resolves to nothing.
type Problem struct {
	Name string
	Kind string
	// Scope is where the variable is (or would be) defined: "environment",
	// "globals", "collection", "data"; "" when nowhere.
	Scope string
	// Source is the file of that scope (the environment file's path), when
	// known.
	Source string
	// Via names the variable whose value references this one, for nested
	// references (apiPath = https://api.pingone.{{tld}}/v1).
	Via string
	// UsedBy lists where it is referenced (at most a few).
	UsedBy []string
	// Secret is set when the variable is of type secret or its name
	// suggests one: the fix then points at the vault.
	Secret bool
	// Fix is the command that gives it a value.
	Fix string
}

// String describes the problem in one line, without any value.
func (p Problem) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "{{%s}}", p.Name)
	switch p.Kind {
	case ProblemMissing:
		b.WriteString(" is not defined in any scope")
	case ProblemEmpty:
		fmt.Fprintf(&b, " is empty in the %s", scopeWords(p))
	case ProblemEmptied:
		fmt.Fprintf(&b, " has an initial value but its current value was emptied (%s)", scopeWords(p))
	case ProblemUnset:
		fmt.Fprintf(&b, " was unset in the current values (%s)", scopeWords(p))
	case ProblemDisabled:
		fmt.Fprintf(&b, " is disabled in the %s", scopeWords(p))
	case ProblemNull:
		fmt.Fprintf(&b, " holds null in the %s (it is sent as the text null)", scopeWords(p))
	}
	if p.Via != "" {
		fmt.Fprintf(&b, ", needed by {{%s}}", p.Via)
	}
	if len(p.UsedBy) > 0 {
		fmt.Fprintf(&b, "; used by %s", strings.Join(p.UsedBy, ", "))
	}
	if p.Fix != "" {
		fmt.Fprintf(&b, "; fix: %s", p.Fix)
	}
	return b.String()
}

func scopeWords(p Problem) string {
	if p.Source != "" {
		return p.Scope + " " + p.Source
	}
	return p.Scope
}

// PreflightInput is what a run resolves variables from.
type PreflightInput struct {
	// Scopes are the run's starting scopes. A nil Collection scope is built
	// from the collection's variables.
	Scopes *Scopes
	// Environment and Current are the environment file and its current
	// values, when the run has them: they tell an emptied current value from
	// an empty initial one and name the file in fixes.
	Environment *File
	Current     *Current
	// Globals is the globals file, if any.
	Globals *File
	// SetCommand is the command prefix of the fix (default "courier env set").
	SetCommand string
	// MaxUsedBy bounds Problem.UsedBy (default 3).
	MaxUsedBy int
}

// Preflight lists the variables the selected items (nil: all) reference,
// directly or through other variables' values, that resolve to nothing or
// to an emptied current value. Variables some script in the collection sets
// are not problems when merely empty or missing (the run fills them in),
// but an emptied current value always is. Problems come sorted by name.
func Preflight(coll *collections.Collection, items []*collections.Item, in PreflightInput) []Problem {
	sc := Scopes{}
	if in.Scopes != nil {
		sc = *in.Scopes
	}
	if sc.Collection == nil {
		vars := make([]Variable, 0, len(coll.Variables))
		for _, v := range coll.Variables {
			vars = append(vars, Variable{Key: v.Key, Value: v.Value, Type: v.Type, Disabled: v.Disabled})
		}
		sc.Collection = NewScope("collection", vars)
	}
	maxUsed := in.MaxUsedBy
	if maxUsed <= 0 {
		maxUsed = 3
	}
	setByScript := ScriptSets(coll)
	type pending struct {
		name, via string
		usedBy    []string
	}
	var order []string
	byName := map[string]*pending{}
	var queue []string
	note := func(name, via, where string) {
		p, ok := byName[name]
		if !ok {
			p = &pending{name: name, via: via}
			byName[name] = p
			order = append(order, name)
			queue = append(queue, name)
		}
		if where != "" && len(p.usedBy) < maxUsed && !contains(p.usedBy, where) {
			p.usedBy = append(p.usedBy, where)
		}
	}
	for _, r := range Scan(coll, items) {
		note(r.Name, "", r.Where)
	}
	// Follow nested references through the values the names resolve to.
	for len(queue) > 0 {
		name := queue[0]
		queue = queue[1:]
		if v, ok := sc.Lookup(name); ok {
			for _, n := range templateNames(v.Value) {
				note(n, name, "")
			}
		}
	}
	var out []Problem
	for _, name := range order {
		p := byName[name]
		prob, bad := classify(name, &sc, in, setByScript[name])
		if !bad {
			continue
		}
		prob.Via, prob.UsedBy = p.via, p.usedBy
		if prob.Via != "" && len(prob.UsedBy) == 0 {
			prob.UsedBy = byName[prob.Via].usedBy
		}
		if !prob.Secret && secretNameRe().MatchString(name) && !notSecretNameRe().MatchString(name) {
			prob.Secret = true
		}
		prob.Fix = fixFor(prob, in)
		out = append(out, prob)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// classify decides whether name resolves to nothing.
func classify(name string, sc *Scopes, in PreflightInput, scriptSets bool) (Problem, bool) {
	p := Problem{Name: name}
	layers := []struct {
		s   *Scope
		src string
	}{
		{sc.Local, ""}, {sc.Data, ""}, {sc.Environment, fileSource(in.Environment)},
		{sc.Collection, ""}, {sc.Globals, fileSource(in.Globals)},
	}
	for _, l := range layers {
		v, ok := l.s.Lookup(name)
		if !ok {
			continue
		}
		p.Scope, p.Source = l.s.Name, l.src
		p.Secret = v.Type == TypeSecret
		switch {
		case v.Type == TypeNull:
			p.Kind = ProblemNull
		case v.Value != "":
			return p, false
		case l.s == sc.Environment && in.Current.Emptied(in.Environment, name):
			// The trap: always reported, even when a script might set it.
			p.Kind = ProblemEmptied
			return p, true
		default:
			p.Kind = ProblemEmpty
		}
		return p, !scriptSets
	}
	if scriptSets {
		return p, false
	}
	p.Kind = ProblemMissing
	if e, ok := in.Current.Get(name); ok && e.Unset {
		if _, inFile := fileVar(in.Environment, name); inFile {
			p.Kind, p.Scope, p.Source = ProblemUnset, sc.Environment.Name, fileSource(in.Environment)
			return p, true
		}
	}
	for _, l := range layers {
		for _, v := range l.s.Variables() {
			if v.Key == name && v.Disabled {
				p.Kind, p.Scope, p.Source = ProblemDisabled, l.s.Name, l.src
				return p, true
			}
		}
	}
	return p, true
}

func fileSource(f *File) string {
	if f == nil {
		return ""
	}
	return f.Source
}

func fixFor(p Problem, in PreflightInput) string {
	cmd := in.SetCommand
	if cmd == "" {
		cmd = "courier env set"
	}
	switch {
	case p.Kind == ProblemUnset && in.Environment != nil:
		return fmt.Sprintf("courier env reset %s %s", shellQuote(in.Environment.Source), shellQuote(p.Name))
	case p.Kind == ProblemDisabled:
		return "enable it in " + scopeWords(p)
	case p.Scope == "collection" || p.Scope == "data":
		if in.Environment != nil {
			return fmt.Sprintf("%s %s %s VALUE (an environment value overrides the %s)", cmd, shellQuote(in.Environment.Source), shellQuote(p.Name), p.Scope)
		}
		return "give it a value in the " + p.Scope
	case in.Environment != nil && (p.Scope == "" || p.Scope == sc(in)):
		if p.Secret {
			return fmt.Sprintf("courier vault set %s, then %s %s %s '{{vault:%s}}'", shellQuote(p.Name), cmd, shellQuote(in.Environment.Source), shellQuote(p.Name), p.Name)
		}
		return fmt.Sprintf("%s %s %s VALUE", cmd, shellQuote(in.Environment.Source), shellQuote(p.Name))
	case p.Scope == "globals" && in.Globals != nil:
		return fmt.Sprintf("%s %s %s VALUE", cmd, shellQuote(in.Globals.Source), shellQuote(p.Name))
	}
	return fmt.Sprintf("pass --env-var %s=VALUE, or an environment file (-e) that defines it", p.Name)
}

func sc(in PreflightInput) string {
	if in.Scopes != nil && in.Scopes.Environment != nil {
		return in.Scopes.Environment.Name
	}
	return "environment"
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./:=@%+,", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
