// Package testenv lets a test skip for something this machine lacks (the
// ../shared corpus, a Secret Service) and still say so when go test runs
// without -v: go test then prints only "ok" for a passing package and hides
// every skip message, so a fresh clone would not know what did not run.
//
// A package whose tests may skip calls Main from its TestMain; each skip goes
// through Skip (or Shared, or Keyring) and is summarised once, after the run,
// on the terminal (or in the file named by COURIER_SKIP_LOG, as CI does).
package testenv

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

var (
	mu      sync.Mutex
	skipped = map[string][]string{} // reason → test names
)

// Skip skips t, remembering the reason for the package's summary.
func Skip(t testing.TB, reason string) {
	t.Helper()
	mu.Lock()
	skipped[reason] = append(skipped[reason], t.Name())
	mu.Unlock()
	t.Skip(reason)
}

// Shared returns rel's path inside ../shared (the directory beside the
// module root that holds the corpus and the reference tools), or skips t
// when it is absent.
func Shared(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(sharedRoot(), filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		Skip(t, "../shared/"+strings.SplitN(rel, "/", 2)[0]+" is absent (it sits beside the clone in CI)")
	}
	return p
}

// Keyring skips a test that needs a real OS keyring, or fails it when
// COURIER_REQUIRE_KEYRING=1 (CI sets it, so keyring tests cannot silently
// skip there).
func Keyring(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("COURIER_REQUIRE_KEYRING") == "1" {
		t.Fatal("no usable Secret Service: " + why + " (COURIER_REQUIRE_KEYRING=1)")
	}
	Skip(t, "no usable Secret Service (run under dbus-run-session with gnome-keyring, as .ci/run does)")
}

// Main runs the package's tests, then reports what skipped. The machine's
// proxy variables are cleared first (clearProxies).
func Main(m *testing.M) int {
	clearProxies()
	code := m.Run()
	if lines := summary(packageName()); len(lines) > 0 {
		report(lines)
	}
	return code
}

func summary(pkg string) []string {
	mu.Lock()
	defer mu.Unlock()
	reasons := make([]string, 0, len(skipped))
	for r := range skipped {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	var lines []string
	for _, r := range reasons {
		names := skipped[r]
		sort.Strings(names)
		list := strings.Join(names, ", ")
		if len(names) > 3 {
			list = strings.Join(names[:3], ", ") + ", ..."
		}
		lines = append(lines, fmt.Sprintf("skipped in %s: %d test(s), %s: %s", pkg, len(names), r, list))
	}
	return lines
}

// report writes to COURIER_SKIP_LOG when set, else to the terminal: go test
// keeps a passing package's stdout and stderr to itself.
func report(lines []string) {
	text := strings.Join(lines, "\n") + "\n"
	if path := os.Getenv("COURIER_SKIP_LOG"); path != "" {
		if f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644); err == nil {
			fmt.Fprint(f, text)
			f.Close()
			return
		}
	}
	if !testing.Verbose() {
		if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
			fmt.Fprint(tty, text)
			tty.Close()
			return
		}
	}
	fmt.Fprint(os.Stderr, text)
}

// moduleRoot is the nearest directory above the test's working directory
// (its package directory) holding go.mod.
func moduleRoot() string {
	dir, err := os.Getwd()
	if err != nil {
		return "."
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}

func sharedRoot() string { return filepath.Join(moduleRoot(), "..", "shared") }

func packageName() string {
	dir, err := os.Getwd()
	if err != nil {
		return "?"
	}
	rel, err := filepath.Rel(moduleRoot(), dir)
	if err != nil {
		return dir
	}
	return "./" + filepath.ToSlash(rel)
}

// proxyVars are the variables courier takes a proxy from
// (internal/proxyenv).
var proxyVars = []string{"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy"}

// clearProxies unsets the machine's proxy variables: courier follows them
// as postman-request does, loopback hosts included (net/http's rules left
// those direct), so a machine with HTTP_PROXY set would send the tests'
// requests to their own 127.0.0.1 servers through it. Tests of proxies
// give theirs through runner.Options.ProxyEnv or the command's Env.
func clearProxies() {
	for _, name := range proxyVars {
		os.Unsetenv(name)
	}
}
