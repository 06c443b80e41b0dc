package importcmd

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/simulators/pingone"
)

// What "courier run <link>" does with OpenLink's result: the collection
// fetched through the API runs with the link's environment (the PingOne
// template, pointed at the local PingOne) and its test passes.
func TestOpenLink_RunsAgainstLocalPingOne(t *testing.T) {
	t.Parallel()
	api := newFakeAPI(t)
	coll, envs, err := OpenLink(context.Background(), api.Client(), realLink(t), LinkOptions{
		APIKey: testKey, APIBase: api.URL, Getenv: func(string) string { return "" },
	})
	require.NoError(t, err)
	require.Len(t, envs, 1)

	p1, err := pingone.Listen("127.0.0.1:0", pingone.Options{})
	require.NoError(t, err)
	defer p1.Close()
	env := envs[0].Scope()
	for _, kv := range p1.Variables() {
		env.Set(kv[0], kv[1])
	}
	r := &runner.Runner{Collection: coll, Environment: env, Jar: runner.NewJar()}
	sum, err := r.Run(context.Background())
	require.NoError(t, err)
	assert.Equal(t, 1, sum.Requests.Total)
	assert.Equal(t, 1, sum.Assertions.Total)
	assert.Empty(t, sum.Failures)

	// With the template's own values (no admin app), the token request fails
	// and the test says so: the assertion is real.
	bad := envs[0].Scope()
	bad.Set("authPath", p1.URL)
	r = &runner.Runner{Collection: coll, Environment: bad, Jar: runner.NewJar()}
	sum, err = r.Run(context.Background())
	require.NoError(t, err)
	assert.Len(t, sum.Failures, 1)
}

func TestOpenEnvironmentUID(t *testing.T) {
	t.Parallel()
	const envUID = "18568624-0b5f2c1e-1111-4222-8333-944445555666"
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Api-Key") != testKey {
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprint(w, `{"error":{"name":"AuthenticationError","message":"Invalid API Key. Every request requires a valid API Key to be sent."}}`)
			return
		}
		if r.URL.Path != "/environments/"+envUID {
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"error":{"name":"instanceNotFoundError","message":"We could not find the environment you are looking for"}}`)
			return
		}
		fmt.Fprint(w, `{"environment":{"id":"0b5f2c1e-1111-4222-8333-944445555666","name":"Shared","values":[{"key":"tld","value":"eu","enabled":true}]}}`)
	}))
	defer api.Close()
	noenv := func(string) string { return "" }

	f, err := OpenEnvironmentUID(context.Background(), api.Client(), envUID, LinkOptions{APIKey: testKey, APIBase: api.URL, Getenv: noenv})
	require.NoError(t, err)
	assert.Equal(t, "Shared", f.Name)
	v, _ := f.Scope().Get("tld")
	assert.Equal(t, "eu", v)

	_, err = OpenEnvironmentUID(context.Background(), api.Client(), envUID, LinkOptions{APIBase: api.URL, Getenv: noenv})
	assert.ErrorContains(t, err, "needs an API key: pass --postman-api-key")
	assert.Equal(t, cmdutil.ExitInput, exitCode(err))

	_, err = OpenEnvironmentUID(context.Background(), api.Client(), "1-0b5f2c1e-1111-4222-8333-944445555666", LinkOptions{APIKey: testKey, APIBase: api.URL, Getenv: noenv})
	assert.ErrorContains(t, err, "check the uid")
	assert.NotContains(t, err.Error(), testKey)

	assert.True(t, IsEnvironmentUID(envUID))
	assert.False(t, IsEnvironmentUID("env.json"))
}

func TestOpenLink_Interrupted(t *testing.T) {
	t.Parallel()
	api := newFakeAPI(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, err := OpenLink(ctx, api.Client(), pingUID, LinkOptions{APIKey: testKey, APIBase: api.URL, Getenv: func(string) string { return "" }})
	require.Error(t, err)
	assert.Equal(t, cmdutil.ExitInterrupted, exitCode(err))
}
