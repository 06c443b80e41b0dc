package suite_test

import (
	"context"
	"fmt"
	"log"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/environments"
	"github.com/courier-run/courier/runner"
	"github.com/courier-run/courier/suite"
)

// A Go program (or a go test) runs a collection with the suite: here the
// repository's quickstart collection, twice, against the built-in echo
// server, with no reporter and no current-value store.
func Example() {
	coll, err := collections.LoadFile("../testdata/examples/echo.postman_collection.json")
	if err != nil {
		log.Fatal(err)
	}
	s := suite.New(suite.Options{
		Collections: []*collections.Collection{coll},
		EnvVars:     []environments.Variable{{Key: "user", Value: "postman"}},
		Runner:      runner.Options{Iterations: 2, LoopbackOnly: true},
		LocalEcho:   true,
	})
	res, err := s.Run(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range res.Collections {
		fmt.Printf("%s: %d requests, %d assertions, %d failed\n",
			c.Name, c.Summary.Requests.Total, c.Summary.Assertions.Total, c.Summary.Assertions.Failed)
	}
	fmt.Println("failed:", res.Failed())
	// Output:
	// courier quickstart: 10 requests, 12 assertions, 0 failed
	// failed: false
}
