package jsonreport

import (
	"strings"
	"testing"
)

func shardReport(k, n int, by string) *Report {
	r := &Report{}
	if k > 0 {
		r.Run.Shard = &Shard{Index: k, Count: n, By: by}
	}
	r.Run.Executions = []Execution{{Cursor: Cursor{Iteration: k, Ref: "r" + string(rune('0'+k))}, Item: Item{Name: "item"}}}
	r.Run.Stats.Iterations = Stat{Total: 1}
	return r
}

func TestMergeChecksTheShardSet(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		reports []*Report
		wantErr string
	}{
		{"none", nil, "no reports"},
		{"missing", []*Report{shardReport(1, 3, ByIteration), shardReport(3, 3, ByIteration)}, "shards [2] of 3 are missing"},
		{"repeated", []*Report{shardReport(1, 2, ByIteration), shardReport(1, 2, ByIteration)}, "are both shard 1/2"},
		{"other run", []*Report{shardReport(1, 2, ByIteration), shardReport(2, 3, ByIteration)}, "merge the reports of one sharded run"},
		{"other split", []*Report{shardReport(1, 2, ByIteration), shardReport(2, 2, ByItem)}, "merge the reports of one sharded run"},
		{"not a shard", []*Report{shardReport(1, 2, ByIteration), shardReport(0, 0, "")}, "b.json is not a shard's report"},
		// A report that is not what courier writes: refused by name, not
		// merged, and never a list (or allocation) of count entries.
		{"huge count", []*Report{shardReport(1, 1_000_000, ByIteration)}, "shards [2 3 4 5 6 7 8 9 10 11 …] (and 999989 more) of 1000000 are missing"},
		{"negative", []*Report{shardReport(1, 2, ByIteration), {Run: Run{Shard: &Shard{Index: -5, Count: -1, By: ByIteration}}}}, `b.json: run.shard is -5/-1 by "iteration"`},
		{"index past count", []*Report{shardReport(1, 2, ByIteration), shardReport(9, 2, ByIteration)}, "b.json: run.shard is 9/2"},
		{"index zero", []*Report{{Run: Run{Shard: &Shard{Index: 0, Count: 2, By: ByIteration}}}}, "a.json: run.shard is 0/2"},
		{"unknown split", []*Report{shardReport(1, 1, "weird")}, `a.json: run.shard is 1/1 by "weird"`},
	}
	for _, tt := range tests {
		_, err := Merge(tt.reports, []string{"a.json", "b.json"})
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%s: %v, want an error containing %q", tt.name, err, tt.wantErr)
		}
	}
}

func TestMergeOrdersAndCounts(t *testing.T) {
	t.Parallel()
	m, err := Merge([]*Report{shardReport(2, 2, ByIteration), shardReport(1, 2, ByIteration)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Run.Executions) != 2 || m.Run.Executions[0].Cursor.Iteration != 1 || m.Run.Stats.Iterations.Total != 2 {
		t.Errorf("merged by iteration: %+v", m.Run)
	}
	if c := m.Run.Executions[1].Cursor; c.Cycles != 3 || c.Position != 0 {
		t.Errorf("cursor %+v", c)
	}
	m, err = Merge([]*Report{shardReport(2, 2, ByItem), shardReport(1, 2, ByItem)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if m.Run.Stats.Iterations.Total != 1 {
		t.Errorf("merged by item: every shard ran the one iteration, got %d", m.Run.Stats.Iterations.Total)
	}
}
