package buildinfo

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// The release configuration stamps this package's variables: a rename here
// would leave every release saying "dev". It also keeps the promises the
// README makes of releases (static, six targets).
func TestGoReleaserConfigStampsThisPackage(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile(filepath.Join("..", "..", ".goreleaser.yaml"))
	require.NoError(t, err)
	var cfg struct {
		Version int `yaml:"version"`
		Builds  []struct {
			Main    string   `yaml:"main"`
			Env     []string `yaml:"env"`
			Goos    []string `yaml:"goos"`
			Goarch  []string `yaml:"goarch"`
			Flags   []string `yaml:"flags"`
			Ldflags []string `yaml:"ldflags"`
		} `yaml:"builds"`
	}
	require.NoError(t, yaml.Unmarshal(raw, &cfg))
	assert.Equal(t, 2, cfg.Version)
	require.Len(t, cfg.Builds, 1)
	b := cfg.Builds[0]
	assert.Equal(t, "./cmd/courier", b.Main)
	assert.Contains(t, b.Env, "CGO_ENABLED=0")
	assert.ElementsMatch(t, []string{"linux", "darwin", "windows"}, b.Goos)
	assert.ElementsMatch(t, []string{"amd64", "arm64"}, b.Goarch)
	assert.Contains(t, b.Flags, "-trimpath")
	ld := strings.Join(b.Ldflags, " ")
	const pkg = "github.com/courier-run/courier/internal/buildinfo"
	for _, v := range []string{"version={{.Version}}", "commit={{.FullCommit}}", "date={{.CommitDate}}"} {
		assert.Contains(t, ld, "-X "+pkg+"."+v)
	}
	// The variables exist, and from() prefers them over the toolchain's.
	in := from(nil, "v9.9.9", "abc", "2026-01-02T03:04:05Z")
	assert.Equal(t, Info{Version: "v9.9.9", Commit: "abc", Date: "2026-01-02T03:04:05Z",
		GoVersion: in.GoVersion, Platform: in.Platform, Runtime: in.Runtime}, in)
	_ = []*string{&version, &commit, &date} // the -X targets exist: renaming one breaks this build
}
