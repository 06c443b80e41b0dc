package scripting

import (
	"context"
	"testing"
)

// BenchmarkStringify is JSON.stringify on a 2,000-item object of plain
// data (the depth-counting copy, then goja's serializer), 20 times a run.
func BenchmarkStringify(b *testing.B) {
	e, _ := newTestEngine(b, Options{})
	setup := e.Run(context.Background(), testExec("test", `globalThis.big = {items: Array.from({length: 2000}, (_, i) => ({id: i, name: 'n' + i, tags: ['a', 'b'], nested: {ok: true, v: i / 3}}))}`))
	if setup.Err != nil {
		b.Fatal(setup.Err)
	}
	ex := testExec("test", `for (let i = 0; i < 20; i++) JSON.stringify(big)`)
	b.ResetTimer()
	for b.Loop() {
		if r := e.Run(context.Background(), ex); r.Err != nil {
			b.Fatal(r.Err)
		}
	}
}
