package cmdutil

import (
	"errors"
	"testing"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/assert"
)

func TestSuggestFlag(t *testing.T) {
	t.Parallel()
	root := &cobra.Command{Use: "courier"}
	root.PersistentFlags().String("state-dir", "", "")
	run := &cobra.Command{Use: "run"}
	root.AddCommand(run)
	for _, f := range []string{"environment", "globals", "insecure", "reporters", "reporter-cli-silent", "reporter-json-export", "color"} {
		run.Flags().String(f, "", "")
	}
	run.Flags().String("secret-thing", "", "")
	_ = run.Flags().MarkHidden("secret-thing")
	tests := []struct{ in, want string }{
		{"unknown flag: --enviroment", "unknown flag: --enviroment (did you mean --environment?)"},
		{"unknown flag: --enviromnent", "unknown flag: --enviromnent (did you mean --environment?)"},
		{"unknown flag: --Environment", "unknown flag: --Environment (did you mean --environment?)"},
		{"unknown flag: --insecur=true", "unknown flag: --insecur=true (did you mean --insecure?)"},
		{"unknown flag: --reporter", "unknown flag: --reporter (did you mean --reporters?)"},
		{"unknown flag: --reporter-json", "unknown flag: --reporter-json (did you mean --reporter-json-export?)"},
		{"unknown flag: --stat-dir", "unknown flag: --stat-dir (did you mean --state-dir?)"},
		{"unknown flag: --secret-thin", "unknown flag: --secret-thin"},
		{"unknown flag: --zzz", "unknown flag: --zzz"},
		{"unknown shorthand flag: 'q' in -q", "unknown shorthand flag: 'q' in -q"},
		{"flag needs an argument: --color", "flag needs an argument: --color"},
	}
	// The subtests share one command: pflag sorts a flag set lazily on its
	// first visit, so running them in parallel races on that sort.
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, SuggestFlag(run, errors.New(tt.in)).Error())
		})
	}
}
