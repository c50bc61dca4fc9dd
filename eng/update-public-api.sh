#!/usr/bin/env bash
# Adds the symbols the PublicApiAnalyzers report as undeclared (RS0016) to the project's
# PublicAPI.Unshipped.txt, keeping it sorted under its '#nullable enable' header. Review the
# diff: every line is a public API promise.
# Usage: eng/update-public-api.sh src/Golem.MeshPki
set -euo pipefail
project_dir=${1:?usage: eng/update-public-api.sh PROJECT_DIR}
unshipped="$project_dir/PublicAPI.Unshipped.txt"
added=$(dotnet build "$project_dir" -c Release --no-incremental 2>&1 \
  | grep -oP "error RS0016: Symbol '\K.*(?=' is not part of the declared public API)" | sort -u || true)
if [[ -z "$added" ]]; then echo "nothing to add"; exit 0; fi
# The header is read before the file is rewritten (a redirection truncates the file before the
# commands in its group run), and only a header line is skipped, never a symbol.
{ grep -v '^#nullable enable$' "$unshipped" || true; printf '%s\n' "$added"; } | grep -v '^$' | sort -u > "$unshipped.new"
{ echo '#nullable enable'; cat "$unshipped.new"; } > "$unshipped"
rm "$unshipped.new"
echo "added $(printf '%s\n' "$added" | wc -l) symbols to $unshipped"
