package relevance

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
)

// DeveloperCodeCategory is the opt-in category of a finding in code
// that only the program's developers run (DeveloperCode), in every check
// that demotes by program role.
const DeveloperCodeCategory = "developer-code"

// DeveloperCode reports whether file, a file of pass's package, is code
// that only the program's developers run: the package's role
// (PackageRole) or the file's own (FileRole) is not Ordinary. A nil file
// is judged by its package alone.
func DeveloperCode(pass *analysis.Pass, file *ast.File) bool {
	if file != nil && FileRole(file) != Ordinary {
		return true
	}
	return PackageRole(pass) != Ordinary
}

// DemoteDeveloperCode returns a copy of pass whose Report puts each
// diagnostic in developer code (DeveloperCode) in the opt-in category
// developer-code, which every driver shows only with the check's -all
// flag; the message, related locations and fixes are kept. The file
// checks call it unless their -NAME.tools flag asks for such findings
// under their own categories.
func DemoteDeveloperCode(pass *analysis.Pass) *analysis.Pass {
	demoted := *pass
	report := pass.Report
	pkgRole, known := Ordinary, false
	var testing map[*token.File]bool
	demoted.Report = func(d analysis.Diagnostic) {
		if !known {
			pkgRole, testing, known = PackageRole(pass), TestingFiles(pass), true
		}
		if pkgRole != Ordinary || fileRole(pass, testing, d) != Ordinary {
			d.Category = DeveloperCodeCategory
		}
		report(d)
	}
	return &demoted
}

// fileRole is the FileRoleIn of the file d is in.
func fileRole(pass *analysis.Pass, testing map[*token.File]bool, d analysis.Diagnostic) Role {
	for _, f := range pass.Files {
		if f.FileStart <= d.Pos && d.Pos <= f.FileEnd {
			return FileRoleIn(f, testing, pass.Fset)
		}
	}
	return Ordinary
}

// ToolsFlagUsage is the usage text of the -NAME.tools flag of a check
// that demotes its findings in developer code.
const ToolsFlagUsage = "report findings in examples, benchmark programs, test utilities and developer tools under their own categories, as in ordinary code (without it they are the opt-in developer-code category, shown with -NAME.all)"
