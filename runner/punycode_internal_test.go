package runner

import (
	"strings"
	"testing"

	"github.com/courier-run/courier/vault"
)

// TestMaskPunycodedLabels: a host label that holds a secret beside other
// text ("app-{{tenant}}.invalid") is punycoded as a whole, a form no
// search for the secret alone can find: the label as sent is masked whole
// once the runner has written it. Labels without a secret stay readable.
func TestMaskPunycodedLabels(t *testing.T) {
	t.Parallel()
	r := vault.NewRedactor()
	r.Add("Ünï-çødé-Sëcrét-7Qž")
	host := wireHost([]string{"app-Ünï-çødé-Sëcrét-7Qž", "bücher", "invalid"}, "8080")
	if !strings.HasPrefix(host, "xn--") {
		t.Fatalf("wire host not punycoded: %q", host)
	}
	line := "getaddrinfo ENOTFOUND " + strings.TrimSuffix(host, ":8080")
	if got := r.Redact(line); !strings.Contains(got, "xn--app") {
		t.Fatalf("the label's punycode was masked before the runner registered it: %q", got)
	}
	maskPunycodedLabels(r, host)
	got := r.Redact(line)
	if strings.Contains(got, "xn--app") {
		t.Errorf("label holding a secret shows punycoded: %q", got)
	}
	if !strings.Contains(got, "xn--bcher-kva.invalid") {
		t.Errorf("a label without a secret was masked: %q", got)
	}
	maskPunycodedLabels(nil, host) // no masker: nothing to do
}
