# shellcheck shell=bash
# Sourced first by the project's scripts: a supported Node.js LTS first on PATH (infra/node.sh), so
# npm, npx and every app run on it even where the machine's node is older.
_ct_node_bin=$(bash "$(dirname "${BASH_SOURCE[0]}")/../infra/node.sh" bin-dir)
export PATH="$_ct_node_bin:$PATH"
unset _ct_node_bin
