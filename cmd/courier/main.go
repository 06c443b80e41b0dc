// Command courier runs Postman collections headlessly, with their scripts.
package main

import (
	"os"

	"github.com/courier-run/courier/cmd/root"
)

func main() {
	os.Exit(int(root.Main()))
}
