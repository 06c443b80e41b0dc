package collections

import (
	"fmt"
	"strings"
)

// Select returns the items --folder names select, in collection order. Each
// name matches a folder or a request by id, else by name (Newman's
// multipleIdOrName lookup): the tree is walked depth-first and the first
// item matching a name takes it. Items below an already selected item are
// not selected again, but, as in postman-runtime, that only holds for
// direct children of the selected item.
func Select(c *Collection, names ...string) ([]*Item, error) {
	if len(names) == 0 {
		return nil, fmt.Errorf("selecting items: no folder or request given")
	}
	want := make(map[string]bool, len(names))
	for _, n := range names {
		want[n] = true
	}
	var out []*Item
	var walk func(items []*Item, accumulate bool)
	walk = func(items []*Item, accumulate bool) {
		for _, it := range items {
			if len(want) == 0 {
				return
			}
			match := ""
			if it.ID != "" && want[it.ID] {
				match = it.ID
			} else if want[it.Name] {
				match = it.Name
			}
			if match != "" {
				if accumulate {
					out = append(out, it)
				}
				delete(want, match)
			}
			walk(it.Items, match == "")
		}
	}
	walk(c.Items, true)
	if len(want) > 0 {
		var missing []string
		for _, n := range names {
			if want[n] {
				missing = append(missing, fmt.Sprintf("%q", n))
				delete(want, n)
			}
		}
		return nil, fmt.Errorf("no folder or request named %s in collection %q", strings.Join(missing, ", "), c.Info.Name)
	}
	return out, nil
}
