package pingone

import (
	"regexp"
	"sync"
)

// lazyRegexp is a regular expression compiled on first use. This package is
// linked into every courier command, so patterns compiled at package
// initialisation would cost every `courier run` their compile time (about
// as much as the rest of the package's start-up) for a server it rarely
// starts.
type lazyRegexp struct {
	once sync.Once
	src  string
	re   *regexp.Regexp
}

func newLazyRegexp(src string) *lazyRegexp { return &lazyRegexp{src: src} }

func (l *lazyRegexp) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.src) })
	return l.re
}

func (l *lazyRegexp) MatchString(s string) bool { return l.get().MatchString(s) }

func (l *lazyRegexp) FindStringSubmatch(s string) []string { return l.get().FindStringSubmatch(s) }

func (l *lazyRegexp) FindAllStringSubmatch(s string, n int) [][]string {
	return l.get().FindAllStringSubmatch(s, n)
}

func (l *lazyRegexp) ReplaceAllStringFunc(s string, f func(string) string) string {
	return l.get().ReplaceAllStringFunc(s, f)
}
