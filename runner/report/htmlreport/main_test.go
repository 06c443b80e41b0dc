package htmlreport_test

import (
	"os"
	"testing"

	"github.com/courier-run/courier/internal/testenv"
)

func TestMain(m *testing.M) { os.Exit(testenv.Main(m)) }
