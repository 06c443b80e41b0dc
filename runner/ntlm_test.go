package runner_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/vault"
)

// NTLM's handshake against the echo server's /ntlm, which checks each
// answer against the password: every kind of response the server's
// challenge asks for, a wrong password, and the answers the runtime gives
// up on (no offer, no or a broken challenge) with its warning.
func TestNTLMHandshake(t *testing.T) {
	t.Parallel()
	ntlmAuth := func(user, password string) string {
		return `{"type":"ntlm","ntlm":[{"key":"username","value":` + quote(user) + `},{"key":"password","value":` + quote(password) + `},{"key":"domain","value":"Domain"}]}`
	}
	for _, tt := range []struct {
		name, query, password string
		code                  int
		kind, warning         string
	}{
		{"NTLMv2", "", "Password", 200, "ntlmv2", ""},
		{"NTLM2 session response", "mode=ess", "Password", 200, "ntlm2sr", ""},
		{"NTLMv1", "mode=v1", "Password", 200, "ntlmv1", ""},
		{"NTLMv1 as OEM text", "mode=oem", "Password", 200, "ntlmv1", ""},
		{"a wrong password", "", "nope", 401, "ntlmv2", ""},
		{"Negotiate alone is no offer", "offer=negotiate", "Password", 401, "", ""},
		{"no challenge", "stop=nochallenge", "Password", 401, "", "runtime~ntlm.auth: there was an error validating auth: ntlm: server did not send NTLM type 2 message"},
		{"a broken challenge", "stop=badchallenge", "Password", 401, "", "runtime~ntlm.auth: there was an error validating auth: ntlm: server did not correctly process authentication request"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := coll(`{"name":"n","request":{"method":"GET","url":"{{baseUrl}}/ntlm?` + tt.query + `","auth":` + ntlmAuth("User", tt.password) + `},` +
				`"event":[{"listen":"test","script":{"exec":` + quote(`pm.test('kind ' + (pm.response.json().response || ''), () => {});
const o = pm.request.auth.parameters().toObject();
pm.test('state ' + JSON.stringify(o), () => {});
pm.test('header ' + ('ntlmHeader' in o) + ' ' + typeof o.ntlmHeader, () => {});`) + `}}]}`)
			red := vault.NewRedactor()
			red.Add(tt.password)
			sum, rec, _ := run(t, c, runner.Options{Masker: red})
			assert.Empty(t, sum.Failures)
			reqs := rec.requests()
			require.Len(t, reqs, 1)
			assert.Equal(t, tt.code, reqs[0].Response.Code)
			a := rec.assertions()
			assert.Contains(t, a, "kind "+tt.kind)
			assert.Contains(t, a, `state {"username":"User","password":"`+tt.password+`","domain":"Domain","state":"INITIALIZED"}`)
			assert.Contains(t, a, "header true undefined", "ntlmHeader is kept, undefined")
			var warnings []string
			for _, e := range rec.events {
				if w, ok := e.(runner.WarningEvent); ok {
					warnings = append(warnings, w.Message)
				}
			}
			if tt.warning == "" {
				assert.Empty(t, warnings)
			} else {
				assert.Equal(t, []string{tt.warning}, warnings)
			}
			if tt.kind != "" {
				// The answer is derived from the password: a secret
				// password masks it wherever it shows.
				var sent string
				for _, h := range reqs[0].Request.Header {
					if h.Key == "Authorization" {
						sent = h.Value
					}
				}
				require.True(t, strings.HasPrefix(sent, "NTLM "), sent)
				assert.True(t, red.Contains(sent), "the authenticate message is masked")
			}
		})
	}
}
