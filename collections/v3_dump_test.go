package collections

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestDumpV3(t *testing.T) {
	if os.Getenv("DUMPV3") == "" {
		t.Skip()
	}
	dirs, _ := filepath.Glob("/work/shared/corpus-v3/*/postman/collections/*")
	for _, d := range dirs {
		c, err := LoadDir(d)
		if err != nil {
			fmt.Println("ERR", err)
			continue
		}
		n := 0
		Walk(c.Items, func(*Item) error { n++; return nil })
		fmt.Printf("== %s: %d requests\n", c.Info.Name, n)
		for _, no := range c.Notices {
			fmt.Println("   notice:", no)
		}
		if os.Getenv("DUMPV3") == "2" {
			for _, l := range summarize(c) {
				fmt.Println("   ", l[:min(len(l), 150)])
			}
		}
	}
}
