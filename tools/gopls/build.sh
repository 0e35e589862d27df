#!/usr/bin/env bash
# Builds gopls with the toctou analyzers built in, into bin/gopls-toctou at
# the repository root (or the path given as the first argument).
#
# gopls cannot load third-party analyzers (golang/go#59869), so this
# copies the pinned gopls release from the module cache into build/
# (generated, ignored by git), applies toctou.patch (which appends
# driver.Entries() to gopls's analyzer list in internal/settings), and
# builds it from this wrapper module, whose go.mod replaces gopls with the
# copy, toctou with the checkout, and golang.org/x/tools with the version
# gopls itself pins: the toctou passes are compiled against that x/tools.
#
# Needs the go command and, on a cold machine, the Go module proxy.
# Re-pin: change the gopls version in go.mod, run this script (it says
# which x/tools version to put in the replace), then "go mod tidy" here.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=${1:-$here/../../bin/gopls-toctou}
cd "$here"
export GOTOOLCHAIN=${GOTOOLCHAIN:-local} GOWORK=off GOFLAGS=-mod=readonly

# The gopls version and the x/tools replace, from this module's go.mod.
# (go list cannot tell yet: the replacement directory may not exist.)
version=$(go mod edit -json | sed -n '/"Require"/,/]/p' |
	grep -A1 -E '"Path": "golang.org/x/tools/gopls",?$' | sed -n 's/.*"Version": "\(.*\)".*/\1/p')
toolsPin=$(go mod edit -json | sed -n '/"Replace"/,$p' |
	grep -A3 -E '"Path": "golang.org/x/tools",?$' | sed -n 's/.*"Version": "\(.*\)".*/\1/p' | sed -n 1p)
if [[ -z "$version" || -z "$toolsPin" ]]; then
	echo "tools/gopls/go.mod: no golang.org/x/tools/gopls requirement or golang.org/x/tools replace" >&2
	exit 1
fi

# A pristine copy of that release, patched.
src=$(cd / && GOFLAGS=-mod=mod go mod download -json "golang.org/x/tools/gopls@$version" |
	sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
if [[ ! -d "$src" ]]; then
	echo "could not download golang.org/x/tools/gopls@$version" >&2
	exit 1
fi
rm -rf build/gopls
mkdir -p build
cp -R "$src" build/gopls
chmod -R u+w build/gopls
patch --quiet -p1 -d build/gopls < toctou.patch

# gopls compiles only against the x/tools it pins; so must toctou.
pinned=$(cd build/gopls && go list -m -f '{{.Version}}' golang.org/x/tools)
if [[ "$pinned" != "$toolsPin" ]]; then
	echo "gopls $version pins golang.org/x/tools $pinned, but tools/gopls/go.mod replaces it with $toolsPin;" >&2
	echo "set the replace to $pinned and run go mod tidy in tools/gopls" >&2
	exit 1
fi

go build -trimpath -o "$out" golang.org/x/tools/gopls
echo "built $out (gopls $version, golang.org/x/tools $toolsPin)"
