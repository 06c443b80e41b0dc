package env

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/runner"
)

// The PingOne tutorial pattern through the real runner: one collection
// creates resources and its test scripts store their ids; a second
// collection, run later, uses them. The wiring is the one cmd/run does.
func TestRunsChainThroughCurrentValues(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		paths = append(paths, r.URL.Path)
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"id": "env-123", "access_token": "tok-456"}`)
	}))
	defer srv.Close()

	dir := t.TempDir()
	envFile := filepath.Join(dir, "env.json")
	require.NoError(t, os.WriteFile(envFile, []byte(`{"id": "chain-env", "name": "Chain", "values": [
		{"key": "baseUrl", "value": "http://unused.invalid", "enabled": true},
		{"key": "envID", "value": "", "enabled": true},
		{"key": "accessToken", "value": "", "enabled": true}
	]}`), 0o644))
	create := `{"info": {"name": "Create your test environment", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item": [{"name": "Create", "request": {"method": "POST", "url": "{{baseUrl}}/environments"},
			"event": [{"listen": "test", "script": {"exec": [
				"pm.environment.set('envID', pm.response.json().id);",
				"pm.environment.set('accessToken', pm.response.json().access_token);"]}}]}]}`
	use := `{"info": {"name": "Simple SSO", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item": [{"name": "Use", "request": {"method": "GET", "url": "{{baseUrl}}/environments/{{envID}}/applications"},
			"event": [{"listen": "test", "script": {"exec": [
				"pm.test('token carried over', () => pm.expect(pm.environment.get('accessToken')).to.equal('tok-456'));"]}}]}]}`
	state := t.TempDir()
	store := environments.OpenStore(state)

	run := func(collJSON string) *runner.Summary {
		coll, err := collections.LoadBytes([]byte(collJSON), "coll.json")
		require.NoError(t, err)
		f, err := environments.LoadFile(envFile)
		require.NoError(t, err)
		rs, err := store.BeginRun(environments.FileIdentity(f))
		require.NoError(t, err)
		env := environments.Merge(f, rs.Current)
		env.Set("baseUrl", srv.URL) // as --env-var would: not persisted
		rs.Snapshot(env.Variables())
		probs := environments.Preflight(coll, nil, environments.PreflightInput{
			Scopes: &environments.Scopes{Environment: env}, Environment: f, Current: rs.Current})
		assert.Empty(t, probs)
		r := &runner.Runner{Collection: coll, Environment: env}
		sum, err := r.Run(context.Background())
		require.NoError(t, err)
		_, err = rs.Finish(r.Scopes().Environment.Variables(), nil, nil)
		require.NoError(t, err)
		return sum
	}
	sum := run(create)
	require.False(t, sum.Failed())
	sum = run(use)
	require.False(t, sum.Failed(), "%+v", sum.Failures)
	assert.Equal(t, []string{"/environments", "/environments/env-123/applications"}, paths)

	// The file still holds only initial values, and baseUrl was not stored.
	raw, _ := os.ReadFile(envFile)
	assert.NotContains(t, string(raw), "env-123")
	r := mustOK(t, env(t, state, "", "show", envFile))
	assert.Regexp(t, `(?m)^envID\s+default\s+env-123\s+local$`, r.out)
	assert.NotContains(t, r.out, srv.URL)
	assert.True(t, strings.Contains(r.out, "accessToken"))
}
