package auth

import (
	"net/url"
	"reflect"
	"testing"
	"time"
)

func TestAWSSigningDefaults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		m                      map[string]string
		service, region, scope string
		s3                     bool
	}{
		{map[string]string{}, "execute-api", "us-east-1", "20150830/us-east-1/execute-api/aws4_request", false},
		{map[string]string{"service": "s3", "region": "eu-west-1"}, "s3", "eu-west-1", "20150830/eu-west-1/s3/aws4_request", true},
		{map[string]string{"service": "email"}, "ses", "us-east-1", "20150830/us-east-1/ses/aws4_request", false},
	}
	for _, tc := range tests {
		a := awsSigningOf(params{m: tc.m})
		a.amzDate = "20150830T123600Z"
		if a.service != tc.service || a.region != tc.region || a.s3 != tc.s3 || a.scope() != tc.scope {
			t.Errorf("%v: %+v scope %s", tc.m, a, a.scope())
		}
	}
}

// The request's own Date is signed when it parses; the clock otherwise.
func TestAWSTime(t *testing.T) {
	t.Parallel()
	opts := Options{Now: fixedClock}
	for _, tc := range []struct {
		hdrs map[string]string
		want time.Time
	}{
		{map[string]string{}, awsSuiteTime},
		{map[string]string{"date": "Mon, 02 Jan 2006 15:04:05 GMT"}, time.Date(2006, 1, 2, 15, 4, 5, 0, time.UTC)},
		{map[string]string{"date": "yesterday"}, awsSuiteTime},
	} {
		if got := awsTime(tc.hdrs, opts); !got.Equal(tc.want) || got.Location() != time.UTC {
			t.Errorf("%v: %v, want %v", tc.hdrs, got, tc.want)
		}
	}
}

// A header signature signs the body's hash (S3 always a hash, the empty
// one for no body), the token and the date; the hash it covers is the
// header's, or the empty body's.
func TestAWSAmzHeaders(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		s3       bool
		token    string
		body     string
		unhashed bool
		want     map[string]string
		payload  string
	}{
		{"no body", false, "", "", false, map[string]string{"x-amz-date": "20150830T123600Z"}, awsEmptyHash},
		{"body", false, "tok", "a=1", false, map[string]string{"x-amz-date": "20150830T123600Z", "x-amz-security-token": "tok", "x-amz-content-sha256": sha256Hex([]byte("a=1"))}, sha256Hex([]byte("a=1"))},
		{"form-data body left unhashed", false, "", "a=1", true, map[string]string{"x-amz-date": "20150830T123600Z"}, awsEmptyHash},
		{"s3 without body", true, "", "", false, map[string]string{"x-amz-date": "20150830T123600Z", "x-amz-content-sha256": awsEmptyHash}, awsEmptyHash},
	}
	for _, tc := range tests {
		a := awsSigning{s3: tc.s3, token: tc.token, amzDate: "20150830T123600Z"}
		hdrs := map[string]string{}
		payload := a.addAmzHeaders(hdrs, []byte(tc.body), Options{UnhashedBody: tc.unhashed})
		if !reflect.DeepEqual(hdrs, tc.want) || payload != tc.payload {
			t.Errorf("%s: %v %s, want %v %s", tc.name, hdrs, payload, tc.want, tc.payload)
		}
	}
}

// A presigned URL's parameters in aws4's order; S3 gets a day's expiry
// unless the URL sets one.
func TestAWSPresignParams(t *testing.T) {
	t.Parallel()
	hdrs := map[string]string{"host": "h.example", "x-b": "1"}
	a := awsSigning{service: "s3", region: "us-east-1", accessKey: "AK", token: "tok", s3: true, amzDate: "20150830T123600Z"}
	var got []string
	for _, q := range a.presignParams(&url.URL{RawQuery: "x=1"}, hdrs) {
		got = append(got, q.k+"="+q.v)
	}
	want := []string{"X-Amz-Security-Token=tok", "X-Amz-Expires=86400", "X-Amz-Date=20150830T123600Z", "X-Amz-Algorithm=AWS4-HMAC-SHA256",
		"X-Amz-Credential=AK/20150830/us-east-1/s3/aws4_request", "X-Amz-SignedHeaders=host;x-b"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("s3 presign:\n got  %q\n want %q", got, want)
	}
	a.token = ""
	if ps := a.presignParams(&url.URL{RawQuery: "X-Amz-Expires=60"}, hdrs); ps[0].k != "X-Amz-Date" {
		t.Errorf("no token, own expiry: starts with %s", ps[0].k)
	}
}
