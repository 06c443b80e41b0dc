package root

import (
	"os"
	"testing"
	"time"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/internal/testenv"
)

// TestMain reports the tests that skipped (no ../shared, no keyring) even
// without -v. With COURIER_ROOT_TEST_EXEC=1 the test binary is courier
// itself (Main with its arguments), for tests that need a process of their
// own: a process environment without a D-Bus session, real exit codes.
func TestMain(m *testing.M) {
	// Keyring calls get a hang guard, not courier's 3 s (a speed bound on
	// the Secret Service of a loaded machine), here and in the processes
	// the tests start.
	cmdutil.KeyringTimeout = time.Minute
	if os.Getenv("COURIER_ROOT_TEST_EXEC") == "1" {
		os.Exit(int(Main()))
	}
	os.Exit(testenv.Main(m))
}
