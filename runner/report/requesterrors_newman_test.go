package report

import (
	"bufio"
	"bytes"
	"crypto/tls"
	"encoding/json"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/simulators/echo"
)

// newmanRequestErrors is Newman 6.2.2's run.failures for the collection
// of newman-request-errors (recorded three times under unshare -n, Node
// 20.20.2, identical once id and timestamp are left out; servers.js there
// makes each port misbehave; rawPacket, Node's copy of the bytes received,
// is left out too).
type newmanRequestError struct {
	Item  string `json:"item"`
	At    string `json:"at"`
	Error struct {
		jsonError
	} `json:"error"`
}

// readNewmanRequestErrors reads a collection of newman-request-errors and
// Newman's failures for it: collection.json's in newman-6.2.2-failures.json,
// tls-verify.json's (certificates refused, servers of simulators/echo's
// test PKI) in newman-6.2.2-tls-verify.json.
func readNewmanRequestErrors(t *testing.T, collFile, failuresFile string) (*collections.Collection, []newmanRequestError, []map[string]json.RawMessage) {
	t.Helper()
	g := goldenDir("newman-request-errors", "")
	var fs []newmanRequestError
	g.decode(t, failuresFile, &fs)
	var raw []struct {
		Error map[string]json.RawMessage `json:"error"`
	}
	g.decode(t, failuresFile, &raw)
	fields := make([]map[string]json.RawMessage, len(raw))
	for i, r := range raw {
		fields[i] = r.Error
	}
	coll, err := collections.LoadBytes(g.read(t, collFile), collFile)
	if err != nil {
		t.Fatal(err)
	}
	return coll, fs, fields
}

// requestURL is the URL of the failure's request: the item's, or for a
// pm.sendRequest the one its name gives ("sendRequest <scheme>://host:port").
func requestURL(coll *collections.Collection, item string) string {
	if u, ok := strings.CutPrefix(item, "sendRequest "); ok && strings.Contains(u, "://") {
		return u + "/y"
	}
	for _, it := range coll.Items {
		if it.Name == item && it.Request != nil {
			return it.Request.URL.Raw
		}
	}
	return ""
}

// courierModels says whether Newman's error holds only the fields
// courier's requestError has: Node's parse errors add bytesParsed, reason
// and rawPacket, a TLS socket's path, host and port.
func courierModels(fields map[string]json.RawMessage) bool {
	for k := range fields {
		switch k {
		case "errno", "code", "syscall", "address", "port", "hostname", "connect", "name", "message", "stack",
			"checksum", "stacktrace", "bytesParsed", "reason":
		default:
			return false
		}
	}
	return true
}

// nodeOnly says whether every frame of a stack is in Node's own code
// (node:…), the same wherever Newman is installed.
func nodeOnly(stack string) bool {
	_, frames, ok := strings.Cut(stack, "\n")
	if !ok {
		return false
	}
	for _, f := range strings.Split(frames, "\n") {
		if !strings.Contains(f, "(node:") && !strings.HasPrefix(strings.TrimSpace(f), "at node:") {
			return false
		}
	}
	return true
}

// TestRequestErrorStacksAsNewman gives each request error Newman recorded
// to courier's report as the runner describes it (same name, message and
// Node fields) and checks what serialised-error adds: a stack whose frames
// lie in Node's own code is Newman's to the byte, and so, when Newman's
// error has no fields courier lacks, are its checksum and stacktrace.
// Other stacks (frames in postman-request, whose path is where Newman was
// installed) keep Newman's first line, "[CODE]" included.
func TestRequestErrorStacksAsNewman(t *testing.T) {
	t.Parallel()
	coll, fs, fields := readNewmanRequestErrors(t, "collection.json", "newman-6.2.2-failures.json")
	vcoll, vfs, vfields := readNewmanRequestErrors(t, "tls-verify.json", "newman-6.2.2-tls-verify.json")
	colls := make([]*collections.Collection, 0, len(fs)+len(vfs))
	for range fs {
		colls = append(colls, coll)
	}
	for range vfs {
		colls = append(colls, vcoll)
	}
	fs, fields = append(fs, vfs...), append(fields, vfields...)
	full, sums := 0, 0
	for i, f := range fs {
		coll := colls[i]
		want := f.Error.jsonError
		ei := &runner.ErrorInfo{Name: want.Name, Text: want.Message, Message: want.Message, Code: want.Code, Errno: want.Errno,
			Syscall: want.Syscall, Address: want.Address, Port: want.Port, Hostname: want.Hostname, Connect: want.Connect}
		ei.BytesParsed, ei.Reason = want.BytesParsed, want.Reason
		if want.BytesParsed != nil {
			// What servers.js sent, which Node's parser error keeps.
			ei.RawPacket = []byte("garbage\r\n\r\n")
			if want.Code == "HPE_HEADER_OVERFLOW" {
				ei.RawPacket = []byte("HTTP/1.1 200 OK\r\nx-big: " + strings.Repeat("a", 20000) + "\r\n\r\n")
			}
		}
		url := requestURL(coll, f.Item)
		if url == "" {
			t.Fatalf("%s: no URL in the collection", f.Item)
		}
		got := requestErrorJSON(ei, url)
		var j JSON
		j.decorate(got)
		if !nodeOnly(want.Stack) {
			first, _, _ := strings.Cut(want.Stack, "\n")
			if got.Stack != first {
				t.Errorf("%s: stack %q, want Newman's first line %q", f.Item, got.Stack, first)
			}
			continue
		}
		full++
		if got.Stack != want.Stack {
			t.Errorf("%s: stack\n%s\nwant Newman's\n%s", f.Item, got.Stack, want.Stack)
			continue
		}
		if !courierModels(fields[i]) {
			continue
		}
		sums++
		if got.Checksum != want.Checksum {
			t.Errorf("%s: checksum %s, want Newman's %s", f.Item, got.Checksum, want.Checksum)
		}
		var g, w any
		_ = json.Unmarshal(got.Stacktrace, &g)
		_ = json.Unmarshal(fields[i]["stacktrace"], &w)
		if gb, wb := mustJSON(t, g), mustJSON(t, w); gb != wb {
			t.Errorf("%s: stacktrace %s, want Newman's %s", f.Item, gb, wb)
		}
	}
	// The recordings have 21 stacks of Node's frames alone, all on
	// errors with courier's fields only (a parse error's bytesParsed,
	// reason and rawPacket among them): a smaller count means the data
	// changed, not that courier matched.
	if full != 21 || sums != 21 {
		t.Errorf("compared %d whole stacks and %d checksums, want 21 and 21", full, sums)
	}
}

// misbehave serves one way of failing a request, as servers.js does for
// the recording: on the first bytes of the request it hangs up, resets,
// sends a short body, a bad status line or a head over Node's limit.
func misbehave(t *testing.T, ln net.Listener, how string) {
	t.Helper()
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				_, _ = bufio.NewReader(c).ReadString('\n')
				switch how {
				case "hangup":
				case "reset":
					if tc, ok := c.(*net.TCPConn); ok {
						_ = tc.SetLinger(0)
					}
				case "short":
					_, _ = c.Write([]byte("HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\nabc"))
				case "garbage":
					_, _ = c.Write([]byte("garbage\r\n\r\n"))
				case "overflow":
					_, _ = c.Write([]byte("HTTP/1.1 200 OK\r\nx-big: " + strings.Repeat("a", 20000) + "\r\n\r\n"))
				}
			}()
		}
	}()
}

// TestRequestErrorStacksFromRealRun runs the recorded collection's
// requests that a Go server can fail the same way through the real runner
// (plain and TLS) and checks that each failure's message, code, stack and
// checksum are Newman's: the runner words the error as Node does and the
// report picks the frames of the request's scheme.
func TestRequestErrorStacksFromRealRun(t *testing.T) {
	t.Parallel()
	_, fs, fields := readNewmanRequestErrors(t, "collection.json", "newman-6.2.2-failures.json")
	pki, err := echo.NewPKI(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	raw := goldenDir("newman-request-errors", "").read(t, "collection.json")
	for port, how := range map[string]string{"4301": "hangup", "4302": "reset", "4303": "short", "4304": "garbage", "4305": "overflow",
		"4311": "hangup", "4313": "short", "4314": "garbage"} {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		if port[2] == '1' {
			ln = tls.NewListener(ln, &tls.Config{Certificates: []tls.Certificate{pki.Server}})
		}
		misbehave(t, ln, how)
		raw = bytes.ReplaceAll(raw, []byte("127.0.0.1:"+port+"/"), []byte(ln.Addr().String()+"/"))
	}
	run, err := collections.LoadBytes(raw, "collection.json")
	if err != nil {
		t.Fatal(err)
	}
	// Only the items a Go server reproduces; the others need a name
	// server, a timeout or Node's own refusals.
	keep := map[string]bool{"refused": true, "refused tls": true, "hang up": true, "hang up tls": true, "reset": true,
		"reset in handshake": true, "aborted": true, "aborted tls": true, "header overflow": true, "bad status line": true, "bad status line tls": true,
		"sendRequest refused": true, "sendRequest hang up tls": true}
	run.Items = func() []*collections.Item {
		var items []*collections.Item
		for _, it := range run.Items {
			if keep[it.Name] {
				items = append(items, it)
			}
		}
		return items
	}()
	out := runJSON(t, run, runner.Options{Insecure: true})
	var rep struct {
		Run struct {
			Failures []struct {
				Error  jsonError
				Source struct{ Name string }
			}
		}
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatal(err)
	}
	var want []newmanRequestError
	var wantFields []map[string]json.RawMessage
	for i, f := range fs {
		name := f.Item
		if strings.HasPrefix(name, "sendRequest ") && !keep[name] {
			name = "" // a pm.sendRequest's own failure has no item name
		}
		if keep[f.Item] || name == "" {
			want = append(want, f)
			wantFields = append(wantFields, fields[i])
		}
	}
	if len(rep.Run.Failures) != len(want) {
		t.Fatalf("%d failures, want %d as Newman's", len(rep.Run.Failures), len(want))
	}
	for i, f := range rep.Run.Failures {
		w := want[i].Error.jsonError
		got := f.Error
		if got.Message != w.Message || got.Code != w.Code || got.Stack != w.Stack {
			t.Errorf("failure %d (%s): %s / %s\n%s\nwant Newman's %s / %s\n%s", i, want[i].Item, got.Code, got.Message, got.Stack, w.Code, w.Message, w.Stack)
			continue
		}
		if (got.BytesParsed == nil) != (w.BytesParsed == nil) || got.BytesParsed != nil && *got.BytesParsed != *w.BytesParsed {
			// A head over Node's limit written at once carries where llhttp
			// stopped, as Newman's does (wire.OverflowError).
			t.Errorf("failure %d (%s): bytesParsed %v, want Newman's %v", i, want[i].Item, got.BytesParsed, w.BytesParsed)
		}
		if courierModels(wantFields[i]) && got.Checksum != w.Checksum {
			t.Errorf("failure %d (%s): checksum %s, want Newman's %s", i, want[i].Item, got.Checksum, w.Checksum)
		}
	}
}

// TestTLSVerifyStacksFromRealRun serves the certificates of the recording
// (simulators/echo's test PKI: an authority the client does not trust, an
// expired, a self-signed, a chain ending in its self-signed authority, a
// wrong host on the untrusted authority) and checks each refusal's code,
// message, stack and checksum against Newman's.
func TestTLSVerifyStacksFromRealRun(t *testing.T) {
	t.Parallel()
	_, fs, _ := readNewmanRequestErrors(t, "tls-verify.json", "newman-6.2.2-tls-verify.json")
	pki, err := echo.NewPKI(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	raw := goldenDir("newman-request-errors", "").read(t, "tls-verify.json")
	for port, cert := range map[string]tls.Certificate{"4221": pki.Server, "4222": pki.Expired, "4223": pki.SelfSigned,
		"4224": pki.Chain, "4225": pki.WrongHost} {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ln = tls.NewListener(ln, &tls.Config{Certificates: []tls.Certificate{cert}})
		misbehave(t, ln, "hangup") // the handshake fails first
		raw = bytes.ReplaceAll(raw, []byte("127.0.0.1:"+port+"/"), []byte(ln.Addr().String()+"/"))
	}
	coll, err := collections.LoadBytes(raw, "tls-verify.json")
	if err != nil {
		t.Fatal(err)
	}
	out := runJSON(t, coll, runner.Options{})
	var rep struct {
		Run struct{ Failures []struct{ Error jsonError } }
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Run.Failures) != len(fs) {
		t.Fatalf("%d failures, want %d as Newman's", len(rep.Run.Failures), len(fs))
	}
	for i, f := range rep.Run.Failures {
		w, got := fs[i].Error.jsonError, f.Error
		if got.Message != w.Message || got.Code != w.Code || got.Stack != w.Stack || got.Checksum != w.Checksum {
			t.Errorf("%s: %s / %s / %s\n%s\nwant Newman's %s / %s / %s\n%s", fs[i].Item, got.Code, got.Message, got.Checksum, got.Stack,
				w.Code, w.Message, w.Checksum, w.Stack)
		}
	}
}
