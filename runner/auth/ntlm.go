package auth

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/internal/ntlm"
)

// NTLM as postman-runtime 7.39 does it (lib/authorizer/ntlm.js over the
// httpntlm 1.8 library): the first request goes without Authorization; a
// 401/403 whose WWW-Authenticate offers NTLM or Negotiate is answered with a
// negotiate (type 1) message, the server's challenge (type 2) with an
// authenticate (type 3) message, each a replay of the request. The
// handshake's state lives in the auth's "state" and "ntlmHeader" parameters,
// as the runtime keeps it, and starts over after every request.
const (
	ntlmStateKey  = "state"
	ntlmHeaderKey = "ntlmHeader"

	ntlmInitialized = "INITIALIZED"
	ntlmT1Created   = "T1_MSG_CREATED"
	ntlmT3Created   = "T3_MSG_CREATED"
)

// NTLMState names the parameters the handshake keeps its state in.
var NTLMState = []string{ntlmStateKey, ntlmHeaderKey}

// The flags httpntlm sends: type 1 asks for these; type 3 always says the
// type 2 flags it expects, without Unicode when the server chose OEM.
const (
	ntlmType1Flags = ntlm.FlagUnicode | ntlm.FlagOEM | ntlm.FlagRequestTarget | ntlm.FlagNTLM |
		ntlm.FlagDomainSupplied | ntlm.FlagWorkstationSupplied | ntlm.FlagAlwaysSign |
		ntlm.FlagExtendedSecurity | ntlm.FlagVersion | ntlm.Flag128 | ntlm.Flag56
	ntlmType3Flags = ntlm.FlagUnicode | ntlm.FlagRequestTarget | ntlm.FlagNTLM | ntlm.FlagAlwaysSign |
		ntlm.FlagExtendedSecurity | ntlm.FlagTargetInfo | ntlm.FlagVersion | ntlm.Flag128 | ntlm.Flag56
)

// ntlmVersion is the version httpntlm writes: 5.1 build 2600, revision 15.
var ntlmVersion = []byte{5, 1, 0x28, 0x0a, 0, 0, 0, 15}

// Warning is an auth problem Postman reports as a console warning while the
// response that caused it stands (the runtime's "there was an error
// validating auth").
type Warning struct{ Msg string }

func (w *Warning) Error() string { return w.Msg }

// applyNTLM is the runtime's sign step: whatever Authorization the request
// has goes, and the handshake's current message (if any) takes its place.
func applyNTLM(req *http.Request, a *collections.Auth) {
	if a.Params == nil || a.Params[ntlmStateKey] == "" {
		// pre: a fresh handshake.
		a.Set(ntlmStateKey, ntlmInitialized)
		a.SetUndefined(ntlmHeaderKey)
	}
	for k := range req.Header {
		if strings.EqualFold(k, "Authorization") {
			delete(req.Header, k)
		}
	}
	if v := a.Params[ntlmHeaderKey]; v != "" {
		req.Header["Authorization"] = []string{v}
	}
}

// ntlmLearn is the runtime's post step for a response: it reports whether
// the request is to be replayed with the next message (now in the auth's
// ntlmHeader), and a *Warning when the server broke the handshake.
func ntlmLearn(a *collections.Auth, resp *http.Response, now time.Time) (bool, error) {
	p := paramsOf(a)
	if p.flag("disableRetryRequest") {
		return false, nil
	}
	stop := func(err error) (bool, error) {
		a.Set(ntlmStateKey, ntlmInitialized)
		a.SetUndefined(ntlmHeaderKey)
		return false, err
	}
	if resp.StatusCode != http.StatusUnauthorized && resp.StatusCode != http.StatusForbidden {
		return stop(nil)
	}
	domain, workstation, user, password := p.get("domain"), p.get("workstation"), p.get("username"), p.get("password")
	if domain == "" {
		user, domain = ntlmSplitUser(user)
	}
	switch p.get(ntlmStateKey) {
	case ntlmInitialized:
		if !ntlmOffered(resp.Header.Values("Www-Authenticate")) {
			return stop(nil)
		}
		a.Set(ntlmHeaderKey, ntlmNegotiate(domain, workstation))
		a.Set(ntlmStateKey, ntlmT1Created)
		return true, nil
	case ntlmT1Created:
		var challenge string
		for _, v := range resp.Header.Values("Www-Authenticate") {
			if strings.HasPrefix(v, "NTLM ") {
				challenge = v
				break
			}
		}
		if challenge == "" {
			return stop(&Warning{"ntlm: server did not send NTLM type 2 message"})
		}
		ch, ok := ntlmParseChallenge(challenge)
		if !ok {
			return stop(&Warning{"ntlm: server did not correctly process authentication request"})
		}
		a.Set(ntlmHeaderKey, ntlmAuthenticate(ch, domain, workstation, user, password, now))
		a.Set(ntlmStateKey, ntlmT3Created)
		return true, nil
	}
	return stop(nil)
}

// ntlmOffered is the runtime's check: a WWW-Authenticate that is exactly
// "NTLM" or "negotiate" (postman-collection compares values exactly, so
// "Negotiate" alone is no offer), or whose last value (headers.get) names
// NTLM.
func ntlmOffered(values []string) bool {
	for _, v := range values {
		if v == "NTLM" || v == "negotiate" {
			return true
		}
	}
	return len(values) > 0 && strings.Contains(values[len(values)-1], "NTLM")
}

// ntlmSplitUser reads a domain from "DOMAIN\user" or "user@domain" when no
// domain is given; a name in both forms or neither stays whole.
func ntlmSplitUser(user string) (string, string) {
	dll, upn := strings.Split(user, `\`), strings.Split(user, "@")
	switch {
	case len(dll) > 1 && len(upn) > 1:
	case len(dll) == 2 && dll[0] != "" && dll[1] != "":
		return dll[1], dll[0]
	case len(upn) == 2 && upn[0] != "" && upn[1] != "":
		return upn[0], upn[1]
	}
	return user, ""
}

// ntlmNegotiate is httpntlm's type 1 message: the workstation then the
// domain, upper-cased and escape()d, as OEM text.
func ntlmNegotiate(domain, workstation string) string {
	dom, ws := jsEscape(strings.ToUpper(domain)), jsEscape(strings.ToUpper(workstation))
	flags := uint32(ntlmType1Flags)
	if dom == "" {
		flags &^= ntlm.FlagDomainSupplied
	}
	const head = 40
	msg := make([]byte, head, head+len(dom)+len(ws))
	copy(msg, ntlm.Signature)
	binary.LittleEndian.PutUint32(msg[8:], 1)
	binary.LittleEndian.PutUint32(msg[12:], flags)
	ntlm.PutField(msg, 16, ntlm.Field{Len: len(dom), Max: len(dom), Off: head + len(ws)})
	ntlm.PutField(msg, 24, ntlm.Field{Len: len(ws), Max: len(ws), Off: head})
	copy(msg[32:], ntlmVersion)
	msg = append(msg, ws...)
	msg = append(msg, dom...)
	return "NTLM " + base64.StdEncoding.EncodeToString(msg)
}

// ntlmChallenge is what httpntlm reads from a type 2 message.
type ntlmChallenge struct {
	flags      uint32
	challenge  []byte
	targetInfo []byte
}

// ntlmParseChallenge reads "NTLM <base64>" as httpntlm does: a type 2
// message, its flags, challenge and (when flagged) target info.
func ntlmParseChallenge(header string) (ntlmChallenge, bool) {
	_, token, _ := strings.Cut(header, "NTLM ")
	msg, err := base64.StdEncoding.DecodeString(strings.TrimSpace(token))
	if err != nil {
		msg, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(strings.TrimSpace(token), "="))
	}
	if err != nil {
		return ntlmChallenge{}, false
	}
	if typ, err := ntlm.Type(msg); err != nil || typ != 2 || len(msg) < 32 {
		return ntlmChallenge{}, false
	}
	ch := ntlmChallenge{flags: binary.LittleEndian.Uint32(msg[20:]), challenge: msg[24:32]}
	if ch.flags&ntlm.FlagTargetInfo != 0 {
		info, ok := ntlm.ReadField(msg, 40)
		if !ok {
			return ntlmChallenge{}, false
		}
		ch.targetInfo = info
	}
	return ch, true
}

// ntlmAuthenticate is httpntlm's type 3 message. With extended security it
// answers NTLMv2 when the server sent target info, an NTLM2 session
// response otherwise; without it, NTLMv1 and LMv1.
func ntlmAuthenticate(ch ntlmChallenge, domain, workstation, user, password string, now time.Time) string {
	unicode := ch.flags&ntlm.FlagUnicode != 0
	dom, ws := jsEscape(strings.ToUpper(domain)), jsEscape(strings.ToUpper(workstation))
	text := func(s string) []byte {
		if unicode {
			return ntlm.UTF16LE(s)
		}
		return nodeASCII(s)
	}
	ntHash := ntlm.NTHash(password)
	lmResp := ntlm.DESL(ntlm.LMHash(nodeASCII(strings.ToUpper(password))), ch.challenge)
	ntResp := ntlm.DESL(ntHash, ch.challenge)
	if ch.flags&ntlm.FlagExtendedSecurity != 0 {
		client := make([]byte, 8)
		_, _ = rand.Read(client) // crypto/rand.Read never fails on supported platforms
		if ch.targetInfo != nil {
			key := ntlm.HMACMD5(ntHash, ntlm.UTF16LE(strings.ToUpper(user)+dom))
			lmResp = append(ntlm.HMACMD5(key, ch.challenge, client), client...)
			// Windows time: 100 ns units since 1601, from milliseconds.
			stamp := uint64(now.UnixMilli()+11644473600000) * 10000
			blob := []byte{1, 1, 0, 0, 0, 0, 0, 0}
			blob = binary.LittleEndian.AppendUint64(blob, stamp)
			blob = append(blob, client...)
			blob = append(blob, 0, 0, 0, 0)
			blob = append(blob, ch.targetInfo...)
			blob = append(blob, 0, 0, 0, 0)
			ntResp = append(ntlm.HMACMD5(key, ch.challenge, blob), blob...)
		} else {
			lmResp = append(append([]byte{}, client...), make([]byte, 16)...)
			ntResp = ntlm.DESL(ntHash, ntlm.SessionChallenge(ch.challenge, client))
		}
	}
	domB, userB, wsB := text(dom), text(user), text(ws)
	const head = 72
	at := head + len(domB) + len(userB) + len(wsB)
	msg := make([]byte, head, at+len(lmResp)+len(ntResp))
	copy(msg, ntlm.Signature)
	binary.LittleEndian.PutUint32(msg[8:], 3)
	ntlm.PutField(msg, 12, ntlm.Field{Len: len(lmResp), Max: len(lmResp), Off: at})
	ntlm.PutField(msg, 20, ntlm.Field{Len: len(ntResp), Max: len(ntResp), Off: at + len(lmResp)})
	ntlm.PutField(msg, 28, ntlm.Field{Len: len(domB), Max: len(domB), Off: head})
	ntlm.PutField(msg, 36, ntlm.Field{Len: len(userB), Max: len(userB), Off: head + len(domB)})
	ntlm.PutField(msg, 44, ntlm.Field{Len: len(wsB), Max: len(wsB), Off: head + len(domB) + len(userB)})
	ntlm.PutField(msg, 52, ntlm.Field{Off: at + len(lmResp) + len(ntResp)}) // no session key
	flags := uint32(ntlmType3Flags)
	if !unicode {
		flags &^= ntlm.FlagUnicode
	}
	binary.LittleEndian.PutUint32(msg[60:], flags)
	copy(msg[64:], ntlmVersion)
	for _, part := range [][]byte{domB, userB, wsB, lmResp, ntResp} {
		msg = append(msg, part...)
	}
	return "NTLM " + base64.StdEncoding.EncodeToString(msg)
}

// nodeASCII is Buffer.from(s, 'ascii'): the low byte of each UTF-16 unit.
func nodeASCII(s string) []byte {
	units := utf16.Encode([]rune(s))
	out := make([]byte, len(units))
	for i, u := range units {
		out[i] = byte(u)
	}
	return out
}

// jsEscape is JavaScript's escape(): ASCII letters, digits and @*_+-./
// stay, other UTF-16 units below 256 become %XX, the rest %uXXXX.
func jsEscape(s string) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		switch {
		case u < 128 && (u >= 'a' && u <= 'z' || u >= 'A' && u <= 'Z' || u >= '0' && u <= '9' || strings.ContainsRune("@*_+-./", rune(u))):
			b.WriteByte(byte(u))
		case u < 256:
			fmt.Fprintf(&b, "%%%02X", u)
		default:
			fmt.Fprintf(&b, "%%u%04X", u)
		}
	}
	return b.String()
}
