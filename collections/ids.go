package collections

import (
	"crypto/sha1"
	"encoding"
	"fmt"
	"strconv"
)

// assignIDs gives every item without an id one, as Postman's SDK does on
// load, so that reports, setNextRequest and --folder can tell same-named
// items apart. Unlike the SDK's random ids they are derived from the item's
// position, so the same file yields the same ids run after run.
func assignIDs(c *Collection) {
	// An ID hashes the collection name and the item's position path
	// ("/0/3/1"). Each level continues its parent's hash state instead of
	// rehashing the whole path, so deep trees stay linear.
	root := sha1.New()
	root.Write([]byte(c.Info.Name + "\x00"))
	var walk func(items []*Item, state []byte)
	walk = func(items []*Item, state []byte) {
		for i, it := range items {
			h := sha1.New()
			if err := h.(encoding.BinaryUnmarshaler).UnmarshalBinary(state); err != nil {
				panic(err) // our own marshaled state
			}
			h.Write([]byte("/" + strconv.Itoa(i)))
			if it.ID == "" {
				var sum [sha1.Size]byte
				h.Sum(sum[:0])
				sum[6] = sum[6]&0x0f | 0x50 // version 5 layout
				sum[8] = sum[8]&0x3f | 0x80
				it.ID = fmt.Sprintf("%x-%x-%x-%x-%x", sum[0:4], sum[4:6], sum[6:8], sum[8:10], sum[10:16])
			}
			if len(it.Items) > 0 {
				next, err := h.(encoding.BinaryMarshaler).MarshalBinary()
				if err != nil {
					panic(err)
				}
				walk(it.Items, next)
			}
		}
	}
	state, err := root.(encoding.BinaryMarshaler).MarshalBinary()
	if err != nil {
		panic(err)
	}
	walk(c.Items, state)
}
