package root

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestRunErrorEndsWithBlankLine: Newman 6.2.2 follows a failed run's
// "error: …" on stderr with a blank line (recorded three times under
// unshare -n: "error: boom\n\n" for --bail folder, the same after its
// loading errors and "callback timed out"); courier's run does too, and
// other commands keep their one line.
func TestRunErrorEndsWithBlankLine(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bail := writeFile(t, dir, "b.json", `{"info":{"name":"b"},"item":[{"name":"x","request":"http://127.0.0.1:1/x",
 "event":[{"listen":"prerequest","script":{"exec":"throw new Error('boom')"}}]}]}`)
	missing := filepath.Join(dir, "none.json")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"--bail folder", []string{"run", bail, "--bail", "folder"}, "error: boom\n\n"},
		{"missing collection", []string{"run", missing}, "no such file or directory\n\n"},
		{"other command", []string{"convert", missing, filepath.Join(dir, "out.json")}, "no such file or directory\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, _, errOut := execute(t, tt.args...)
			assert.True(t, strings.HasSuffix(errOut, tt.want), "stderr %q, want it to end %q", errOut, tt.want)
			assert.False(t, strings.HasSuffix(errOut, "\n\n\n"))
		})
	}
}
