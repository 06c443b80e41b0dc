package suite_test

import (
	"context"
	"testing"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/suite"
)

// courier's own local servers are reached directly whatever proxy the
// environment names: since session 19 loopback hosts are proxied as
// postman-request proxies them, and a corporate HTTP_PROXY could not
// reach --local-echo or --local-pingone on this machine. The proxy here
// refuses every connection (port 1), so a request sent through it fails.
func TestLocalServersBypassTheEnvironmentsProxy(t *testing.T) {
	t.Parallel()
	coll, err := collections.LoadFile("../testdata/examples/echo.postman_collection.json")
	if err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"HTTP_PROXY": "http://127.0.0.1:1", "HTTPS_PROXY": "http://127.0.0.1:1"}
	s := suite.New(suite.Options{
		Collections: []*collections.Collection{coll},
		Runner:      runner.Options{LoopbackOnly: true, ProxyEnv: func(k string) string { return env[k] }},
		LocalEcho:   true,
	})
	res, err := s.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.Failed() || res.Collections[0].Summary.Requests.Total == 0 {
		t.Errorf("a run against the local echo behind a proxy failed: %+v", res.Collections[0].Summary)
	}
}
