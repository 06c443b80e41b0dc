package report

import (
	"errors"
	"strconv"
	"strings"

	"github.com/courier-run/courier/runner"
)

// Node's stack frames for the request errors whose frames lie wholly in
// Node's own code, so they are the same on every machine running Newman
// 6.2.2 under Node 20.20.2 (recorded in
// testdata/golden/report/newman-request-errors). serialised-error hashes
// the stack into the checksum and parses it into the stacktrace, so with
// these frames both come out as Newman's. Errors raised inside
// postman-request (its timeouts, an invalid URI or protocol) or before the
// socket (a bad port or header) carry frames with the path Newman was
// installed at: they keep their first line only.
const (
	frameConnect  = "\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16)"
	frameLookup   = "\n    at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:122:26)"
	frameReadTail = ".onStreamRead (node:internal/stream_base_commons:218:20)"
	// framesEnd follow "at <socket>.socketOnEnd": the end of stream
	// before an answer (socket hang up).
	framesEnd = "Socket.socketOnEnd (node:_http_client:528:25)\n    at %sSocket.emit (node:events:536:35)" +
		"\n    at endReadableNT (node:internal/streams/readable:1698:12)" +
		"\n    at process.processTicksAndRejections (node:internal/process/task_queues:82:21)"
	// framesData: llhttp refused what came (Parse Error).
	framesData = "Socket.socketOnData (node:_http_client:544:22)\n    at %sSocket.emit (node:events:524:28)" +
		"\n    at addChunk (node:internal/streams/readable:561:12)" +
		"\n    at readableAddChunkPushByteMode (node:internal/streams/readable:512:3)" +
		"\n    at Readable.push (node:internal/streams/readable:392:5)" +
		"\n    at %s.onStreamRead (node:internal/stream_base_commons:191:23)"
	// The connection closed in the middle of the answer (aborted).
	framesAbortedPlain = "\n    at Socket.socketCloseListener (node:_http_client:464:19)" +
		"\n    at Socket.emit (node:events:536:35)\n    at TCP.<anonymous> (node:net:343:12)"
	framesAbortedTLS = "\n    at TLSSocket.socketCloseListener (node:_http_client:464:19)" +
		"\n    at TLSSocket.emit (node:events:536:35)\n    at node:net:343:12\n    at TCP.done (node:_tls_wrap:669:7)"
	// The certificate failed OpenSSL's verification (verifyError, made
	// in C++ while onConnectSecure runs): the same frames for every code.
	framesVerify = "\n    at TLSSocket.onConnectSecure (node:_tls_wrap:1699:34)\n    at TLSSocket.emit (node:events:524:28)" +
		"\n    at TLSSocket._finishInit (node:_tls_wrap:1097:8)\n    at ssl.onhandshakedone (node:_tls_wrap:883:12)"
	// The server ended the connection during the TLS handshake.
	framesTLSEnd = "\n    at TLSSocket.onConnectEnd (node:_tls_wrap:1752:19)\n    at TLSSocket.emit (node:events:536:35)" +
		"\n    at endReadableNT (node:internal/streams/readable:1698:12)" +
		"\n    at process.processTicksAndRejections (node:internal/process/task_queues:82:21)"
)

// requestErrorStack is a request error's stack as Node writes it: its
// first line ("<name>: <message>", "<name> [<code>]: <message>" for the
// errors Node gives a code of its own), then Node's frames where they are
// known (see above). url is the request's URL: an https request's socket
// is a TLSSocket over a TLSWrap, which its frames name.
func requestErrorStack(err error, url string) string {
	name, msg := errorName(err), err.Error()
	var ei *runner.ErrorInfo
	if !errors.As(err, &ei) {
		return name + ": " + msg
	}
	if strings.HasPrefix(ei.Code, "ERR_") {
		// Node's own errors (ERR_SOCKET_BAD_PORT, ERR_INVALID_HTTP_TOKEN)
		// show their code in the stack's first line.
		return name + " [" + ei.Code + "]: " + msg
	}
	return name + ": " + msg + nodeFrames(ei, msg, hasScheme(url, "https:"))
}

// nodeFrames returns the frames of a request error Node raised in its own
// code, "" for any other.
func nodeFrames(ei *runner.ErrorInfo, msg string, tls bool) string {
	socket, wrap := "", "TCP"
	if tls {
		socket, wrap = "TLS", "TLSWrap"
	}
	switch {
	case ei.Code == "ECONNREFUSED" && ei.Syscall == "connect":
		return frameConnect
	case ei.Syscall == "getaddrinfo":
		return frameLookup
	case ei.Code == "ECONNRESET":
		return resetFrames(ei, msg, tls)
	case tls && verifyCodes[ei.Code]:
		return framesVerify
	case strings.HasPrefix(ei.Code, "HPE_") && strings.HasPrefix(msg, "Parse Error: "):
		return "\n    at " + socket + strings.Replace(strings.Replace(framesData, "%s", socket, 1), "%s", wrap, 1)
	}
	return ""
}

// resetFrames are the frames of Node's ECONNRESET errors: a reset read, an
// end of stream before the answer (socket hang up), a close inside it
// (aborted), an end during the TLS handshake.
func resetFrames(ei *runner.ErrorInfo, msg string, tls bool) string {
	socket, wrap := "", "TCP"
	if tls {
		socket, wrap = "TLS", "TLSWrap"
	}
	switch {
	case ei.Syscall == "read":
		return "\n    at " + wrap + frameReadTail
	case ei.Syscall != "":
		return ""
	case msg == "socket hang up":
		return "\n    at " + socket + strings.Replace(framesEnd, "%s", socket, 1)
	case msg == "aborted" && tls:
		return framesAbortedTLS
	case msg == "aborted":
		return framesAbortedPlain
	case tls && msg == "Client network socket disconnected before secure TLS connection was established":
		return framesTLSEnd
	}
	return ""
}

// chaiStack is the stack of a chai AssertionError a script let escape, as
// Newman 6.2.2's sandbox makes it: "Error: <message>" (the stack is taken
// before chai names the error), the script's frame in the sandbox's eval
// (the script's line + 3) and the sandbox's own frames, the same for every
// script (recorded in testdata/golden/report/newman-chai-errors).
func chaiStack(msg string, line, col int) string {
	return "Error: " + msg + "\n    at Object.eval (eval at exec (evalmachine.<anonymous>:66:1819788), <anonymous>:" +
		strconv.Itoa(line+3) + ":" + strconv.Itoa(col) + ")" + chaiSandboxFrames
}

// chaiSandboxFrames are Newman 6.2.2's sandbox frames under a script.
const chaiSandboxFrames = "\n    at u.exec (evalmachine.<anonymous>:66:1819823)\n    at t.exports (evalmachine.<anonymous>:66:5848)" +
	"\n    at Object.<anonymous> (evalmachine.<anonymous>:66:8247)\n    at evalmachine.<anonymous>:15:26" +
	"\n    at Array.forEach (<anonymous>)\n    at Object.emit (evalmachine.<anonymous>:14:59)" +
	"\n    at evalmachine.<anonymous>:59:24\n    at evalmachine.<anonymous>:5:21\n    at evalmachine.<anonymous>:6:18"

// verifyCodes are the certificate errors OpenSSL's verification gives
// (those courier words as Node does, runner/tlsnode.go).
var verifyCodes = map[string]bool{
	"UNABLE_TO_VERIFY_LEAF_SIGNATURE": true, "DEPTH_ZERO_SELF_SIGNED_CERT": true, "SELF_SIGNED_CERT_IN_CHAIN": true,
	"UNABLE_TO_GET_ISSUER_CERT_LOCALLY": true, "CERT_HAS_EXPIRED": true, "CERT_NOT_YET_VALID": true, "INVALID_PURPOSE": true,
}

// hasScheme reports whether url starts with scheme, in any case.
func hasScheme(url, scheme string) bool {
	return len(url) >= len(scheme) && strings.EqualFold(url[:len(scheme)], scheme)
}
