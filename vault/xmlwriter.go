package vault

import (
	"bytes"
	"io"
	"sync"
)

// XMLWriter returns a writer that redacts an XML document written through
// it to w and keeps it well-formed: character data, CDATA sections,
// comments and attribute values are masked as Writer masks text, never
// cutting a character reference ("&amp;") in two. The values of the
// attributes keep names are written as they are: they are the program's
// own counts, times and timestamps (a JUnit report's tests="200" and
// time="0.200" with a secret "200"), which readers need as numbers. The
// leading XML declaration is the program's too. Output that turns out not
// to be XML is masked as plain text from there on. Call Flush when the
// document ends.
func (r *Redactor) XMLWriter(w io.Writer, keep map[string]bool) *XMLWriter {
	return &XMLWriter{r: r, w: w, keep: keep}
}

// XMLWriter redacts an XML document; see Redactor.XMLWriter. Safe for
// concurrent use.
type XMLWriter struct {
	r    *Redactor
	w    io.Writer
	keep map[string]bool
	mu   sync.Mutex

	state   xmlState
	started bool   // something was written: a declaration is no longer the first thing
	buf     []byte // the segment (or markup opening) being read
	digit   bool   // the part of the segment already written ends with a digit
	attr    []byte // the current attribute's name
	quote   byte   // the current attribute value's quote
	end     string // what ends the current section ("]]>", "-->", "?>")
	out     []byte
	text    *Writer // set once the output is not XML
}

type xmlState uint8

const (
	xmlText    xmlState = iota // character data
	xmlOpen                    // after "<", deciding what the markup is
	xmlTag                     // in a start or end tag, outside attribute values
	xmlValue                   // in an attribute value
	xmlSection                 // in a CDATA section, comment or declaration
)

// Write implements io.Writer.
func (xw *XMLWriter) Write(p []byte) (int, error) {
	xw.mu.Lock()
	defer xw.mu.Unlock()
	if xw.text != nil {
		return xw.text.Write(p)
	}
	xw.out = xw.out[:0]
	for i, c := range p {
		if !xw.step(c) {
			return len(p), xw.toText(p[i:])
		}
	}
	return len(p), xw.flushOut()
}

func (xw *XMLWriter) flushOut() error {
	if len(xw.out) == 0 {
		return nil
	}
	xw.started = true
	_, err := xw.w.Write(xw.out)
	return err
}

// step reads one byte; false means the output is not XML.
func (xw *XMLWriter) step(c byte) bool {
	switch xw.state {
	case xmlText:
		if c == '<' {
			xw.endSegment(xmlEntity)
			xw.state, xw.buf = xmlOpen, append(xw.buf[:0], c)
			return true
		}
		xw.segmentByte(c, xmlEntity, 1)
	case xmlOpen:
		return xw.open(c)
	case xmlTag:
		return xw.tag(c)
	case xmlValue:
		if c == xw.quote {
			if xw.keep[string(xw.attr)] {
				xw.out = append(xw.out, xw.buf...)
				xw.buf = xw.buf[:0]
			} else {
				xw.endSegment(xmlEntity)
			}
			xw.out = append(xw.out, c)
			xw.state, xw.attr = xmlTag, xw.attr[:0]
			return true
		}
		if c == '<' {
			return false
		}
		if xw.keep[string(xw.attr)] {
			if len(xw.buf) >= maxBare {
				return false
			}
			xw.buf = append(xw.buf, c)
			return true
		}
		xw.segmentByte(c, xmlEntity, 1)
	case xmlSection:
		xw.buf = append(xw.buf, c)
		if bytes.HasSuffix(xw.buf, []byte(xw.end)) {
			xw.buf = xw.buf[:len(xw.buf)-len(xw.end)]
			if xw.end == "?>" {
				xw.out = append(xw.out, xw.buf...) // the declaration
				xw.buf = xw.buf[:0]
			} else {
				xw.endSegment(nil)
			}
			xw.out = append(xw.out, xw.end...)
			xw.state = xmlText
		} else if len(xw.buf) > maxStringHold && xw.end != "?>" {
			xw.writeHead(nil, len(xw.end))
		}
	}
	return true
}

// open decides what the markup after "<" is.
func (xw *XMLWriter) open(c byte) bool {
	m := string(xw.buf) + string(c)
	if len(m) > len("<![CDATA[") {
		return false
	}
	xw.buf = append(xw.buf, c)
	for _, sec := range []struct{ start, end string }{{"<![CDATA[", "]]>"}, {"<!--", "-->"}, {"<?xml ", "?>"}} {
		if m == sec.start {
			if sec.end == "?>" && (xw.started || len(xw.out) > 0) {
				xw.buf = xw.buf[:len(xw.buf)-1]
				return false // a declaration must come first
			}
			xw.out = append(xw.out, m...)
			xw.state, xw.end, xw.buf, xw.digit = xmlSection, sec.end, xw.buf[:0], false
			return true
		}
		if len(m) < len(sec.start) && sec.start[:len(m)] == m {
			return true // still undecided
		}
	}
	if len(m) == 2 && (c == '/' || isNameByte(c)) || len(m) == 3 && m[1] == '/' && isNameByte(c) {
		if len(m) == 2 && c == '/' {
			return true // "</": the name comes next
		}
		xw.out = append(xw.out, m...)
		xw.state, xw.buf, xw.attr = xmlTag, xw.buf[:0], append(xw.attr[:0], c)
		return true
	}
	xw.buf = xw.buf[:len(xw.buf)-1] // c is not the markup's: the caller passes it on
	return false
}

// tag reads a byte of a start or end tag outside attribute values. Names
// (the element's, then each attribute's) are collected in attr; only an
// attribute's name matters.
func (xw *XMLWriter) tag(c byte) bool {
	switch {
	case c == '>':
		xw.state, xw.buf, xw.digit = xmlText, xw.buf[:0], false
	case c == '"' || c == '\'':
		xw.state, xw.quote, xw.buf, xw.digit = xmlValue, c, xw.buf[:0], false
	case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/':
		xw.attr = xw.attr[:0]
	case c == '=':
	case isNameByte(c):
		xw.attr = append(xw.attr, c)
		if len(xw.attr) > maxBare {
			return false
		}
	default:
		return false
	}
	xw.out = append(xw.out, c)
	return true
}

func isNameByte(c byte) bool {
	return isBareByte(c) || c == '_' || c == ':' || c >= 0x80
}

// segmentByte adds a byte of a segment, writing the head of a long one.
func (xw *XMLWriter) segmentByte(c byte, esc escapeFinder, hold int) {
	xw.buf = append(xw.buf, c)
	if len(xw.buf) > maxStringHold {
		xw.writeHead(esc, hold)
	}
}

// writeHead writes the start of a long segment, holding back at least
// hold-1 bytes (a section's end marker may be arriving).
func (xw *XMLWriter) writeHead(esc escapeFinder, hold int) {
	s := string(xw.buf[:len(xw.buf)-(hold-1)])
	head, cut := xw.r.segmentHead(s, xw.digit, esc)
	if cut == 0 {
		return
	}
	xw.out = append(xw.out, head...)
	xw.digit = isDigit(s[cut-1])
	xw.buf = append(xw.buf[:0], xw.buf[cut:]...)
}

// endSegment writes the segment read so far, masked.
func (xw *XMLWriter) endSegment(esc escapeFinder) {
	if len(xw.buf) > 0 {
		s := string(xw.buf)
		xw.out = append(xw.out, replaceSpans(s, xw.r.segmentSpans(s, xw.digit, esc))...)
	}
	xw.buf, xw.digit = xw.buf[:0], false
}

// toText gives up on XML: what is held and the rest of p go through a
// plain redacting Writer from now on.
func (xw *XMLWriter) toText(rest []byte) error {
	xw.text = xw.r.Writer(xw.w)
	// What is held goes through the text writer with the rest: a secret
	// may run from it into the rest.
	xw.text.digit = xw.digit
	held := append(xw.buf, rest...)
	out := xw.out
	xw.out, xw.buf = nil, nil
	if len(out) > 0 {
		xw.started = true
		if _, err := xw.w.Write(out); err != nil {
			return err
		}
	}
	_, err := xw.text.Write(held)
	return err
}

// Flush writes what is held back (trailing character data, or an
// unfinished tag or section, masked as text).
func (xw *XMLWriter) Flush() error {
	xw.mu.Lock()
	defer xw.mu.Unlock()
	if xw.text != nil {
		return xw.text.Flush()
	}
	xw.out = xw.out[:0]
	if len(xw.buf) > 0 {
		xw.out = append(xw.out, xw.r.redact(string(xw.buf), xw.digit)...)
		xw.buf, xw.digit = xw.buf[:0], false
	}
	return xw.flushOut()
}

// Close flushes; it does not close the underlying writer.
func (xw *XMLWriter) Close() error { return xw.Flush() }

// xmlEntity finds the character reference ("&amp;", "&#x9;") that
// boundary i of s falls strictly inside of.
func xmlEntity(s string, i int) (start, end int, ok bool) {
	for j := i - 1; j >= 0 && j >= i-10; j-- {
		switch s[j] {
		case ';':
			return 0, 0, false
		case '&':
			for k := j + 1; k < len(s) && k <= j+11; k++ {
				if s[k] == ';' {
					return j, k + 1, i <= k
				}
			}
			return 0, 0, false
		}
	}
	return 0, 0, false
}
