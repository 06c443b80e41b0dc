package runner

import (
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// newmanJar is Newman 6.2.2's --export-cookie-jar after a response from
// http://127.0.0.1:5599/response-headers set the two cookies below and a
// request to /x/get sent them (dates as D, recorded 2026-12-06).
const newmanJar = `{
  "version": "tough-cookie@4.1.3-postman.1",
  "storeType": "MemoryCookieStore",
  "rejectPublicSuffixes": false,
  "enableLooseMode": true,
  "allowSpecialUseDomain": true,
  "prefixSecurity": "silent",
  "cookies": [
    {
      "key": "c1",
      "value": "v1",
      "maxAge": 3600,
      "domain": "127.0.0.1",
      "path": "/x",
      "httpOnly": true,
      "extensions": [
        "Priority=High"
      ],
      "hostOnly": true,
      "creation": D,
      "lastAccessed": D,
      "sameSite": "lax"
    },
    {
      "key": "c2",
      "value": "v2",
      "expires": "2037-10-21T07:28:00.000Z",
      "domain": "127.0.0.1",
      "path": "/",
      "secure": true,
      "hostOnly": false,
      "pathIsDefault": true,
      "creation": D,
      "lastAccessed": D
    }
  ]
}`

var jsDates = regexp.MustCompile(`"20\d\d-\d\d-\d\dT[\d:.]+Z"`)

// TestExportedJarAsNewmans: the exported jar has Newman's options, keys,
// their order and the attributes as sent (Max-Age apart from Expires,
// extensions, a default path), so Newman reading it back makes the same
// jar.
func TestExportedJarAsNewmans(t *testing.T) {
	t.Parallel()
	jar := NewJar()
	u, _ := url.Parse("http://127.0.0.1:5599/response-headers")
	h := http.Header{"Set-Cookie": {
		"c1=v1; Max-Age=3600; HttpOnly; SameSite=Lax; Priority=High; Path=/x",
		"c2=v2; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Secure; Domain=127.0.0.1",
	}}
	jar.setResponseCookies(u, &http.Response{Header: h})
	sent, _ := url.Parse("http://127.0.0.1:5599/x/get")
	require.Len(t, jar.Cookies(sent), 2)
	b, err := MarshalJarExcept(jar, nil)
	require.NoError(t, err)
	got := jsDates.ReplaceAllStringFunc(string(b), func(s string) string {
		if s == `"2037-10-21T07:28:00.000Z"` {
			return s
		}
		return "D"
	})
	assert.Equal(t, newmanJar, got)
}

// TestLoadNewmansJar: a jar Newman wrote loads with tough-cookie's expiry
// (Max-Age counted from the creation, winning over Expires) and exports
// again as it was.
func TestLoadNewmansJar(t *testing.T) {
	t.Parallel()
	now := time.Now().UTC()
	dated := func(creation time.Time) string {
		d := `"` + creation.Format(jsDate) + `"`
		return regexp.MustCompile(`\bD\b`).ReplaceAllString(newmanJar, d)
	}
	tests := []struct {
		name    string
		created time.Time
		live    []string
	}{
		{"max-age running", now.Add(-10 * time.Minute), []string{"c1", "c2"}},
		{"max-age over, expires later", now.Add(-2 * time.Hour), []string{"c2"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "jar.json")
			require.NoError(t, os.WriteFile(path, []byte(dated(tc.created)), 0o644))
			jar := NewJar()
			require.NoError(t, LoadJarFile(jar, path))
			var names []string
			for _, c := range jar.Stored() {
				names = append(names, c.Name)
			}
			assert.Equal(t, tc.live, names)
			if len(tc.live) == 2 {
				b, err := MarshalJarExcept(jar, nil)
				require.NoError(t, err)
				var want, got any
				require.NoError(t, json.Unmarshal([]byte(dated(tc.created)), &want))
				require.NoError(t, json.Unmarshal(b, &got))
				assert.Equal(t, want, got, "a loaded jar exports as it was")
			}
		})
	}
}
