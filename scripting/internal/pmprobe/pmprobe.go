// Package pmprobe runs a script under Postman CLI for the generators
// (genprops, genzones, genlocales), whose tables are Postman's own answers.
package pmprobe

import (
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Tests runs script as the test script of a one-request collection under
// Postman CLI and returns the names of the tests it recorded, in order. The
// request goes to a server of its own on 127.0.0.1; the CLI runs in a
// temporary directory that is also its HOME, with env added to its
// environment.
func Tests(postman, script string, env ...string) ([]string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	defer ln.Close()
	go http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("{}")) }))
	dir, err := os.MkdirTemp("", "pmprobe")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	coll := map[string]any{
		"info": map[string]any{"name": "pmprobe", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item": []any{map[string]any{"name": "probe",
			"request": map[string]any{"method": "GET", "url": "http://" + ln.Addr().String() + "/"},
			"event": []any{map[string]any{"listen": "test", "script": map[string]any{"type": "text/javascript",
				"exec": strings.Split(script, "\n")}}}}},
	}
	data, _ := json.Marshal(coll)
	if err := os.WriteFile(filepath.Join(dir, "c.json"), data, 0o600); err != nil {
		return nil, err
	}
	report := filepath.Join(dir, "out.json")
	cmd := exec.Command(postman, "collection", "run", filepath.Join(dir, "c.json"), "-r", "json",
		"--reporter-json-structure", "newman", "--reporter-json-export", report)
	cmd.Dir, cmd.Stderr = dir, os.Stderr
	cmd.Env = append(append(os.Environ(), "HOME="+dir), env...)
	if out, err := cmd.Output(); err != nil {
		return nil, fmt.Errorf("postman: %v\n%s", err, out)
	}
	var rep struct {
		Run struct {
			Executions []struct {
				Assertions []struct{ Assertion string }
			}
		}
	}
	raw, err := os.ReadFile(report)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(raw, &rep); err != nil {
		return nil, fmt.Errorf("postman's report: %w", err)
	}
	var names []string
	for _, ex := range rep.Run.Executions {
		for _, a := range ex.Assertions {
			names = append(names, a.Assertion)
		}
	}
	return names, nil
}

// Test is the name of the one test script records under Postman CLI.
func Test(postman, script string, env ...string) (string, error) {
	names, err := Tests(postman, script, env...)
	if err != nil {
		return "", err
	}
	if len(names) == 0 {
		return "", errors.New("postman recorded no test")
	}
	return names[0], nil
}
