package root

import (
	"bufio"
	"context"
	"io"
	"net"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/cmd/cmdutil"
)

// TestAllowedDomainsIgnoreThePath: a vault value restricted to a host goes
// to that host whatever the URL's path holds (a literal "% 3", which Go's
// URL parser refuses, made the check read the URL as one without a host
// and refuse the value), and still not to another host.
func TestAllowedDomainsIgnoreThePath(t *testing.T) {
	t.Parallel()
	const secret = "domain-canary-5c1e7"
	// A raw server: Go's own answers 400 to the path Postman sends
	// ("/a%%203b/c") before any handler sees the request.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { l.Close() })
	var mu sync.Mutex
	var got []string
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				br := bufio.NewReader(c)
				for {
					line, err := br.ReadString('\n')
					if err != nil || line == "\r\n" {
						break
					}
					if k, v, ok := strings.Cut(strings.TrimSpace(line), ": "); ok && strings.EqualFold(k, "X-Key") {
						mu.Lock()
						got = append(got, v)
						mu.Unlock()
					}
				}
				io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
			}()
		}
	}()
	srvURL := "http://" + l.Addr().String()
	other := strings.Replace(srvURL, "127.0.0.1", "localhost", 1) // the same server, under a host not allowed
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", `{"info":{"name":"domains"},"item":[
	 {"name":"odd path","request":{"method":"GET","url":"`+srvURL+`/a% 3b/c","header":[{"key":"X-Key","value":"{{vault:key}}"}]}},
	 {"name":"other host","request":{"method":"GET","url":"`+other+`/a% 3b/c","header":[{"key":"X-Key","value":"{{vault:key}}"}]}}]}`)
	ios, _, stdout, stderr := cmdutil.Test()
	setEnv(ios, map[string]string{"COURIER_VAULT_KEY": secret, "COURIER_VAULT_KEY__DOMAINS": "127.0.0.1"})
	code := Execute(context.Background(), ios, []string{"run", coll, "--color", "off", "--state-dir", ios.Env("COURIER_STATE_DIR")})
	require.Equal(t, cmdutil.ExitFailures, code, "the other host's request fails\n%s%s", stdout.String(), stderr.String())
	mu.Lock()
	defer mu.Unlock()
	assert.Equal(t, []string{secret}, got, "only the allowed host got the value")
	assert.Contains(t, stdout.String(), `vault secret "key" may not be sent to localhost:`)
	assert.NotContains(t, stdout.String()+stderr.String(), secret)
}
