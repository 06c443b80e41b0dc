package main

import (
	"bytes"
	"go/format"
	"os"
	"regexp"
	"sort"
	"strconv"
	"testing"
)

// TestPropsSourceMakesTheCommittedFile: the writer turns the tables read
// back from the committed v8props_gen.go (the probe's answers, as they were
// merged) into that file byte for byte, so a change to the writer that
// would change the generated file without a new probe run shows here.
func TestPropsSourceMakesTheCommittedFile(t *testing.T) {
	t.Parallel()
	committed, err := os.ReadFile("../../v8props_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	tables := readGenerated(committed)
	ranges := map[string][][2]int{}
	var names, scripts []string
	for n, rs := range tables["v8Properties"].ranges {
		names = append(names, n)
		ranges[n] = rs
	}
	for c, rs := range tables["v8Categories"].ranges {
		ranges["gc:"+c] = rs
	}
	for sc, rs := range tables["v8Scripts"].ranges {
		scripts = append(scripts, sc)
		ranges["sc:"+sc] = rs
	}
	for sc, rs := range tables["v8ScriptExtensions"].ranges {
		ranges["scx:"+sc] = rs
	}
	sort.Strings(names)
	sort.Strings(scripts)
	if len(names) != len(properties) || len(scripts) < 100 {
		t.Fatalf("read %d properties (want %d) and %d scripts back", len(names), len(properties), len(scripts))
	}
	got, err := format.Source(lazyTables(propsSource(names, scripts, tables["v8ScriptAliases"].aliases, ranges)))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, committed) {
		t.Errorf("the writer no longer makes v8props_gen.go (%d bytes, committed %d)", len(got), len(committed))
	}
}

type generatedTable struct {
	ranges  map[string][][2]int
	aliases map[string]string
}

var (
	tableStart = regexp.MustCompile(`^var (\w+) = `)
	rangeRow   = regexp.MustCompile(`^\s*"([^"]+)":\s*\{(.*)\},$`)
	aliasRow   = regexp.MustCompile(`^\s*"([^"]+)":\s*"([^"]+)",$`)
	oneRange   = regexp.MustCompile(`\{0x([0-9a-f]+), 0x([0-9a-f]+)\}`)
)

// readGenerated reads the tables of a generated file back, by table name.
func readGenerated(src []byte) map[string]generatedTable {
	tables := map[string]generatedTable{}
	var cur string
	for _, line := range bytes.Split(src, []byte("\n")) {
		l := string(line)
		if m := tableStart.FindStringSubmatch(l); m != nil {
			cur = m[1]
			tables[cur] = generatedTable{ranges: map[string][][2]int{}, aliases: map[string]string{}}
			continue
		}
		if m := aliasRow.FindStringSubmatch(l); m != nil && cur != "" {
			tables[cur].aliases[m[1]] = m[2]
		} else if m := rangeRow.FindStringSubmatch(l); m != nil && cur != "" {
			var rs [][2]int
			for _, r := range oneRange.FindAllStringSubmatch(m[2], -1) {
				lo, _ := strconv.ParseInt(r[1], 16, 32)
				hi, _ := strconv.ParseInt(r[2], 16, 32)
				rs = append(rs, [2]int{int(lo), int(hi)})
			}
			tables[cur].ranges[m[1]] = rs
		}
	}
	return tables
}
