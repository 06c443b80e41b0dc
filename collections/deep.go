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
	sc := itemScanner{s: s}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"':
			end, err := sc.str(i)
			if err != nil {
				return nil, err
			}
			i = end
		case ',':
			sc.comma()
		case '{', '[':
			sc.open(i, c == '{')
		case '}', ']':
			if err := sc.close(i); err != nil {
				return nil, err
			}
		}
	}
	if len(sc.stack) != 0 || len(sc.nodes) == 0 {
		return nil, errors.New("unbalanced brackets")
	}
	return sc.nodes, nil
}

// itemScanner is scanItemTree's state: the nodes found and the open
// objects and arrays.
type itemScanner struct {
	s     []byte
	nodes []itemNode
	stack []scanFrame
}

// scanFrame is one open object or array.
type scanFrame struct {
	object    bool
	node      int  // object frames that are item nodes: their index; else -1
	expectKey bool // object frames: the next string is a key
	itemKey   bool // object frames: the key just read is "item"
	itemArray bool // array frames: the "item" array of an item node
	owner     int  // array frames: the item node whose "item" this is
}

// top is the innermost open frame; nil at the top level.
func (sc *itemScanner) top() *scanFrame {
	if len(sc.stack) == 0 {
		return nil
	}
	return &sc.stack[len(sc.stack)-1]
}

// str skips the string starting at i and returns its closing quote's
// index; a key of an object is remembered when it is "item".
func (sc *itemScanner) str(i int) (int, error) {
	s := sc.s
	j := i + 1
	for j < len(s) && s[j] != '"' {
		if s[j] == '\\' {
			j++
		}
		j++
	}
	if j >= len(s) {
		return 0, errors.New("unterminated string")
	}
	if f := sc.top(); f != nil && f.object && f.expectKey {
		f.expectKey = false
		f.itemKey = string(s[i+1:j]) == "item"
	}
	return j, nil
}

// comma starts the next member of an object: a key comes next.
func (sc *itemScanner) comma() {
	if f := sc.top(); f != nil && f.object {
		f.expectKey, f.itemKey = true, false
	}
}

// open starts an object or array at i: an item node when it is the root
// object or an object in an item node's "item" array; that array itself
// when it is the value of an item node's "item" key.
func (sc *itemScanner) open(i int, object bool) {
	f := scanFrame{object: object, node: -1, expectKey: object, owner: -1}
	parent := sc.top()
	isNode := false
	switch {
	case parent == nil:
		isNode = object // the collection
	case !parent.object && parent.itemArray:
		isNode = object
	case parent.object && parent.itemKey && parent.node >= 0 && !object:
		f.itemArray, f.owner = true, parent.node
		// A repeated "item" key: the last one wins, as in the decoder.
		sc.nodes[f.owner].itemStart, sc.nodes[f.owner].children = i, nil
	}
	if isNode {
		f.node = len(sc.nodes)
		sc.nodes = append(sc.nodes, itemNode{start: i, itemStart: -1, itemEnd: -1})
	}
	sc.stack = append(sc.stack, f)
}

// close ends the innermost frame at i: an item array's end, or an item
// node's, which becomes a child of the node whose array holds it.
func (sc *itemScanner) close(i int) error {
	n := len(sc.stack)
	if n == 0 {
		return errors.New("unbalanced brackets")
	}
	f := sc.stack[n-1]
	sc.stack = sc.stack[:n-1]
	if f.itemArray {
		sc.nodes[f.owner].itemEnd = i + 1
	}
	if f.node >= 0 {
		sc.nodes[f.node].end = i + 1
		if n >= 2 && sc.stack[n-2].itemArray {
			owner := sc.stack[n-2].owner
			sc.nodes[owner].children = append(sc.nodes[owner].children, f.node)
		}
	}
	return nil
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
