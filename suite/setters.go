package suite

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
)

// Bounds on the collections looked at beside a run's collection when a
// variable has no value: enough for a tutorial folder, cheap to load.
const (
	maxSiblingFiles = 200
	maxSiblingBytes = 8 << 20
)

// adviseSetters rewrites the fix of problems whose variable another
// collection's scripts set (pm.environment.set('x', …)): a later collection
// of this run, or a collection file beside this one. Such a value (a token,
// an id) comes from running that collection first, not from the vault or a
// hand-typed value. It returns the fix lines to print after the problems,
// one per collection to run first.
func (s *Suite) adviseSetters(coll *collections.Collection, probs []environments.Problem) []string {
	var open []*environments.Problem
	for i := range probs {
		switch probs[i].Kind {
		case environments.ProblemMissing, environments.ProblemEmpty:
			open = append(open, &probs[i])
		} // emptied, unset, disabled, null: the value itself is the problem
	}
	var setters setterNotes
	rest := s.setByLater(coll, open, &setters)
	s.setBySibling(coll, rest, &setters)
	return s.setterFixes(coll, setters)
}

// setterNotes gathers, per collection to run first (in the order first
// noted), the variables it sets.
type setterNotes struct {
	order []string
	names map[string][]string // collection to run first → the names it sets
}

func (n *setterNotes) note(by, name string) {
	if n.names == nil {
		n.names = map[string][]string{}
	}
	if _, ok := n.names[by]; !ok {
		n.order = append(n.order, by)
	}
	n.names[by] = append(n.names[by], "{{"+name+"}}")
}

// setByLater points each problem whose variable a later collection of this
// run sets at that collection, and returns the others.
func (s *Suite) setByLater(coll *collections.Collection, open []*environments.Problem, setters *setterNotes) []*environments.Problem {
	idx := -1
	for i, c := range s.o.Collections {
		if c == coll {
			idx = i
		}
	}
	if idx < 0 {
		return open
	}
	var rest []*environments.Problem
	for _, p := range open {
		found := false
		for _, later := range s.o.Collections[idx+1:] {
			if environments.ScriptSets(later)[p.Name] {
				p.Secret, p.Fix, found = false, "set by "+filepath.Base(collName(later))+", which runs later (fix below)", true
				setters.note("later:"+collName(later), p.Name)
				break
			}
		}
		if !found {
			rest = append(rest, p)
		}
	}
	return rest
}

// setBySibling points each problem at the collection file beside coll that
// sets its variable; of several, the one that sets the most of what is
// missing (the one the tutorial runs first).
func (s *Suite) setBySibling(coll *collections.Collection, rest []*environments.Problem, setters *setterNotes) {
	sibs := s.siblingsOf(coll)
	for _, p := range rest {
		best, bestScore := "", 0
		for _, sib := range sibs {
			if !sib.sets[p.Name] {
				continue
			}
			score := 0
			for _, q := range rest {
				if sib.sets[q.Name] {
					score++
				}
			}
			if score > bestScore {
				best, bestScore = sib.path, score
			}
		}
		if best != "" {
			p.Secret, p.Fix = false, "set by "+filepath.Base(best)+" (fix below)"
			setters.note(best, p.Name)
		}
	}
}

// setterFixes words one fix line per collection to run first.
func (s *Suite) setterFixes(coll *collections.Collection, setters setterNotes) []string {
	var fixes []string
	for _, by := range setters.order {
		names := strings.Join(setters.names[by], ", ")
		if later, ok := strings.CutPrefix(by, "later:"); ok {
			fixes = append(fixes, fmt.Sprintf("fix: %s sets %s but runs after %s: put it first", later, names, collName(coll)))
			continue
		}
		env := ""
		if f := s.o.Environment; f != nil && f.Source != "" {
			env = " -e " + displayPath(f.Source)
		}
		fixes = append(fixes, fmt.Sprintf("fix: %s sets %s; run it first, in the same run:\n     courier run %s %s%s (with your other flags)",
			filepath.Base(by), names, displayPath(by), displayPath(coll.Source), env))
	}
	return fixes
}

func collName(c *collections.Collection) string {
	if c.Source != "" {
		return displayPath(c.Source)
	}
	return fmt.Sprintf("%q", c.Info.Name)
}

// siblingsOf returns the collection files in coll's directory (cached per
// directory) with the variables their scripts set.
func (s *Suite) siblingsOf(coll *collections.Collection) []sibling {
	if coll.Source == "" || strings.Contains(coll.Source, "://") {
		return nil
	}
	dir := filepath.Dir(coll.Source)
	if s.siblings == nil {
		s.siblings = map[string][]sibling{}
	}
	sibs, ok := s.siblings[dir]
	if !ok {
		sibs = loadSiblings(dir, coll.Source)
		s.siblings[dir] = sibs
	}
	return sibs
}

type sibling struct {
	path string
	sets map[string]bool
}

func loadSiblings(dir, self string) []sibling {
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) > maxSiblingFiles {
		return nil
	}
	selfAbs, _ := filepath.Abs(self)
	var out []sibling
	for _, f := range files {
		if abs, _ := filepath.Abs(f); abs == selfAbs {
			continue
		}
		if fi, err := os.Stat(f); err != nil || fi.Size() > maxSiblingBytes {
			continue
		}
		c, err := collections.LoadFile(f)
		if err != nil || len(c.Items) == 0 {
			continue // an environment, a data file, or not a collection
		}
		out = append(out, sibling{path: f, sets: environments.ScriptSets(c)})
	}
	return out
}
