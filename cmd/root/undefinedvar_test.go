package root

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

// TestUndefinedVariableInJSONReport: a variable set to undefined (--env-var
// k without '=', a file entry without a value) and one a script set to
// undefined (null once back in the run) as Newman 6.2.2's JSON report lists
// them (recorded under unshare -n, three runs alike):
// {"type":"any","key":"k"} and {"type":"any","value":null,"key":"s"}.
// courier adds "enabled" to every variable (newman#3067, docs/newman.md).
func TestUndefinedVariableInJSONReport(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", `{"info":{"name":"u"},"item":[{"name":"r","request":"`+base+`/get",
 "event":[{"listen":"prerequest","script":{"exec":"pm.environment.set('s', undefined); pm.globals.set('g', undefined);"}}]}]}`)
	env := writeFile(t, dir, "e.json", `{"id":"e1","name":"E","values":[{"key":"a","enabled":true},{"key":"b","value":"1","enabled":true},
 {"key":"sec","value":"hunter2-secret","type":"secret","enabled":true}]}`)
	globals := writeFile(t, dir, "g.json", `{"id":"g1","name":"G","values":[{"key":"ga","enabled":true}]}`)
	report := filepath.Join(dir, "r.json")
	code, out, errOut := execute(t, "run", coll, "-e", env, "-g", globals, "--env-var", "k", "--env-var", "sec", "--global-var", "gk",
		"-r", "json", "--reporter-json-export", report)
	require.Equal(t, cmdutil.ExitOK, code, "stdout:\n%s\nstderr:\n%s", out, errOut)
	raw, err := os.ReadFile(report)
	require.NoError(t, err)
	assert.NotContains(t, string(raw), "hunter2-secret")
	var got struct {
		Environment struct{ Values []json.RawMessage }
		Globals     struct{ Values []json.RawMessage }
	}
	require.NoError(t, json.Unmarshal(raw, &got))
	compact := func(vs []json.RawMessage) []string {
		out := make([]string, len(vs))
		for i, v := range vs {
			var b bytes.Buffer
			require.NoError(t, json.Compact(&b, v))
			out[i] = b.String()
		}
		return out
	}
	assert.Equal(t, []string{
		`{"type":"any","key":"a","enabled":true}`,
		`{"type":"any","value":"1","key":"b","enabled":true}`,
		`{"type":"secret","value":"","key":"sec","enabled":true}`,
		`{"type":"any","key":"k","enabled":true}`,
		`{"type":"any","value":null,"key":"s","enabled":true}`,
	}, compact(got.Environment.Values))
	assert.Equal(t, []string{
		`{"type":"any","key":"ga","enabled":true}`,
		`{"type":"any","key":"gk","enabled":true}`,
		`{"type":"any","value":null,"key":"g","enabled":true}`,
	}, compact(got.Globals.Values))
}
