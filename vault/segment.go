package vault

// A segment is a stretch of a structured document where text from the run
// can be (a JSON string, XML character data or an attribute value), as
// written: with the format's escape sequences. The structured writers mask
// each segment as a whole, so a mask never cuts an escape sequence in two
// (a mask after a backslash, "\***", or inside "&amp;" would leave a
// document that no longer parses).

// escapeFinder finds the escape sequence that boundary i of s falls
// strictly inside of; nil means the segment has none (CDATA).
type escapeFinder func(s string, i int) (start, end int, ok bool)

// segmentSpans returns the spans of segment s to mask, each widened to
// whole escape sequences. digitBefore says s follows a digit.
func (r *Redactor) segmentSpans(s string, digitBefore bool, esc escapeFinder) []span {
	secrets := r.snapshot()
	if len(secrets) == 0 {
		return nil
	}
	spans := outsideNumbers(s, textSpans(s, secrets, r.rawValues()), digitBefore)
	if esc == nil {
		return spans
	}
	for i, sp := range spans {
		if start, _, ok := esc(s, sp.start); ok {
			spans[i].start = start
		}
		if _, end, ok := esc(s, sp.end); ok {
			spans[i].end = end
		}
	}
	return mergeSpans(spans)
}

// segmentHead masks the start of a long segment s, holding back the tail
// a secret could still run on into. It returns the masked head and how
// many bytes of s it covers (0: hold everything for now).
func (r *Redactor) segmentHead(s string, digitBefore bool, esc escapeFinder) (string, int) {
	secrets := r.holdSnapshot()
	cut := holdFrom(s, secrets)
	if len(secrets) > 0 {
		// An encoded form may be longer than any needle: hold a margin.
		cut = min(cut, max(0, len(s)-4*len(secrets[0])))
	}
	spans := r.segmentSpans(s, digitBefore, esc)
	for _, sp := range spans {
		if sp.start < cut && sp.end >= cut {
			cut = sp.start
		}
	}
	if esc != nil {
		if start, _, ok := esc(s, cut); ok {
			cut = start
		}
	}
	if cut == 0 {
		return "", 0
	}
	var head []span
	for _, sp := range spans {
		if sp.end <= cut {
			head = append(head, sp)
		}
	}
	return replaceSpans(s[:cut], head), cut
}
