package runner

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/internal/latin1"
	"github.com/courier-run/courier/internal/proxyenv"
	"github.com/courier-run/courier/internal/whatwgutf8"
	"github.com/courier-run/courier/runner/auth"
	"github.com/courier-run/courier/runner/wire"
	"github.com/courier-run/courier/scripting"
	"golang.org/x/net/idna"
)

// client holds the run's keep-alive transports, one for each set of TLS
// settings requests use (verifying or not, protocols, ciphers), created on
// first use; Node's agents likewise pool sockets by these settings.
type client struct {
	opts *Options
	jar  *Jar

	mu         sync.Mutex
	transports map[tlsOptions]*wire.Transport
}

func newClient(o *Options, jar *Jar) *client {
	return &client{opts: o, jar: jar}
}

func (c *client) transport(to tlsOptions) (*wire.Transport, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	tr := c.transports[to]
	if tr == nil {
		suites, err := cipherSuites(to.ciphers)
		if err != nil {
			return nil, err
		}
		tcfg := &tls.Config{
			// Verified by nodeVerify, in Node's order and words, unless
			// asked not to (-k, strictSSL false).
			InsecureSkipVerify: true, //nolint:gosec // see VerifyConnection
			MinVersion:         to.min,
			MaxVersion:         to.max,
			CipherSuites:       suites,
		}
		if to.verify {
			roots := systemRoots // loaded on the first verified handshake
			if given := c.opts.RootCAs; given != nil {
				roots = func() *x509.CertPool { return given }
			}
			tcfg.VerifyConnection = nodeVerify(roots, time.Now)
		}
		if len(c.opts.ClientCerts) > 0 {
			certs := c.opts.ClientCerts
			tcfg.GetClientCertificate = func(info *tls.CertificateRequestInfo) (*tls.Certificate, error) {
				return pickClientCert(certs, info), nil
			}
		}
		dial := (&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext
		proxy := direct(proxyenv.FromEnv(c.opts.proxyEnvSource()), c.opts.DirectHosts)
		if c.opts.LoopbackOnly {
			dial = loopbackOnly(dial)
		}
		if len(c.opts.Routes) > 0 {
			dial, proxy = routed(c.opts.Routes, c.opts.Routed, dial, proxy)
		}
		// courier's own transport writes the header fields in Postman's
		// order (net/http sorts them); Accept-Encoding is ours and bodies
		// are decoded in readResponse, so scripts see what Postman shows.
		tr = &wire.Transport{
			Proxy:               proxy,
			DialContext:         dial,
			TLSClientConfig:     tcfg,
			MaxIdleConnsPerHost: 16,
			MaxIdleConns:        100, // net/http's default transport's bound
			AwaitResponse:       c.opts.AwaitResponse,
			IdleConnTimeout:     90 * time.Second,
			TLSHandshakeTimeout: 30 * time.Second,
			// Node's --max-http-header-size default, as Newman runs.
			HeaderFieldLimit: 16 << 10,
			NodeHeads:        true,
			// postman-request does not send again on a new connection
			// (fresh-round9n-c.json).
			NoStaleRetry: true,
		}
		if c.transports == nil {
			c.transports = map[tlsOptions]*wire.Transport{}
		}
		c.transports[to] = tr
	}
	return tr, nil
}

// routed wraps a dialer and a proxy function so connections for a routed
// host:port go straight to its stand-in (routing happens before the
// loopback check, as the stand-in is on loopback).
func routed(routes map[string]string, notify func(string), dial func(ctx context.Context, network, addr string) (net.Conn, error),
	proxy func(*http.Request) (*url.URL, error)) (func(ctx context.Context, network, addr string) (net.Conn, error), func(*http.Request) (*url.URL, error)) {
	routedDial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		if to, ok := routes[strings.ToLower(addr)]; ok {
			if notify != nil {
				notify(strings.ToLower(addr))
			}
			return (&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext(ctx, network, to)
		}
		return dial(ctx, network, addr)
	}
	routedProxy := func(r *http.Request) (*url.URL, error) {
		if _, ok := routes[strings.ToLower(wire.HostPort(r.URL))]; ok || proxy == nil {
			return nil, nil
		}
		return proxy(r)
	}
	return routedDial, routedProxy
}

// loopbackOnly wraps a dialer so it refuses non-loopback hosts before any
// name lookup.
func loopbackOnly(dial func(ctx context.Context, network, addr string) (net.Conn, error)) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, _, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, err
		}
		ip := net.ParseIP(host)
		if !strings.EqualFold(host, "localhost") && (ip == nil || !ip.IsLoopback()) {
			return nil, fmt.Errorf("refusing to connect to %s: only loopback addresses are allowed in this run", host)
		}
		return dial(ctx, network, addr)
	}
}

func pickClientCert(certs []ClientCert, info *tls.CertificateRequestInfo) *tls.Certificate {
	host := ""
	if info != nil && info.Context() != nil {
		if h, ok := info.Context().Value(hostKey{}).(string); ok {
			host = h
		}
	}
	var fallback *tls.Certificate
	for i := range certs {
		cc := &certs[i]
		if len(cc.Matches) == 0 {
			if fallback == nil {
				fallback = &cc.Cert
			}
			continue
		}
		for _, m := range cc.Matches {
			if matchPattern(m, host) {
				return &cc.Cert
			}
		}
	}
	if fallback == nil {
		return &tls.Certificate{}
	}
	return fallback
}

type hostKey struct{}

// matchPattern matches a Postman URL match pattern ("https://*.x.com/*")
// against "scheme://host:port/".
func matchPattern(pattern, target string) bool {
	if pattern == "<all_urls>" || pattern == "*" {
		return true
	}
	pu, err1 := url.Parse(strings.Replace(pattern, "*.", "wildcard.", 1))
	tu, err2 := url.Parse(target)
	if err1 != nil || err2 != nil {
		return false
	}
	if pu.Scheme != "*" && pu.Scheme != tu.Scheme {
		return false
	}
	ph := pu.Hostname()
	th := tu.Hostname()
	if strings.HasPrefix(ph, "wildcard.") {
		suffix := strings.TrimPrefix(ph, "wildcard")
		if !strings.HasSuffix(th, suffix) && th != suffix[1:] {
			return false
		}
	} else if ph != "*" && ph != th {
		return false
	}
	if pp := pu.Port(); pp != "" && pp != "*" && pp != tu.Port() {
		return false
	}
	return true
}

func (c *client) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, t := range c.transports {
		t.CloseIdleConnections()
	}
}

// behavior is the effective protocolProfileBehavior of an item.
type behavior map[string]any

// truthy is a switch as postman-runtime and postman-request test it, by
// JavaScript truthiness ("false" and 1 are on, 0, "" and null off); def
// when the key is absent (fresh-round10n-e).
func (b behavior) truthy(key string, def bool) bool {
	v, ok := b[key]
	if !ok {
		return def
	}
	return jsTruthy(v)
}

// booleanOption is Node's refusal of a request option that must be a
// boolean (http.request's insecureHTTPParser), given any other value.
func booleanOption(b behavior, key string) error {
	v, ok := b[key]
	if _, isBool := v.(bool); !ok || isBool {
		return nil
	}
	var got string
	switch v := v.(type) {
	case nil:
		got = "null"
	case string:
		got = "type string (" + nodeInspectTrim("'"+strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(v)+"'") + ")"
	case float64:
		got = "type number (" + nodeInspectTrim(strconv.FormatFloat(v, 'f', -1, 64)) + ")"
	case []any:
		got = "an instance of Array"
	default:
		got = "an instance of Object"
	}
	return &NetError{Code: "ERR_INVALID_ARG_TYPE", Name: "TypeError",
		Msg: `The "options.` + key + `" property must be of type boolean. Received ` + got}
}

// nodeInspectTrim shortens an inspected value as Node's ERR_INVALID_ARG_TYPE
// does: over 28 characters, the first 25 and "...".
func nodeInspectTrim(s string) string {
	if len(s) > 28 {
		return s[:25] + "..."
	}
	return s
}

// disabledHeaders is disabledSystemHeaders as postman-runtime reads it:
// each system header is looked up by its lower-case name alone ("User-Agent"
// disables nothing) and any truthy value disables it (1 and "false" do, 0
// and null do not); a list disables nothing (Newman 6.2.2, fresh-round10n-a).
func (b behavior) disabledHeaders() map[string]bool {
	out := map[string]bool{}
	if m, ok := b["disabledSystemHeaders"].(map[string]any); ok {
		for k, v := range m {
			if jsTruthy(v) {
				out[k] = true
			}
		}
	}
	return out
}

// jsTruthy is a JSON value's truthiness in JavaScript.
func jsTruthy(v any) bool {
	switch v := v.(type) {
	case nil:
		return false
	case bool:
		return v
	case float64:
		return v != 0 && v == v
	case int:
		return v != 0
	case string:
		return v != ""
	}
	return true
}

func (r *Runner) behaviorFor(st *step) behavior {
	b := r.rules.defaultBehavior()
	merge := func(m map[string]any) {
		for k, v := range m {
			b[k] = v
		}
	}
	merge(r.Collection.ProtocolProfileBehavior)
	for _, f := range st.folders {
		merge(f.ProtocolProfileBehavior)
	}
	merge(st.item.ProtocolProfileBehavior)
	return b
}

// effectiveAuth walks request -> folders (inner to outer) -> collection.
func (r *Runner) effectiveAuth(st *step, req *collections.Request) *collections.Auth {
	chain := []*collections.Auth{req.Auth}
	for i := len(st.folders) - 1; i >= 0; i-- {
		chain = append(chain, st.folders[i].Auth)
	}
	chain = append(chain, r.Collection.Auth)
	return auth.Inherit(chain...)
}

// noBodyMethods are sent without Content-Length when they have no body, as
// Node does.
var noBodyMethods = map[string]bool{"GET": true, "HEAD": true, "DELETE": true, "OPTIONS": true, "TRACE": true, "CONNECT": true}

// prunedMethods never carry a body unless disableBodyPruning is set.
var prunedMethods = map[string]bool{"GET": true, "HEAD": true, "COPY": true, "PURGE": true, "UNLOCK": true}

// send resolves req, sends it with the run's client and returns what went
// on the wire and the response.
// The resolved request is returned too: test scripts see it as pm.request.
// used, when not nil, learns the vault secrets the request resolved.
func (r *Runner) send(ctx context.Context, st *step, req *collections.Request, it int, used *usedSecrets) (*collections.Request, SentRequest, *scripting.Response, *Timings, error) {
	var clock *phaseClock
	if r.Options.Timings {
		clock = newPhaseClock(time.Now())
	}
	warned := map[string]bool{}
	res := r.resolver()
	var secrets RequestSecrets
	var secretErr error
	if r.Options.Secrets != nil {
		secrets = r.Options.Secrets(ctx)
		if used != nil {
			used.RequestSecrets = secrets
			secrets = used
		}
		res.Secrets = secrets
		res.SecretError = func(name string, err error) {
			if secretErr == nil {
				secretErr = fmt.Errorf("vault secret %q: %w", name, err)
			}
		}
	}
	sub := func(s string) string {
		return res.ReplaceTrack(s, func(name string) {
			if !warned[name] {
				warned[name] = true
				r.Sink.Handle(WarningEvent{Item: st.ref, Iteration: it, Message: fmt.Sprintf("unresolved variable {{%s}} was sent literally", name)})
			}
		})
	}
	ppb := r.behaviorFor(st)
	resolved := resolveRequest(req, sub)
	if r.rules.wholeSegmentPathVars && len(req.URL.Variables) > 0 {
		// The newer runtime fills ":name.json" by the whole segment's
		// name: the path is filled before the URL text resolves, so that
		// collections.URL.String's Newman rule (the name before the dot)
		// finds nothing left to fill.
		wu := resolveURL(wholeSegmentPathVariables(req.URL), sub)
		wu.Variables = resolved.URL.Variables
		resolved.URL = wu
	}
	method := strings.ToUpper(resolved.Method)
	if method == "" {
		method = "GET"
	}
	stripBodyComments(resolved, prunedMethods[method] && !ppb.truthy("disableBodyPruning", false))
	eff := r.effectiveAuth(st, req)
	a, userSet := r.resolveAuth(eff, sub)
	if strings.TrimSpace(resolved.URL.Raw) == "" && strings.TrimSpace(resolved.URL.String()) == "" {
		// Newman's words for a request with no URL (an empty one in the
		// collection, or pm.request.url set to something that is none).
		return resolved, SentRequest{Method: resolved.Method}, nil, nil, errors.New("runtime:extensions~request: request url is empty")
	}
	if secretErr != nil {
		// A secret that cannot be resolved must not go out as a literal
		// reference either: the request fails.
		return resolved, SentRequest{Method: resolved.Method, URL: buildWireURL(resolved.URL, true).String()}, nil, nil, secretErr
	}
	plan := sendPlan{
		req:  resolved,
		auth: a,
		user: userSet,
		ppb:  ppb,
		warn: func(msg string) { r.Sink.Handle(WarningEvent{Item: st.ref, Iteration: it, Message: msg}) },
		console: func(msg string) {
			r.Sink.Handle(ConsoleEvent{Item: st.ref, Iteration: it, Line: ConsoleLine{Level: "warn", Text: nodeQuote(msg), Message: msg}})
		},
		clock: clock,
		rules: r.rules,
	}
	if secrets != nil {
		plan.check = secrets.Check
	}
	sent, resp, err := r.client.do(ctx, plan)
	r.rememberDigest(eff, a, userSet)
	oauth1BodyRows(resolved, a, sent.Body)
	if a != nil {
		// Test scripts see the auth the request was sent with, as the
		// runtime left it: inherited from a folder or the collection,
		// variables resolved, and what a digest challenge taught (marked
		// system, as the runtime sets it).
		markSystem(a, userSet)
		resolved.Auth = a
	}
	// The report's copy: test scripts get resolved itself, changed
	// below; the runtime resolves the description too.
	form := *resolved
	form.Description = res.Replace(form.Description)
	resolveRowDescriptions(&form, res.Replace)
	sent.Form = &form
	sent.AuthOwn = userSet
	if r.rules.scriptsSeeOwnAuth && (req.Auth == nil || strings.EqualFold(req.Auth.Type, "noauth")) {
		// The newer runtime's test scripts see no auth the request does
		// not give itself (an inherited one, noauth).
		resolved.Auth = nil
	}
	var timings *Timings
	if clock != nil && err == nil {
		timings = clock.timings()
	}
	return resolved, sent, resp, timings, err
}

// resolveAuth is a copy of the request's effective auth eff (nil: none)
// with its variables resolved by sub and what Postman's runtime learned
// into the block on earlier requests (authMemo) put back. user names the
// parameters the collection itself gives a value, which the runtime never
// overwrites.
func (r *Runner) resolveAuth(eff *collections.Auth, sub func(string) string) (a *collections.Auth, user map[string]bool) {
	if eff == nil {
		return nil, nil
	}
	a = cloneAuth(eff)
	user = map[string]bool{}
	// In the block's order: sub warns of unresolved variables, and the
	// warnings must come in the same order on every run.
	for _, k := range a.Keys() {
		a.Params[k] = sub(a.Params[k])
		if a.Params[k] != "" {
			user[k] = true
		}
	}
	resolveOtherAuths(a, sub)
	memo := r.authMemo[eff]
	for _, k := range learnedOrder(memo) {
		a.Set(k, memo[k])
		delete(user, k)
	}
	return a, user
}

// authLast moves the runtime's Authorization header to the end of hs.
func authLast(hs []collections.Header) []collections.Header {
	for i, h := range hs {
		if h.System && strings.EqualFold(h.Key, "Authorization") {
			return append(append(hs[:i:i], hs[i+1:]...), h)
		}
	}
	return hs
}

// markSystem marks a digest or NTLM block's parameters the runtime wrote
// (learned from a challenge or counted up; NTLM's handshake state), those
// the collection gave no value.
func markSystem(a *collections.Auth, user map[string]bool) {
	var keys []string
	switch {
	case strings.EqualFold(a.Type, auth.TypeDigest):
		keys = append(append(keys, auth.DigestLearned...), "algorithm")
	case strings.EqualFold(a.Type, auth.TypeNTLM):
		keys = auth.NTLMState
	default:
		return
	}
	for _, k := range keys {
		if _, ok := a.Params[k]; ok && !user[k] {
			if a.System == nil {
				a.System = map[string]bool{}
			}
			a.System[k] = true
		}
	}
}

// learnedOrder is the keys of what a challenge taught, in the order the
// runtime sets them (then any others sorted): never Go's map order, which
// scripts and reports would show.
func learnedOrder(memo map[string]string) []string {
	rank := map[string]int{"nonce": 1, "realm": 2, "opaque": 3, "qop": 4, "algorithm": 5, "clientNonce": 6, "nonceCount": 7}
	keys := make([]string, 0, len(memo))
	for k := range memo {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		ri, rj := rank[keys[i]], rank[keys[j]]
		if ri == 0 {
			ri = len(rank) + 1
		}
		if rj == 0 {
			rj = len(rank) + 1
		}
		if ri != rj {
			return ri < rj
		}
		return keys[i] < keys[j]
	})
	return keys
}

// rememberDigest keeps what a digest exchange taught the block sent as a
// (nonce, realm, nonce count...) for the next request using eff: the
// runtime's auth.set writes it into the block itself, where a parameter
// is empty or its own already.
func (r *Runner) rememberDigest(eff, a *collections.Auth, user map[string]bool) {
	if a == nil || !strings.EqualFold(a.Type, auth.TypeDigest) {
		return
	}
	memo := r.authMemo[eff]
	for _, k := range auth.DigestLearned {
		v := a.Params[k]
		if v == "" || user[k] {
			continue
		}
		if memo == nil {
			if r.authMemo == nil {
				r.authMemo = map[*collections.Auth]map[string]string{}
			}
			memo = map[string]string{}
			r.authMemo[eff] = memo
		}
		memo[k] = v
	}
}

// sendPlan is one resolved request and how to send it.
type sendPlan struct {
	req  *collections.Request // resolved: no {{variables}} left
	auth *collections.Auth    // the effective auth, resolved; nil for none
	// user marks the auth parameters that hold the collection's own
	// non-empty values: Postman's runtime never overwrites those.
	user map[string]bool
	ppb  behavior
	// warn reports auth problems: as in Postman they do not fail the
	// request, which goes out without that auth.
	warn func(string)
	// console, when set, takes postman-runtime's console warnings about
	// the request (an upload file it could not read).
	console func(string)
	// check, when set, vets every URL the request goes to (the first and
	// each redirect) for the vault secrets it carries.
	check func(string) error
	// clock, when set, times the phases of the last round trip.
	clock *phaseClock
	// rules say how the runtime the run follows sends (runtime.go).
	rules runtimeRules
}

// outgoing is a plan turned into an HTTP request, before the first hop.
type outgoing struct {
	hreq *http.Request
	// order is the order of the header fields on the wire; hidden names
	// the ones scripts do not see (see scriptHeaders).
	order  wireOrder
	hidden map[string]bool
	// authSet names (lower-cased) the headers the auth set: they replace
	// the request's own rows of that name (see authSetHeaders).
	authSet map[string]bool
	wire    wireURL
	shown   wireURL // wire, not percent-encoded (SentRequest.Shown)
	data    []byte  // the body as sent; nil for none
	// bodyType is the Content-Type the body implies ("" for none), even
	// where a row of the request's replaced it.
	bodyType string
	mode     string            // the body's mode; "" for none
	auth     *collections.Auth // nil once auth could not be applied
	sent     SentRequest       // what the reports show as sent
	// ownRowsWin keeps the request's own enabled rows whose name (in any
	// case) an auth would set: the auth leaves that header alone
	// (runtimeRules.ownRowsBeatAuth).
	ownRowsWin bool
	// beaten are the headers the auth set that a row of the request's
	// kept off the wire (keepOwnRows): scripts still list them.
	beaten []collections.Header
	// retried is when the answer to an auth challenge went out: the
	// response's time counts from there, as Newman times that round trip
	// on its own.
	retried time.Time
}

// do sends a plan's request, following redirects and auth challenges, and
// reads the response: prepare, sign, hop, read.
func (c *client) do(ctx context.Context, p sendPlan) (SentRequest, *scripting.Response, error) {
	// --timeout-request is postman-request's timeout: a connect timer,
	// then the socket's idle time, restarted by every byte either way, so
	// on each hop, digest retry and chunk of the answer afresh (Newman
	// takes a 3 s answer dripped every 300 ms, or ten 300 ms redirects,
	// under --timeout-request 1500: fresh-round12n-a.json).
	ctx = wire.WithIdleTimeout(ctx, c.opts.TimeoutRequest)
	ctx = withOwnProxy(ctx, p.req.Proxy)
	if on, _ := p.ppb["insecureHTTPParser"].(bool); on {
		// Node's lenient parser reads the responses (wire.checkHead).
		ctx = wire.WithLenientParser(ctx)
	}
	out, err := c.prepare(ctx, p)
	if err == nil {
		err = booleanOption(p.ppb, "insecureHTTPParser")
	}
	if err != nil {
		return erroredShown(out.sent, out.sent.Shown, p), nil, err
	}
	authOpts := auth.Options{DisableURLEncoding: p.ppb.truthy("disableUrlEncoding", false), EmptyBearer: p.rules.emptyBearer, TypedCredentials: p.rules.emptyBearer,
		AWSUnsignedS3: p.rules.emptyBearer, Btoa: p.rules.emptyBearer, NoBody: out.mode == "" || out.mode == collections.BodyNone,
		UnhashedBody: out.mode == collections.BodyFormData, BodyMode: out.mode}
	prepared := out.sent.Shown
	out.ownRowsWin = p.rules.ownRowsBeatAuth
	if err := c.sign(&out, p.warn, authOpts); err != nil {
		return erroredShown(out.sent, prepared, p), nil, err
	}
	start := time.Now()
	resp, last, err := c.hops(&out, p, authOpts)
	if err != nil {
		return erroredShown(out.sent, prepared, p), nil, err
	}
	if !out.retried.IsZero() {
		start = out.retried
	}
	got, err := readResponse(resp, last.URL, start, p.clock, c.opts.maxResponseSize())
	if got != nil && p.rules.nodeResponseHeaders {
		got.Header = nodeHeaders(got.Header)
	}
	return out.sent, got, err
}

// erroredShown is a request that failed as Newman's CLI prints it: the
// URL as the request had it once resolved ("{{baseUrl}}/get",
// "127.0.0.1:9/Get"), with no protocol added nor host lower-cased, since
// postman-runtime normalises it only for a request it sent. A URL an auth
// changed (a query API key) keeps what was shown; so do Postman CLI's runs.
func erroredShown(s SentRequest, prepared string, p sendPlan) SentRequest {
	if !p.rules.showURLAsSent && s.Shown == prepared && p.req != nil {
		s.Shown = p.req.URL.String()
	}
	return s
}

// prepare builds the HTTP request of a plan: the wire URL, the body, the
// request's own headers and then the system headers Postman adds.
func (c *client) prepare(ctx context.Context, p sendPlan) (outgoing, error) {
	o, req, ppb := c.opts, p.req, p.ppb
	method := req.Method
	if method == "" {
		method = "GET"
	}
	wu := req.URL
	if p.rules.wholeSegmentPathVars {
		wu = wholeSegmentPathVariables(wu)
	}
	out := outgoing{wire: buildWireURL(wu, ppb.truthy("disableUrlEncoding", false)), auth: p.auth}
	out.shown = buildWireURL(wu, true)
	if p.rules.showURLAsSent {
		// Postman CLI's newer runtime reports the URL as it went out.
		out.shown = out.wire
	}
	out.sent = SentRequest{Method: method, URL: out.wire.String(), Shown: out.shown.String()}
	maskPunycodedLabels(o.Masker, out.wire.host)
	body, err := buildBody(req.Body, fileAccess{workDir: o.WorkingDir, roots: o.fileRoots(), insecure: o.InsecureFileRead && !o.NoInsecureFileRead, strict: o.NoInsecureFileRead}, bodyNotes{warn: p.warn, console: p.console, failUnreadable: p.rules.failUnreadableUpload}, p.rules.undiciFormData, ownContentType(req.Header))
	if err != nil {
		return out, err
	}
	if body != nil {
		out.sent.FileUnread, out.sent.UnreadUploads = body.unread, body.unreadUploads
	}
	if body != nil && !(prunedMethods[strings.ToUpper(method)] && !ppb.truthy("disableBodyPruning", false)) {
		out.data = body.data
		out.mode = req.Body.Mode
		out.bodyType = body.contentType
	}
	hreq, err := newHTTPRequest(ctx, method, out.wire.toURL(), out.data)
	if err != nil {
		return out, err
	}
	out.hreq = hreq
	if out.data == nil && (!noBodyMethods[strings.ToUpper(method)] || p.rules.lengthOnEveryRequest) {
		// Node sends "Content-Length: 0" for bodiless requests of methods
		// that may carry a body (custom ones included); Go only does for
		// POST, PUT and PATCH unless told the encoding is identity.
		hreq.TransferEncoding = []string{"identity"}
		hreq.Body = http.NoBody
	}
	if u := out.wire.user; u != nil && !hasAuthorization(req.Header) {
		// Credentials in the URL become basic auth, as Node sends them.
		pass, _ := u.Password()
		hreq.SetBasicAuth(u.Username(), pass)
		maskDerived(o.Masker, map[string]string{"password": pass}, hreq)
	}
	hreq.URL.User = nil
	out.order, out.hidden = c.headers(hreq, req, body, out.data, ppb, p.rules)
	return out, nil
}

// headers adds the request's own headers to hreq and then the ones the
// runtime adds, and returns their wire order (see wireOrder) and the keys
// scripts do not see among the sent headers. Each step places the fields
// of one step of wireOrder's list.
func (c *client) headers(hreq *http.Request, req *collections.Request, body *builtBody, data []byte, ppb behavior, rules runtimeRules) (wireOrder, map[string]bool) {
	userinfo := hreq.Header.Get("Authorization") // from the URL's user:password@
	hreq.Header.Del("Authorization")
	order := addUserHeaders(hreq, req.Header, rules.newerHeaders)
	disabled := ppb.disabledHeaders()
	order.block(hreq.Header, disabled)
	contentType := setBodyType(hreq.Header, req.Body, body, data, disabled, rules.typeForEmptyRawBody)
	mode := bodyMode(req.Body)
	order.placeBodyType(contentType, mode)
	addRuntimeHeaders(hreq.Header, &order, disabled, c.userAgent(rules), c.opts.tokens)
	hidden := addHiddenHeaders(hreq.Header, &order, contentType, userinfo)
	order.placeLengthAndCookie(hreq.Header, contentType, mode, data, rules.lengthOnEveryRequest || !noBodyMethods[strings.ToUpper(hreq.Method)])
	return order, hidden
}

// addUserHeaders sets the request's own rows on hreq (a Host row becomes
// its Host) and starts the wire order with them: they go first, and they
// are the ones scripts see as the user's (step 1).
func addUserHeaders(hreq *http.Request, rows []collections.Header, everySpelling bool) wireOrder {
	keys, host, hostName := userHeaders(rows, hreq.Header, everySpelling)
	if host != "" {
		hreq.Host = host
	}
	order := wireOrder{keys: keys, user: map[string]bool{}}
	if hostName != "Host" {
		order.hostName = hostName
	}
	for _, k := range keys {
		order.user[k] = true
	}
	spellings := map[string]bool{}
	for _, r := range rows {
		if !r.Disabled && strings.EqualFold(r.Key, "Cookie") {
			spellings[r.Key] = true
		}
	}
	order.noJarCookies = len(spellings) > 1
	return order
}

// setBodyType sets the Content-Type the body implies and returns it; ""
// when it adds none: no body sent, a type of the request's own, or an
// empty raw body (Postman sends no type then; its newer runtime,
// typeForEmpty, does). A type disabled by disabledSystemHeaders is still
// set: postman-runtime's body helper adds it, scripts see it disabled,
// and the wire leaves it out (wireOrder.block).
func setBodyType(h http.Header, b *collections.Body, body *builtBody, data []byte, disabled map[string]bool, typeForEmpty bool) string {
	if body == nil || data == nil {
		return ""
	}
	own := headerKey(h, "Content-Type")
	switch {
	case own == "" && body.contentType != "" &&
		!(b.Mode == collections.BodyRaw && len(data) == 0 && !typeForEmpty):
		h["Content-Type"] = []string{body.contentType}
		return body.contentType
	case own != "" && !disabled["content-type"] && !typeForEmpty && (b.Mode == collections.BodyURLEncoded && !ownFormType().MatchString(firstValue(h[own])) ||
		b.Mode == collections.BodyFormData && ownBoundary(firstValue(h[own])) == ""):
		// postman-request's form() and multipart writer set the type
		// whatever the request says (a row's "multipart/form-data" without
		// a boundary would leave the server unable to read the body); the
		// row keeps its name and place. With the type disabled, the
		// runtime lets the request's own type stand
		// (allowContentTypeOverride). The newer runtime (typeForEmpty,
		// v12 runs) sends the request's own type as written, even a
		// multipart/form-data without a boundary (fresh-round12v-bodies.json).
		// A type postman-request accepts stands as written: an urlencoded
		// one with its parameters, a multipart one naming the boundary the
		// body then uses (fresh-round13c-c.json).
		h[own] = []string{body.contentType}
	}
	return ""
}

// ownContentType is the request's own Content-Type as sent: the last
// enabled row of that name in any case.
func ownContentType(rows []collections.Header) string {
	v := ""
	for _, r := range rows {
		if !r.Disabled && strings.EqualFold(r.Key, "Content-Type") {
			v = r.Value
		}
	}
	return v
}

// userAgent is the User-Agent the run sends: --user-agent, else the
// runtime's own.
func (c *client) userAgent(rules runtimeRules) string {
	if rules.userAgent != "" && c.opts.UserAgent == "" {
		return rules.userAgent
	}
	return c.opts.userAgent()
}

// bodyMode is the body's mode as the header order tells modes apart: a raw
// body with a language is "raw+language" (its type is set before auth
// runs, plain raw text's after); "" for no body.
func bodyMode(b *collections.Body) string {
	if b == nil {
		return ""
	}
	if b.Mode == collections.BodyRaw && b.Language != "" {
		return "raw+language"
	}
	return b.Mode
}

// placeBodyType places the Content-Type the runtime set before the runtime
// headers, around the auth slot it marks: a raw body with a language gets
// its type before auth runs (step 2), plain raw text and GraphQL after it
// (step 4); forms from postman-request, later (see addHiddenHeaders).
func (o *wireOrder) placeBodyType(contentType, mode string) {
	if contentType != "" && mode == "raw+language" {
		o.add("Content-Type")
	}
	o.authAt = len(o.keys)
	if contentType != "" && (mode == collections.BodyRaw || mode == collections.BodyGraphQL) {
		o.add("Content-Type")
	}
}

// addRuntimeHeaders adds the headers postman-runtime adds to every request
// (step 5), in its order, unless disabled in the request's settings or
// given by the request itself. Host is the request's own field: it only
// takes its place here when no Host row of the request's placed it.
func addRuntimeHeaders(h http.Header, order *wireOrder, disabled map[string]bool, userAgent string, tokens *environments.Gen) {
	for _, sh := range [...]struct{ name, value string }{
		{"User-Agent", userAgent},
		{"Accept", "*/*"},
		{"Cache-Control", "no-cache"},
		{"Postman-Token", ""}, // a fresh one per request, made only when sent
		{"Host", ""},
		{"Accept-Encoding", "gzip, deflate, br"},
		{"Connection", "keep-alive"},
	} {
		if sh.name == "Host" {
			order.add("Host") // a Host row of the request's keeps its place
			continue
		}
		if disabled[strings.ToLower(sh.name)] || headerKey(h, sh.name) != "" {
			continue
		}
		if sh.value == "" {
			sh.value, _ = tokens.Dynamic("$guid")
		}
		h[sh.name] = []string{sh.value}
		order.add(sh.name)
	}
}

// addHiddenHeaders adds what postman-request adds below the runtime (step
// 6) and scripts do not see: a form's Content-Type, and the Authorization
// a URL's user:password@ becomes when the request has none. It returns
// their lower-cased names.
func addHiddenHeaders(h http.Header, order *wireOrder, contentType, userinfo string) map[string]bool {
	hidden := map[string]bool{}
	if contentType != "" && !order.has("Content-Type") {
		order.add("Content-Type")
		hidden["content-type"] = true
	}
	if userinfo != "" && headerKey(h, "Authorization") == "" {
		h["Authorization"] = []string{userinfo}
		order.add("Authorization")
		hidden["authorization"] = true
	}
	return hidden
}

// placeLengthAndCookie places the fields Node's http adds last: a body's
// Content-Length (step 6; a binary body's type comes after it), the jar's
// Cookie, and the "Content-Length: 0" of a body-less request whose method
// may carry a body (step 7). A Content-Length row of the request's keeps
// its own place. A body postman-request pipes as a stream (a multipart
// form, a file) gets its length, and a file its type, only when the
// stream starts, after the jar's Cookie (Newman 6.2.2 on the wire:
// fresh-round14s-b.json).
func (o *wireOrder) placeLengthAndCookie(h http.Header, contentType, mode string, data []byte, zeroLength bool) {
	userLength := headerKey(h, "Content-Length") != ""
	streamed := mode == collections.BodyFormData || mode == collections.BodyFile
	if streamed {
		o.add("Cookie")
	}
	if len(data) > 0 && !userLength {
		o.add("Content-Length")
	}
	if contentType != "" && mode == collections.BodyFile {
		o.remove("Content-Type")
		o.add("Content-Type")
	}
	if !streamed {
		o.add("Cookie")
	}
	if len(data) == 0 && zeroLength && !userLength {
		o.add("Content-Length")
	}
}

// sign applies the plan's auth. Signers read the URL's parts, so they get a
// parsed view of the wire URL; the wire path stays ours and only the query
// they may add is kept. Auth that cannot be applied is reported and dropped.
func (c *client) sign(out *outgoing, warn func(string), opts auth.Options) error {
	a := out.auth
	if a == nil {
		return nil
	}
	hreq := out.hreq
	wire := hreq.URL
	if parsed := out.wire.parsed(); parsed != nil {
		hreq.URL = parsed
	}
	// Postman's auth runs before the runtime adds its own headers: a
	// signer (AWS) signs only the headers there were then. Content-Type
	// stays in view, as Postman's signers know the body's mode anyway;
	// AWS, which signs it, and Hawk, which hashes it with the payload, see
	// it only when it came first.
	// A URL's user:password@ becomes an Authorization only when the auth
	// left none (postman-request's init runs after postman-runtime's
	// auth): the auth's own goes at the auth's place, listed.
	credAuth := out.hidden["authorization"]
	var creds []string
	if credAuth {
		creds = hreq.Header["Authorization"]
		delete(hreq.Header, "Authorization")
	}
	if a.Type == "awsv4" && opts.AWSUnsignedS3 {
		out.lowerContentTypeForAWS()
	}
	before := headerSnapshot(hreq.Header)
	later := out.holdRuntimeHeaders(a.Type)
	queryBefore, bodyBefore := hreq.URL.RawQuery, out.data
	var own http.Header
	if out.ownRowsWin && ownRowsBeatType[a.Type] {
		own = ownRows(hreq.Header, out.order.user)
	}
	err := auth.ApplyWith(hreq, a, out.data, opts)
	out.beaten = keepOwnRows(hreq.Header, own, out.order.user)
	if credAuth {
		if headerKey(hreq.Header, "Authorization") != "" {
			delete(out.hidden, "authorization")
			out.order.remove("Authorization")
		} else {
			hreq.Header["Authorization"] = creds
			before["Authorization"] = strings.Join(creds, "\x00")
		}
	}
	// postman-runtime hashes a raw, urlencoded, file or GraphQL body for
	// AWS itself before the signer runs.
	bodyHash := len(out.data) > 0 && out.mode != collections.BodyFormData
	for k, v := range later {
		if _, set := hreq.Header[k]; !set {
			hreq.Header[k] = v
		}
	}
	out.authSet = authSetHeaders(before, hreq.Header)
	out.order.dropUser(out.authSet)
	out.order.insertAuth(hreq.Header, bodyHash)
	if a.Type == "awsv4" {
		out.order.hostAfterAWSHash(bodyHash)
	}
	out.keepSignedQuery(wire, queryBefore)
	if errors.Is(err, auth.ErrInvalidCharacter) {
		// The newer runtime's btoa fails the request itself, in its own
		// words; the warning says why.
		warn(fmt.Sprintf("%s auth: a credential has a character above U+00FF, which Postman's newer runtime cannot encode; the request fails as in Postman", a.Type))
		return auth.ErrInvalidCharacter
	}
	if err != nil {
		warn(fmt.Sprintf("%s auth was not applied: %v", a.Type, err))
		out.auth = nil
		return nil
	}
	if hreq.GetBody != nil {
		// oauth1 may move its parameters into a urlencoded body.
		if rc, err := hreq.GetBody(); err == nil {
			out.data, _ = io.ReadAll(rc)
			rc.Close()
		}
	}
	params := signedInputs(a.Type, a.Params, queryBefore, bodyBefore, hreq)
	maskDerived(c.opts.Masker, params, hreq)
	// What a signer put in the query or body (an OAuth 1 signature, a JWT
	// query parameter) is derived too.
	maskAdded(c.opts.Masker, params, queryBefore, hreq.URL.RawQuery)
	maskAdded(c.opts.Masker, params, string(bodyBefore), string(out.data))
	return nil
}

// lowerContentTypeForAWS: the newer runtime (v12 runs) gives AWS's signer
// the body's type and takes its headers back by their lower-case names,
// so a raw body's row spelled content-type, and only so, goes as the
// body's type (fresh-round12v-awsv4.json; Content-type stays as written).
func (out *outgoing) lowerContentTypeForAWS() {
	if out.mode != collections.BodyRaw || out.bodyType == "" {
		return
	}
	h := map[string][]string(out.hreq.Header) // rows as spelled, not canonical
	if _, ok := h["content-type"]; ok {
		h["content-type"] = []string{out.bodyType}
	}
}

// hostAfterAWSHash moves Host to the auth's place for AWS, after the
// X-Amz-Content-Sha256 the runtime put first when it hashed the body.
func (o *wireOrder) hostAfterAWSHash(bodyHash bool) {
	skip := 0
	if bodyHash && o.authAt < len(o.keys) && strings.EqualFold(o.keys[o.authAt], "X-Amz-Content-Sha256") {
		skip = 1
	}
	o.moveToAuth("Host", skip)
}

// signedInputs are what a signer's output is derived from: its
// parameters and, for the signers that hash the request itself (AWS
// Signature v4 its query, headers and body; OAuth 1 its query and form
// parameters; Hawk and EdgeGrid the payload), the request. A secret in the
// request makes the signature, and AWS's X-Amz-Content-Sha256 (the body's
// SHA-256), a function of it: text anyone can test guesses against.
func signedInputs(typ string, params map[string]string, query string, body []byte, hreq *http.Request) map[string]string {
	switch typ {
	case "awsv4", "oauth1", "hawk", "edgegrid":
	default:
		return params
	}
	in := make(map[string]string, len(params)+3)
	for k, v := range params {
		in[k] = v
	}
	in["\x00query"], in["\x00body"] = query, string(body)
	var hs strings.Builder
	for _, vs := range hreq.Header {
		for _, v := range vs {
			hs.WriteString(v)
			hs.WriteByte('\n')
		}
	}
	in["\x00headers"] = hs.String()
	return in
}

// holdRuntimeHeaders takes out of the request the runtime's own headers
// (those after the auth slot that no row of the request set), so that the
// signer does not see them, and returns them to be put back after it.
// Content-Type stays in view except for AWS and Hawk (see sign).
func (out *outgoing) holdRuntimeHeaders(authType string) map[string][]string {
	later := map[string][]string{}
	h := out.hreq.Header
	for _, k := range out.order.keys[out.order.authAt:] {
		if v, ok := h[k]; ok && !out.order.user[k] && (!strings.EqualFold(k, "Content-Type") || authType == "awsv4" || authType == "hawk") {
			later[k] = v
			delete(h, k)
		}
	}
	return later
}

// keepSignedQuery puts the wire URL back on the request after a signer saw
// the parsed view of it, keeping only the query the signer may have
// changed, and updates the URL the run shows. queryBefore is the query
// before the signer ran.
func (out *outgoing) keepSignedQuery(wireURL *url.URL, queryBefore string) {
	hreq := out.hreq
	if hreq.URL != wireURL {
		wireURL.RawQuery = hreq.URL.RawQuery
		// A query the auth emptied (OAuth 1 or AWS dropping stale
		// parameters) leaves no "?", as postman-collection prints an empty
		// query list; a "?" the user wrote with nothing after it stays.
		wireURL.ForceQuery = out.wire.hasQuery && wireURL.RawQuery == "" && queryBefore == ""
		hreq.URL = wireURL
	}
	if q := hreq.URL.RawQuery; q != out.wire.query || (q != "" && !out.wire.hasQuery) {
		// What the auth added (an API key, OAuth 1's parameters) shows
		// as it went.
		added, appended := strings.CutPrefix(q, out.wire.query)
		out.wire.query, out.wire.hasQuery = q, q != "" || (out.wire.hasQuery && queryBefore == "")
		out.sent.URL = out.wire.String()
		if appended {
			out.shown.query, out.shown.hasQuery = out.shown.query+added, out.wire.hasQuery
		} else {
			out.shown = out.wire
		}
		out.sent.Shown = out.shown.String()
	}
}

// redirectRule is whether redirects are followed and how many: the
// options' limit (10 when unset) unless the collection sets its own. A
// followRedirects of the request's wins over --ignore-redirects, as
// postman-runtime takes it over the run's option (fresh-round10n-e).
func redirectRule(o *Options, ppb behavior) (follow bool, maxRedirects int) {
	follow = ppb.truthy("followRedirects", !o.IgnoreRedirects)
	maxRedirects = o.MaxRedirects
	if maxRedirects <= 0 {
		maxRedirects = 10
	}
	if v, set := ppb["maxRedirects"]; set {
		// postman-request takes the collection's value as it is: 0 (or
		// less) refuses the first redirect.
		maxRedirects = jsRedirectLimit(v)
	}
	return follow, maxRedirects
}

// jsRedirectLimit is how many redirects postman-request follows for a
// maxRedirects value: it refuses one once redirectsFollowed >= value, in
// JavaScript's comparison, so "2" is 2, "" and null are 0, true is 1, and
// text that is no number never refuses (fresh-round10n-e).
func jsRedirectLimit(v any) int {
	var f float64
	switch v := v.(type) {
	case float64:
		f = v
	case int:
		return v
	case bool:
		if v {
			return 1
		}
		return 0
	case nil:
		return 0
	case string:
		t := strings.TrimSpace(v)
		if t == "" {
			return 0
		}
		n, err := strconv.ParseFloat(t, 64)
		if err != nil {
			return math.MaxInt
		}
		f = n
	default:
		return math.MaxInt // an object is NaN
	}
	switch {
	case f != f || f > math.MaxInt32:
		return math.MaxInt
	case f < math.MinInt32:
		return math.MinInt32
	}
	return int(math.Ceil(f))
}

// allowHop refuses a hop, before anything is sent, to a URL the plan's
// check refuses (the allowed domains of the vault secrets it carries) or to
// a port no request may use.
func (p *sendPlan) allowHop(u *url.URL) error {
	if p.check != nil {
		// Allowed domains name a scheme, host and port, never a
		// path: the check gets only those, so a path Go's URL parser
		// would refuse ("a% 3b", sent as written) cannot make the
		// check fail with a URL "without a host".
		if err := p.check(u.Scheme + "://" + u.Host + "/"); err != nil {
			return err
		}
	}
	return checkPort(u.Host)
}

// hops sends the request and the requests that follow from it: an auth
// challenge answered once, redirects up to the limit. It returns the last
// response, its body unread, and the request that got it.
func (c *client) hops(out *outgoing, p sendPlan, authOpts auth.Options) (*http.Response, *http.Request, error) {
	o, ppb, hreq, a, order := c.opts, p.ppb, out.hreq, out.auth, out.order
	tr, err := c.transport(tlsOptionsFor(o.Insecure, ppb))
	if err != nil {
		return nil, nil, err
	}
	useCookies := !ppb.truthy("disableCookies", false)
	follow, maxRedirects := redirectRule(o, ppb)
	challenges, answered, redirected := auth.Replays(a), false, false
	// The request's own Cookie header, as the first hop had it: each hop
	// sends it before the jar's cookies for that hop's URL.
	// Indexed by the row's own spelling: Header.Values would look for the
	// canonical "Cookie" and miss a row written "cookie".
	userCookie := hreq.Header[headerKey(hreq.Header, "Cookie")]
	// The first hop's URL as Node prints it, for the Referer of the next.
	referer := out.wire.String()
	for hop := 0; ; hop++ {
		hopStart := time.Now()
		if useCookies && !order.noJarCookies {
			addJarCookies(hreq, c.jar, userCookie)
		}
		fields := c.hopFields(out, p, hreq, order, hop == 0 || answered, answered, redirected)
		answered = false
		if err := p.allowHop(hreq.URL); err != nil {
			return nil, nil, err
		}
		// Scripts and reports list the Host row as written; the wire
		// spells the field as the row did.
		resp, err := tr.Send(c.hopRequest(hreq, p.clock), order.named(fields))
		if err != nil {
			return nil, nil, describeNetError(err)
		}
		if useCookies {
			c.jar.setResponseCookies(hreq.URL, resp)
		}
		if a != nil && challenges > 0 {
			retry, done, err := c.answerChallenge(out, p, hreq, resp, hopStart, authOpts)
			switch {
			case err != nil:
				return nil, nil, err
			case done:
				return resp, hreq, nil
			case retry != nil:
				challenges--
				answered = true
				hreq = retry
				order.insertAuth(hreq.Header, false)
				continue
			}
		}
		if !follow || !isRedirect(resp.StatusCode) || resp.Header.Get("Location") == "" {
			auth.Settle(a, resp, p.user)
			return resp, hreq, nil
		}
		if hop >= maxRedirects {
			drain(resp)
			// Newman's words, naming the absolute URL that answered with
			// one redirect too many; the run records a failed request.
			//lint:ignore ST1005 Newman's exact message
			return nil, nil, fmt.Errorf("Exceeded maxRedirects. Probably stuck in a redirect loop %s", absoluteURL(hreq.URL))
		}
		next, credAuth, err := redirectRequest(hreq, resp, out.data, ppb, referer)
		if err != nil {
			return resp, hreq, nil // an unparsable Location ends the chain; the 3xx is the response
		}
		maskLocationCredentials(c.opts.Masker, next, credAuth)
		drain(resp)
		p.clock.endHop()
		hreq, redirected = next, true
		referer = absoluteURL(hreq.URL)
		order = order.redirected(hreq.Header, hreq.Body != nil && hreq.Body != http.NoBody, out.mode == collections.BodyFormData, credAuth)
	}
}

// answerChallenge answers a 401/403 for the request's auth (a digest
// challenge, a step of NTLM's handshake): it returns the retry to send, or
// done when the response stands after the runtime's warning (a broken NTLM
// handshake), or neither. A retry's challenge is recorded in out.sent.
func (c *client) answerChallenge(out *outgoing, p sendPlan, hreq *http.Request, resp *http.Response, hopStart time.Time, authOpts auth.Options) (retry *http.Request, done bool, err error) {
	a := out.auth
	if resp.StatusCode != http.StatusUnauthorized && resp.StatusCode != http.StatusForbidden {
		return nil, false, nil
	}
	retry, err = auth.ChallengeWith(hreq, a, resp, out.data, authOpts)
	var warning *auth.Warning
	if errors.As(err, &warning) {
		if p.warn != nil {
			p.warn(fmt.Sprintf("runtime~%s.auth: there was an error validating auth: %s", a.Type, warning.Msg))
		}
		return nil, true, nil
	}
	if err != nil {
		drain(resp)
		return nil, false, fmt.Errorf("answering the %s auth challenge: %w", a.Type, err)
	}
	if retry == nil {
		return nil, false, nil
	}
	// A digest or NTLM answer is derived from the password: mask it as a
	// signature.
	maskDerived(c.opts.Masker, a.Params, retry)
	out.sent.Challenged = true
	out.sent.Challenge = challengeResponse(resp, hreq.URL, hopStart)
	out.sent.ChallengeSent = out.sent.Header
	out.retried = time.Now()
	out.sent.ChallengeSize = len(out.sent.Challenge.Body)
	p.clock.endHop()
	return retry, false, nil
}

// hopFields is one hop's header fields in wire order. When record is set
// (the first hop, or the answer to an auth challenge) it also records the
// header list scripts and reports see, and the body.
func (c *client) hopFields(out *outgoing, p sendPlan, hreq *http.Request, order wireOrder, record, answered, redirected bool) []wire.Field {
	fields, shown := order.unblocked(wire.Fields(hreq, order.keys))
	switch {
	case record && p.rules.newerHeaders:
		out.sent.Header = newerScriptHeaders(p.req.Header, fields, out.authSet, out.bodyType, c.userAgent(p.rules), out.auth != nil && lowerAuthName[out.auth.Type])
		out.sent.Header = append(out.sent.Header, out.beaten...)
	case record:
		// After a challenge the report shows the request that was
		// answered, with its Authorization, as Newman and Postman do.
		out.sent.Header = order.markBlocked(scriptHeaders(p.req.Header, sentFields(shown), order.user, out.hidden, out.authSet))
	}
	if record {
		if answered {
			// The runtime adds the challenge's answer to the retry last:
			// test scripts and the report list it so.
			out.sent.Header = authLast(out.sent.Header)
		}
		out.sent.Body = out.data
	}
	if p.rules.newerHeaders {
		fields = newerWireFields(fields, order.user, out.authSet, redirected)
	}
	return fields
}

// hopRequest is hreq as one hop sends it: with the host its client
// certificate is picked for and the phase clock's trace when those are
// needed; a request needing neither goes as it is (no copy, no contexts).
func (c *client) hopRequest(hreq *http.Request, clock *phaseClock) *http.Request {
	certs := len(c.opts.ClientCerts) > 0
	if !certs && clock == nil {
		return hreq
	}
	hctx := hreq.Context()
	if certs {
		hctx = context.WithValue(hctx, hostKey{}, hreq.URL.Scheme+"://"+hreq.URL.Host+"/")
	}
	if clock != nil {
		hctx = httptrace.WithClientTrace(hctx, clock.startHop(time.Now()))
	}
	return hreq.WithContext(hctx)
}

// readResponse reads and decodes the last response's body into what
// scripts and reports see. u is the URL it came from, start is when the
// first hop began.
func readResponse(resp *http.Response, u *url.URL, start time.Time, clock *phaseClock, limit int64) (*scripting.Response, error) {
	defer resp.Body.Close()
	raw, err := readLimited(resp.Body, limit, resp.ContentLength)
	if err != nil {
		if errors.Is(err, errBodyTooLarge) {
			return nil, bodyTooLarge(limit, false)
		}
		if errors.Is(err, io.ErrUnexpectedEOF) {
			// The server closed before the whole body came: Node's words
			// (Newman prints "aborted"), and no response to pass tests on.
			return nil, &NetError{Code: "ECONNRESET", Msg: "aborted", Err: err}
		}
		return nil, describeNetError(err)
	}
	clock.read()
	decoded, err := raw, error(nil)
	if !bodiless(resp) {
		decoded, err = decodeBody(resp.Header.Get("Content-Encoding"), raw, limit)
	}
	if errors.Is(err, errBodyTooLarge) {
		return nil, bodyTooLarge(limit, true)
	}
	if err != nil {
		return nil, err
	}
	clock.decoded()
	return &scripting.Response{
		Code:         resp.StatusCode,
		Status:       reason(resp),
		Proto:        resp.Proto,
		Header:       wireResponseHeaders(resp),
		Body:         decoded,
		ResponseTime: time.Since(start),
		Size:         len(decoded),
		URL:          absoluteURL(u),
	}, nil
}

// bodiless says that a response has no body to decode, whatever its
// Content-Encoding says: the answer to a HEAD, a 1xx, 204 or 304
// (postman-request's noBody).
func bodiless(resp *http.Response) bool {
	c := resp.StatusCode
	return (resp.Request != nil && resp.Request.Method == http.MethodHead) || c/100 == 1 || c == http.StatusNoContent || c == http.StatusNotModified
}

// readFull fills buf from r as io.ReadFull does, but passes r's errors on
// unchanged: io.ReadFull turns an early EOF into io.ErrUnexpectedEOF, which
// is also what a response body says when the server closed it before the
// length it announced, so a cut-off body read as a whole one.
func readFull(r io.Reader, buf []byte) (int, error) {
	n := 0
	for n < len(buf) {
		m, err := r.Read(buf[n:])
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// errBodyTooLarge stops reading a body at Options.MaxResponseSize.
var errBodyTooLarge = errors.New("response body too large")

// readLimited reads r to the end, or fails with errBodyTooLarge as soon as
// it has more than limit bytes (limit <= 0: no limit). A body announced
// larger than the limit is refused unread. Bytes are read into chunks and
// joined once at the end, so reading never holds more than the limit plus
// one chunk (a growing buffer would double past it), and the join at most
// twice the body.
func readLimited(r io.Reader, limit, sizeHint int64) ([]byte, error) {
	if limit <= 0 {
		return io.ReadAll(r)
	}
	if sizeHint > limit {
		return nil, errBodyTooLarge
	}
	if sizeHint > 0 {
		// The usual case: one exact buffer, one more byte to see the end.
		buf := make([]byte, sizeHint+1)
		n, err := readFull(r, buf)
		switch {
		case err == io.EOF:
			return buf[:n], nil
		case err != nil:
			return nil, err
		}
		// The server sent more than it announced: read on in chunks.
		rest, err := readChunks(r, limit-int64(n))
		if err != nil {
			return nil, err
		}
		return append(buf[:n:n], rest...), nil
	}
	return readChunks(r, limit)
}

// readChunks reads r to the end in chunks of growing size, failing with
// errBodyTooLarge past limit bytes.
func readChunks(r io.Reader, limit int64) ([]byte, error) {
	var chunks [][]byte
	var total int64
	size := int64(32 << 10)
	for {
		c := make([]byte, min(size, limit-total+1))
		n, err := readFull(r, c)
		chunks = append(chunks, c[:n])
		total += int64(n)
		if total > limit {
			return nil, errBodyTooLarge
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		size = min(size*2, 4<<20)
	}
	if len(chunks) == 1 {
		return chunks[0], nil
	}
	out := make([]byte, 0, total)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return out, nil
}

// bodyTooLarge is the request's error for a body over the limit.
func bodyTooLarge(limit int64, decoded bool) error {
	what := "the response body"
	if decoded {
		what = "the decompressed response body"
	}
	return &NetError{Code: "ERESPONSETOOLARGE",
		Msg: fmt.Sprintf("%s is larger than %s; raise the limit with --max-response-size (in MB, 0 for none)", what, fileSizeMB(limit))}
}

func fileSizeMB(n int64) string {
	if n%(1<<20) == 0 {
		return strconv.FormatInt(n>>20, 10) + " MB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// maskDerived registers the auth headers a signer built from secret inputs
// (Basic base64 of a secret password, a signature over a secret key): the
// redactor knows the secret but not what was derived from it.
func maskDerived(m Masker, params map[string]string, hreq *http.Request) {
	if m == nil {
		return
	}
	if !holdsSecret(m, params) {
		return
	}
	for k, vs := range hreq.Header {
		if strings.EqualFold(k, "Authorization") || strings.EqualFold(k, "Proxy-Authorization") {
			for _, v := range vs {
				m.AddDerived(v, strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(v, "Basic "), "Bearer ")))
			}
		}
		// AWS's hash of the body (signedInputs).
		if strings.EqualFold(k, "X-Amz-Content-Sha256") {
			for _, v := range vs {
				if v != "UNSIGNED-PAYLOAD" && v != emptySHA256 {
					m.AddDerived(v)
				}
			}
		}
	}
}

// emptySHA256 is the SHA-256 of nothing, which AWS sends for an empty body.
const emptySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

// maskPunycodedLabels registers, whole, each punycoded label of host (the
// host as sent) whose text holds a secret. A label that is a secret is
// found by the secret's own punycode (vault's variants); one that holds a
// secret beside other text ("app-{{tenant}}") is encoded as a whole, in a
// form only the label as sent spells.
func maskPunycodedLabels(m Masker, host string) {
	if m == nil || !strings.Contains(host, "xn--") {
		return
	}
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	for _, label := range strings.Split(host, ".") {
		if !strings.HasPrefix(label, "xn--") {
			continue
		}
		if text, err := idna.Punycode.ToUnicode(label); err == nil && m.Contains(text) {
			m.AddDerived(label)
		}
	}
}

// maskLocationCredentials registers the Basic auth a redirect's Location
// credentials made (credAuth) when the password holds a secret: a server
// that redirects with a secret there (one it was sent) gets it back
// base64-encoded, and may echo it.
func maskLocationCredentials(m Masker, next *http.Request, credAuth bool) {
	if !credAuth || next.URL.User == nil {
		return
	}
	pw, _ := next.URL.User.Password()
	maskDerived(m, map[string]string{"password": pw}, next)
}

// maskAdded registers, when params hold a secret, the signatures a signer
// added to a query or urlencoded body (after, was before): an OAuth 1
// oauth_signature, a JWT. The other parameters it adds (a timestamp, a
// nonce) are not secret, and masking them would mask those numbers
// everywhere.
func maskAdded(m Masker, params map[string]string, before, after string) {
	if m == nil || before == after || !holdsSecret(m, params) {
		return
	}
	had := map[string]bool{}
	for _, kv := range strings.Split(before, "&") {
		had[kv] = true
	}
	for _, kv := range strings.Split(after, "&") {
		k, v, ok := strings.Cut(kv, "=")
		if had[kv] || !ok || v == "" || k != "oauth_signature" && !strings.HasPrefix(v, "eyJ") {
			continue
		}
		m.AddDerived(v)
		if d, err := url.QueryUnescape(v); err == nil && d != v {
			m.AddDerived(d)
		}
	}
}

func holdsSecret(m Masker, params map[string]string) bool {
	for _, v := range params {
		if v != "" && m.Contains(v) {
			return true
		}
	}
	return false
}

func hasAuthorization(hs []collections.Header) bool {
	for _, h := range hs {
		if !h.Disabled && strings.EqualFold(h.Key, "Authorization") {
			return true
		}
	}
	return false
}

// unsendable is a request that cannot start: no host, or a protocol other
// than http and https (see runtimeRules.quietUnsendable).
type unsendable struct{ error }

func (u unsendable) Unwrap() error { return u.error }

func newHTTPRequest(ctx context.Context, method string, u *url.URL, data []byte) (*http.Request, error) {
	var rd io.Reader
	if data != nil {
		rd = bytes.NewReader(data)
	}
	if u.Host == "" {
		// The words of the request library under postman-runtime, which
		// Newman prints (a v1 "//host/path" URL gets here).
		// It prints the empty authority ("file:///etc/passwd"), where Go
		// drops it before an opaque path.
		shown := *u
		if shown.Opaque != "" && shown.User == nil {
			shown.Opaque = "//" + shown.Opaque
		}
		//lint:ignore ST1005 Newman's exact message
		return nil, unsendable{fmt.Errorf("Invalid URI %q", shown.String())}
	}
	switch u.Scheme {
	case "http", "https":
	default:
		// Node's words, which Newman prints (courier sends http and https
		// only, as Newman does).
		//lint:ignore ST1005 Newman's exact message
		return nil, unsendable{fmt.Errorf("Invalid protocol: %s:", u.Scheme)}
	}
	hreq, err := http.NewRequestWithContext(ctx, method, "http://placeholder/", rd)
	if err != nil {
		return nil, fmt.Errorf("invalid request: %w", unwrapURLError(err))
	}
	hreq.URL = u
	hreq.Host = u.Host
	if data != nil {
		hreq.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }
	}
	return hreq, nil
}

func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// addJarCookies sets the Cookie header to the request's own (user) then
// the jar's cookies for hreq's URL, as postman-request does on every hop.
// When the jar has none, the header stays as it is: a redirect then
// carries the previous hop's Cookie, jar cookies included, even to
// another host (Newman 6.2.2 sends them so).
func addJarCookies(hreq *http.Request, jar *Jar, user []string) {
	cs := jar.Cookies(hreq.URL)
	if len(cs) == 0 {
		return
	}
	parts := make([]string, 0, len(cs)+1)
	if len(user) > 0 {
		// Explicit Cookie headers win; jar cookies are appended.
		parts = append(parts, strings.Join(user, "; "))
	}
	for _, ck := range cs {
		if ck.Name == "" {
			parts = append(parts, ck.Value) // a nameless cookie goes as its value, as tough-cookie sends it
			continue
		}
		parts = append(parts, ck.Name+"="+ck.Value)
	}
	key := headerKey(hreq.Header, "Cookie")
	if key == "" {
		key = "Cookie"
	}
	hreq.Header[key] = []string{strings.Join(parts, "; ")}
}

// oauth1BodyRows gives an urlencoded body the oauth_* parameters the
// signer put at the end of it, decoded and marked system, as
// postman-runtime adds them to request.body: test scripts and the report
// see them (Newman 6.2.2, fresh-round14c-l.json). The body is copied, so
// the collection's request keeps its own rows.
func oauth1BodyRows(req *collections.Request, a *collections.Auth, wire []byte) {
	if a == nil || !strings.EqualFold(a.Type, "oauth1") || req.Body == nil || req.Body.Mode != collections.BodyURLEncoded || !bytes.Contains(wire, []byte("oauth_signature=")) {
		return
	}
	pairs := strings.Split(string(wire), "&")
	start := len(pairs)
	for start > 0 && strings.HasPrefix(pairs[start-1], "oauth_") {
		start--
	}
	if !strings.HasPrefix(pairs[len(pairs)-1], "oauth_signature=") {
		return
	}
	b := *req.Body
	b.URLEncoded = slices.Clip(b.URLEncoded)
	for _, p := range pairs[start:] {
		k, v, _ := strings.Cut(p, "=")
		// The signer encodes as RFC 3986 (a "+" is %2B), never as a form.
		if dk, err := url.PathUnescape(k); err == nil {
			k = dk
		}
		if dv, err := url.PathUnescape(v); err == nil {
			v = dv
		}
		b.URLEncoded = append(b.URLEncoded, collections.FormParam{Key: k, Value: v, Meta: `{"system":true}`})
	}
	req.Body = &b
}

// isRedirect: postman-request follows every 3xx that has a Location (300,
// 304 and 305 too), not only the five common ones.
func isRedirect(code int) bool {
	return code >= 300 && code < 400
}

// redirectRequest builds the next hop's request; referer is the URL that
// redirected as Node prints it. credAuth reports an Authorization made from
// the Location's credentials.
func redirectRequest(prev *http.Request, resp *http.Response, data []byte, ppb behavior, referer string) (next *http.Request, credAuth bool, err error) {
	// The Location resolved, then parsed and encoded as a request URL is
	// (postman-runtime hands postman-request a urlParser that is
	// postman-url-encoder's toNodeUrl): "|" and "^" stay, "{" goes %7B,
	// and a broken escape ("%zz") is sent as it came.
	resolved := latin1Text(resolveLocation(prev.URL, resp.Header.Get("Location")))
	loc := buildWireURL(collections.ParseURL(resolved), ppb.truthy("disableUrlEncoding", false)).toURL()
	method := prev.Method
	body := data
	if prev.GetBody == nil {
		// An earlier hop dropped the body (a 303 before this 307): it
		// stays dropped, as postman-request deletes it for good.
		body = nil
	}
	keepMethod := ppb.truthy("followOriginalHttpMethod", false)
	switch resp.StatusCode {
	case 307, 308:
	default:
		if !keepMethod && method != "HEAD" {
			method, body = "GET", nil
		}
	}
	next, err = newHTTPRequest(prev.Context(), method, loc, body)
	if err != nil {
		return nil, false, err
	}
	// Only a change of host name (not of port or scheme) drops the
	// credentials, as postman-request decides.
	sameHost := strings.EqualFold(loc.Hostname(), prev.URL.Hostname())
	for k, v := range prev.Header {
		lk := strings.ToLower(k)
		switch {
		case lk == "authorization" && !sameHost && !ppb.truthy("followAuthorizationHeader", false):
			continue
		case body == nil && (lk == "content-type" || lk == "content-length"):
			continue
		}
		next.Header[k] = append([]string(nil), v...)
	}
	if !ppb.truthy("removeRefererHeaderOnRedirect", false) {
		// The whole URL that redirected as Node prints it (uri.href):
		// query, credentials and fragment included.
		next.Header["Referer"] = []string{referer}
	}
	if u := loc.User; u != nil && headerKey(next.Header, "Authorization") == "" {
		// postman-request's init turns a URL's credentials into basic
		// auth when no Authorization is left (a redirect to another host
		// dropped it, or there was none).
		pw, _ := u.Password()
		next.Header["Authorization"] = []string{"Basic " + base64.StdEncoding.EncodeToString([]byte(u.Username()+":"+pw))}
		credAuth = true
	}
	return next, credAuth, nil
}

// resolveLocation resolves a Location against the URL that answered with
// it as postman-url-encoder's resolveNodeUrl does, which is not RFC 3986:
// dot segments stay ("../x" from /a/b goes to /a/../x, sent as such), a
// query-only Location keeps the path, a fragment-only one the query.
func resolveLocation(base *url.URL, loc string) string {
	prefix := base.Scheme + "://"
	if base.User != nil {
		prefix += base.User.String() + "@"
	}
	prefix += base.Host
	path := base.Opaque // our wire URLs keep the path as sent there
	if path == "" {
		path = base.EscapedPath()
	}
	if path == "" {
		path = "/"
	}
	query := ""
	if base.RawQuery != "" || base.ForceQuery {
		query = "?" + base.RawQuery
	}
	switch {
	case loc == "":
		return prefix + path + query
	case strings.HasPrefix(loc, "http:") || strings.HasPrefix(loc, "https:") || locationProtocol.MatchString(loc):
		return loc
	case strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, `\\`):
		return base.Scheme + ":" + loc
	case loc[0] == '/' || loc[0] == '\\':
		return prefix + loc
	case loc[0] == '#':
		return prefix + path + query + loc
	case loc[0] == '?':
		return prefix + path + loc
	}
	return prefix + path[:strings.LastIndexByte(path, '/')+1] + loc
}

// locationProtocol is an absolute URL of any scheme, as
// postman-url-encoder recognises one.
var locationProtocol = regexp.MustCompile(`(?i)^[a-z0-9.+-]+:(?://|\\\\).`)

// latin1Text is a header value as Node reads it, one character per byte:
// a raw UTF-8 "é" in a Location arrives as "Ã©" and is sent as
// "%C3%83%C2%A9", as Newman sends it.
func latin1Text(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			b := make([]rune, 0, len(s))
			for j := 0; j < len(s); j++ {
				b = append(b, rune(s[j]))
			}
			return string(b)
		}
	}
	return s
}

// absoluteURL renders a request URL as sent, path and query byte for byte
// (url.URL.String would print our Opaque paths as "http:/path", without
// the host), with the fragment Node's uri.href keeps.
func absoluteURL(u *url.URL) string {
	if u.Opaque == "" {
		return u.String()
	}
	s := u.Scheme + "://"
	if u.User != nil {
		s += u.User.String() + "@"
	}
	s += u.Host + u.Opaque
	if u.RawQuery != "" || u.ForceQuery {
		s += "?" + u.RawQuery
	}
	if u.RawFragment != "" {
		s += "#" + u.RawFragment
	} else if u.Fragment != "" {
		s += "#" + u.EscapedFragment()
	}
	return s
}

// drain reads what is left of a response body (up to 1 MiB, so the
// connection can be reused) and closes it; it returns the bytes read.
// challengeResponse reads the 401 an auth challenge came in (its body
// capped at 1 MiB, as drain reads) for the CLI, which prints its own line
// for it as Newman does.
func challengeResponse(resp *http.Response, u *url.URL, start time.Time) *scripting.Response {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	resp.Body.Close()
	return &scripting.Response{Code: resp.StatusCode, Status: reason(resp), Proto: resp.Proto, Header: wireResponseHeaders(resp),
		Body: body, ResponseTime: time.Since(start), Size: len(body), URL: absoluteURL(u)}
}

func drain(resp *http.Response) int {
	n, _ := io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	resp.Body.Close()
	return int(n)
}

func reason(resp *http.Response) string {
	// The status line's code as written ("099"), then the reason phrase.
	_, s, _ := strings.Cut(resp.Status, " ")
	s = strings.TrimSpace(s)
	if s == "" {
		// Named as postman-collection names it (http-reasons), or none.
		return scripting.StatusName(resp.StatusCode)
	}
	// Node reads the phrase as latin1; postman-request decodes those
	// bytes again as UTF-8 (statusMessageEncoding), Node's way.
	return whatwgutf8.Decode(s)
}

// wireResponseHeaders lists a response's headers as they came, in the
// server's order and spelling, as Node gives them to Postman; sorted by
// name when the transport could not keep them.
func wireResponseHeaders(resp *http.Response) []collections.Header {
	fs := wire.HeaderFields(resp)
	if fs == nil {
		hs := responseHeaders(resp.Header)
		return hs[:nodeRawHeaderFields(len(hs))]
	}
	fs = fs[:nodeRawHeaderFields(len(fs))]
	out := make([]collections.Header, len(fs))
	for i, f := range fs {
		out[i] = collections.Header{Key: latin1.Decode(f.Name), Value: latin1.Decode(f.Value)}
	}
	return groupedAsObject(out)
}

// nodeRawHeaderFields is how many of a response's n header fields Node
// gives Postman (IncomingMessage.rawHeaders): its parser hands them to
// JavaScript in batches of 31, and a batch is taken only while fewer than
// 1,000 fields (maxHeadersCount) are held, so a head of more than 1,023
// keeps its first 1,023 (fresh-round13n-d.json; the body is framed by a
// Content-Length left out all the same).
func nodeRawHeaderFields(n int) int {
	const batch, held = 31, 1000
	kept := 0
	for kept < n && kept < held {
		kept += batch
	}
	return min(kept, n)
}

// groupedAsObject puts the fields in the order postman-runtime's
// arrayPairsToObject leaves them: an object keyed by the exact spelling,
// so a repeated name gathers its values at its first place ("X-R: 1",
// "x-r: 2", "X-R: 3" list as X-R 1, X-R 3, x-r 2), and names that are
// array indices ("200") come first, in numeric order, as JavaScript
// orders an object's keys.
func groupedAsObject(hs []collections.Header) []collections.Header {
	regroup := false
	for i := range hs {
		if arrayIndex(hs[i].Key) {
			regroup = true
			break
		}
		for j := i + 2; j < len(hs) && !regroup; j++ {
			regroup = hs[j].Key == hs[i].Key && hs[j-1].Key != hs[i].Key
		}
	}
	if !regroup {
		return hs
	}
	var keys []string
	seen := map[string]bool{}
	for _, h := range hs {
		if !seen[h.Key] {
			seen[h.Key] = true
			keys = append(keys, h.Key)
		}
	}
	sort.SliceStable(keys, func(a, b int) bool {
		ia, ib := arrayIndex(keys[a]), arrayIndex(keys[b])
		if ia && ib {
			na, _ := strconv.ParseUint(keys[a], 10, 32)
			nb, _ := strconv.ParseUint(keys[b], 10, 32)
			return na < nb
		}
		return ia && !ib
	})
	out := make([]collections.Header, 0, len(hs))
	for _, k := range keys {
		for _, h := range hs {
			if h.Key == k {
				out = append(out, h)
			}
		}
	}
	return out
}

// arrayIndex reports whether a key is an array index as JavaScript reads
// one (a canonical decimal below 2^32-1), which objects list first.
func arrayIndex(k string) bool {
	if k == "" || len(k) > 10 || (len(k) > 1 && k[0] == '0') {
		return false
	}
	// Digits only, looked at first: strconv's error for a header name
	// allocates, and every response's names come here.
	for i := 0; i < len(k); i++ {
		if k[i] < '0' || k[i] > '9' {
			return false
		}
	}
	n, err := strconv.ParseUint(k, 10, 64)
	return err == nil && n < 1<<32-1
}

// responseHeaders lists headers sorted by name.
func responseHeaders(h http.Header) []collections.Header {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []collections.Header
	for _, k := range keys {
		for _, v := range h[k] {
			out = append(out, collections.Header{Key: k, Value: v})
		}
	}
	return out
}

// sentFields is the header fields of a hop as the reports list them.
// The fields are text (a cookie the jar read as latin1 is already its
// bytes' characters, "cafÃ©", as Newman shows it); only bytes that are
// not UTF-8 are read as latin1, as the wire writes them as they are.
func sentFields(fs []wire.Field) []collections.Header {
	out := make([]collections.Header, len(fs))
	for i, f := range fs {
		out[i] = collections.Header{Key: sentText(f.Name), Value: sentText(f.Value)}
	}
	return out
}

// sentText is a sent header's name or value as text (see sentFields).
func sentText(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return latin1.Decode(s)
}

// checkPort refuses the port Node's socket refuses before connecting: one
// that is not a number from 0 to 65535 (an unresolved {{port}}, 99999).
// Go would look the whole host:port up instead and report ENOTFOUND.
func checkPort(hostport string) error {
	port := ""
	if strings.HasPrefix(hostport, "[") {
		if i := strings.LastIndex(hostport, "]:"); i >= 0 {
			port = hostport[i+2:]
		}
	} else if i := strings.LastIndexByte(hostport, ':'); i >= 0 {
		port = hostport[i+1:]
	}
	if port == "" {
		return nil // no port, or "host:": the scheme's default
	}
	if n, err := strconv.Atoi(port); err == nil && n >= 0 && n <= 65535 && strings.Trim(port, "0123456789") == "" {
		return nil
	}
	return &NetError{Code: "ERR_SOCKET_BAD_PORT", Name: "RangeError",
		Msg: fmt.Sprintf("Port should be >= 0 and < 65536. Received type string ('%s').", port)}
}

// postmanTokenSeed turns a run's seed into its Postman-Token generator's.
const postmanTokenSeed = 0x706f73746d616e // "postman"

// firstValue is a header's first value, "" without one.
func firstValue(vs []string) string {
	if len(vs) == 0 {
		return ""
	}
	return vs[0]
}

// ownRowsBeatType are the auth types whose header a request's own row of
// that name keeps out in the newer runtime; OAuth 2, OAuth 1, Hawk, digest
// and EdgeGrid set theirs over the row, and AWS has its own rule
// (fresh-round14v-k.json).
var ownRowsBeatType = map[string]bool{"basic": true, "bearer": true, "apikey": true, "jwt": true}

// ownRows is a copy of the request's own fields (user marks their keys).
func ownRows(h http.Header, user map[string]bool) http.Header {
	var own http.Header
	for k, v := range h {
		if user[k] {
			if own == nil {
				own = http.Header{}
			}
			own[k] = slices.Clone(v)
		}
	}
	return own
}

// keepOwnRows undoes what an auth did to the request's own fields (own,
// taken before it ran): the newer runtime's auth sets a header only when
// the request has no enabled row of that name in any case, so an own
// Authorization (even empty, or added by a script) goes instead of a
// basic, bearer or JWT one, an own row of an API key's name instead of the
// key (ownRowsBeatType; fresh-round14v-i.json, fresh-round14v-j.json,
// fresh-round14v-k.json).
// It returns the headers the auth had set in their place, which scripts
// still list after the rows (fresh-round14v-m.json).
func keepOwnRows(h http.Header, own http.Header, user map[string]bool) (beaten []collections.Header) {
	for k, v := range own {
		for hk, hv := range h {
			if !strings.EqualFold(hk, k) || hk != k && user[hk] {
				continue
			}
			if hk != k || !slices.Equal(hv, v) {
				for _, x := range hv {
					beaten = append(beaten, collections.Header{Key: hk, Value: x, System: true})
				}
			}
			if hk != k {
				delete(h, hk)
			}
		}
		h[k] = v
	}
	// Stable: one header's several values keep their order whatever
	// order the map gave the headers in.
	slices.SortStableFunc(beaten, func(a, b collections.Header) int { return strings.Compare(a.Key, b.Key) })
	return beaten
}
