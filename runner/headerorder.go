package runner

import (
	"net/http"
	"sort"
	"strings"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner/wire"
)

// wireOrder is the order of a request's header fields on the wire, as
// postman-runtime (through postman-request and Node's http) sends them,
// checked field by field against Newman 6.2.2 with a raw echo server:
//
//  1. the request's own headers, in collection order (see userHeaders for
//     rows that repeat a name);
//  2. Content-Type of a raw body with a language option;
//  3. the headers auth adds (Authorization; AWS's X-Amz-* and Host);
//  4. Content-Type of a raw body without a language, or of a GraphQL body;
//  5. User-Agent, Accept, Cache-Control, Postman-Token, Host,
//     Accept-Encoding, Connection;
//  6. Content-Type of an urlencoded or multipart body; the Authorization a
//     URL's user:password@ becomes; Content-Length of a body;
//  7. Cookie from the jar; Content-Length: 0 of a body-less request.
//
// A multipart form's or a file's Content-Length (and the file's type) come
// after the Cookie: postman-request learns them when it pipes the stream.
//
// keys holds header keys as they are in the request's http.Header, plus
// "Host" (the request's Host) and "Content-Length" (the body's length)
// where those go; authAt is where step 3 starts.
type wireOrder struct {
	keys   []string
	authAt int
	// user marks the keys that come from the request's own rows.
	user map[string]bool
	// noJarCookies: the request's rows spell Cookie two ways ("cookie",
	// "Cookie"). postman-request merges the jar's cookies into the first
	// spelling and Node then sends the last one's value alone, so no jar
	// cookie goes out on any hop.
	noJarCookies bool
	// hostName is the spelling of the request's own Host row when it is
	// not "Host" ("host: x" goes out as written, as Node sends a header
	// set by name); a redirect keeps the spelling with the new host, as
	// postman-request sets host on the header it has.
	hostName string
	// blocked names (lower-cased) the fields disabledSystemHeaders keeps
	// off the wire on every hop: Host, Content-Type and Content-Length
	// when the request has no row of its own for them (see block).
	blocked map[string]bool
}

// block marks the fields disabledSystemHeaders keeps off the wire that
// the runtime or Node would add below the headers it lists: postman-runtime
// turns off Node's Host (setHost) and has postman-request leave out its
// Content-Type and Content-Length (blacklistHeaders), but only when the
// request has no row of that name. h holds the request's own rows. The
// other system headers are simply not added (addRuntimeHeaders).
func (o *wireOrder) block(h http.Header, disabled map[string]bool) {
	for _, f := range [...]struct{ name, lk string }{{"Host", "host"}, {"Content-Type", "content-type"}, {"Content-Length", "content-length"}} {
		name, lk := f.name, f.lk
		if !disabled[lk] || (name == "Host" && o.user["Host"]) || name != "Host" && headerKey(h, name) != "" {
			continue
		}
		if o.blocked == nil {
			o.blocked = map[string]bool{}
		}
		o.blocked[lk] = true
	}
}

// unblocked is fields without the blocked ones (the wire's), and the
// fields scripts are shown: those without a blocked Host or
// Content-Length. A blocked Content-Type stays there, as the runtime's
// body helper had added it (markBlocked shows it disabled).
func (o wireOrder) unblocked(fields []wire.Field) (sent, shown []wire.Field) {
	if len(o.blocked) == 0 {
		return fields, fields
	}
	sent = make([]wire.Field, 0, len(fields))
	shown = make([]wire.Field, 0, len(fields))
	for _, f := range fields {
		lk := strings.ToLower(f.Name)
		if !o.blocked[lk] {
			sent = append(sent, f)
		}
		if !o.blocked[lk] || lk == "content-type" {
			shown = append(shown, f)
		}
	}
	return sent, shown
}

// markBlocked marks the runtime's blocked Content-Type disabled in the
// list scripts see, as postman-runtime disables the one its body helper
// added.
func (o wireOrder) markBlocked(hs []collections.Header) []collections.Header {
	if !o.blocked["content-type"] {
		return hs
	}
	for i := range hs {
		if hs[i].System && strings.EqualFold(hs[i].Key, "Content-Type") {
			hs[i].Disabled = true
		}
	}
	return hs
}

// named gives the Host field the request's own spelling (see hostName).
func (o wireOrder) named(fields []wire.Field) []wire.Field {
	if o.hostName == "" {
		return fields
	}
	for i := range fields {
		if fields[i].Name == "Host" {
			fields[i].Name = o.hostName
		}
	}
	return fields
}

func (o *wireOrder) add(key string) {
	for _, k := range o.keys {
		if k == key {
			return
		}
	}
	o.keys = append(o.keys, key)
}

// awsRank is the order the aws4 library adds its headers in (session
// token, payload hash, date), Authorization last; bodyHash puts the
// payload hash first, as postman-runtime adds it itself, before signing,
// for a body it can hash.
func awsRank(key string, bodyHash bool) int {
	switch strings.ToLower(key) {
	case "x-amz-content-sha256":
		if bodyHash {
			return 0
		}
		return 2
	case "x-amz-security-token":
		return 1
	case "x-amz-date":
		return 3
	case "authorization":
		return 5
	}
	return 4
}

// insertAuth puts keys the auth added at the auth slot, in the order
// Postman's signers add them (see awsRank; others by name), Authorization
// last.
func (o *wireOrder) insertAuth(h http.Header, bodyHash bool) {
	var added []string
	for k := range h {
		if !o.has(k) {
			added = append(added, k)
		}
	}
	if len(added) == 0 {
		return
	}
	sort.Slice(added, func(i, j int) bool {
		ri, rj := awsRank(added[i], bodyHash), awsRank(added[j], bodyHash)
		if ri != rj {
			return ri < rj
		}
		return added[i] < added[j]
	})
	keys := make([]string, 0, len(o.keys)+len(added))
	keys = append(keys, o.keys[:o.authAt]...)
	keys = append(keys, added...)
	o.keys = append(keys, o.keys[o.authAt:]...)
}

// moveToAuth moves key to the start of the auth slot, after the first
// skip fields there: AWS signs Host and Postman sends it first among the
// signed headers, after the payload hash postman-runtime set before the
// signer ran (skip 1).
func (o *wireOrder) moveToAuth(key string, skip int) {
	i := o.index(key)
	if i < 0 || i < o.authAt+skip {
		return
	}
	keys := make([]string, 0, len(o.keys))
	keys = append(keys, o.keys[:o.authAt+skip]...)
	keys = append(keys, key)
	for j, k := range o.keys[o.authAt+skip:] {
		if j+o.authAt+skip != i {
			keys = append(keys, k)
		}
	}
	o.keys = keys
}

// dropUser takes the request's own fields named in set (lower-cased) out
// of the order: the auth replaced them, and insertAuth places its own at
// the auth slot, as postman-runtime removes a header before its auth adds
// one of that name.
func (o *wireOrder) dropUser(set map[string]bool) {
	if len(set) == 0 {
		return
	}
	keys := o.keys[:0]
	for i, k := range o.keys {
		if o.user[k] && set[strings.ToLower(k)] {
			delete(o.user, k)
			if i < o.authAt {
				o.authAt--
			}
			continue
		}
		keys = append(keys, k)
	}
	o.keys = keys
}

// headerSnapshot is h's fields, each with its values joined.
func headerSnapshot(h http.Header) map[string]string {
	m := make(map[string]string, len(h))
	for k, v := range h {
		m[k] = strings.Join(v, "\x00")
	}
	return m
}

// authSetHeaders names (lower-cased) the fields an auth added, changed or
// removed between before and h.
func authSetHeaders(before map[string]string, h http.Header) map[string]bool {
	var set map[string]bool
	mark := func(k string) {
		if set == nil {
			set = map[string]bool{}
		}
		set[strings.ToLower(k)] = true
	}
	for k, v := range h {
		if b, ok := before[k]; !ok || b != strings.Join(v, "\x00") {
			mark(k)
		}
	}
	for k := range before {
		if _, ok := h[k]; !ok {
			mark(k)
		}
	}
	return set
}

func (o *wireOrder) has(key string) bool { return o.index(key) >= 0 }

// remove drops key (only keys placed after the auth slot are removed, so
// authAt stays right).
func (o *wireOrder) remove(key string) {
	if i := o.index(key); i >= o.authAt {
		o.keys = append(o.keys[:i], o.keys[i+1:]...)
	}
}

func (o *wireOrder) index(key string) int {
	for i, k := range o.keys {
		if k == key {
			return i
		}
	}
	return -1
}

// redirected is the order of a redirect's request: the previous hop's
// fields that h still holds, without Host, then Referer (a Referer an
// earlier redirect set keeps its place) and Host, as postman-request sends
// a redirect. Content-Length stays when the
// body does. A Cookie the previous hop sent keeps its place (the jar's
// cookies for the new URL replace its value there); a new one (a cookie
// an earlier hop set, where the first hop sent none) comes after Host,
// then an Authorization made from the Location's credentials (credAuth).
// A multipart body sent again (307/308, followOriginalHttpMethod) is a new
// form with a new boundary: its Content-Type (the user's row too) and its
// Content-Length come after Host.
func (o wireOrder) redirected(h http.Header, body, form, credAuth bool) wireOrder {
	next := wireOrder{user: o.user, noJarCookies: o.noJarCookies, hostName: o.hostName, blocked: o.blocked}
	hop := redirectHop{sent: h, body: body, form: form, credAuth: credAuth}
	for idx, k := range o.keys {
		if idx == o.authAt {
			next.authAt = len(next.keys)
		}
		if hop.keeps(k) {
			next.keys = append(next.keys, k)
		}
	}
	if o.authAt >= len(o.keys) {
		next.authAt = len(next.keys)
	}
	next.keys = hop.added(next.keys)
	return next
}

// redirectHop decides, key by key, which of the previous hop's fields keep
// their place on a redirect, and remembers the spellings of the fields that
// decide what the redirect adds after them (see wireOrder.redirected).
type redirectHop struct {
	sent                 http.Header // the fields the redirect still holds
	body, form, credAuth bool
	// The previous hop's spellings: a Referer and a Cookie that keep
	// their place, a multipart Content-Type that moves after Host.
	referer, cookie, formType string
}

// newForm reports a multipart body sent again: a new form with a new
// boundary, so its Content-Type and Content-Length move after Host.
func (r *redirectHop) newForm() bool { return r.form && r.body }

// keeps reports whether the previous hop's key k keeps its place.
func (r *redirectHop) keeps(k string) bool {
	switch {
	case k == "Host" || r.credAuth && strings.EqualFold(k, "Authorization"):
		return false
	case strings.EqualFold(k, "Referer"):
		r.referer = k
		return true
	case strings.EqualFold(k, "Cookie"):
		// Only a Cookie the previous hop sent keeps its place: the
		// first hop's order lists the key even when the jar had none.
		if _, sent := r.sent[k]; sent {
			r.cookie = k
			return true
		}
		return false
	case k == "Content-Length":
		return r.body && !r.form
	case r.newForm() && strings.EqualFold(k, "Content-Type"):
		r.formType = k
		return false
	}
	_, ok := r.sent[k]
	return ok
}

// added appends, after the kept keys, what the redirect itself adds: a
// Referer and a Cookie where none kept a place, Host, an Authorization
// made from the Location's credentials, and a new form's Content-Type and
// Content-Length.
func (r *redirectHop) added(keys []string) []string {
	if r.referer == "" {
		keys = append(keys, "Referer")
	}
	keys = append(keys, "Host")
	if r.cookie == "" {
		keys = append(keys, "Cookie")
	}
	if r.credAuth {
		keys = append(keys, "Authorization")
	}
	if r.newForm() {
		if r.formType != "" {
			keys = append(keys, r.formType)
		}
		keys = append(keys, "Content-Length")
	}
	return keys
}

// userHeaders adds the request's enabled header rows to h and returns their
// keys in wire order. Rows whose names differ only in case end up as one
// field, as Node's http keeps one header per lower-cased name: rows of the
// same spelling are grouped (values in row order) in the order each
// spelling first appears; a later spelling replaces an earlier one's name
// and values but keeps its place. So "X-A: 1", "x-a: 2" sends "x-a: 2" and
// "X-A: 1", "X-A: 2" sends both. A Host row sets host instead, hostName
// its spelling. With everySpelling (the newer runtime) each spelling keeps
// its own field.
func userHeaders(rows []collections.Header, h http.Header, everySpelling bool) (keys []string, host, hostName string) {
	type group struct {
		name   string
		values []string
	}
	var groups []*group
	byName := map[string]*group{}
	for _, r := range rows {
		if r.Disabled || r.Key == "" {
			continue
		}
		g := byName[r.Key]
		if g == nil {
			g = &group{name: r.Key}
			byName[r.Key] = g
			groups = append(groups, g)
		}
		// A typed value: an array goes out as one field per element.
		g.values = append(g.values, r.WireValues()...)
	}
	slot := map[string]int{} // lower-cased name -> index in keys
	var winners []*group
	for _, g := range groups {
		lk := strings.ToLower(g.name)
		if everySpelling {
			lk = g.name
		}
		if i, ok := slot[lk]; ok {
			winners[i] = g
			continue
		}
		slot[lk] = len(winners)
		winners = append(winners, g)
	}
	for _, g := range winners {
		if len(g.values) == 0 {
			continue // an empty array sends nothing
		}
		if strings.EqualFold(g.name, "Host") {
			host, hostName = g.values[len(g.values)-1], g.name
			keys = append(keys, "Host")
			continue
		}
		h[g.name] = g.values
		keys = append(keys, g.name)
	}
	return keys, host, hostName
}

// headerKey is the key of h that names name in any letter case; "" for
// none. Of two spellings it takes name's own, else the least, never one
// that map order picks.
func headerKey(h http.Header, name string) string {
	if _, ok := h[name]; ok {
		return name
	}
	key := ""
	for k := range h {
		if strings.EqualFold(k, name) && (key == "" || k < key) {
			key = k
		}
	}
	return key
}

// scriptHeaders is the header list test scripts and reports see, as
// postman-runtime leaves it on the request: the request's own rows as
// written (repeats and disabled rows included; a Cookie or Content-Length
// row takes the value sent and is marked system; a row the auth replaced,
// authSet, is left out), then every field the runtime added, marked
// system, in wire order. The Authorization of a
// URL's user:password@ and an urlencoded or multipart Content-Type, added
// below the runtime, are not listed.
func scriptHeaders(rows []collections.Header, wire []collections.Header, userKeys, hidden, authSet map[string]bool) []collections.Header {
	out := make([]collections.Header, 0, len(rows)+len(wire))
	sent := func(name string) (string, bool) {
		for _, w := range wire {
			if strings.EqualFold(w.Key, name) {
				return w.Value, true
			}
		}
		return "", false
	}
	updated := map[string]bool{}
	for _, r := range rows {
		lk := strings.ToLower(r.Key)
		if !r.Disabled && authSet[lk] {
			continue // the auth's own field replaced it
		}
		if !r.Disabled && (lk == "cookie" || lk == "content-length") && !updated[lk] {
			if v, ok := sent(r.Key); ok {
				updated[lk] = true
				r.Value, r.JSON, r.System = v, "", true
			}
		}
		out = append(out, r)
	}
	for _, w := range wire {
		lk := strings.ToLower(w.Key)
		if userKeys[w.Key] || updated[lk] || hidden[lk] {
			continue
		}
		w.System = true
		out = append(out, w)
	}
	return out
}
