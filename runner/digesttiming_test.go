package runner_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/runner"
)

// TestDigestChallengeTimeInSummary: the 401 a digest challenge answers with
// is a response of its own, and Newman 6.2.2's summary timings fold its
// time in as the first of the two requests (recorded three times under
// unshare -n against a server whose 401 takes 80 ms: responseAverage is the
// mean of the 401's time and the execution's, responseMax the 401's).
func TestDigestChallengeTimeInSummary(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			// Floors, not budgets: each answer takes some milliseconds,
			// so no time rounds to zero and drops out.
			time.Sleep(20 * time.Millisecond)
			w.Header().Set("WWW-Authenticate", `Digest realm="r", nonce="abc", qop="auth"`)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		time.Sleep(5 * time.Millisecond)
		w.Write([]byte(`{"ok":true}`))
	}))
	t.Cleanup(srv.Close)
	c := `{"info":{"name":"d"},"item":[{"name":"dg","request":{"method":"GET","url":"` + srv.URL + `/x",` +
		`"auth":{"type":"digest","digest":[{"key":"username","value":"u"},{"key":"password","value":"p"}]}}}]}`
	sum, rec := runAgainst(t, c, runner.Options{LoopbackOnly: true})
	require.Equal(t, 2, sum.Requests.Total)
	reqs := rec.requests()
	require.Len(t, reqs, 1)
	require.NotNil(t, reqs[0].Request.Challenge)
	require.NotNil(t, reqs[0].Response)
	challenge := reqs[0].Request.Challenge.ResponseTime.Round(time.Millisecond)
	answer := reqs[0].Response.ResponseTime.Round(time.Millisecond)
	require.GreaterOrEqual(t, challenge, 20*time.Millisecond)
	require.GreaterOrEqual(t, answer, 5*time.Millisecond)
	assert.Equal(t, max(challenge, answer), sum.ResponseMax)
	assert.Equal(t, min(challenge, answer), sum.ResponseMin)
	want := (challenge + answer) / 2
	assert.InDelta(t, float64(want), float64(sum.ResponseAvg), float64(time.Microsecond), "avg %v, want %v", sum.ResponseAvg, want)
}
