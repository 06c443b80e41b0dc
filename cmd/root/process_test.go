package root

import (
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/simulators/echo/echotest"
)

// readProfile returns the decompressed protobuf of a pprof file; its
// string table holds sample type and function names as plain bytes.
func readProfile(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	zr, err := gzip.NewReader(f)
	require.NoError(t, err, "a pprof file is gzipped")
	data, err := io.ReadAll(io.LimitReader(zr, 64<<20))
	require.NoError(t, err)
	return data
}

func TestRunWritesProfiles(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	dir := t.TempDir()
	coll := writeFile(t, dir, "ok.json", passing)
	cpu, mem := filepath.Join(dir, "cpu.pprof"), filepath.Join(dir, "out", "mem.pprof")
	code, _, errOut := execute(t, "run", coll, "--env-var", "baseUrl="+base, "-n", "20", "--silent",
		"--cpuprofile", cpu, "--memprofile", mem)
	require.Equal(t, cmdutil.ExitOK, code, errOut)
	assert.Contains(t, string(readProfile(t, cpu)), "nanoseconds", "a CPU profile samples time")
	heap := readProfile(t, mem)
	assert.Contains(t, string(heap), "alloc_space")
	assert.Contains(t, string(heap), "runner.(*Runner).Run", "the run's allocations are in the heap profile")
	left, err := filepath.Glob(filepath.Join(dir, "*.tmp*"))
	require.NoError(t, err)
	assert.Empty(t, left, "no temporary file is left behind")
}

func TestRunProfileUnwritable(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	dir := t.TempDir()
	coll := writeFile(t, dir, "ok.json", passing)
	blocker := writeFile(t, dir, "file", "")
	code, _, errOut := execute(t, "run", coll, "--env-var", "baseUrl="+base, "--silent",
		"--memprofile", filepath.Join(blocker, "mem.pprof"))
	assert.Equal(t, cmdutil.ExitInput, code)
	assert.Contains(t, errOut, "--memprofile")
	assert.Contains(t, errOut, "mem.pprof")
}

// A sequential run narrows the scheduler to one P and restores it after; a
// parallel run gets one P per worker, up to one per core, restored after.
// GOMAXPROCS in the environment is the user's choice and is left alone.
// Narrowing waits for the script engine's start-up, which the run's twenty
// scripted requests outlast by far.
func TestRunNarrowsScheduler(t *testing.T) {
	t.Parallel()
	base := echotest.Start(t)
	coll := writeFile(t, t.TempDir(), "ok.json", passing)
	for _, tt := range []struct {
		name string
		env  string
		args []string
		want []int
	}{
		{"sequential", "", nil, []int{1, 7}},
		{"GOMAXPROCS set", "2", nil, nil},
		{"parallel: one P per worker and core", "", []string{"--parallel", "2"}, []int{min(2, runtime.NumCPU()), 7}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ios, _, _, errOut := cmdutil.Test()
			testEnv := ios.Env
			ios.Env = func(k string) string {
				if k == "GOMAXPROCS" {
					return tt.env
				}
				return testEnv(k)
			}
			var calls []int
			ios.MaxProcs = func(n int) int { calls = append(calls, n); return 7 }
			code := Execute(context.Background(), ios, append([]string{"run", coll, "--env-var", "baseUrl=" + base, "-n", "20", "--silent"}, tt.args...))
			require.Equal(t, cmdutil.ExitOK, code, errOut.String())
			assert.Equal(t, tt.want, calls)
		})
	}
}
