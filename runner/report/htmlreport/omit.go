package htmlreport

import (
	"strings"

	"github.com/courier-run/courier/runner/report/jsonreport"
)

// Omit leaves data out of the page, so it never reaches the file (not only
// hidden from view). The options follow newman-reporter-htmlextra's.
type Omit struct {
	// Headers leaves out every request and response header.
	Headers bool
	// HeaderNames leaves out these headers (any case).
	HeaderNames []string
	// RequestBodies and ResponseBodies leave out every body of that side.
	RequestBodies, ResponseBodies bool
	// RequestBodiesOf and ResponseBodiesOf leave out the bodies of the
	// requests with these names.
	RequestBodiesOf, ResponseBodiesOf []string
	// Requests leaves out the requests with these names altogether.
	Requests []string
	// OnlyFailed keeps only the requests that failed.
	OnlyFailed bool
}

func (o Omit) empty() bool {
	return !o.Headers && len(o.HeaderNames) == 0 && !o.RequestBodies && !o.ResponseBodies && len(o.RequestBodiesOf) == 0 &&
		len(o.ResponseBodiesOf) == 0 && len(o.Requests) == 0 && !o.OnlyFailed
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// before drops what the page must not hold before the execution is
// converted (so left-out bodies spend none of the body budget). It reports
// whether the execution is left out altogether.
func (o Omit) before(e *jsonreport.Execution) (drop, reqBody, respBody bool) {
	if has(o.Requests, e.Item.Name) {
		return true, false, false
	}
	reqBody = o.RequestBodies || has(o.RequestBodiesOf, e.Item.Name)
	respBody = o.ResponseBodies || has(o.ResponseBodiesOf, e.Item.Name)
	if reqBody && e.Request != nil {
		e.Request.Body = nil
	}
	if respBody && e.Response != nil {
		e.Response.Stream.Data = nil
	}
	return false, reqBody, respBody
}

// after finishes the job on the converted execution; false leaves it out.
func (o Omit) after(p *pageExec, reqBody, respBody bool) bool {
	if o.OnlyFailed && !p.Failed {
		return false
	}
	if q := p.Request; q != nil {
		q.Header = o.headers(q.Header)
		if reqBody {
			q.Body = &pageBody{Omitted: true}
		}
	}
	if r := p.Response; r != nil {
		r.Header = o.headers(r.Header)
		if respBody {
			r.Body = &pageBody{Omitted: true, Size: r.Size}
		}
	}
	return true
}

func (o Omit) headers(h [][2]string) [][2]string {
	if o.Headers {
		return nil
	}
	if len(o.HeaderNames) == 0 {
		return h
	}
	out := h[:0]
	for _, kv := range h {
		skip := false
		for _, n := range o.HeaderNames {
			skip = skip || strings.EqualFold(kv[0], n)
		}
		if !skip {
			out = append(out, kv)
		}
	}
	return out
}
