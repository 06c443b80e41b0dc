package runner_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/runner"
)

// TestURLEncodedBodyBytes pins the bytes of a urlencoded body to what
// Newman 6.2.2 sends for the same values: a space is %20 and every
// reserved character is escaped.
func TestURLEncodedBodyBytes(t *testing.T) {
	t.Parallel()
	got := make(chan string, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got <- string(b)
	}))
	t.Cleanup(srv.Close)
	type kv struct {
		Key   string `json:"key"`
		Value string `json:"value"`
	}
	body, err := json.Marshal([]kv{
		{"scope", "bank:accounts.basic:read common:customer.detail:read"},
		{"redirect_uri", "http://localhost:8088/*"},
		{"odd", `a+b&c=d/e?f~g!h'i(j)k*l@m$n,o;p[q]r{s}t|u\v^w` + "`" + `x<y>z"#%é`},
	})
	require.NoError(t, err)
	coll, err := collections.LoadBytes([]byte(`{"info":{"name":"b"},"item":[{"name":"post","request":{"method":"POST","url":"{{u}}/p",
		"body":{"mode":"urlencoded","urlencoded":`+string(body)+`}}}]}`), "b.json")
	require.NoError(t, err)
	r := &runner.Runner{Collection: coll, Environment: environments.NewScope("e", []environments.Variable{{Key: "u", Value: srv.URL}}),
		Options: runner.Options{LoopbackOnly: true}, Sink: &recorder{}}
	_, err = r.Run(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "scope=bank%3Aaccounts.basic%3Aread%20common%3Acustomer.detail%3Aread"+
		"&redirect_uri=http%3A%2F%2Flocalhost%3A8088%2F%2A"+
		"&odd=a%2Bb%26c%3Dd%2Fe%3Ff~g%21h%27i%28j%29k%2Al%40m%24n%2Co%3Bp%5Bq%5Dr%7Bs%7Dt%7Cu%5Cv%5Ew%60x%3Cy%3Ez%22%23%25%C3%A9", <-got)
}
