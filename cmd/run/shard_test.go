package run

import (
	"strings"
	"testing"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/suite"
)

func TestParseShard(t *testing.T) {
	t.Parallel()
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	tests := []struct {
		flag, indexEnv string
		env            map[string]string
		want           *suite.Shard
		wantErr        string
	}{
		{flag: "", want: nil},
		{flag: "2/4", want: &suite.Shard{Index: 2, Count: 4}},
		{flag: " 1 / 1", want: &suite.Shard{Index: 1, Count: 1}},
		{flag: "4", indexEnv: "JOB_COMPLETION_INDEX", env: map[string]string{"JOB_COMPLETION_INDEX": "0"}, want: &suite.Shard{Index: 1, Count: 4}},
		{flag: "4", indexEnv: "JOB_COMPLETION_INDEX", env: map[string]string{"JOB_COMPLETION_INDEX": "3"}, want: &suite.Shard{Index: 4, Count: 4}},
		{flag: "4", indexEnv: "JOB_COMPLETION_INDEX", env: map[string]string{"JOB_COMPLETION_INDEX": "4"}, wantErr: "--shard: shard 5/4: want K/N with 1 <= K <= N"},
		{flag: "4", indexEnv: "IDX", wantErr: "--shard-index-env IDX: the variable is not set"},
		{flag: "4", indexEnv: "IDX", env: map[string]string{"IDX": "two"}, wantErr: `--shard-index-env IDX="two": not a number`},
		{flag: "0/4", wantErr: "want K/N with 1 <= K <= N"},
		{flag: "5/4", wantErr: "want K/N with 1 <= K <= N"},
		{flag: "a/4", wantErr: `K "a" is not a number`},
		{flag: "4", wantErr: "write K/N (e.g. --shard 2/4), or N with --shard-index-env NAME"},
		{flag: "2/4", indexEnv: "IDX", wantErr: "gives the index and so does --shard-index-env IDX"},
		{flag: "", indexEnv: "IDX", wantErr: "--shard-index-env needs --shard N"},
	}
	for _, tt := range tests {
		got, err := parseShard(tt.flag, tt.indexEnv, env(tt.env))
		switch {
		case tt.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || cmdutil.ExitCodeOf(err) != cmdutil.ExitUsage {
				t.Errorf("parseShard(%q, %q) = %v, %v; want a usage error containing %q", tt.flag, tt.indexEnv, got, err, tt.wantErr)
			}
		case err != nil:
			t.Errorf("parseShard(%q, %q): %v", tt.flag, tt.indexEnv, err)
		case (got == nil) != (tt.want == nil) || (got != nil && *got != *tt.want):
			t.Errorf("parseShard(%q, %q) = %+v, want %+v", tt.flag, tt.indexEnv, got, tt.want)
		}
	}
}
