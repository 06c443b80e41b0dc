package report

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
)

// resolvedSource is a failed request's item with its {{references}}
// resolved as postman-runtime resolves the item it sends (every string of
// it): name, description, scripts and saved examples, as Newman's report
// writes the failure's source. refs is what each reference substitutes
// (runner.SentRequest.Resolved); a reference it lacks stays as written.
// The item's parts are copied, never changed in place: the rendering is
// shared with the executions.
func resolvedSource(src pmItem, refs map[string]string) pmItem {
	res := environments.Resolver{NoDynamic: true, Override: func(name string) (string, bool) {
		v, ok := refs[name]
		return v, ok
	}}
	sub := func(s string) string {
		if !strings.Contains(s, "{{") {
			return s
		}
		return res.Replace(s)
	}
	inJSON := func(raw json.RawMessage) json.RawMessage {
		if len(raw) == 0 || !strings.Contains(string(raw), "{{") {
			return raw
		}
		return json.RawMessage(collections.MapJSONStrings(string(raw), sub))
	}
	src.Name = sub(src.Name)
	src.Description = inJSON(src.Description)
	src.Response = inJSON(src.Response)
	src.Event = slices.Clone(src.Event)
	for i := range src.Event {
		sc := &src.Event[i].Script
		sc.Name = sub(sc.Name)
		var lines []string
		for k, line := range sc.Exec {
			if v := sub(line); v != line {
				if lines == nil {
					lines = slices.Clone(sc.Exec)
				}
				lines[k] = v
			}
		}
		if lines != nil {
			sc.Exec = lines
		}
	}
	return src
}
