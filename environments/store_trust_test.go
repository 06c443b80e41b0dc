//go:build unix

package environments

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func saveOne(st *Store, f *File) error {
	return st.Save(f, Changes{Set: []Entry{{Key: "host", Value: "https://api.example.com"}}})
}

func TestStoreCreatesPrivateDirectories(t *testing.T) {
	t.Parallel()
	state := filepath.Join(t.TempDir(), "state")
	st := OpenStore(state)
	require.NoError(t, saveOne(st, &File{ID: "e1"}))
	for _, d := range []string{state, st.Dir} {
		fi, err := os.Stat(d)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o700), fi.Mode().Perm(), d)
	}
	fi, err := os.Stat(st.Path(FileIdentity(&File{ID: "e1"})))
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
}

func TestStoreRefusesOthersWritableDirectory(t *testing.T) {
	t.Parallel()
	for _, which := range []string{"state", "environments"} {
		t.Run(which, func(t *testing.T) {
			t.Parallel()
			state := filepath.Join(t.TempDir(), "state")
			st := OpenStore(state)
			require.NoError(t, saveOne(st, &File{ID: "e1"}))
			dir := state
			if which == "environments" {
				dir = st.Dir
			}
			require.NoError(t, os.Chmod(dir, 0o777))
			err := saveOne(st, &File{ID: "e1"})
			require.Error(t, err)
			assert.Contains(t, err.Error(), "can be written by other users")
			assert.Contains(t, err.Error(), "chmod 700 "+dir)
			_, err = st.Load(&File{ID: "e1"})
			require.Error(t, err, "values in an others-writable directory are not read either")
		})
	}
}

func TestStoreNeverFollowsLinks(t *testing.T) {
	t.Parallel()
	t.Run("lock file", func(t *testing.T) {
		t.Parallel()
		st := OpenStore(t.TempDir())
		id := FileIdentity(&File{ID: "e1"})
		require.NoError(t, os.MkdirAll(st.Dir, 0o700))
		target := filepath.Join(t.TempDir(), "created-by-courier")
		require.NoError(t, os.Symlink(target, st.Path(id)+".lock"))
		err := saveOne(st, &File{ID: "e1"})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "symbolic link")
		assert.NoFileExists(t, target, "the link's target is never created")
	})
	t.Run("store file", func(t *testing.T) {
		t.Parallel()
		st := OpenStore(t.TempDir())
		id := FileIdentity(&File{ID: "e1"})
		require.NoError(t, os.MkdirAll(st.Dir, 0o700))
		planted := filepath.Join(t.TempDir(), "planted.json")
		require.NoError(t, os.WriteFile(planted, []byte(`{"courier_state":1,"values":[{"key":"host","value":"https://evil.example"}]}`), 0o600))
		require.NoError(t, os.Symlink(planted, st.Path(id)))
		_, err := st.Load(&File{ID: "e1"})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "symbolic link")
	})
}

func TestStoreRefusesFilesItDidNotWrite(t *testing.T) {
	t.Parallel()
	st := OpenStore(t.TempDir())
	f := &File{ID: "e1"}
	require.NoError(t, saveOne(st, f))
	path := st.Path(FileIdentity(f))

	require.NoError(t, os.Chmod(path, 0o666))
	_, err := st.Load(f)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "can be written by other users")
	require.NoError(t, os.Chmod(path, 0o600))

	if os.Geteuid() != 0 {
		t.Skip("giving a file to another user needs root")
	}
	require.NoError(t, os.Chown(path, 65534, 65534))
	_, err = st.Load(f)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "belongs to another user")
	assert.Error(t, saveOne(st, f), "nor is it updated")
}
