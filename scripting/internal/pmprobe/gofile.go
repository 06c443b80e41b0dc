package pmprobe

import (
	"fmt"
	"go/format"
	"os"
)

// WriteGo formats the generated Go source src and writes it to path, the
// last step of every generator.
func WriteGo(path string, src []byte) error {
	out, err := format.Source(src)
	if err != nil {
		return fmt.Errorf("formatting %s: %w", path, err)
	}
	return os.WriteFile(path, out, 0o644)
}
