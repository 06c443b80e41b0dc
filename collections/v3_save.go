package collections

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"github.com/courier-run/courier/internal/atomicfile"
	"github.com/courier-run/courier/internal/lazyre"
)

// SaveDir writes c as a Postman v12 collection directory (format v3) at
// dir, in the layout and style the Postman app writes: one
// <Name>.request.yaml per request, a directory per folder,
// .resources/definition.yaml for the collection and each folder, and saved
// responses under .resources/<Request>.resources/examples/. Items loaded
// from a v3 directory keep their file names and order values, so writing a
// loaded collection back changes only what changed. Every file is written
// atomically; files of dir that c does not name are left alone.
//
// It returns what v3 cannot hold (script ids, disabled scripts...), one
// line each, for the caller to list.
func SaveDir(c *Collection, dir string) ([]string, error) {
	w := &v3writer{root: dir}
	name := c.Info.Name
	if name == filepath.Base(filepath.Clean(dir)) {
		name = "" // the directory says it
	}
	def := w.definition(name, c.Info.Name == "", c.Info.Description, c.Variables, c.Auth, c.Events, c.ProtocolProfileBehavior, nil, true, "collection")
	if c.Info.ID != "" {
		w.lose("the collection's id (_postman_id): v3 collections have none")
	}
	if c.Info.Version != "" {
		w.lose("the collection's version (info.version)")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if err := w.write(".resources/definition.yaml", def); err != nil {
		return nil, err
	}
	if err := w.items(c.Items, "."); err != nil {
		return nil, err
	}
	return w.dedupLost(), nil
}

type v3writer struct {
	root string
	lost []string
}

func (w *v3writer) lose(format string, args ...any) {
	w.lost = append(w.lost, fmt.Sprintf(format, args...))
}

func (w *v3writer) dedupLost() []string {
	seen := map[string]int{}
	var out []string
	for _, l := range w.lost {
		if seen[l] == 0 {
			out = append(out, l)
		}
		seen[l]++
	}
	for i, l := range out {
		if n := seen[l]; n > 1 {
			out[i] = fmt.Sprintf("%s (%d times)", l, n)
		}
	}
	return out
}

// write encodes doc and writes it atomically at rel (slash-separated).
func (w *v3writer) write(rel string, doc *yaml.Node) error {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("writing %s: %w", rel, err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", rel, err)
	}
	return atomicfile.WriteFile(filepath.Join(w.root, filepath.FromSlash(rel)), buf.Bytes(), 0o644)
}

// items writes siblings under dir (relative, slash-separated).
func (w *v3writer) items(items []*Item, dir string) error {
	names := siblingNames(items)
	orders := siblingOrders(items)
	for i, it := range items {
		w.itemLosses(it)
		if it.IsFolder() {
			sub := path.Join(dir, names[i])
			shown := it.Name
			if shown == names[i] {
				shown = ""
			}
			def := w.definition(shown, it.Name == "", it.Description, it.Variables, it.Auth, it.Events, it.ProtocolProfileBehavior, &orders[i], false, "folder "+strconv.Quote(it.Name))
			if err := w.write(path.Join(sub, ".resources", "definition.yaml"), def); err != nil {
				return err
			}
			if err := w.items(it.Items, sub); err != nil {
				return err
			}
			continue
		}
		stemName := strings.TrimSuffix(strings.TrimSuffix(names[i], ".request.yaml"), ".request.yml")
		doc, examples := w.request(it, stemName, orders[i])
		if err := w.write(path.Join(dir, names[i]), doc); err != nil {
			return err
		}
		for _, ex := range examples {
			if err := w.write(path.Join(dir, ".resources", stemName+".resources", "examples", ex.file), ex.doc); err != nil {
				return err
			}
		}
	}
	return nil
}

func (w *v3writer) itemLosses(it *Item) {
	where := strconv.Quote(strings.Join(it.Path(), " / "))
	for _, e := range it.Events {
		if e.Disabled {
			w.lose("disabled %s script of %s: v3 has no disabled scripts, it is left out", e.Listen, where)
		}
	}
	for _, v := range it.Variables {
		if v.ID != "" {
			w.lose("variable ids")
		}
	}
	if r := it.Request; r != nil {
		if r.Description != "" && it.Description != "" && r.Description != it.Description {
			w.lose("the request description of %s: v3 keeps one description per request (the item's is written)", where)
		}
		if r.Body != nil && r.Body.Disabled {
			w.lose("the disabled body of %s is left out", where)
		}
	}
}

var (
	unsafeName   = lazyre.New(`[/\\:*?"<>|\x00-\x1f\x7f]+`)
	reservedName = lazyre.New(`(?i)^(con|prn|aux|nul|com[1-9]|lpt[1-9])$`)
)

// sanitizeName makes a display name a file name that works on every
// system: characters Windows, macOS or Linux refuse become "_", trailing
// dots and spaces go, reserved device names get a "_", and length is capped.
func sanitizeName(name string) string {
	// One "-" for each run of them, as Postman CLI 1.34's `collection
	// migrate` replaces / \ : * ? " < > |; the rest (trailing dots, reserved names) keeps the files
	// usable on Windows.
	s := unsafeName().ReplaceAllString(name, "-")
	s = strings.TrimRight(s, ". ")
	s = strings.TrimLeft(s, " ")
	if s == "" || s == "." || s == ".." {
		s = "-"
	}
	if strings.HasPrefix(s, ".") {
		s = "-" + s[1:] // not .resources, nor a tool's hidden file
	}
	if reservedName().MatchString(s) {
		s += "_"
	}
	for len(s) > 150 {
		r := []rune(s)
		s = string(r[:len(r)-1])
	}
	return s
}

// siblingNames picks the file (request) or directory (folder) name of each
// sibling: the name it was loaded from, else the sanitised display name;
// names that would clash, even in case only, get " 1", " 2"... as the
// Postman app numbers them.
func siblingNames(items []*Item) []string {
	out := make([]string, len(items))
	used := map[string]bool{}
	suffix := func(it *Item) string {
		if it.IsFolder() {
			return ""
		}
		return ".request.yaml"
	}
	for i, it := range items {
		if it.File != "" {
			b := path.Base(it.File)
			if !used[strings.ToLower(b)] {
				out[i] = b
				used[strings.ToLower(b)] = true
			}
		}
	}
	for i, it := range items {
		if out[i] != "" {
			continue
		}
		base := sanitizeName(it.Name)
		name := base + suffix(it)
		for n := 1; used[strings.ToLower(name)]; n++ {
			name = base + " " + strconv.Itoa(n) + suffix(it)
		}
		used[strings.ToLower(name)] = true
		out[i] = name
	}
	return out
}

// siblingOrders keeps loaded order values when they still sort the items
// as they are, else numbers them 1000, 2000... as the Postman app does.
func siblingOrders(items []*Item) []float64 {
	out := make([]float64, len(items))
	keep := true
	for i, it := range items {
		if it.Order == nil || (i > 0 && *it.Order <= out[i-1]) {
			keep = false
			break
		}
		out[i] = *it.Order
	}
	if !keep {
		for i := range out {
			out[i] = float64((i + 1) * 1000)
		}
	}
	return out
}

// YAML building helpers.

func ystr(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	switch {
	case strings.Contains(s, "\r") || strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 && r != '\n' && r != '\t' || r == 0x7f }):
		n.Style = yaml.DoubleQuotedStyle
	case strings.Contains(s, "\n") && literalOK(s):
		n.Style = yaml.LiteralStyle
	case strings.Contains(s, "\n"):
		n.Style = yaml.DoubleQuotedStyle
	case needsQuote(s):
		n.Style = yaml.SingleQuotedStyle
	}
	return n
}

// literalOK reports whether a block scalar keeps s exactly: no trailing
// blanks on a line, no tab or space starting the first line.
func literalOK(s string) bool {
	if strings.HasPrefix(s, " ") || strings.HasPrefix(s, "\t") {
		return false
	}
	for _, l := range strings.Split(s, "\n") {
		if strings.HasSuffix(l, " ") || strings.HasSuffix(l, "\t") {
			return false
		}
	}
	return true
}

var yaml11Bool = lazyre.New(`^(?i:y|n|yes|no|on|off|true|false|null|~)$`)

func needsQuote(s string) bool {
	// Quoted also when Postman would read the bare text as a date or a
	// number where the Go parser would not (2018-01-01T07:36:28 without a
	// zone, ._5): plainTag is Postman's typing.
	if s == "" || yaml11Bool().MatchString(s) || plainTag(s) != "!!str" {
		return true
	}
	b, err := yaml.Marshal(s)
	return err != nil || (len(b) > 0 && (b[0] == '"' || b[0] == '\''))
}

// literalNumber is the YAML number for a JSON number's text, kept as
// written (a float64 would round a long integer); nil when v is none.
func literalNumber(v string) *yaml.Node {
	if _, err := strconv.ParseInt(v, 10, 64); err == nil {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: v}
	}
	if f, err := strconv.ParseFloat(v, 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
		return ynum(f)
	}
	return nil
}

func ybool(b bool) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(b)}
}

func ynum(f float64) *yaml.Node {
	if f == float64(int64(f)) {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.FormatInt(int64(f), 10)}
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: strconv.FormatFloat(f, 'g', -1, 64)}
}

type ymapb struct{ n *yaml.Node }

func newMap() ymapb { return ymapb{&yaml.Node{Kind: yaml.MappingNode}} }

func (m ymapb) set(k string, v *yaml.Node) {
	m.n.Content = append(m.n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k}, v)
}

func doc(m ymapb) *yaml.Node {
	return &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{m.n}}
}

// kvOut is one entry of a key/value list to write.
type kvOut struct {
	key, value  string
	description string
	disabled    bool
	typ         string
	null        bool
}

// kvNode writes a key/value list as a mapping {Name: value}, what the app
// writes, when it can hold it (no duplicates, nothing disabled, no
// descriptions or types), else as a list of {key, value...}.
func kvNode(list []kvOut) *yaml.Node {
	asMap := true
	seen := map[string]bool{}
	for _, e := range list {
		if e.disabled || e.description != "" || e.typ != "" || e.null || seen[e.key] {
			asMap = false
			break
		}
		seen[e.key] = true
	}
	if asMap {
		m := newMap()
		for _, e := range list {
			m.set(e.key, ystr(e.value))
		}
		return m.n
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	for _, e := range list {
		m := newMap()
		m.set("key", ystr(e.key))
		if e.null {
			// A query parameter without a value (?a): value: null, as
			// migrate writes it; a row without value: makes Postman CLI
			// 1.34 refuse the whole collection.
			m.set("value", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"})
		} else {
			m.set("value", ystr(e.value))
		}
		if e.description != "" {
			m.set("description", ystr(e.description))
		}
		if e.typ != "" {
			m.set("type", ystr(e.typ))
		}
		if e.disabled {
			m.set("disabled", ybool(true))
		}
		seq.Content = append(seq.Content, m.n)
	}
	return seq
}

// variablesNode writes a definition's variables without their types:
// Postman CLI 1.34 drops a whole definition whose variables say one
// (fresh-round8v-env.json).
// A secret's value is left out (see secretVariables): without its type
// it would be an ordinary value, shown by every run of the converted
// collection.
func variablesNode(vs []Variable) *yaml.Node {
	var list []kvOut
	for _, v := range vs {
		value := v.Value
		if isSecretValue(v) {
			value = ""
		}
		list = append(list, kvOut{key: v.Key, value: value, description: v.Description, disabled: v.Disabled})
	}
	return kvNode(list)
}

// isSecretValue: v is of type secret and holds a value, not a vault
// reference (which keeps the secret out of the file already).
func isSecretValue(v Variable) bool {
	return v.Type == "secret" && v.Value != "" && !strings.Contains(v.Value, "{{vault:")
}

// secretVariables lists the variables whose secret value variablesNode
// leaves out.
func secretVariables(vs []Variable) []string {
	var names []string
	for _, v := range vs {
		if isSecretValue(v) {
			names = append(names, v.Key)
		}
	}
	return names
}

// typedVariables lists the variables whose type a v12 definition cannot
// hold (string, default and any are what a text value is anyway).
func typedVariables(vs []Variable) []string {
	var names []string
	for _, v := range vs {
		if v.Type != "" && v.Type != "string" && v.Type != "default" && v.Type != "any" {
			names = append(names, v.Key+" ("+v.Type+")")
		}
	}
	return names
}

// authNode writes {type, credentials}. Parameters that were JSON booleans,
// numbers or structures in the source are written as YAML booleans,
// numbers and structures, which Postman's schema wants (jwt
// isSecretBase64Encoded, oauth2 lists); text stays text, quoted where it
// reads as a boolean or number, because Postman reads a flag by JavaScript
// truthiness: the text "false" is true, the boolean false is false. A
// credential Postman's newer runtime types (v3CredentialKinds) is written
// as the kind it takes, with the value JSON runs use: a flag as a boolean
// by truthiness (” is false), a number where text is wanted as text.
// authNode is authNode's, noting the lists a block gives the types it
// does not select: a v3 auth holds one type.
func (w *v3writer) authNode(a *Auth, where string) *yaml.Node {
	if len(a.Others) > 0 {
		w.lose("the auth parameters %s lists for types it does not select", where)
	}
	if a.Type == "noauth" && len(a.Params) > 0 {
		// Postman's format takes no credentials on noauth.
		w.lose("the parameters of %s's noauth auth", where)
	}
	return authNode(a)
}

// setSettings writes protocolProfileBehavior as settings:, with
// disabledSystemHeaders as the list of names Postman's format has (v2.1's
// {name: true}); a name v2.1 maps to a false value is left out.
func (w *v3writer) setSettings(m ymapb, ppb map[string]any, where string) {
	if len(ppb) == 0 {
		return
	}
	out := ppb
	if d, ok := ppb["disabledSystemHeaders"].(map[string]any); ok {
		out = maps.Clone(ppb)
		var names []string
		for k, v := range d {
			if v == true {
				names = append(names, k)
			} else {
				w.lose("the disabledSystemHeaders entry %q of %s, which is not true: Postman's format lists the disabled names", k, where)
			}
		}
		sort.Strings(names)
		out["disabledSystemHeaders"] = names
	}
	n := &yaml.Node{}
	if n.Encode(out) == nil {
		m.set("settings", n)
	}
}

// setAuth writes a request's or definition's auth:, none for inherit (no
// auth: at all is inherit, as Postman's migrate writes it).
func (w *v3writer) setAuth(m ymapb, a *Auth, where string) {
	if a != nil && a.Type != "inherit" {
		m.set("auth", w.authNode(a, where))
	}
}

func authNode(a *Auth) *yaml.Node {
	m := newMap()
	m.set("type", ystr(a.Type))
	if a.Type == "noauth" {
		return m.n
	}
	keys := a.Keys() // the collection's order
	cred := newMap()
	kinds := v3CredentialKinds[a.Type]
	for _, k := range keys {
		v := a.Params[k]
		kind, typed := kinds[k]
		switch {
		case typed && kind == credFlag:
			// Postman's newer runtime sends no auth for a flag that is
			// not a boolean (even ''); JSON runs read it by truthiness.
			cred.set(k, ybool(flagTruth(v, a.Literal[k])))
		case typed && a.Literal[k] && v != "null" && !(kind == credTextOrNumber && literalNumber(v) != nil):
			// A number or boolean where the runtime wants text, sent
			// as its text in JSON runs: quoted, so it still is.
			cred.set(k, ystr(v))
		case a.Literal[k] && (v == "true" || v == "false"):
			cred.set(k, ybool(v == "true"))
		case a.Literal[k] && literalNumber(v) != nil:
			cred.set(k, literalNumber(v))
		case strings.HasPrefix(v, "["):
			// OAuth 2 parameter lists and the like; an object is more
			// often a JSON payload kept as text (jwt, bearer).
			var x any
			if json.Unmarshal([]byte(v), &x) == nil {
				n := &yaml.Node{}
				if n.Encode(x) == nil {
					cred.set(k, n)
					continue
				}
			}
			cred.set(k, ystr(v))
		default:
			cred.set(k, ystr(v))
		}
	}
	m.set("credentials", cred.n)
	return m.n
}

// flagTruth reads a flag credential as JSON runs do, by JavaScript
// truthiness: text is true unless empty (the text "false" too), a boolean
// or number as itself.
func flagTruth(v string, literal bool) bool {
	if !literal {
		return v != ""
	}
	switch strings.TrimSpace(v) {
	case "false", "0", "null", "", "-0", "0.0":
		return false
	}
	return true
}

func (w *v3writer) scriptsNode(evs []Event, definition bool, where string) *yaml.Node {
	// A v3 file runs the first script of each type (Postman CLI 1.34 and
	// courier), so a second script of one type (v2.1 allows several) is
	// merged into the first: its code still runs, after the first's.
	type script struct{ typ, code, lang, packages string }
	var list []*script
	byType := map[string]*script{}
	for _, e := range evs {
		if e.Disabled {
			continue
		}
		var typ string
		switch e.Listen {
		case "prerequest":
			typ = "beforeRequest"
		case "test":
			typ = "afterResponse"
		default:
			w.lose("%s script of %s: v3 has only beforeRequest and afterResponse", e.Listen, where)
			continue
		}
		if strings.TrimSpace(e.Script.Exec) == "" {
			continue // the empty scripts v2.1 exports carry
		}
		if e.Script.ID != "" || e.Script.Name != "" {
			w.lose("script ids and names")
		}
		pkgs := e.Script.Packages
		if pkgs == "{}" || pkgs == "null" {
			pkgs = ""
		}
		if first := byType[typ]; first != nil {
			if pkgs != "" {
				w.lose("the packages of a second %s script of %s", e.Listen, where)
			}
			w.lose("a second %s script of %s: a v3 file runs one script of each type, so it is merged into the first", e.Listen, where)
			first.code += "\n" + e.Script.Exec
			continue
		}
		lang := e.Script.Type
		if lang == "" {
			lang = "text/javascript"
		}
		sc := &script{typ, e.Script.Exec, lang, pkgs}
		byType[typ] = sc
		list = append(list, sc)
	}
	if len(list) == 0 {
		return nil
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	for _, sc := range list {
		typ := sc.typ
		if definition {
			typ = "http:" + typ
		}
		m := newMap()
		m.set("type", ystr(typ))
		m.set("code", ystr(sc.code))
		m.set("language", ystr(sc.lang))
		if sc.packages != "" {
			// The packages the script imports ({"npm:x@1": {id}}), as
			// Postman's migrate writes them.
			var x any
			n := &yaml.Node{}
			if json.Unmarshal([]byte(sc.packages), &x) == nil && n.Encode(x) == nil {
				m.set("packages", n)
			} else {
				w.lose("script packages that are not JSON in %s", where)
			}
		}
		seq.Content = append(seq.Content, m.n)
	}
	return seq
}

func (w *v3writer) definition(name string, emptyName bool, description string, vars []Variable, auth *Auth, evs []Event, ppb map[string]any, order *float64, collection bool, where string) *yaml.Node {
	m := newMap()
	m.set("$kind", ystr("collection"))
	if name != "" || emptyName {
		m.set("name", ystr(name))
	}
	if description != "" {
		m.set("description", ystr(description))
	}
	if len(vars) > 0 {
		m.set("variables", variablesNode(vars))
		if typed := typedVariables(vars); len(typed) > 0 {
			w.lose("the types of the variables of %s (%s): a v12 definition's variables have none", where, strings.Join(typed, ", "))
		}
		if secret := secretVariables(vars); len(secret) > 0 {
			w.lose("the values of the secret variables of %s (%s) are left out, as a v12 definition cannot mark them secret: keep them in the vault (courier vault set NAME, then {{vault:NAME}} as the value) or in an environment as type: secret", where, strings.Join(secret, ", "))
		}
	}
	w.setAuth(m, auth, where)
	if s := w.scriptsNode(evs, true, where); s != nil {
		m.set("scripts", s)
	}
	w.setSettings(m, ppb, where)
	if order != nil {
		m.set("order", ynum(*order))
	}
	return doc(m)
}

type exampleOut struct {
	file string
	doc  *yaml.Node
}

func bodyType(b *Body) string {
	switch b.Language {
	case "json", "xml", "html", "javascript", "text":
		return b.Language
	}
	return "text"
}

func (w *v3writer) bodyNode(b *Body, where string) *yaml.Node {
	m := newMap()
	switch b.Mode {
	case BodyRaw, "":
		m.set("type", ystr(bodyType(b)))
		m.set("content", ystr(b.Raw))
	case BodyURLEncoded, BodyFormData:
		params := b.URLEncoded
		typ := "urlencoded"
		if b.Mode == BodyFormData {
			params, typ = b.FormData, "formdata"
		}
		m.set("type", ystr(typ))
		if typ == "urlencoded" {
			var list []kvOut
			for _, p := range params {
				list = append(list, kvOut{key: p.Key, value: p.Value, disabled: p.Disabled, description: p.Description})
			}
			m.set("content", kvNode(list))
			break
		}
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, p := range params {
			e := newMap()
			e.set("key", ystr(p.Key))
			// Postman CLI skips a request whose form-data entry has no
			// type, or a file entry without src.
			if p.Type == "file" {
				e.set("type", ystr("file"))
				switch len(p.Src) {
				case 0:
					e.set("src", &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle})
				case 1:
					e.set("src", ystr(p.Src[0]))
				default:
					s := &yaml.Node{Kind: yaml.SequenceNode}
					for _, x := range p.Src {
						s.Content = append(s.Content, ystr(x))
					}
					e.set("src", s)
				}
			} else {
				e.set("type", ystr("text"))
				e.set("value", ystr(p.Value))
			}
			if p.ContentType != "" {
				e.set("contentType", ystr(p.ContentType))
			}
			if p.Description != "" {
				e.set("description", ystr(p.Description))
			}
			if p.Disabled {
				e.set("disabled", ybool(true))
			}
			seq.Content = append(seq.Content, e.n)
		}
		m.set("content", seq)
	case BodyGraphQL:
		m.set("type", ystr("graphql"))
		g := newMap()
		if b.GraphQL != nil {
			g.set("query", ystr(b.GraphQL.Query))
			if b.GraphQL.Variables != "" {
				g.set("variables", ystr(b.GraphQL.Variables))
			}
			if b.GraphQL.OperationName != "" {
				g.set("operationName", ystr(b.GraphQL.OperationName))
			}
		}
		m.set("content", g.n)
	case BodyFile:
		// A binary body is type: file with content: {src}, as Postman's
		// migrate writes it and its lint requires.
		m.set("type", ystr("file"))
		c := newMap()
		c.set("src", ystr(b.File))
		m.set("content", c.n)
	case BodyNone:
		m.set("type", ystr("none"))
	default:
		w.lose("body mode %q of %s", b.Mode, where)
		return nil
	}
	return m.n
}

// urlParts splits a request URL into what v3 writes: the url text,
// queryParams and pathVariables. When a query parameter is disabled the url
// text has no query and queryParams lists them all, so that loading gives
// back the same parameters in the same order.
func urlParts(u URL) (raw string, query []kvOut, needQuery bool, pathVars []kvOut) {
	enabled := u
	enabled.Query = nil
	for _, q := range u.Query {
		v := ""
		if q.Value != nil {
			v = *q.Value
		}
		desc := ""
		if q.Described {
			desc = q.Description
		}
		query = append(query, kvOut{key: q.Key, value: v, disabled: q.Disabled, null: q.Value == nil, description: desc})
		// Text the url string cannot carry as is (a description too) goes
		// to queryParams.
		if q.Disabled || desc != "" || strings.ContainsAny(q.Key, "&#=") || strings.ContainsAny(v, "&#") {
			needQuery = true
			continue
		}
		enabled.Query = append(enabled.Query, q)
	}
	raw = u.Raw
	enabled.Variables = nil // String would substitute them
	if needQuery {
		enabled.Query = nil
	}
	if len(u.Host) > 0 || len(u.Path) > 0 || needQuery {
		// The parts are what Postman sends; the text is rebuilt from them.
		raw = enabled.String()
	}
	for _, v := range u.Variables {
		if v.NoValue {
			// A path variable without a value sends its :name as written;
			// the format has no such row (value: null skips the request,
			// "" sends an empty segment, as migrate writes it), and a
			// variable the file does not list sends :name, in Postman CLI
			// 1.34 and courier alike.
			continue
		}
		pathVars = append(pathVars, kvOut{key: v.Key, value: v.Value, description: v.Description, disabled: v.Disabled})
	}
	return raw, query, needQuery, pathVars
}

// setRequestLine sets what a request and a saved example's request have
// alike: url, method, headers, queryParams and pathVariables.
func setRequestLine(m ymapb, r *Request, method bool) {
	raw, query, needQuery, pathVars := urlParts(r.URL)
	m.set("url", ystr(raw))
	if method {
		m.set("method", ystr(r.Method))
	}
	if len(r.Header) > 0 {
		m.set("headers", headerNode(r.Header))
	}
	if needQuery {
		m.set("queryParams", kvNode(query))
	}
	if len(pathVars) > 0 {
		m.set("pathVariables", kvNode(pathVars))
	}
}

// headerNode is a header list as v3 writes it.
func headerNode(hs []Header) *yaml.Node {
	list := make([]kvOut, 0, len(hs))
	for _, h := range hs {
		list = append(list, kvOut{key: h.Key, value: h.Value, disabled: h.Disabled, description: h.Description})
	}
	return kvNode(list)
}

func (w *v3writer) request(it *Item, stemName string, order float64) (*yaml.Node, []exampleOut) {
	r := it.Request
	where := strconv.Quote(strings.Join(it.Path(), " / "))
	m := newMap()
	kind := "http-request"
	gql := r.Body != nil && !r.Body.Disabled && r.Body.Mode == BodyGraphQL
	if gql {
		kind = "graphql-request" // Postman takes GraphQL only in these
	}
	m.set("$kind", ystr(kind))
	if it.Name != stemName {
		m.set("name", ystr(it.Name))
		if it.Name == "" {
			w.lose("the empty name of a request (Postman reads a request's empty name: as its file's name)")
		}
	}
	desc := it.Description
	if desc == "" {
		desc = r.Description
	}
	if desc != "" {
		m.set("description", ystr(desc))
	}
	// A GraphQL request is a POST unless it says otherwise; migrate
	// writes no method: for it at all (so a GET becomes a POST there),
	// courier writes one only when it is not POST, so the request goes as
	// it went.
	setRequestLine(m, r, !gql || !strings.EqualFold(r.Method, "POST"))
	switch {
	case gql:
		g := r.Body.GraphQL
		if g == nil {
			g = &GraphQL{}
		}
		m.set("query", ystr(g.Query))
		if g.Variables != "" {
			m.set("variables", ystr(g.Variables))
		}
		if g.OperationName != "" {
			m.set("operationName", ystr(g.OperationName))
		}
	case r.Body != nil && !r.Body.Disabled:
		if b := w.bodyNode(r.Body, where); b != nil {
			m.set("body", b)
		}
	}
	w.setAuth(m, r.Auth, where)
	if s := w.scriptsNode(it.Events, false, where); s != nil {
		m.set("scripts", s)
	}
	if len(it.Variables) > 0 {
		w.lose("request-level variables of %s: v3 requests have none", where)
	}
	w.setSettings(m, it.ProtocolProfileBehavior, where)
	examples := w.examples(it, where)
	if len(examples) > 0 {
		m.set("examples", ystr("./.resources/"+stemName+".resources/examples"))
	}
	m.set("order", ynum(order))
	return doc(m), examples
}

// v2 response, as saved in Item.Responses.
type v2Response struct {
	Name            string          `json:"name"`
	OriginalRequest json.RawMessage `json:"originalRequest"`
	Status          *string         `json:"status"`
	Code            *int            `json:"code"`
	Header          json.RawMessage `json:"header"`
	Body            *string         `json:"body"`
	Preview         *string         `json:"_postman_previewlanguage"`
	Cookie          json.RawMessage `json:"cookie"`
}

func (w *v3writer) examples(it *Item, where string) []exampleOut {
	if len(it.Responses) == 0 {
		return nil
	}
	var list []v2Response
	if err := json.Unmarshal(it.Responses, &list); err != nil {
		w.lose("the saved examples of %s do not decode (%v)", where, err)
		return nil
	}
	var out []exampleOut
	used := map[string]bool{}
	for i, ex := range list {
		m := newMap()
		m.set("$kind", ystr("http-example"))
		name := ex.Name
		if name == "" {
			name = "Example"
		}
		file := exampleFileName(name, used)
		if strings.TrimSuffix(file, ".example.yaml") != name {
			m.set("name", ystr(name))
		}
		if rq := w.exampleRequest(ex.OriginalRequest, where); rq != nil {
			m.set("request", rq)
		}
		m.set("response", w.exampleResponse(ex))
		m.set("order", ynum(float64((i+1)*1000)))
		out = append(out, exampleOut{file: file, doc: doc(m)})
	}
	return out
}

// exampleFileName names an example's file after the example, numbered after
// the first when names repeat in any case (used holds the names taken).
func exampleFileName(name string, used map[string]bool) string {
	base := sanitizeName(name)
	file := base + ".example.yaml"
	for n := 1; used[strings.ToLower(file)]; n++ {
		file = base + " " + strconv.Itoa(n) + ".example.yaml"
	}
	used[strings.ToLower(file)] = true
	return file
}

// exampleRequest is an example's original request (its request line and
// body), or nil when it has none or it does not decode.
func (w *v3writer) exampleRequest(raw json.RawMessage, where string) *yaml.Node {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	r, err := request(raw, "originalRequest")
	if err != nil {
		return nil
	}
	rq := newMap()
	setRequestLine(rq, r, true)
	if r.Body != nil {
		if b := w.bodyNode(r.Body, where); b != nil {
			rq.set("body", b)
		}
	}
	return rq.n
}

// exampleResponse is an example's saved response: status, headers and
// body (typed by Postman's preview language). Its cookies have no place
// in the format.
func (w *v3writer) exampleResponse(ex v2Response) *yaml.Node {
	rs := newMap()
	// An example without a code or a status gets 200 and OK, as Postman
	// CLI 1.34's postman collection migrate writes them (the status is OK
	// even beside another code); the format requires both.
	code, status := 200, "OK"
	if ex.Code != nil {
		code = *ex.Code
	}
	if ex.Status != nil {
		status = *ex.Status
	}
	rs.set("statusCode", ynum(float64(code)))
	rs.set("statusText", ystr(status))
	if len(ex.Header) > 0 && string(ex.Header) != "null" {
		if hs, err := headers(ex.Header, "header"); err == nil && len(hs) > 0 {
			rs.set("headers", headerNode(hs))
		}
	}
	// An example without a body gets an empty text one, as migrate writes.
	body := ""
	if ex.Body != nil {
		body = *ex.Body
	}
	b := newMap()
	t := "text"
	if ex.Preview != nil && (*ex.Preview == "json" || *ex.Preview == "xml" || *ex.Preview == "html" || *ex.Preview == "javascript") {
		t = *ex.Preview
	}
	b.set("type", ystr(t))
	b.set("content", ystr(body))
	rs.set("body", b.n)
	if len(ex.Cookie) > 0 && string(ex.Cookie) != "null" && string(ex.Cookie) != "[]" {
		w.lose("cookies of saved examples")
	}
	return rs.n
}
