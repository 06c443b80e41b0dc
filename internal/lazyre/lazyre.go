// Package lazyre holds regular expressions that are compiled on first use.
// A package-level regexp.MustCompile runs when the program starts, so every
// command pays for every pattern of every package it links; most runs never
// use most of them.
package lazyre

import (
	"regexp"
	"sync"
)

// New returns a function that compiles pattern on its first call (panicking,
// as regexp.MustCompile does, if it is invalid) and returns the same
// Regexp on every call. Safe for concurrent use.
func New(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
