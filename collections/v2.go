package collections

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/courier-run/courier/internal/jsonobject"
	"github.com/courier-run/courier/internal/lazyre"
)

func convertV2(doc *rawDoc) (*Collection, error) {
	c := &Collection{Format: "v2.1"}
	// Without an info block, Postman takes the top-level name.
	c.Info.ID = doc.ID.String()
	c.Info.Name = doc.Name.String()
	c.Info.Description, c.Info.DescriptionType = description(doc.Description), descriptionType(doc.Description)
	if doc.Info != nil {
		in := doc.Info
		c.Info = Info{
			ID:              firstNonEmpty(in.PostmanID.String(), in.ID.String(), c.Info.ID),
			Name:            firstNonEmpty(in.Name.String(), c.Info.Name),
			Description:     firstNonEmpty(description(in.Description), c.Info.Description),
			DescriptionType: c.Info.DescriptionType,
			Schema:          in.Schema.String(),
			Version:         in.Version.String(),
			ExporterID:      in.ExporterID.String(),
		}
		if d := description(in.Description); d != "" {
			c.Info.DescriptionType = descriptionType(in.Description)
		}
		if strings.Contains(c.Info.Schema, "v2.0.") {
			c.Format = "v2.0"
		}
	}
	var err error
	if c.Variables, err = variables(doc.Variable, "variable"); err != nil {
		return nil, err
	}
	if c.Auth, err = auth(doc.Auth, "auth"); err != nil {
		return nil, err
	}
	if c.Events, err = events(doc.Event, "event"); err != nil {
		return nil, err
	}
	if c.ProtocolProfileBehavior, c.ProtocolProfileBehaviorKeys, err = ppb(doc.PPB, "protocolProfileBehavior"); err != nil {
		return nil, err
	}
	if doc.Item != nil {
		if c.Items, err = items(*doc.Item, nil, "item"); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// elidePath shortens the JSON path of a deeply nested item for messages,
// keeping its start and its end. Each level's path is built from its
// parent's, so without this a deep tree would cost quadratic time and
// memory in paths alone.
func elidePath(p string) string {
	const head, tail = 48, 120
	if len(p) <= head+tail+len("…") {
		return p
	}
	h := p[:head]
	if i := strings.LastIndexByte(h, '.'); i > 0 {
		h = h[:i]
	}
	t := p[len(p)-tail:]
	if i := strings.IndexByte(t, '.'); i >= 0 {
		t = t[i:]
	}
	return h + "…" + t
}

func items(raws []rawItem, parent *Item, path string) ([]*Item, error) {
	out := make([]*Item, 0, len(raws))
	for i := range raws {
		it, err := item(&raws[i], parent, elidePath(path+"["+strconv.Itoa(i)+"]"))
		if err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, nil
}

func item(r *rawItem, parent *Item, path string) (*Item, error) {
	it := &Item{
		ID:              firstNonEmpty(r.ID.String(), r.PostmanID.String()),
		Name:            r.Name.String(),
		Description:     description(r.Description),
		DescriptionType: descriptionType(r.Description),
		Parent:          parent,
	}
	var err error
	if it.Events, err = events(r.Event, path+".event"); err != nil {
		return nil, err
	}
	if it.Variables, err = variables(r.Variable, path+".variable"); err != nil {
		return nil, err
	}
	if it.Auth, err = auth(r.Auth, path+".auth"); err != nil {
		return nil, err
	}
	if it.ProtocolProfileBehavior, it.ProtocolProfileBehaviorKeys, err = ppb(r.PPB, path+".protocolProfileBehavior"); err != nil {
		return nil, err
	}
	// Like the Postman SDK: any "item" array, even empty, makes a folder.
	if r.Item != nil {
		it.Folder = true
		if it.Items, err = items(*r.Item, it, path+".item"); err != nil {
			return nil, err
		}
		return it, nil
	}
	if it.Request, err = request(r.Request, path+".request"); err != nil {
		return nil, err
	}
	if !isNull(r.Response) {
		var buf bytes.Buffer
		if json.Compact(&buf, r.Response) == nil {
			it.Responses = buf.Bytes()
		}
	}
	return it, nil
}

func request(raw json.RawMessage, path string) (*Request, error) {
	switch jsonKind(raw) {
	case "nothing", "null":
		return &Request{Method: "GET"}, nil
	case "string":
		return &Request{Method: "GET", URL: ParseURL(jsonText(raw))}, nil
	case "object":
	default:
		return nil, shapeError(path, "a request object or a URL string", raw)
	}
	var r rawRequest
	if err := decodeObject(raw, path, &r); err != nil {
		return nil, err
	}
	req := &Request{Method: "GET", Description: description(r.Description), DescriptionType: descriptionType(r.Description)}
	if m := r.Method.String(); m != "" {
		req.Method = strings.ToUpper(m)
	}
	var err error
	if req.URL, err = parseURLValue(r.URL, path+".url"); err != nil {
		return nil, err
	}
	if req.Header, err = headers(r.Header, path+".header"); err != nil {
		return nil, err
	}
	if req.Body, err = body(r.Body, path+".body"); err != nil {
		return nil, err
	}
	if req.Auth, err = auth(r.Auth, path+".auth"); err != nil {
		return nil, err
	}
	req.Proxy = ParseProxy(r.Proxy)
	return req, nil
}

// ParseProxy reads a request's proxy object (a file's, or one a script
// gives pm.sendRequest) as ProxyConfig.update does: host, username and
// password only when strings, the flags only when booleans, anything else
// left at its default; nil for no object.
func ParseProxy(raw json.RawMessage) *Proxy {
	if jsonKind(raw) != "object" {
		return nil
	}
	var r rawProxy
	if json.Unmarshal(raw, &r) != nil {
		return nil
	}
	str := func(b json.RawMessage) string {
		if jsonKind(b) != "string" {
			return ""
		}
		return jsonText(b)
	}
	on := func(b json.RawMessage) bool { return string(b) == "true" }
	p := &Proxy{Host: str(r.Host), Port: jsonText(r.Port), Tunnel: on(r.Tunnel), Authenticate: on(r.Authenticate),
		Username: str(r.Username), Password: str(r.Password), Match: str(r.Match), Raw: slices.Clone(raw)}
	if p.Match == "" && jsonKind(r.Match) == "object" {
		var m struct{ Pattern json.RawMessage }
		if json.Unmarshal(r.Match, &m) == nil {
			p.Match = str(m.Pattern)
		}
	}
	if k := jsonKind(r.Disabled); k == "boolean" {
		d := on(r.Disabled)
		p.Disabled = &d
	}
	return p
}

// decodeObject decodes a JSON object fragment, reporting type errors at the
// JSON path of the offending field.
func decodeObject(raw json.RawMessage, path string, dst any) error {
	if jsonKind(raw) != "object" {
		return shapeError(path, "an object", raw)
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			p := path
			if te.Field != "" {
				p += "." + te.Field
			}
			return &LoadError{Path: p, Err: fmt.Errorf("expected %s, got %s", goTypeName(te.Type.String()), te.Value)}
		}
		return &LoadError{Path: path, Err: err}
	}
	return nil
}

var domainSplit = lazyre.New(`\.`)

// splitHost splits a host string on dots outside {{variables}}, like the
// SDK's /\.(?![^{]*\}{2})/.
func splitHost(h string) []string {
	var out []string
	start := 0
	for _, loc := range domainSplit().FindAllStringIndex(h, -1) {
		i := loc[0]
		if insideVariable(h[i+1:]) {
			continue
		}
		out = append(out, h[start:i])
		start = i + 1
	}
	return append(out, h[start:])
}

// insideVariable reports whether rest (text after a dot) closes a variable
// before opening one: it matches [^{]*}}.
func insideVariable(rest string) bool {
	i := strings.IndexByte(rest, '{')
	j := strings.Index(rest, "}}")
	return j >= 0 && (i < 0 || j < i)
}

// parseURLValue reads a request's url: a string, or an object of parts
// (raw alone is split as a string would be).
func parseURLValue(raw json.RawMessage, path string) (URL, error) {
	switch jsonKind(raw) {
	case "nothing", "null":
		return URL{}, nil
	case "string":
		return ParseURL(jsonText(raw)), nil
	case "object":
	default:
		return URL{}, shapeError(path, "a URL string or object", raw)
	}
	var r rawURL
	if err := decodeObject(raw, path, &r); err != nil {
		return URL{}, err
	}
	raw0 := ""
	if r.Raw != nil {
		raw0 = r.Raw.String()
	}
	if !r.hasParts() {
		// Only raw: split it as Postman's app does. (The Newman SDK would
		// send an empty URL here, which helps nobody.)
		return ParseURL(raw0), nil
	}
	return urlFromParts(r, raw0, path)
}

// hasParts reports whether the url object gives any part besides raw.
func (r *rawURL) hasParts() bool {
	return r.Protocol != nil || !isNull(r.Host) || r.Port != nil || !isNull(r.Path) ||
		!isNull(r.Query) || !isNull(r.Variable) || r.Hash != nil || !isNull(r.Auth)
}

// urlFromParts is a url object's parts as they are (raw kept beside them,
// not parsed): Postman sends the parts.
func urlFromParts(r rawURL, raw0, path string) (URL, error) {
	u := URL{Raw: raw0}
	if r.Protocol != nil {
		u.Protocol = r.Protocol.String()
	}
	if r.Port != nil {
		u.Port = r.Port.String()
	}
	if r.Hash != nil {
		u.Hash = r.Hash.String()
		u.EmptyHash = u.Hash == "" // null leaves r.Hash nil
	}
	var err error
	if u.Host, err = urlHost(r.Host, path+".host"); err != nil {
		return URL{}, err
	}
	if u.Path, err = urlPath(r.Path, path+".path"); err != nil {
		return URL{}, err
	}
	if u.Query, err = queryParams(r.Query, path+".query"); err != nil {
		return URL{}, err
	}
	if u.Variables, err = variableList(r.Variable, path+".variable", true); err != nil {
		return URL{}, err
	}
	if u.UserInfo, err = urlUserInfo(r.Auth, path+".auth"); err != nil {
		return URL{}, err
	}
	u.EmptyAuth = u.UserInfo == nil && jsonKind(r.Auth) == "object"
	return u, nil
}

// urlHost reads url.host: a dotted string or its labels.
func urlHost(raw json.RawMessage, path string) ([]string, error) {
	switch jsonKind(raw) {
	case "nothing", "null":
		return nil, nil
	case "string":
		return splitHost(jsonText(raw)), nil
	case "array":
		els, _ := rawArray(raw)
		host := make([]string, 0, len(els))
		for _, e := range els {
			host = append(host, jsonText(e))
		}
		return host, nil
	}
	return nil, shapeError(path, "a string or an array of strings", raw)
}

// urlPath reads url.path: a slash-separated string (one leading slash
// dropped, "/" alone is one empty segment) or its segments.
func urlPath(raw json.RawMessage, path string) ([]string, error) {
	switch jsonKind(raw) {
	case "nothing", "null":
		return nil, nil
	case "string":
		p := jsonText(raw)
		if strings.HasPrefix(p, "/") && len(p) > 1 {
			p = p[1:]
		}
		switch p {
		case "":
			return nil, nil
		case "/":
			return []string{""}, nil
		}
		return strings.Split(p, "/"), nil
	case "array":
		els, _ := rawArray(raw)
		segs := make([]string, 0, len(els))
		for _, e := range els {
			// v2.0 allows path segments as {type, value} objects.
			if jsonKind(e) == "object" {
				var seg struct {
					Value text `json:"value"`
				}
				_ = json.Unmarshal(e, &seg)
				segs = append(segs, seg.Value.String())
				continue
			}
			segs = append(segs, jsonText(e))
		}
		return segs, nil
	}
	return nil, shapeError(path, "a string or an array of strings", raw)
}

// urlUserInfo reads url.auth ({user, password}); nil when neither is given.
func urlUserInfo(raw json.RawMessage, path string) (*UserInfo, error) {
	if isNull(raw) {
		return nil, nil
	}
	var ui rawUserInfo
	if err := decodeObject(raw, path, &ui); err != nil {
		return nil, err
	}
	if ui.User == nil && ui.Password == nil {
		return nil, nil
	}
	info := &UserInfo{NoUser: ui.User == nil}
	if ui.User != nil {
		info.User = ui.User.String()
	}
	if ui.Password != nil {
		p := ui.Password.String()
		info.Password = &p
		if ms, err := jsonobject.Members(raw); err == nil && ui.User != nil {
			for _, m := range ms {
				if m.Key == "user" || m.Key == "password" {
					info.PasswordFirst = m.Key == "password"
					break
				}
			}
		}
	}
	return info, nil
}

func queryParams(raw json.RawMessage, path string) ([]QueryParam, error) {
	switch jsonKind(raw) {
	case "nothing", "null":
		return nil, nil
	case "string":
		return parseQueryString(jsonText(raw), func(s string) string { return s }), nil
	case "object":
		ms, err := jsonobject.Members(raw)
		if err != nil {
			return nil, &LoadError{Path: path, Err: err}
		}
		out := make([]QueryParam, 0, len(ms))
		for _, m := range ms {
			out = append(out, QueryParam{Key: m.Key, Value: optionalText(m.Value)})
		}
		return out, nil
	case "array":
	default:
		return nil, shapeError(path, "an array of {key, value} or a query string", raw)
	}
	var out []QueryParam
	err := eachObject(raw, path, func(p string, kv *rawKV, e json.RawMessage) error {
		switch {
		case kv != nil:
			q := QueryParam{Value: optionalText(kv.Value), Disabled: kv.Disabled.On, KeyNull: kv.Key == nil}
			if k := jsonKind(kv.Value); k != "string" && k != "nothing" && k != "null" {
				q.Value, q.JSON = nil, compactJSON(kv.Value)
			}
			if kv.Key != nil {
				q.Key = kv.Key.String()
			}
			q.Name, q.DisabledSet, q.Meta = kv.name(), kv.Disabled.Set && !kv.Disabled.On, kv.meta(false, true)
			describeQuery(&q, kv.Description)
			out = append(out, q)
		case jsonKind(e) == "string":
			out = append(out, parseQueryString(jsonText(e), func(s string) string { return s })...)
		case jsonKind(e) == "null":
			out = append(out, QueryParam{})
		default:
			return shapeError(p, "an object {key, value}", e)
		}
		return nil
	})
	return out, err
}

// CompactJSON is raw without spaces between its tokens (raw as it is when
// it is not JSON).
func CompactJSON(raw []byte) string { return compactJSON(raw) }

// compactJSON is raw without spaces between its tokens.
func compactJSON(raw json.RawMessage) string {
	var buf bytes.Buffer
	if json.Compact(&buf, raw) != nil {
		return string(bytes.TrimSpace(raw))
	}
	return buf.String()
}

// optionalText is nil for an absent or null value, its text otherwise.
func optionalText(raw json.RawMessage) *string {
	if isNull(raw) {
		return nil
	}
	s := jsonText(raw)
	return &s
}

var headerLine = lazyre.New(`(?m)^(\S+):(.*)$`)

// parseHeaderString parses "Key: Value" lines like the Postman SDK.
func parseHeaderString(s string) []Header {
	s = strings.NewReplacer("\r\n ", " ", "\r\n\t", "\t").Replace(s)
	var out []Header
	for _, m := range headerLine().FindAllStringSubmatch(s, -1) {
		out = append(out, Header{Key: m[1], Value: strings.TrimSpace(m[2])})
	}
	return out
}

func headers(raw json.RawMessage, path string) ([]Header, error) {
	const want = `an array of {key, value} or a "Key: Value" string`
	switch jsonKind(raw) {
	case "nothing", "null":
		return nil, nil
	case "string":
		return parseHeaderString(jsonText(raw)), nil
	case "array":
	default:
		return nil, shapeError(path, want, raw)
	}
	var out []Header
	err := eachObject(raw, path, func(p string, kv *rawKV, e json.RawMessage) error {
		switch {
		case kv != nil:
			h := Header{Value: jsonText(kv.Value), Disabled: kv.Disabled.On}
			if k := jsonKind(kv.Value); k != "string" && k != "nothing" {
				// postman-collection keeps a value that is not a
				// string, null included: it goes out as its text
				// ("null") and scripts read the value.
				h = TypedHeader("", kv.Value, kv.Disabled.On)
			}
			if kv.Key != nil {
				h.Key = kv.Key.String()
			}
			h.Name, h.DisabledSet, h.Meta = kv.name(), kv.Disabled.Set && !kv.Disabled.On, kv.meta(true, true)
			describeHeader(&h, kv.Description)
			out = append(out, h)
		case jsonKind(e) == "string":
			k, v, _ := strings.Cut(jsonText(e), ":")
			out = append(out, Header{Key: strings.TrimSpace(k), Value: strings.TrimSpace(v)})
		case jsonKind(e) == "null":
		default:
			return shapeError(p, want, e)
		}
		return nil
	})
	return out, err
}

func body(raw json.RawMessage, path string) (*Body, error) {
	switch jsonKind(raw) {
	case "nothing", "null":
		return nil, nil
	case "string":
		return &Body{Mode: BodyRaw, Raw: jsonText(raw)}, nil
	case "object":
	default:
		return nil, shapeError(path, "a body object", raw)
	}
	var r rawBody
	if err := decodeObject(raw, path, &r); err != nil {
		return nil, err
	}
	b := &Body{Mode: bodyMode(r.Mode.String()), Raw: jsonText(r.Raw), Disabled: bool(r.Disabled)}
	if !isNull(r.Options) {
		var o rawBodyOptions
		if jsonKind(r.Options) == "object" && json.Unmarshal(r.Options, &o) == nil && o.Raw != nil {
			b.Language = o.Raw.Language.String()
		}
		b.Options = extraBodyOptions(r.Options)
	}
	var err error
	if b.URLEncoded, err = formParams(r.URLEncoded, path+".urlencoded", true); err != nil {
		return nil, err
	}
	if b.FormData, err = formParams(r.FormData, path+".formdata", false); err != nil {
		return nil, err
	}
	if err := fileMember(b, r.File, path); err != nil {
		return nil, err
	}
	switch jsonKind(r.GraphQL) {
	case "nothing", "null":
	case "object":
		var g rawGraphQL
		if err := decodeObject(r.GraphQL, path+".graphql", &g); err != nil {
			return nil, err
		}
		b.GraphQL = g.model()
	case "string":
		b.GraphQL = &GraphQL{Query: jsonText(r.GraphQL)}
	default:
		return nil, shapeError(path+".graphql", "an object {query, variables}", r.GraphQL)
	}
	return b, nil
}

// fileMember reads a file body's file member into b: its src and base64
// content, and the object as written when it says more than a src
// (Body.FileGiven).
func fileMember(b *Body, raw json.RawMessage, path string) error {
	switch jsonKind(raw) {
	case "nothing", "null":
	case "string":
		b.File = jsonText(raw)
	case "object":
		var f struct {
			Src     text            `json:"src"`
			Content json.RawMessage `json:"content"`
		}
		if err := decodeObject(raw, path+".file", &f); err != nil {
			return err
		}
		b.File = f.Src.String()
		if ms, err := jsonobject.Members(raw); err != nil || len(ms) != 1 || ms[0].Key != "src" || jsonKind(ms[0].Value) != "string" || b.File == "" {
			// Kept when it says more than a src (File).
			b.FileGiven = compactJSON(raw)
		}
		if jsonKind(f.Content) == "string" {
			b.FileContent = jsonText(f.Content)
		}
	default:
		return shapeError(path+".file", "an object {src}", raw)
	}
	return nil
}

// bodyMode is the mode postman-collection gives a body: one of its five
// in any case, raw for any other; "" (no mode) stays.
func bodyMode(m string) string {
	if m == "" {
		return ""
	}
	switch l := strings.ToLower(m); l {
	case BodyRaw, BodyURLEncoded, BodyFormData, BodyFile, BodyGraphQL:
		return l
	}
	return BodyRaw
}

// formParams reads a form body's rows; urlencoded rows remember a value
// left out or null (FormParam.NoValue).
func formParams(raw json.RawMessage, path string, urlencoded bool) ([]FormParam, error) {
	switch jsonKind(raw) {
	case "nothing", "null":
		return nil, nil
	case "string":
		var out []FormParam
		for _, q := range parseQueryString(jsonText(raw), func(s string) string { return s }) {
			p := FormParam{Key: q.Key}
			switch {
			case q.Value != nil:
				p.Value = *q.Value
			case urlencoded:
				p.NoValue = ValueNull // as QueryParam.parse reads "k"
			}
			out = append(out, p)
		}
		return out, nil
	case "array":
	default:
		return nil, shapeError(path, "an array of {key, value}", raw)
	}
	var out []FormParam
	err := eachObject(raw, path, func(p string, kv *rawKV, e json.RawMessage) error {
		if kv == nil {
			if isNull(e) {
				return nil
			}
			return shapeError(p, "an object {key, value}", e)
		}
		fp := FormParam{
			Value:       jsonText(kv.Value),
			Type:        kv.Type.String(),
			ContentType: kv.ContentType.String(),
			Disabled:    kv.Disabled.On,
		}
		if kv.Key != nil {
			fp.Key = kv.Key.String()
		}
		fp.Name, fp.DisabledSet, fp.Meta = kv.name(), kv.Disabled.Set && !kv.Disabled.On, kv.meta(false, urlencoded)
		describeForm(&fp, kv.Description)
		switch jsonKind(kv.Value) {
		case "nothing":
			if urlencoded {
				fp.NoValue = ValueUnset
			}
		case "null":
			if urlencoded {
				fp.NoValue = ValueNull
			}
		case "number", "boolean", "object", "array":
			fp = TypedFormParam(fp, kv.Value, urlencoded)
		}
		switch jsonKind(kv.Src) {
		case "nothing", "null":
		case "array":
			els, _ := rawArray(kv.Src)
			for _, s := range els {
				if !isNull(s) {
					fp.Src = append(fp.Src, jsonText(s))
				}
			}
		default:
			fp.Src = []string{jsonText(kv.Src)}
		}
		out = append(out, fp)
		return nil
	})
	return out, err
}

// variables reads a variable list: an array of {key, value, type...}, or,
// leniently, an object mapping keys to values.
func variables(raw json.RawMessage, path string) ([]Variable, error) {
	return variableList(raw, path, false)
}

// variableList reads variables; idAsKey names keyless variables by their
// id, which Postman does for path variables and v1 collections only.
func variableList(raw json.RawMessage, path string, idAsKey bool) ([]Variable, error) {
	switch jsonKind(raw) {
	case "nothing", "null":
		return nil, nil
	case "object":
		ms, err := jsonobject.Members(raw)
		if err != nil {
			return nil, &LoadError{Path: path, Err: err}
		}
		out := make([]Variable, 0, len(ms))
		for _, m := range ms {
			out = append(out, variableValue(Variable{Key: m.Key}, m.Value))
		}
		return out, nil
	case "array":
	default:
		return nil, shapeError(path, "an array of {key, value}", raw)
	}
	var out []Variable
	var keys []struct {
		Key json.RawMessage `json:"key"`
	}
	if idAsKey {
		// A path variable's key that is not a string (5) stays so for
		// scripts (pathVariableMeta); the rows decode it as text.
		_ = json.Unmarshal(raw, &keys)
	}
	n := -1 // the element's index, for keys
	err := eachObject(raw, path, func(p string, kv *rawKV, e json.RawMessage) error {
		n++
		if kv == nil {
			if isNull(e) {
				return nil
			}
			return shapeError(p, "an object {key, value}", e)
		}
		v := Variable{
			ID:              jsonText(kv.ID),
			Type:            kv.Type.String(),
			Description:     description(kv.Description),
			DescriptionType: descriptionType(kv.Description),
			Disabled:        kv.Disabled.On,
		}
		if !idAsKey {
			// A collection variable's, as postman-collection keeps them.
			v.Name = jsonText(kv.Name)
			if len(kv.System) > 0 {
				v.System = compactJSON(kv.System)
			}
		}
		if kv.Key != nil {
			v.Key = kv.Key.String()
		}
		if idAsKey {
			var key json.RawMessage
			if n < len(keys) {
				key = keys[n].Key
			}
			pathVariableOwn(&v, kv, key)
		}
		// A path variable keeps "no value" apart from "" (scripts see it).
		v.NoValue = idAsKey && isNull(kv.Value)
		if idAsKey {
			kv.Value = castPathValue(v.Type, kv.Value)
		}
		if k := jsonKind(kv.Value); idAsKey && k != "string" && k != "nothing" && k != "null" {
			v.JSON = compactJSON(kv.Value)
			out = append(out, v)
			return nil
		}
		out = append(out, variableValue(v, kv.Value))
		return nil
	})
	return out, err
}

// pathVariableOwn completes a path variable as postman-collection's Url
// makes it: key || id, and what else its Variable keeps (Meta).
func pathVariableOwn(v *Variable, kv *rawKV, key json.RawMessage) {
	if v.Key == "" {
		v.Key = v.ID
	}
	v.Meta = pathVariableMeta(kv, key)
}

// variableValue sets the value's text and keeps a value that is not a
// string as its JSON (null included), and a missing one as NoValue:
// postman-collection keeps the value as given (a number stays a number,
// null reads back null, none undefined) and casts it only by a declared
// type, which stays as the file gives it (environments.CollectionVariables).
func variableValue(v Variable, raw json.RawMessage) Variable {
	v.Value = jsonText(raw)
	switch jsonKind(raw) {
	case "nothing":
		v.NoValue = true
	case "number", "boolean", "object", "array", "null":
		v.JSON = compactJSON(raw)
	}
	return v
}

func events(raw json.RawMessage, path string) ([]Event, error) {
	var els []json.RawMessage
	switch jsonKind(raw) {
	case "nothing", "null":
		return nil, nil
	case "object":
		// Some exporters write a single event object.
		els = []json.RawMessage{raw}
	case "array":
		// Fast path: an array of event objects, decoded in one pass.
		var res []*rawEvent
		if json.Unmarshal(raw, &res) == nil {
			out := make([]Event, 0, len(res))
			for i, re := range res {
				if re == nil {
					continue
				}
				s, err := script(re.Script, path+"["+strconv.Itoa(i)+"].script")
				if err != nil {
					return nil, err
				}
				out = append(out, re.event(s))
			}
			return out, nil
		}
		els, _ = rawArray(raw)
	default:
		return nil, shapeError(path, "an array of events", raw)
	}
	out := make([]Event, 0, len(els))
	for i, e := range els {
		p := path
		if jsonKind(raw) == "array" {
			p = fmt.Sprintf("%s[%d]", path, i)
		}
		if isNull(e) {
			continue
		}
		var re rawEvent
		if err := decodeObject(e, p, &re); err != nil {
			return nil, err
		}
		s, err := script(re.Script, p+".script")
		if err != nil {
			return nil, err
		}
		out = append(out, re.event(s))
	}
	return out, nil
}

func script(raw json.RawMessage, path string) (Script, error) {
	switch jsonKind(raw) {
	case "nothing", "null":
		return Script{}, nil
	case "string", "array":
		// A bare script: its source, as a string or lines.
		s, err := execSource(raw, path)
		return Script{Type: "text/javascript", Exec: s}, err
	case "object":
	default:
		return Script{}, shapeError(path, "a script object", raw)
	}
	var rs rawScript
	if err := decodeObject(raw, path, &rs); err != nil {
		return Script{}, err
	}
	exec, err := execSource(rs.Exec, path+".exec")
	if err != nil {
		return Script{}, err
	}
	sc := Script{ID: rs.ID.String(), Type: rs.Type.String(), Exec: exec, Name: rs.Name.String()}
	switch p := bytes.TrimSpace(rs.Packages); {
	case len(p) == 0:
	case string(p) == "{}":
		sc.Packages = "{}" // what Postman's exports write, without a copy
	default:
		sc.Packages = compactJSON(p)
	}
	return sc, nil
}

// execSource joins exec lines with "\n"; a string is taken as is.
func execSource(raw json.RawMessage, path string) (string, error) {
	switch jsonKind(raw) {
	case "nothing", "null":
		return "", nil
	case "string":
		// The SDK splits a string on line breaks and joins with "\n".
		return strings.ReplaceAll(jsonText(raw), "\r\n", "\n"), nil
	case "array":
		var fast []string
		if json.Unmarshal(raw, &fast) == nil {
			return strings.Join(fast, "\n"), nil
		}
		els, _ := rawArray(raw)
		lines := make([]string, len(els))
		for i, e := range els {
			lines[i] = jsonText(e)
		}
		return strings.Join(lines, "\n"), nil
	}
	return "", shapeError(path, "a string or an array of lines", raw)
}

func auth(raw json.RawMessage, path string) (*Auth, error) {
	switch jsonKind(raw) {
	case "nothing", "null":
		return nil, nil
	case "object":
	default:
		return nil, shapeError(path, "an auth object {type, ...}", raw)
	}
	ms, err := jsonobject.Members(raw)
	if err != nil {
		return nil, &LoadError{Path: path, Err: err}
	}
	a := &Auth{Params: map[string]string{}}
	for _, m := range ms {
		if m.Key == "type" {
			a.Type = jsonText(m.Value)
		}
	}
	if a.Type == "" {
		// Postman ignores an auth block without a type.
		return nil, nil
	}
	for _, m := range ms {
		if m.Key != a.Type {
			continue
		}
		if err := authParams(a, m.Value, path+"."+m.Key); err != nil {
			return nil, err
		}
	}
	// The other types' lists, as postman-collection's RequestAuth takes
	// every member but type that is an object (a list or {key: value}):
	// the selected type's first, then the others in the block's order.
	for _, m := range ms {
		if m.Key == "type" || m.Key == a.Type || a.Other(m.Key) != nil {
			continue
		}
		if k := jsonKind(m.Value); k != "object" && k != "array" {
			continue
		}
		// A list courier cannot read is left out rather than refused: it
		// never signs, and Newman runs the collection.
		o := &Auth{Type: m.Key, Params: map[string]string{}}
		if authParams(o, m.Value, path+"."+m.Key) == nil {
			a.Others = append(a.Others, o)
		}
	}
	return a, nil
}

// authParams reads v2.1 [{key, value}] or v2.0 {key: value} params.
func authParams(a *Auth, raw json.RawMessage, path string) error {
	set := a.Set
	switch jsonKind(raw) {
	case "nothing", "null":
		return nil
	case "object":
		ms, err := jsonobject.Members(raw)
		if err != nil {
			return &LoadError{Path: path, Err: err}
		}
		for _, m := range ms {
			// A boolean or number stays marked as one (Postman reads a
			// flag by JavaScript truthiness: false is false, "false" true).
			if kind := jsonKind(m.Value); kind != "string" && kind != "nothing" {
				a.SetParam(m.Key, jsonText(m.Value), "", true)
				continue
			}
			set(m.Key, jsonText(m.Value))
		}
		return nil
	case "array":
	default:
		return shapeError(path, "an array of {key, value} or an object", raw)
	}
	els, _ := rawArray(raw)
	for i, e := range els {
		if isNull(e) {
			continue
		}
		var kv rawKV
		if err := decodeObject(e, fmt.Sprintf("%s[%d]", path, i), &kv); err != nil {
			return err
		}
		if kv.Key == nil {
			continue
		}
		k := kv.Key.String()
		set(k, jsonText(kv.Value))
		if kind := jsonKind(kv.Value); kv.Type.String() != "" || kind != "string" && kind != "nothing" {
			a.SetParam(k, jsonText(kv.Value), kv.Type.String(), kind != "string" && kind != "nothing")
		}
		if jsonKind(kv.Value) == "nothing" {
			absentAuthValue(a, k, kv.Type.String())
		}
	}
	return nil
}

// absentAuthValue is a parameter the collection gives no value, as
// postman-collection's Variable casts undefined by the declared type
// (fresh-round11n-d.json): a string is "undefined" (sent so), a boolean
// false, anything else stays undefined (a v1 helper's missing attribute,
// exported).
func absentAuthValue(a *Auth, k, typ string) {
	switch typ {
	case "string":
		a.SetParam(k, "undefined", typ, false)
	case "boolean":
		a.SetParam(k, "false", typ, true)
	default:
		a.SetUndefined(k)
	}
}

func ppb(raw json.RawMessage, path string) (map[string]any, []string, error) {
	if jsonKind(raw) != "object" {
		// Postman ignores anything but a plain object here.
		return nil, nil, nil
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, nil, &LoadError{Path: path, Err: err}
	}
	if len(m) == 0 {
		// Kept, empty: postman-collection writes {} back (reports,
		// exports), as the file gave it.
		return map[string]any{}, nil, nil
	}
	if len(m) == 1 {
		for k := range m {
			return m, []string{k}, nil
		}
	}
	return m, ppbKeys(raw, len(m)), nil
}

// ppbKeys lists an object's keys in the file's order, each once where it
// first appears, as a JavaScript object keeps them: reports write the
// options in that order, as Newman does.
func ppbKeys(raw json.RawMessage, n int) []string {
	ms, err := jsonobject.Members(raw)
	if err != nil {
		return nil
	}
	keys := make([]string, 0, n)
	for _, m := range ms {
		if !slices.Contains(keys, m.Key) {
			keys = append(keys, m.Key)
		}
	}
	return keys
}

// ProtocolProfileBehaviorJSON writes protocol options with their keys in
// the order given (the file's, as postman-collection keeps them), or
// sorted when the keys do not name them all; nil for none.
func ProtocolProfileBehaviorJSON(p map[string]any, keys []string) json.RawMessage {
	if p == nil {
		return nil
	}
	if len(keys) != len(p) {
		b, err := json.Marshal(p)
		if err != nil {
			return nil
		}
		return b
	}
	buf := []byte{'{'}
	for i, k := range keys {
		v, ok := p[k]
		kb, err := json.Marshal(k)
		vb, err2 := json.Marshal(v)
		if !ok || err != nil || err2 != nil {
			return nil
		}
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(append(append(buf, kb...), ':'), vb...)
	}
	return append(buf, '}')
}

// DescribeHeader gives h the description raw (JSON, nil for none) as a
// collection file's row would have it (a script's header crosses so).
func DescribeHeader(h *Header, raw json.RawMessage) { describeHeader(h, raw) }

// GraphQLOf is a GraphQL body whose members are the JSON values given (nil
// for one left out), read as a collection file's.
func GraphQLOf(query, operationName, variables json.RawMessage) *GraphQL {
	return rawGraphQL{query, operationName, variables}.model()
}

// describeHeader gives a header row the description its file gave it, as
// postman-collection's Description keeps it once the row has crossed to
// the sandbox as JSON: text is {content, type: text/plain}; an object (an
// array too) gives its content (none when left out) and type (text/plain
// when none); another truthy value (5, true) is the content; a falsy one
// (null, false, 0) leaves the content out.
func describeHeader(h *Header, raw json.RawMessage) {
	content := raw
	switch k := jsonKind(raw); k {
	case "nothing":
		return
	case "string":
	case "object", "array":
		var d struct {
			Content json.RawMessage `json:"content"`
			Type    text            `json:"type"`
		}
		if k == "object" && json.Unmarshal(raw, &d) == nil {
			if t := d.Type.String(); t != "text/plain" {
				h.DescriptionType = t
			}
		}
		content = d.Content
	case "null":
		content = nil
	default: // number, boolean
		if s := string(bytes.TrimSpace(raw)); s == "false" || s == "0" {
			content = nil
		}
	}
	h.Described = true
	switch jsonKind(content) {
	case "nothing":
		h.DescriptionNone = true
	case "string":
		h.Description = jsonText(content)
	default:
		h.DescriptionJSON = compactJSON(content)
	}
}

// DescribeQuery gives q the description raw (JSON) as a collection file's
// row would have it (a script's query parameter crosses so).
func DescribeQuery(q *QueryParam, raw json.RawMessage) { describeQuery(q, raw) }

// describeQuery gives a query parameter the description its file gave it,
// read as a header row's (postman-collection's Description for both).
// DescribeForm gives a form row (urlencoded or form-data) the description
// raw gives it, read as a header row's.
func DescribeForm(f *FormParam, raw json.RawMessage) { describeForm(f, raw) }

// describeForm reads a form row's description as a header row's.
func describeForm(f *FormParam, raw json.RawMessage) {
	var h Header
	describeHeader(&h, raw)
	f.Description, f.DescriptionType, f.Described = h.Description, h.DescriptionType, h.Described
	f.DescriptionJSON, f.DescriptionNone = h.DescriptionJSON, h.DescriptionNone
}

func describeQuery(q *QueryParam, raw json.RawMessage) {
	var h Header
	describeHeader(&h, raw)
	q.Description, q.DescriptionType, q.Described = h.Description, h.DescriptionType, h.Described
	q.DescriptionJSON, q.DescriptionNone = h.DescriptionJSON, h.DescriptionNone
}

func description(raw json.RawMessage) string {
	if jsonKind(raw) == "object" {
		var d struct {
			Content text `json:"content"`
		}
		if json.Unmarshal(raw, &d) == nil {
			return d.Content.String()
		}
	}
	return jsonText(raw)
}

// descriptionType is the type of a description given as {content, type}
// when it is not text/plain ("" for text, text/plain or no type), which
// postman-collection keeps beside the content.
func descriptionType(raw json.RawMessage) string {
	if jsonKind(raw) != "object" {
		return ""
	}
	var d struct {
		Type text `json:"type"`
	}
	if json.Unmarshal(raw, &d) != nil || d.Type.String() == "text/plain" {
		return ""
	}
	return d.Type.String()
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

type rawGraphQL struct {
	Query         json.RawMessage `json:"query"`
	OperationName json.RawMessage `json:"operationName"`
	Variables     json.RawMessage `json:"variables"`
}

// model keeps what the collection wrote: which members it left out and
// whether variables is text or a JSON value (null is a value: the runtime
// sends it as null).
func (g rawGraphQL) model() *GraphQL {
	m := &GraphQL{Query: jsonText(g.Query), OperationName: jsonText(g.OperationName), Variables: jsonText(g.Variables)}
	for _, f := range []struct {
		name string
		raw  json.RawMessage
		to   *string
	}{{"query", g.Query, &m.Query}, {"operationName", g.OperationName, &m.OperationName}} {
		if k := jsonKind(f.raw); k != "string" && k != "nothing" {
			*f.to = compactJSON(f.raw)
			m.JSONMembers = append(m.JSONMembers, f.name)
		}
	}
	switch jsonKind(g.Variables) {
	case "string", "nothing":
	case "null":
		m.Variables, m.VariablesJSON = "null", true
	default:
		m.VariablesJSON = true
	}
	for _, f := range []struct {
		name string
		raw  json.RawMessage
	}{{"query", g.Query}, {"operationName", g.OperationName}, {"variables", g.Variables}} {
		if jsonKind(f.raw) == "nothing" {
			m.Unset = append(m.Unset, f.name)
		}
	}
	return m
}

// eachObject calls fn for each element of a JSON array, with the element
// decoded when it is an object (kv) and its raw text otherwise. An array of
// objects is decoded in one pass; mixed arrays fall back to one decode per
// element so that errors name the exact element.
func eachObject(raw json.RawMessage, path string, fn func(p string, kv *rawKV, e json.RawMessage) error) error {
	var kvs []*rawKV
	if json.Unmarshal(raw, &kvs) == nil {
		for i, kv := range kvs {
			var e json.RawMessage
			if kv == nil {
				e = json.RawMessage("null")
			}
			if err := fn(path+"["+strconv.Itoa(i)+"]", kv, e); err != nil {
				return err
			}
		}
		return nil
	}
	els, _ := rawArray(raw)
	for i, e := range els {
		p := path + "[" + strconv.Itoa(i) + "]"
		var kv *rawKV
		if jsonKind(e) == "object" {
			kv = new(rawKV)
			if err := decodeObject(e, p, kv); err != nil {
				return err
			}
		}
		if err := fn(p, kv, e); err != nil {
			return err
		}
	}
	return nil
}

// castPathValue is a path variable's value as postman-collection's
// Variable casts it by its declared type: "number" and "boolean" turn text
// into a number or boolean (which then fills no path segment: Newman sends
// ":id" as written), "string" turns a number or boolean into its text
// (which does); other types, and values of other kinds, stay as given
// (fresh-round12n-d.json).
func castPathValue(typ string, raw json.RawMessage) json.RawMessage {
	kind := jsonKind(raw)
	if kind != "string" && kind != "number" && kind != "boolean" {
		return raw
	}
	switch typ {
	case "number":
		switch kind {
		case "string":
			return jsNumberJSON(strings.TrimSpace(jsonText(raw)))
		case "boolean":
			return json.RawMessage(map[bool]string{true: "1", false: "0"}[string(raw) == "true"])
		}
	case "boolean":
		switch kind {
		case "string":
			return json.RawMessage(strconv.FormatBool(jsonText(raw) != ""))
		case "number":
			f, err := strconv.ParseFloat(string(raw), 64)
			return json.RawMessage(strconv.FormatBool(err == nil && f != 0))
		}
	case "string":
		if kind == "string" {
			return raw
		}
		text := string(raw)
		if kind == "number" {
			if f, err := strconv.ParseFloat(text, 64); err == nil {
				b, _ := json.Marshal(f) // JavaScript's String() of a number
				text = string(b)
			}
		}
		b, _ := json.Marshal(text)
		return b
	}
	return raw
}

// jsNumberJSON is JavaScript's Number() of trimmed text, as JSON: "" is 0,
// text that is no number NaN, which JSON writes null.
func jsNumberJSON(s string) json.RawMessage {
	if s == "" {
		return json.RawMessage("0")
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) && !strings.Contains(strings.ToLower(s), "inf") {
		if n, ok := new(big.Int).SetString(s, 0); ok && (strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X")) {
			f, _ = new(big.Float).SetInt(n).Float64()
		} else {
			return json.RawMessage("null")
		}
	}
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return json.RawMessage("null")
	}
	b, _ := json.Marshal(f)
	return b
}

// extraBodyOptions is a body's options object, compacted, when it holds
// more than raw.language (Body.Options); nil when it holds no more, or is
// not an object.
func extraBodyOptions(opts json.RawMessage) json.RawMessage {
	var m map[string]json.RawMessage
	if jsonKind(opts) != "object" || json.Unmarshal(opts, &m) != nil {
		return nil
	}
	if raw, ok := m["raw"]; len(m) == 1 && ok {
		var r map[string]json.RawMessage
		if json.Unmarshal(raw, &r) == nil && len(r) == 1 && r["language"] != nil {
			return nil
		}
	}
	var buf bytes.Buffer
	if json.Compact(&buf, opts) != nil {
		return nil
	}
	return buf.Bytes()
}
