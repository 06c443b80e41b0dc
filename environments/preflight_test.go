package environments

import (
	"github.com/courier-run/courier/internal/testenv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/collections"
)

const (
	tutorialColl = "../testdata/envstore/tutorial.postman_collection.json"
	tutorialEnv  = "../testdata/envstore/tutorial.postman_environment.json"
)

func loadTutorial(t *testing.T) (*collections.Collection, *File) {
	t.Helper()
	c, err := collections.LoadFile(tutorialColl)
	require.NoError(t, err)
	f, err := LoadFile(tutorialEnv)
	require.NoError(t, err)
	return c, f
}

func TestScan(t *testing.T) {
	t.Parallel()
	c, _ := loadTutorial(t)
	var got []string
	for _, r := range Scan(c, nil) {
		got = append(got, r.Name+" @ "+r.Where)
	}
	assert.Equal(t, []string{
		"authPath @ Get token: URL",
		"adminEnvID @ Get token: URL",
		"adminAppSecret @ Get token: auth basic.password",
		"adminAppID @ Get token: auth basic.username",
		"region @ Apps / Create app: prerequest script",
		"clientName @ Apps / Create app: prerequest script",
		"apiPath @ Apps / Create app: URL",
		"envID @ Apps / Create app: URL",
		"appName @ Apps / Create app: body",
		"retries @ Apps / Create app: body",
		"accessToken @ collection: auth bearer.token",
		"apiPath @ Apps / Get app: URL",
		"envID @ Apps / Get app: URL",
		"appID @ Apps / Get app: URL",
		"legacy @ Apps / Get app: URL",
	}, got, "no $guid, no vault reference, no disabled header")

	sel, err := collections.Select(c, "Get token")
	require.NoError(t, err)
	got = nil
	for _, r := range Scan(c, sel) {
		got = append(got, r.Name)
	}
	assert.Equal(t, []string{"authPath", "adminEnvID", "adminAppSecret", "adminAppID"}, got,
		"the request's own basic auth replaces the collection's bearer")
	assert.Equal(t, map[string]bool{"accessToken": true, "appID": true}, ScriptSets(c))
}

func problemLines(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Name+" "+p.Kind+" "+p.Scope)
	}
	return out
}

func TestPreflight(t *testing.T) {
	t.Parallel()
	c, f := loadTutorial(t)
	cur := NewCurrent(FileIdentity(f))
	cur.Set("envID", "env-1", "")
	cur.Set("tld", "", "")        // initial "com", current emptied: the trap
	cur.Set("adminAppID", "", "") // initial empty too: merely empty
	cur.Unset("region")
	cur.Set("accessToken", "", "") // a script sets it: not a problem
	env := Merge(f, cur)
	ps := Preflight(c, nil, PreflightInput{Scopes: &Scopes{Environment: env}, Environment: f, Current: cur})
	assert.Equal(t, []string{
		"adminAppID empty environment",
		"adminAppSecret empty environment",
		"adminEnvID missing ",
		"clientName missing ",
		"legacy disabled environment",
		"region unset environment",
		"tld emptied environment",
	}, problemLines(ps))

	byName := map[string]Problem{}
	for _, p := range ps {
		byName[p.Name] = p
		assert.NotContains(t, p.String(), "env-1", "no values in messages")
	}
	tld := byName["tld"]
	assert.Equal(t, "apiPath", tld.Via, "found through apiPath's value")
	assert.Equal(t, []string{"Apps / Create app: URL", "Apps / Get app: URL"}, tld.UsedBy)
	assert.Equal(t, "courier env set ../testdata/envstore/tutorial.postman_environment.json tld VALUE", tld.Fix)
	assert.Contains(t, tld.String(), "{{tld}} has an initial value but its current value was emptied")
	assert.Equal(t, "courier env reset ../testdata/envstore/tutorial.postman_environment.json region", byName["region"].Fix)
	assert.True(t, byName["adminAppSecret"].Secret)
	assert.Contains(t, byName["adminAppSecret"].Fix, "courier vault set adminAppSecret, then courier env set")

	// Setting everything leaves nothing to report.
	for _, k := range []string{"tld", "adminAppID", "adminAppSecret", "adminEnvID", "clientName", "region"} {
		cur.Set(k, "v", "")
	}
	cur.Set("legacy", "x", "")
	env = Merge(f, cur)
	env.Set("legacy", "on") // enabled again, as pm.environment.set would
	assert.Empty(t, Preflight(c, nil, PreflightInput{Scopes: &Scopes{Environment: env}, Environment: f, Current: cur}))
}

func TestPreflightScopes(t *testing.T) {
	t.Parallel()
	c, _ := loadTutorial(t)
	// Without an environment file, fixes point at --env-var, and collection
	// variables count (appName, authPath are defined there).
	ps := Preflight(c, nil, PreflightInput{})
	names := problemLines(ps)
	assert.NotContains(t, strings.Join(names, ","), "appName")
	assert.Contains(t, names, "apiPath missing ")
	for _, p := range ps {
		if p.Name == "apiPath" {
			assert.Equal(t, "pass --env-var apiPath=VALUE, or an environment file (-e) that defines it", p.Fix)
		}
	}
	// Iteration data fills a gap.
	data := NewScope("data", []Variable{{Key: "clientName", Value: "row"}})
	for _, p := range Preflight(c, nil, PreflightInput{Scopes: &Scopes{Data: data}}) {
		assert.NotEqual(t, "clientName", p.Name)
	}
}

// PingOne's environment templates (the 2020 one in
// pingidentity/pingone-postman-template and the 2025 Workflow Library one
// decoded from a Run-in-Postman link) load, take current values, and
// resolve apiPath through tld.
func TestPingOneTemplatesCurrentValues(t *testing.T) {
	t.Parallel()
	t.Run("2025", func(t *testing.T) {
		t.Parallel()
		path := filepath.Join("..", "testdata", "pingone", "environment-template.json")
		f, err := LoadFile(path)
		require.NoError(t, err)
		assert.Empty(t, f.ID, "a bare array: keyed by path")
		st := OpenStore(t.TempDir())
		cur, err := st.Load(f)
		require.NoError(t, err)
		sc := &Scopes{Environment: Merge(f, cur)}
		assert.Equal(t, "https://api.pingone.com/v1", sc.Replace("{{apiPath}}"))
		assert.Equal(t, "https://auth.pingone.com", sc.Replace("{{authPath}}"))

		// A user in Europe sets tld as a current value; the file is untouched.
		require.NoError(t, st.Update(FileIdentity(f), func(c *Current) error { c.Set("tld", "eu", ""); return nil }))
		cur, err = st.Load(f)
		require.NoError(t, err)
		sc = &Scopes{Environment: Merge(f, cur)}
		assert.Equal(t, "https://api.pingone.eu/v1", sc.Replace("{{apiPath}}"))
		again, err := LoadFile(path)
		require.NoError(t, err)
		assert.Equal(t, f.Values, again.Values)
	})
	t.Run("2020", func(t *testing.T) {
		t.Parallel()
		corpus := "../../shared/corpus"
		if _, err := os.Stat(corpus); err != nil {
			testenv.Skip(t, "../shared/corpus is absent (it sits beside the clone in CI)")
		}
		path := filepath.Join(corpus, "pingidentity__pingone-postman-template", "PingOne Postman Environment Template.postman_environment.json")
		f, err := LoadFile(path)
		require.NoError(t, err)
		assert.Equal(t, "03401bbf-f9fa-4e0f-ae05-52a748ea12ea", f.ID)
		assert.Len(t, f.Values, 45)
		st := OpenStore(t.TempDir())
		// The 2020 template has empty initial values; a user fills them in
		// the 2025 way, and a "moved checkout" (another path, same id)
		// finds them.
		require.NoError(t, st.Save(f, Changes{Set: []Entry{{Key: "tld", Value: "com"}, {Key: "apiPath", Value: "https://api.pingone.{{tld}}/v1"}}}))
		moved := *f
		moved.Source = filepath.Join(t.TempDir(), "elsewhere.json")
		cur, err := st.Load(&moved)
		require.NoError(t, err)
		sc := &Scopes{Environment: Merge(&moved, cur)}
		assert.Equal(t, "https://api.pingone.com/v1", sc.Replace("{{apiPath}}"))
		v, _ := sc.Get("envID")
		assert.Equal(t, "", v)
	})
}

func TestVaultRefs(t *testing.T) {
	t.Parallel()
	c, err := collections.LoadBytes([]byte(`{"info":{"name":"v"},"auth":{"type":"bearer","bearer":[{"key":"token","value":"{{vault:api-token}}"}]},
"item":[{"name":"a","request":{"url":"{{baseUrl}}/x?k=<<vault:key>>","header":[{"key":"X","value":"{{vault:api-token}} {{plain}}"}]},
 "event":[{"listen":"test","script":{"exec":"pm.environment.set('h', '{{vault:' + name + '}}')"}}]},
{"name":"b","request":{"url":"{{baseUrl}}/y"},"event":[{"listen":"prerequest","script":{"exec":"pm.request.headers.add({key:'Y',value:'{{vault:in-script}}'})"}}]}]}`), "v.json")
	require.NoError(t, err)
	env := NewScope("environment", []Variable{{Key: "secret", Value: "{{vault:from-env}}"}, {Key: "off", Value: "{{vault:off}}", Disabled: true}})
	var got []string
	for _, r := range VaultRefs(c, nil, env, nil) {
		got = append(got, r.Name+" @ "+r.Where)
	}
	assert.Equal(t, []string{
		"key @ a: URL",
		"api-token @ a: header X",
		"api-token @ collection: auth bearer.token",
		"in-script @ b: prerequest script",
		"from-env @ environment variable secret",
	}, got)
}
