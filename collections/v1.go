package collections

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/courier-run/courier/internal/jsonobject"
	"github.com/courier-run/courier/internal/lazyre"
)

// v1 collections are converted the way postman-collection-transformer
// (used by Newman for v1 input) does it: top level = folders in
// folders_order (those not nested elsewhere), then the requests listed in
// the collection's order; inside a folder, sub-folders first, then its
// requests. Requests listed in no order are dropped, as in Newman. Unlike
// Newman (which assigns fresh random ids), the v1 ids are kept.

type rawV1Folder struct {
	ID               text            `json:"id"`
	Name             text            `json:"name"`
	Description      json.RawMessage `json:"description"`
	Order            []text          `json:"order"`
	FoldersOrder     []text          `json:"folders_order"`
	Auth             json.RawMessage `json:"auth"`
	CurrentHelper    json.RawMessage `json:"currentHelper"`
	HelperAttributes json.RawMessage `json:"helperAttributes"`
	Events           json.RawMessage `json:"events"`
	Variables        json.RawMessage `json:"variables"`
	Variable         json.RawMessage `json:"variable"`
	PreRequestScript json.RawMessage `json:"preRequestScript"`
	Tests            json.RawMessage `json:"tests"`
}

type rawV1Request struct {
	ID               text            `json:"id"`
	Name             text            `json:"name"`
	Description      json.RawMessage `json:"description"`
	URL              text            `json:"url"`
	Method           json.RawMessage `json:"method"`
	Headers          json.RawMessage `json:"headers"`
	HeaderData       json.RawMessage `json:"headerData"`
	QueryParams      json.RawMessage `json:"queryParams"`
	PathVariables    json.RawMessage `json:"pathVariables"`
	PathVariableData json.RawMessage `json:"pathVariableData"`
	DataMode         json.RawMessage `json:"dataMode"`
	Data             json.RawMessage `json:"data"`
	RawModeData      json.RawMessage `json:"rawModeData"`
	GraphQLModeData  json.RawMessage `json:"graphqlModeData"`
	DataOptions      json.RawMessage `json:"dataOptions"`
	DataDisabled     flag            `json:"dataDisabled"`
	Auth             json.RawMessage `json:"auth"`
	CurrentHelper    json.RawMessage `json:"currentHelper"`
	HelperAttributes json.RawMessage `json:"helperAttributes"`
	Events           json.RawMessage `json:"events"`
	Variables        json.RawMessage `json:"variables"`
	Variable         json.RawMessage `json:"variable"`
	PreRequestScript json.RawMessage `json:"preRequestScript"`
	Tests            json.RawMessage `json:"tests"`
	PPB              json.RawMessage `json:"protocolProfileBehavior"`
}

func convertV1(doc *rawDoc) (*Collection, error) {
	c, err := v1Collection(doc)
	if err != nil {
		return nil, err
	}
	t, err := newV1Tree(doc)
	if err != nil {
		return nil, err
	}
	if err := t.fillFolders(); err != nil {
		return nil, err
	}
	if c.Items, err = t.topLevel(); err != nil {
		return nil, err
	}
	return c, nil
}

// v1Collection converts what a v1 collection sets at its top: its info,
// auth, scripts and variables.
func v1Collection(doc *rawDoc) (*Collection, error) {
	c := &Collection{
		Format: "v1",
		Info: Info{
			ID:          doc.ID.String(),
			Name:        doc.Name.String(),
			Description: description(doc.Description),
			Schema:      "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
		},
	}
	var err error
	if c.Auth, err = v1Auth(doc.Auth, rawHelper(doc.CurrentHelper), doc.HelperAttributes, "auth"); err != nil {
		return nil, err
	}
	if c.Auth != nil && c.Auth.Type == "noauth" {
		c.Auth = nil // the transformer drops collection-level noauth
	}
	if c.Events, err = v1Events(doc.Events, doc.Tests, doc.PreRequestScript, "events"); err != nil {
		return nil, err
	}
	if c.Variables, err = v1Variables(doc.Variables, doc.Variable, "variables"); err != nil {
		return nil, err
	}
	return c, nil
}

// v1Tree builds a v1 collection's item tree from its flat lists of
// folders and requests and the orders (lists of ids) that place them.
type v1Tree struct {
	doc      *rawDoc
	requests map[string]int   // request id: its index in doc.Requests
	folders  map[string]*Item // folder id: its item
	nested   map[*Item]bool   // folders placed inside another
}

func newV1Tree(doc *rawDoc) (*v1Tree, error) {
	t := &v1Tree{doc: doc, requests: map[string]int{}, folders: map[string]*Item{}, nested: map[*Item]bool{}}
	for i := range *doc.Requests {
		t.requests[(*doc.Requests)[i].ID.String()] = i
	}
	for i := range doc.Folders {
		f := &doc.Folders[i]
		it, err := v1Folder(f, fmt.Sprintf("folders[%d]", i))
		if err != nil {
			return nil, err
		}
		t.folders[f.ID.String()] = it
	}
	return t, nil
}

// request converts the request with this id, placed under parent; nil
// when there is none.
func (t *v1Tree) request(id string, parent *Item) (*Item, error) {
	i, ok := t.requests[id]
	if !ok {
		return nil, nil
	}
	return v1Item(&(*t.doc.Requests)[i], parent, fmt.Sprintf("requests[%d]", i))
}

// fillFolders fills the folders, in file order: sub-folders first, then
// requests. A folder already placed elsewhere (or an ancestor) is not
// placed again: the transformer would share or loop it.
func (t *v1Tree) fillFolders() error {
	for i := range t.doc.Folders {
		f := &t.doc.Folders[i]
		parent := t.folders[f.ID.String()]
		for _, sub := range f.FoldersOrder {
			child := t.folders[sub.String()]
			if child == nil || t.nested[child] || isAncestor(child, parent) {
				continue
			}
			t.nested[child] = true
			child.Parent = parent
			parent.Items = append(parent.Items, child)
		}
		for _, id := range f.Order {
			it, err := t.request(id.String(), parent)
			if err != nil {
				return err
			}
			if it != nil {
				parent.Items = append(parent.Items, it)
			}
		}
	}
	return nil
}

// topLevel is the collection's own items: the folders not nested in
// another (in folders_order, else file order), then its requests (order),
// each id once.
func (t *v1Tree) topLevel() ([]*Item, error) {
	var items []*Item
	topOrder := t.doc.FoldersOrder
	if topOrder == nil {
		for _, f := range t.doc.Folders {
			topOrder = append(topOrder, f.ID)
		}
	}
	seen := map[string]bool{}
	for _, id := range topOrder {
		if seen[id.String()] {
			continue
		}
		seen[id.String()] = true
		if f := t.folders[id.String()]; f != nil && !t.nested[f] {
			items = append(items, f)
		}
	}
	seen = map[string]bool{}
	for _, id := range t.doc.Order {
		if seen[id.String()] {
			continue
		}
		seen[id.String()] = true
		it, err := t.request(id.String(), nil)
		if err != nil {
			return nil, err
		}
		if it != nil {
			items = append(items, it)
		}
	}
	return items, nil
}

func isAncestor(a, b *Item) bool {
	for x := b; x != nil; x = x.Parent {
		if x == a {
			return true
		}
	}
	return false
}

func rawHelper(raw json.RawMessage) *string {
	if isNull(raw) {
		return nil
	}
	s := jsonText(raw)
	return &s
}

func v1Folder(f *rawV1Folder, path string) (*Item, error) {
	it := &Item{ID: f.ID.String(), Name: f.Name.String(), Description: description(f.Description), Folder: true}
	var err error
	if it.Auth, err = v1Auth(f.Auth, rawHelper(f.CurrentHelper), f.HelperAttributes, path+".auth"); err != nil {
		return nil, err
	}
	if it.Events, err = v1Events(f.Events, f.Tests, f.PreRequestScript, path+".events"); err != nil {
		return nil, err
	}
	if it.Variables, err = v1Variables(f.Variables, f.Variable, path+".variables"); err != nil {
		return nil, err
	}
	return it, nil
}

func v1Item(r *rawV1Request, parent *Item, path string) (*Item, error) {
	it := &Item{ID: r.ID.String(), Name: r.Name.String(), Parent: parent}
	var err error
	if it.Events, err = v1Events(r.Events, r.Tests, r.PreRequestScript, path+".events"); err != nil {
		return nil, err
	}
	if it.Variables, err = v1Variables(r.Variables, r.Variable, path+".variables"); err != nil {
		return nil, err
	}
	if it.ProtocolProfileBehavior, it.ProtocolProfileBehaviorKeys, err = ppb(r.PPB, path+".protocolProfileBehavior"); err != nil {
		return nil, err
	}
	req := &Request{Method: "GET", Description: description(r.Description)}
	if !isNull(r.Method) {
		req.Method = strings.ToUpper(jsonText(r.Method))
	}
	if req.Auth, err = v1Auth(r.Auth, rawHelper(r.CurrentHelper), r.HelperAttributes, path+".auth"); err != nil {
		return nil, err
	}
	if req.Header, err = v1Headers(r, path); err != nil {
		return nil, err
	}
	if req.Body, err = v1Body(r, path); err != nil {
		return nil, err
	}
	if req.URL, err = v1URL(r, path); err != nil {
		return nil, err
	}
	it.Request = req
	return it, nil
}

func v1Variables(vars, vr json.RawMessage, path string) ([]Variable, error) {
	src := vars
	if isNull(src) || (jsonKind(src) == "array" && len(mustArray(src)) == 0) {
		src = vr
	}
	out, err := variableList(src, path, true)
	for i := range out {
		if out[i].Type == "text" {
			out[i].Type = "string"
		}
	}
	return out, err
}

func mustArray(b []byte) []json.RawMessage {
	a, _ := rawArray(b)
	return a
}

// v1Events prefers the legacy tests/preRequestScript strings (tests
// first, as the transformer emits them); "events" is used only without them.
func v1Events(evs, tests, pre json.RawMessage, path string) ([]Event, error) {
	hasTests, hasPre := truthy(tests), truthy(pre)
	if !hasTests && !hasPre {
		out, err := events(evs, path)
		for i := range out {
			if out[i].Listen == "" {
				out[i].Listen = "test"
			}
			if out[i].Script.Type == "" {
				out[i].Script.Type = "text/javascript"
			}
		}
		return out, err
	}
	var out []Event
	for _, e := range []struct {
		listen string
		raw    json.RawMessage
		ok     bool
	}{{"test", tests, hasTests}, {"prerequest", pre, hasPre}} {
		if !e.ok {
			continue
		}
		src, err := execSource(e.raw, path)
		if err != nil {
			return nil, err
		}
		out = append(out, Event{Listen: e.listen, Script: Script{Type: "text/javascript", Exec: src}})
	}
	return out, nil
}

// v1AuthHelpers maps v1 currentHelper names to v2 auth types, and each v2
// param to the v1 helperAttributes key it comes from.
var v1AuthHelpers = map[string]struct {
	typ    string
	params [][2]string
}{
	"apikeyAuth": {"apikey", [][2]string{{"key", "key"}, {"value", "value"}, {"in", "in"}}},
	"basicAuth":  {"basic", [][2]string{{"username", "username"}, {"password", "password"}, {"saveHelperData", "saveToRequest"}}},
	"bearerAuth": {"bearer", [][2]string{{"token", "token"}}},
	"digestAuth": {"digest", [][2]string{{"algorithm", "algorithm"}, {"username", "username"}, {"realm", "realm"},
		{"password", "password"}, {"nonce", "nonce"}, {"nonceCount", "nonceCount"}, {"clientNonce", "clientNonce"},
		{"opaque", "opaque"}, {"qop", "qop"}, {"disableRetryRequest", "disableRetryRequest"}}},
	"oAuth1": {"oauth1", [][2]string{{"consumerKey", "consumerKey"}, {"consumerSecret", "consumerSecret"},
		{"token", "token"}, {"tokenSecret", "tokenSecret"}, {"signatureMethod", "signatureMethod"},
		{"timestamp", "timestamp"}, {"nonce", "nonce"}, {"version", "version"}, {"realm", "realm"},
		{"addParamsToHeader", "header"}, {"autoAddParam", "auto"}, {"addEmptyParamsToSign", "includeEmpty"}}},
	"hawkAuth": {"hawk", [][2]string{{"authId", "hawk_id"}, {"authKey", "hawk_key"}, {"algorithm", "algorithm"},
		{"user", "user"}, {"saveHelperData", "saveToRequest"}, {"nonce", "nonce"}, {"extraData", "ext"},
		{"appId", "app"}, {"delegation", "dlg"}, {"timestamp", "timestamp"}}},
	"ntlmAuth": {"ntlm", [][2]string{{"username", "username"}, {"password", "password"}, {"domain", "domain"},
		{"workstation", "workstation"}, {"disableRetryRequest", "disableRetryRequest"}}},
	"oAuth2": {"oauth2", [][2]string{{"accessToken", "accessToken"}, {"addTokenTo", "addTokenTo"},
		{"callBackUrl", "callBackUrl"}, {"authUrl", "authUrl"}, {"accessTokenUrl", "accessTokenUrl"},
		{"clientId", "clientId"}, {"clientSecret", "clientSecret"}, {"clientAuth", "clientAuth"},
		{"grantType", "grantType"}, {"scope", "scope"}, {"username", "username"}, {"password", "password"},
		{"tokenType", "tokenType"}, {"redirectUri", "redirectUri"}, {"refreshToken", "refreshToken"}}},
	"awsSigV4": {"awsv4", nil}, // params are copied as they are
}

func v1Auth(a json.RawMessage, helper *string, attrs json.RawMessage, path string) (*Auth, error) {
	legacy := helper != nil || truthy(attrs)
	if !legacy {
		return auth(a, path)
	}
	if helper == nil || *helper == "" || *helper == "normal" {
		return nil, nil
	}
	h, known := v1AuthHelpers[*helper]
	out := &Auth{Type: *helper, Params: map[string]string{}}
	if known {
		out.Type = h.typ
	}
	if jsonKind(attrs) == "string" {
		// Some old exports store helperAttributes as JSON text.
		attrs = json.RawMessage(jsonText(attrs))
		if !json.Valid(attrs) {
			return nil, nil
		}
	}
	if !known || jsonKind(attrs) != "object" {
		return out, nil
	}
	ms, err := jsonobject.Members(attrs)
	if err != nil {
		return nil, &LoadError{Path: path, Err: err}
	}
	vals := map[string]json.RawMessage{}
	for _, m := range ms {
		vals[m.Key] = m.Value
	}
	// postman-collection-transformer's authMapToArray types each value by
	// JavaScript's typeof (string, boolean, number, else any) and keeps it
	// as it is: a missing attribute is undefined (fresh-round10p-v1.json).
	setV1 := func(k string, v json.RawMessage) {
		switch kind := jsonKind(v); kind {
		case "nothing":
			out.SetParam(k, "", "any", true) // literal without text: undefined
		case "string":
			out.SetParam(k, jsonText(v), "string", false)
		case "boolean", "number":
			out.SetParam(k, jsonText(v), kind, true)
		default:
			out.SetParam(k, compactJSON(v), "any", true)
		}
	}
	if h.params == nil {
		for _, m := range ms {
			setV1(m.Key, m.Value)
		}
	}
	// Every mapped param exists, empty when the v1 helper lacked it.
	for _, p := range h.params {
		setV1(p[0], vals[p[1]])
	}
	if *helper == "basicAuth" {
		out.SetParam("showPassword", "false", "boolean", true)
	}
	return out, nil
}

var v1HeaderLine = lazyre.New(`(?m)^((//\s*)?\S+):(.*)$`)

func v1Headers(r *rawV1Request, path string) ([]Header, error) {
	if jsonKind(r.Headers) == "array" {
		return headers(r.Headers, path+".headers")
	}
	var out []Header
	seen := map[string]bool{}
	if !isNull(r.HeaderData) {
		hd, err := headers(r.HeaderData, path+".headerData")
		if err != nil {
			return nil, err
		}
		// headerData uses enabled:false instead of disabled; re-read it.
		els := mustArray(r.HeaderData)
		for i := range hd {
			if i < len(els) {
				var kv rawKV
				_ = json.Unmarshal(els[i], &kv)
				if kv.Enabled != nil && !bool(*kv.Enabled) {
					hd[i].Disabled = true
				}
			}
			if strings.HasPrefix(hd[i].Key, "//") {
				hd[i].Disabled = true
				hd[i].Key = strings.TrimSpace(strings.TrimPrefix(hd[i].Key, "//"))
			}
			seen[hd[i].Key] = true
		}
		out = append(out, hd...)
	}
	if jsonKind(r.Headers) == "string" {
		for _, m := range v1HeaderLine().FindAllStringSubmatch(jsonText(r.Headers), -1) {
			h := Header{Key: m[1], Value: strings.TrimSpace(m[3])}
			if strings.HasPrefix(h.Key, "//") {
				h.Disabled = true
				h.Key = strings.TrimSpace(strings.TrimPrefix(h.Key, "//"))
			}
			if !seen[h.Key] {
				out = append(out, h)
			}
		}
	}
	return out, nil
}

func v1URL(r *rawV1Request, path string) (URL, error) {
	u := ParseURL(r.URL.String())
	if els, ok := rawArray(r.QueryParams); ok && len(els) > 0 {
		q, err := v1Query(els, u.Query, path)
		if err != nil {
			return URL{}, err
		}
		u.Query = q
	}
	vars, err := v1PathVariables(r, path)
	if err != nil {
		return URL{}, err
	}
	if len(vars) > 0 {
		u.Variables = vars
	}
	return u, nil
}

// v1Query is a v1 request's queryParams, followed by the URL's own
// parameters of keys the list does not name.
func v1Query(els []json.RawMessage, fromURL []QueryParam, path string) ([]QueryParam, error) {
	var q []QueryParam
	seen := map[string]bool{}
	for i, e := range els {
		p, err := v1QueryParam(e, fmt.Sprintf("%s.queryParams[%d]", path, i))
		if err != nil {
			return nil, err
		}
		seen[p.Key] = true
		q = append(q, p)
	}
	for _, p := range fromURL {
		if !seen[p.Key] {
			q = append(q, p)
		}
	}
	return q, nil
}

// v1QueryParam reads one queryParams entry: enabled:false disables it,
// and equals says whether a missing or empty value is written with "=".
func v1QueryParam(e json.RawMessage, path string) (QueryParam, error) {
	var kv struct {
		rawKV
		Equals *bool `json:"equals"`
	}
	if err := decodeObject(e, path, &kv); err != nil {
		return QueryParam{}, err
	}
	p := QueryParam{Value: optionalText(kv.Value), Disabled: kv.Disabled.On}
	if kv.Key != nil {
		p.Key = kv.Key.String()
	}
	if kv.Enabled != nil && !bool(*kv.Enabled) {
		p.Disabled = true
	}
	// postman-collection-transformer carries a row's name and description
	// into the v2 row, where Property keeps them (Newman's scripts see both).
	p.Name = kv.name()
	describeQuery(&p, kv.Description)
	if kv.Equals != nil {
		if *kv.Equals && p.Value == nil {
			p.Value = new(string)
		}
		if !*kv.Equals && p.Value != nil && *p.Value == "" {
			p.Value = nil
		}
	}
	return p, nil
}

// v1PathVariables are pathVariableData's entries, then the pathVariables
// object's members of keys the list does not name.
func v1PathVariables(r *rawV1Request, path string) ([]Variable, error) {
	var vars []Variable
	seen := map[string]bool{}
	if !isNull(r.PathVariableData) {
		// Newman converts without retainIds: postman-collection-transformer
		// deletes each entry's id, so an entry without a key has none and
		// fills no segment (fresh-round11n-b.json).
		data := r.PathVariableData
		var rows []map[string]json.RawMessage
		if json.Unmarshal(data, &rows) == nil {
			for _, row := range rows {
				delete(row, "id")
				if k, ok := row["key"]; ok && !isNull(k) {
					seen[jsonText(k)] = true
				}
			}
			data, _ = json.Marshal(rows)
		}
		vd, err := variableList(data, path+".pathVariableData", true)
		if err != nil {
			return nil, err
		}
		vars = append(vars, vd...)
	}
	if jsonKind(r.PathVariables) == "object" {
		ms, err := jsonobject.Members(r.PathVariables)
		if err != nil {
			return nil, &LoadError{Path: path + ".pathVariables", Err: err}
		}
		for _, m := range ms {
			if !seen[m.Key] {
				// A value that is not a string stays typed and fills no
				// segment, as the transformer keeps it.
				v := Variable{Key: m.Key, Value: jsonText(m.Value)}
				switch jsonKind(m.Value) {
				case "string":
				case "null":
					v.NoValue = true
				default:
					v.Value, v.JSON = "", compactJSON(m.Value)
				}
				vars = append(vars, v)
			}
		}
	}
	return vars, nil
}

// isEmptyJS mirrors lodash isEmpty on a JSON value.
func isEmptyJS(b json.RawMessage) bool {
	switch jsonKind(b) {
	case "string":
		return jsonText(b) == ""
	case "array":
		return len(mustArray(b)) == 0
	case "object":
		ms, _ := jsonobject.Members(b)
		return len(ms) == 0
	}
	return true
}

// v1Body is a v1 request's body, from its dataMode, data, rawModeData,
// graphqlModeData and dataOptions: an explicit dataMode wins; without one
// the data's shape says which mode it is. A null dataMode, or no mode and
// nothing in the data fields, is no body.
func v1Body(r *rawV1Request, path string) (*Body, error) {
	dataMode := ""
	if !isNull(r.DataMode) {
		dataMode = v1Modes[jsonText(r.DataMode)]
	}
	empty := isEmptyJS(r.Data) && isEmptyJS(r.RawModeData) && isEmptyJS(r.GraphQLModeData)
	if (dataMode == "" && empty) || jsonKind(r.DataMode) == "null" {
		return nil, nil
	}
	rawModeData, hasRaw := v1RawText(r.RawModeData)
	opts := v1DataOptionsOf(r.DataOptions)
	gql := v1GraphQLSource(r, opts)
	formSrc := r.Data
	if isNull(formSrc) || (jsonKind(formSrc) == "string" && jsonText(formSrc) == "") {
		formSrc = r.RawModeData
	}
	b := &Body{Mode: v1GuessMode(dataMode, hasRaw, formSrc, gql), Disabled: bool(r.DataDisabled)}
	if err := b.fillV1(r, rawModeData, hasRaw, gql, formSrc, path); err != nil {
		return nil, err
	}
	if opts.Raw != nil {
		b.Language = opts.Raw.Language.String()
	}
	return b, nil
}

// v1Modes maps v1's dataMode names to body modes.
var v1Modes = map[string]string{"binary": BodyFile, "graphql": BodyGraphQL, "params": BodyFormData, "raw": BodyRaw, "urlencoded": BodyURLEncoded}

// v1DataOptions is the part of dataOptions v1Body reads.
type v1DataOptions struct {
	GraphQL json.RawMessage `json:"graphql"`
	Raw     *struct {
		Language text `json:"language"`
	} `json:"raw"`
}

func v1DataOptionsOf(raw json.RawMessage) v1DataOptions {
	var opts v1DataOptions
	if jsonKind(raw) == "object" {
		_ = json.Unmarshal(raw, &opts)
	}
	return opts
}

// v1RawText is rawModeData's text: a string, or an array of one string
// (older exports); hasRaw only for a non-empty one.
func v1RawText(raw json.RawMessage) (s string, hasRaw bool) {
	switch jsonKind(raw) {
	case "string":
		s = jsonText(raw)
	case "array":
		if els := mustArray(raw); len(els) == 1 && jsonKind(els[0]) == "string" {
			s = jsonText(els[0])
		}
	}
	return s, s != ""
}

// v1GraphQLSource is where a GraphQL body's query and variables are:
// graphqlModeData, or data when dataOptions has a graphql member; nil for
// neither.
func v1GraphQLSource(r *rawV1Request, opts v1DataOptions) json.RawMessage {
	if !isEmptyJS(r.GraphQLModeData) {
		return r.GraphQLModeData
	}
	if len(opts.GraphQL) > 0 && !isEmptyJS(r.Data) {
		return r.Data
	}
	return nil
}

// v1GuessMode is dataMode, or without one: form data for an array of
// params, GraphQL for a GraphQL source, raw otherwise (raw text wins).
func v1GuessMode(dataMode string, hasRaw bool, formSrc, gql json.RawMessage) string {
	switch {
	case dataMode != "":
		return dataMode
	case !hasRaw && jsonKind(formSrc) == "array":
		return BodyFormData
	case !hasRaw && gql != nil:
		return BodyGraphQL
	}
	return BodyRaw
}

// fillV1 fills the body's content for its mode.
func (b *Body) fillV1(r *rawV1Request, rawModeData string, hasRaw bool, gql, formSrc json.RawMessage, path string) error {
	switch b.Mode {
	case BodyRaw:
		if hasRaw {
			b.Raw = rawModeData
		} else if jsonKind(r.Data) == "string" {
			b.Raw = jsonText(r.Data)
		}
	case BodyGraphQL:
		b.GraphQL = &GraphQL{}
		if jsonKind(gql) == "object" {
			var g rawGraphQL
			_ = json.Unmarshal(gql, &g)
			b.GraphQL = g.model()
		}
	case BodyFile:
		b.File = rawModeData
	default:
		ps, err := v1FormData(formSrc, path+".data")
		if err != nil {
			return err
		}
		if b.Mode == BodyFormData {
			b.FormData = ps
		} else {
			b.URLEncoded = ps
		}
	}
	return nil
}

// v1FormData keeps params that have a key (even ""); a file param with no
// src takes its path(s) from value, and enabled:false means disabled.
func v1FormData(raw json.RawMessage, path string) ([]FormParam, error) {
	els, ok := rawArray(raw)
	if !ok {
		return nil, nil
	}
	var out []FormParam
	for i, e := range els {
		if jsonKind(e) != "object" {
			continue
		}
		var kv rawKV
		if err := decodeObject(e, fmt.Sprintf("%s[%d]", path, i), &kv); err != nil {
			return nil, err
		}
		if kv.Key == nil {
			continue
		}
		p := FormParam{Key: kv.Key.String(), Type: kv.Type.String(), ContentType: kv.ContentType.String(),
			Disabled: kv.Disabled.On || (kv.Enabled != nil && !bool(*kv.Enabled)), Name: kv.name()}
		describeForm(&p, kv.Description)
		src := kv.Src
		if p.Type == "file" && !truthy(src) && truthy(kv.Value) {
			if k := jsonKind(kv.Value); k == "string" || k == "array" {
				src = kv.Value
			}
		} else {
			p.Value = jsonText(kv.Value)
		}
		switch jsonKind(src) {
		case "nothing", "null":
		case "array":
			for _, s := range mustArray(src) {
				if !isNull(s) {
					p.Src = append(p.Src, jsonText(s))
				}
			}
		default:
			p.Src = []string{jsonText(src)}
		}
		out = append(out, p)
	}
	return out, nil
}
