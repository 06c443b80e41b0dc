package scripting

import (
	"reflect"
	"sort"
	"strings"

	"github.com/dop251/goja/ast"
)

// The compile-time rewrites (asyncgen.go, using.go) change a script's
// text, and goja prints a function as the slice of the text it compiled:
// a function holding an async generator, a for-await loop or a using
// declaration printed courier's rewrite. V8 prints the source as written.
// A textTrace follows the text through the rewrites: which runs of the
// current text were copied from the text as written, and where a rewritten
// function whose own start the rewrite replaced (an async generator's
// shell, a method turned into a plain one) stood. Once parsed, each
// function and class whose text the rewrites touched is given its written
// text back (restoreSources), so toString, String(f) and templates read as
// in Postman's sandbox. Scripts no rewrite touches have no trace.

// textSeg: the current text's [out, out+n) is a copy of [in, in+n) of the
// text before (a stage's input, or the text as written).
type textSeg struct{ out, in, n int }

// textBuilder builds a stage's output from copies of its input and text
// of its own, noting the copies.
type textBuilder struct {
	b    strings.Builder
	segs []textSeg
	// anchors: where, in the output, a function whose start the stage
	// rewrote begins → its span in the stage's input.
	anchors map[int][2]int
}

func (t *textBuilder) copy(src string, i, j int) {
	if j <= i {
		return
	}
	t.segs = append(t.segs, textSeg{t.b.Len(), i, j - i})
	t.b.WriteString(src[i:j])
}

func (t *textBuilder) add(s string) { t.b.WriteString(s) }

// anchor notes that a function starting here in the output was written
// as src[i:j] of the stage's input.
func (t *textBuilder) anchor(i, j int) {
	if t.anchors == nil {
		t.anchors = map[int][2]int{}
	}
	t.anchors[t.b.Len()] = [2]int{i, j}
}

// A textSplice is one edit of a stage's input: it replaces src[at:end]
// with with (an insertion when at == end). rank orders the edits at one
// place: lower first.
type textSplice interface {
	splice() (at, end, rank int, with string)
}

// applyTextEdits applies edits (not overlapping, but for insertions at a
// replacement's ends) to src, as if from the end backwards: at one place,
// in their rank's order, and at one rank the one added last first. It
// returns the text and its copies of src; false when an edit is out of
// bounds.
func applyTextEdits[E textSplice](src string, edits []E) (string, []textSeg, bool) {
	order := make([]int, len(edits))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool {
		a, _, ra, _ := edits[order[i]].splice()
		b, _, rb, _ := edits[order[j]].splice()
		if a != b {
			return a < b
		}
		if ra != rb {
			return ra < rb
		}
		return order[i] > order[j] // added last, first
	})
	var t textBuilder
	last := 0
	for _, k := range order {
		at, end, _, with := edits[k].splice()
		if at < last || end > len(src) || at > end {
			return src, nil, false
		}
		t.copy(src, last, at)
		t.add(with)
		last = end
	}
	t.copy(src, last, len(src))
	return t.b.String(), t.segs, true
}

// textTrace maps the current (rewritten) text back to the written one.
type textTrace struct {
	orig    string
	segs    []textSeg // sorted by out, not overlapping
	anchors map[int][2]int
}

func newTextTrace(orig string, cur string) *textTrace {
	// The text before the async rewrites differs from the written one
	// only where bytes were changed in place (maxescape.go).
	return &textTrace{orig: orig, segs: []textSeg{{0, 0, len(cur)}}}
}

// back maps an offset of the current text to the written text.
func (tr *textTrace) back(p int) (int, bool) {
	i := sort.Search(len(tr.segs), func(i int) bool { return tr.segs[i].out+tr.segs[i].n > p })
	if i < len(tr.segs) && tr.segs[i].out <= p {
		return tr.segs[i].in + p - tr.segs[i].out, true
	}
	return 0, false
}

// step follows a stage: its output's copies (segs, in its input's
// offsets) and anchors.
func (tr *textTrace) step(segs []textSeg, anchors map[int][2]int) {
	var next []textSeg
	for _, s := range segs {
		// The runs of the current text that s copied, mapped on.
		i := sort.Search(len(tr.segs), func(i int) bool { return tr.segs[i].out+tr.segs[i].n > s.in })
		for ; i < len(tr.segs) && tr.segs[i].out < s.in+s.n; i++ {
			c := tr.segs[i]
			lo, hi := max(s.in, c.out), min(s.in+s.n, c.out+c.n)
			if lo < hi {
				next = append(next, textSeg{s.out + lo - s.in, c.in + lo - c.out, hi - lo})
			}
		}
	}
	sort.Slice(next, func(i, j int) bool { return next[i].out < next[j].out })
	moved := forwardAnchors(tr.anchors, segs)
	for p, span := range anchors {
		a, ok1 := tr.back(span[0])
		b, ok2 := tr.back(span[1] - 1)
		if ok1 && ok2 && a <= b {
			moved[p] = [2]int{a, b + 1}
		}
	}
	tr.segs, tr.anchors = next, moved
}

// written is the text as written of the current text's [i, j): the
// anchor's span when a rewritten function starts at i, else the span
// between the written places of its first and last bytes.
func (tr *textTrace) written(i, j int) (string, bool) {
	if span, ok := tr.anchors[i]; ok {
		return tr.orig[span[0]:span[1]], true
	}
	a, ok1 := tr.back(i)
	b, ok2 := tr.back(j - 1)
	if !ok1 || !ok2 || a > b {
		return "", false
	}
	return tr.orig[a : b+1], true
}

// restoreSources gives the functions and classes of root (parsed from the
// current text placed at offset base of the parsed file) whose text the
// rewrites changed their written text back.
func (tr *textTrace) restoreSources(root ast.Node, base int) {
	fix := func(src *string, i, j int) {
		if *src == "" || i < 0 || j <= i {
			return
		}
		if w, ok := tr.written(i, j); ok && w != *src {
			*src = w
		}
	}
	walkAST(reflect.ValueOf(root), func(n ast.Node) {
		switch x := n.(type) {
		case *ast.FunctionLiteral:
			i := int(x.Function) - base
			fix(&x.Source, i, i+len(x.Source))
		case *ast.ArrowFunctionLiteral:
			i := int(x.Start) - base
			fix(&x.Source, i, i+len(x.Source))
		case *ast.ClassLiteral:
			i := int(x.Class) - base
			fix(&x.Source, i, i+len(x.Source))
		}
	})
}

// forwardAnchors moves anchors keyed by offsets of a stage's input to its
// output's offsets (segs: the output's copies of the input, each input
// byte copied at most once).
func forwardAnchors(in map[int][2]int, segs []textSeg) map[int][2]int {
	out := make(map[int][2]int, len(in))
	if len(in) == 0 {
		return out
	}
	byIn := append([]textSeg(nil), segs...)
	sort.Slice(byIn, func(i, j int) bool { return byIn[i].in < byIn[j].in })
	for p, span := range in {
		i := sort.Search(len(byIn), func(i int) bool { return byIn[i].in+byIn[i].n > p })
		if i < len(byIn) && byIn[i].in <= p {
			out[byIn[i].out+p-byIn[i].in] = span
		}
	}
	return out
}
