package collections

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// The raw* types mirror the file. The item tree is decoded in one pass;
// fields whose shape varies between exporters stay json.RawMessage and are
// interpreted during conversion, where the JSON path is known for errors.

type rawDoc struct {
	Info     *rawInfo        `json:"info"`
	Item     *[]rawItem      `json:"item"`
	Event    json.RawMessage `json:"event"`
	Variable json.RawMessage `json:"variable"`
	Auth     json.RawMessage `json:"auth"`
	PPB      json.RawMessage `json:"protocolProfileBehavior"`

	// Postman API wrapper.
	Collection json.RawMessage `json:"collection"`

	// v1.
	ID               text            `json:"id"`
	Name             text            `json:"name"`
	Description      json.RawMessage `json:"description"`
	Order            []text          `json:"order"`
	FoldersOrder     []text          `json:"folders_order"`
	Folders          []rawV1Folder   `json:"folders"`
	Requests         *[]rawV1Request `json:"requests"`
	Events           json.RawMessage `json:"events"`
	Variables        json.RawMessage `json:"variables"`
	CurrentHelper    json.RawMessage `json:"currentHelper"`
	HelperAttributes json.RawMessage `json:"helperAttributes"`
	PreRequestScript json.RawMessage `json:"preRequestScript"`
	Tests            json.RawMessage `json:"tests"`

	// Environment and globals files, recognized to give a helpful error.
	Values json.RawMessage `json:"values"`
	Scope  text            `json:"_postman_variable_scope"`
}

type rawInfo struct {
	PostmanID   text            `json:"_postman_id"`
	ID          text            `json:"id"`
	Name        text            `json:"name"`
	Description json.RawMessage `json:"description"`
	Schema      text            `json:"schema"`
	Version     text            `json:"version"`
	ExporterID  text            `json:"_exporter_id"`
}

type rawItem struct {
	ID          text            `json:"id"`
	PostmanID   text            `json:"_postman_id"`
	Name        text            `json:"name"`
	Description json.RawMessage `json:"description"`
	Item        *[]rawItem      `json:"item"`
	Request     json.RawMessage `json:"request"`
	Response    json.RawMessage `json:"response"`
	Event       json.RawMessage `json:"event"`
	Variable    json.RawMessage `json:"variable"`
	Auth        json.RawMessage `json:"auth"`
	PPB         json.RawMessage `json:"protocolProfileBehavior"`
}

type rawRequest struct {
	Method      text            `json:"method"`
	URL         json.RawMessage `json:"url"`
	Header      json.RawMessage `json:"header"`
	Body        json.RawMessage `json:"body"`
	Auth        json.RawMessage `json:"auth"`
	Description json.RawMessage `json:"description"`
	Proxy       json.RawMessage `json:"proxy"`
}

// rawProxy is a request's proxy object; fields of other types are read as
// postman-collection's ProxyConfig.update ignores them.
type rawProxy struct {
	Host         json.RawMessage `json:"host"`
	Port         json.RawMessage `json:"port"`
	Tunnel       json.RawMessage `json:"tunnel"`
	Authenticate json.RawMessage `json:"authenticate"`
	Username     json.RawMessage `json:"username"`
	Password     json.RawMessage `json:"password"`
	Match        json.RawMessage `json:"match"`
	Disabled     json.RawMessage `json:"disabled"`
}

type rawURL struct {
	Raw      *text           `json:"raw"`
	Protocol *text           `json:"protocol"`
	Host     json.RawMessage `json:"host"`
	Port     *text           `json:"port"`
	Path     json.RawMessage `json:"path"`
	Query    json.RawMessage `json:"query"`
	Variable json.RawMessage `json:"variable"`
	Hash     *text           `json:"hash"`
	Auth     json.RawMessage `json:"auth"`
}

type rawUserInfo struct {
	User     *text `json:"user"`
	Password *text `json:"password"`
}

type rawKV struct {
	ID          json.RawMessage `json:"id"`
	Key         *text           `json:"key"`
	Name        json.RawMessage `json:"name"`
	Value       json.RawMessage `json:"value"`
	Type        text            `json:"type"`
	Description json.RawMessage `json:"description"`
	Disabled    setFlag         `json:"disabled"`
	Enabled     *flag           `json:"enabled"`
	Src         json.RawMessage `json:"src"`
	ContentType text            `json:"contentType"`
	System      json.RawMessage `json:"system"`
}

// name is the row's name when truthy, as postman-collection's Property
// keeps it (see RowName).
func (kv *rawKV) name() string { return RowName(kv.Name) }

type rawBody struct {
	Mode       text            `json:"mode"`
	Raw        json.RawMessage `json:"raw"`
	URLEncoded json.RawMessage `json:"urlencoded"`
	FormData   json.RawMessage `json:"formdata"`
	File       json.RawMessage `json:"file"`
	GraphQL    json.RawMessage `json:"graphql"`
	Options    json.RawMessage `json:"options"`
	Disabled   flag            `json:"disabled"`
}

type rawBodyOptions struct {
	Raw *struct {
		Language text `json:"language"`
	} `json:"raw"`
}

type rawEvent struct {
	Listen   text            `json:"listen"`
	Script   json.RawMessage `json:"script"`
	Disabled setFlag         `json:"disabled"`
}

// event is the model's event for re and its script.
func (re *rawEvent) event(s Script) Event {
	return Event{Listen: re.Listen.String(), Script: s, Disabled: re.Disabled.On, DisabledSet: re.Disabled.Set}
}

type rawScript struct {
	ID       text            `json:"id"`
	Type     text            `json:"type"`
	Exec     json.RawMessage `json:"exec"`
	Name     text            `json:"name"`
	Packages json.RawMessage `json:"packages"`
}

// text accepts any JSON value: strings as they are, other scalars as their
// JSON text (5, true), null as "", objects and arrays as compact JSON.
type text string

func (t *text) UnmarshalJSON(b []byte) error {
	*t = text(jsonText(b))
	return nil
}

func (t text) String() string { return string(t) }

// flag accepts true/false and, leniently, "true", 1 and other truthy
// values the way JavaScript's `if (x)` would.
type flag bool

func (f *flag) UnmarshalJSON(b []byte) error {
	*f = flag(truthy(b))
	return nil
}

// setFlag is a flag that also says whether the file gave it at all
// (null included), as lodash's _.has sees it.
type setFlag struct {
	Set, On bool
	// Raw is the member as written, for a row's RowMeta.
	Raw json.RawMessage
}

func (f *setFlag) UnmarshalJSON(b []byte) error {
	f.Set, f.On, f.Raw = true, truthy(b), append(json.RawMessage(nil), b...)
	return nil
}

func truthy(b []byte) bool {
	b = bytes.TrimSpace(b)
	switch jsonKind(b) {
	case "boolean":
		return string(b) == "true"
	case "string":
		var s string
		_ = json.Unmarshal(b, &s)
		return s != ""
	case "number":
		f, err := strconv.ParseFloat(string(b), 64)
		return err == nil && f != 0
	case "object", "array":
		return true
	}
	return false
}

// jsonText renders a raw JSON value as text (see text).
func jsonText(b []byte) string {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return ""
	}
	switch b[0] {
	case '"':
		// Most strings have no escapes: skip the decoder.
		if len(b) >= 2 && b[len(b)-1] == '"' && bytes.IndexByte(b, '\\') < 0 && utf8.Valid(b) {
			return string(b[1 : len(b)-1])
		}
		var s string
		if err := json.Unmarshal(b, &s); err == nil {
			return s
		}
		return string(b)
	case 'n':
		return ""
	case '{', '[':
		var buf bytes.Buffer
		if err := json.Compact(&buf, b); err == nil {
			return buf.String()
		}
	}
	return string(b)
}

// jsonKind names the JSON type of a raw value, for error messages.
func jsonKind(b []byte) string {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return "nothing"
	}
	switch b[0] {
	case '"':
		return "string"
	case '{':
		return "object"
	case '[':
		return "array"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}

// isNull reports whether a raw value is absent or null.
func isNull(b []byte) bool {
	k := jsonKind(b)
	return k == "nothing" || k == "null"
}

// rawArray splits a JSON array into its elements.
func rawArray(b []byte) ([]json.RawMessage, bool) {
	if jsonKind(b) != "array" {
		return nil, false
	}
	var out []json.RawMessage
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, false
	}
	return out, true
}
