package relevance

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"
)

// DeveloperCode reports whether file, a file of pass's package, is code
// that only the program's developers run: the package's role
// (PackageRole) or the file's own (FileRole) is an example, a benchmark
// program or a developer tool. The file checks demote their findings
// there: whoever runs it races only with themself. A nil file is judged
// by its package alone.
func DeveloperCode(pass *analysis.Pass, file *ast.File) bool {
	if file != nil && FileRole(file) != Ordinary {
		return true
	}
	return PackageRole(pass) != Ordinary
}

// ToolsFlagUsage is the usage text of the -NAME.tools flag of a check
// that demotes its findings in developer code.
const ToolsFlagUsage = "also report in examples, benchmark programs and developer tools (packages under example(s)/, benchmark(s)/, internal/tools/, main packages under tools/, hack/ or scripts/, files built only with the ignore or tools tag)"
