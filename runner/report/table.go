package report

import (
	"github.com/fatih/color"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// tableChars are the border glyphs of the summary table.
type tableChars struct {
	h, v                            string
	topLeft, topMid, topRight       string
	midLeft, cross, midRight, upMid string
	botLeft, botMid, botRight       string
}

// tcell is one table cell: plain text (for widths) and how to paint it.
type tcell struct {
	text  string
	paint *color.Color // nil: as is
	left  bool         // align left (cells align right by default)
}

func (c tcell) render(width int) string {
	s := c.text
	if k := width - cellWidth(s); k > 0 && c.left {
		s += strings.Repeat(" ", k)
	} else if k > 0 {
		s = strings.Repeat(" ", k) + s
	}
	if c.paint != nil {
		// Paint only the text, not the alignment padding.
		s = strings.Replace(s, c.text, c.paint.Sprint(c.text), 1)
	}
	return s
}

// summaryTable lays out Newman's run summary: a 3-column table (first
// column fixed at 25 wide, like Newman's colWidths: [25]) whose last rows
// are single cells spanning all columns.
func summaryTable(rows [][]tcell, ch tableChars, bc *color.Color) string {
	border := func(s string) string { return bc.Sprint(s) }
	w := summaryWidths(rows)
	var b strings.Builder
	// hline draws a border line, with joint where it crosses a column
	// line.
	hline := func(left, right, joint string) {
		s := left
		for c := 0; c < 3; c++ {
			s += strings.Repeat(ch.h, w[c])
			if c < 2 {
				s += joint
			}
		}
		b.WriteString(border(s + right))
		b.WriteByte('\n')
	}
	split := func(r []tcell) bool { return len(r) == 3 }
	for i, r := range rows {
		if i == 0 {
			hline(ch.topLeft, ch.topRight, ch.joint(false, split(r), "", ch.topMid))
		} else {
			hline(ch.midLeft, ch.midRight, ch.joint(split(rows[i-1]), split(r), ch.upMid, ch.topMid))
		}
		if split(r) {
			b.WriteString(border(ch.v))
			for c := 0; c < 3; c++ {
				b.WriteString(" " + r[c].render(w[c]-2) + " " + border(ch.v))
			}
		} else {
			span := w[0] + w[1] + w[2] + 2
			b.WriteString(border(ch.v) + " " + r[0].render(span-2) + " " + border(ch.v))
		}
		b.WriteByte('\n')
	}
	if n := len(rows); n > 0 {
		hline(ch.botLeft, ch.botRight, ch.joint(split(rows[n-1]), false, ch.botMid, ""))
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// joint is the glyph where a border line meets the column lines of the
// rows above and below it (only split rows have them): up where only the
// row above has them, down where only the row below does.
func (ch tableChars) joint(above, below bool, up, down string) string {
	switch {
	case above && below:
		return ch.cross
	case above:
		return up
	case below:
		return down
	}
	return ch.h
}

// summaryWidths are the summary table's column widths as cli-table3 sets
// them: the first column 25, the others fitted to their cells; spanning
// cells that do not fit widen the auto-sized columns evenly.
func summaryWidths(rows [][]tcell) [3]int {
	w := [3]int{25, 1, 1}
	for _, r := range rows {
		if len(r) == 3 {
			for c := 1; c < 3; c++ {
				w[c] = max(w[c], utf8.RuneCountInString(r[c].text)+2)
			}
		}
	}
	for i := len(rows) - 1; i >= 0; i-- {
		if len(rows[i]) != 1 {
			continue
		}
		desired := utf8.RuneCountInString(rows[i][0].text) + 2
		existing := w[0] + 1 + w[1] + 1 + w[2]
		editable := 2
		for c := 1; c < 3 && editable > 0 && desired > existing; c++ {
			dif := int(math.Round(float64(desired-existing) / float64(editable)))
			existing += dif
			w[c] += dif
			editable--
		}
	}
	return w
}

// failureTable lays out Newman's borderless failures table: a header, then
// one multi-line row per failure, rows separated by a blank line. cols holds
// the cells' lines; width > 20 fixes column widths to the terminal like
// Newman on a TTY, otherwise columns size to their content.
func failureTable(head [3]tcell, rows [][3][]tcell, width int) string {
	var w [3]int
	for c := 0; c < 3; c++ {
		w[c] = utf8.RuneCountInString(head[c].text) + 2
	}
	if width > 20 {
		digits := len(strconv.Itoa(len(rows)))
		w[0] = digits + 3
		w[1] = int(float64(width-w[0]) * 0.2)
		w[2] = width - (w[0] + w[1] + 5)
		for i := range rows {
			for c := 1; c < 3; c++ {
				rows[i][c] = wrapCells(rows[i][c], w[c]-2)
			}
		}
	} else {
		for _, r := range rows {
			for c := 0; c < 3; c++ {
				for _, l := range r[c] {
					w[c] = max(w[c], cellWidth(l.text)+2)
				}
			}
		}
	}
	blank := strings.Repeat(" ", w[0]+w[1]+w[2])
	var b strings.Builder
	for c := 0; c < 3; c++ {
		b.WriteString(" " + head[c].render(w[c]-2) + " ")
	}
	b.WriteByte('\n')
	for i, r := range rows {
		b.WriteString(blank + "\n")
		n := max(len(r[0]), len(r[1]), len(r[2]))
		for l := 0; l < n; l++ {
			for c := 0; c < 3; c++ {
				cl := tcell{left: c > 0}
				if l < len(r[c]) {
					cl = r[c][l]
					cl.left = c > 0
				}
				b.WriteString(" " + cl.render(w[c]-2) + " ")
			}
			if i < len(rows)-1 || l < n-1 {
				b.WriteByte('\n')
			}
		}
	}
	return b.String()
}

// cellWidth is the columns text takes in Newman's tables (cli-table3's
// string-width 4): control characters and combining accents take none,
// East Asian wide and full-width characters and emoji two.
func cellWidth(text string) int {
	n := 0
	for _, r := range text {
		switch {
		case r <= 0x1f || r >= 0x7f && r <= 0x9f, r >= 0x300 && r <= 0x36f:
		case wideRune(r):
			n += 2
		default:
			n++
		}
	}
	return n
}

// wideRune reports the code points is-fullwidth-code-point 3 calls full
// width, and the emoji blocks string-width counts as two.
func wideRune(r rune) bool {
	if r < 0x1100 {
		return false
	}
	for _, g := range wideRanges {
		if r >= g[0] && r <= g[1] {
			return r != 0x303f
		}
	}
	return false
}

var wideRanges = [...][2]rune{
	{0x1100, 0x115f}, {0x2329, 0x232a}, {0x2e80, 0x3247}, {0x3250, 0x4dbf}, {0x4e00, 0xa4c6}, {0xa960, 0xa97c},
	{0xac00, 0xd7a3}, {0xf900, 0xfaff}, {0xfe10, 0xfe19}, {0xfe30, 0xfe6b}, {0xff01, 0xff60}, {0xffe0, 0xffe6},
	{0x1b000, 0x1b001}, {0x1f200, 0x1f251}, {0x1f300, 0x1faff}, {0x20000, 0x3fffd},
}

// wrapCells word-wraps each line of a cell to width, keeping its paint.
func wrapCells(lines []tcell, width int) []tcell {
	var out []tcell
	for _, l := range lines {
		for _, s := range wordWrap(l.text, width) {
			out = append(out, tcell{text: s, paint: l.paint, left: l.left})
		}
	}
	return out
}
