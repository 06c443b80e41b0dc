package suite

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/courier-run/courier/environments"
)

// isolation names the flag that keeps this run away from the current-value
// store ("" when the run reads and writes it). The local echo server starts
// empty each run, so values an earlier run stored mean nothing to it. The
// local PingOne keeps its tenant between runs, and runs against it keep
// their current values in a store of their own (openStore), so they chain
// without touching the values kept for the real service.
func (s *Suite) isolation() string {
	switch {
	case s.o.Fresh:
		return "--fresh"
	case s.o.LocalPingOne:
		return "" // its own store, beside the tenant that persists with it
	case s.o.LocalEcho:
		return "--local-echo"
	}
	return ""
}

// beginStored opens id's current values for a run: the RunState to
// persist through (nil when the run is isolated from the store), after
// saying what the run starts from.
func (s *Suite) beginStored(st *environments.Store, id environments.Identity, file string) *environments.RunState {
	rs, err := st.BeginRun(id)
	if err != nil {
		s.o.warnf("warning: current values of %s not read: %v\n", id.Name, err)
		return nil
	}
	cur := rs.Current
	what := describeSet(id, file)
	if flag := s.isolation(); flag != "" {
		if cur.Len() > 0 {
			s.notef("note: %s: not using the %s stored for %s (in %s)\n",
				flag, plural(cur.Len(), "current value"), what, st.Path(id))
		}
		return nil
	}
	if cur.Len() == 0 {
		return rs
	}
	reset := "courier env reset " + file
	if id.Kind == "collection" {
		reset = "delete that file" // courier env edits environments and globals only
	}
	if s.o.LocalPingOne {
		reset = "--reset-local-pingone (a new local tenant too)"
	}
	s.notef("note: %s: starting from %s stored by earlier runs or courier env set: %s\n"+
		"      in %s%s\n"+
		"      to start from the file instead: --fresh (this run only), or %s (for good)\n",
		what, plural(cur.Len(), "current value"), names(cur), st.Path(id), updated(cur), reset)
	s.warnSharedID(id, cur, file)
	return rs
}

// warnSharedID says when another file with the same id last wrote these
// values: a copied environment shares current values with its original.
func (s *Suite) warnSharedID(id environments.Identity, cur *environments.Current, file string) {
	if id.ID == "" || cur.LastPath == "" || cur.LastPath == id.Path || strings.Contains(cur.LastPath, "://") {
		return
	}
	other, err := environments.LoadFile(cur.LastPath)
	if err != nil || other.ID != id.ID {
		return // moved or gone: the same environment, found at a new path
	}
	s.o.warnf("warning: %s and %s share the id %s, so they share current values:\n"+
		"         these were stored by a run with %s. If they are different environments, give one a new \"id\".\n",
		file, cur.LastPath, id.ID, cur.LastPath)
}

// noteIsolated says, once, that an isolated run keeps nothing.
func (s *Suite) noteIsolated() {
	flag := s.isolation()
	if flag == "" || (s.o.Environment == nil && s.o.Globals == nil) || s.o.NoPersist {
		return
	}
	why := ""
	if flag != "--fresh" {
		why = "\n      (a local server starts empty each time: run collections that build on each other in one courier run)"
	}
	s.notef("note: %s: values this run sets are not kept as current values%s\n", flag, why)
}

// notef prints a note unless the run is silent.
func (s *Suite) notef(f string, a ...any) {
	if !s.o.Silent {
		s.o.warnf(f, a...)
	}
}

func describeSet(id environments.Identity, file string) string {
	switch id.Kind {
	case "collection":
		return fmt.Sprintf("collection %q", id.Name)
	case "globals":
		return "globals " + file
	}
	return file
}

func names(cur *environments.Current) string {
	var ks []string
	for _, e := range cur.Entries() {
		ks = append(ks, e.Key)
	}
	if len(ks) > 6 {
		return strings.Join(ks[:6], ", ") + fmt.Sprintf(" and %d more", len(ks)-6)
	}
	return strings.Join(ks, ", ")
}

func updated(cur *environments.Current) string {
	if cur.Updated.IsZero() {
		return ""
	}
	return " (last written " + cur.Updated.UTC().Format("2006-01-02 15:04 UTC") + ")"
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// displayPath is how a file is named in notes: as given, else relative to
// the working directory when that is shorter.
func displayPath(p string) string {
	if p == "" || strings.Contains(p, "://") || !filepath.IsAbs(p) {
		return p
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, p); err == nil && len(rel) < len(p) && !strings.HasPrefix(rel, "..") {
			return rel
		}
	}
	return p
}
