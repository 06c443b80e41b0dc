package echo

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/courier-run/courier/simulators/loopback"
)

// ListenRawEcho starts the raw echo server Newman's integration suite runs
// on localhost:4041. Every response is the request message byte for byte
// (request line, headers in their original case and order, body), so tests
// can check custom methods, bodies on GET/HEAD and URL encoding on the wire:
//
//	HTTP/1.1 200 ok
//	connection: close
//	content-type: text/plain
//	raw-request: <the message as a JSON string>
//
// The raw-request header exists for HEAD, whose response has no body. A
// request for /reply/{base64} is answered with the decoded bytes instead
// (cannedReply), and the connection closes. Probes of kept-alive
// connections use three more: /keep/{base64} sends the decoded bytes and
// keeps the connection open for the next request; on a connection that
// served one before, /hangup-if-reused closes without answering and
// /reset-if-reused resets (each is echoed on a fresh connection);
// /early/{base64} sends the decoded bytes before reading the request's
// body. A connection that starts with a TLS handshake record (https to the
// raw echo) is closed at once: a server that hangs up during the
// handshake. It works below net/http because Go's server would canonicalise header names
// and reject some of the request targets those tests send.
func ListenRawEcho(addr string) (*loopback.Server, error) {
	ln, err := loopback.Listen(addr)
	if err != nil {
		return nil, err
	}
	var (
		mu    sync.Mutex
		conns = map[net.Conn]struct{}{}
		wg    sync.WaitGroup
	)
	stop := func() error {
		err := ln.Close()
		mu.Lock()
		for c := range conns {
			_ = c.Close()
		}
		mu.Unlock()
		return err
	}
	serve := func() error {
		defer wg.Wait()
		for {
			c, err := ln.Accept()
			if err != nil {
				if errors.Is(err, net.ErrClosed) {
					return nil
				}
				return fmt.Errorf("raw echo: %w", err)
			}
			mu.Lock()
			conns[c] = struct{}{}
			mu.Unlock()
			wg.Add(1)
			go func() {
				defer wg.Done()
				echoRawConn(c)
				mu.Lock()
				delete(conns, c)
				mu.Unlock()
			}()
		}
	}
	return loopback.Run(ln, serve, stop), nil
}

// rawEchoLimit caps how much of one request is echoed.
const rawEchoLimit = 64 << 20

func echoRawConn(c net.Conn) {
	defer c.Close()
	br := bufio.NewReader(c)
	_ = c.SetDeadline(time.Now().Add(time.Minute))
	if first, err := br.Peek(1); err != nil || first[0] == 0x16 {
		// A TLS handshake record (https to the raw echo): closed at once,
		// a server that hangs up during the handshake.
		return
	}
	for reused := false; ; reused = true {
		_ = c.SetDeadline(time.Now().Add(time.Minute))
		var msg bytes.Buffer
		line, err := br.ReadString('\n') // the request line
		msg.WriteString(line)
		if err != nil {
			return
		}
		method, rest, _ := strings.Cut(line, " ")
		target, _, _ := strings.Cut(rest, " ")
		// A request for /early/ is answered before its body is read.
		if err := readRawMessage(br, &msg, !strings.HasPrefix(target, "/early/")); err != nil && msg.Len() == 0 {
			return
		}
		switch {
		case strings.HasPrefix(target, "/keep/"):
			// The canned reply, and the connection stays open for the
			// next request.
			if reply, ok := cannedReply(strings.Replace(rest, "/keep/", "/reply/", 1)); ok {
				if _, err := c.Write(reply); err != nil {
					return
				}
				continue
			}
		case reused && strings.HasPrefix(target, "/hangup-if-reused"):
			return // closed without an answer
		case reused && strings.HasPrefix(target, "/reset-if-reused"):
			if tc, ok := c.(*net.TCPConn); ok {
				_ = tc.SetLinger(0) // the close sends a reset
			}
			return
		case strings.HasPrefix(target, "/early/"):
			reply, _ := cannedReply(strings.Replace(rest, "/early/", "/reply/", 1))
			writeAndClose(c, br, reply)
			return
		}
		if reply, ok := cannedReply(rest); ok {
			writeAndClose(c, br, reply)
			return
		}
		var out bytes.Buffer
		out.WriteString("HTTP/1.1 200 ok\r\nconnection: close\r\ncontent-type: text/plain\r\n")
		out.WriteString("raw-request: " + jsQuote(msg.String()) + "\r\n")
		out.WriteString("content-length: " + strconv.Itoa(msg.Len()) + "\r\n\r\n")
		if method != "HEAD" {
			out.Write(msg.Bytes())
		}
		writeAndClose(c, br, out.Bytes())
		return
	}
}

// writeAndClose writes the answer, half-closes and drains briefly so the
// client reads a clean end of stream rather than a reset caused by unread
// bytes. The answer and the end of stream leave together (sendAndShut, on
// Linux): a canned answer that does not say Connection: close looks
// reusable, and a client that took the connection back before the end of
// stream arrived would send its next request into the close. A server in a
// process of its own closes at once; one goroutine among many under load
// may not.
func writeAndClose(c net.Conn, br *bufio.Reader, answer []byte) {
	done, err := sendAndShut(c, answer)
	if err != nil {
		return
	}
	if !done {
		if _, err := c.Write(answer); err != nil {
			return
		}
	}
	if tc, ok := c.(*net.TCPConn); ok {
		if !done {
			_ = tc.CloseWrite()
		}
		_ = c.SetReadDeadline(time.Now().Add(200 * time.Millisecond))
		_, _ = io.Copy(io.Discard, br)
	}
}

// cannedReply is the answer a request for /reply/{base64}[?...] asks for:
// the decoded bytes, sent as they are (status line, header fields and
// body, however malformed), then the connection closes. Probes use it to
// see how clients read responses a conforming server would never send.
func cannedReply(requestLineRest string) ([]byte, bool) {
	target, _, _ := strings.Cut(requestLineRest, " ")
	enc, ok := strings.CutPrefix(target, "/reply/")
	if !ok {
		return nil, false
	}
	enc, _, _ = strings.Cut(enc, "?")
	b, err := decodeBase64Arg(enc)
	return b, err == nil
}

// readRawMessage copies the rest of one HTTP/1.x request, after its
// request line, into msg exactly as received: the head and, with body, the
// body as Content-Length or chunked framing announces it.
func readRawMessage(br *bufio.Reader, msg *bytes.Buffer, body bool) error {
	length, chunked := int64(0), false
	for {
		line, err := br.ReadString('\n')
		msg.WriteString(line)
		if err != nil {
			return err
		}
		field := strings.TrimRight(line, "\r\n")
		if field == "" {
			break
		}
		name, value, ok := strings.Cut(field, ":")
		if !ok {
			continue
		}
		value = strings.TrimSpace(value)
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "content-length":
			if n, err := strconv.ParseInt(value, 10, 64); err == nil && n > 0 {
				length = min(n, rawEchoLimit)
			}
		case "transfer-encoding":
			chunked = strings.Contains(strings.ToLower(value), "chunked")
		}
	}
	if !body {
		return nil
	}
	if !chunked {
		_, err := io.CopyN(msg, br, length)
		return err
	}
	for msg.Len() < rawEchoLimit {
		line, err := br.ReadString('\n')
		msg.WriteString(line)
		if err != nil {
			return err
		}
		sizeField, _, _ := strings.Cut(strings.TrimRight(line, "\r\n"), ";")
		size, err := strconv.ParseInt(strings.TrimSpace(sizeField), 16, 64)
		if err != nil {
			return fmt.Errorf("bad chunk size %q: %w", sizeField, err)
		}
		if size == 0 {
			for { // trailer fields, up to the blank line
				t, err := br.ReadString('\n')
				msg.WriteString(t)
				if err != nil || strings.TrimRight(t, "\r\n") == "" {
					return err
				}
			}
		}
		if _, err := io.CopyN(msg, br, size+2); err != nil { // data and CRLF
			return err
		}
	}
	return nil
}
