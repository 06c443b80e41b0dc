package pingone_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/simulators/pingone"
)

// TestPropagationRevisions: each POST snapshots the configuration and
// points at the revision before it; id:latest names the newest.
func TestPropagationRevisions(t *testing.T) {
	t.Parallel()
	f := newFixture(t, pingone.Options{Signing: "HS256"}, "")
	c, tok, p := f.c, f.token, "/environments/"+f.envID+"/propagation/revisions"

	first := c.api("POST", p, tok, "application/json", "")
	firstID := assertResource(t, first, 201, f.envID, p)
	assert.Equal(t, c.run.Credentials().AdminAppID, first.body["createdBy"], "the admin app took it")
	assert.Nil(t, first.body["previousRevision"], "the first revision has no predecessor")
	assert.NotEmpty(t, first.body["createdAt"])

	second := c.api("POST", p, tok, "application/json", "")
	secondID := assertResource(t, second, 201, f.envID, p)
	assert.Equal(t, map[string]any{"id": firstID}, second.body["previousRevision"])

	latest := c.api("GET", p+"/id:latest", tok, "", "")
	require.Equal(t, 200, latest.code, latest.raw)
	assert.Equal(t, secondID, latest.body["id"], "the latest is the newest")
	// PingOne's specification has no list of revisions.
	assertPlatformError(t, c.api("GET", p, tok, "", ""), 405, "METHOD_NOT_ALLOWED", "")

	one := c.api("GET", p+"/"+firstID, tok, "", "")
	require.Equal(t, 200, one.code, one.raw)
	assert.Equal(t, firstID, one.body["id"])

	for _, tc := range []struct {
		name, method, path string
		status             int
	}{
		{"unknown revision", "GET", p + "/00000000-0000-4000-8000-000000000000", 404},
		{"revisions are not changed", "PUT", p + "/" + firstID, 405},
		{"nor deleted", "DELETE", p + "/" + firstID, 405},
		{"nothing below a revision", "GET", p + "/" + firstID + "/x", 404},
		{"another environment's revision", "GET", "/environments/" + c.run.Credentials().AdminEnvID + "/propagation/revisions/" + firstID, 404},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.status, c.api(tc.method, tc.path, tok, "application/json", "").code)
		})
	}
	assertPlatformError(t, c.api("POST", p, "", "application/json", ""), 401, "ACCESS_FAILED", "INVALID_TOKEN")
}
