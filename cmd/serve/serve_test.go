package serve

import (
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/cmd/cmdutil"
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
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(out.String(), "http://") {
		if time.Now().After(deadline) {
			t.Fatalf("no URL printed: %q", out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(20 * time.Millisecond) // let the rest of the banner arrive
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
	out := serve(t, "pingone")
	for _, v := range []string{"authPath", "apiPath", "adminEnvID", "adminAppID", "adminAppSecret"} {
		assert.Contains(t, out, v)
	}
	base := urlRE.FindString(out)
	resp, err := http.Get(base + "/v1/environments")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode, "the management API wants a token")
}
