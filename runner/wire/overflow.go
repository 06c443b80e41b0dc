package wire

import "bytes"

// OverflowError is a response head over Transport.HeaderFieldLimit, with
// what Node's parser reports of it: Packet, the chunk its parser was given
// when the count went over (Node's rawPacket: the whole answer read with
// the head when the server wrote it at once, else the piece that took the
// count over), and BytesParsed, where llhttp stopped in it: just past the
// span (reason phrase, header name or value) whose length took the count
// to the limit. Packet is nil when the head came in the first read (so
// never over the limit) or the place cannot be found.
type OverflowError struct {
	BytesParsed int
	Packet      []byte
}

func (e *OverflowError) Error() string { return ErrHeaderOverflow.Error() }

// Is makes errors.Is(err, ErrHeaderOverflow) hold.
func (e *OverflowError) Is(target error) bool { return target == ErrHeaderOverflow }

// overflowAt is where Node's parser, counting the reason phrase and each
// header name and value of head as one chunk, reaches limit: past the
// reason's line end, a name's colon or a value's line end. ok is false when
// the count stays under it.
func overflowAt(head []byte, limit int) (at int, ok bool) {
	eol := bytes.IndexByte(head, '\n')
	if eol < 0 {
		return 0, false
	}
	line := bytes.TrimSuffix(head[:eol], []byte("\r"))
	// "HTTP/1.1 200 Reason": the reason is what follows the second space.
	reason := 0
	if sp := bytes.IndexByte(line, ' '); sp >= 0 {
		if sp2 := bytes.IndexByte(line[sp+1:], ' '); sp2 >= 0 {
			reason = len(line) - (sp + 1 + sp2 + 1)
		}
	}
	count := reason
	if count >= limit {
		return len(line) + 1, true
	}
	for start := eol + 1; start < len(head); {
		end := bytes.IndexByte(head[start:], '\n')
		if end < 0 {
			return 0, false
		}
		end += start
		line := bytes.TrimSuffix(head[start:end], []byte("\r"))
		if len(line) == 0 {
			return 0, false
		}
		colon := bytes.IndexByte(line, ':')
		if colon < 0 {
			return 0, false
		}
		if count += colon; count >= limit {
			return start + colon + 1, true
		}
		value := bytes.TrimLeft(line[colon+1:], " \t")
		if count += len(value); count >= limit {
			return start + len(line) + 1, true
		}
		start = end + 1
	}
	return 0, false
}
