package runner

import (
	"slices"
	"strings"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
)

// sourceValuesSeed turns a run's seed into the generator of the dynamic
// values a failed request's item resolves (Options.sourceValues).
const sourceValuesSeed = 0x736f75726365 // "source"

// resolvedReferences is, for a request that failed, what each {{reference}}
// in the item's texts substitutes, from the variables the request was
// built with: postman-runtime resolves the whole item it sends
// (Item#toObjectResolved: every string of it, the scripts' lines and the
// saved examples too), and Newman's report writes that copy as the
// failure's source. The texts looked at are those the report writes there
// besides the request (written as sent): the item's name and description,
// its scripts' names and lines, and its saved examples. Vault references
// stay as written (a report never holds a vault value), and {{$random…}}
// values come from a generator of their own, so that a failure does not
// move the run's sequence. nil when nothing resolves.
func (r *Runner) resolvedReferences(it *collections.Item) map[string]string {
	if it == nil || r.scopes == nil {
		return nil
	}
	texts := []string{it.Name, it.Description}
	for _, e := range it.Events {
		texts = append(texts, e.Script.Name, e.Script.Exec)
	}
	texts = append(texts, string(it.Responses))
	var out map[string]string
	var res environments.Resolver
	for _, text := range texts {
		if !strings.Contains(text, "{{") {
			continue
		}
		for _, name := range environments.References(text) {
			if _, done := out[name]; done || strings.HasPrefix(name, "vault:") {
				continue
			}
			if res.Scopes == nil {
				res = r.resolver()
				scopes := *r.scopes
				scopes.Gen = r.Options.sourceValues
				res.Scopes = &scopes
			}
			ref := "{{" + name + "}}"
			if v := res.Replace(ref); v != ref {
				if out == nil {
					out = map[string]string{}
				}
				out[name] = v
			}
		}
	}
	return out
}

// resolveRowDescriptions resolves the descriptions of the report's copy of
// a sent request's headers and body rows, as postman-runtime resolves every
// string of the item it sends (Newman's report shows them so). What it
// changes is copied first: test scripts see the request itself.
func resolveRowDescriptions(form *collections.Request, sub func(string) string) {
	if hs, ok := resolvedDescriptions(form.Header, func(h *collections.Header) *string { return &h.Description }, sub); ok {
		form.Header = hs
	}
	b := form.Body
	if b == nil {
		return
	}
	field := func(p *collections.FormParam) *string { return &p.Description }
	urlencoded, u := resolvedDescriptions(b.URLEncoded, field, sub)
	formdata, f := resolvedDescriptions(b.FormData, field, sub)
	if u || f {
		cb := *b
		if u {
			cb.URLEncoded = urlencoded
		}
		if f {
			cb.FormData = formdata
		}
		form.Body = &cb
	}
}

// resolvedDescriptions is rows with each description holding a reference
// resolved, in a copy; ok is false (and rows returned) when none holds one.
func resolvedDescriptions[T any](rows []T, description func(*T) *string, sub func(string) string) ([]T, bool) {
	var out []T
	for i := range rows {
		d := *description(&rows[i])
		if !strings.Contains(d, "{{") {
			continue
		}
		if out == nil {
			out = slices.Clone(rows)
		}
		*description(&out[i]) = sub(d)
	}
	if out == nil {
		return rows, false
	}
	return out, true
}
