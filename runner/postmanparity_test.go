package runner_test

// The Postman-parity tables: each file under testdata/postman-parity holds
// probe cases (a few requests with scripts) and, beside each case, what
// Newman 6.2.2 reported for it. A probe reports what it sees through
// out(value), which becomes an assertion named after the value, so the
// recorded list is the sequence of observations. The test runs every case
// through courier against our echo server and compares.
//
// To record Newman's answers again (Node and Newman 6.2.2 installed):
//
//	go test ./runner -run TestPostmanParity -newman /path/to/newman
//
// Files whose "reference" is "postman-cli" probe what Postman's current
// sandbox has and Newman lacks (issue 13, items 17-21): their answers are
// Postman CLI 1.34.0's, recorded three times and kept only when the three
// runs agree:
//
//	go test ./runner -run TestPostmanParity/current -postman /path/to/postman

import (
	"bytes"
	"cmp"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"maps"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/internal/determinism"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/simulators/echo"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

var (
	recordNewman  = flag.String("newman", "", "path of a newman 6.2.2 binary: record its answers into testdata/postman-parity")
	updateDiffers = flag.Bool("update-differs", false, "record courier's answers for the cases marked as deliberate differences")
	recordPostman = flag.String("postman", "", "path of a Postman CLI 1.34.0 binary: record its answers into the testdata/postman-parity files whose reference is postman-cli")
)

// refPostmanCLI marks a parity file whose answers are Postman CLI's.
const refPostmanCLI = "postman-cli"

// parityBase stands for the echo server's base URL in cases and answers,
// parityRaw for the raw echo's (it answers with the request exactly as it
// arrived: request line, headers in wire order, body).
const (
	parityBase  = "http://echo.test"
	parityRaw   = "http://raw.test"
	parityOther = "http://other.test"
	// parityStall is a loopback port that never completes a connection
	// (a connect timeout without a network; Linux only).
	parityStall = "http://stall.test"
	// parityFiles stands for testdata/postman-parity/files (upload sources).
	parityFiles = "FILES_DIR"
	// parityRawPort stands for the raw echo's port number.
	parityRawPort = "RAW_PORT"
)

// otherBase is the echo server's base URL under the name localhost.
func otherBase(base string) string {
	return strings.Replace(base, "127.0.0.1", "localhost", 1)
}

func parityFilesDir() string {
	dir, err := filepath.Abs("testdata/postman-parity/files")
	if err != nil {
		panic(err)
	}
	return dir
}

// parityServers are the base URLs of the servers a case talks to; stall
// is set for the files that name it.
type parityServers struct {
	echo, raw, stall string
	slow             string // startSlowServer, for the files that name it
	// tls maps each https placeholder (parityTLS) to its server's base
	// URL; tlsDir holds the PKI's files (parityTLSDir). Only files that
	// name an https placeholder start them.
	tls    map[string]string
	tlsDir string
}

// parityTLS are the TLS echo servers' placeholders, each serving the echo
// with a certificate (echo.NewPKI) and settings of its own: tls.test a
// certificate for localhost and 127.0.0.1 signed by the test CA (trusted
// only through --ssl-extra-ca-certs TLS_DIR/ca.pem), expired.test one that
// has expired, wronghost.test one for another name, selfsigned.test a
// self-signed one, mtls.test asks for a client certificate and
// mtlsreq.test requires one (signed by the CA: TLS_DIR/client.pem and
// client-key.pem), tls12.test speaks TLS 1.2 at most, chain.test sends
// tls.test's certificate with the CA's after it.
var parityTLS = []string{"https://tls.test", "https://expired.test", "https://wronghost.test", "https://selfsigned.test",
	"https://mtls.test", "https://mtlsreq.test", "https://tls12.test", "https://chain.test"}

// parityTLSLocal is tls.test's server named localhost.
const parityTLSLocal = "https://tls-localhost.test"

// parityTLSDir stands for the directory of the TLS servers' PKI files.
const parityTLSDir = "TLS_DIR"

// startTLS starts the TLS echo servers of parityTLS with a PKI made now.
func (srv *parityServers) startTLS(t *testing.T) {
	t.Helper()
	pki, err := echo.NewPKI(time.Now())
	require.NoError(t, err)
	srv.tlsDir = t.TempDir()
	require.NoError(t, pki.WriteFiles(srv.tlsDir))
	cert := func(c tls.Certificate) *tls.Config { return &tls.Config{Certificates: []tls.Certificate{c}} }
	mtls := cert(pki.Server)
	mtls.ClientAuth, mtls.ClientCAs = tls.VerifyClientCertIfGiven, pki.CAPool()
	mtlsReq := mtls.Clone()
	mtlsReq.ClientAuth = tls.RequireAndVerifyClientCert
	tls12 := cert(pki.Server)
	tls12.MaxVersion = tls.VersionTLS12
	cfgs := []*tls.Config{cert(pki.Server), cert(pki.Expired), cert(pki.WrongHost), cert(pki.SelfSigned), mtls, mtlsReq, tls12, cert(pki.Chain)}
	srv.tls = map[string]string{}
	for i, ph := range parityTLS {
		srv.tls[ph] = echotest.StartTLS(t, cfgs[i])
	}
	// tls.test's server under the name localhost (SNI is sent for a name).
	srv.tls[parityTLSLocal] = otherBase(srv.tls["https://tls.test"])
	// --ssl-client-cert-list's file: the client certificate for
	// mtlsreq.test alone, matched by its scheme, host and port.
	list, err := json.Marshal([]map[string]any{{"name": "mtlsreq", "matches": []string{srv.tls["https://mtlsreq.test"] + "/*"},
		"cert": map[string]string{"src": filepath.Join(srv.tlsDir, "client.pem")}, "key": map[string]string{"src": filepath.Join(srv.tlsDir, "client-key.pem")}}})
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(srv.tlsDir, "cert-list.json"), list, 0o600))
}

// placeFlag puts the PKI's directory in place of its placeholder in a
// run flag.
func (srv parityServers) placeFlag(f string) string {
	if srv.tlsDir == "" {
		return f
	}
	return strings.ReplaceAll(f, parityTLSDir, srv.tlsDir)
}

// parityPrelude defines out(), prepended to every probe script.
const parityPrelude = `function out(v) { var s; try { s = typeof v === 'string' ? v : JSON.stringify(v, function (k, x) { return x === undefined ? '<undefined>' : x; }); } catch (e) { s = 'unserializable: ' + e.message; } if (s === undefined) { s = 'undefined'; } pm.test(s, function () {}); }` + "\n"

type parityFile struct {
	Doc string `json:"doc"`
	// Reference is "postman-cli" when the cases' answers are Postman CLI's
	// (field postman) rather than Newman's (field newman).
	Reference string `json:"reference,omitempty"`
	// Format "v3" runs every case as a v12 YAML directory
	// (postmanparity_v3_test.go); Postman CLI then answers in its cli report.
	Format string `json:"format,omitempty"`
	// Reporter "cli" records Newman's answers from its CLI reporter, for
	// cases whose JSON report Newman cannot write (it crashes on the
	// circular certificate of a wrong-host error): passing assertions and
	// the messages of errored requests.
	Reporter string       `json:"reporter,omitempty"`
	Cases    []parityCase `json:"cases"`
}

type parityCase struct {
	Name string `json:"name"`
	// Items are Postman items; "pre" and "test" are shorthands for their
	// scripts (the prelude is added to every script).
	Items []map[string]any `json:"items"`
	// Collection holds extra top-level collection fields (auth, variable,
	// event, protocolProfileBehavior); with "requests" it is a whole v1
	// collection (name, order, requests) and the case has no items.
	Collection map[string]any `json:"collection,omitempty"`
	// Definition is YAML added to a v3 case's collection definition
	// (variables, auth, scripts).
	Definition string `json:"definition,omitempty"`
	// Environment is an environment file's content.
	Environment map[string]any `json:"environment,omitempty"`
	// EnvironmentYAML is a v12 environment file's text
	// (postman/environments/parity.environment.yaml), for v3 cases.
	EnvironmentYAML string `json:"environmentYAML,omitempty"`
	// Folders are a v3 case's folder definitions by folder path ("F",
	// "F/G"): YAML added to the folder's definition.yaml. An item goes
	// into a folder by its "folder" key.
	Folders map[string]string `json:"folders,omitempty"`
	// Files are extra files of a v3 case by path under the collection's
	// directory ("F/x.request.yaml", "G/.resources/definition.yaml"),
	// written after the generated ones (so they may replace them): request
	// files with names, folders and shapes the items cannot give.
	Files map[string]string `json:"files,omitempty"`
	// Globals is a globals file's content.
	Globals map[string]any `json:"globals,omitempty"`
	// GlobalsYAML is a v12 globals file's text
	// (postman/globals/workspace.globals.yaml), for v3 cases.
	GlobalsYAML string `json:"globalsYAML,omitempty"`
	// Data is an iteration data file's text, DataName its file name
	// (data.csv when empty: the name says CSV or JSON).
	Data     string `json:"data,omitempty"`
	DataName string `json:"dataName,omitempty"`
	// Vault gives courier's run a vault that scripts are not granted (an
	// empty one), as Postman CLI's offline run has: pm.vault exists and
	// every call rejects. Without it pm.vault is undefined, as in Newman.
	Vault bool `json:"vault,omitempty"`
	// Flags are run flags given to both runners: "--bail" (or
	// "--bail=failure,folder"), "--folder NAME", "-n N",
	// "--timeout-request MS", "--timeout-script MS" (see parityFlags).
	Flags []string `json:"flags,omitempty"`
	// Env are environment variables of the runner's process (the proxy
	// variables postman-request reads: HTTP_PROXY, NO_PROXY...), with the
	// servers' placeholders (envValue); courier's run reads them through
	// runner.Options.ProxyEnv. Proxy variables not named are unset.
	Env map[string]string `json:"env,omitempty"`
	// Newman is what Newman 6.2.2 reported: one line per assertion
	// ("name", "FAIL name: message", "SKIP name") then one per script error
	// ("ERROR test-script: message").
	Newman []string `json:"newman,omitempty"`
	// Postman is what Postman CLI 1.34.0 reported, in the same notation
	// (files whose reference is postman-cli).
	Postman []string `json:"postman,omitempty"`
	// Differs, when set, says why courier deliberately answers otherwise;
	// Courier then holds courier's answer.
	Differs string `json:"differs,omitempty"`
	// Gap, when set, says what courier does not match yet; Courier then
	// holds courier's current answer, so a change shows up either way.
	Gap     string   `json:"gap,omitempty"`
	Courier []string `json:"courier,omitempty"`
}

func (c parityCase) dataName() string {
	if c.DataName != "" {
		return c.DataName
	}
	return "data.csv"
}

func (c parityCase) collection(srv parityServers) []byte {
	items := make([]any, 0, len(c.Items))
	for _, it := range c.Items {
		items = append(items, parityItem(it))
	}
	coll := map[string]any{
		"info": map[string]any{"name": "parity", "_postman_id": "6d2c1c8e-0000-4000-8000-000000000001",
			"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item": items,
	}
	for k, v := range c.Collection {
		coll[k] = v
	}
	if _, v1 := c.Collection["requests"]; v1 {
		// A v1 collection (name, order, requests) is the whole file.
		delete(coll, "info")
		delete(coll, "item")
	}
	data, err := json.Marshal(coll)
	if err != nil {
		panic(err)
	}
	return srv.place(data)
}

// parityItem turns an item's "pre" and "test" shorthands into events, in
// its folder's items too.
func parityItem(it map[string]any) map[string]any {
	m := map[string]any{}
	var events []any
	for k, v := range it {
		switch k {
		case "pre", "test":
			listen := map[string]string{"pre": "prerequest", "test": "test"}[k]
			events = append(events, map[string]any{"listen": listen, "script": map[string]any{"type": "text/javascript", "exec": parityPrelude + v.(string)}})
		case "item":
			var children []any
			for _, child := range v.([]any) {
				children = append(children, parityItem(child.(map[string]any)))
			}
			m[k] = children
		default:
			m[k] = v
		}
	}
	if len(events) > 0 {
		sort.Slice(events, func(a, b int) bool {
			return events[a].(map[string]any)["listen"].(string) < events[b].(map[string]any)["listen"].(string)
		})
		if own, ok := m["event"].([]any); ok {
			events = append(own, events...)
		}
		m["event"] = events
	}
	return m
}

// place puts the servers' addresses in place of the placeholders.
func (srv parityServers) place(data []byte) []byte {
	base := srv.echo
	data = bytes.ReplaceAll(data, []byte(parityBase), []byte(base))
	data = bytes.ReplaceAll(data, []byte(parityRaw), []byte(srv.raw))
	// "raw.test" without a scheme (a URL the runtime completes) too.
	data = bytes.ReplaceAll(data, []byte(strings.TrimPrefix(parityRaw, "http://")), []byte(strings.TrimPrefix(srv.raw, "http://")))
	data = bytes.ReplaceAll(data, []byte("@echo.test/"), []byte("@"+strings.TrimPrefix(base, "http://")+"/"))
	// "other.test" is the same echo server under the name localhost: another
	// cookie domain, another host for redirects and auth.
	data = bytes.ReplaceAll(data, []byte(parityOther), []byte(otherBase(base)))
	data = bytes.ReplaceAll(data, []byte(parityFiles), []byte(parityFilesDir()))
	for _, ph := range append(parityTLS, parityTLSLocal) {
		if u := srv.tls[ph]; u != "" {
			data = bytes.ReplaceAll(data, []byte(ph), []byte(u))
		}
	}
	if srv.stall != "" {
		data = bytes.ReplaceAll(data, []byte(parityStall), []byte(srv.stall))
	}
	if srv.slow != "" {
		data = bytes.ReplaceAll(data, []byte(paritySlow), []byte(srv.slow))
	}
	// RAW_PORT is the raw echo's port alone (a proxy object's port).
	_, rawPort, _ := strings.Cut(strings.TrimPrefix(srv.raw, "http://"), ":")
	data = bytes.ReplaceAll(data, []byte(parityRawPort), []byte(rawPort))
	// URL objects name the host in parts.
	for from, to := range map[string]string{`"host":["echo","test"]`: base, `"host":["raw","test"]`: srv.raw} {
		host, port, _ := strings.Cut(strings.TrimPrefix(to, "http://"), ":")
		parts, _ := json.Marshal(strings.Split(host, "."))
		data = bytes.ReplaceAll(data, []byte(from), []byte(`"host":`+string(parts)+`,"port":"`+port+`"`))
	}
	return data
}

// envValue is a case's environment variable with the servers in place of
// their placeholders: URLs as in place, and a bare "echo.test" or
// "other.test" (a NO_PROXY entry) as the echo's host:port under its two
// names.
func (srv parityServers) envValue(v string) string {
	v = string(srv.place([]byte(v)))
	v = strings.ReplaceAll(v, "other.test", strings.TrimPrefix(otherBase(srv.echo), "http://"))
	return strings.ReplaceAll(v, "echo.test", strings.TrimPrefix(srv.echo, "http://"))
}

// processEnv is a reference runner's environment: this process's without
// its proxy variables, then the case's.
func (srv parityServers) processEnv(env map[string]string) []string {
	var out []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch strings.ToUpper(name) {
		case "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY":
			continue
		}
		out = append(out, kv)
	}
	for _, k := range slices.Sorted(maps.Keys(env)) {
		out = append(out, k+"="+srv.envValue(env[k]))
	}
	return out
}

// normalize puts the placeholder back in place of the server's address.
func parityNormalize(lines []string, srv parityServers) []string {
	base := srv.echo
	host := strings.TrimPrefix(base, "http://")
	rawHost := strings.TrimPrefix(srv.raw, "http://")
	out := make([]string, 0, len(lines))
	other := otherBase(base)
	for _, l := range lines {
		l = strings.ReplaceAll(l, parityFilesDir(), parityFiles)
		if srv.stall != "" {
			l = strings.ReplaceAll(l, srv.stall, parityStall)
			l = strings.ReplaceAll(l, strings.TrimPrefix(srv.stall, "http://"), strings.TrimPrefix(parityStall, "http://"))
		}
		for _, ph := range append(parityTLS, parityTLSLocal) {
			if u := srv.tls[ph]; u != "" {
				l = strings.ReplaceAll(l, u, ph)
				l = strings.ReplaceAll(l, strings.TrimPrefix(u, "https://"), strings.TrimPrefix(ph, "https://"))
			}
		}
		if srv.tlsDir != "" {
			l = strings.ReplaceAll(l, srv.tlsDir, parityTLSDir)
		}
		if srv.slow != "" {
			l = strings.ReplaceAll(l, srv.slow, paritySlow)
			l = strings.ReplaceAll(l, strings.TrimPrefix(srv.slow, "http://"), strings.TrimPrefix(paritySlow, "http://"))
		}
		l = strings.ReplaceAll(l, other, parityOther)
		l = strings.ReplaceAll(l, strings.TrimPrefix(other, "http://"), strings.TrimPrefix(parityOther, "http://"))
		l = strings.ReplaceAll(l, srv.raw, parityRaw)
		l = strings.ReplaceAll(l, rawHost, strings.TrimPrefix(parityRaw, "http://"))
		l = strings.ReplaceAll(l, base, parityBase)
		l = strings.ReplaceAll(l, host, strings.TrimPrefix(parityBase, "http://"))
		out = append(out, l)
	}
	return out
}

func TestPostmanParity(t *testing.T) {
	if *recordNewman != "" || *recordPostman != "" {
		requireLoopbackOnly(t)
	}
	files, err := filepath.Glob("testdata/postman-parity/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".json"), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			require.NoError(t, err)
			var pf parityFile
			require.NoError(t, json.Unmarshal(raw, &pf), f)
			base := parityServers{echo: echotest.Start(t), raw: echotest.StartRawEcho(t)}
			if bytes.Contains(raw, []byte(".test")) && bytes.Contains(raw, []byte("https://")) {
				base.startTLS(t)
			}
			slow := bytes.Contains(raw, []byte(parityStall)) || bytes.Contains(raw, []byte(paritySlow))
			if slow && *recordNewman == "" && *recordPostman == "" {
				// The files that reach the slow or stalled server spend
				// their time waiting out timeouts (hang guards of 2-3 s,
				// docs/testing.md), not computing: they wait side by side
				// once the other files are done (78 s of waits one after
				// another on a quiet machine).
				t.Parallel()
			}
			if bytes.Contains(raw, []byte(parityStall)) {
				base.stall = echotest.StartStalled(t)
			}
			if bytes.Contains(raw, []byte(paritySlow)) {
				base.slow = startSlowServer(t)
			}
			current := pf.Reference == refPostmanCLI
			if rec := map[bool]string{false: *recordNewman, true: *recordPostman}[current]; rec != "" {
				for i := range pf.Cases {
					if current && pf.Format == formatV3 {
						pf.Cases[i].Postman = postmanV3Answers(t, rec, pf.Cases[i], base)
					} else if current {
						pf.Cases[i].Postman = postmanAnswers(t, rec, pf.Cases[i], base)
					} else if pf.Reporter == "cli" {
						pf.Cases[i].Newman = newmanCLIAnswers(t, rec, pf.Cases[i], base)
					} else {
						pf.Cases[i].Newman = referenceAnswers(t, []string{rec, "run"}, nil, pf.Cases[i], base)
					}
				}
				writeParityFile(t, f, pf)
				return
			}
			if *recordNewman != "" || *recordPostman != "" {
				return // the other reference's file
			}
			for i, c := range pf.Cases {
				t.Run(c.Name, func(t *testing.T) {
					got := courierAnswers(t, c, base, pf.Format == formatV3, !current)
					if pf.Format == formatV3 && v3RoundTripLoss(pf, c) == "" {
						// courier convert keeps what the run does: v12 to
						// v2.1 JSON and back answers the same.
						again := courierRun(t, c, base, courierV3RoundTrip(t, c, base), true, false)
						if !assert.Equal(t, got, again, "after courier convert to JSON and back to v12") {
							t.Logf("answers that differ (- as loaded, + converted):\n%s", lineDiff(got, again))
						}
					}
					want := c.Newman
					if current {
						want = c.Postman
					}
					if c.Differs != "" || c.Gap != "" {
						if *updateDiffers {
							pf.Cases[i].Courier = got
						}
						want = pf.Cases[i].Courier
					}
					if !assert.Equal(t, want, got) {
						t.Logf("answers that differ (- recorded, + courier):\n%s", lineDiff(want, got))
					}
				})
			}
			if *updateDiffers {
				writeParityFile(t, f, pf)
			}
		})
	}
}

// courierAnswers runs a case under courier. newman: the answers compared
// are Newman's, read from its JSON report's executions.
func courierAnswers(t *testing.T, c parityCase, base parityServers, v3, newman bool) []string {
	t.Helper()
	var coll *collections.Collection
	if v3 {
		coll = courierV3Collection(t, c, base)
	} else {
		var err error
		coll, err = collections.LoadBytes(c.collection(base), "parity.json")
		require.NoError(t, err)
	}
	return courierRun(t, c, base, coll, v3, newman)
}

// courierRun runs coll, the case's collection as loaded, under courier.
func courierRun(t *testing.T, c parityCase, base parityServers, coll *collections.Collection, v3, newman bool) []string {
	t.Helper()
	rec := &recorder{}
	// Nothing leaves the machine, whatever a probe names.
	r := &runner.Runner{Collection: coll, Sink: rec, Options: runner.Options{LoopbackOnly: true}}
	if c.EnvironmentYAML != "" {
		f, err := environments.Load(bytes.NewReader(base.place([]byte(c.EnvironmentYAML))), "parity.environment.yaml")
		require.NoError(t, err)
		r.Environment = f.Scope()
		r.Options.EnvironmentName = f.Name
		r.Options.EnvironmentID = f.ID
	}
	if c.Environment != nil {
		data, _ := json.Marshal(c.Environment)
		data = base.place(data)
		f, err := environments.Load(bytes.NewReader(data), "env.json")
		require.NoError(t, err)
		r.Environment = f.Scope()
		r.Options.EnvironmentName = f.Name
		r.Options.EnvironmentID = f.ID
	}
	if c.Globals != nil {
		data, _ := json.Marshal(c.Globals)
		data = base.place(data)
		f, err := environments.Load(bytes.NewReader(data), "globals.json")
		require.NoError(t, err)
		r.Globals = f.Scope()
		r.Options.GlobalsName, r.Options.GlobalsID = f.Name, f.ID
	}
	if c.GlobalsYAML != "" {
		f, err := environments.Load(bytes.NewReader(base.place([]byte(c.GlobalsYAML))), "workspace.globals.yaml")
		require.NoError(t, err)
		r.Globals = f.Scope()
		r.Options.GlobalsName, r.Options.GlobalsID = f.Name, f.ID
	}
	if c.Vault {
		r.Options.ScriptVault = noSecrets{}
	}
	if c.Data != "" {
		rows, err := environments.ParseData([]byte(c.Data), c.dataName())
		require.NoError(t, err)
		r.Options.Data = rows
	}
	parityFlags(t, c.Flags, r, base)
	if r.Options.TimeoutScript == 0 {
		// No script limit unless the case gives one (--timeout-script, as
		// fresh-round12n-b does): the default, Newman's 30 s, is a speed
		// bound here. The heaviest cases (fresh-round12l-d's and 12l-f's
		// stack overflows, fresh-round11p-b's CryptoJS PBKDF2: 2-3 s of
		// CPU on a quiet machine) outlived it in a full go test ./... at
		// load 30-37 and failed with "synchronous script execution
		// timeout". The case's 3-minute context below is the hang guard; it
		// stops a script as a timeout does.
		r.Options.TimeoutScript = -1
	}
	r.Options.ProxyEnv = func(name string) string { return base.envValue(c.Env[name]) }
	// A hang guard only, never a speed limit: the heaviest case
	// (fresh-round12l-d's overflows, ~2.3 s of CPU) took 12 s alone at load
	// 24 and passed 30 s in a full `go test ./runner` at load 21. Three
	// minutes still name a case that hangs before go test's 10 minutes.
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// Script timers run on a virtual clock: a case that orders async tests
	// by their timers (1, 5, 20, 40 ms) failed under load when the script
	// itself took longer than the gaps between them.
	ctx = determinism.With(ctx, determinism.Settings{VirtualTime: true})
	_, err := r.Run(ctx)
	require.NoError(t, err)
	var lines, errs []string
	itemStart := 0 // where the current item's lines start
	for _, e := range rec.events {
		switch e := e.(type) {
		case runner.ItemStartEvent:
			itemStart = len(lines)
		case runner.ItemDoneEvent:
			if e.Skipped && newman {
				// Newman's report has no execution, so no assertions, for
				// an item whose request was not sent (reportedAnswers).
				lines = lines[:itemStart]
			}
		case runner.AssertionEvent:
			switch {
			case e.Result.Skipped:
				lines = append(lines, "SKIP "+e.Result.Name)
			case e.Result.Passed:
				lines = append(lines, e.Result.Name)
			default:
				lines = append(lines, "FAIL "+e.Result.Name+": "+e.Result.Error)
			}
		case runner.ScriptRequestEvent:
			if e.Err != nil {
				errs = append(errs, "REQUEST ERROR: "+scriptErrMessage(e.Err))
			}
		case runner.RequestEvent:
			if e.Err != nil {
				errs = append(errs, "REQUEST ERROR: "+scriptErrMessage(e.Err))
			}
		case runner.ScriptEvent:
			if e.Err != nil {
				errs = append(errs, "ERROR "+e.Listen+"-script: "+scriptErrMessage(e.Err))
			}
		}
	}
	if v3 {
		// Postman CLI's cli report is read the same way: the script errors
		// its sections number, then the requests it marks [errored].
		slices.SortStableFunc(errs, func(a, b string) int {
			return cmp.Compare(boolInt(strings.HasPrefix(a, "REQUEST ERROR: ")), boolInt(strings.HasPrefix(b, "REQUEST ERROR: ")))
		})
	}
	return parityNormalize(append(lines, errs...), base)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// parityFlags gives courier's run the case's flags, as cmd/run maps them.
func parityFlags(t *testing.T, flags []string, r *runner.Runner, srv parityServers) {
	o := &r.Options
	t.Helper()
	for i := 0; i < len(flags); i++ {
		f := flags[i]
		switch {
		case f == "--ignore-redirects":
			o.IgnoreRedirects = true
		case f == "--insecure" || f == "-k":
			o.Insecure = true
		case f == "--ssl-extra-ca-certs" && i+1 < len(flags):
			i++
			pemData, err := os.ReadFile(srv.placeFlag(flags[i]))
			require.NoError(t, err)
			pool := x509.NewCertPool() // the system's roots matter not on loopback
			require.True(t, pool.AppendCertsFromPEM(pemData))
			o.RootCAs = pool
		case f == "--ssl-client-cert-list" && i+1 < len(flags):
			// As cmd/run reads the list (its tests cover the file's forms).
			i++
			data, err := os.ReadFile(srv.placeFlag(flags[i]))
			require.NoError(t, err)
			var list []struct {
				Matches   []string
				Cert, Key struct{ Src string }
			}
			require.NoError(t, json.Unmarshal(data, &list))
			for _, e := range list {
				cert, err := tls.LoadX509KeyPair(e.Cert.Src, e.Key.Src)
				require.NoError(t, err)
				o.ClientCerts = append(o.ClientCerts, runner.ClientCert{Matches: e.Matches, Cert: cert})
			}
		case f == "--ssl-client-cert" && i+3 < len(flags) && flags[i+2] == "--ssl-client-key":
			// As cmd/run loads a PEM pair (its tests cover the other forms).
			cert, err := tls.LoadX509KeyPair(srv.placeFlag(flags[i+1]), srv.placeFlag(flags[i+3]))
			require.NoError(t, err)
			o.ClientCerts = append(o.ClientCerts, runner.ClientCert{Cert: cert})
			i += 3
		case f == "--bail":
			o.Bail = []string{runner.BailFailure}
		case strings.HasPrefix(f, "--bail="):
			o.Bail = strings.Split(strings.TrimPrefix(f, "--bail="), ",")
		case f == "--folder" && i+1 < len(flags):
			i++
			o.Folders = append(o.Folders, flags[i])
		case f == "--timeout-request" && i+1 < len(flags):
			i++
			ms, err := strconv.Atoi(flags[i])
			require.NoError(t, err)
			o.TimeoutRequest = time.Duration(ms) * time.Millisecond
		case f == "--timeout-script" && i+1 < len(flags):
			i++
			ms, err := strconv.Atoi(flags[i])
			require.NoError(t, err)
			o.TimeoutScript = time.Duration(ms) * time.Millisecond
		case f == "-n" && i+1 < len(flags):
			i++
			n, err := strconv.Atoi(flags[i])
			require.NoError(t, err)
			o.Iterations = n
		case (f == "--env-var" || f == "--global-var") && i+1 < len(flags):
			// As cmd/run and the suite apply them: set in the scope,
			// after the file's values.
			i++
			k, v, _ := strings.Cut(flags[i], "=")
			sc, name := &r.Environment, "environment"
			if f == "--global-var" {
				sc, name = &r.Globals, "globals"
			}
			if *sc == nil {
				*sc = environments.NewScope(name, nil)
			}
			(*sc).Set(k, v)
		default:
			t.Fatalf("parity flag %q is not one the harness knows", f)
		}
	}
}

// noSecrets is an empty vault (parityCase.Vault).
type noSecrets struct{}

func (noSecrets) Get(context.Context, string) (string, bool, error) { return "", false, nil }
func (noSecrets) Set(context.Context, string, string) error         { return nil }
func (noSecrets) Unset(context.Context, string) error               { return nil }

// scriptErrMessage is the error's message as Newman's report gives it.
func scriptErrMessage(err error) string {
	var ei *runner.ErrorInfo
	if errors.As(err, &ei) {
		return ei.Message
	}
	return err.Error()
}

// postmanAnswers runs a case under Postman CLI three times and keeps the
// answers only when every run gives the same.
func postmanAnswers(t *testing.T, postman string, c parityCase, base parityServers) []string {
	t.Helper()
	// Postman CLI keeps its settings and logs under $HOME/.postman.
	home := t.TempDir()
	argv := []string{"env", "HOME=" + home, postman, "collection", "run"}
	extra := []string{"--reporter-json-structure", "newman"}
	first := referenceAnswers(t, argv, extra, c, base)
	for run := 2; run <= 3; run++ {
		if again := referenceAnswers(t, argv, extra, c, base); !slices.Equal(first, again) {
			t.Fatalf("%s: Postman CLI answered differently in run %d:\n%s", c.Name, run, lineDiff(first, again))
		}
	}
	return first
}

// referenceAnswers runs a case under a reference runner whose command
// line starts with argv (Newman's "newman run", Postman CLI's "postman
// collection run") and ends with extra, both writing Newman's JSON report.
func referenceAnswers(t *testing.T, argv, extra []string, c parityCase, base parityServers) []string {
	t.Helper()
	dir := t.TempDir()
	cp := filepath.Join(dir, "c.json")
	require.NoError(t, os.WriteFile(cp, c.collection(base), 0o644))
	rp := filepath.Join(dir, "r.json")
	args := append(append([]string{}, argv[1:]...), cp, "-r", "json", "--reporter-json-export", rp)
	args = append(args, extra...)
	if c.Environment != nil {
		data, _ := json.Marshal(c.Environment)
		data = base.place(data)
		ep := filepath.Join(dir, "e.json")
		require.NoError(t, os.WriteFile(ep, data, 0o644))
		args = append(args, "-e", ep)
	}
	if c.Globals != nil {
		data, _ := json.Marshal(c.Globals)
		data = base.place(data)
		gp := filepath.Join(dir, "g.json")
		require.NoError(t, os.WriteFile(gp, data, 0o644))
		args = append(args, "-g", gp)
	}
	if c.Data != "" {
		dp := filepath.Join(dir, c.dataName())
		require.NoError(t, os.WriteFile(dp, []byte(c.Data), 0o644))
		args = append(args, "-d", dp)
	}
	for _, f := range c.Flags {
		args = append(args, base.placeFlag(f))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], args...)
	cmd.Env = base.processEnv(c.Env)
	out, _ := cmd.CombinedOutput()
	var rep struct {
		Run struct {
			Executions []struct {
				Item   struct{ ID string } `json:"item"`
				Cursor struct {
					Iteration int
					Ref       string
				}
				Assertions []struct {
					Assertion string
					Skipped   bool
					Error     *struct{ Message string }
				}
			}
			Failures []struct {
				At    string
				Error struct {
					Name, Message string
					Test          string
				}
			}
		}
	}
	data, err := os.ReadFile(rp)
	require.NoError(t, err, "%s wrote no report: %s", argv[0], out)
	require.NoError(t, json.Unmarshal(data, &rep))
	// Newman repeats an item's assertions in one execution per
	// pm.sendRequest: keep the longest list per item run (its cursor's
	// ref; an item that setNextRequest runs again has a new one).
	type key struct {
		id   string
		iter int
		ref  string
	}
	best := map[key]int{}
	var order []key
	for i, ex := range rep.Run.Executions {
		k := key{ex.Item.ID, ex.Cursor.Iteration, ex.Cursor.Ref}
		j, ok := best[k]
		if !ok {
			order = append(order, k)
			best[k] = i
		} else if len(ex.Assertions) >= len(rep.Run.Executions[j].Assertions) {
			best[k] = i
		}
	}
	var lines, errs []string
	for _, k := range order {
		for _, a := range rep.Run.Executions[best[k]].Assertions {
			switch {
			case a.Skipped:
				lines = append(lines, "SKIP "+a.Assertion)
			case a.Error == nil:
				lines = append(lines, a.Assertion)
			default:
				lines = append(lines, "FAIL "+a.Assertion+": "+a.Error.Message)
			}
		}
	}
	for _, f := range rep.Run.Failures {
		if f.At == "request" {
			errs = append(errs, "REQUEST ERROR: "+f.Error.Message)
		}
		if f.Error.Name == "AssertionFailure" || f.Error.Name == "AssertionError" {
			// --bail's failure for a script whose assertions failed:
			// at "test-script:39:17", the runtime's own line; a chai
			// assertion failing at the top of a script (outside pm.test)
			// is placed in the script: "test-script:2:17".
			f.At, _, _ = strings.Cut(f.At, ":")
		}
		if f.Error.Test == "" && strings.HasSuffix(f.At, "-script") {
			at := f.At
			if i := strings.LastIndex(at, " "); i >= 0 {
				at = at[i+1:]
			}
			errs = append(errs, fmt.Sprintf("ERROR %s: %s", at, f.Error.Message))
		}
	}
	answers := parityNormalize(append(lines, errs...), base)
	for i, l := range answers {
		// OpenSSL's messages name the thread that failed, which changes
		// with every process: left out, as courier leaves it out.
		answers[i] = opensslThread.ReplaceAllString(l, "error:")
	}
	return answers
}

// newmanCLIAnswers runs a case under Newman with its CLI reporter alone
// and reads the answers from what it prints: each passing assertion, then
// the message under each errored request (a parityFile's reporter "cli").
// A failing assertion stops the recording: its words are only in the
// failure table.
func newmanCLIAnswers(t *testing.T, newman string, c parityCase, base parityServers) []string {
	t.Helper()
	dir := t.TempDir()
	cp := filepath.Join(dir, "c.json")
	require.NoError(t, os.WriteFile(cp, c.collection(base), 0o644))
	args := []string{"run", cp, "-r", "cli", "--color", "off"}
	for _, f := range c.Flags {
		args = append(args, base.placeFlag(f))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, newman, args...)
	cmd.Env = base.processEnv(c.Env)
	out, _ := cmd.CombinedOutput()
	var lines, errs []string
	text := strings.Split(string(out), "\n")
	for i, l := range text {
		l = strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(l, "✓  "):
			lines = append(lines, strings.TrimPrefix(l, "✓  "))
		case strings.HasPrefix(l, "│") && strings.Contains(l, " assertions │"):
			if cols := strings.Split(l, "│"); len(cols) < 4 || strings.TrimSpace(cols[3]) != "0" {
				t.Fatalf("%s: an assertion failed under Newman (or no summary): %s", c.Name, l)
			}
		case strings.HasSuffix(l, "[errored]") && i+1 < len(text):
			// The message keeps its trailing space, as the report has it.
			errs = append(errs, "REQUEST ERROR: "+strings.TrimLeft(text[i+1], " "))
		}
	}
	require.NotEmpty(t, lines, "%s printed no assertion: %s", newman, out)
	answers := parityNormalize(append(lines, errs...), base)
	for i, l := range answers {
		answers[i] = opensslThread.ReplaceAllString(l, "error:")
	}
	return answers
}

// opensslThread is the thread address that starts an OpenSSL error line.
var opensslThread = regexp.MustCompile(`\b[0-9A-F]{16}:error:`)

func writeParityFile(t *testing.T, path string, pf parityFile) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	require.NoError(t, enc.Encode(pf))
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
}

// lineDiff lists the lines only one side has, in order (a longest common
// subsequence diff), so a long answer's difference reads at a glance.
func lineDiff(a, b []string) string {
	n, m := len(a), len(b)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var sb strings.Builder
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			i, j = i+1, j+1
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			fmt.Fprintf(&sb, "  + %d: %s\n", j, b[j])
			j++
		default:
			fmt.Fprintf(&sb, "  - %d: %s\n", i, a[i])
			i++
		}
	}
	return sb.String()
}

// requireLoopbackOnly stops a recording run outside a loopback-only network
// namespace. courier refuses other hosts before any lookup, but the
// references do not: Newman and Postman CLI resolve whatever name a probe
// hands them (a scheme-less URL, "not a url"), so a recording made with the
// machine's network up can send a DNS query out. `unshare -n` leaves only
// lo, which is down until the test's own listeners need it.
func requireLoopbackOnly(t *testing.T) {
	t.Helper()
	ifaces, err := net.Interfaces()
	require.NoError(t, err)
	for _, ifc := range ifaces {
		if ifc.Flags&net.FlagUp != 0 && ifc.Flags&net.FlagLoopback == 0 {
			t.Fatalf("recording reference answers with network interface %s up: run the recording in a loopback-only namespace, e.g. unshare -n sh -c 'ip link set lo up && go test ./runner -run TestPostmanParity/<file> -newman <newman>'", ifc.Name)
		}
	}
}
