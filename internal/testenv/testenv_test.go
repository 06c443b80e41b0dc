package testenv

import (
	"os"
	"testing"
)

// TestMainClearsMachineProxies: a machine's proxy variables (a corporate
// CI's HTTP_PROXY) are cleared before a package's tests run: courier
// follows them as postman-request does, loopback hosts too, so with one
// set 18 runner tests against their own 127.0.0.1 servers failed. Tests
// of proxies give theirs through runner.Options.ProxyEnv.
func TestMainClearsMachineProxies(t *testing.T) {
	for _, name := range proxyVars {
		t.Setenv(name, "http://127.0.0.1:9")
	}
	clearProxies()
	for _, name := range []string{"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy"} {
		if v, ok := os.LookupEnv(name); ok {
			t.Errorf("%s=%q left set", name, v)
		}
	}
}
