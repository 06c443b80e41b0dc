package root

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const interruptColl = `{"info":{"name":"intr"},"item":[
{"name":"first","request":"{{baseUrl}}/get","event":[{"listen":"test","script":{"exec":["pm.test('ok',()=>{}); pm.environment.set('x','1')"]}}]},
{"name":"slow","request":"{{baseUrl}}/slow","event":[{"listen":"test","script":{"exec":["pm.environment.set('y','2')"]}}]},
{"name":"never","request":"{{baseUrl}}/get"}]}`

// TestInterruptedRunTellsTheTruth sends SIGINT to a courier process while
// a request hangs: the reports are written and say the run was
// interrupted, the hanging request is not counted as done, and current
// values are saved up to the last completed request.
func TestInterruptedRunTellsTheTruth(t *testing.T) {
	t.Parallel()
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			t.Parallel()
			interruptRun(t, sig)
		})
	}
}

func interruptRun(t *testing.T, sig syscall.Signal) {
	hit := make(chan struct{}, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			hit <- struct{}{}
			select {
			case <-r.Context().Done():
			case <-time.After(15 * time.Second):
			}
			return
		}
		w.Write([]byte(`{}`))
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", interruptColl)
	env := writeFile(t, dir, "env.json", `{"name":"ienv","values":[{"key":"baseUrl","value":"`+srv.URL+`"},{"key":"x","value":"0"},{"key":"y","value":"0"}]}`)
	state := filepath.Join(dir, "state")
	jsonOut, junitOut := filepath.Join(dir, "r.json"), filepath.Join(dir, "r.xml")

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "run", coll, "-e", env, "--state-dir", state, "--color", "off",
		"-r", "cli,json,junit", "--reporter-json-export", jsonOut, "--reporter-junit-export", junitOut)
	cmd.Env = append(os.Environ(), "COURIER_ROOT_TEST_EXEC=1")
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	require.NoError(t, cmd.Start())
	select {
	case <-hit:
	case <-ctx.Done():
		t.Fatalf("the slow request never came:\n%s", out.String())
	}
	require.NoError(t, cmd.Process.Signal(sig))
	err := cmd.Wait()
	var ee *exec.ExitError
	require.ErrorAs(t, err, &ee, out.String())
	assert.Equal(t, 130, ee.ExitCode(), out.String())
	assert.Contains(t, out.String(), "run interrupted")

	junit, err := os.ReadFile(junitOut)
	require.NoError(t, err)
	assert.Contains(t, string(junit), `errors="1"`)
	assert.Contains(t, string(junit), `<error type="RunInterrupted"`)

	var rep struct {
		Run struct {
			Stats struct {
				Requests struct{ Total int } `json:"requests"`
			} `json:"stats"`
			Executions []struct {
				Item        struct{ Name string } `json:"item"`
				Interrupted bool                  `json:"interrupted"`
			} `json:"executions"`
			Error *struct{ Message string } `json:"error"`
		} `json:"run"`
	}
	data, err := os.ReadFile(jsonOut)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &rep))
	require.NotNil(t, rep.Run.Error)
	assert.Contains(t, rep.Run.Error.Message, "interrupted")
	assert.Equal(t, 1, rep.Run.Stats.Requests.Total, "the interrupted request is not counted")
	require.Len(t, rep.Run.Executions, 2)
	assert.True(t, rep.Run.Executions[1].Interrupted)

	stored, err := filepath.Glob(filepath.Join(state, "environments", "*.json"))
	require.NoError(t, err)
	require.Len(t, stored, 1)
	st, err := os.ReadFile(stored[0])
	require.NoError(t, err)
	assert.Contains(t, string(st), `"key": "x"`, "the completed request's value is kept")
	assert.NotContains(t, string(st), `"key": "y"`, "the interrupted request's script never ran")
}

// TestInterruptedParallelRunTellsTheTruth: SIGINT to a `--parallel 2` run
// while one worker's request hangs and the other worker has finished
// iterations after it. The report holds every request the statistics count
// (those later iterations included), the hanging request is marked
// interrupted with an error (never a pass) and not counted, and run.error
// and the JUnit report say the run was interrupted.
func TestInterruptedParallelRunTellsTheTruth(t *testing.T) {
	t.Parallel()
	hit := make(chan string, 16)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hit <- r.URL.Path
		if r.URL.Path == "/it/1" {
			select {
			case <-r.Context().Done():
			case <-time.After(15 * time.Second):
			}
			return
		}
		w.Write([]byte(`{}`))
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", `{"info":{"name":"pintr"},"item":[
{"name":"req","request":"{{baseUrl}}/it/{{i}}","event":[
 {"listen":"prerequest","script":{"exec":["pm.variables.set('i', String(pm.info.iteration))"]}},
 {"listen":"test","script":{"exec":["pm.test('ok', () => pm.response.to.have.status(200))"]}}]}]}`)
	env := writeFile(t, dir, "env.json", `{"name":"penv","values":[{"key":"baseUrl","value":"`+srv.URL+`"}]}`)
	jsonOut, junitOut := filepath.Join(dir, "r.json"), filepath.Join(dir, "r.xml")

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "run", coll, "-e", env, "--no-persist", "--color", "off",
		"-n", "6", "--parallel", "2",
		"-r", "cli,json,junit", "--reporter-json-export", jsonOut, "--reporter-junit-export", junitOut)
	cmd.Env = append(os.Environ(), "COURIER_ROOT_TEST_EXEC=1")
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	require.NoError(t, cmd.Start())
	// Worker 1 hangs in iteration 1; worker 0 has done iterations 0 and 2
	// (iterations the old merge counted but never showed).
	seen := map[string]bool{}
	for !(seen["/it/1"] && seen["/it/0"] && seen["/it/2"]) {
		select {
		case p := <-hit:
			seen[p] = true
		case <-ctx.Done():
			t.Fatalf("the requests never came (%v):\n%s", seen, out.String())
		}
	}
	require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
	err := cmd.Wait()
	var ee *exec.ExitError
	require.ErrorAs(t, err, &ee, out.String())
	assert.Equal(t, 130, ee.ExitCode(), out.String())
	assert.Contains(t, out.String(), "run interrupted")

	junit, err := os.ReadFile(junitOut)
	require.NoError(t, err)
	assert.Contains(t, string(junit), `<error type="RunInterrupted"`)
	assert.NotContains(t, string(junit), `errors="0" failures="0" tests`, "no suite reads as a clean pass overall")

	var rep struct {
		Run struct {
			Stats struct {
				Requests   struct{ Total, Failed int } `json:"requests"`
				Assertions struct{ Total, Failed int } `json:"assertions"`
			} `json:"stats"`
			Executions []struct {
				Cursor       struct{ Iteration int }      `json:"cursor"`
				Interrupted  bool                         `json:"interrupted"`
				Response     *struct{ Code int }          `json:"response"`
				RequestError *struct{ Message string }    `json:"requestError"`
				Assertions   []struct{ Assertion string } `json:"assertions"`
			} `json:"executions"`
			Error *struct{ Message string } `json:"error"`
		} `json:"run"`
	}
	data, err := os.ReadFile(jsonOut)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &rep), string(data))
	require.NotNil(t, rep.Run.Error)
	assert.Contains(t, rep.Run.Error.Message, "interrupted")

	completed, asserted, interrupted := 0, 0, []int{}
	iterations := map[int]bool{}
	for _, e := range rep.Run.Executions {
		iterations[e.Cursor.Iteration] = true
		asserted += len(e.Assertions)
		if e.Interrupted {
			interrupted = append(interrupted, e.Cursor.Iteration)
			assert.Nil(t, e.Response, "an interrupted request has no response")
			if assert.NotNil(t, e.RequestError, "an interrupted request carries the stop as its error") {
				assert.Contains(t, e.RequestError.Message, "interrupted")
			}
			continue
		}
		require.NotNil(t, e.Response, "a completed execution has its response")
		completed++
	}
	// The hanging request, and at most the one worker 0 had in flight.
	assert.Contains(t, interrupted, 1, "the hanging request is marked interrupted")
	assert.LessOrEqual(t, len(interrupted), 2, "one request in flight per worker: %v", interrupted)
	assert.True(t, iterations[0] && iterations[1] && iterations[2], "iterations 0-2 are in the report: %v", iterations)
	assert.Equal(t, rep.Run.Stats.Requests.Total, completed, "stats count exactly the completed requests shown")
	assert.Equal(t, rep.Run.Stats.Assertions.Total, asserted, "stats count exactly the assertions shown")
	assert.GreaterOrEqual(t, completed, 1)
}
