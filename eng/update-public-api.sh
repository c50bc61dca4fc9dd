#!/usr/bin/env bash
# Adds the symbols the PublicApiAnalyzers report as undeclared (RS0016) to the project's
# PublicAPI.Unshipped.txt, keeping it sorted under its `#nullable enable` header. Review the diff:
# every line is a public API promise.
# Usage: eng/update-public-api.sh src/Golem.MeshPki
set -euo pipefail
project_dir=${1:?usage: eng/update-public-api.sh PROJECT_DIR}
unshipped="$project_dir/PublicAPI.Unshipped.txt"
added=$(dotnet build "$project_dir" -c Release --no-incremental 2>&1 \
  | grep -oP "error RS0016: Symbol '\K.*(?=' is not part of the declared public API)" | sort -u || true)
symbols=$(mktemp)
{ grep -v -e '^#nullable enable$' -e '^$' "$unshipped" || true; printf '%s\n' "$added"; } | grep -v '^$' | LC_ALL=C sort -u > "$symbols"
{ echo '#nullable enable'; cat "$symbols"; } > "$unshipped"
rm "$symbols"
echo "added $(printf '%s' "$added" | grep -c . || true) symbols to $unshipped"
