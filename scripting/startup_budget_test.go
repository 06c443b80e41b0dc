package scripting

import (
	"strconv"
	"strings"
	"testing"
)

// startupCodeBudget bounds the JavaScript every run compiles before its
// first script: the bootstrap and its eager parts, in bytes of lines that
// are not only a comment. Compiling costs ~0.06 ms of CPU per KB on every
// run, on a one-request run's critical path (issue 12's target: a
// one-request run <= 15 ms; docs/performance.md, "Start-up"). On 2026-12-05
// it grew from 99 to 114 KB in 35 minutes; the newer built-ins then moved to
// a part (js/parts/builtins.js), leaving 104 KB; TextEncoder's and
// TextDecoder's code then moved to js/parts/text-codec.js and what rewritten
// scripts call (async generators, regular expression literals) to
// js/parts/rewrites.js, leaving 97.4 KB.
const startupCodeBudget = 101_500

// TestStartupCodeBudget keeps the code compiled at start-up within its
// budget, so that features few scripts use go into parts (compiled on first
// use) rather than into every run's start-up.
func TestStartupCodeBudget(t *testing.T) {
	t.Parallel()
	names, srcs := []string{"js/bootstrap.js"}, []string{bootstrapSource}
	for _, name := range eagerParts {
		src, err := partFiles.ReadFile("js/parts/" + name + ".js")
		if err != nil {
			t.Fatal(err)
		}
		names, srcs = append(names, "js/parts/"+name+".js"), append(srcs, string(src))
	}
	total := 0
	var sizes []string
	for i, src := range srcs {
		n := codeBytes(src)
		total += n
		sizes = append(sizes, names[i]+" "+strconv.Itoa(n))
	}
	if total > startupCodeBudget {
		t.Errorf("the bootstrap and its eager parts hold %d bytes of code (%s), over the budget of %d: every run "+
			"compiles them before its first script (~0.06 ms of CPU per KB). Move code that few scripts reach into a "+
			"part (scripting/js/parts, see \"parts\" at the top of bootstrap.js), or raise startupCodeBudget with "+
			"bench/onerequest.sh figures in docs/performance.md", total, strings.Join(sizes, ", "), startupCodeBudget)
	}
}

// codeBytes counts the bytes of src's lines that are not only a comment.
func codeBytes(src string) int {
	n := 0
	for line := range strings.Lines(src) {
		if !strings.HasPrefix(strings.TrimSpace(line), "//") {
			n += len(line)
		}
	}
	return n
}
