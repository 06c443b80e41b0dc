package collections

import (
	"slices"
	"testing"
)

// TestLoadKeepsFieldsReportsWriteBack checks the fields postman-collection
// keeps as the file gave them and Newman's report writes back: an event's
// "disabled" when present (false included, null too: lodash's _.has), a
// script's packages, a collection variable's name (when truthy) and
// system, and protocolProfileBehavior's keys in the file's order (a
// repeated key where it first appears).
func TestLoadKeepsFieldsReportsWriteBack(t *testing.T) {
	t.Parallel()
	c, err := LoadBytes([]byte(`{"info": {"name": "k"},
	"variable": [
		{"key": "a", "value": "1", "name": "Named", "system": true},
		{"key": "b", "value": "2", "system": {"x": [1, 2]}},
		{"key": "c", "value": "3", "name": "", "system": null},
		{"key": "d", "value": "4"}],
	"protocolProfileBehavior": {"strictSSL": false, "followRedirects": true, "disableCookies": false, "strictSSL": true},
	"item": [{"name": "r", "request": "http://127.0.0.1/x",
		"protocolProfileBehavior": {"b": 1, "a": 2},
		"event": [
			{"listen": "test", "script": {"exec": "1", "packages": {"p": {"id": "x"}}}, "disabled": false},
			{"listen": "test", "script": {"exec": "2", "packages": null}, "disabled": true},
			{"listen": "test", "script": {"exec": "3"}},
			{"listen": "test", "script": {"exec": "4"}, "disabled": null},
			{"listen": "test", "script": "5", "disabled": 0}]}]}`), "k.json")
	if err != nil {
		t.Fatal(err)
	}
	vars := []struct{ name, system string }{{"Named", "true"}, {"", `{"x":[1,2]}`}, {"", "null"}, {"", ""}}
	for i, w := range vars {
		if v := c.Variables[i]; v.Name != w.name || v.System != w.system {
			t.Errorf("variable %s: name %q system %q, want %q %q", v.Key, v.Name, v.System, w.name, w.system)
		}
	}
	evs := []struct {
		set, on  bool
		packages string
	}{{true, false, `{"p":{"id":"x"}}`}, {true, true, "null"}, {false, false, ""}, {true, false, ""}, {true, false, ""}}
	for i, w := range evs {
		e := c.Items[0].Events[i]
		if e.DisabledSet != w.set || e.Disabled != w.on || e.Script.Packages != w.packages {
			t.Errorf("event %d: disabled set %v on %v packages %q, want %v %v %q", i, e.DisabledSet, e.Disabled, e.Script.Packages, w.set, w.on, w.packages)
		}
	}
	if got := c.ProtocolProfileBehaviorKeys; !slices.Equal(got, []string{"strictSSL", "followRedirects", "disableCookies"}) || c.ProtocolProfileBehavior["strictSSL"] != true {
		t.Errorf("collection's protocolProfileBehavior keys %q (strictSSL %v)", got, c.ProtocolProfileBehavior["strictSSL"])
	}
	if got := c.Items[0].ProtocolProfileBehaviorKeys; !slices.Equal(got, []string{"b", "a"}) {
		t.Errorf("item's protocolProfileBehavior keys %q", got)
	}
}
