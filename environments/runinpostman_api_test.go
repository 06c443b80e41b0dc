package environments

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/collections"
)

func TestFetchFromPostmanAPI(t *testing.T) {
	t.Parallel()
	const key = "PMAK-env-test-key-0001"
	const envUID = "18568624-0b5f2c1e-1111-4222-8333-944445555666"
	var hits atomic.Int32
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.Header.Get("X-Api-Key") != key:
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprint(w, `{"error":{"name":"AuthenticationError","message":"Invalid API Key. Every request requires a valid API Key to be sent."}}`)
		case r.URL.Path != "/environments/"+envUID:
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"error":{"name":"instanceNotFoundError","message":"We could not find the environment you are looking for"}}`)
		default:
			// The shape of GET /environments/{id}: metadata around the values.
			fmt.Fprint(w, `{"environment":{"id":"0b5f2c1e-1111-4222-8333-944445555666","name":"PingOne","owner":"18568624",
				"createdAt":"2025-04-17T10:00:00.000Z","updatedAt":"2025-04-17T10:00:00.000Z","isPublic":false,
				"values":[{"key":"tld","value":"com","enabled":true,"type":"default"},
				          {"key":"adminAppSecret","value":"","enabled":true,"type":"secret"}]}}`)
		}
	}))
	defer api.Close()

	f, err := FetchFromPostmanAPI(context.Background(), api.Client(), api.URL, envUID, key)
	require.NoError(t, err)
	assert.Equal(t, "PingOne", f.Name)
	assert.Equal(t, "environment", f.VariableScope)
	assert.Equal(t, []Variable{{Key: "tld", Value: "com", Type: "default"}, {Key: "adminAppSecret", Type: "secret"}}, f.Values)
	assert.Equal(t, api.URL+"/environments/"+envUID, f.Source)

	_, err = FetchFromPostmanAPI(context.Background(), api.Client(), api.URL, envUID, "PMAK-wrong")
	var ae *collections.PostmanAPIError
	require.True(t, errors.As(err, &ae), "%v", err)
	assert.True(t, ae.Unauthorized())
	assert.NotContains(t, err.Error(), "PMAK-wrong")

	_, err = FetchFromPostmanAPI(context.Background(), api.Client(), api.URL, "1-0b5f2c1e-1111-4222-8333-944445555666", key)
	require.True(t, errors.As(err, &ae))
	assert.True(t, ae.NotFound())
	assert.Contains(t, err.Error(), "could not find the environment")

	before := hits.Load()
	_, err = FetchFromPostmanAPI(context.Background(), api.Client(), api.URL, envUID, "")
	assert.ErrorIs(t, err, collections.ErrNoAPIKey)
	_, err = FetchFromPostmanAPI(context.Background(), api.Client(), api.URL, "env.json", key)
	assert.ErrorContains(t, err, "not a Postman environment uid")
	assert.Equal(t, before, hits.Load(), "nothing sent without a key or a uid")
}
