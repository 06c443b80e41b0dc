package report

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
)

// spool holds text that must be written later (failures after the
// executions, JUnit suites before which the root element's totals go). It
// keeps up to limit bytes in memory and moves to a temporary file beyond
// that, so long runs keep a flat memory profile.
type spool struct {
	dir   string
	limit int
	buf   bytes.Buffer
	f     *os.File
	w     *bufio.Writer // to f, so that each piece is not a write of its own
	err   error
	n     int64 // bytes spooled so far
}

const spoolLimit = 1 << 20

func (s *spool) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	s.n += int64(len(p))
	if s.f == nil && s.buf.Len()+len(p) > s.limit {
		f, err := os.CreateTemp(s.dir, "courier-report-*.tmp")
		if err != nil {
			s.err = fmt.Errorf("creating report spool: %w", err)
			return 0, s.err
		}
		s.f, s.w = f, bufio.NewWriterSize(f, 64<<10)
		if _, err := s.w.Write(s.buf.Bytes()); err != nil {
			s.err = fmt.Errorf("writing report spool: %w", err)
			return 0, s.err
		}
		s.buf = bytes.Buffer{}
	}
	if s.f != nil {
		n, err := s.w.Write(p)
		if err != nil {
			s.err = fmt.Errorf("writing report spool: %w", err)
		}
		return n, s.err
	}
	return s.buf.Write(p)
}

// copyTo writes everything spooled so far to w.
func (s *spool) copyTo(w io.Writer) error {
	if s.err != nil {
		return s.err
	}
	if s.f == nil {
		_, err := w.Write(s.buf.Bytes())
		return err
	}
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("writing report spool: %w", err)
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("rewinding report spool: %w", err)
	}
	_, err := io.Copy(w, s.f)
	return err
}

// release drops the spooled data and removes the temporary file.
func (s *spool) release() {
	if s.f != nil {
		name := s.f.Name()
		s.f.Close()
		os.Remove(name)
		s.f, s.w = nil, nil
	}
	s.buf = bytes.Buffer{}
}

// inMemory returns what was spooled when it is all still in memory.
func (s *spool) inMemory() ([]byte, bool) {
	if s.err != nil || s.f != nil {
		return nil, false
	}
	return s.buf.Bytes(), true
}

// reader returns what was spooled, from the start.
func (s *spool) reader() (io.Reader, error) {
	if s.err != nil {
		return nil, s.err
	}
	if s.f == nil {
		return bytes.NewReader(s.buf.Bytes()), nil
	}
	if err := s.w.Flush(); err != nil {
		return nil, fmt.Errorf("writing report spool: %w", err)
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("rewinding report spool: %w", err)
	}
	return s.f, nil
}
