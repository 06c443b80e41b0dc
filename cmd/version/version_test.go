package version

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/internal/buildinfo"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func TestVersionGolden(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		info buildinfo.Info
	}{
		{"release", buildinfo.Info{Version: "v1.2.3", Commit: "0123456789abcdef", Date: "2026-12-04T23:00:00Z",
			GoVersion: "go1.26.8", Platform: "linux/amd64", Runtime: "postman-runtime 7.39.1 (as Newman 6.2.2)"}},
		{"clone_modified", buildinfo.Info{Version: "dev", Commit: "0123456789abcdef", Modified: true,
			GoVersion: "go1.26.8", Platform: "darwin/arm64", Runtime: "postman-runtime 7.39.1 (as Newman 6.2.2)"}},
		{"unknown_commit", buildinfo.Info{Version: "dev", GoVersion: "go1.26.8", Platform: "windows/amd64",
			Runtime: "postman-runtime 7.39.1 (as Newman 6.2.2)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var out bytes.Buffer
			cmd := NewCmdVersion(&cmdutil.IOStreams{Out: &out, ErrOut: &out}, tt.info)
			cmd.SetArgs([]string{})
			require.NoError(t, cmd.Execute())
			p := filepath.Join("..", "..", "testdata", "golden", "version", tt.name+".golden")
			if *update {
				require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
				require.NoError(t, os.WriteFile(p, out.Bytes(), 0o644))
			}
			want, err := os.ReadFile(p)
			require.NoError(t, err, "run with -update to create it")
			assert.Equal(t, string(want), out.String())
		})
	}
}
