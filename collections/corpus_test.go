package collections

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/courier-run/courier/internal/testenv"
)

const corpusDir = "../../shared/corpus"

// corpusKinds reads MANIFEST.tsv: saved_path -> kind (collection,
// environment, globals, data).
func corpusKinds(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join(corpusDir, "MANIFEST.tsv"))
	if err != nil {
		testenv.Skip(t, "../shared/corpus is absent (it sits beside the clone in CI)")
	}
	defer f.Close()
	kinds := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	col := -1
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if col < 0 {
			for i, h := range fields {
				if h == "kind" {
					col = i
				}
			}
			if col < 0 {
				t.Fatal("MANIFEST.tsv has no kind column")
			}
			continue
		}
		if len(fields) > col {
			kinds[fields[0]] = fields[col]
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return kinds
}

// TestCorpusLoads loads every collection of the shared corpus, and checks
// that environments and globals are refused with a pointer to the right flag.
func TestCorpusLoads(t *testing.T) {
	t.Parallel()
	kinds := corpusKinds(t)
	files, err := filepath.Glob(filepath.Join(corpusDir, "*", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		rel, _ := filepath.Rel(corpusDir, f)
		kind := kinds[filepath.ToSlash(rel)]
		switch kind {
		case "collection":
			n++
			c, err := LoadFile(f)
			if err != nil {
				t.Errorf("%v", err)
				continue
			}
			if len(c.Items) == 0 {
				t.Errorf("%s: no items", rel)
			}
			roundTrip(t, c)
		case "environment", "globals":
			_, err := LoadFile(f)
			flag := map[string]string{"environment": "-e", "globals": "-g"}[kind]
			if err == nil || !strings.Contains(err.Error(), flag) {
				t.Errorf("%s: %s file: err = %v", rel, kind, err)
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d collections found in the corpus", n)
	}
}

// TestCorpusV1 checks v1 conversion of corpus files against the tree and
// scripts that Newman 6.2.2 (postman-collection-transformer 4.1.8) builds
// from them.
func TestCorpusV1(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file string
		want []string
	}{
		{"postmanlabs__newman/test__integration__multi-level-folders-v1.postman_collection.json", []string{
			"F1", "  F1.R1 GET https://postman-echo.com/get", "  F1.R2 GET https://postman-echo.com/get", "  F1.R3 GET https://postman-echo.com/get",
			"F2", "  F2.F3", "    F2.F3.R1 GET https://postman-echo.com/get", "  F4", "  F2.R1 GET https://postman-echo.com/get",
			"R1 GET https://postman-echo.com/get",
		}},
		{"postmanlabs__postman-collection-transformer/examples__v1.0.0__nestedEntities.json", []string{
			"F1",
			"  Basic GET https://postman-echo.com/get [test:console.log('Request level test script');] [prerequest:console.log('Request level pre request script');]",
			"OAuth1 GET https://postman-echo.com/get [test:console.log('Request level test script');] [prerequest:console.log('Request level pre request script');]",
		}},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			t.Parallel()
			c, err := LoadFile(filepath.Join(corpusDir, tt.file))
			if errors.Is(err, os.ErrNotExist) {
				testenv.Skip(t, "../shared/corpus is absent (it sits beside the clone in CI)")
			}
			if err != nil {
				t.Fatal(err)
			}
			eq(t, "format", c.Format, "v1")
			got := summarize(c)
			if strings.Contains(tt.file, "multi-level") {
				for i := range got {
					// Every request has the same long test script; compare
					// the structure only.
					if j := strings.Index(got[i], " ["); j >= 0 {
						got[i] = got[i][:j]
					}
				}
			}
			eq(t, "tree", got, tt.want)
		})
	}
	t.Run("nestedEntities auth", func(t *testing.T) {
		t.Parallel()
		c, err := LoadFile(filepath.Join(corpusDir, tests[1].file))
		if err != nil {
			testenv.Skip(t, "../shared/corpus is absent (it sits beside the clone in CI)")
		}
		eq(t, "collection auth type", c.Auth.Type, "awsv4")
		eq(t, "collection scripts", len(c.Events), 2)
		f := c.Items[0]
		eq(t, "folder auth", f.Auth.Type, "digest")
		eq(t, "folder auth username", f.Auth.Param("username"), "postman")
		eq(t, "oauth1 mapped param", c.Items[1].Request.Auth.Param("addParamsToHeader"), "false")
	})
}

func summarize(c *Collection) []string {
	var out []string
	var walk func([]*Item, string)
	walk = func(items []*Item, ind string) {
		for _, it := range items {
			line := ind + it.Name
			if it.Request != nil {
				line += " " + it.Request.Method + " " + it.Request.URL.String()
			}
			for _, e := range it.Events {
				line += " [" + e.Listen + ":" + strings.TrimSpace(e.Script.Exec) + "]"
			}
			out = append(out, line)
			walk(it.Items, ind+"  ")
		}
	}
	walk(c.Items, "")
	return out
}

// BenchmarkLoadLargest measures startup cost on the biggest corpus file.
func BenchmarkLoadLargest(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*", "*.json"))
	var biggest string
	var size int64
	for _, f := range files {
		if st, err := os.Stat(f); err == nil && st.Size() > size && !strings.Contains(f, "_tools") {
			biggest, size = f, st.Size()
		}
	}
	data, err := os.ReadFile(biggest)
	if err != nil {
		b.Skip("corpus not available")
	}
	b.SetBytes(size)
	for b.Loop() {
		if _, err := LoadBytes(data, biggest); err != nil {
			b.Fatal(err)
		}
	}
}
