package run

import (
	"fmt"
	"slices"
	"strings"

	"github.com/courier-run/courier/suite"
)

// overallLine is the verdict of a run of several collections, printed
// after their tables so the last line says how the whole run went and why
// courier exits as it does. total counts the collections asked for (some
// may not have run after an aborted one).
func overallLine(res *suite.Result, total int, suppressExit bool) string {
	var passed int
	var failed []string
	var requests, assertions, failedAssertions, failures int
	for _, c := range res.Collections {
		ok := c.Err == nil && (c.Summary == nil || !c.Summary.Failed())
		if ok {
			passed++
		} else {
			failed = append(failed, fmt.Sprintf("%q", c.Name))
		}
		if s := c.Summary; s != nil {
			requests += s.Requests.Total
			assertions += s.Assertions.Total
			failedAssertions += s.Assertions.Failed
			failures += len(s.Failures)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d collections: %d passed", total, passed)
	if len(failed) > 0 {
		fmt.Fprintf(&b, ", %d failed (%s)", len(failed), strings.Join(failed, ", "))
	}
	if notRun := total - len(res.Collections); notRun > 0 {
		fmt.Fprintf(&b, ", %d not run", notRun)
	}
	fmt.Fprintf(&b, "; %s, %s", count(requests, "request"), count(assertions, "assertion"))
	if failedAssertions > 0 {
		fmt.Fprintf(&b, " (%d failed)", failedAssertions)
	}
	if other := failures - failedAssertions; other > 0 {
		fmt.Fprintf(&b, ", %s", count(other, "other failure"))
	}
	switch {
	case !res.Failed() && len(res.Collections) == total:
		b.WriteString(". Exit code 0.")
	case suppressExit:
		b.WriteString(". Exit code 0 (--suppress-exit-code).")
	default:
		b.WriteString(". Exit code 1.")
	}
	return b.String()
}

func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// showsOverall reports whether the run prints the overall line: several
// collections, and a reporter on the terminal that prints summaries.
func showsOverall(o *Options, collections int) bool {
	if collections < 2 || o.Silent || o.Reporter.CLISilent || o.Reporter.CLINoSummary {
		return false
	}
	return slices.Contains(o.Reporters, "cli") || slices.Contains(o.Reporters, "progress")
}
