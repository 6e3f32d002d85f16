#!/usr/bin/env bash
# Tag a release whose tree is the package as it installs: the built
# JavaScript (dist/) and a package.json without devDependencies or scripts.
# Installing from git — the pre-commit framework's hook, `npm i -D
# git+https://…#v0.1.0`, `npm install -g git+file://…#v0.1.0` — then needs no
# build step, no compiler and no install script. The branch never holds
# dist/: the tag points at a commit made beside HEAD, with HEAD as parent.
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
npm run compile --silent
index=$(mktemp)
trap 'rm -f "$index"' EXIT
export GIT_INDEX_FILE=$index
git read-tree HEAD
git add -f dist
manifest=$(node -e '
  const pkg = JSON.parse(require("fs").readFileSync("package.json", "utf8"));
  delete pkg.devDependencies;
  delete pkg.scripts;
  process.stdout.write(JSON.stringify(pkg, null, 2) + "\n");
' | git hash-object -w --stdin)
git update-index --cacheinfo "100644,$manifest,package.json"
git rm -q --cached --ignore-unmatch package-lock.json
tree=$(git write-tree)
commit=$(git commit-tree "$tree" -p HEAD -m "Release $tag: $(git rev-parse --short HEAD) as it installs (dist/ built, no devDependencies or scripts)")
git tag -a "$tag" -m "$tag" "$commit"
echo "$tag -> $commit"
