package collections

import (
	"crypto/sha1"
	"fmt"
	"strconv"
)

// assignIDs gives every item without an id one, as Postman's SDK does on
// load, so that reports, setNextRequest and --folder can tell same-named
// items apart. Unlike the SDK's random ids they are derived from the item's
// position, so the same file yields the same ids run after run.
func assignIDs(c *Collection) {
	var walk func(items []*Item, prefix string)
	walk = func(items []*Item, prefix string) {
		for i, it := range items {
			pos := prefix + "/" + strconv.Itoa(i)
			if it.ID == "" {
				h := sha1.Sum([]byte(c.Info.Name + "\x00" + pos))
				h[6] = h[6]&0x0f | 0x50 // version 5 layout
				h[8] = h[8]&0x3f | 0x80
				it.ID = fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
			}
			walk(it.Items, pos)
		}
	}
	walk(c.Items, "")
}
