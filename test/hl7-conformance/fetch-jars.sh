#!/usr/bin/env bash
# Downloads the jars of pom.xml (HAPI) into the cache, first run only, and prints their directory.
set -euo pipefail
# shellcheck source=../../infra/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../infra/lib.sh"

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# keyed by the pom's content, so a changed pom fetches afresh instead of reusing old jars
LIBS="$CT_CACHE_DIR/hl7-conformance-$(sha256sum "$HERE/pom.xml" | cut -c1-12)/libs"
mvn_fetch "$HERE" "$LIBS"
echo "$LIBS"
