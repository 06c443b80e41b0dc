package runner

import (
	"encoding/binary"
	"hash"
	"hash/adler32"
	"hash/crc32"
	"math/bits"
)

// Node's zlib (postman-request's decoder) names a broken compressed body
// with zlib's own words ("incorrect header check", "invalid distance too
// far back"), and Newman reports the request as failed with them. Go's
// decoders say something else, so when they refuse a body, zlibMessage
// walks it again the way zlib's inflate does and returns zlib's message
// for the first check that fails. It runs only on a body already refused:
// it is written to be plain, not fast.
//
// postman-request decodes with Z_SYNC_FLUSH, so a body that ends early is
// not an error: what came is kept. zlibMessage then returns "".

// zlibFormat is the wrapper around the deflate data.
type zlibFormat int

const (
	formatRaw  zlibFormat = iota // inflateRaw
	formatZlib                   // inflate (RFC 1950)
	formatGzip                   // gunzip (RFC 1952)
)

// inflateBits reads a deflate stream's bits, least significant first.
type inflateBits struct {
	data []byte
	pos  int    // next byte
	hold uint64 // bits not used yet
	n    uint   // how many
}

// need makes sure n bits are held; false when the input ends first.
func (b *inflateBits) need(n uint) bool {
	for b.n < n {
		if b.pos >= len(b.data) {
			return false
		}
		b.hold |= uint64(b.data[b.pos]) << b.n
		b.pos++
		b.n += 8
	}
	return true
}

func (b *inflateBits) take(n uint) (uint32, bool) {
	if !b.need(n) {
		return 0, false
	}
	v := uint32(b.hold & (1<<n - 1))
	b.hold >>= n
	b.n -= n
	return v, true
}

// align drops the bits left in the current byte.
func (b *inflateBits) align() { b.hold >>= b.n % 8; b.n -= b.n % 8 }

// inflateCode is a canonical Huffman code: how many codes of each length,
// and the symbols in code order.
type inflateCode struct {
	count  [16]int
	symbol []int
}

// buildCode builds the code for lengths and says, as zlib's inflate_table
// does, whether it is usable: never when over-subscribed; when incomplete,
// only for literal/length and distance codes whose longest code is 1 bit
// (codeLengths false) or that have no codes at all.
func buildCode(lengths []int, codeLengths bool) (*inflateCode, bool) {
	c := &inflateCode{symbol: make([]int, 0, len(lengths))}
	maxLen := 0
	for _, l := range lengths {
		c.count[l]++
		maxLen = max(maxLen, l)
	}
	if maxLen == 0 {
		return c, !codeLengths
	}
	left := 1
	for l := 1; l < 16; l++ {
		left <<= 1
		left -= c.count[l]
		if left < 0 {
			return nil, false
		}
	}
	if left > 0 && (codeLengths || maxLen != 1) {
		return nil, false
	}
	for l := 1; l < 16; l++ {
		for s, sl := range lengths {
			if sl == l {
				c.symbol = append(c.symbol, s)
			}
		}
	}
	return c, true
}

// decode reads one symbol: -1 when the input ends, -2 for a bit pattern
// the (incomplete) code does not have.
func (c *inflateCode) decode(b *inflateBits) int {
	code, first, index := 0, 0, 0
	for l := 1; l < 16; l++ {
		bit, ok := b.take(1)
		if !ok {
			return -1
		}
		code |= int(bit)
		count := c.count[l]
		if code-count < first {
			return c.symbol[index+(code-first)]
		}
		index += count
		first += count
		first <<= 1
		code <<= 1
	}
	return -2
}

var (
	lengthBase  = [...]int{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lengthExtra = [...]uint{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	distBase    = [...]int{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
	distExtra   = [...]uint{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
	// codeLengthOrder is the order of the code length code's lengths.
	codeLengthOrder = [...]int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}
)

// fixedCodes are deflate's fixed literal/length and distance codes, with
// the symbols zlib treats as invalid (286, 287; 30, 31) in them.
func fixedCodes() (*inflateCode, *inflateCode) {
	var lens [288]int
	for i := range lens {
		switch {
		case i < 144:
			lens[i] = 8
		case i < 256:
			lens[i] = 9
		case i < 280:
			lens[i] = 7
		default:
			lens[i] = 8
		}
	}
	lit, _ := buildCode(lens[:], false)
	var d [32]int
	for i := range d {
		d[i] = 5
	}
	dist, _ := buildCode(d[:], false)
	return lit, dist
}

// inflateState is one walk over a stream: the bits, the last 32 KiB of
// output (what a distance may reach back over), how much came out and the
// wrappers' checksums of it.
type inflateState struct {
	in     inflateBits
	window []byte
	total  int64
	crc    hash.Hash32
	adler  hash.Hash32
	// budget stops the walk of a body that expands without end.
	budget int64
}

// maxWindow is deflate's largest distance.
const maxWindow = 32 << 10

// emit adds output bytes: the checksums see each byte once, when it
// leaves the window or at the end (sum).
func (s *inflateState) emit(c byte) bool {
	s.window = append(s.window, c)
	s.total++
	if len(s.window) >= 2*maxWindow {
		s.hashOut(s.window[:maxWindow])
		s.window = append(s.window[:0], s.window[maxWindow:]...)
	}
	return s.total <= s.budget
}

func (s *inflateState) hashOut(b []byte) {
	_, _ = s.crc.Write(b)
	_, _ = s.adler.Write(b)
}

// sums finishes the checksums over the whole output.
func (s *inflateState) sums() (crc, adler uint32) {
	s.hashOut(s.window)
	s.window = s.window[:0]
	return s.crc.Sum32(), s.adler.Sum32()
}

// errTruncated is the walk's signal that the input ended: no error for
// a Z_SYNC_FLUSH decoder. errTooLong stops a walk past its budget.
const (
	errTruncated = "\x00truncated"
	errTooLong   = "\x00too long"
)

// blocks walks deflate blocks to the last one; "" when they are sound.
func (s *inflateState) blocks() string {
	for {
		hdr, ok := s.in.take(3)
		if !ok {
			return errTruncated
		}
		var msg string
		switch hdr >> 1 {
		case 0:
			msg = s.stored()
		case 1:
			lit, dist := fixedCodes()
			msg = s.codes(lit, dist)
		case 2:
			msg = s.dynamic()
		default:
			return "invalid block type"
		}
		if msg != "" || hdr&1 == 1 {
			return msg
		}
	}
}

func (s *inflateState) stored() string {
	s.in.align()
	v, ok := s.in.take(32)
	if !ok {
		return errTruncated
	}
	n, nn := v&0xffff, v>>16
	if n != nn^0xffff {
		return "invalid stored block lengths"
	}
	for range n {
		c, ok := s.in.take(8)
		if !ok {
			return errTruncated
		}
		if !s.emit(byte(c)) {
			return errTooLong
		}
	}
	return ""
}

func (s *inflateState) dynamic() string {
	v, ok := s.in.take(14)
	if !ok {
		return errTruncated
	}
	nlen, ndist, ncode := int(v&31)+257, int(v>>5&31)+1, int(v>>10)+4
	if nlen > 286 || ndist > 30 {
		return "too many length or distance symbols"
	}
	var cl [19]int
	for i := range ncode {
		l, ok := s.in.take(3)
		if !ok {
			return errTruncated
		}
		cl[codeLengthOrder[i]] = int(l)
	}
	clCode, ok := buildCode(cl[:], true)
	if !ok {
		return "invalid code lengths set"
	}
	lens := make([]int, 0, nlen+ndist)
	for len(lens) < nlen+ndist {
		sym := clCode.decode(&s.in)
		if sym == -1 {
			return errTruncated
		}
		if sym < 16 {
			lens = append(lens, sym)
			continue
		}
		var rep, extra, val uint
		switch sym {
		case 16:
			rep, extra = 3, 2
		case 17:
			rep, extra = 3, 3
		default:
			rep, extra = 11, 7
		}
		x, ok := s.in.take(extra)
		if !ok {
			return errTruncated
		}
		if sym == 16 {
			if len(lens) == 0 {
				return "invalid bit length repeat"
			}
			val = uint(lens[len(lens)-1])
		}
		n := int(rep + uint(x))
		if len(lens)+n > nlen+ndist {
			return "invalid bit length repeat"
		}
		for range n {
			lens = append(lens, int(val))
		}
	}
	if lens[256] == 0 {
		return "invalid code -- missing end-of-block"
	}
	lit, ok := buildCode(lens[:nlen], false)
	if !ok {
		return "invalid literal/lengths set"
	}
	dist, ok := buildCode(lens[nlen:], false)
	if !ok {
		return "invalid distances set"
	}
	return s.codes(lit, dist)
}

func (s *inflateState) codes(lit, dist *inflateCode) string {
	for {
		sym := lit.decode(&s.in)
		switch {
		case sym == -1:
			return errTruncated
		case sym == -2 || sym > 285:
			return "invalid literal/length code"
		case sym < 256:
			if !s.emit(byte(sym)) {
				return errTooLong
			}
			continue
		case sym == 256:
			return ""
		}
		sym -= 257
		x, ok := s.in.take(lengthExtra[sym])
		if !ok {
			return errTruncated
		}
		n := lengthBase[sym] + int(x)
		d := dist.decode(&s.in)
		switch {
		case d == -1:
			return errTruncated
		case d == -2 || d > 29:
			return "invalid distance code"
		}
		x, ok = s.in.take(distExtra[d])
		if !ok {
			return errTruncated
		}
		back := distBase[d] + int(x)
		if int64(back) > s.total {
			return "invalid distance too far back"
		}
		for range n {
			if !s.emit(s.window[len(s.window)-back]) {
				return errTooLong
			}
		}
	}
}

// zlibMessage is zlib's message for the first fault in data, or "" when
// zlib would take it (a body that ends early included) or when the walk
// gave up after budget bytes of output.
func zlibMessage(format zlibFormat, data []byte, budget int64) string {
	s := &inflateState{in: inflateBits{data: data}, crc: crc32.NewIEEE(), adler: adler32.New(), budget: budget}
	msg := s.walk(format, data)
	if msg == errTruncated || msg == errTooLong {
		return ""
	}
	return msg
}

func (s *inflateState) walk(format zlibFormat, data []byte) string {
	switch format {
	case formatZlib:
		if len(data) < 2 {
			return errTruncated
		}
		switch {
		case (int(data[0])<<8|int(data[1]))%31 != 0:
			return "incorrect header check"
		case data[0]&0x0f != 8:
			return "unknown compression method"
		case data[0]>>4+8 > 15:
			return "invalid window size"
		case data[1]&0x20 != 0:
			return "Missing dictionary"
		}
		sum, msg := s.blocksThenSum(2)
		if msg != "" {
			return msg
		}
		if _, adler := s.sums(); bits.ReverseBytes32(sum) != adler {
			return "incorrect data check"
		}
		return ""
	case formatGzip:
		return s.gzipMember(data)
	}
	return s.blocks()
}

// gzipMember checks one gzip member: header, data and trailer.
func (s *inflateState) gzipMember(data []byte) string {
	p, msg := gzipHeaderEnd(data)
	if msg != "" {
		return msg
	}
	sum, msg := s.blocksThenSum(p)
	if msg != "" {
		return msg
	}
	if crc, _ := s.sums(); sum != crc {
		return "incorrect data check"
	}
	size, ok := s.in.take(32)
	if !ok {
		return errTruncated
	}
	if size != uint32(s.total) {
		return "incorrect length check"
	}
	return ""
}

// gzipHeaderEnd checks a gzip member's header (RFC 1952: magic, method,
// flags and the optional extra field, name, comment and header CRC) and
// returns where its deflate data starts.
func gzipHeaderEnd(data []byte) (int, string) {
	if len(data) < 2 {
		return 0, errTruncated
	}
	if data[0] != 0x1f || data[1] != 0x8b {
		return 0, "incorrect header check"
	}
	if len(data) < 10 {
		return 0, errTruncated
	}
	if data[2] != 8 {
		return 0, "unknown compression method"
	}
	flags := data[3]
	if flags&0xe0 != 0 {
		return 0, "unknown header flags set"
	}
	p := 10
	if flags&4 != 0 { // FEXTRA
		if len(data) < p+2 {
			return 0, errTruncated
		}
		p += 2 + int(binary.LittleEndian.Uint16(data[p:]))
	}
	for _, f := range []byte{8, 16} { // FNAME, FCOMMENT: zero-terminated
		if flags&f == 0 {
			continue
		}
		for p < len(data) && data[p] != 0 {
			p++
		}
		p++
	}
	if flags&2 != 0 { // FHCRC
		if len(data) < p+2 {
			return 0, errTruncated
		}
		if binary.LittleEndian.Uint16(data[p:]) != uint16(crc32.ChecksumIEEE(data[:p])) {
			return 0, "header crc mismatch"
		}
		p += 2
	}
	if p > len(data) {
		return 0, errTruncated
	}
	return p, ""
}

// blocksThenSum walks the deflate blocks from byte pos, then reads the
// 32-bit check that follows them, byte aligned (zlib's Adler-32, gzip's
// CRC-32).
func (s *inflateState) blocksThenSum(pos int) (uint32, string) {
	s.in.pos = pos
	if msg := s.blocks(); msg != "" {
		return 0, msg
	}
	s.in.align()
	sum, ok := s.in.take(32)
	if !ok {
		return 0, errTruncated
	}
	return sum, ""
}
