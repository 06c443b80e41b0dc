package run

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v3"

	"github.com/courier-run/courier/cmd/cmdutil"
	"github.com/courier-run/courier/cmd/report"
	"github.com/courier-run/courier/suite"
)

// The CI examples in docs/examples must be valid for their engine and run
// command lines courier accepts, with the shard count and report paths
// agreeing between the runs and the merge.

func readYAML(t *testing.T, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "docs", "examples", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// parseRun parses a "courier run ..." line with the real flags and
// returns the options and shard it would run with.
func parseRun(t *testing.T, line string, getenv func(string) string) (*Options, *suite.Shard) {
	t.Helper()
	args := strings.Fields(line)
	if len(args) < 3 || args[0] != "courier" || args[1] != "run" {
		t.Fatalf("not a courier run line: %q", line)
	}
	ios, _, _, _ := cmdutil.Test()
	var got *Options
	cmd := NewCmdRun(ios, func(_ context.Context, o *Options) error { got = o; return nil })
	cmd.SetArgs(NormalizeArgs(args[2:]))
	cmd.SetOut(&strings.Builder{})
	cmd.SetErr(&strings.Builder{})
	if err := cmd.Execute(); err != nil {
		t.Fatalf("%q: %v", line, err)
	}
	sh, err := parseShard(got.Shard, got.ShardIndexEnv, getenv)
	if err != nil || sh == nil {
		t.Fatalf("%q: shard %v, %v", line, sh, err)
	}
	return got, sh
}

// parseMerge parses a "courier report merge ..." line.
func parseMerge(t *testing.T, line string) *report.MergeOptions {
	t.Helper()
	args := strings.Fields(line)
	if len(args) < 4 || args[0] != "courier" || args[1] != "report" || args[2] != "merge" {
		t.Fatalf("not a courier report merge line: %q", line)
	}
	ios, _, _, _ := cmdutil.Test()
	var got *report.MergeOptions
	cmd := report.NewCmdMerge(ios, func(o *report.MergeOptions) error { got = o; return nil })
	cmd.SetArgs(args[3:])
	cmd.SetOut(&strings.Builder{})
	cmd.SetErr(&strings.Builder{})
	if err := cmd.Execute(); err != nil {
		t.Fatalf("%q: %v", line, err)
	}
	return got
}

func TestGitHubActionsExample(t *testing.T) {
	t.Parallel()
	var wf struct {
		Jobs map[string]struct {
			Needs    any `yaml:"needs"`
			Strategy struct {
				FailFast bool `yaml:"fail-fast"`
				Matrix   struct {
					Shard []int `yaml:"shard"`
				} `yaml:"matrix"`
			} `yaml:"strategy"`
			Steps []struct {
				Uses string            `yaml:"uses"`
				Run  string            `yaml:"run"`
				With map[string]string `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	readYAML(t, "github-actions-shards.yml", &wf)
	shard, merge := wf.Jobs["shard"], wf.Jobs["report"]
	n := len(shard.Strategy.Matrix.Shard)
	if n < 2 || shard.Strategy.FailFast || merge.Needs != "shard" {
		t.Fatalf("shard job: matrix %v, fail-fast %v; report job needs %v", shard.Strategy.Matrix.Shard, shard.Strategy.FailFast, merge.Needs)
	}
	var reports []string
	for _, k := range shard.Strategy.Matrix.Shard {
		expand := func(s string) string { return strings.ReplaceAll(s, "${{ matrix.shard }}", fmt.Sprint(k)) }
		var ran, uploaded bool
		for _, st := range shard.Steps {
			if strings.HasPrefix(st.Run, "courier run ") {
				o, sh := parseRun(t, expand(st.Run), func(string) string { return "" })
				if *sh != (suite.Shard{Index: k, Count: n}) {
					t.Errorf("matrix shard %d runs --shard %d/%d", k, sh.Index, sh.Count)
				}
				if !slices.Contains(o.Reporters, "cli,json") && !slices.Contains(o.Reporters, "json") {
					t.Errorf("shard %d writes no JSON report (-r %v)", k, o.Reporters)
				}
				reports = append(reports, o.Reporter.JSONExport)
				ran = true
			}
			if strings.HasPrefix(st.Uses, "actions/upload-artifact") && expand(st.With["path"]) == reports[len(reports)-1] {
				uploaded = true
			}
		}
		if !ran || !uploaded {
			t.Errorf("shard %d: ran courier %v, uploaded its report %v", k, ran, uploaded)
		}
	}
	merged := false
	for _, st := range merge.Steps {
		if strings.HasPrefix(st.Run, "courier report merge ") {
			o := parseMerge(t, st.Run)
			if !slices.Equal(o.Inputs, reports) || o.JUnit == "" || o.HTML == "" || o.JSON == "" {
				t.Errorf("merge reads %v (shards wrote %v) and writes json %q junit %q html %q", o.Inputs, reports, o.JSON, o.JUnit, o.HTML)
			}
			merged = true
		}
	}
	if !merged {
		t.Error("the report job merges nothing")
	}
}

func TestKubernetesIndexedJobExample(t *testing.T) {
	t.Parallel()
	var job struct {
		APIVersion string `yaml:"apiVersion"`
		Kind       string `yaml:"kind"`
		Spec       struct {
			CompletionMode string `yaml:"completionMode"`
			Completions    int    `yaml:"completions"`
			Template       struct {
				Spec struct {
					Containers []struct {
						Command []string `yaml:"command"`
						Args    []string `yaml:"args"`
						Mounts  []struct {
							MountPath string `yaml:"mountPath"`
						} `yaml:"volumeMounts"`
					} `yaml:"containers"`
				} `yaml:"spec"`
			} `yaml:"template"`
		} `yaml:"spec"`
	}
	readYAML(t, "kubernetes-indexed-job.yaml", &job)
	if job.APIVersion != "batch/v1" || job.Kind != "Job" || job.Spec.CompletionMode != "Indexed" || job.Spec.Completions < 2 {
		t.Fatalf("not an Indexed Job: %s %s %s completions %d", job.APIVersion, job.Kind, job.Spec.CompletionMode, job.Spec.Completions)
	}
	c := job.Spec.Template.Spec.Containers[0]
	if !slices.Equal(c.Command, []string{"sh", "-c"}) || len(c.Args) != 1 || len(c.Mounts) != 1 {
		t.Fatalf("container runs %v %v", c.Command, c.Args)
	}
	seen := map[string]bool{}
	for i := range job.Spec.Completions {
		// the pod's shell expands the index the Job controller sets
		line := strings.ReplaceAll(c.Args[0], "$JOB_COMPLETION_INDEX", fmt.Sprint(i))
		o, sh := parseRun(t, line, func(k string) string {
			if k == "JOB_COMPLETION_INDEX" {
				return fmt.Sprint(i)
			}
			return ""
		})
		if *sh != (suite.Shard{Index: i + 1, Count: job.Spec.Completions}) {
			t.Errorf("pod %d runs shard %d/%d, want %d/%d", i, sh.Index, sh.Count, i+1, job.Spec.Completions)
		}
		p := o.Reporter.JSONExport
		if !strings.HasPrefix(p, c.Mounts[0].MountPath+"/") || seen[p] {
			t.Errorf("pod %d writes %q: not a report of its own on the mounted volume %s", i, p, c.Mounts[0].MountPath)
		}
		seen[p] = true
	}
}
