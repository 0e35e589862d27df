package main

import (
	"fmt"
	"slices"
	"strings"
)

// Entry is one module of the corpus: a module pinned in bench/go.mod, or
// the standard library.
type Entry struct {
	Name    string   // short name, accepted by -corpus
	Path    string   // module path; "std" for the standard library
	Version string   // the version bench/go.mod selects; empty for std
	Pin     string   // a package of the module that corpus/pin.go imports, keeping the requirement in go.mod
	Pattern []string // package patterns to analyze; nil means ./...
	Local   string   // a module of the toctou repository (a directory relative to its root), copied afresh each run
	Why     string   // why the module is in the corpus
}

// IsStd reports whether e is the standard library.
func (e Entry) IsStd() bool { return e.Path == "std" }

// Patterns returns the package patterns to analyze.
func (e Entry) Patterns() []string {
	if len(e.Pattern) == 0 {
		return []string{"./..."}
	}
	return e.Pattern
}

// ID is "path@version", "std" for the standard library, or the
// directory of a local module.
func (e Entry) ID() string {
	switch {
	case e.IsStd():
		return "std"
	case e.Local != "":
		return e.Local
	}
	return e.Path + "@" + e.Version
}

// VersionLabel describes what version of the entry is analyzed.
func (e Entry) VersionLabel() string {
	switch {
	case e.IsStd():
		return "the local Go: " + strings.Join(e.Patterns(), " ") + " (non-test files)"
	case e.Local != "":
		return "the working tree's " + e.Local + "/"
	}
	return e.Version
}

// corpus returns the corpus, in the order the harness runs it. This list is
// the only place that names the corpus: corpus/pin.go is generated from it
// (go run . -writepin), the harness checks that bench/go.mod selects these
// versions, and bench/README.md prints it (go run . -list).
func corpus() []Entry {
	return []Entry{
		{Name: "prometheus", Path: "github.com/prometheus/prometheus", Version: "v0.315.0", Pin: "github.com/prometheus/prometheus/tsdb",
			Why: "monitoring server and TSDB: WAL, block files, rules and config files, HTTP scraping and remote write; the speed budget of issue 8 is stated on this version"},
		{Name: "std", Path: "std", Pattern: []string{"std"},
			Why: "the Go standard library (non-test files): os, io/fs, net, net/http themselves; download-free"},
		{Name: "containerd", Path: "github.com/containerd/containerd/v2", Version: "v2.2.9", Pin: "github.com/containerd/containerd/v2/client",
			Why: "container runtime: snapshots, content store, mounts, lock and state files, gRPC (later releases need a go directive above bench's go 1.26.0)"},
		{Name: "helm", Path: "helm.sh/helm/v3", Version: "v3.22.0", Pin: "helm.sh/helm/v3/pkg/action",
			Why: "CLI with config files: repository caches, chart archives, kubeconfig, registry and HTTP clients"},
		{Name: "minio-go", Path: "github.com/minio/minio-go/v7", Version: "v7.4.1", Pin: "github.com/minio/minio-go/v7",
			Why: "HTTP-heavy SDK: S3 client with retries, multipart uploads, credential files"},
		{Name: "etcd", Path: "go.etcd.io/etcd/server/v3", Version: "v3.7.3", Pin: "go.etcd.io/etcd/server/v3/embed",
			Why: "database server: WAL, snapshots, bbolt files, raft over HTTP and gRPC"},
		{Name: "rclone", Path: "github.com/rclone/rclone", Version: "v1.76.0", Pin: "github.com/rclone/rclone/fs",
			Why: "sync tool: local and remote file systems, HTTP backends with retries, caches, config file"},
		{Name: "caddy", Path: "github.com/caddyserver/caddy/v2", Version: "v2.11.9", Pin: "github.com/caddyserver/caddy/v2",
			Why: "web server: HTTP servers and reverse proxy, certificate storage and lock files, admin API"},
		{Name: "hugo", Path: "github.com/gohugoio/hugo", Version: "v0.165.0", Pin: "github.com/gohugoio/hugo/hugolib",
			Why: "static site generator: file system walks, caches, temporary files, HTTP fetches (v0.166+ require go 1.27)"},
		{Name: "nats-server", Path: "github.com/nats-io/nats-server/v2", Version: "v2.15.2", Pin: "github.com/nats-io/nats-server/v2/server",
			Why: "messaging server: JetStream file store, TCP and WebSocket servers, config reload"},
		{Name: "go-git", Path: "github.com/go-git/go-git/v5", Version: "v5.19.3", Pin: "github.com/go-git/go-git/v5",
			Why: "git in Go: object and pack files, index and lock files, HTTP and SSH transports"},
		{Name: "go-billy", Path: "github.com/go-git/go-billy/v5", Version: "v5.9.2", Pin: "github.com/go-git/go-billy/v5",
			Why: "file system abstraction (os, memory, chroot, temp files): small, the module of the smoke run"},
	}
}

// smokeCorpus is what -smoke analyzes: one small module of the corpus, a
// handful of standard library packages, and the repository's demo module,
// whose findings have fixes, so that the fix check applies and compiles
// some.
func smokeCorpus() []Entry {
	all := corpus()
	billy := all[slices.IndexFunc(all, func(e Entry) bool { return e.Name == "go-billy" })]
	std := Entry{Name: "std", Path: "std", Pattern: []string{"os", "net/http"},
		Why: "os and net/http of the standard library"}
	demo := Entry{Name: "demo", Path: "example.com/demo", Local: "testdata",
		Why: "the repository's demo module: a finding of each kind, with fixes"}
	return []Entry{billy, std, demo}
}

// selectEntries returns the entries of all named by list, a comma-separated
// list of short names or module paths; all of them when list is empty.
func selectEntries(all []Entry, list string) ([]Entry, error) {
	if strings.TrimSpace(list) == "" {
		return all, nil
	}
	var out []Entry
	for name := range strings.SplitSeq(list, ",") {
		name = strings.TrimSpace(name)
		i := slices.IndexFunc(all, func(e Entry) bool { return e.Name == name || e.Path == name })
		if i < 0 {
			return nil, fmt.Errorf("-corpus: no corpus entry %q (have %s)", name, strings.Join(names(all), ", "))
		}
		out = append(out, all[i])
	}
	return out, nil
}

// names returns the short names of entries.
func names(entries []Entry) []string {
	var out []string
	for _, e := range entries {
		out = append(out, e.Name)
	}
	return out
}
