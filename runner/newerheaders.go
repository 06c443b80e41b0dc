package runner

import (
	"sort"
	"strings"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner/wire"
)

// Postman CLI's newer runtime (v12 runs, runtimeRules.newerHeaders) sends
// and lists headers its own way, probed field by field with a raw echo
// server (testdata/postman-parity/fresh-round7p-*.json):
//
//   - on the wire, every name in lower case: the request's own rows first,
//     each row its own field (X-A and x-a both go), rows of one name
//     together where the first of them stands (the runtime keeps them as
//     one header with several values: X-A, X-B, x-a go x-a, x-a, x-b;
//     fresh-round14v-d.json); then the runtime's
//     headers in newerSystemOrder, less those a row of the request's
//     names; then what the auth added; then, spelled as Node spells them,
//     the Authorization of a URL's user:password@, the jar's Cookie and a
//     redirect's Referer; a redirect's host comes last;
//   - scripts see the runtime's headers first, all of them and with the
//     runtime's own values even where a row of the request's replaced one
//     on the wire, then the request's rows as written, then the auth's;
//     neither the jar's Cookie nor a user:password@'s Authorization.

// lowerAuthName are the auth types whose header scripts of a v12 run see
// as "authorization" (OAuth 2, Hawk, digest, EdgeGrid); the others'
// read "Authorization" (fresh-round14v-m.json).
var lowerAuthName = map[string]bool{"oauth2": true, "hawk": true, "digest": true, "edgegrid": true}

// newerSystemOrder is the order of the runtime's own headers.
var newerSystemOrder = [...]string{"Cache-Control", "Postman-Token", "Content-Type", "Content-Length", "Host", "User-Agent", "Accept", "Accept-Encoding", "Connection"}

// newerSystemRank is a lower-cased runtime header's place in
// newerSystemOrder; -1 for others.
func newerSystemRank(lower string) int {
	for i, n := range newerSystemOrder {
		if strings.EqualFold(n, lower) {
			return i
		}
	}
	return -1
}

// newerWireFields reorders one hop's fields as the newer runtime sends
// them. user marks the keys of the request's own rows, authSet (lower
// case) the fields the auth set; redirected is true for a redirect's hop.
func newerWireFields(fields []wire.Field, user map[string]bool, authSet map[string]bool, redirected bool) []wire.Field {
	var own, added, tail []wire.Field
	var host *wire.Field
	sys := make([][]wire.Field, len(newerSystemOrder))
	lower := func(f wire.Field) wire.Field { return wire.Field{Name: strings.ToLower(f.Name), Value: f.Value} }
	for _, f := range fields {
		l := strings.ToLower(f.Name)
		rank := newerSystemRank(l)
		switch {
		case authSet[l]:
			added = append(added, lower(f))
		case user[f.Name]:
			own = append(own, lower(f))
		case l == "host" && redirected:
			h := lower(f)
			host = &h
		case rank >= 0:
			sys[rank] = append(sys[rank], lower(f))
		case l == "cookie" || l == "referer" || l == "authorization":
			tail = append(tail, f)
		default:
			added = append(added, lower(f))
		}
	}
	sortAuthFields(added, authSet)
	out := make([]wire.Field, 0, len(fields))
	out = append(out, groupByName(own)...)
	for _, fs := range sys {
		out = append(out, fs...)
	}
	out = append(out, added...)
	out = append(out, tail...)
	if host != nil {
		out = append(out, *host)
	}
	return out
}

// groupByName moves each field next to the first field of its name
// (names already in lower case), keeping their order otherwise.
func groupByName(fields []wire.Field) []wire.Field {
	if len(fields) < 3 {
		return fields
	}
	var names []string
	byName := make(map[string][]wire.Field, len(fields))
	for _, f := range fields {
		if _, seen := byName[f.Name]; !seen {
			names = append(names, f.Name)
		}
		byName[f.Name] = append(byName[f.Name], f)
	}
	if len(names) == len(fields) {
		return fields
	}
	out := make([]wire.Field, 0, len(fields))
	for _, n := range names {
		out = append(out, byName[n]...)
	}
	return out
}

// sortAuthFields puts the fields an auth set (lower-cased names, in their
// slots among fields) in the newer runtime's order: Authorization first,
// then the others by name (AWS's x-amz-content-sha256, x-amz-date,
// x-amz-security-token; fresh-round12v-awsv4.json).
func sortAuthFields(fields []wire.Field, authSet map[string]bool) {
	var slots []int
	var auth []wire.Field
	for i, f := range fields {
		if authSet[f.Name] {
			slots = append(slots, i)
			auth = append(auth, f)
		}
	}
	if len(auth) < 2 {
		return
	}
	sort.SliceStable(auth, func(i, j int) bool {
		ai, aj := auth[i].Name == "authorization", auth[j].Name == "authorization"
		if ai != aj {
			return ai
		}
		return auth[i].Name < auth[j].Name
	})
	for n, i := range slots {
		fields[i] = auth[n]
	}
}

// newerScriptHeaders is the header list test scripts see in a v12 run:
// the runtime's headers with its own values (bodyType is the body's
// Content-Type, "" for none; ua the runtime's User-Agent), the request's
// rows as written, then the fields the auth set (authSet, lower case), as
// they went, named in lower case when lowerAuth says the auth names its
// header so (lowerAuthName).
func newerScriptHeaders(rows []collections.Header, fields []wire.Field, authSet map[string]bool, bodyType, ua string, lowerAuth bool) []collections.Header {
	sent := func(name string) (string, bool) {
		for _, f := range fields {
			if strings.EqualFold(f.Name, name) {
				return f.Value, true
			}
		}
		return "", false
	}
	ownRow := func(name string) bool {
		for _, r := range rows {
			if !r.Disabled && strings.EqualFold(r.Key, name) {
				return true
			}
		}
		return false
	}
	defaults := map[string]string{"Cache-Control": "no-cache", "Accept": "*/*", "Accept-Encoding": "gzip, deflate, br", "Connection": "keep-alive", "User-Agent": ua, "Content-Type": bodyType}
	out := make([]collections.Header, 0, len(newerSystemOrder)+len(rows)+1)
	for _, n := range newerSystemOrder {
		v, ok := sent(n)
		if d, has := defaults[n]; has && (!ok || ownRow(n)) {
			v, ok = d, d != ""
		}
		if ok {
			out = append(out, collections.Header{Key: n, Value: v, System: true})
		}
	}
	for _, r := range rows {
		if !r.Disabled && authSet[strings.ToLower(r.Key)] {
			continue // the auth's own field replaced it
		}
		out = append(out, r)
	}
	for _, f := range fields {
		if authSet[strings.ToLower(f.Name)] {
			name := f.Name
			if lowerAuth {
				name = strings.ToLower(name)
			}
			out = append(out, collections.Header{Key: name, Value: f.Value, System: true})
		}
	}
	return out
}
