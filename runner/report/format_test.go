package report

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
)

func TestPrettyMS(t *testing.T) {
	t.Parallel()
	// Expected values were produced by Newman 6.2.2's util.prettyms.
	for in, want := range map[float64]string{
		0: "0µs", 0.5: "500µs", 1: "1ms", 45.7: "45ms", 1997: "1997ms", 1998: "1.9s",
		2500: "2.5s", 60000: "1m", 61234: "1m 1.2s", 3600000: "1h",
	} {
		if got := prettyMS(in); got != want {
			t.Errorf("prettyMS(%v) = %q, want %q", in, got, want)
		}
	}
}

func TestFileSize(t *testing.T) {
	t.Parallel()
	// Expected values were produced by filesize 10.1.4 as Newman calls it.
	for in, want := range map[int64]string{
		0: "0B", 1: "1B", 999: "999B", 1000: "1kB", 1001: "1kB", 1390: "1.39kB", 1500: "1.5kB",
		1999: "2kB", 10240: "10.24kB", 999999: "1MB", 1234567: "1.23MB", 1050000000: "1.05GB",
	} {
		if got := fileSize(in); got != want {
			t.Errorf("fileSize(%d) = %q, want %q", in, got, want)
		}
	}
}

func TestCutLines(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in    string
		width int
		want  []string
	}{
		{"abcdef", 4, []string{"abcd", "ef"}},
		{"ab\n\n  \ncd", 4, []string{"ab", "cd"}},
		{"ééééé", 2, []string{"éé", "éé", "é"}},
	}
	for _, tc := range cases {
		if got := cutLines(tc.in, tc.width); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("cutLines(%q, %d) = %q, want %q", tc.in, tc.width, got, tc.want)
		}
	}
}

func TestErrorName(t *testing.T) {
	t.Parallel()
	wrapped := fmt.Errorf("running script: %w", scriptErr{"TypeError", "x is not a function"})
	if got := errorName(wrapped); got != "TypeError" {
		t.Errorf("errorName(wrapped) = %q", got)
	}
	if got := errorName(errors.New("plain")); got != "Error" {
		t.Errorf("errorName(plain) = %q", got)
	}
}
