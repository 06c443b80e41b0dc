#!/usr/bin/env bash
# Fetches ../sugar.js: the Sugar.js build ("Sugar Library vedge", MIT) that
# Postman's sandbox vendors and loads into every script context, taken
# verbatim from the postman-sandbox release Newman 6.2.2 depends on.
# Postman's only change is the small "postman mod" block near the top.
#
# Needs npm and network access to the npm registry. CI does not run it: the
# output is committed. The tarball's integrity is checked by npm against the
# registry's; the extracted file is checked against the hash below.
set -euo pipefail

version=4.7.1
want_sha256=cf1df861f49da9bfaf25fed4481e017d99837ed44624f442dadf116614c6183e

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack "postman-sandbox@$version" --silent >/dev/null && tar xzf "postman-sandbox-$version.tgz")
src="$work/package/lib/vendor/sugar.js"
got="$(sha256sum "$src" | cut -d' ' -f1)"
if [ "$got" != "$want_sha256" ]; then
  echo "sugar.js from postman-sandbox@$version has sha256 $got, want $want_sha256" >&2
  exit 1
fi
cp "$src" "$here/../sugar.js"
cp "$work/package/LICENSE.md" "$here/../sugar.postman-sandbox-LICENSE.md"
echo "wrote $here/../sugar.js"
