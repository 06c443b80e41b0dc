package jsonreport

import (
	"encoding/json"
	"testing"
)

// TestErrorRawPacketAsNewman: a parse error's rawPacket is written after
// reason as Node serialises a Buffer, as Newman 6.2.2's report writes it
// (fresh-round12n-h.json's heads), and reads back as the same bytes.
func TestErrorRawPacketAsNewman(t *testing.T) {
	t.Parallel()
	n := 3
	e := Error{BytesParsed: &n, Code: "HPE_HEADER_OVERFLOW", Reason: "Header overflow", RawPacket: Buffer("H\r\n\xff"), Name: "Error", Message: "Parse Error: Header overflow"}
	got, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"bytesParsed":3,"code":"HPE_HEADER_OVERFLOW","reason":"Header overflow","rawPacket":{"type":"Buffer","data":[72,13,10,255]},"name":"Error","message":"Parse Error: Header overflow"}`
	if string(got) != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	var back Error
	if err := json.Unmarshal(got, &back); err != nil || string(back.RawPacket) != "H\r\n\xff" {
		t.Fatalf("read back %q, %v", back.RawPacket, err)
	}
	if got, _ := json.Marshal(Error{Name: "Error", Message: "m"}); string(got) != `{"name":"Error","message":"m"}` {
		t.Fatalf("an error without a packet: %s", got)
	}
}
