package lazyre

import "testing"

func TestNewCompilesOnce(t *testing.T) {
	t.Parallel()
	re := New(`^a+$`)
	if a, b := re(), re(); a != b || !a.MatchString("aaa") || a.MatchString("b") {
		t.Fatalf("got %p and %p", a, b)
	}
	defer func() {
		if recover() == nil {
			t.Error("an invalid pattern did not panic on first use")
		}
	}()
	New(`(`)()
}
