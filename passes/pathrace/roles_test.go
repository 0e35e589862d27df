package pathrace_test

import (
	"testing"

	"github.com/toctou/toctou/internal/relevance/relevancetest"
	"github.com/toctou/toctou/passes/pathrace"
)

// TestRoles checks the relevance model's program roles: findings in
// examples and developer tools are the opt-in category developer-code
// (every driver shows them only with -pathrace.all), -pathrace.tools reports
// them under their own categories, and a library under tools/ is
// ordinary code.
func TestRoles(t *testing.T) {
	relevancetest.Roles(t, pathrace.Analyzer)
}
