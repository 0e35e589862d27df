package main

// The users' route to the golangci-lint plugin: "golangci-lint custom"
// with the repository's .custom-gcl.yml, made to run offline. It clones
// golangci-lint from GitHub; here git is pointed (url.insteadOf, through
// GIT_CONFIG_* variables, which golangci-lint passes on to git) at a local
// repository made from the module cache's copy of the same release.

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

const golangciRepo = "https://github.com/golangci/golangci-lint.git"

func TestCustomGCL(t *testing.T) {
	t.Parallel()
	gcl := externalTool(t, gclEnv, gclHow)
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}

	// The release tools/gcl builds must be the one .custom-gcl.yml names.
	list := run(t, filepath.Join(root, "tools", "gcl"), "", "go", "list", "-m", "-f", "{{.Version}} {{.Dir}}", "github.com/golangci/golangci-lint/v2")
	version, src, ok := strings.Cut(strings.TrimSpace(list.stdout), " ")
	if list.code != 0 || !ok {
		t.Fatalf("go list golangci-lint in tools/gcl: %s", list)
	}
	cfg, err := os.ReadFile(filepath.Join(root, ".custom-gcl.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if m := regexp.MustCompile(`(?m)^version: (\S+)$`).FindSubmatch(cfg); m == nil || string(m[1]) != version {
		t.Fatalf(".custom-gcl.yml does not build golangci-lint %s, the version tools/gcl requires", version)
	}

	// A git repository with that release, tagged.
	mirror := filepath.Join(t.TempDir(), "golangci-lint")
	if err := copyTree(src, mirror); err != nil {
		t.Fatal(err)
	}
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=test", "-c", "user.email=test@example.com"}, args...)...)
		cmd.Dir = mirror
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	git("init", "-q")
	git("add", "-A")
	git("commit", "-q", "-m", version)
	git("tag", version)

	dest := t.TempDir()
	env := append(goEnv(""),
		"GOFLAGS=", // golangci-lint custom runs go mod tidy
		"GIT_CONFIG_COUNT=1",
		"GIT_CONFIG_KEY_0=url."+fileURI(mirror)+".insteadOf",
		"GIT_CONFIG_VALUE_0="+golangciRepo)
	r := runEnv(t, root, env, gcl, "custom", "--destination", dest)
	if r.code != 0 {
		t.Fatalf("golangci-lint custom: %s", r)
	}
	custom := filepath.Join(dest, "golangci-lint-toctou")
	if _, err := os.Stat(custom); err != nil {
		t.Fatalf("golangci-lint custom built no %s: %v\n%s", custom, err, r)
	}

	// The binary it built reports what the standalone checker reports.
	dir := demoCopy(t)
	want := analysisFindings(jsonDiags(t, run(t, dir, "", toctou(t), "-json", "./...").stdout))
	lint := runGCL(t, custom, dir, "", gclConfig(false), "--output.json.path=stdout", "--show-stats=false", "./...")
	if got := gclFindings(t, lint.stdout); !slices.Equal(got, want) || len(want) == 0 {
		t.Errorf("the golangci-lint that golangci-lint custom built reports\n\t%s\nthe standalone checker\n\t%s",
			strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}
