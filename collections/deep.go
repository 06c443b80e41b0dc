package collections

import (
	"encoding/json"
	"errors"
	"fmt"
)

// Go's JSON decoder refuses documents nested deeper than 10,000 levels, and a
// folder costs two (the folder object and its "item" array). A collection
// nested deeper than that is decoded here instead: one pass over the text
// finds every item object and its "item" array, and each item is then decoded
// on its own with its children cut out, so no single decode nests deeply.

// deepNesting is the JSON depth from which the item tree is split up before
// decoding, safely under the decoder's limit.
const deepNesting = 9000

// itemNode is an object of the item tree: the collection itself (the root)
// or an element of some item node's "item" array.
type itemNode struct {
	start, end         int // the object's bytes
	itemStart, itemEnd int // its "item" member's value, -1 when absent
	children           []int
}

// scanItemTree finds the item nodes of a collection in one pass. Nodes come
// out in post-order: children before their parent, the root last.
func scanItemTree(s []byte) ([]itemNode, error) {
	type frame struct {
		object    bool
		node      int  // object frames that are item nodes: their index; else -1
		expectKey bool // object frames: the next string is a key
		itemKey   bool // object frames: the key just read is "item"
		itemArray bool // array frames: the "item" array of an item node
		owner     int  // array frames: the item node whose "item" this is
	}
	var nodes []itemNode
	var stack []frame
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"':
			j := i + 1
			for j < len(s) && s[j] != '"' {
				if s[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(s) {
				return nil, errors.New("unterminated string")
			}
			if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].expectKey {
				stack[n-1].expectKey = false
				stack[n-1].itemKey = string(s[i+1:j]) == "item"
			}
			i = j
		case ',':
			if n := len(stack); n > 0 && stack[n-1].object {
				stack[n-1].expectKey, stack[n-1].itemKey = true, false
			}
		case '{', '[':
			f := frame{object: c == '{', node: -1, expectKey: c == '{', owner: -1}
			parent := -1
			if n := len(stack); n > 0 {
				parent = n - 1
			}
			isNode := false
			switch {
			case parent < 0:
				isNode = c == '{' // the collection
			case !stack[parent].object && stack[parent].itemArray:
				isNode = c == '{'
			case stack[parent].object && stack[parent].itemKey && stack[parent].node >= 0 && c == '[':
				f.itemArray, f.owner = true, stack[parent].node
				// A repeated "item" key: the last one wins, as in the decoder.
				nodes[f.owner].itemStart, nodes[f.owner].children = i, nil
			}
			if isNode {
				f.node = len(nodes)
				nodes = append(nodes, itemNode{start: i, itemStart: -1, itemEnd: -1})
			}
			stack = append(stack, f)
		case '}', ']':
			n := len(stack)
			if n == 0 {
				return nil, errors.New("unbalanced brackets")
			}
			f := stack[n-1]
			stack = stack[:n-1]
			if f.itemArray {
				nodes[f.owner].itemEnd = i + 1
			}
			if f.node >= 0 {
				nodes[f.node].end = i + 1
				if n >= 2 && stack[n-2].itemArray {
					owner := stack[n-2].owner
					nodes[owner].children = append(nodes[owner].children, f.node)
				}
			}
		}
	}
	if len(stack) != 0 || len(nodes) == 0 {
		return nil, errors.New("unbalanced brackets")
	}
	return nodes, nil
}

// withoutItems is a node's text with its "item" value replaced by null.
func (n itemNode) withoutItems(s []byte) []byte {
	if n.itemStart < 0 || n.itemEnd < 0 {
		return s[n.start:n.end]
	}
	out := make([]byte, 0, n.itemStart-n.start+4+n.end-n.itemEnd)
	out = append(out, s[n.start:n.itemStart]...)
	out = append(out, "null"...)
	return append(out, s[n.itemEnd:n.end]...)
}

// decodeDeep decodes a deeply nested v2 collection into a rawDoc.
func decodeDeep(s []byte) (*rawDoc, error) {
	nodes, err := scanItemTree(s)
	if err != nil {
		return nil, err
	}
	// Node indexes are creation (pre-)order; nodes close in post-order.
	// Decode children first: walk creation order backwards.
	items := make([]rawItem, len(nodes))
	for i := len(nodes) - 1; i >= 1; i-- {
		n := nodes[i]
		if err := json.Unmarshal(n.withoutItems(s), &items[i]); err != nil {
			return nil, fmt.Errorf("item at byte %d: %w", n.start, err)
		}
		if n.itemStart >= 0 {
			kids := make([]rawItem, len(n.children))
			for k, c := range n.children {
				kids[k] = items[c]
			}
			items[i].Item = &kids
		}
	}
	root := nodes[0]
	var doc rawDoc
	if err := json.Unmarshal(root.withoutItems(s), &doc); err != nil {
		return nil, err
	}
	if root.itemStart >= 0 {
		kids := make([]rawItem, len(root.children))
		for k, c := range root.children {
			kids[k] = items[c]
		}
		doc.Item = &kids
	}
	return &doc, nil
}
