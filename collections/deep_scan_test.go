package collections

import (
	"reflect"
	"testing"
)

// scanItemTree on small documents: the nodes (root first in creation
// order), their "item" arrays and children; strings that look like keys
// or brackets do not count; broken text is an error.
func TestScanItemTree(t *testing.T) {
	t.Parallel()
	tests := []struct {
		doc  string
		want []itemNode
		err  bool
	}{
		{`{}`, []itemNode{{start: 0, end: 2, itemStart: -1, itemEnd: -1}}, false},
		{`{"item":[{},{}]}`, []itemNode{
			{start: 0, end: 16, itemStart: 8, itemEnd: 15, children: []int{1, 2}},
			{start: 9, end: 11, itemStart: -1, itemEnd: -1},
			{start: 12, end: 14, itemStart: -1, itemEnd: -1},
		}, false},
		{`{"x":"item","y":{"item":[{}]}}`, []itemNode{{start: 0, end: 30, itemStart: -1, itemEnd: -1}}, false},
		{`{"a":"[{\"","item":[]}`, []itemNode{{start: 0, end: 22, itemStart: 19, itemEnd: 21}}, false},
		{`{"item":[{}],"item":[]}`, []itemNode{
			{start: 0, end: 23, itemStart: 20, itemEnd: 22},
			{start: 9, end: 11, itemStart: -1, itemEnd: -1},
		}, false},
		{`{"item":[`, nil, true},
		{`{"a":"b}`, nil, true},
		{`}`, nil, true},
		{`[]`, nil, true},
	}
	for _, tc := range tests {
		got, err := scanItemTree([]byte(tc.doc))
		if (err != nil) != tc.err || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %+v %v, want %+v (error %v)", tc.doc, got, err, tc.want, tc.err)
		}
	}
}
