package environments

import (
	"bytes"
	"context"
	"fmt"
	"net/http"

	"github.com/courier-run/courier/collections"
)

// FetchFromPostmanAPI fetches the environment with the given uid through
// the Postman API at base ("" for collections.DefaultPostmanAPIBase): GET
// {base}/environments/{uid} with the key in X-Api-Key, as Newman does for
// "-e <uid> --postman-api-key KEY". The answer is {"environment": {...}}.
func FetchFromPostmanAPI(ctx context.Context, client *http.Client, base, uid, apiKey string) (*File, error) {
	if !collections.IsPostmanUID(uid) {
		return nil, fmt.Errorf("%q is not a Postman environment uid (<owner id>-<uuid>)", uid)
	}
	u, err := collections.PostmanAPIURL(base, "environments", uid)
	if err != nil {
		return nil, err
	}
	if apiKey == "" {
		return nil, fmt.Errorf("fetching environment %s: %w", uid, collections.ErrNoAPIKey)
	}
	body, err := collections.GetPostmanAPI(ctx, client, u, apiKey)
	if err != nil {
		return nil, err
	}
	inner, err := collections.UnwrapPostmanAPI(body, "environment", u)
	if err != nil {
		return nil, err
	}
	f, err := Load(bytes.NewReader(inner), u)
	if err != nil {
		return nil, err
	}
	if f.VariableScope == "" {
		f.VariableScope = "environment"
	}
	return f, nil
}
