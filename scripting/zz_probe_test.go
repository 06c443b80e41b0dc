package scripting

import (
	"context"
	"fmt"
	"os"
	"testing"
)

func TestZZProbe(t *testing.T) {
	f := os.Getenv("PROBE")
	if f == "" {
		t.Skip()
	}
	src, _ := os.ReadFile(f)
	e, rec := newTestEngine(t, Options{})
	r := e.Run(context.Background(), testExec("test", string(src)))
	for _, l := range rec.all() {
		fmt.Println(l.Message)
	}
	if r.Err != nil {
		fmt.Println("ERR:", r.Err)
	}
}
