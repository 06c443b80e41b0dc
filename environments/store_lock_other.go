//go:build !unix && !windows

package environments

import (
	"sync"
	"time"
)

// Platforms without file locks (wasm, plan9) serialize writers within the
// process only; the store is still written atomically.
var storeMu sync.Mutex

func LockFile(path string, timeout time.Duration) (func(), error) {
	storeMu.Lock()
	return storeMu.Unlock, nil
}
