package pingone

import (
	"net/http/httptest"
)

// RoutePatterns lists the management routes the server registers, for the
// SDK contract test's coverage check.
func (s *Server) RoutePatterns() []string { return s.routePatterns() }

// RoutePattern is the ServeMux pattern a management request reaches.
func (s *Server) RoutePattern(method, path string) string {
	_, pattern := s.api.Handler(httptest.NewRequest(method, path, nil))
	return pattern
}
