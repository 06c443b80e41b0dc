package report

import (
	"bytes"
	"encoding/xml"
	"testing"

	"github.com/courier-run/courier/collections"
)

type xmlSuites struct {
	XMLName xml.Name `xml:"testsuites"`
	Name    string   `xml:"name,attr"`
	Tests   int      `xml:"tests,attr"`
	Time    string   `xml:"time,attr"`
	Suites  []struct {
		Name       string `xml:"name,attr"`
		ID         string `xml:"id,attr"`
		Timestamp  string `xml:"timestamp,attr"`
		Tests      int    `xml:"tests,attr"`
		Failures   int    `xml:"failures,attr"`
		Errors     int    `xml:"errors,attr"`
		Time       string `xml:"time,attr"`
		SystemErr  string `xml:"system-err"`
		Properties []struct {
			Name  string `xml:"name,attr"`
			Value string `xml:"value,attr"`
		} `xml:"properties>property"`
		Cases []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			Failure   *struct {
				Type    string `xml:"type,attr"`
				Message string `xml:"message,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			Skipped *struct{} `xml:"skipped"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func runJUnit(t *testing.T, o JUnitOptions) ([]byte, xmlSuites) {
	t.Helper()
	var buf bytes.Buffer
	j := NewJUnit(&buf, o)
	play(j, newDemo().events())
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	var s xmlSuites
	if err := xml.Unmarshal(buf.Bytes(), &s); err != nil {
		t.Fatalf("invalid XML: %v\n%s", err, buf.String())
	}
	return buf.Bytes(), s
}

// The root's tests count is Newman's stats.tests (the requests made: 6),
// not the assertions.
func TestJUnitNewmanLayout(t *testing.T) {
	t.Parallel()
	out, s := runJUnit(t, JUnitOptions{})
	golden(t, "report.xml", out)
	if s.Name != "Report Demo" || s.Tests != 6 || s.Time != "0.081" {
		t.Errorf("root = %q tests=%d time=%s", s.Name, s.Tests, s.Time)
	}
	if len(s.Suites) != 4 {
		t.Fatalf("%d suites, want one per request (4)", len(s.Suites))
	}
	create := s.Suites[1]
	if create.Name != "Users / Create user" || create.ID != "req-create" || create.Failures != 2 || create.Tests != 2 || create.Timestamp != "2026-11-27T02:34:11.510Z" {
		t.Errorf("create suite = %+v", create)
	}
	if f := create.Cases[0].Failure; f == nil || f.Type != "AssertionFailure" || f.Message != "expected response to have status code 201 but got 200" || create.Cases[0].Classname != "UsersCreateUser" {
		t.Errorf("failing case = %+v", create.Cases[0])
	}
	if root := s.Suites[0]; root.Cases[1].Skipped == nil || root.Cases[0].Skipped != nil {
		t.Errorf("skipped test not marked: %+v", root.Cases)
	}
	if broken := s.Suites[2]; broken.Errors != 4 || broken.SystemErr == "" {
		t.Errorf("broken suite = %+v", broken)
	}
	if sk := s.Suites[3]; sk.Name != "Skipped <one>" || sk.Errors != 1 {
		t.Errorf("escaped suite = %+v", sk)
	}
}

func TestJUnitSuitePerExecution(t *testing.T) {
	t.Parallel()
	out, s := runJUnit(t, JUnitOptions{SuitePerExecution: true, SpoolDir: t.TempDir()})
	golden(t, "report_per_execution.xml", out)
	// The second iteration's skipped request failed nothing: no
	// execution, as in Newman's report.
	if len(s.Suites) != 7 {
		t.Fatalf("%d suites, want one per execution (7)", len(s.Suites))
	}
	if c := s.Suites[4]; c.Name != "Users / Create user" || c.Failures != 1 || len(c.Properties) != 1 || c.Properties[0].Value != "2" {
		t.Errorf("second-iteration create suite = %+v", c)
	}
}

func TestClassName(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Users / Create user": "UsersCreateUser",
		"Root Get":            "RootGet",
		"getHTTPResponse":     "GetHttpResponse",
		"snake_case-name":     "SnakeCaseName",
		"v2 api":              "V2Api",
		"Skipped <one>":       "SkippedOne",
		"":                    "",
	} {
		if got := className(in); got != want {
			t.Errorf("className(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCDATASplitsTerminator(t *testing.T) {
	t.Parallel()
	var v struct {
		Text string `xml:",chardata"`
	}
	if err := xml.Unmarshal([]byte("<a>"+cdata("x]]>y")+"</a>"), &v); err != nil || v.Text != "x]]>y" {
		t.Errorf("cdata round trip = %q, %v", v.Text, err)
	}
}

func TestJUnitItemsWithoutIDs(t *testing.T) {
	t.Parallel()
	d := newDemo()
	for _, it := range []*collections.Item{d.get, d.create, d.broken, d.skips} {
		it.ID = ""
	}
	var buf bytes.Buffer
	j := NewJUnit(&buf, JUnitOptions{})
	play(j, d.events())
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	var s xmlSuites
	if err := xml.Unmarshal(buf.Bytes(), &s); err != nil {
		t.Fatal(err)
	}
	if len(s.Suites) != 4 {
		t.Errorf("%d suites for 4 id-less requests over 2 iterations, want 4", len(s.Suites))
	}
}
