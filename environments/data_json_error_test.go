package environments

import (
	"errors"
	"strings"
	"testing"
)

func TestParseDataBrokenJSONIsAnError(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		source, text string
		line, col    int
	}{
		".json file":      {"rows.json", "[\n  {\"a\": 1},\n  oops\n]", 3, 3},
		"opens like JSON": {"rows.txt", `[{"a": 1},]`, 1, 11},
		"object, not CSV": {"rows.dat", `{"a": 1`, 1, 7},
	} {
		_, err := ParseData([]byte(tc.text), tc.source)
		var le *LoadError
		if !errors.As(err, &le) {
			t.Fatalf("%s: want a LoadError, got %v", name, err)
		}
		if le.Line != tc.line || le.Column != tc.col || !strings.Contains(err.Error(), tc.source) {
			t.Errorf("%s: got %v (line %d, column %d), want line %d column %d", name, err, le.Line, le.Column, tc.line, tc.col)
		}
	}
	// CSV is still CSV.
	rows, err := ParseData([]byte("a,b\n1,2\n"), "rows.csv")
	if err != nil || len(rows) != 1 {
		t.Fatalf("csv: %v, %d rows", err, len(rows))
	}
}
