package collections

import (
	"encoding/json"
	"strings"
)

// RowMeta is what postman-collection keeps of a header, query or body row
// beyond the fields courier types (see Header.Meta), as the text of a JSON
// object in Property's order: a truthy id of any type, a truthy name that is
// not a string, a disabled member that is not a boolean (rawDisabled: a
// header's, which Header.update copies as given; Property makes the other
// rows' Boolean) and the row's own system member (withSystem: headers,
// query rows and urlencoded rows, which are QueryParams). "" when the row
// has none of them.
func RowMeta(id, name, disabled, system json.RawMessage, rawDisabled, withSystem bool) string {
	var parts []string
	add := func(k string, v json.RawMessage) { parts = append(parts, `"`+k+`":`+compactJSON(v)) }
	if truthy(id) {
		add("id", id)
	}
	if truthy(name) && jsonKind(name) != "string" {
		add("name", name)
	}
	if k := jsonKind(disabled); rawDisabled && k != "nothing" && k != "boolean" {
		add("disabled", disabled)
	}
	if withSystem && jsonKind(system) != "nothing" {
		add("system", system)
	}
	if len(parts) == 0 {
		return ""
	}
	return "{" + strings.Join(parts, ",") + "}"
}

// meta is the row's RowMeta as the file gives it.
func (kv *rawKV) meta(rawDisabled, withSystem bool) string {
	return RowMeta(kv.ID, kv.Name, kv.Disabled.Raw, kv.System, rawDisabled, withSystem)
}

// RowName is a row's name as collections keeps it in Name: the text of a
// truthy name ("" for "", 0, false and null; a name that is not a string is
// also in the row's RowMeta).
func RowName(name json.RawMessage) string {
	if !truthy(name) {
		return ""
	}
	return jsonText(name)
}

// pathVariableMeta is what postman-collection's Variable keeps of a path
// variable beyond courier's fields (Variable.Meta), as JSON in the order
// JSON.stringify shows it: a truthy id and name as given (Property), the
// disabled member as given (Variable.update copies it over Property's
// Boolean), the system member, and a key that is not a string (5). ""
// when there is none of them.
func pathVariableMeta(kv *rawKV, key json.RawMessage) string {
	var parts []string
	add := func(k string, v json.RawMessage) { parts = append(parts, `"`+k+`":`+compactJSON(v)) }
	if truthy(kv.ID) {
		add("id", kv.ID)
	}
	if truthy(kv.Name) {
		add("name", kv.Name)
	}
	if kv.Disabled.Set {
		add("disabled", kv.Disabled.Raw)
	}
	if jsonKind(kv.System) != "nothing" {
		add("system", kv.System)
	}
	if k := jsonKind(key); truthy(key) && k != "string" {
		add("key", key)
	}
	if len(parts) == 0 {
		return ""
	}
	return "{" + strings.Join(parts, ",") + "}"
}
