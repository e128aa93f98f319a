#!/usr/bin/env bash
# Node.js LTS for the project's own scripts: the machine's node when its major is the LTS's (or
# newer), otherwise NODE_LTS_VERSION unpacked from the npm registry's node-<os>-<arch> package
# (the registry is reachable where nodejs.org may not be) into $CT_NODE_DIR.
# usage: infra/node.sh bin-dir    prints the directory to put first on PATH (installs if needed)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

want_major=${NODE_LTS_VERSION%%.*}

major_of() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

package_name() {
  local os arch
  case "$(uname -s)" in
    Linux) os=linux ;; Darwin) os=darwin ;; *) die "node: no npm node package for $(uname -s)" ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) die "node: no npm node package for $(uname -m)" ;;
  esac
  echo "node-$os-$arch"
}

install() {
  [[ -x $CT_NODE_DIR/bin/node && $("$CT_NODE_DIR/bin/node" -v) == "v$NODE_LTS_VERSION" ]] && return 0
  exec 9>"$CT_CACHE_DIR/.node-install.lock"
  flock 9 # one download at a time
  [[ -x $CT_NODE_DIR/bin/node && $("$CT_NODE_DIR/bin/node" -v) == "v$NODE_LTS_VERSION" ]] && return 0
  local pkg tmp
  pkg="$(package_name)@$NODE_LTS_VERSION"
  tmp=$(mktemp -d)
  say "node: fetching $pkg from the npm registry (first run only)"
  (cd "$tmp" && npm pack "$pkg" --silent >/dev/null) || die "node: npm pack $pkg failed"
  tar -xzf "$tmp"/*.tgz -C "$tmp"
  [[ -x $tmp/package/bin/node ]] || die "node: $pkg has no bin/node"
  rm -rf "$CT_NODE_DIR" && mkdir -p "$(dirname "$CT_NODE_DIR")"
  mv "$tmp/package" "$CT_NODE_DIR" && rm -rf "$tmp"
  say "node: $("$CT_NODE_DIR/bin/node" -v) in $CT_NODE_DIR"
  exec 9>&-
}

case "${1:-bin-dir}" in
  bin-dir)
    system=$(command -v node || true)
    if [[ -n $system && $(major_of "$system") -ge $want_major ]]; then
      dirname "$system"
    else
      install
      echo "$CT_NODE_DIR/bin"
    fi
    ;;
  *) die "usage: infra/node.sh bin-dir" ;;
esac
