package report_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/runner/report/jsonreport"
)

// writeShards writes the demo report as the n shards of a run into dir.
func writeShards(t *testing.T, dir string, n int) {
	t.Helper()
	for k := 1; k <= n; k++ {
		rep, err := jsonreport.ReadFile(demo)
		if err != nil {
			t.Fatal(err)
		}
		if n > 1 {
			rep.Run.Shard = &jsonreport.Shard{Index: k, Count: n, By: jsonreport.ByIteration}
		}
		var buf bytes.Buffer
		if err := rep.Write(&buf); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "shard-"+string(rune('0'+k))+".json"), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Merging into the shards' own folder can be repeated: the output of the
// last merge and earlier merges under other names are skipped with a note,
// and every merge writes the same report.
func TestMergeIntoTheShardsFolderAgain(t *testing.T) {
	t.Parallel()
	demoRep, err := jsonreport.ReadFile(demo)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		shards int // 1: plain reports, no run.shard
	}{
		{"shards", 3},
		{"reports without shards", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			writeShards(t, dir, tc.shards)
			if tc.shards == 1 {
				data, _ := os.ReadFile(filepath.Join(dir, "shard-1.json"))
				if err := os.WriteFile(filepath.Join(dir, "shard-2.json"), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			out := filepath.Join(dir, "run.json")
			// as a shell expands shards/*.json once run.json is there
			listed, err := filepath.Glob(filepath.Join(dir, "shard-*.json"))
			if err != nil {
				t.Fatal(err)
			}
			listed = append([]string{out}, listed...)
			var first []byte
			for i, tt := range []struct {
				args []string
				note string
			}{
				{[]string{dir}, ""},
				{[]string{dir}, "note: skipping " + out + ": it is this merge's output (-o " + out + ")"},
				{listed, "it is this merge's output"},
				// an earlier merge kept under another name
				{[]string{dir}, "note: skipping " + filepath.Join(dir, "old.json") + ": it is an earlier merge (of "},
			} {
				if i == 3 {
					if err := os.WriteFile(filepath.Join(dir, "old.json"), first, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				code, _, stderr := courier(t, "", append(append([]string{"report", "merge"}, tt.args...), "-o", out, "-x")...)
				if code != 0 || !strings.Contains(stderr, tt.note) {
					t.Fatalf("merge %d: exit %d, stderr %q; want 0 and %q", i+1, code, stderr, tt.note)
				}
				got, err := os.ReadFile(out)
				if err != nil {
					t.Fatal(err)
				}
				if i == 0 {
					first = got
				} else if !bytes.Equal(got, first) {
					t.Fatalf("merge %d wrote another report than the first:\n%s\nfirst:\n%s", i+1, stderr, first)
				}
			}
			merged, err := jsonreport.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			n := max(tc.shards, 2)
			if merged.Run.Stats.Requests.Total != n*demoRep.Run.Stats.Requests.Total || len(merged.Run.Executions) != n*len(demoRep.Run.Executions) {
				t.Errorf("merged %d requests, %d executions; want %d shards' worth", merged.Run.Stats.Requests.Total, len(merged.Run.Executions), n)
			}
			if m := merged.Run.Merged; m == nil || m.Reports != n || (tc.shards > 1 && (m.Shards != n || m.By != jsonreport.ByIteration)) {
				t.Errorf("run.merged = %+v", m)
			}
		})
	}
}

// A merged report alone renders again as it is; several merged reports,
// or only the output itself, are refused with what to do.
func TestMergeOfMerges(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeShards(t, dir, 2)
	run := filepath.Join(dir, "run.json")
	if code, _, stderr := courier(t, "", "report", "merge", dir, "-o", run, "-x"); code != 0 {
		t.Fatalf("merge: exit %d\n%s", code, stderr)
	}
	again := filepath.Join(t.TempDir(), "again.json")
	xml := filepath.Join(t.TempDir(), "run.xml")
	if code, _, stderr := courier(t, "", "report", "merge", run, "-o", again, "--junit", xml, "-x"); code != 0 {
		t.Fatalf("merging the merge alone: exit %d\n%s", code, stderr)
	}
	a, _ := os.ReadFile(run)
	b, _ := os.ReadFile(again)
	if !bytes.Equal(a, b) {
		t.Errorf("the merge of a merged report differs from it")
	}
	if x, err := os.ReadFile(xml); err != nil || !strings.Contains(string(x), "<testsuites") {
		t.Errorf("JUnit of the merged report: %v\n%s", err, x)
	}
	other := filepath.Join(dir, "other.json")
	if err := os.WriteFile(other, a, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{run, other, "-o", again}, run + " is already the merge of 2 shards, split by iteration: merge the shards' own reports, without it"},
		{[]string{run, "-o", run}, "nothing to merge: the only report given is this merge's own output"},
	} {
		code, _, stderr := courier(t, "", append([]string{"report", "merge"}, tt.args...)...)
		if code != cmdutil.ExitInput || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, stderr, cmdutil.ExitInput, tt.want)
		}
	}
}
