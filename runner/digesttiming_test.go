package runner_test

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
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
	srv := slowDigestServer(t, func(*http.Request) bool { return true })
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

// TestScriptDigestChallengeInSummary: a pm.sendRequest that meets a digest
// challenge counts as two requests, and its 401 is a response of the
// run's figures, as Newman 6.2.2 counts and prints it (recorded three
// times under unshare -n against a server whose 401 took 400 ms: requests
// 3, responseMax the 401's 503 ms, responseAverage the mean of the 401's,
// the retry's and the item's times). res.responseTime is the retry's
// alone there.
func TestScriptDigestChallengeInSummary(t *testing.T) {
	t.Parallel()
	srv := slowDigestServer(t, func(r *http.Request) bool { return r.URL.Path == "/d" })
	pre := `pm.sendRequest({url: '` + srv.URL + `/d', auth: {type: 'digest', digest: [{key: 'username', value: 'u'}, {key: 'password', value: 'p'}]}}, function (err, res) { pm.test('sr ' + res.code, function () {}); });`
	c := `{"info":{"name":"d"},"item":[{"name":"it","event":[{"listen":"prerequest","script":{"exec":[` + strconv.Quote(pre) + `]}}],` +
		`"request":{"method":"GET","url":"` + srv.URL + `/plain"}}]}`
	sum, rec := runAgainst(t, c, runner.Options{LoopbackOnly: true})
	require.Equal(t, 3, sum.Requests.Total)
	var trips []runner.ScriptRequestEvent
	for _, e := range rec.events {
		if e, ok := e.(runner.ScriptRequestEvent); ok {
			trips = append(trips, e)
		}
	}
	require.Len(t, trips, 1)
	require.NotNil(t, trips[0].Request.Challenge)
	require.NotNil(t, trips[0].Response)
	assert.Equal(t, 200, trips[0].Response.Code)
	reqs := rec.requests()
	require.Len(t, reqs, 1)
	times := []time.Duration{
		trips[0].Request.Challenge.ResponseTime.Round(time.Millisecond),
		trips[0].Response.ResponseTime.Round(time.Millisecond),
		reqs[0].Response.ResponseTime.Round(time.Millisecond),
	}
	require.GreaterOrEqual(t, times[0], 20*time.Millisecond)
	assert.Equal(t, slices.Max(times), sum.ResponseMax)
	assert.Equal(t, slices.Min(times), sum.ResponseMin)
	want := (times[0] + times[1] + times[2]) / 3
	assert.InDelta(t, float64(want), float64(sum.ResponseAvg), float64(time.Millisecond), "avg %v, want %v", sum.ResponseAvg, want)
}

// slowDigestServer challenges the requests guarded picks that carry no
// Authorization (a 401 after 20 ms) and answers the rest after 5 ms. The
// sleeps are floors, not budgets: each answer takes some milliseconds, so
// no time rounds to zero and drops out of the run's figures.
func slowDigestServer(t *testing.T, guarded func(*http.Request) bool) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if guarded(r) && r.Header.Get("Authorization") == "" {
			time.Sleep(20 * time.Millisecond)
			w.Header().Set("WWW-Authenticate", `Digest realm="r", nonce="abc", qop="auth"`)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		time.Sleep(5 * time.Millisecond)
		w.Write([]byte(`{"ok":true}`))
	}))
	t.Cleanup(srv.Close)
	return srv
}
