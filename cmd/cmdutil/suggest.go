package cmdutil

import (
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// SuggestFlag adds "did you mean --x?" to pflag's "unknown flag: --y"
// error when c has a flag whose name is a small edit away (cobra suggests
// commands, not flags). Other errors come back unchanged.
func SuggestFlag(c *cobra.Command, err error) error {
	msg := err.Error()
	const prefix = "unknown flag: --"
	if !strings.HasPrefix(msg, prefix) {
		return err
	}
	typed := strings.TrimPrefix(msg, prefix)
	if i := strings.IndexAny(typed, "= "); i >= 0 {
		typed = typed[:i]
	}
	if s := closestFlags(c, typed); len(s) > 0 {
		return fmt.Errorf("%s (did you mean --%s?)", msg, strings.Join(s, " or --"))
	}
	return err
}

// closestFlags returns c's flag names within a small edit distance of typed
// (or that it is a prefix of), closest first.
func closestFlags(c *cobra.Command, typed string) []string {
	type cand struct {
		name string
		d    int
	}
	var cands []cand
	seen := map[string]bool{}
	consider := func(f *pflag.Flag) {
		if f.Hidden || seen[f.Name] {
			return
		}
		seen[f.Name] = true
		d := distance(strings.ToLower(typed), f.Name)
		limit := 2
		if len(typed) <= 4 {
			limit = 1
		}
		if d <= limit || (len(typed) >= 3 && strings.HasPrefix(f.Name, typed)) {
			cands = append(cands, cand{f.Name, d})
		}
	}
	c.Flags().VisitAll(consider)
	c.InheritedFlags().VisitAll(consider)
	// Near misses win; prefixes ("--reporter-" for "--reporter-cli-silent")
	// only count when there is no near miss.
	var near []cand
	for _, c := range cands {
		if c.d <= 2 {
			near = append(near, c)
		}
	}
	if len(near) > 0 {
		cands = near
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].d != cands[j].d {
			return cands[i].d < cands[j].d
		}
		return cands[i].name < cands[j].name
	})
	var out []string
	for _, c := range cands {
		if len(out) == 3 {
			break
		}
		out = append(out, c.name)
	}
	return out
}

// distance is the Damerau-Levenshtein (optimal string alignment) distance:
// a swapped pair of letters counts as one edit, as in "--enviromnent".
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
