package report

import (
	"bytes"
	"encoding/json"
	"slices"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/internal/jsonobject"
)

// member is one key of a JSON object, in the object's order.
type member = jsonobject.Member

// objectMembers reads a JSON object keeping its keys' order; ok is false
// for anything else.
func objectMembers(raw string) ([]member, bool) {
	ms, err := jsonobject.Members([]byte(raw))
	return ms, err == nil
}

// encodeMembers writes members back as a JSON object, in their order.
func encodeMembers(ms []member) json.RawMessage {
	var o orderedObject
	for _, m := range ms {
		o.add(m.Key, m.Value)
	}
	return o.bytes()
}

// fileMember is a file body's file member as Newman's report writes it, nil
// when the collection gave none as an object (the report then writes
// {src}). A collection item has the object as written ({}, {"src": null},
// {"content": …}), as postman-collection keeps it. The request as sent
// (sent) has it as postman-runtime left it: src resolved, its content gone
// (read into a stream or decoded), and "value": null on a file it could
// not read (unread: no src, missing, refused). A body whose file a script
// changed since gets nil.
func fileMember(b *collections.Body, sent, unread bool) json.RawMessage {
	given := b.FileGiven
	if given == "" {
		if !sent || !unread || b.File == "" {
			return nil // {src}, as the fields write it
		}
		src, _ := json.Marshal(b.File)
		given = `{"src":` + string(src) + `}`
	}
	ms, ok := objectMembers(given)
	if !ok {
		return nil
	}
	src := slices.IndexFunc(ms, func(m member) bool { return m.Key == "src" })
	var givenSrc string
	srcText := src >= 0 && bytes.HasPrefix(ms[src].Value, []byte(`"`)) && json.Unmarshal(ms[src].Value, &givenSrc) == nil
	if !sent {
		if (srcText && givenSrc != b.File) || (!srcText && b.File != "") {
			return nil
		}
		return json.RawMessage(given)
	}
	switch {
	case srcText:
		ms[src].Value, _ = json.Marshal(b.File)
	case b.File != "":
		return nil
	}
	ms = slices.DeleteFunc(ms, func(m member) bool { return m.Key == "content" })
	if unread {
		if v := slices.IndexFunc(ms, func(m member) bool { return m.Key == "value" }); v >= 0 {
			ms[v].Value = json.RawMessage("null")
		} else {
			ms = append(ms, member{Key: "value", Value: json.RawMessage("null")})
		}
	}
	return encodeMembers(ms)
}

// graphQLMember is a GraphQL body's graphql member as Newman's report
// writes it: the members the collection gave, as written (an empty
// variables text, a variables object, operationName), {} for a body
// without one.
func graphQLMember(g *collections.GraphQL) json.RawMessage {
	if g == nil {
		return json.RawMessage("{}")
	}
	var ms []member
	for _, f := range []struct {
		name, value string
		asJSON      bool
	}{
		{"query", g.Query, slices.Contains(g.JSONMembers, "query")},
		{"operationName", g.OperationName, slices.Contains(g.JSONMembers, "operationName")},
		{"variables", g.Variables, g.VariablesJSON},
	} {
		if slices.Contains(g.Unset, f.name) {
			continue
		}
		v := json.RawMessage(f.value)
		if !f.asJSON || !json.Valid(v) {
			v, _ = json.Marshal(f.value)
		}
		ms = append(ms, member{Key: f.name, Value: v})
	}
	return encodeMembers(ms)
}
