package jsonobject

import (
	"errors"
	"reflect"
	"testing"
)

func TestMembers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		in      string
		want    []Member
		wantErr error // nil: no error; errAny: some error
	}{
		{"order kept", `{"b":1,"a":[2],"c":{"x":null}}`, []Member{{"b", []byte(`1`)}, {"a", []byte(`[2]`)}, {"c", []byte(`{"x":null}`)}}, nil},
		{"duplicate keys both given", `{"a":1,"a":2}`, []Member{{"a", []byte(`1`)}, {"a", []byte(`2`)}}, nil},
		{"empty object", ` {} `, nil, nil},
		{"escaped key", `{"\u0061\n":"v"}`, []Member{{"a\n", []byte(`"v"`)}}, nil},
		{"array", `[1]`, nil, ErrNotObject},
		{"string", `"x"`, nil, ErrNotObject},
		{"unclosed", `{"a":1`, nil, errAny},
		{"bad value", `{"a":tru}`, nil, errAny},
		{"empty", ``, nil, errAny},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Members([]byte(tt.in))
			switch {
			case tt.wantErr == nil && err != nil:
				t.Fatalf("Members(%q) error %v", tt.in, err)
			case tt.wantErr == errAny && err == nil, tt.wantErr == ErrNotObject && !errors.Is(err, ErrNotObject):
				t.Fatalf("Members(%q) error %v, want %v", tt.in, err, tt.wantErr)
			}
			if err == nil && !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("Members(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

var errAny = errors.New("any error")
