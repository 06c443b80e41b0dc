package collections

import (
	"bytes"
	"cmp"
	"encoding/json"
	"io"
	"strings"

	"github.com/courier-run/courier/internal/jsonobject"
)

// SchemaV21 is the schema URL written by Save.
const SchemaV21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"

// Save writes c as a v2.1 collection (for --export-collection). Everything
// the model holds is written, so loading the output gives the same model
// (apart from Source, Format and Info.Schema, which becomes v2.1).
func Save(w io.Writer, c *Collection) error { return encodeDoc(w, outDocOf(c)) }

// SaveExport writes c as Save does, with every description as
// postman-collection's {content, type} (text/plain for text), as Newman's
// --export-collection writes them: the collection's, folders', items',
// requests', variables' and rows'.
func SaveExport(w io.Writer, c *Collection) error {
	doc := outDocOf(c)
	doc.Info.Description = describedObject(doc.Info.Description)
	variablesDescribed(doc.Variable)
	itemsDescribed(doc.Item)
	return encodeDoc(w, doc)
}

// describedObject is a description written as text, as {content, type}.
func describedObject(d any) any {
	if s, ok := d.(string); ok {
		return typedDescription{s, "text/plain"}
	}
	return d
}

// typedDescription is a description as postman-collection writes it,
// content then type.
type typedDescription struct {
	Content string `json:"content"`
	Type    string `json:"type"`
}

func variablesDescribed(vs []outVariable) {
	for i := range vs {
		vs[i].Description = describedObject(vs[i].Description)
	}
}

func itemsDescribed(items []outItem) {
	for i := range items {
		it := &items[i]
		it.Description = describedObject(it.Description)
		variablesDescribed(it.Variable)
		if it.Item != nil {
			itemsDescribed(*it.Item)
		}
		if r := it.Request; r != nil {
			r.Description = describedObject(r.Description)
			variablesDescribed(r.URL.Variable)
			for j := range r.Header {
				r.Header[j].Description = describedObject(r.Header[j].Description)
			}
			if r.Body != nil {
				for j := range r.Body.URLEncoded {
					r.Body.URLEncoded[j].Description = describedObject(r.Body.URLEncoded[j].Description)
				}
				for j := range r.Body.FormData {
					r.Body.FormData[j].Description = describedObject(r.Body.FormData[j].Description)
				}
			}
			if r.URL.Query != nil {
				for j := range *r.URL.Query {
					q := &(*r.URL.Query)[j]
					q.Description = describedObject(q.Description)
				}
			}
		}
	}
}

// textDescription is a description as the file writes it, none when empty:
// its text, or {content, type} when the collection gave a type other than
// text/plain (text/markdown), which a text would lose.
func textDescription(s, typ string) any {
	switch {
	case s == "" && typ == "":
		return nil
	case typ != "":
		return typedDescription{s, typ}
	}
	return s
}

func outDocOf(c *Collection) outDoc {
	return outDoc{
		Info: outInfo{
			ID:          c.Info.ID,
			Name:        c.Info.Name,
			Description: textDescription(c.Info.Description, c.Info.DescriptionType),
			Schema:      SchemaV21,
			Version:     c.Info.Version,
			ExporterID:  c.Info.ExporterID,
		},
		Item:     outItems(c.Items),
		Event:    outEvents(c.Events),
		Variable: outVariables(c.Variables),
		Auth:     outAuthOf(c.Auth),
		PPB:      ProtocolProfileBehaviorJSON(c.ProtocolProfileBehavior, c.ProtocolProfileBehaviorKeys),
	}
}

func encodeDoc(w io.Writer, doc outDoc) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "\t")
	return enc.Encode(doc)
}

type outDoc struct {
	Info     outInfo         `json:"info"`
	Item     []outItem       `json:"item"`
	Event    []outEvent      `json:"event,omitempty"`
	Variable []outVariable   `json:"variable,omitempty"`
	Auth     *outAuth        `json:"auth,omitempty"`
	PPB      json.RawMessage `json:"protocolProfileBehavior,omitempty"`
}

type outInfo struct {
	ID          string `json:"_postman_id,omitempty"`
	Name        string `json:"name"`
	Description any    `json:"description,omitempty"`
	Schema      string `json:"schema"`
	Version     string `json:"version,omitempty"`
	ExporterID  string `json:"_exporter_id,omitempty"`
}

type outItem struct {
	ID          string          `json:"id,omitempty"`
	Name        string          `json:"name"`
	Description any             `json:"description,omitempty"`
	Item        *[]outItem      `json:"item,omitempty"`
	Event       []outEvent      `json:"event,omitempty"`
	Variable    []outVariable   `json:"variable,omitempty"`
	Auth        *outAuth        `json:"auth,omitempty"`
	PPB         json.RawMessage `json:"protocolProfileBehavior,omitempty"`
	Request     *outRequest     `json:"request,omitempty"`
	Response    json.RawMessage `json:"response,omitempty"`
}

type outRequest struct {
	Method      string      `json:"method"`
	Header      []outHeader `json:"header"`
	Body        *outBody    `json:"body,omitempty"`
	URL         outURL      `json:"url"`
	Auth        *outAuth    `json:"auth,omitempty"`
	Description any         `json:"description,omitempty"`
	// Proxy is the request's proxy object as the file had it.
	Proxy json.RawMessage `json:"proxy,omitempty"`
}

type outHeader struct {
	Key   string `json:"key"`
	Value string `json:"value"`
	// Disabled is written when on or when the file gave it (false too),
	// and Name when the row has one, as Postman's own exports keep them.
	Disabled *bool  `json:"disabled,omitempty"`
	Name     string `json:"name,omitempty"`
	// Description is the row's description: its text, or {content,
	// type} when the type is not text/plain.
	Description any `json:"description,omitempty"`
	// typed is Header.JSON: the value is written as that JSON.
	typed string
}

func outHeaderOf(h Header) outHeader {
	o := outHeader{Key: h.Key, Value: h.Value, Disabled: rowDisabled(h.Disabled, h.DisabledSet), Name: h.Name, typed: h.JSON}
	o.Description = outDescription(h.Described, h.DescriptionNone, h.Description, h.DescriptionType, h.DescriptionJSON)
	return o
}

// outDescription is a header's or query parameter's description as the
// file writes it: its text, or {content, type} when the type is not
// text/plain or the content is not text; nil when the row has none.
func outDescription(described, none bool, text, typ, content string) any {
	switch {
	case !described:
		return nil
	case none || content != "":
		d := map[string]any{"type": cmp.Or(typ, "text/plain")}
		if content != "" {
			d["content"] = json.RawMessage(content)
		}
		return d
	case typ != "":
		return typedDescription{text, typ}
	default:
		return text
	}
}

func (h outHeader) MarshalJSON() ([]byte, error) {
	type plain outHeader
	if h.typed == "" {
		return json.Marshal(plain(h))
	}
	return json.Marshal(struct {
		Key         string          `json:"key"`
		Value       json.RawMessage `json:"value"`
		Disabled    *bool           `json:"disabled,omitempty"`
		Name        string          `json:"name,omitempty"`
		Description any             `json:"description,omitempty"`
	}{h.Key, json.RawMessage(h.typed), h.Disabled, h.Name, h.Description})
}

// rowDisabled is a row's disabled member as written: nil (left out) when
// off and the file did not give it.
func rowDisabled(on, set bool) *bool {
	if !on && !set {
		return nil
	}
	return &on
}

type outURL struct {
	Raw      string        `json:"raw"`
	Protocol string        `json:"protocol,omitempty"`
	Auth     *outUserInfo  `json:"auth,omitempty"`
	Host     *[]string     `json:"host,omitempty"`
	Port     string        `json:"port,omitempty"`
	Path     *[]string     `json:"path,omitempty"`
	Query    *[]outQuery   `json:"query,omitempty"`
	Hash     *string       `json:"hash,omitempty"`
	Variable []outVariable `json:"variable,omitempty"`
}

// outUserInfo is url.auth as the file gave it: its keys in their order,
// an absent user left out, {} kept (scripts see the object as written).
type outUserInfo struct {
	User, Password *string
	PasswordFirst  bool
}

func (u outUserInfo) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	write := func(k string, v *string) {
		if v == nil {
			return
		}
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		key, _ := json.Marshal(k)
		val, _ := json.Marshal(*v)
		b.Write(key)
		b.WriteByte(':')
		b.Write(val)
	}
	if u.PasswordFirst {
		write("password", u.Password)
		write("user", u.User)
	} else {
		write("user", u.User)
		write("password", u.Password)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

type outQuery struct {
	Key      *string `json:"key"` // nil: the null key of "a&&b"
	Value    *string `json:"value"`
	Disabled *bool   `json:"disabled,omitempty"`
	Name     string  `json:"name,omitempty"`
	// Description as outHeader's.
	Description any `json:"description,omitempty"`
}

type outBody struct {
	Mode       string      `json:"mode"`
	Raw        *string     `json:"raw,omitempty"`
	URLEncoded []outForm   `json:"urlencoded,omitempty"`
	FormData   []outForm   `json:"formdata,omitempty"`
	File       *outFile    `json:"file,omitempty"`
	GraphQL    *outGraphQL `json:"graphql,omitempty"`
	Options    any         `json:"options,omitempty"`
	Disabled   bool        `json:"disabled,omitempty"`
}

type outBodyOpts struct {
	Raw struct {
		Language string `json:"language"`
	} `json:"raw"`
}

type outFile struct {
	Src     string `json:"src"`
	Content string `json:"content,omitempty"`
	// Given is the member as the collection wrote it (Body.FileGiven),
	// written back when it still names the same file.
	Given string `json:"-"`
}

func (f outFile) MarshalJSON() ([]byte, error) {
	var given struct {
		Src     *string `json:"src"`
		Content *string `json:"content"`
	}
	if f.Given != "" && json.Unmarshal([]byte(f.Given), &given) == nil &&
		(given.Src == nil && f.Src == "" || given.Src != nil && *given.Src == f.Src) &&
		(given.Content == nil && f.Content == "" || given.Content != nil && *given.Content == f.Content) {
		return []byte(f.Given), nil
	}
	type plain outFile
	return json.Marshal(plain(f))
}

type outGraphQL struct {
	Query         json.RawMessage `json:"query"`
	OperationName json.RawMessage `json:"operationName,omitempty"`
	Variables     json.RawMessage `json:"variables"`
}

type outForm struct {
	Key string `json:"key"`
	// Value is a JSON string, null, or nothing (omitted).
	Value json.RawMessage `json:"value,omitempty"`
	// Description as outHeader's.
	Description any    `json:"description,omitempty"`
	Type        string `json:"type,omitempty"`
	Src         any    `json:"src,omitempty"`
	ContentType string `json:"contentType,omitempty"`
	Disabled    *bool  `json:"disabled,omitempty"`
	Name        string `json:"name,omitempty"`
}

type outEvent struct {
	Listen string    `json:"listen"`
	Script outScript `json:"script"`
	// Disabled is written when true or when the file gave it.
	Disabled *bool `json:"disabled,omitempty"`
}

type outScript struct {
	ID       string          `json:"id,omitempty"`
	Type     string          `json:"type,omitempty"`
	Packages json.RawMessage `json:"packages,omitempty"`
	Exec     []string        `json:"exec"`
	Name     string          `json:"name,omitempty"`
}

type outVariable struct {
	ID          string          `json:"id,omitempty"`
	Key         string          `json:"key"`
	Value       *string         `json:"value,omitempty"` // nil: a path variable without a value
	Type        string          `json:"type,omitempty"`
	Name        string          `json:"name,omitempty"`
	System      json.RawMessage `json:"system,omitempty"`
	Description any             `json:"description,omitempty"`
	Disabled    bool            `json:"disabled,omitempty"`
	// typed is Variable.JSON: the value is written as that JSON.
	typed string
	// meta is Variable.Meta: its members go first, as given.
	meta string
}

func (v outVariable) MarshalJSON() ([]byte, error) {
	b, err := v.marshalTyped()
	if err != nil || v.meta == "" {
		return b, err
	}
	return withMembersFirst(b, v.meta)
}

// withMembersFirst is the JSON object obj with the members of the object
// first in their place, in their order (a path variable's Meta: its id,
// name, disabled and key as the collection gave them).
func withMembersFirst(obj []byte, first string) ([]byte, error) {
	var over, rest []struct {
		k string
		v json.RawMessage
	}
	for _, src := range []struct {
		text string
		into *[]struct {
			k string
			v json.RawMessage
		}
	}{{first, &over}, {string(obj), &rest}} {
		ms, err := jsonobject.Members(json.RawMessage(src.text))
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			*src.into = append(*src.into, struct {
				k string
				v json.RawMessage
			}{m.Key, m.Value})
		}
	}
	var buf bytes.Buffer
	buf.WriteByte('{')
	seen := map[string]bool{}
	for _, list := range [][]struct {
		k string
		v json.RawMessage
	}{over, rest} {
		for _, m := range list {
			if seen[m.k] {
				continue
			}
			seen[m.k] = true
			if buf.Len() > 1 {
				buf.WriteByte(',')
			}
			k, _ := json.Marshal(m.k)
			buf.Write(k)
			buf.WriteByte(':')
			buf.Write(m.v)
		}
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

func (v outVariable) marshalTyped() ([]byte, error) {
	type plain outVariable
	if v.typed == "" {
		return json.Marshal(plain(v))
	}
	return json.Marshal(struct {
		ID          string          `json:"id,omitempty"`
		Key         string          `json:"key"`
		Value       json.RawMessage `json:"value"`
		Type        string          `json:"type,omitempty"`
		Name        string          `json:"name,omitempty"`
		System      json.RawMessage `json:"system,omitempty"`
		Description any             `json:"description,omitempty"`
		Disabled    bool            `json:"disabled,omitempty"`
	}{v.ID, v.Key, json.RawMessage(v.typed), v.Type, v.Name, v.System, v.Description, v.Disabled})
}

type outAuth struct {
	Type   string
	Params []outAuthParam
	// Others are the lists the block gives the types it does not select.
	Others []*outAuth
}

type outAuthParam struct {
	Key   string `json:"key"`
	Value any    `json:"value,omitempty"` // a string, a literal's json.RawMessage, nil for undefined
	Type  string `json:"type,omitempty"`
}

// MarshalJSON writes {type, <type>: [{key, value, type}]}.
func (a outAuth) MarshalJSON() ([]byte, error) {
	type kv = struct {
		k string
		v any
	}
	parts := []kv{{"type", a.Type}}
	if a.Type != "noauth" || len(a.Params) > 0 {
		parts = append(parts, kv{a.Type, a.Params})
	}
	for _, o := range a.Others {
		parts = append(parts, kv{o.Type, o.Params})
	}
	var b strings.Builder
	b.WriteByte('{')
	for i, p := range parts {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(p.k)
		v, err := json.Marshal(p.v)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}

func outItems(items []*Item) []outItem {
	out := make([]outItem, 0, len(items))
	for _, it := range items {
		o := outItem{
			ID:          it.ID,
			Name:        it.Name,
			Description: textDescription(it.Description, it.DescriptionType),
			Event:       outEvents(it.Events),
			Variable:    outVariables(it.Variables),
			Auth:        outAuthOf(it.Auth),
			PPB:         ProtocolProfileBehaviorJSON(it.ProtocolProfileBehavior, it.ProtocolProfileBehaviorKeys),
		}
		if it.IsFolder() {
			children := outItems(it.Items)
			o.Item = &children
		} else {
			o.Request = outRequestOf(it.Request)
			if len(it.Responses) > 0 {
				o.Response = it.Responses
			}
		}
		out = append(out, o)
	}
	return out
}

func outRequestOf(r *Request) *outRequest {
	o := &outRequest{
		Method:      r.Method,
		Header:      make([]outHeader, 0, len(r.Header)),
		URL:         outURLOf(r.URL),
		Auth:        outAuthOf(r.Auth),
		Description: textDescription(r.Description, r.DescriptionType),
	}
	if r.Proxy != nil {
		o.Proxy = r.Proxy.Raw
	}
	for _, h := range r.Header {
		o.Header = append(o.Header, outHeaderOf(h))
	}
	// A v12 body of type none is no body: v2.1 has no such mode (Postman's
	// schema refuses "mode": "none"), and postman-collection would read it
	// back as an empty raw body, which the v12 runtime sends typed
	// text/plain.
	if b := r.Body; b != nil && b.Mode != BodyNone {
		ob := &outBody{Mode: b.Mode, URLEncoded: outForms(b.URLEncoded, true), FormData: outForms(b.FormData, false), Disabled: b.Disabled}
		if b.Mode == BodyRaw || b.Raw != "" {
			raw := b.Raw
			ob.Raw = &raw
		}
		if b.Mode == BodyFile || b.File != "" {
			ob.File = &outFile{Src: b.File, Content: b.FileContent, Given: b.FileGiven}
		}
		if b.GraphQL != nil {
			vars, _ := json.Marshal(b.GraphQL.Variables)
			if b.GraphQL.VariablesJSON && json.Valid([]byte(b.GraphQL.Variables)) {
				vars = []byte(b.GraphQL.Variables) // an object stays an object
			}
			g := b.GraphQL
			member := func(name, v string) json.RawMessage {
				if g.IsJSON(name) && json.Valid([]byte(v)) {
					return json.RawMessage(v) // null, a number: as the collection gave it
				}
				if v == "" && name == "operationName" {
					return nil
				}
				return jsonString(v)
			}
			ob.GraphQL = &outGraphQL{Query: member("query", g.Query), OperationName: member("operationName", g.OperationName), Variables: vars}
		}
		if b.Options != nil {
			ob.Options = b.Options
		} else if b.Language != "" {
			opts := &outBodyOpts{}
			opts.Raw.Language = b.Language
			ob.Options = opts
		}
		o.Body = ob
	}
	return o
}

func outURLOf(u URL) outURL {
	o := outURL{Raw: u.Raw, Protocol: u.Protocol, Port: u.Port, Variable: outVariables(u.Variables)}
	if u.Hash != "" || u.EmptyHash {
		o.Hash = &u.Hash
	}
	if u.Host != nil {
		h := u.Host
		o.Host = &h
	}
	if u.Path != nil {
		p := u.Path
		o.Path = &p
	}
	if u.Query != nil {
		q := make([]outQuery, 0, len(u.Query))
		for _, p := range u.Query {
			o := outQuery{Value: p.Value, Disabled: rowDisabled(p.Disabled, p.DisabledSet), Name: p.Name}
			o.Description = outDescription(p.Described, p.DescriptionNone, p.Description, p.DescriptionType, p.DescriptionJSON)
			if !p.KeyNull {
				o.Key = &p.Key
			}
			q = append(q, o)
		}
		o.Query = &q
	}
	if ui := u.UserInfo; ui != nil {
		o.Auth = &outUserInfo{Password: ui.Password, PasswordFirst: ui.PasswordFirst}
		if !ui.NoUser {
			o.Auth.User = &ui.User
		}
	} else if u.EmptyAuth {
		o.Auth = &outUserInfo{}
	}
	return o
}

func outForms(ps []FormParam, urlencoded bool) []outForm {
	if ps == nil {
		return nil
	}
	out := make([]outForm, 0, len(ps))
	for _, p := range ps {
		f := outForm{Key: p.Key, Type: p.Type, ContentType: p.ContentType, Disabled: rowDisabled(p.Disabled, p.DisabledSet), Name: p.Name,
			Description: outDescription(p.Described, p.DescriptionNone, p.Description, p.DescriptionType, p.DescriptionJSON)}
		switch {
		case p.JSON != "":
			f.Value = json.RawMessage(p.JSON) // a typed value stays typed
		case p.NoValue == ValueNull:
			f.Value = json.RawMessage("null")
		case p.NoValue == ValueUnset:
		case p.Value != "" || urlencoded:
			// An urlencoded "" stays a value: without it the row would
			// read back as having none.
			f.Value = jsonString(p.Value)
		}
		switch len(p.Src) {
		case 0:
		case 1:
			f.Src = p.Src[0]
		default:
			f.Src = p.Src
		}
		out = append(out, f)
	}
	return out
}

// jsonString is s as a JSON string, with <, > and & as they are (the
// encoder's SetEscapeHTML(false) does not undo json.Marshal's escapes).
func jsonString(s string) json.RawMessage {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return bytes.TrimRight(buf.Bytes(), "\n")
}

func outEvents(evs []Event) []outEvent {
	if len(evs) == 0 {
		return nil
	}
	out := make([]outEvent, 0, len(evs))
	for _, e := range evs {
		o := outEvent{
			Listen: e.Listen,
			Script: outScript{ID: e.Script.ID, Type: e.Script.Type, Exec: strings.Split(e.Script.Exec, "\n"), Name: e.Script.Name},
		}
		if e.Disabled || e.DisabledSet {
			o.Disabled = &e.Disabled
		}
		if e.Script.Packages != "" {
			o.Script.Packages = json.RawMessage(e.Script.Packages)
		}
		out = append(out, o)
	}
	return out
}

func outVariables(vs []Variable) []outVariable {
	if len(vs) == 0 {
		return nil
	}
	out := make([]outVariable, 0, len(vs))
	for _, v := range vs {
		o := outVariable{ID: v.ID, Key: v.Key, Type: v.Type, Name: v.Name, Description: textDescription(v.Description, v.DescriptionType), Disabled: v.Disabled, typed: v.JSON, meta: v.Meta}
		if v.System != "" {
			o.System = json.RawMessage(v.System)
		}
		if !v.NoValue {
			o.Value = &v.Value
		}
		out = append(out, o)
	}
	return out
}

func outAuthOf(a *Auth) *outAuth {
	if a == nil {
		return nil
	}
	o := &outAuth{Type: a.Type, Params: []outAuthParam{}}
	for _, k := range a.Keys() {
		// The declared type as loaded (none when the collection gave none),
		// so a collection saved and loaded again reads the same.
		p := outAuthParam{Key: k, Value: a.Params[k], Type: a.Types[k]}
		switch {
		case a.Literal[k] && a.Params[k] == "":
			p.Value = nil // undefined (SetUndefined): no value member
		case a.Literal[k] && json.Valid([]byte(a.Params[k])):
			p.Value = json.RawMessage(a.Params[k])
		}
		o.Params = append(o.Params, p)
	}
	for _, other := range a.Others {
		if other.Type != a.Type && other.Type != "type" {
			o.Others = append(o.Others, outAuthOf(other))
		}
	}
	return o
}
