#!/bin/sh
# Builds the benchmark peer kubeconform v0.6.3 offline from bare git mirrors (see ../shared/tools/kubeconform-build.md):
#   bench/peers/build-kubeconform.sh <mirror-dir> <out-dir>
# <mirror-dir>/owner+name/repo (or owner+name) are bare clones; the binary lands in <out-dir>/kubeconform.
set -eu
MIRROR=$1; OUT=$2
command -v go >/dev/null || { echo "go not found (Debian: apt-get install golang-go)" >&2; exit 3; }
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
gitdir() { if [ -d "$MIRROR/$1/repo" ]; then echo "$MIRROR/$1/repo"; else echo "$MIRROR/$1"; fi; }
x() { mkdir -p "$3"; git --git-dir="$(gitdir "$1")" archive "$2" -- . ${4:+":(exclude)$4"} | tar -x -C "$3"; }
x yannh+kubeconform v0.6.3 "$WORK/kubeconform" fixtures/valid_large.yaml || true
x santhosh-tekuri+jsonschema v5.1.1 "$WORK/deps/jsonschema-v5.1.1"
x kubernetes-sigs+yaml v1.2.0 "$WORK/deps/sigs-yaml-v1.2.0"
x go-yaml+yaml v2.4.0 "$WORK/deps/yaml.v2-v2.4.0"
x davecgh+go-spew v1.1.1 "$WORK/deps/go-spew-v1.1.1"
x go-check+check 20d25e280405 "$WORK/deps/check.v1"
echo 'module github.com/davecgh/go-spew' > "$WORK/deps/go-spew-v1.1.1/go.mod"
echo 'module gopkg.in/check.v1' > "$WORK/deps/check.v1/go.mod"
cd "$WORK/kubeconform" && rm -rf vendor
cat >> go.mod <<'MOD'

replace (
	github.com/santhosh-tekuri/jsonschema/v5 => ../deps/jsonschema-v5.1.1
	sigs.k8s.io/yaml => ../deps/sigs-yaml-v1.2.0
	gopkg.in/yaml.v2 => ../deps/yaml.v2-v2.4.0
	github.com/davecgh/go-spew => ../deps/go-spew-v1.1.1
	gopkg.in/check.v1 => ../deps/check.v1
)
MOD
mkdir -p "$OUT"
GOFLAGS=-mod=mod GOPROXY=off GOSUMDB=off GOTOOLCHAIN=local CGO_ENABLED=0 GOCACHE="$WORK/gocache" \
  go build -trimpath -ldflags '-s -w -X main.version=v0.6.3' -o "$OUT/kubeconform" ./cmd/kubeconform
"$OUT/kubeconform" -v
