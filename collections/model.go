// Package collections loads Postman collections (v1, v2.0, v2.1 and the odd
// shapes real exports have) into courier's own model. Third-party types never
// leave this package.
package collections

import (
	"encoding/json"
	"slices"
	"sort"
)

// Collection is a normalized Postman collection. Every string may still hold
// unresolved {{variable}} templates; resolution happens at send time.
type Collection struct {
	Info      Info
	Items     []*Item // top-level items and folders, in run order
	Variables []Variable
	Auth      *Auth // nil: no collection-level auth
	Events    []Event
	// ProtocolProfileBehavior holds collection-level protocol options.
	ProtocolProfileBehavior map[string]any
	// ProtocolProfileBehaviorKeys are its keys in the file's order (nil:
	// none known; reports then sort them).
	ProtocolProfileBehaviorKeys []string
	// Source names where the collection came from (file path or URL).
	Source string
	// Format is the format the file was in: "v1", "v2.0" or "v2.1" (v2 files
	// without a recognizable schema count as "v2.1"), or "v3" for a Postman
	// v12 collection directory.
	Format string
	// Notices lists what loading a v3 directory skipped or tolerated (bad
	// files, requests of other protocols); the rest of the collection loads.
	Notices []Notice `json:"-"`
}

// Info is the collection's info block.
type Info struct {
	ID          string // _postman_id
	Name        string
	Description string
	// DescriptionType is the description's type when the collection gave
	// it as {content, type} with a type other than text/plain
	// (text/markdown): exports and reports keep it, as Newman does.
	DescriptionType string
	Schema          string
	Version         string
	// ExporterID is the _exporter_id Postman's exports carry, kept for
	// exports and the JSON report ("_": {postman_id, exporter_id}).
	ExporterID string
}

// Item is a request or a folder. Folders have a nil Request and may have Items.
type Item struct {
	ID          string
	Name        string
	Description string
	// DescriptionType is as Info's.
	DescriptionType string
	Request         *Request // nil for a folder
	Items           []*Item  // children of a folder, in run order
	Events          []Event
	Variables       []Variable
	Auth            *Auth // nil: inherit from the parent
	// ProtocolProfileBehavior holds per-item protocol options
	// (followRedirects, strictSSL, disableCookies...).
	ProtocolProfileBehavior map[string]any
	// ProtocolProfileBehaviorKeys is as Collection's.
	ProtocolProfileBehaviorKeys []string
	// Folder is true for folders, even empty ones.
	Folder bool
	// Parent is the enclosing folder, nil at the top level.
	Parent *Item `json:"-"`
	// Responses holds the saved examples verbatim (JSON array), only so that
	// Save can write them back; the runner never reads them.
	Responses json.RawMessage `json:"-"`
	// File is, for an item loaded from a v3 directory, the request file or
	// folder directory it came from, relative to the collection directory
	// (slash-separated), so that writing v3 back keeps the layout.
	File string `json:"-"`
	// Order is the v3 order value the file gave; nil when it had none.
	Order *float64 `json:"-"`
}

// Event is a script bound to a run phase.
type Event struct {
	Listen   string // "prerequest" or "test"
	Script   Script
	Disabled bool
	// DisabledSet says the file gave "disabled" (false included):
	// postman-collection keeps the flag then, and Newman's report
	// writes it first ("disabled": false).
	DisabledSet bool
}

// Script is the source of one script; Exec lines are joined with "\n".
type Script struct {
	ID   string
	Type string // usually "text/javascript"
	Exec string
	Name string
	// Packages is the script's "packages" as the file gave it (JSON
	// text, "" when left out): postman-collection keeps it as given and
	// reports write it back.
	Packages string
}

// Variable is a collection, item or URL path variable. Non-string values in
// the file are kept as their JSON text (5, true) as Postman does.
type Variable struct {
	ID          string
	Key         string
	Value       string
	Type        string // string, boolean, number, secret, any...
	Description string
	// DescriptionType is as Info's.
	DescriptionType string
	Disabled        bool
	// NoValue marks a variable without a value: a URL path variable the
	// collection left without "value" (or null) or read from a ":name"
	// segment of the path, or a collection variable without "value".
	// postman-collection keeps it valueless.
	NoValue bool
	// JSON is a value that is not a string (42, false, null, an object),
	// as the collection or a script gave it. For a path variable it fills
	// no segment (postman-collection substitutes strings only), so Value
	// is ""; a collection variable's Value is its text ("42", "" for null).
	JSON string
	// Name and System are a collection variable's "name" (when truthy)
	// and "system" (JSON text, "" when left out), which
	// postman-collection keeps as the file gave them; reports write
	// them back.
	Name, System string
	// Meta is, for a URL path variable, what else postman-collection keeps
	// of it as JSON (see pathVariableMeta): scripts show it as given.
	Meta string
}

// Request is an unresolved request template.
type Request struct {
	Method      string
	URL         URL
	Header      []Header
	Body        *Body // nil: no body
	Auth        *Auth // nil: inherit
	Description string
	// DescriptionType is as Info's.
	DescriptionType string
	// Proxy is the request's own proxy (v2's request.proxy); nil for none.
	Proxy *Proxy
}

// Proxy is a request's own proxy, postman-collection's ProxyConfig as
// Newman 6.2.2 reads it: the request goes through it whatever its match
// pattern and disabled flag say (fresh-round12n-c.json).
type Proxy struct {
	// Host is the host as written ("http://p.example", "p:3128" too);
	// Port its port ("" or anything that is no number: 8080).
	Host, Port string
	// Tunnel asks for a CONNECT tunnel also for http (https always has one).
	Tunnel bool
	// Authenticate sends Username and Password to the proxy.
	Authenticate       bool
	Username, Password string
	// Match is the match pattern as written ("" for none) and Disabled
	// the disabled flag when given as a boolean: scripts see them
	// (pm.request.proxy); the runtime sends through the proxy whatever
	// they say.
	Match    string
	Disabled *bool
	// Raw is the object as the file had it, written back by exports.
	Raw json.RawMessage
}

// URL keeps both the raw form and the parsed parts, as Postman does.
type URL struct {
	Raw       string
	Protocol  string
	Host      []string
	Port      string
	Path      []string
	Query     []QueryParam
	Variables []Variable // :pathVariable values
	Hash      string
	// EmptyHash marks a bare "#" (Hash is ""): postman-collection keeps
	// the hash "" apart from none, and prints the "#".
	EmptyHash bool
	// UserInfo is the user:password@ part, nil when absent.
	UserInfo *UserInfo
	// EmptyAuth marks a file's url.auth of {} (no user, no password):
	// nothing is sent, but scripts see the empty object.
	EmptyAuth bool
}

// UserInfo is the credentials part of a URL. A nil Password means the URL
// had no ":" after the user name.
type UserInfo struct {
	User     string
	Password *string
	// PasswordFirst: the file's auth object names password before user,
	// and scripts see its keys in that order, as postman-collection keeps
	// the object it was given; NoUser: it has no user (scripts see none).
	PasswordFirst, NoUser bool
}

// QueryParam is one query parameter. A nil Value means "key" without "=".
type QueryParam struct {
	Key      string
	Value    *string
	Disabled bool
	// DisabledSet says the file gave the row a disabled member that is
	// off (false); Name is the row's name when the file gave a truthy one.
	// postman-collection's Property keeps both, first in the row.
	DisabledSet bool
	Name        string
	// Meta is what else postman-collection keeps of the row (see RowMeta).
	Meta string
	// KeyNull marks the empty segment between two '&' (a=1&&b=2):
	// postman-collection reads it as key null, value null (toObject's
	// "null"), where a trailing '&' gives key "".
	KeyNull bool
	// JSON is a value the collection gave that is not a string (5, true):
	// postman-collection keeps it for pre-request scripts but prints the
	// parameter without a value, so Value is nil and the key goes alone.
	JSON string
	// Description is the row's description, kept as a header's (see
	// Header.Description): pre-request scripts, reports and exports show it.
	Description     string
	DescriptionType string
	Described       bool
	DescriptionJSON string
	DescriptionNone bool
	// FromV3 marks a row of a v12 file's queryParams: Postman's newer
	// runtime shows it to scripts with its disabled flag (false too) and a
	// description ({content: "", type} when the file gives none). A query
	// the url text carries shows plain.
	FromV3 bool
}

// Header is one request header.
type Header struct {
	Key      string
	Value    string
	Disabled bool
	// System marks a header the runtime added to a sent request (User-Agent,
	// Host, auth...), as Postman marks it ({system: true}); never set in a
	// collection.
	System bool
	// DisabledSet says the file gave the row a disabled member that is
	// off (false), which postman-collection's Property keeps; it sits in the
	// padding after System. Name is the row's truthy name (old Postman
	// exports write "name": "Content-Type"), kept first in the row.
	DisabledSet bool
	Name        string
	// Meta is what else postman-collection keeps of the row, as JSON (see
	// RowMeta): a truthy id, a name that is not a string, a disabled that
	// is not a boolean, the row's own system member. Scripts, the JSON
	// report and exports show them as given.
	Meta string
	// JSON is the value's JSON text when it is not a string (5, true,
	// null, {"a":1}, [1,"two"]): a collection file or a pre-request script
	// gave it so, and Postman keeps the type, so later scripts and reports
	// see the value as given. Value then holds the text sent (see
	// WireValues); "" for a string value.
	JSON string
	// Description is the row's description (postman-collection's
	// {content, type}) the collection file or a script gave it, kept for
	// scripts, reports and exports when Described.
	Description     string
	DescriptionType string // "" reads text/plain
	Described       bool
	// DescriptionJSON is the description's content when it is not text
	// (null, 5, true), as JSON; DescriptionNone marks one without content
	// (a null or false description, {type} alone): postman-collection's
	// Description then shows {type} only.
	DescriptionJSON string
	DescriptionNone bool
	// FromV3 marks a row of a v12 file: Postman's newer runtime shows it to
	// scripts with a description ({type} alone when the file gives none).
	FromV3 bool
}

// Body modes.
const (
	BodyRaw        = "raw"
	BodyURLEncoded = "urlencoded"
	BodyFormData   = "formdata"
	BodyFile       = "file"
	BodyGraphQL    = "graphql"
	BodyNone       = "none"
)

// Body is a request body in one of Postman's modes.
type Body struct {
	Mode     string
	Raw      string
	Language string // options.raw.language: json, xml, text, javascript, html
	// Options is the body's options object as the collection wrote it
	// (compact JSON), when it holds more than raw.language
	// ("headerFamily", "urlencoded": {}); nil otherwise. Scripts and
	// exports show it as written, as postman-collection keeps it.
	Options    json.RawMessage
	URLEncoded []FormParam
	FormData   []FormParam
	File       string // file mode: path of the file to send
	// FileContent is a file body's content, base64, sent when it names no
	// file (postman-runtime decodes it then).
	FileContent string
	// FileGiven is a file body's file member as the collection wrote it
	// (compact JSON of the object: {}, {"src": null}, {"content": …}), ""
	// when it gave none, another shape, or only a src that is text (File
	// says all then). postman-collection keeps the
	// object as written and Newman's report writes it back; the runtime
	// warns about an object without a readable src.
	FileGiven string
	GraphQL   *GraphQL
	Disabled  bool
}

// FormParam is one urlencoded or formdata field.
type FormParam struct {
	Key   string
	Value string
	// NoValue says an urlencoded row has no value string: the collection
	// left the member out or wrote null. postman-collection keeps it so
	// (scripts read undefined or null, toString() prints the bare key);
	// the wire carries "key=" either way. Value is then "".
	NoValue     NoValue
	Type        string   // "text" or "file"
	Src         []string // file parts: paths
	ContentType string
	Disabled    bool
	// DisabledSet, Name and Meta are kept as a header's (see Header).
	DisabledSet bool
	Name        string
	Meta        string
	// JSON is a value that is not a string (5, true, {"a":1}, [1,2]), as
	// the collection or a script gave it: scripts and reports see it typed.
	// Value holds its text as sent (see FormWireValues).
	JSON string
	// FromV3 marks a row of a v12 file's body: Postman's newer runtime
	// shows it to scripts with its disabled flag (false too) and a
	// description ({type} alone when the file gives none, else
	// Description), and a file row's single src as a string.
	FromV3      bool
	Description string
	// Described, DescriptionType, DescriptionJSON and DescriptionNone
	// are a v2 row's description as a query parameter's (see
	// QueryParam), which the JSON report and exports keep, as
	// postman-collection does.
	Described       bool
	DescriptionType string
	DescriptionJSON string
	DescriptionNone bool
}

// NoValue is how a row without a value string wrote it.
type NoValue uint8

const (
	HasValue   NoValue = iota // a string, possibly ""
	ValueUnset                // no value member
	ValueNull                 // "value": null
)

// GraphQL is a graphql-mode body.
type GraphQL struct {
	Query         string
	OperationName string
	Variables     string
	// VariablesJSON marks variables written as a JSON value rather than
	// text (an object, usually): Variables holds its JSON text, and
	// scripts see the value itself, as postman-collection keeps it.
	VariablesJSON bool
	// Unset names the members the collection left out ("query",
	// "operationName", "variables"): scripts read them as undefined.
	Unset []string
	// JSONMembers names "query" or "operationName" given as a JSON value
	// that is not a string (null, a number): the field holds that JSON.
	// postman-runtime sends them only beside variables that are not text.
	JSONMembers []string
}

// IsJSON reports whether member name holds a JSON value, not text.
func (g *GraphQL) IsJSON(name string) bool { return slices.Contains(g.JSONMembers, name) }

// IsUnset reports whether the collection left member name out.
func (g *GraphQL) IsUnset(name string) bool {
	for _, n := range g.Unset {
		if n == name {
			return true
		}
	}
	return false
}

// Auth is an auth block. Params are normalized from both the v2.1 array form
// ([{key, value}]) and the v2.0 object form; non-string values keep their
// JSON text.
type Auth struct {
	Type   string
	Params map[string]string
	// Order lists Params' keys in the collection's order (Postman keeps
	// auth parameters as a list).
	Order []string
	// Types holds the type a parameter declares ({key, value, type}),
	// when it declares one; Postman shows it to scripts.
	Types map[string]string
	// Literal marks the parameters whose value is not a string (false, 3):
	// Params holds its JSON text, and scripts and exports see the value.
	Literal map[string]bool
	// System marks the parameters the runtime set (what a digest challenge
	// taught): Postman shows them to test scripts with system: true.
	System map[string]bool
	// Others are the parameter lists the block gives for types it does not
	// select ({"type": "bearer", "bearer": [...], "basic": [...]}), each
	// with its Type, in the block's order. postman-collection keeps them:
	// scripts see them (auth.basic, toJSON) and a switch of type (use,
	// authorizeUsing) takes them up; only the selected type signs.
	Others []*Auth
}

// Other is the parameter list the block gives type typ when typ is not
// the selected one, or nil.
func (a *Auth) Other(typ string) *Auth {
	if a == nil {
		return nil
	}
	for _, o := range a.Others {
		if o.Type == typ {
			return o
		}
	}
	return nil
}

// Set sets parameter k to the string v, remembering the order parameters
// came in.
func (a *Auth) Set(k, v string) {
	if a.Params == nil {
		a.Params = map[string]string{}
	}
	if _, ok := a.Params[k]; !ok {
		a.Order = append(a.Order, k)
	}
	a.Params[k] = v
	delete(a.Literal, k)
}

// SetUndefined keeps parameter k with no value, JavaScript's undefined, as
// the runtime's auth.set(k, undefined) leaves it: scripts see the key with
// an undefined value. It is held as a literal without text.
func (a *Auth) SetUndefined(k string) {
	a.Set(k, "")
	if a.Literal == nil {
		a.Literal = map[string]bool{}
	}
	a.Literal[k] = true
}

// SetParam sets parameter k as the collection gives it: text is the value
// (a non-string's JSON text when literal), typ its declared type or "".
func (a *Auth) SetParam(k, text, typ string, literal bool) {
	a.Set(k, text)
	if typ != "" {
		if a.Types == nil {
			a.Types = map[string]string{}
		}
		a.Types[k] = typ
	} else {
		delete(a.Types, k)
	}
	if literal {
		if a.Literal == nil {
			a.Literal = map[string]bool{}
		}
		a.Literal[k] = true
	}
}

// ParamType is parameter k's declared type, "any" when it declares none,
// as postman-collection reports it.
func (a *Auth) ParamType(k string) string {
	if t := a.Types[k]; t != "" {
		return t
	}
	return "any"
}

// Clone copies a, maps included.
func (a *Auth) Clone() *Auth {
	c := &Auth{Type: a.Type, Params: make(map[string]string, len(a.Params)), Order: append([]string(nil), a.Order...)}
	for k, v := range a.Params {
		c.Params[k] = v
	}
	if a.Types != nil {
		c.Types = make(map[string]string, len(a.Types))
		for k, v := range a.Types {
			c.Types[k] = v
		}
	}
	if a.Literal != nil {
		c.Literal = make(map[string]bool, len(a.Literal))
		for k, v := range a.Literal {
			c.Literal[k] = v
		}
	}
	if a.System != nil {
		c.System = make(map[string]bool, len(a.System))
		for k, v := range a.System {
			c.System[k] = v
		}
	}
	if a.Others != nil {
		c.Others = make([]*Auth, len(a.Others))
		for i, o := range a.Others {
			c.Others[i] = o.Clone()
		}
	}
	return c
}

// Keys returns the parameter names: Order's first, then any others
// (set later) sorted, so every listing is the same from run to run.
func (a *Auth) Keys() []string {
	if a == nil {
		return nil
	}
	out := make([]string, 0, len(a.Params))
	seen := make(map[string]bool, len(a.Params))
	for _, k := range a.Order {
		if _, ok := a.Params[k]; ok && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	rest := make([]string, 0, len(a.Params)-len(out))
	for k := range a.Params {
		if !seen[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// Param returns an auth parameter, or "" when absent.
func (a *Auth) Param(key string) string {
	if a == nil {
		return ""
	}
	return a.Params[key]
}

// IsFolder reports whether the item is a folder.
func (i *Item) IsFolder() bool { return i.Folder || i.Request == nil }

// Path returns the names of the enclosing folders and the item itself.
func (i *Item) Path() []string {
	n := 0
	for it := i; it != nil; it = it.Parent {
		n++
	}
	// Filled from the end: prepending would make deep trees quadratic.
	p := make([]string, n)
	for it := i; it != nil; it = it.Parent {
		n--
		p[n] = it.Name
	}
	return p
}

// Walk visits every request item depth-first, in Postman run order.
func Walk(items []*Item, fn func(*Item) error) error {
	for _, it := range items {
		if it.IsFolder() {
			if err := Walk(it.Items, fn); err != nil {
				return err
			}
			continue
		}
		if err := fn(it); err != nil {
			return err
		}
	}
	return nil
}
