package report_test

import (
	"os"
	"testing"

	"github.com/courier-run/courier/cmd/root"
	"github.com/courier-run/courier/internal/testenv"
)

// TestMain doubles as the courier command when COURIER_TEST_AS_CLI is set,
// so tests run shards as separate courier processes without building one.
func TestMain(m *testing.M) {
	if os.Getenv("COURIER_TEST_AS_CLI") == "1" {
		os.Exit(int(root.Main()))
	}
	os.Exit(testenv.Main(m))
}
