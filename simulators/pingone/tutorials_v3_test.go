package pingone_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/simulators/pingone/pingonetest"
)

// TestTutorialsV3 converts all PingOne collections to Postman v12's YAML
// directories (collection format v3), loads them back and replays the
// chain against a local PingOne, beside the JSON originals against another
// one: the same requests run with the same assertion outcomes, all green.
func TestTutorialsV3(t *testing.T) {
	t.Parallel()
	skipIfJarIgnoresWirePaths(t)
	dirs := t.TempDir()
	v3 := map[string]*collections.Collection{}
	for _, name := range tutorialOrder {
		c, err := collections.LoadFile(filepath.Join("..", "..", "testdata", "pingone", name+".postman_collection.json"))
		require.NoError(t, err)
		dir := filepath.Join(dirs, name)
		_, err = collections.SaveDir(c, dir)
		require.NoError(t, err, name)
		back, err := collections.LoadDir(dir)
		require.NoError(t, err, name)
		require.Empty(t, back.Notices, name)
		v3[name] = back
	}
	outcomes := func(load func(string) *collections.Collection) map[string][]string {
		run := pingonetest.Start(t)
		env := templateScope(t, run)
		ropts := runner.Options{RootCAs: run.CertPool(), LoopbackOnly: true, WorkingDir: filepath.Join("..", "..")}
		out := map[string][]string{}
		for _, name := range tutorialOrder {
			ev := &events{}
			r := &runner.Runner{Collection: load(name), Environment: env, Options: ropts, Sink: ev}
			sum, err := r.Run(context.Background())
			require.NoError(t, err, name)
			requireGreen(t, name, sum, ev, stepNames(t, name))
			for _, a := range ev.assertions {
				out[name] = append(out[name], fmt.Sprintf("%s | %s | %v", a.Item.Name, a.Result.Name, a.Result.Passed))
			}
		}
		return out
	}
	fromJSON := outcomes(func(name string) *collections.Collection {
		c, err := collections.LoadFile(filepath.Join("..", "..", "testdata", "pingone", name+".postman_collection.json"))
		require.NoError(t, err)
		return c
	})
	fromV3 := outcomes(func(name string) *collections.Collection { return v3[name] })
	for _, name := range tutorialOrder {
		assert.NotEmpty(t, fromV3[name], name)
		assert.Equal(t, fromJSON[name], fromV3[name], "%s: assertion outcomes, JSON vs v3", name)
	}
}
