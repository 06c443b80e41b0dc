package environments

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func testFile(t *testing.T, id string, vars ...Variable) *File {
	t.Helper()
	return &File{ID: id, Name: "Test", VariableScope: "environment", Values: vars, Source: filepath.Join(t.TempDir(), "env.json")}
}

func TestStateDir(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		env  map[string]string
		want string
	}{
		"flag variable wins":      {env: map[string]string{"COURIER_STATE_DIR": "/x/state", "XDG_STATE_HOME": "/xdg", "HOME": "/home/u"}, want: "/x/state"},
		"xdg":                     {env: map[string]string{"XDG_STATE_HOME": "/xdg", "HOME": "/home/u"}, want: "/xdg/courier"},
		"relative xdg is ignored": {env: map[string]string{"XDG_STATE_HOME": "rel", "HOME": "/home/u"}, want: "/home/u/.local/state/courier"},
		"home":                    {env: map[string]string{"HOME": "/home/u"}, want: "/home/u/.local/state/courier"},
	}
	if runtime.GOOS != "linux" {
		t.Skip("the fallbacks differ by platform")
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := StateDir(func(k string) string { return tc.env[k] })
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestIdentity(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a", "env.json"), filepath.Join(dir, "b", "env.json")
	withID := func(src string) Identity { return FileIdentity(&File{ID: "abc", Source: src}) }
	noID := func(src string) Identity { return FileIdentity(&File{Source: src}) }

	// An id keys the store: a moved checkout finds its values.
	assert.Equal(t, withID(a).FileName(), withID(b).FileName())
	// Without an id the path does, so two checkouts are two stores...
	assert.NotEqual(t, noID(a).FileName(), noID(b).FileName())
	// ...and the same file named two ways is one.
	require.NoError(t, os.MkdirAll(filepath.Dir(a), 0o755))
	require.NoError(t, os.WriteFile(a, []byte("{}"), 0o644))
	link := filepath.Join(dir, "link.json")
	require.NoError(t, os.Symlink(a, link))
	assert.Equal(t, noID(a).FileName(), noID(link).FileName())
	assert.Equal(t, noID(a).FileName(), noID(filepath.Join(dir, "a", ".", "env.json")).FileName())
	// Environments and globals with the same id are different stores.
	g := FileIdentity(&File{ID: "abc", VariableScope: "globals", Source: a})
	assert.NotEqual(t, withID(a).FileName(), g.FileName())
	assert.Equal(t, "id abc", withID(a).Describe())
	assert.Equal(t, "path "+a, noID(a).Describe())
}

func TestMerge(t *testing.T) {
	t.Parallel()
	f := testFile(t, "m",
		Variable{Key: "tld", Value: "com", Type: "default"},
		Variable{Key: "token", Value: "", Type: "secret"},
		Variable{Key: "gone", Value: "x"},
		Variable{Key: "off", Value: "i", Disabled: true},
		Variable{Key: "n", Value: "1", Type: "default"},
	)
	cur := NewCurrent(FileIdentity(f))
	cur.Set("token", "t0k", "")
	cur.Unset("gone")
	cur.Set("off", "c", "")
	cur.Set("n", "2", TypeNumber)
	cur.Set("appID", "app-1", "")
	sc := Merge(f, cur)

	want := []Variable{
		{Key: "tld", Value: "com", Type: "default"},
		{Key: "token", Value: "t0k", Type: "secret"},
		{Key: "off", Value: "c", Disabled: true},
		{Key: "n", Value: "2", Type: TypeNumber},
		{Key: "appID", Value: "app-1", Type: TypeAny},
	}
	assert.Equal(t, want, sc.Variables())
	assert.Equal(t, "environment", sc.Name)
	_, ok := sc.Get("off")
	assert.False(t, ok, "a disabled variable stays disabled whatever its current value")
	// No current values: the file as is.
	assert.Equal(t, f.Values, Merge(f, nil).Variables())
}

func TestDiff(t *testing.T) {
	t.Parallel()
	before := []Variable{
		{Key: "same", Value: "1"},
		{Key: "changed", Value: "a", Type: "secret"},
		{Key: "removed", Value: "r"},
		{Key: "typed", Value: "1", Type: "default"},
		{Key: "off", Value: "o", Disabled: true},
	}
	sc := NewScope("environment", before)
	sc.SetNative("changed", "b")
	sc.Unset("removed")
	sc.SetNative("typed", 2.0)
	sc.SetNative("fresh", "new")
	sc.SetNative("obj", map[string]any{"a": 1.0})
	ch := Diff(before, sc.Variables())
	assert.Equal(t, []Entry{
		{Key: "changed", Value: "b"}, // keeps the file's type (secret) on merge
		{Key: "typed", Value: "2", Type: TypeNumber},
		{Key: "fresh", Value: "new"},
		{Key: "obj", Value: `{"a":1}`, Type: TypeObject},
	}, ch.Set)
	assert.Equal(t, []string{"removed"}, ch.Unset)
	assert.True(t, Diff(before, before).Empty())
}

func TestStoreRoundTrip(t *testing.T) {
	t.Parallel()
	st := OpenStore(t.TempDir())
	f := testFile(t, "", Variable{Key: "a", Value: "init"}, Variable{Key: "b", Value: "keep"})
	cur, err := st.Load(f)
	require.NoError(t, err)
	assert.Equal(t, 0, cur.Len())

	start := Merge(f, cur)
	before := start.Variables()
	start.Set("a", "from-script")
	start.SetNative("c", true)
	require.NoError(t, st.Save(f, Diff(before, start.Variables())))

	info, err := os.Stat(st.Path(FileIdentity(f)))
	require.NoError(t, err)
	if runtime.GOOS != "windows" {
		assert.Equal(t, os.FileMode(0o600), info.Mode().Perm(), "current values are private")
	}
	cur, err = st.Load(f)
	require.NoError(t, err)
	sc := Merge(f, cur)
	v, _ := sc.Get("a")
	assert.Equal(t, "from-script", v)
	c, _ := sc.Lookup("c")
	assert.Equal(t, Variable{Key: "c", Value: "true", Type: TypeBoolean}, c)
	v, _ = sc.Get("b")
	assert.Equal(t, "keep", v)

	list, errs := st.List()
	require.Empty(t, errs)
	require.Len(t, list, 1)
	assert.Equal(t, FileIdentity(f), list[0].Current.Identity)
}

func TestStoreRejectsCorruptAndNewer(t *testing.T) {
	t.Parallel()
	st := OpenStore(t.TempDir())
	f := testFile(t, "x")
	require.NoError(t, os.MkdirAll(st.Dir, 0o700))
	p := st.Path(FileIdentity(f))
	require.NoError(t, os.WriteFile(p, []byte("{not json"), 0o600))
	_, err := st.Load(f)
	require.ErrorContains(t, err, "delete the file")
	require.NoError(t, os.WriteFile(p, []byte(`{"courier_state": 99, "values": []}`), 0o600))
	_, err = st.Load(f)
	require.ErrorContains(t, err, "newer courier")
}

func TestCurrentEmptied(t *testing.T) {
	t.Parallel()
	f := testFile(t, "e", Variable{Key: "url", Value: "https://x"}, Variable{Key: "blank", Value: ""})
	cur := NewCurrent(FileIdentity(f))
	cur.Set("url", "", "")
	cur.Set("blank", "", "")
	cur.Set("other", "", "")
	assert.True(t, cur.Emptied(f, "url"))
	assert.False(t, cur.Emptied(f, "blank"), "empty initial, empty current: empty, not emptied")
	assert.False(t, cur.Emptied(f, "other"))
	cur.Reset("url")
	assert.False(t, cur.Emptied(f, "url"))
	var none *Current
	assert.False(t, none.Emptied(f, "url"))
}

func TestWithoutSecrets(t *testing.T) {
	t.Parallel()
	ch := Changes{Set: []Entry{{Key: "ref", Value: "{{vault:k}}"}, {Key: "tok", Value: "Bearer s3cr3t"}, {Key: "id", Value: "1"}}, Unset: []string{"u"}}
	resolved := "s3cr3t"
	got, dropped := ch.WithoutSecrets(func(v string) bool { return strings.Contains(v, resolved) }, nil)
	assert.Equal(t, []string{"tok"}, dropped)
	assert.Equal(t, Changes{Set: []Entry{{Key: "ref", Value: "{{vault:k}}"}, {Key: "id", Value: "1"}}, Unset: []string{"u"}}, got)
	same, none := ch.WithoutSecrets(nil, nil)
	assert.Equal(t, ch, same)
	assert.Empty(t, none)
}

// Two runs in one process save different keys at the same time: both keep
// their changes.
func TestStoreConcurrentGoroutines(t *testing.T) {
	t.Parallel()
	st := OpenStore(t.TempDir())
	f := testFile(t, "race")
	const writers, keys = 4, 15
	var wg sync.WaitGroup
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range keys {
				err := st.Save(f, Changes{Set: []Entry{{Key: fmt.Sprintf("w%d-k%d", w, k), Value: strconv.Itoa(k)}}})
				assert.NoError(t, err)
			}
		}()
	}
	wg.Wait()
	cur, err := st.Load(f)
	require.NoError(t, err)
	assert.Equal(t, writers*keys, cur.Len())
}

// The helper process: with COURIER_STORE_HELPER set, the test binary acts
// as a courier run that saves keys into a store.
func TestStoreHelperProcess(t *testing.T) {
	mode := os.Getenv("COURIER_STORE_HELPER")
	if mode == "" {
		t.Skip("helper process for the multi-process store tests")
	}
	st := OpenStore(os.Getenv("COURIER_STORE_DIR"))
	f := &File{ID: os.Getenv("COURIER_STORE_ID")}
	prefix := os.Getenv("COURIER_STORE_PREFIX")
	switch mode {
	case "save":
		for k := range 25 {
			if err := st.Save(f, Changes{Set: []Entry{{Key: fmt.Sprintf("%s-%d", prefix, k), Value: "v"}}}); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
		os.Exit(0)
	case "hang":
		// Take the lock, write a temp file as a save would, and wait to be
		// killed before renaming it.
		_ = st.Update(FileIdentity(f), func(c *Current) error {
			p := st.Path(FileIdentity(f))
			tmp, _ := os.CreateTemp(filepath.Dir(p), "."+filepath.Base(p)+".tmp-*")
			tmp.WriteString(`{"courier_state": 1, "values": [{"key": "half`)
			tmp.Close()
			fmt.Println("locked")
			time.Sleep(time.Minute)
			return nil
		})
		os.Exit(2)
	}
}

func helper(t *testing.T, mode, dir, id, prefix string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestStoreHelperProcess$")
	cmd.Env = append(os.Environ(), "COURIER_STORE_HELPER="+mode, "COURIER_STORE_DIR="+dir, "COURIER_STORE_ID="+id, "COURIER_STORE_PREFIX="+prefix)
	return cmd
}

// Two courier processes save different keys into one store at once: every
// key survives.
func TestStoreConcurrentProcesses(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var cmds []*exec.Cmd
	for _, p := range []string{"one", "two"} {
		c := helper(t, "save", dir, "procs", p)
		c.Stderr = os.Stderr
		require.NoError(t, c.Start())
		cmds = append(cmds, c)
	}
	for _, c := range cmds {
		require.NoError(t, c.Wait())
	}
	cur, err := OpenStore(dir).Load(&File{ID: "procs"})
	require.NoError(t, err)
	assert.Equal(t, 50, cur.Len())
	for _, p := range []string{"one", "two"} {
		_, ok := cur.Get(p + "-24")
		assert.True(t, ok, p)
	}
}

// A run killed in the middle of a save leaves the previous store file
// intact and the store usable: the lock dies with the process and the
// half-written temporary file is cleaned up.
func TestStoreKilledMidWrite(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("uses SIGKILL")
	}
	t.Parallel()
	dir := t.TempDir()
	st := OpenStore(dir)
	f := &File{ID: "killed"}
	require.NoError(t, st.Save(f, Changes{Set: []Entry{{Key: "envID", Value: "before"}}}))

	c := helper(t, "hang", dir, "killed", "")
	out, err := c.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, c.Start())
	line, err := bufio.NewReader(out).ReadString('\n')
	require.NoError(t, err)
	require.Equal(t, "locked\n", line)
	require.NoError(t, c.Process.Kill())
	_ = c.Wait()

	temps, _ := filepath.Glob(filepath.Join(st.Dir, ".*.tmp-*"))
	require.Len(t, temps, 1, "the killed writer left its temporary file")
	cur, err := st.Load(f)
	require.NoError(t, err)
	e, _ := cur.Get("envID")
	assert.Equal(t, "before", e.Value)

	st.LockTimeout = 5 * time.Second
	require.NoError(t, st.Save(f, Changes{Set: []Entry{{Key: "appID", Value: "after"}}}))
	cur, err = st.Load(f)
	require.NoError(t, err)
	assert.Equal(t, 2, cur.Len())
	temps, _ = filepath.Glob(filepath.Join(st.Dir, ".*.tmp-*"))
	assert.Empty(t, temps)
}

// The same without a process: a temporary file that was never renamed does
// not change what Load reads.
func TestStoreUnrenamedTemp(t *testing.T) {
	t.Parallel()
	st := OpenStore(t.TempDir())
	f := &File{ID: "tmp"}
	require.NoError(t, st.Save(f, Changes{Set: []Entry{{Key: "k", Value: "old"}}}))
	p := st.Path(FileIdentity(f))
	require.NoError(t, os.WriteFile(filepath.Join(st.Dir, "."+filepath.Base(p)+".tmp-123"), []byte(`{"courier_state":1,"values":[{"key":"k","val`), 0o600))
	cur, err := st.Load(f)
	require.NoError(t, err)
	e, _ := cur.Get("k")
	assert.Equal(t, "old", e.Value)
}

func TestStoreLockTimeout(t *testing.T) {
	t.Parallel()
	st := OpenStore(t.TempDir())
	st.LockTimeout = 50 * time.Millisecond
	id := Identity{Kind: "environment", ID: "busy"}
	held := make(chan struct{})
	release := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = st.Update(id, func(*Current) error { close(held); <-release; return nil })
	}()
	<-held
	err := st.Update(id, func(*Current) error { return nil })
	close(release)
	<-done // the holder still writes the store; TempDir's cleanup must come after
	require.Error(t, err)
	assert.Contains(t, err.Error(), "another courier process")
}

// A tutorial split over two collections: the first run's script values
// become current values the second run starts with; command-line
// overrides and resolved secrets are not persisted.
func TestRunStateChains(t *testing.T) {
	t.Parallel()
	st := OpenStore(t.TempDir())
	f := testFile(t, "tut", Variable{Key: "tld", Value: "com"}, Variable{Key: "envID", Value: ""}, Variable{Key: "stale", Value: "s"})

	rs, err := st.BeginRun(FileIdentity(f))
	require.NoError(t, err)
	env := NewScope("environment", rs.Merge(f.Values))
	env.Set("tld", "eu") // --env-var tld=eu
	rs.Snapshot(env.Variables())
	env.SetNative("envID", "env-1")
	env.SetNative("count", 2.0)
	env.SetNative("token", "Bearer resolved-secret")
	env.Unset("stale")
	dropped, err := rs.Finish(env.Variables(), func(v string) bool { return strings.Contains(v, "resolved-secret") }, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"token"}, dropped)

	rs2, err := st.BeginRun(FileIdentity(f))
	require.NoError(t, err)
	env2 := NewScope("environment", rs2.Merge(f.Values))
	assert.Equal(t, []Variable{
		{Key: "tld", Value: "com"},
		{Key: "envID", Value: "env-1"},
		{Key: "count", Value: "2", Type: TypeNumber},
	}, env2.Variables())
	// Nothing changed in the second run: nothing is written.
	p := st.Path(FileIdentity(f))
	fi, err := os.Stat(p)
	require.NoError(t, err)
	_, err = rs2.Finish(env2.Variables(), nil, nil)
	require.NoError(t, err)
	fi2, _ := os.Stat(p)
	assert.Equal(t, fi.ModTime(), fi2.ModTime())
}

// TestWithoutSecretsNames: a variable whose name isSecretName flags is
// dropped whatever its value; names are checked apart from values.
func TestWithoutSecretsNames(t *testing.T) {
	t.Parallel()
	ch := Changes{Set: []Entry{{Key: "S3cretName-9", Value: "v"}, {Key: "ok", Value: "S3cretName-9"}, {Key: "kept", Value: "x"}}}
	isName := func(k string) bool { return k == "S3cretName-9" }
	got, dropped := ch.WithoutSecrets(nil, isName)
	assert.Equal(t, []string{"S3cretName-9"}, dropped)
	assert.Equal(t, []Entry{{Key: "ok", Value: "S3cretName-9"}, {Key: "kept", Value: "x"}}, got.Set)
}
