package scripting

import "testing"

// Array.prototype.sort with a comparator sorts a copy and writes it back,
// as V8 does: a comparator that empties or shortens the array made goja's
// in-place sort index past the end (a Go runtime error that ended the
// script). Answers: Postman CLI 1.34.0's (fresh-round10l-a.json "sorting
// as collections write it").
func TestSortWithComparatorAsPostman(t *testing.T) {
	t.Parallel()
	src := probeHarness + `
p(() => { const a = [3, 1, 2]; a.sort((x, y) => { a.length = 0; return x - y; }); return JSON.stringify(a); });
p(() => { const a = [5, 4, 3, 2, 1]; a.sort((x, y) => { a.pop(); return x - y; }); return JSON.stringify(a); });
p(() => { const a = [3, 1, 2]; const r = a.sort((x, y) => { a[5] = 9; return x - y; }); return (r === a) + JSON.stringify(a); });
p(() => { const a = [3, , 1, undefined, 2]; a.sort((x, y) => x - y); return JSON.stringify(a) + a.length + (4 in a) + (3 in a); });
p(() => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].sort(() => -1).join());
p(() => Array.from({length: 30}, (_, i) => (i * 7) % 30).sort((a, b) => a > b).join());
p(() => { const o = {length: 3, 0: 'c', 1: 'a', 2: 'b'}; Array.prototype.sort.call(o, (x, y) => x < y ? -1 : 1); return JSON.stringify(o); });
p(() => [3, 1, 2].sort('x'));
p(() => String(Array.prototype.sort) + Array.prototype.sort.length + Array.prototype.sort.name);
`
	checkTestNames(t, src, []string{
		"[1,2,3]",
		"[1,2,3,4,5]",
		"true[1,2,3,null,null,9]",
		"[1,2,3,null,null]5falsetrue",
		"12,11,10,9,8,7,6,5,4,3,2,1",
		"0,7,14,21,28,5,12,19,26,3,10,17,24,1,8,15,22,29,6,13,20,27,4,11,18,25,2,9,16,23",
		`{"0":"a","1":"b","2":"c","length":3}`,
		"E:TypeError: The comparison function must be either a function or undefined: x",
		"function sort() { [native code] }1sort",
	})
}
