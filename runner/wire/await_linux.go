package wire

import (
	"io"
	"net"
	"syscall"
	"time"
	"unsafe"
)

// On Linux a Transport with AwaitResponse waits for answers and writes
// requests with raw system calls, which the Go scheduler does not see: the
// goroutine keeps its P and thread throughout. A write through the
// standard library enters the scheduler's system-call state, and when the
// kernel takes a while over it (on loopback the write also wakes the
// server, which may run first) the scheduler's monitor hands the P to
// another thread; a read that finds nothing parks the goroutine in the
// network poller, whose thread then has to be woken and hand it to a P.
// On a busy machine each of those hand-offs waits for a core.

// pollFd is poll(2)'s struct pollfd.
type pollFd struct {
	fd      int32
	events  int16
	revents int16
}

const pollIn = 0x1

// awaitReadable waits at most d for nc's socket to have something to read,
// in ppoll(2) on this thread. Any signal ends it early (Go's preemption
// among them, so a stop-the-world does not wait for it); the read that
// follows then parks as usual.
func awaitReadable(nc net.Conn, d time.Duration) {
	rc, ok := rawConn(nc)
	if !ok {
		return
	}
	_ = rc.Control(func(fd uintptr) {
		p := pollFd{fd: int32(fd), events: pollIn}
		ts := syscall.NsecToTimespec(int64(d))
		_, _, _ = syscall.RawSyscall6(syscall.SYS_PPOLL, uintptr(unsafe.Pointer(&p)), 1, uintptr(unsafe.Pointer(&ts)), 0, 0, 0)
	})
}

func rawConn(nc net.Conn) (syscall.RawConn, bool) {
	sc, ok := nc.(syscall.Conn)
	if !ok {
		return nil, false
	}
	rc, err := sc.SyscallConn()
	return rc, err == nil
}

// rawWriter writes to a non-blocking socket with raw write(2) calls; when
// the socket is full it waits for room in the network poller (and a
// deadline or a close ends the wait, as for any write).
type rawWriter struct{ rc syscall.RawConn }

// newRawWriter is a rawWriter for nc's socket, or nil when it has none.
func newRawWriter(nc net.Conn) io.Writer {
	rc, ok := rawConn(nc)
	if !ok {
		return nil
	}
	return &rawWriter{rc}
}

func (w *rawWriter) Write(p []byte) (int, error) {
	total := 0
	var werr error
	err := w.rc.Write(func(fd uintptr) bool {
		for len(p) > 0 {
			n, _, e := syscall.RawSyscall(syscall.SYS_WRITE, fd, uintptr(unsafe.Pointer(&p[0])), uintptr(len(p)))
			switch e {
			case 0:
				total += int(n)
				p = p[n:]
			case syscall.EINTR:
			case syscall.EAGAIN:
				return false // full: wait until it takes more
			default:
				werr = e
				return true
			}
		}
		return true
	})
	if werr != nil {
		return total, &net.OpError{Op: "write", Net: "tcp", Err: werr}
	}
	return total, err
}
