package runner_test

import (
	"errors"
	"net"
	"reflect"
	"testing"

	"github.com/courier-run/courier/collections"
	"github.com/courier-run/courier/runner"
)

func TestItemRefsNameEveryItem(t *testing.T) {
	t.Parallel()
	c, err := collections.LoadBytes([]byte(`{"info":{"name":"c","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
"item":[{"name":"same","id":"s1","request":{"method":"GET","url":"http://127.0.0.1/"}},
 {"name":"F","id":"f1","item":[{"name":"same","id":"s2","request":{"method":"POST","url":"http://127.0.0.1/","body":{"mode":"urlencoded","urlencoded":[]}}},
   {"name":"G","id":"g","item":[{"name":"deep","id":"d","request":{"method":"GET","url":"http://127.0.0.1/"}}]}]}]}`), "c.json")
	if err != nil {
		t.Fatal(err)
	}
	refs := runner.ItemRefs(c)
	f := c.Items[1]
	g := f.Items[1]
	want := map[*collections.Item]runner.ItemRef{
		c.Items[0]: {ID: "s1", Name: "same", Key: 1},
		f:          {ID: "f1", Name: "F", Key: 2},
		f.Items[0]: {ID: "s2", Name: "same", Key: 3, Folders: []string{"F"}, FolderID: "f1", FolderKey: 2, BodyMode: "urlencoded"},
		g:          {ID: "g", Name: "G", Key: 4, Folders: []string{"F"}, FolderID: "f1", FolderKey: 2},
		g.Items[0]: {ID: "d", Name: "deep", Key: 5, Folders: []string{"F", "G"}, FolderID: "g", FolderKey: 4},
	}
	for it, w := range want {
		if got := refs[it]; !reflect.DeepEqual(got, w) {
			t.Errorf("%s: %+v, want %+v", it.Name, got, w)
		}
	}
	if p := refs[g.Items[0]].Path(); !reflect.DeepEqual(p, []string{"F", "G", "deep"}) {
		t.Errorf("path %v", p)
	}
}

func TestErrorInfoKeepsWhatReportsShow(t *testing.T) {
	t.Parallel()
	refused := &runner.NetError{Code: "ECONNREFUSED", Msg: "connect ECONNREFUSED 127.0.0.1:9",
		Err: &net.OpError{Op: "dial", Net: "tcp", Addr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 9}, Err: errors.New("refused")}}
	ei := runner.ErrorInfoOf(refused)
	if ei.Name != "Error" || ei.Text != refused.Msg || ei.Code != "ECONNREFUSED" || ei.Syscall != "connect" || ei.Address != "127.0.0.1" || ei.Port == nil || *ei.Port != 9 {
		t.Errorf("net error: %+v", ei)
	}
	if runner.ErrorInfoOf(nil) != nil {
		t.Error("nil error gave an ErrorInfo")
	}
	var target *runner.ErrorInfo
	if !errors.As(error(ei), &target) || target.ErrorName() != "Error" {
		t.Error("ErrorInfo is not found with errors.As")
	}
}
