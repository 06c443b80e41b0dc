package serve

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/environments"
)

// syncBuffer lets the test read what the command prints while it runs.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// serve starts "courier serve <args>" and returns what it printed once a
// URL shows up; the server stops when the test ends.
func serve(t *testing.T, args ...string) string {
	t.Helper()
	ios, _, _, _ := cmdutil.Test()
	out := &syncBuffer{}
	ios.Out = out
	cmd := NewCmdServe(ios)
	cmd.SetArgs(args)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- cmd.ExecuteContext(ctx) }()
	t.Cleanup(func() {
		cancel()
		require.NoError(t, <-done)
	})
	// The echo's banner is the one line of its URL, written at once (one
	// Fprintf, one Write): once it shows, nothing more is to come. A hang
	// guard only.
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(out.String(), "http://") {
		if time.Now().After(deadline) {
			t.Fatalf("no URL printed: %q", out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	return out.String()
}

var urlRE = regexp.MustCompile(`http://127\.0\.0\.1:\d+`)

func TestServeEcho(t *testing.T) {
	t.Parallel()
	out := serve(t, "echo", "--addr", "127.0.0.1:0")
	base := urlRE.FindString(out)
	resp, err := http.Get(base + "/get?x=1")
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, 200, resp.StatusCode)
	assert.Contains(t, string(body), `"x":"1"`)
}

func TestServeEchoRefusesNonLoopback(t *testing.T) {
	t.Parallel()
	ios, _, _, _ := cmdutil.Test()
	cmd := NewCmdServe(ios)
	cmd.SetArgs([]string{"echo", "--addr", "0.0.0.0:0"})
	err := cmd.Execute()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "only loopback")
}

func TestServePingOnePrintsVariables(t *testing.T) {
	t.Parallel()
	// The default address is fixed, so environments stay right across
	// restarts; the test itself takes any free port.
	cmd := NewCmdServe(&cmdutil.IOStreams{})
	pc, _, err := cmd.Find([]string{"pingone"})
	require.NoError(t, err)
	assert.Equal(t, DefaultPingOneAddr, pc.Flag("addr").DefValue)
	// Wait for the banner's last line (it follows the variables), not a
	// fixed pause after the first URL: a loaded machine can take longer.
	out, _ := startServe(t, "pingone", "--addr", "127.0.0.1:0", "--state-dir", t.TempDir())
	for _, v := range []string{"authPath", "apiPath", "adminEnvID", "adminAppID", "adminAppSecret"} {
		assert.Contains(t, out, v)
	}
	base := urlRE.FindString(out)
	resp, err := http.Get(base + "/v1/environments")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode, "the management API wants a token")
}

// startServe is serve with a stop the test calls itself (to restart).
func startServe(t *testing.T, args ...string) (string, func()) {
	t.Helper()
	ios, _, _, _ := cmdutil.Test()
	out := &syncBuffer{}
	ios.Out = out
	cmd := NewCmdServe(ios)
	cmd.SetArgs(args)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- cmd.ExecuteContext(ctx) }()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			require.NoError(t, <-done)
		})
	}
	t.Cleanup(stop)
	// Wait for the banner's last line (each line is one Write), never for
	// a pause after an earlier one: with --tls the certificate's line
	// follows the tenant's, and a 20 ms pause after "tenant kept in" let
	// TestServePingOneTLSWritesCA read the banner without it whenever the
	// server was descheduled between the two lines. A hang guard only.
	last := "tenant kept in: "
	if slices.Contains(args, "--tls") {
		last = "certificate: " // "certificate: <file> (...)" or "(generated certificate: ...)"
	}
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(out.String(), last) {
		if time.Now().After(deadline) {
			t.Fatalf("no banner line %q: %q", last, out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	return out.String(), stop
}

var adminEnvRE = regexp.MustCompile(`adminEnvID\s+(\S+)`)

// TestServePingOnePersists: a restarted "serve pingone" is the same tenant
// (its state is in the state dir), --reset makes a new one, and --write-env
// writes an environment file a run can use as it is.
func TestServePingOnePersists(t *testing.T) {
	t.Parallel()
	dir, envFile := t.TempDir(), filepath.Join(t.TempDir(), "pingone.json")
	out, stop := startServe(t, "pingone", "--addr", "127.0.0.1:0", "--state-dir", dir, "--write-env", envFile)
	first := adminEnvRE.FindStringSubmatch(out)
	require.Len(t, first, 2, out)
	assert.Contains(t, out, filepath.Join(dir, "local-pingone", "pingone.json"))
	raw, err := os.ReadFile(envFile)
	require.NoError(t, err)
	f, err := environments.Load(bytes.NewReader(raw), envFile)
	require.NoError(t, err)
	vals := map[string]environments.Variable{}
	for _, v := range f.Values {
		vals[v.Key] = v
	}
	assert.Equal(t, first[1], vals["adminEnvID"].Value)
	assert.Equal(t, "secret", vals["adminAppSecret"].Type)
	assert.Equal(t, urlRE.FindString(out), vals["authPath"].Value)
	// The admin app's credentials in the file get a token.
	req, err := http.NewRequest("POST", vals["authPath"].Value+"/"+first[1]+"/as/token", strings.NewReader(url.Values{"grant_type": {"client_credentials"}}.Encode()))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(vals["adminAppID"].Value, vals["adminAppSecret"].Value)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, 200, resp.StatusCode)
	stop()

	out, stop = startServe(t, "pingone", "--addr", "127.0.0.1:0", "--state-dir", dir)
	again := adminEnvRE.FindStringSubmatch(out)
	require.Len(t, again, 2, out)
	assert.Equal(t, first[1], again[1], "a restart keeps the tenant")
	stop()

	out, _ = startServe(t, "pingone", "--addr", "127.0.0.1:0", "--state-dir", dir, "--reset")
	reset := adminEnvRE.FindStringSubmatch(out)
	require.Len(t, reset, 2, out)
	assert.NotEqual(t, first[1], reset[1], "--reset starts a new tenant")
}

// TestServePingOneTLSWritesCA: with --tls the certificate to trust is
// written where the banner says, is an authority for loopback names only,
// and a client trusting that file (as --ssl-extra-ca-certs does) gets through.
func TestServePingOneTLSWritesCA(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ca := filepath.Join(dir, "ca.pem")
	out, _ := startServe(t, "pingone", "--addr", "127.0.0.1:0", "--state-dir", dir, "--tls", "--ca-file", ca)
	assert.Contains(t, out, "--ssl-extra-ca-certs "+ca)
	pemBytes, err := os.ReadFile(ca)
	require.NoError(t, err)
	pool := x509.NewCertPool()
	require.True(t, pool.AppendCertsFromPEM(pemBytes))
	// The file may end up in a trust store: the authority it holds may vouch
	// for loopback names only.
	block, _ := pem.Decode(pemBytes)
	require.NotNil(t, block)
	authority, err := x509.ParseCertificate(block.Bytes)
	require.NoError(t, err)
	assert.True(t, authority.PermittedDNSDomainsCritical)
	assert.Equal(t, []string{"localhost"}, authority.PermittedDNSDomains)
	assert.Len(t, authority.PermittedIPRanges, 2)
	base := regexp.MustCompile(`https://127\.0\.0\.1:\d+`).FindString(out)
	require.NotEmpty(t, base, out)
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	resp, err := c.Get(base + "/" + adminEnvRE.FindStringSubmatch(out)[1] + "/as/.well-known/openid-configuration")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, 200, resp.StatusCode)
}

// TestServePingOneOneAtATime: a second courier on the same local tenant is
// refused with what to do instead, rather than silently overwriting it.
func TestServePingOneOneAtATime(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	startServe(t, "pingone", "--addr", "127.0.0.1:0", "--state-dir", dir)
	ios, _, _, _ := cmdutil.Test()
	cmd := NewCmdServe(ios)
	cmd.SetArgs([]string{"pingone", "--addr", "127.0.0.1:0", "--state-dir", dir})
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	err := cmd.ExecuteContext(context.Background())
	require.Error(t, err)
	assert.Contains(t, err.Error(), "in use by another courier")
}
