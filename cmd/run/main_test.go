package run

import (
	"os"
	"testing"

	"github.com/courier-run/courier/internal/testenv"
)

// TestMain reports the tests that skipped (no ../shared, no keyring) even
// without -v.
func TestMain(m *testing.M) { os.Exit(testenv.Main(m)) }
