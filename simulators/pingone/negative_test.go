package pingone_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/runner/report"
	"github.com/courier-run/courier/simulators/pingone"
	"github.com/courier-run/courier/simulators/pingone/pingonetest"
)

// TestNegativePaths runs the small collections of testdata/pingone/negative
// after the tutorials they build on, and checks that the local PingOne
// answers as PingOne does and that courier's cli output names each failing
// assertion together with PingOne's error.
func TestNegativePaths(t *testing.T) {
	t.Parallel()
	skipIfJarIgnoresWirePaths(t)
	for _, tc := range []struct {
		name    string
		opts    func(c *clock) pingone.Options
		before  []string // tutorials run first (chained)
		advance time.Duration
		// advanceAfter names the request after which the clock moves on
		// by advance (before the collection when empty).
		advanceAfter string
		collection   string
		// failing is the assertions expected to fail; text is what the
		// cli's failure list must show: PingOne's error next to them.
		failing []string
		text    []string
		status  int // status of the last request
	}{
		{
			name: "wrong client secret", collection: "wrong-client-secret", status: 401,
			failing: []string{"Worker token request succeeds"}, text: []string{"invalid_client: Request denied", "expected 401 to deeply equal"},
		},
		{
			name: "wrong PKCE verifier", before: []string{"create-your-test-environment", "simple-sso"},
			collection: "wrong-pkce-verifier", status: 400,
			failing: []string{"Token request succeeds"}, text: []string{"invalid_grant: Request denied: PKCE verification failed", "expected 400"},
		},
		{
			name: "replayed code", before: []string{"create-your-test-environment", "simple-sso"},
			collection: "replayed-code", status: 400,
			// The first exchange passes; only the replay fails.
			failing: []string{"Token request succeeds"},
			text:    []string{"invalid_grant: Request denied: the authorization code is invalid or expired", "inside \"Exchange the same code again\""},
		},
		{
			// PingOne's codes live one minute; both exchanges come too late.
			name: "expired code", before: []string{"create-your-test-environment", "simple-sso"},
			opts:    func(c *clock) pingone.Options { return pingone.Options{Now: c.now} },
			advance: pingone.DefaultCodeTTL + time.Second, advanceAfter: "Call the resume endpoint",
			collection: "replayed-code", status: 400,
			failing: []string{"Token request succeeds", "Token request succeeds"},
			text:    []string{"invalid_grant: Request denied: the authorization code is invalid or expired", "inside \"Exchange the code\""},
		},
		{
			name: "wrong OTP", before: []string{"create-your-test-environment", "passwordless-mfa-sso"},
			collection: "wrong-otp", status: 400,
			failing: []string{"Passcode is accepted"}, text: []string{"INVALID_DATA: The request could not be completed", "(Invalid one-time passcode)"},
		},
		{
			name: "expired token", before: []string{"create-your-test-environment"}, advance: time.Hour + time.Second,
			opts:       func(c *clock) pingone.Options { return pingone.Options{Now: c.now} },
			collection: "expired-token", status: 401,
			failing: []string{"Environment is readable"}, text: []string{"ACCESS_FAILED: The request could not be completed", "it has expired"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := &clock{t: time.Now()}
			opts := pingone.Options{Signing: "HS256"}
			if tc.opts != nil {
				opts = tc.opts(c)
			}
			run := pingonetest.StartWith(t, opts)
			env := templateScope(t, run)
			for _, name := range tc.before {
				sum, ev := runCollection(t, name, env, runner.Options{})
				requireGreen(t, name, sum, ev, stepNames(t, name))
			}
			if tc.advanceAfter == "" {
				c.add(tc.advance)
			}

			path := filepath.Join("..", "..", "testdata", "pingone", "negative", tc.collection+".postman_collection.json")
			coll, err := collections.LoadFile(path)
			require.NoError(t, err)
			var out bytes.Buffer
			cli := report.NewCLI(&out, report.CLIOptions{})
			ev := &events{}
			sinks := multiSink{cli, ev}
			if tc.advanceAfter != "" {
				sinks = append(sinks, afterRequest{tc.advanceAfter, func() { c.add(tc.advance) }})
			}
			r := &runner.Runner{Collection: coll, Environment: env, Sink: sinks}
			sum, err := r.Run(context.Background())
			require.NoError(t, err)
			text := out.String()

			var failed []string
			for _, a := range ev.assertions {
				if !a.Result.Passed {
					failed = append(failed, a.Result.Name)
				}
			}
			assert.Equal(t, tc.failing, failed, "failing assertions\n%s", text)
			assert.Len(t, sum.Failures, len(tc.failing), "run failures")
			require.NotEmpty(t, ev.requests)
			assert.Equal(t, tc.status, ev.requests[len(ev.requests)-1].Response.Code)

			// The failure list at the end of the cli output names the
			// assertion and carries PingOne's answer.
			idx := strings.LastIndex(text, "#  failure")
			require.GreaterOrEqual(t, idx, 0, "the cli prints a failure list\n%s", text)
			failures := text[idx:]
			for _, want := range append(append([]string{}, tc.failing...), tc.text...) {
				assert.Contains(t, failures, want, "failure list\n%s", failures)
			}
		})
	}
}

// afterRequest runs fn when the named item's request has been answered
// (the runner delivers events synchronously, so the next request sees it).
type afterRequest struct {
	item string
	fn   func()
}

func (a afterRequest) Handle(ev runner.Event) {
	if r, ok := ev.(runner.RequestEvent); ok && r.Item.Name == a.item {
		a.fn()
	}
}

// multiSink fans events out to several sinks.
type multiSink []runner.Sink

func (m multiSink) Handle(ev runner.Event) {
	for _, s := range m {
		s.Handle(ev)
	}
}
