package environments

import (
	"encoding/base64"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	pingUID       = "18568624-4e4e5063-6ad7-4895-805e-ada77358488c"
	pingWorkspace = "3550b170-7818-4801-b1eb-dcb7b3f64263"
	pingEnvName   = "PingOne Workflow Library Template (release: 2025-04-17)"
)

// realPingLink is the Run-in-Postman link of the PingOne docs, as their
// Markdown source writes it.
func realPingLink(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "runinpostman", "pingone-workflow-library-2025-04-17.link.md"))
	require.NoError(t, err)
	return strings.TrimSpace(string(b))
}

// pingVars are the template's variables, as the docs define them.
var pingVars = []Variable{
	{Key: "tld", Value: "com", Type: "default"},
	{Key: "authPath", Value: "https://auth.pingone.{{tld}}", Type: "default"},
	{Key: "apiPath", Value: "https://api.pingone.{{tld}}/v1", Type: "default"},
	{Key: "adminEnvID", Value: "", Type: "default"},
	{Key: "adminAppID", Value: "", Type: "default"},
	{Key: "adminAppSecret", Value: "", Type: "default"},
	{Key: "envID", Value: "", Type: "default"},
}

// encName encodes an environment name as encodeURIComponent does.
func encName(name string) string {
	return "env%5B" + strings.ReplaceAll(url.QueryEscape(name), "+", "%20") + "%5D"
}

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// mkLink builds a current-style link for uid with the given fragment.
func mkLink(uid, fragment string) string {
	l := "https://god.gw.postman.com/run-collection/" + uid +
		"?action=collection%2Ffork&source=rip_markdown&collection-url=entityId%3D" + uid +
		"%26entityType%3Dcollection%26workspaceId%3D" + pingWorkspace
	if fragment != "" {
		l += "#?" + fragment
	}
	return l
}

func TestParseRunInPostmanLink_RealPingOne(t *testing.T) {
	t.Parallel()
	md := realPingLink(t)
	start := strings.Index(md, "(")
	inner := md[start+1 : len(md)-1]
	plain := strings.ReplaceAll(inner, `\&`, "&")
	variants := map[string]string{
		"markdown wrapper":   md,
		"markdown escapes":   inner,
		"plain":              plain,
		"html entities":      strings.ReplaceAll(plain, "&", "&amp;"),
		"angle brackets":     "<" + plain + ">",
		"quoted with spaces": "  '" + plain + "'\n",
	}
	for name, link := range variants {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			assert.True(t, IsRunInPostmanLink(link))
			l, err := ParseRunInPostmanLink(link)
			require.NoError(t, err)
			assert.Equal(t, pingUID, l.CollectionUID)
			assert.Equal(t, pingUID, l.CollectionRef)
			assert.Equal(t, pingWorkspace, l.WorkspaceID)
			assert.Equal(t, "https://god.gw.postman.com/run-collection/"+pingUID, l.Base)
			require.Len(t, l.Environments, 1)
			env := l.Environments[0]
			assert.Equal(t, pingEnvName, env.Name)
			assert.Equal(t, "environment", env.VariableScope)
			assert.Equal(t, pingVars, env.Values)
			assert.Contains(t, env.Source, "://", "a URL source keeps the store identity from turning it into a file path")
			assert.Equal(t, env.Source, FileIdentity(env).Path)
		})
	}
}

// The committed template (testdata/pingone/environment-template.json, which
// the tutorial tests run with) is exactly what the docs' link carries.
func TestParseRunInPostmanLink_MatchesCommittedTemplate(t *testing.T) {
	t.Parallel()
	want, err := LoadFile(filepath.Join("..", "testdata", "pingone", "environment-template.json"))
	require.NoError(t, err)
	l, err := ParseRunInPostmanLink(realPingLink(t))
	require.NoError(t, err)
	require.Len(t, l.Environments, 1)
	assert.Equal(t, want.Values, l.Environments[0].Values)
	assert.Equal(t, pingVars, want.Values)
}

func TestParseRunInPostmanLink_Variants(t *testing.T) {
	t.Parallel()
	const arr = `[{"key":"host","value":"https://x.test","enabled":true,"type":"default"},` +
		`{"key":"token","value":"","enabled":true,"type":"secret"},` +
		`{"key":"old","value":"v","enabled":false,"type":"default"},` +
		`{"key":"n","value":3,"enabled":true,"type":"any"}]`
	wantArr := []Variable{
		{Key: "host", Value: "https://x.test", Type: "default"},
		{Key: "token", Value: "", Type: "secret"},
		{Key: "old", Value: "v", Type: "default", Disabled: true},
		{Key: "n", Value: "3", Type: "number"},
	}
	// This value base64-encodes with both a "+" and a "/".
	plusSlash := `[{"key":"q","value":"?>>???","enabled":true}]`
	require.Contains(t, b64(plusSlash), "+")
	require.Contains(t, b64(plusSlash), "/")
	wantPlusSlash := []Variable{{Key: "q", Value: "?>>???"}}
	urlSafe := strings.TrimRight(base64.URLEncoding.EncodeToString([]byte(plusSlash)), "=")
	tests := []struct {
		name     string
		link     string
		wantUID  string
		wantRef  string
		names    []string
		wantVars [][]Variable
	}{
		{
			name: "two environments in link order", wantUID: pingUID, wantRef: pingUID,
			link:     mkLink(pingUID, encName("Second & last")+"="+b64(arr)+"&"+encName("a=b")+"="+b64(`[]`)),
			names:    []string{"Second & last", "a=b"},
			wantVars: [][]Variable{wantArr, {}},
		},
		{
			name: "raw brackets and spaces", wantUID: pingUID, wantRef: pingUID,
			link:     mkLink(pingUID, "env[My Env]="+b64(arr)),
			names:    []string{"My Env"},
			wantVars: [][]Variable{wantArr},
		},
		{
			name: "url-safe base64 without padding", wantUID: pingUID, wantRef: pingUID,
			link:     mkLink(pingUID, encName("E")+"="+urlSafe),
			names:    []string{"E"},
			wantVars: [][]Variable{wantPlusSlash},
		},
		{
			name: "plus turned into a space", wantUID: pingUID, wantRef: pingUID,
			link:     mkLink(pingUID, encName("E")+"="+strings.ReplaceAll(b64(plusSlash), "+", "%20")),
			names:    []string{"E"},
			wantVars: [][]Variable{wantPlusSlash},
		},
		{
			name: "value percent-encoded", wantUID: pingUID, wantRef: pingUID,
			link:     mkLink(pingUID, encName("E")+"="+url.QueryEscape(b64(plusSlash))),
			names:    []string{"E"},
			wantVars: [][]Variable{wantPlusSlash},
		},
		{
			name: "encoded twice", wantUID: pingUID, wantRef: pingUID,
			link:     mkLink(pingUID, strings.ReplaceAll(encName("Two words"), "%", "%25")+"="+url.QueryEscape(url.QueryEscape(b64(plusSlash)))),
			names:    []string{"Two words"},
			wantVars: [][]Variable{wantPlusSlash},
		},
		{
			name: "object of key values (env.create)", wantUID: pingUID, wantRef: pingUID,
			link:  mkLink(pingUID, encName("Keys")+"="+b64(`{"z":"last?","a":1.5,"b":true,"o":{"x":1}}`)),
			names: []string{"Keys"},
			wantVars: [][]Variable{{
				{Key: "z", Value: "last?", Type: "default"},
				{Key: "a", Value: "1.5", Type: "number"},
				{Key: "b", Value: "true", Type: "boolean"},
				{Key: "o", Value: `{"x":1}`, Type: "object"},
			}},
		},
		{
			name: "environment object with values", wantUID: pingUID, wantRef: pingUID,
			link:     mkLink(pingUID, encName("Obj")+"="+b64(`{"name":"ignored","values":`+arr+`}`)),
			names:    []string{"Obj"},
			wantVars: [][]Variable{wantArr},
		},
		{
			name: "no fragment", wantUID: pingUID, wantRef: pingUID,
			link: mkLink(pingUID, ""),
		},
		{
			name: "other fragment entries ignored", wantUID: pingUID, wantRef: pingUID,
			link:     mkLink(pingUID, "utm=1&"+encName("E")+"="+b64(plusSlash)+"&"),
			names:    []string{"E"},
			wantVars: [][]Variable{wantPlusSlash},
		},
		{
			name:    "old link: opaque id in the path, uid in collection-url",
			link:    "https://app.getpostman.com/run-collection/0123abcd4567?collection-url=entityId%3D" + pingUID + "%26entityType%3Dcollection",
			wantUID: pingUID, wantRef: "0123abcd4567",
		},
		{
			name:    "old link without a uid",
			link:    "https://app.getpostman.com/run-collection/0123abcd4567#?" + encName("E") + "=" + b64(plusSlash),
			wantUID: "", wantRef: "0123abcd4567",
			names: []string{"E"}, wantVars: [][]Variable{wantPlusSlash},
		},
		{
			name:    "uid only in collection-url",
			link:    "https://god.gw.postman.com/run-collection/?collection-url=entityId%3D" + pingUID,
			wantUID: pingUID, wantRef: pingUID,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l, err := ParseRunInPostmanLink(tt.link)
			require.NoError(t, err)
			assert.Equal(t, tt.wantUID, l.CollectionUID)
			assert.Equal(t, tt.wantRef, l.CollectionRef)
			var names []string
			var vars [][]Variable
			for _, e := range l.Environments {
				names = append(names, e.Name)
				vars = append(vars, e.Values)
			}
			assert.Equal(t, tt.names, names)
			assert.Equal(t, tt.wantVars, vars)
		})
	}
}

func TestParseRunInPostmanLink_Errors(t *testing.T) {
	t.Parallel()
	const secret = "s3cr3t-value-never-printed"
	tests := []struct {
		name string
		link string
		want []string // substrings of the error
	}{
		{"not a url", "collection.json", []string{"not a Run-in-Postman link"}},
		{"no collection", "https://god.gw.postman.com/run-collection/", []string{"names no collection", "/run-collection/<owner id>-<uuid>"}},
		{"bad base64", mkLink(pingUID, encName("Env A")+"=W3s*ia2V5"), []string{"env[Env A]", "not base64"}},
		{"not json", mkLink(pingUID, encName("E")+"="+b64("{not json "+secret)), []string{"env[E]", "not JSON"}},
		{"wrong json shape", mkLink(pingUID, encName("E")+"="+b64(`42`)), []string{"env[E]", "expected an object"}},
		{"bad variable", mkLink(pingUID, encName("E")+"="+b64(`[{"key":5,"value":"`+secret+`"}]`)), []string{"env[E]", "[0].key"}},
		{"empty value", mkLink(pingUID, encName("E")+"="), []string{"env[E]", "empty"}},
		{"duplicate", mkLink(pingUID, encName("E")+"="+b64(`[]`)+"&"+encName("E")+"="+b64(`[]`)), []string{"env[E]", "twice"}},
		{"bad escape in value", mkLink(pingUID, encName("E")+"=%zz"), []string{"env[E]", "URL encoding"}},
		{"bad escape in name", mkLink(pingUID, "env%5B%zz%5D=e30"), []string{"fragment entry 1", "URL encoding"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := ParseRunInPostmanLink(tt.link)
			require.Error(t, err)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
			assert.NotContains(t, err.Error(), secret)
			assert.Equal(t, strings.ToLower(err.Error()[:1]), err.Error()[:1], "errors start lower-case")
		})
	}
}

func TestIsRunInPostmanLink(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		mkLink(pingUID, ""):                                                           true,
		"https://app.getpostman.com/run-collection/abc":                               true,
		"HTTPS://GOD.GW.POSTMAN.COM/Run-Collection/" + pingUID:                        true,
		"https://api.getpostman.com/collections/" + pingUID:                           false,
		"https://example.com/x?next=/run-collection/" + pingUID:                       false,
		"run-collection/" + pingUID:                                                   false,
		"testdata/run-collection/x.json":                                              false,
		"[Run in Postman](https://god.gw.postman.com/run-collection/" + pingUID + ")": true,
	} {
		assert.Equal(t, want, IsRunInPostmanLink(s), s)
	}
}

func FuzzParseRunInPostmanLink(f *testing.F) {
	f.Add(mkLink(pingUID, encName("E")+"="+b64(`[{"key":"a","value":"b"}]`)))
	f.Add("https://god.gw.postman.com/run-collection/x#?env%5B%5D=%%")
	f.Fuzz(func(t *testing.T, link string) {
		l, err := ParseRunInPostmanLink(link)
		if err == nil && l == nil {
			t.Fatal("nil link without error")
		}
	})
}
