package scripting

import (
	"runtime"
	"testing"
)

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

// Under 64 elements V8 sorts by its own steps (the leading run, then binary
// insertion), and a comparator that contradicts itself or watches its calls
// sees the same comparisons in the same order in courier; the answers are
// Node 20's (V8's TimSort, as Postman CLI 1.34.0's; fresh-round10l-a.json
// "sorting by comparators that contradict themselves").
func TestSortStepsAsV8(t *testing.T) {
	t.Parallel()
	src := `const out = [];
const seq = (a, f) => { const s = []; a.sort((x, y) => { const r = f(x, y); s.push(x + ':' + y); return r; }); return a.join() + ' / ' + s.join(' '); };
out.push(seq([0, -0, NaN, 1, -Infinity], (a, b) => a - b));
out.push(seq([5, 1, 4, 2, 3, 9, 0], () => -1));
out.push(seq([3, 1, 2], (a, b) => a === 1 ? -1 : NaN));
out.push(seq([2, 1, 3, 0], (a, b) => (a + b) % 3 - 1));
out.push(seq([5, 1, 4, 2, 3], (a, b) => a > b));
out.push(seq([5, 1, 4, 2, 3], (a, b) => a < b));
out.push(seq([1, 2, 3, 4, 5], (a, b) => b - a));
out.push(seq([5, 4, 3, 2, 1], (a, b) => a - b));
out.push(seq([5, 4, 3, 3, 1], (a, b) => a - b));
out.push(seq(Array.from({length: 20}, (_, i) => (i * 7) % 20), (a, b) => a - b));
out.push(seq(Array.from({length: 30}, (_, i) => (i * 13) % 30), (a, b) => (a % 3) - (b % 3)));
out.push(seq(['b', undefined, 'a', , 'c'], (a, b) => a < b ? -1 : 1));
out.push(seq([3, 1, 2], (a, b) => String(a - b)));
out.push(seq([1, 1, 1], () => 0));
out.push(seq([2, 1], () => 1));
for (const l of out) pm.test(l, () => {});`
	checkTestNames(t, src, []string{
		"0,0,NaN,-Infinity,1 / 0:0 NaN:0 1:NaN -Infinity:1 -Infinity:NaN -Infinity:1",
		"0,9,3,2,4,1,5 / 1:5 4:1 2:4 3:2 9:3 0:9",
		"1,3,2 / 1:3 2:1 2:3",
		"1,2,0,3 / 1:2 3:1 3:2 0:2 0:3",
		"5,1,4,2,3 / 1:5 4:1 2:4 3:2",
		"5,1,4,2,3 / 1:5 4:1 2:4 3:2",
		"5,4,3,2,1 / 2:1 3:2 4:3 5:4",
		"1,2,3,4,5 / 4:5 3:4 2:3 1:2",
		"1,3,3,4,5 / 4:5 3:4 3:3 3:4 3:3 1:4 1:3 1:3",
		"0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19 / 7:0 14:7 1:14 1:7 1:0 8:7 8:14 15:7 15:14 2:8 2:1 2:7 9:7 9:14 9:8 16:8 16:14 16:15 3:8 3:2 3:7 10:8 10:15 10:14 10:9 17:8 17:14 17:16 4:9 4:3 4:8 4:7 11:8 11:15 11:10 11:14 18:9 18:15 18:17 5:9 5:3 5:7 5:4 12:9 12:15 12:11 12:14 19:9 19:15 19:17 19:18 6:10 6:4 6:8 6:7 6:5 13:9 13:15 13:12 13:14",
		"0,9,18,27,6,15,24,3,12,21,13,22,1,10,19,28,7,16,25,4,26,5,14,23,2,11,20,29,8,17 / 13:0 26:13 9:26 9:13 9:0 22:13 22:26 5:13 5:26 18:22 18:9 18:13 1:13 1:26 1:22 14:22 14:26 14:5 27:22 27:18 27:13 10:22 10:5 10:26 10:1 23:22 23:26 23:14 6:1 6:27 6:22 6:13 19:22 19:5 19:10 19:26 2:1 2:5 2:23 15:1 15:27 15:13 15:6 28:1 28:5 28:19 28:26 11:1 11:5 11:23 11:2 24:10 24:6 24:22 24:13 24:15 7:1 7:5 7:28 7:26 20:10 20:5 20:2 20:11 3:10 3:15 3:22 3:13 3:24 16:10 16:14 16:7 16:5 16:26 29:10 29:5 29:2 29:20 12:19 12:24 12:22 12:13 12:3 25:10 25:14 25:16 25:5 25:26 8:19 8:14 8:11 8:29 21:19 21:24 21:22 21:12 21:13 4:19 4:14 4:25 4:5 4:26 17:19 17:14 17:20 17:8",
		"a,b,c,, / a:b c:a c:b",
		"1,2,3 / 1:3 2:1 2:3 2:1",
		"1,1,1 / 1:1 1:1",
		"2,1 / 1:2",
	})
}

// A typed array sorted by a comparator takes V8's steps too: a top-down
// merge sort between two copies (V8's TypedArrayMergeSort), so a comparator
// that contradicts itself sees V8's comparisons; Node 20's answers
// (Postman CLI 1.34.0's for s19 of fresh-round10l-a.json).
func TestTypedSortStepsAsV8(t *testing.T) {
	t.Parallel()
	src := `const out = [];
const seq = (a, f) => { const s = []; a.sort((x, y) => { const r = f(x, y); s.push(x + ':' + y); return r; }); return a.join() + ' / ' + s.join(' '); };
out.push(seq(new Int8Array([3, 1, 2]), (a, b) => b > a));
out.push(seq(new Int8Array([3, -1, 2, 7, 0]), (a, b) => a - b));
out.push(seq(new Float64Array([NaN, 1, -0, 0, -Infinity]), (a, b) => a - b));
out.push(seq(new Uint8Array([5, 1, 4, 2, 3, 9, 0]), () => -1));
out.push(seq(new Uint16Array([5, 1, 4, 2, 3]), (a, b) => a > b));
out.push(seq(new Int32Array(Array.from({length: 20}, (_, i) => (i * 7) % 20)), (a, b) => a - b));
out.push(seq(new Float32Array([1.5, 0.5, 2.5]), () => NaN));
out.push(seq(new BigInt64Array([3n, 1n, 2n]), (a, b) => Number(a - b)));
out.push(String(new Int8Array([3, 1, 2]).sort()));
out.push(seq(new Int8Array([1]), (a, b) => a - b));
for (const l of out) pm.test(l, () => {});`
	checkTestNames(t, src, []string{
		"3,2,1 / 1:2 3:2",
		"-1,0,2,3,7 / 3:-1 7:0 2:0 2:7 -1:0 3:0 3:2 3:7",
		"NaN,-Infinity,0,0,1 / NaN:1 0:-Infinity 0:-Infinity 0:0 NaN:-Infinity 1:-Infinity 1:0 1:0",
		"5,1,4,2,3,9,0 / 1:4 5:1 2:3 9:0 2:9 3:9 5:2 1:2 4:2",
		"1,2,3,4,5 / 5:1 2:3 4:2 4:3 1:2 5:2 5:3 5:4",
		"0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19 / 0:7 1:8 14:1 14:8 0:1 7:1 7:8 15:2 16:3 9:3 9:16 2:3 15:3 15:9 15:16 0:2 1:2 7:2 7:3 7:9 8:9 14:9 14:15 10:17 11:18 4:11 10:4 10:11 17:11 17:18 5:12 6:13 19:6 19:13 5:6 12:6 12:13 4:5 10:5 10:6 10:12 11:12 17:12 17:13 17:19 18:19 0:4 1:4 2:4 3:4 7:4 7:5 7:6 7:10 8:10 9:10 14:10 14:11 14:12 14:13 14:17 15:17 16:17",
		"1.5,0.5,2.5 / 0.5:2.5 1.5:0.5",
		"1,2,3 / 1:2 3:1 3:2",
		"1,2,3",
		"1 / ",
	})
}

// TestTypedSortCopiesWithinMemoryLimit: sorting a typed array by a
// comparator copies its elements twice as goja values (32 bytes each); a
// copy past the scripts' memory limit is a RangeError the script can
// catch, not a Go allocation that could end the process. Not parallel: it
// lowers the process-wide limit.
func TestTypedSortCopiesWithinMemoryLimit(t *testing.T) {
	old := memLimit
	// The limit leaves room for the heap to grow to twice its live size
	// before the collector runs (GOGC=100): with heap + 32 MB, the watchdog
	// interrupted the script on a quiet machine (a clean-clone CI), where
	// the garbage of earlier tests had not been collected yet.
	runtime.GC()
	memLimit = 2*heapBytes() + 64<<20
	defer func() { memLimit = old }()
	// 16M elements: 16 MB as a Uint8Array, 1 GB as two copies, far past
	// the limit whatever the heap held.
	checkTestNames(t, `let r; try { new Uint8Array(16000000).sort((a, b) => a - b); r = 'sorted'; } catch (e) { r = e.name + ': ' + e.message; }
pm.test(r, () => {});
pm.test(String(new Uint8Array([3, 1, 2]).sort((a, b) => a - b)), () => {});`,
		[]string{"RangeError: Array buffer allocation failed", "1,2,3"})
}
