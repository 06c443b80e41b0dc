package pingone

import (
	"regexp"
	"testing"
)

// TestLazyRegexpsCompile compiles every pattern the package defers, so a
// bad one fails here rather than on the first request that needs it.
func TestLazyRegexpsCompile(t *testing.T) {
	t.Parallel()
	for _, l := range []*lazyRegexp{activityTerm, appRoleNameRE, appActionRE, filterTerm, nameContains, regexpKeyFilter, exprPattern, phonePattern} {
		if _, err := regexp.Compile(l.src); err != nil {
			t.Errorf("%s: %v", l.src, err)
		}
	}
	if !appActionRE.MatchString("read_users") || appActionRE.MatchString("read users") {
		t.Error("appActionRE does not match as compiled")
	}
}
