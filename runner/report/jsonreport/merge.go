package jsonreport

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Merge combines the reports of a sharded run into the report of the whole
// run: executions and failures in run order (iteration, then the
// collection's order), stats summed, timings recomputed, final variables
// merged key by key with the latest shard winning. Reports that record
// their shard (run.shard) are ordered by it, and a missing or repeated
// shard is an error; others keep the order given. names label the reports
// in errors.
func Merge(reports []*Report, names []string) (*Report, error) {
	if len(reports) == 0 {
		return nil, fmt.Errorf("no reports to merge")
	}
	for i, r := range reports {
		if r.Run.Merged == nil {
			continue
		}
		if len(reports) == 1 {
			// Merging a merge again changes nothing.
			out := *r
			return &out, nil
		}
		return nil, fmt.Errorf("%s is already the merge of %s: merge the shards' own reports, without it", reportName(names, i), r.Run.Merged)
	}
	order, by, err := shardOrder(reports, names)
	if err != nil {
		return nil, err
	}
	first := reports[order[0]]
	out := &Report{Collection: first.Collection, Environment: first.Environment, Globals: first.Globals}
	run := &out.Run
	run.Merged = &Merged{Reports: len(reports)}
	if s := first.Run.Shard; s != nil {
		run.Merged.Shards, run.Merged.By = s.Count, s.By
	}
	run.Executions, run.Failures = []Execution{}, []Failure{}
	for _, i := range order {
		r := reports[i]
		run.Executions = append(run.Executions, r.Run.Executions...)
		run.Failures = append(run.Failures, r.Run.Failures...)
		addStats(&run.Stats, r.Run.Stats)
		run.Transfers.ResponseTotal += r.Run.Transfers.ResponseTotal
		if run.Error == nil {
			run.Error = r.Run.Error
		}
		if run.Parallel == nil {
			run.Parallel = r.Run.Parallel
		}
		out.Environment.Values = mergeValues(out.Environment.Values, r.Environment.Values)
		out.Globals.Values = mergeValues(out.Globals.Values, r.Globals.Values)
		if out.Collection != nil && r.Collection != nil && r != first {
			c := *out.Collection
			c.Variable = mergeVariables(c.Variable, r.Collection.Variable)
			out.Collection = &c
		}
	}
	if by == ByItem {
		// Every shard ran the same iterations, each on part of the items.
		run.Stats.Iterations = Stat{}
		for _, i := range order {
			s := reports[i].Run.Stats.Iterations
			run.Stats.Iterations.Total = max(run.Stats.Iterations.Total, s.Total)
			run.Stats.Iterations.Failed = max(run.Stats.Iterations.Failed, s.Failed)
		}
	}
	// Item shards interleave within an iteration: put the run back in order.
	slices.SortStableFunc(run.Executions, func(a, b Execution) int { return cmp.Compare(a.Cursor.Iteration, b.Cursor.Iteration) })
	slices.SortStableFunc(run.Failures, func(a, b Failure) int { return cmp.Compare(a.Cursor.Iteration, b.Cursor.Iteration) })
	renumber(run)
	run.Timings = mergeTimings(reports, order, run.Executions)
	return out, nil
}

// shardOrder orders the reports by their shard, checking the set is whole.
func shardOrder(reports []*Report, names []string) ([]int, string, error) {
	order := make([]int, len(reports))
	for i := range order {
		order[i] = i
	}
	name := func(i int) string { return reportName(names, i) }
	var withShard []int
	for i, r := range reports {
		if r.Run.Shard != nil {
			withShard = append(withShard, i)
		}
	}
	if len(withShard) == 0 {
		return order, ByIteration, nil
	}
	if len(withShard) != len(reports) {
		i := slices.IndexFunc(reports, func(r *Report) bool { return r.Run.Shard == nil })
		return nil, "", fmt.Errorf("%s is not a shard's report (no run.shard) while %s is: merge the reports of one sharded run", name(i), name(withShard[0]))
	}
	s0 := reports[0].Run.Shard
	seen := map[int]int{}
	for i, r := range reports {
		s := r.Run.Shard
		// A hand-edited or foreign report must not make the merge list
		// (or allocate) billions of missing shards.
		if s.Count < 1 || s.Index < 1 || s.Index > s.Count || (s.By != ByIteration && s.By != ByItem) {
			return nil, "", fmt.Errorf("%s: run.shard is %d/%d by %q; a shard's report has 1 <= index <= count and by %q or %q (write it with courier run --shard K/N -r json)",
				name(i), s.Index, s.Count, s.By, ByIteration, ByItem)
		}
		if s.Count != s0.Count || s.By != s0.By {
			return nil, "", fmt.Errorf("%s is shard %d/%d by %s, %s is %d/%d by %s: merge the reports of one sharded run",
				name(i), s.Index, s.Count, s.By, name(0), s0.Index, s0.Count, s0.By)
		}
		if j, dup := seen[s.Index]; dup {
			return nil, "", fmt.Errorf("%s and %s are both shard %d/%d", name(j), name(i), s.Index, s.Count)
		}
		seen[s.Index] = i
	}
	if n := s0.Count - len(seen); n > 0 {
		// Name the first few missing shards; the count says the rest.
		const shown = 10
		var missing []int
		for k := 1; k <= s0.Count && len(missing) < shown; k++ {
			if _, ok := seen[k]; !ok {
				missing = append(missing, k)
			}
		}
		list := fmt.Sprint(missing)
		if n > shown {
			list = fmt.Sprintf("%s (and %d more)", strings.TrimSuffix(list, "]")+" …]", n-shown)
		}
		return nil, "", fmt.Errorf("shards %s of %d are missing: merge the reports of all %d shards", list, s0.Count, s0.Count)
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(reports[a].Run.Shard.Index, reports[b].Run.Shard.Index) })
	return order, s0.By, nil
}

func reportName(names []string, i int) string {
	if i < len(names) {
		return names[i]
	}
	return fmt.Sprintf("report %d", i+1)
}

// String says what was merged: "3 reports", "4 shards, split by iteration".
func (m *Merged) String() string {
	if m.Shards > 0 {
		return fmt.Sprintf("%d shards, split by %s", m.Shards, m.By)
	}
	return fmt.Sprintf("%d reports", m.Reports)
}

func addStats(a *Stats, b Stats) {
	add := func(x *Stat, y Stat) { x.Total += y.Total; x.Failed += y.Failed; x.Pending += y.Pending }
	add(&a.Assertions, b.Assertions)
	add(&a.Items, b.Items)
	add(&a.Iterations, b.Iterations)
	add(&a.PrerequestScripts, b.PrerequestScripts)
	add(&a.Prerequests, b.Prerequests)
	add(&a.Requests, b.Requests)
	add(&a.Scripts, b.Scripts)
	add(&a.TestScripts, b.TestScripts)
	add(&a.Tests, b.Tests)
}

// renumber gives the merged executions the cursors one run would have:
// positions counted within each iteration, and failures follow their
// execution.
func renumber(run *Run) {
	cycles, length := 0, 0
	pos := map[int]int{}
	byRef := map[string]Cursor{}
	for i := range run.Executions {
		c := &run.Executions[i].Cursor
		old := c.Ref
		c.Position = pos[c.Iteration]
		pos[c.Iteration]++
		cycles = max(cycles, c.Iteration+1)
		byRef[old] = *c
	}
	for _, n := range pos {
		length = max(length, n)
	}
	fix := func(c *Cursor) {
		c.Length, c.Cycles = length, cycles
		c.BOF, c.EOF = c.Position == 0, c.Position >= length-1
	}
	for i := range run.Executions {
		c := &run.Executions[i].Cursor
		fix(c)
		byRef[c.Ref] = *c
	}
	for i := range run.Failures {
		if c, ok := byRef[run.Failures[i].Cursor.Ref]; ok {
			run.Failures[i].Cursor = c
		}
	}
}

// mergeTimings recomputes the response times from the executions and
// pools the DNS and first-byte figures, weighting each shard by its
// responses.
func mergeTimings(reports []*Report, order []int, execs []Execution) Timings {
	var t Timings
	var times []float64
	for _, e := range execs {
		if e.Response != nil {
			times = append(times, e.Response.ResponseTime)
		}
	}
	t.ResponseAverage, t.ResponseMin, t.ResponseMax, t.ResponseSd = spread(times)
	type part struct{ n, avg, min, max, sd float64 }
	pool := func(parts []part) (avg, lo, hi, sd float64) {
		var n, sum float64
		for _, p := range parts {
			if p.n == 0 || p.avg == 0 {
				continue
			}
			if n == 0 || p.min < lo {
				lo = p.min
			}
			hi = max(hi, p.max)
			n += p.n
			sum += p.n * p.avg
		}
		if n == 0 {
			return 0, 0, 0, 0
		}
		avg = sum / n
		var ss float64
		for _, p := range parts {
			if p.n == 0 || p.avg == 0 {
				continue
			}
			ss += p.n * (p.sd*p.sd + (p.avg-avg)*(p.avg-avg))
		}
		return avg, lo, hi, math.Sqrt(ss / n)
	}
	var dns, fb []part
	for _, i := range order {
		r := reports[i]
		n := 0.0
		for _, e := range r.Run.Executions {
			if e.Response != nil {
				n++
			}
		}
		rt := r.Run.Timings
		dns = append(dns, part{n, rt.DNSAverage, rt.DNSMin, rt.DNSMax, rt.DNSSd})
		fb = append(fb, part{n, rt.FirstByteAverage, rt.FirstByteMin, rt.FirstByteMax, rt.FirstByteSd})
		if rt.Started != 0 && (t.Started == 0 || rt.Started < t.Started) {
			t.Started = rt.Started
		}
		t.Completed = max(t.Completed, rt.Completed)
	}
	t.DNSAverage, t.DNSMin, t.DNSMax, t.DNSSd = pool(dns)
	t.FirstByteAverage, t.FirstByteMin, t.FirstByteMax, t.FirstByteSd = pool(fb)
	return t
}

// spread is the mean, minimum, maximum and (population) standard deviation.
func spread(xs []float64) (avg, lo, hi, sd float64) {
	if len(xs) == 0 {
		return 0, 0, 0, 0
	}
	lo, hi = xs[0], xs[0]
	var sum float64
	for _, x := range xs {
		sum += x
		lo, hi = min(lo, x), max(hi, x)
	}
	avg = sum / float64(len(xs))
	var ss float64
	for _, x := range xs {
		ss += (x - avg) * (x - avg)
	}
	return avg, lo, hi, math.Sqrt(ss / float64(len(xs)))
}

// mergeValues sets b's values over a's, key by key (the later shard wins),
// keeping a's order and adding new keys after it.
func mergeValues(a, b []ScopeValue) []ScopeValue {
	out := slices.Clone(a)
	for _, v := range b {
		if i := slices.IndexFunc(out, func(x ScopeValue) bool { return x.Key == v.Key }); i >= 0 {
			out[i] = v
		} else {
			out = append(out, v)
		}
	}
	return out
}

func mergeVariables(a, b []Variable) []Variable {
	out := slices.Clone(a)
	for _, v := range b {
		if i := slices.IndexFunc(out, func(x Variable) bool { return x.Key == v.Key }); i >= 0 {
			out[i] = v
		} else {
			out = append(out, v)
		}
	}
	return out
}
