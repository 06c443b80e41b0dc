package echo

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf16"

	"github.com/courier-run/courier/internal/ntlm"
)

// ntlmServerChallenge is the echo server's fixed challenge (the one of
// [MS-NLMP] 4.2's examples), so NTLMv1 answers are the same on every run.
var ntlmServerChallenge = []byte{0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef}

// /ntlm: an NTLM handshake without connection state (postman-echo has no
// such route; real servers tie the handshake to the connection, which a
// client that keeps the connection alive satisfies either way).
//
//	no "NTLM ..." Authorization  401 with WWW-Authenticate as ?offer= says:
//	                             NTLM (default), negotiate, both (two
//	                             headers), combined ("Negotiate, NTLM"),
//	                             basic, none
//	negotiate (type 1)           401 with a type 2 challenge; ?mode= picks
//	                             its flags: v2 (default: extended security
//	                             and target info), ess (extended security
//	                             only), v1 (neither), oem (v1 without
//	                             Unicode). ?stop=negotiate answers 200 with
//	                             the type 1 message read back instead,
//	                             ?stop=nochallenge a 401 without one,
//	                             ?stop=badchallenge a 401 with a broken one.
//	authenticate (type 3)        200 when the response matches the password
//	                             (?password=, default "Password"), 401 with
//	                             WWW-Authenticate: NTLM otherwise; the body
//	                             reads the message back either way.
func (s *Server) ntlmAuth(w http.ResponseWriter, r *http.Request, _ string) {
	_ = readBody(r, s.opts.MaxBody)
	args := parseQuery(rawQuery(r))
	arg := func(name, def string) string {
		if v := stringValues(firstOf(args, name)); len(v) > 0 {
			return v[0]
		}
		return def
	}
	token, isNTLM := strings.CutPrefix(r.Header.Get("Authorization"), "NTLM ")
	msg, err := base64.StdEncoding.DecodeString(strings.TrimSpace(token))
	typ, terr := ntlm.Type(msg)
	if !isNTLM || err != nil || terr != nil {
		switch arg("offer", "ntlm") {
		case "negotiate":
			w.Header().Set("WWW-Authenticate", "Negotiate")
		case "both":
			w.Header()["WWW-Authenticate"] = []string{"Negotiate", "NTLM"}
		case "combined":
			w.Header().Set("WWW-Authenticate", "Negotiate, NTLM")
		case "basic":
			w.Header().Set("WWW-Authenticate", `Basic realm="echo"`)
		case "none":
		default:
			w.Header().Set("WWW-Authenticate", "NTLM")
		}
		writeJSON(w, http.StatusUnauthorized, newObject().set("authenticated", false).set("stage", "none"))
		return
	}
	switch typ {
	case 1:
		s.ntlmNegotiate(w, msg, arg("stop", ""), arg("mode", "v2"))
	case 3:
		ntlmAuthenticate(w, msg, arg("password", "Password"))
	default:
		w.Header().Set("WWW-Authenticate", "NTLM")
		writeJSON(w, http.StatusUnauthorized, newObject().set("authenticated", false).set("stage", fmt.Sprintf("type %d", typ)))
	}
}

func (s *Server) ntlmNegotiate(w http.ResponseWriter, msg []byte, stop, mode string) {
	switch stop {
	case "negotiate":
		o := newObject().set("stage", "negotiate")
		if len(msg) >= 40 {
			o.set("flags", fmt.Sprintf("%08x", binary.LittleEndian.Uint32(msg[12:])))
			dom, _ := ntlm.ReadField(msg, 16)
			ws, _ := ntlm.ReadField(msg, 24)
			o.set("domain", string(dom)).set("workstation", string(ws)).set("version", hex.EncodeToString(msg[32:40]))
		}
		writeJSON(w, http.StatusOK, o.set("length", len(msg)))
		return
	case "nochallenge":
		w.Header().Set("WWW-Authenticate", `Basic realm="echo"`)
		writeJSON(w, http.StatusUnauthorized, newObject().set("stage", "negotiate"))
		return
	case "badchallenge":
		w.Header().Set("WWW-Authenticate", "NTLM "+base64.StdEncoding.EncodeToString([]byte("NTLMSSP\x00\x01\x00\x00\x00")))
		writeJSON(w, http.StatusUnauthorized, newObject().set("stage", "negotiate"))
		return
	}
	w.Header().Set("WWW-Authenticate", "NTLM "+base64.StdEncoding.EncodeToString(ntlmChallenge(mode)))
	writeJSON(w, http.StatusUnauthorized, newObject().set("stage", "challenge"))
}

// ntlmChallenge builds the type 2 message for a mode (see ntlmAuth).
func ntlmChallenge(mode string) []byte {
	flags := uint32(ntlm.FlagUnicode | ntlm.FlagRequestTarget | ntlm.FlagNTLM | ntlm.FlagAlwaysSign | ntlm.FlagVersion | ntlm.Flag128 | ntlm.Flag56)
	target := ntlm.UTF16LE("DOMAIN")
	var info []byte
	switch mode {
	case "ess":
		flags |= ntlm.FlagExtendedSecurity
	case "v1":
	case "oem":
		flags = flags&^ntlm.FlagUnicode | ntlm.FlagOEM
		target = []byte("DOMAIN")
	default:
		flags |= ntlm.FlagExtendedSecurity | ntlm.FlagTargetInfo
		for _, av := range []struct {
			id  uint16
			val string
		}{{2, "DOMAIN"}, {1, "SERVER"}} {
			v := ntlm.UTF16LE(av.val)
			info = binary.LittleEndian.AppendUint16(info, av.id)
			info = binary.LittleEndian.AppendUint16(info, uint16(len(v)))
			info = append(info, v...)
		}
		info = append(info, 0, 0, 0, 0) // MsvAvEOL
	}
	const head = 56
	msg := make([]byte, head, head+len(target)+len(info))
	copy(msg, ntlm.Signature)
	binary.LittleEndian.PutUint32(msg[8:], 2)
	ntlm.PutField(msg, 12, ntlm.Field{Len: len(target), Max: len(target), Off: head})
	binary.LittleEndian.PutUint32(msg[20:], flags)
	copy(msg[24:], ntlmServerChallenge)
	if info != nil {
		ntlm.PutField(msg, 40, ntlm.Field{Len: len(info), Max: len(info), Off: head + len(target)})
	}
	copy(msg[48:], []byte{6, 1, 0xb1, 0x1d, 0, 0, 0, 15}) // version 6.1.7601, NTLM revision 15
	msg = append(msg, target...)
	return append(msg, info...)
}

// ntlmAuthenticate reads a type 3 message back and checks its response.
func ntlmAuthenticate(w http.ResponseWriter, msg []byte, password string) {
	if len(msg) < 64 {
		w.Header().Set("WWW-Authenticate", "NTLM")
		writeJSON(w, http.StatusUnauthorized, newObject().set("authenticated", false).set("stage", "authenticate").set("error", "short message"))
		return
	}
	lm, _ := ntlm.ReadField(msg, 12)
	nt, _ := ntlm.ReadField(msg, 20)
	dom, _ := ntlm.ReadField(msg, 28)
	user, _ := ntlm.ReadField(msg, 36)
	ws, _ := ntlm.ReadField(msg, 44)
	key, _ := ntlm.ReadField(msg, 52)
	flags := binary.LittleEndian.Uint32(msg[60:])
	text := func(b []byte) string {
		if flags&ntlm.FlagUnicode == 0 {
			r := make([]rune, len(b)) // latin-1
			for i, c := range b {
				r[i] = rune(c)
			}
			return string(r)
		}
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = binary.LittleEndian.Uint16(b[2*i:])
		}
		return string(utf16.Decode(u))
	}
	kind, ok := ntlmVerify(lm, nt, text(user), text(dom), password)
	o := newObject().set("authenticated", ok).set("stage", "authenticate").set("response", kind).
		set("user", text(user)).set("domain", text(dom)).set("workstation", text(ws)).
		set("flags", fmt.Sprintf("%08x", flags)).set("lmLength", len(lm)).set("ntLength", len(nt)).
		set("sessionKeyLength", len(key))
	if len(msg) >= 72 {
		o.set("version", hex.EncodeToString(msg[64:72]))
	}
	if kind == "ntlmv1" {
		o.set("lm", hex.EncodeToString(lm)).set("nt", hex.EncodeToString(nt))
	}
	code := http.StatusOK
	if !ok {
		code = http.StatusUnauthorized
		w.Header().Set("WWW-Authenticate", "NTLM")
	}
	writeJSON(w, code, o)
}

// ntlmVerify tells the response's kind by its shape and checks it.
func ntlmVerify(lm, nt []byte, user, domain, password string) (string, bool) {
	ntHash := ntlm.NTHash(password)
	switch {
	case len(nt) > 24: // NTLMv2: NTProofStr then the blob it covers
		key := ntlm.HMACMD5(ntHash, ntlm.UTF16LE(strings.ToUpper(user)+domain))
		proof := ntlm.HMACMD5(key, ntlmServerChallenge, nt[16:])
		return "ntlmv2", string(proof) == string(nt[:16])
	case len(nt) == 24 && len(lm) == 24 && string(lm[8:]) == string(make([]byte, 16)):
		// NTLM2 session response: the client challenge, then zeros, in LM.
		want := ntlm.DESL(ntHash, ntlm.SessionChallenge(ntlmServerChallenge, lm[:8]))
		return "ntlm2sr", string(want) == string(nt)
	case len(nt) == 24:
		return "ntlmv1", string(ntlm.DESL(ntHash, ntlmServerChallenge)) == string(nt)
	}
	return "none", false
}
