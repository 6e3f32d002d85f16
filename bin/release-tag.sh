#!/usr/bin/env bash
# Tag a release whose tree carries the built JavaScript (dist/), so that
# installing from git — the pre-commit framework's hook, `npm i -D
# git+https://…#v0.1.0`, `npm install -g git+file://…` — needs no build step
# and no install script. The branch itself never holds dist/: the tag points
# at a commit made beside HEAD (HEAD's tree plus dist/), with HEAD as parent.
#
#   npm run release:tag -- v0.1.0
set -euo pipefail
tag=${1:?usage: npm run release:tag -- vX.Y.Z}
cd "$(dirname "$0")/.."
if ! git diff --quiet HEAD --; then
  echo "release-tag: the work tree has uncommitted changes; commit them first" >&2
  exit 2
fi
rm -rf dist
npm run build --silent
index=$(mktemp)
trap 'rm -f "$index"' EXIT
GIT_INDEX_FILE=$index git read-tree HEAD
GIT_INDEX_FILE=$index git add -f dist
tree=$(GIT_INDEX_FILE=$index git write-tree)
commit=$(git commit-tree "$tree" -p HEAD -m "Release $tag: $(git rev-parse --short HEAD) with its built JavaScript (dist/)")
git tag -a "$tag" -m "$tag" "$commit"
echo "$tag -> $commit"
